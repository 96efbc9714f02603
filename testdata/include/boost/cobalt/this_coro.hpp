// Test stand-in for Boost.Cobalt's <boost/cobalt/this_coro.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/config.hpp>

namespace boost::cobalt::this_coro {

// auto exec = co_await boost::cobalt::this_coro::executor;
// (Upstream executor_t is asio::this_coro::executor_t, handled by the
// promise's await_transform.)
struct executor_t {
  corolint_standin::awaiter<cobalt::executor> operator co_await() const noexcept {
    return {};
  }
};
constexpr executor_t executor;

// bool c = co_await boost::cobalt::this_coro::cancelled;
struct cancelled_t {
  corolint_standin::awaiter<bool> operator co_await() const noexcept { return {}; }
};
constexpr cancelled_t cancelled;

}  // namespace boost::cobalt::this_coro
