// CHECKS: coro-blocking-call
// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Event loops run from coroutines (asio, real headers; cppcoro stand-in).
#include <asio.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>

// Running the loop from inside a coroutine that suspends: the loop nests
// inside a task of another loop; deadlock risk.
asio::awaitable<void> nested_run(asio::io_context &other) {
  other.run(); // expect-error: blocking call to 'asio::io_context::run' in coroutine 'nested_run' [coro-blocking-call]
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
}

// A coroutine that never suspends and only drives the loop is the loop's
// thread (cppcoro's tests pass such a lambda to when_all next to the work).
cppcoro::task<int> drive(cppcoro::io_service &io) {
  io.process_events();
  co_return 0;
}
cppcoro::task<int> drive_and_wait(cppcoro::io_service &io, cppcoro::task<> t) {
  io.process_events(); // expect-error: 'cppcoro::io_service::process_events' [coro-blocking-call]
  co_await t;
  co_return 0;
}
