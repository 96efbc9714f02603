// Opened by tests/clangd_lsp_test.py through corolint-clangd.
#include "corolint_task.hpp"
#include <chrono>
#include <mutex>
#include <thread>

testing_task::task<> step();
std::mutex m;

testing_task::task<> refresh() {
  std::lock_guard guard(m);
  co_await step();
}

testing_task::task<> nap() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
