// fix-check: coro-lock-across-suspend
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// fix-expect: none
// Where releasing the lock early cannot be proven harmless, no fix.
#include "corolint_task.hpp"
#include <mutex>
#include <string>
#include <vector>

using testing_task::task;

task<> send(std::string text);
task<> step();
task<bool> more();

#define LOCKED(m) std::lock_guard lock_guard_##m(m)

struct Queue {
  std::mutex mu;
  std::vector<std::string> items;
  int sent = 0;

  // The guarded data is read after the suspension.
  task<> data_after() {
    std::unique_lock lk(mu);
    std::string first = items.front();
    co_await send(first);
    items.erase(items.begin());
  }

  // Guarded data is passed to the awaited operation itself.
  task<> data_in_await() {
    std::lock_guard g(mu);
    ++sent;
    co_await send(items.back());
  }

  // A declaration after the guard is used after the suspension.
  task<> declaration_used_after() {
    std::lock_guard g(mu);
    std::string first = items.front();
    co_await step();
    co_await send(first);
  }

  // Shared data written after the suspension: the lock may be meant for it.
  task<> write_after() {
    std::unique_lock lk(mu);
    std::string first = items.front();
    co_await send(first);
    ++sent;
  }

  // Nothing is used under the lock before the suspension.
  task<> nothing_before() {
    std::lock_guard g(mu);
    co_await step();
  }

  // The guard is used again after the suspension.
  task<> relocked() {
    std::unique_lock lk(mu);
    std::string first = items.front();
    co_await send(first);
    lk.unlock();
  }

  // The guard lives in a loop condition / an if's init-statement.
  task<> guard_in_condition() {
    while (std::unique_lock lk{mu}) {
      ++sent;
      co_await step();
    }
    if (std::lock_guard g(mu); sent > 0) {
      ++sent;
      co_await step();
    }
  }

  // Written by a macro.
  task<> by_macro() {
    LOCKED(mu);
    ++sent;
    co_await step();
  }

  // A call under the lock the analysis cannot see through.
  task<> opaque_under_lock() {
    std::unique_lock lk(mu);
    flush();
    co_await step();
  }
  void flush();

  // A variable whose destructor would run before the suspension instead of
  // after it.
  struct Stamp {
    ~Stamp();
  };
  task<> destructor_moves() {
    std::lock_guard g(mu);
    Stamp s;
    ++sent;
    co_await step();
  }
};

// A guarded global may be read by an awaited function.
std::mutex global_mu;
int global_count = 0;
task<> global_guarded() {
  std::unique_lock lk(global_mu);
  ++global_count;
  co_await step();
}
