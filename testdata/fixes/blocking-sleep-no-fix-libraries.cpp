// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// fix-expect: none
// Libraries whose timer needs objects the coroutine does not provably run
// on: concurrencpp's delay object needs a timer queue and an executor;
// cppcoro's io_service is in scope but the task never scheduled onto it
// (a wait on its timer would move the task there).
#include <concurrencpp/concurrencpp.h>
#include <cppcoro/io_service.hpp>
#include <cppcoro/task.hpp>
#include <chrono>
#include <thread>

concurrencpp::result<void> retry_later(int n) {
  std::this_thread::sleep_for(std::chrono::milliseconds(n));
  co_return;
}

cppcoro::task<> refresh(cppcoro::io_service &io) {
  std::this_thread::sleep_for(std::chrono::seconds(5));
  co_return;
}
