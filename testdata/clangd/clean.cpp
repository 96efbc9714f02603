// Opened by tests/clangd_lsp_test.py: a coroutine with nothing to report.
#include "corolint_task.hpp"
#include <mutex>

testing_task::task<> step();
std::mutex m;

testing_task::task<> refresh() {
  {
    std::lock_guard guard(m);
  }
  co_await step();
}
