// Test stand-in for Boost.Cobalt's <boost/cobalt/detached.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

namespace boost::cobalt {

// Eager fire-and-forget coroutine type: nothing can await or cancel it.
struct detached {
  struct promise_type {
    detached get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};

}  // namespace boost::cobalt
