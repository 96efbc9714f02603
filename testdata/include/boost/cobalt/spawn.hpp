// Test stand-in for Boost.Cobalt's <boost/cobalt/spawn.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/task.hpp>

#include <concepts>

namespace boost::cobalt {

// Starts the task on an executor; completion goes to an asio completion
// token (e.g. boost::asio::detached or a callback). The stand-in returns
// void, as upstream does for callback/detached tokens.
template <std::convertible_to<executor> Executor, typename T, typename CompletionToken>
void spawn(Executor exec, task<T>&& t, CompletionToken&& token) {
  (void)exec;
  (void)t;
  (void)token;
}
template <typename Context, typename T, typename CompletionToken>
  requires requires(Context& c) { c.get_executor(); }
void spawn(Context& context, task<T>&& t, CompletionToken&& token) {
  (void)context;
  (void)t;
  (void)token;
}

}  // namespace boost::cobalt
