// fix-check: coro-lock-across-suspend
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// A std::unique_lock whose guarded data is not used after the suspension
// is unlocked before it.
#include "corolint_task.hpp"
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

using testing_task::task;

task<> send(std::string text);
task<> step();

struct Cache {
  std::mutex mu;
  std::shared_mutex smu;
  std::vector<std::string> entries;
  int hits = 0;

  task<> publish_first() {
    std::unique_lock lk(mu);
    std::string first = entries.front();
    ++hits;
    co_await send(first);
  }

  task<> count_then_wait() {
    std::unique_lock<std::mutex> lk(mu);
    int seen = hits;
    co_await step();
    co_await send(std::to_string(seen));
  }

  task<> read_shared() {
    std::shared_lock r(smu);
    auto copy = entries;
    co_await send(copy.back());
  }
};
