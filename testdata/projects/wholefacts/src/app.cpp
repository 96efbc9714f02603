// The coroutines (and a spawning loop) whose findings depend on what the
// summaries of src/tables.cpp, src/limits.cpp and src/keys.cpp say.
#include "corolint_task.hpp"
#include "wf/facts.h"
#include <thread>
#include <vector>

using testing_task::task;

namespace wf {

task<int> fetch_after(int key);
void work(int job);

// --- coro-awaitless-loop ---
// Reported: count_all walks the whole index on every key.
task<long> lookups(std::vector<int> keys, std::vector<table> index) {
  long total = 0;
  for (int k : keys)
    total += count_all(index, k);
  co_return total;
}
// Reported: the helper alone iterates two levels deep.
task<long> one_lookup(std::vector<table> index) {
  long n = count_all(index, 3);
  co_return n;
}
// Not reported: sum_row walks the row this loop is at (one level in all),
// first() does not loop.
task<long> row_sums(std::vector<table> index) {
  long total = 0;
  for (const table &row : index)
    total += sum_row(row) + first(row);
  co_return total;
}

// --- coro-unbounded-spawn ---
// Not reported: acquire_slot() takes a slot before each thread starts.
void bounded_jobs(const std::vector<int> &jobs) {
  for (int j : jobs) {
    acquire_slot();
    std::thread([j] { work(j); release_slot(); }).detach();
  }
}
// Reported: log_start() bounds nothing.
void unbounded_jobs(const std::vector<int> &jobs) {
  for (int j : jobs) {
    log_start(j);
    std::thread([j] { work(j); }).detach();
  }
}

// --- coro-sequential-await ---
// Reported: make_key() only computes from its argument, so the second
// fetch does not depend on the first.
task<int> two_keys(int id) {
  int a = co_await fetch_after(make_key(id));
  int b = co_await fetch_after(make_key(id + 1));
  co_return a + b;
}
// Not reported: next_sequence() writes a global, the order of the calls
// is the order of the numbers.
task<int> two_sequences() {
  int a = co_await fetch_after(next_sequence());
  int b = co_await fetch_after(next_sequence());
  co_return a + b;
}

} // namespace wf
