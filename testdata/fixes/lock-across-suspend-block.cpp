// fix-check: coro-lock-across-suspend
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// A std::lock_guard / std::scoped_lock whose last use precedes the
// suspension gets a block that ends its scope there.
#include "corolint_task.hpp"
#include <map>
#include <mutex>
#include <string>

using testing_task::task;

task<> send(std::string text);
task<> step();

struct Table {
std::mutex table_mu, log_mu;
std::map<int, std::string> table;
int version = 0;

task<> update(int key, std::string value) {
  std::lock_guard g(table_mu);
  table[key] = value;

  ++version;
  co_await send(value);
}

task<> both(int key) {
  std::scoped_lock both(table_mu, log_mu);
  int v = version; // a declaration used only under the lock
  table.erase(key + v);
  co_await step();
}
};

struct Counter {
  std::mutex mu;
  long total = 0;
  task<> add(long n) {
    if (n > 0) {
      std::lock_guard<std::mutex> g(mu);
      total += n;
      co_await step();
    }
  }
};
