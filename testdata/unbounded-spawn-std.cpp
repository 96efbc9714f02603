// CHECKS: coro-unbounded-spawn
// A thread (or std::async) per item, in plain functions and coroutines.
#include "corolint_task.hpp"
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <semaphore>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using testing_task::task;

struct item { int id; };
void process(const item &);
void work(int);
void *run(void *);
bool ready();
task<> step();
task<item> next_item();

// --- Reported ---------------------------------------------------------------

void detached_thread_per_item(const std::vector<item> &items) {
  for (const item &i : items) // expect-note: loop runs once per element of 'items'
    std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread per iteration of a loop with no concurrency limit; use a fixed pool of threads [coro-unbounded-spawn]
}

void emplaced_threads(const std::vector<item> &items) {
  std::vector<std::thread> threads;
  for (const item &i : items) // expect-note: loop runs once per element of 'items'
    threads.emplace_back(process, i); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  for (auto &t : threads)
    t.join();
}

void pushed_threads(const std::vector<item> &items) {
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < items.size(); ++k) // expect-note: loop runs up to 'items.size()' times
    threads.push_back(std::thread(process, items[k])); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  for (auto &t : threads)
    t.join();
}

void jthreads_kept(const std::vector<item> &items) {
  std::vector<std::jthread> threads;
  for (const item &i : items) // expect-note: loop runs once
    threads.emplace_back([i] { process(i); }); // expect-warning: 'std::jthread' starts one thread per iteration [coro-unbounded-spawn]
}

void local_thread_moved_out(const std::vector<item> &items, std::vector<std::thread> &out) {
  for (const item &i : items) { // expect-note: loop runs once
    std::thread t(process, i); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
    out.push_back(std::move(t));
  }
}

void local_thread_detached(const std::vector<item> &items) {
  for (const item &i : items) { // expect-note: loop runs once
    std::thread t(process, i); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
    t.detach();
  }
}

void async_futures_kept(const std::vector<item> &items) {
  std::vector<std::future<void>> futures;
  for (const item &i : items) // expect-note: loop runs once
    futures.push_back(std::async(std::launch::async, process, i)); // expect-warning: 'std::async' starts one thread per iteration of a loop with no concurrency limit; use a fixed pool of threads taking items from a queue, or wait for the futures in batches of N [coro-unbounded-spawn]
  for (auto &f : futures)
    f.get();
}

void async_default_policy_kept(const std::vector<item> &items) {
  std::vector<std::future<void>> futures;
  for (const item &i : items) // expect-note: loop runs once
    futures.emplace_back(std::async(process, i)); // expect-warning: 'std::async' starts one thread [coro-unbounded-spawn]
}

void while_queue_drained(std::vector<item> &queue) {
  while (!queue.empty()) { // expect-note: loop has no bound on its number of iterations
    item i = queue.back();
    queue.pop_back();
    std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
  }
}

void do_while_threads(std::vector<std::thread> &threads, int n) {
  int k = 0;
  do { // expect-note: loop has no bound
    threads.emplace_back(work, k); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
  } while (++k < n);
}

// A constant bound is a bound: the count is in the code and does not grow
// with the data (MaxConstantFanOut is 0 by default: constants are not
// reported; unbounded-spawn-options.cpp sets a cap).
void large_constant_bound(std::vector<std::thread> &threads) {
  for (int k = 0; k < 1000; ++k)
    threads.emplace_back(work, k);
  constexpr int stress_iterations = 200000;
  for (int k = 0; k < stress_iterations; ++k)
    std::thread(work, k).detach();
}

void capacity_count_loop(std::vector<std::thread> &threads, const std::vector<item> &items) {
  // A count that is the size of some data is a loop over that data.
  for (std::size_t k = 0; k < items.capacity(); ++k) // expect-note: loop runs up to 'items.capacity()' times
    threads.emplace_back(work, int(k)); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
}

void indexed_count_loop(const item *items, int n) {
  // A counted loop whose counter picks the item is a loop over data.
  for (int k = 0; k < n; ++k) // expect-note: loop runs up to 'n' times
    std::thread(process, items[k]).detach(); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
}

void pthreads(int n, const std::vector<item> &items) {
  std::vector<pthread_t> ids(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) // expect-note: loop runs up to 'items.size()' times
    pthread_create(&ids[k], nullptr, run, nullptr); // expect-warning: 'pthread_create' starts one thread [coro-unbounded-spawn]
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
}

void nested_constant_inside_unbounded(const std::vector<item> &items) {
  for (const item &i : items) // expect-note: loop runs once per element of 'items'
    for (int k = 0; k < 2; ++k)
      std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
}

task<> threads_from_a_coroutine(std::vector<item> items) {
  std::vector<std::jthread> pool;
  for (const item &i : items) // expect-note: loop runs once
    pool.emplace_back([i] { process(i); }); // expect-warning: 'std::jthread' starts one thread [coro-unbounded-spawn]
  co_await step();
}

// A `break` that leaves only a switch, an inner loop or a do-while(false),
// or a `throw` caught inside the loop, does not leave the loop around it.
void break_leaves_only_the_switch(const std::vector<item> &items) {
  for (const item &i : items) // expect-note: loop runs once per element of 'items'
    switch (i.id) {
    case 1:
      std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
      break;
    default:
      work(i.id);
      break;
    }
}

void break_leaves_only_the_retry_loop(const std::vector<item> &items) {
  for (const item &i : items) { // expect-note: loop runs once per element of 'items'
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (!ready())
        continue;
      std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
      break;
    }
  }
}

void break_leaves_only_the_do_once(const std::vector<item> &items) {
  for (const item &i : items) { // expect-note: loop runs once per element of 'items'
    do {
      if (i.id == 0) {
        std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
        break;
      }
      work(i.id);
    } while (false);
  }
}

void throw_caught_in_the_loop(const std::vector<item> &items) {
  for (const item &i : items) { // expect-note: loop runs once per element of 'items'
    try {
      std::thread(process, i).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
      throw std::runtime_error("started"); // caught below: the loop goes on
    } catch (const std::exception &) {
    }
  }
}

// --- Not reported: small or machine-sized bounds ------------------------------

void constant_bound(std::vector<std::thread> &threads) {
  for (int k = 0; k < 4; ++k)
    threads.emplace_back(work, k);
  for (int k = 0; k <= 64; ++k) // 65 iterations: a constant, so a bound (MaxConstantFanOut 0)
    threads.emplace_back(work, k);
}

void array_and_braced_lists() {
  std::array<item, 3> three{};
  for (const item &i : three)
    std::thread(process, i).detach();
  for (int k : {1, 2, 3})
    std::thread(work, k).detach();
  item raw[8];
  for (const item &i : raw)
    std::thread(process, i).detach();
}

void min_bound(std::vector<std::thread> &threads, unsigned n) {
  for (unsigned k = 0; k < std::min(n, 8u); ++k)
    threads.emplace_back(work, int(k));
}

void hardware_sized_pools(std::vector<std::thread> &threads) {
  for (unsigned k = 0; k < std::thread::hardware_concurrency(); ++k)
    threads.emplace_back(work, int(k));
  const unsigned cores = std::thread::hardware_concurrency();
  for (unsigned k = 0; k < cores; ++k)
    threads.emplace_back(work, int(k));
  unsigned workers = std::max(1u, std::thread::hardware_concurrency() - 1);
  for (unsigned k = 0; k < workers; ++k)
    threads.emplace_back(work, int(k));
  std::vector<std::thread> pool(std::thread::hardware_concurrency());
  for (std::thread &t : pool)
    t = std::thread(work, 0);
  for (std::thread &t : pool)
    t.join();
}

void worker_count_loop(std::vector<std::thread> &threads, unsigned thread_count) {
  // `thread_count` workers, each given its index: the pool size is the
  // program's choice, not the size of some data (ReportWorkerLoops).
  for (unsigned k = 0; k < thread_count; ++k)
    threads.emplace_back([k] { work(int(k)); });
}

// A pool's constructor pins each worker: `threads_[i]` is the thread the loop
// just started and `cpus_[i % cpus_.size()]` cycles over the cores; neither
// picks an item of data, so the loop is still a worker loop.
void pin(std::thread::native_handle_type, int cpu);
struct pinned_pool {
  std::vector<std::thread> threads_;
  std::vector<int> cpus_;
  std::size_t count_ = 4;
  void start() {
    for (std::size_t i = 0; i < count_; ++i) {
      threads_.emplace_back(work, int(i));
      pin(threads_[i].native_handle(), cpus_[i % cpus_.size()]);
    }
  }
  // The counter picks inputs: one thread per item of data.
  void start_each(const std::vector<int> &inputs, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) // expect-note: loop runs up to 'n' times
      threads_.emplace_back(work, inputs[i]); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  }
};

// --- Not reported: each iteration waits --------------------------------------

void joined_each_iteration(const std::vector<item> &items) {
  for (const item &i : items) {
    std::thread t(process, i);
    t.join();
  }
}

void jthread_local_joins_at_end_of_iteration(const std::vector<item> &items) {
  for (const item &i : items) {
    std::jthread t(process, i);
  }
  for (const item &i : items)
    std::jthread(process, i); // the temporary joins at the end of the statement
}

void async_discarded_or_local(const std::vector<item> &items) {
  for (const item &i : items)
    std::async(std::launch::async, process, i); // the discarded future waits
  for (const item &i : items) {
    auto f = std::async(std::launch::async, process, i); // waits at the end of the iteration
    (void)f;
  }
  for (const item &i : items)
    std::async(std::launch::async, process, i).get();
}

void async_deferred(const std::vector<item> &items) {
  std::vector<std::future<void>> futures;
  for (const item &i : items)
    futures.push_back(std::async(std::launch::deferred, process, i));
}

void optional_slot_replaced(const std::vector<item> &items) {
  std::optional<std::jthread> current;
  for (const item &i : items)
    current.emplace(process, i); // joins the previous one first
}

void spawn_in_range_expression(std::vector<std::future<void>> (*start_all)()) {
  for (auto &f : start_all()) // the range is evaluated once
    f.wait();
  for (const item &i : std::vector<item>{item{std::async(std::launch::async, work, 1).valid()}})
    process(i);
}

void future_waited_same_iteration(const std::vector<item> &items) {
  for (const item &i : items) {
    std::future<void> f = std::async(std::launch::async, process, i);
    work(1);
    f.wait();
  }
}

void pthread_joined_in_iteration(int n) {
  for (int k = 0; k < n; ++k) {
    pthread_t id;
    pthread_create(&id, nullptr, run, nullptr);
    pthread_join(id, nullptr);
  }
}

void batch_joined(const std::vector<item> &items) {
  std::vector<std::thread> batch;
  for (const item &i : items) {
    batch.emplace_back(process, i);
    if (batch.size() >= 8) {
      for (auto &t : batch)
        t.join();
      batch.clear();
    }
  }
}

// --- Not reported: a limiter on the path to the spawn --------------------------

std::counting_semaphore<16> slots(16);

void semaphore_before_each(const std::vector<item> &items) {
  for (const item &i : items) {
    slots.acquire();
    std::thread([i] { process(i); slots.release(); }).detach();
  }
}

void try_acquire_guard(const std::vector<item> &items) {
  for (const item &i : items) {
    if (!slots.try_acquire())
      continue;
    std::thread([i] { process(i); slots.release(); }).detach();
  }
}

std::mutex m;
std::condition_variable cv;
int running = 0;

void condition_variable_cap(const std::vector<item> &items) {
  for (const item &i : items) {
    std::unique_lock lock(m);
    cv.wait(lock, [] { return running < 8; });
    ++running;
    lock.unlock();
    std::thread([i] { process(i); std::lock_guard g(m); --running; cv.notify_one(); }).detach();
  }
}

// A thread-side cap polled with a sleep, a yield or a spin.
std::atomic<int> inflight{0};
void sleep_until_below_cap(const std::vector<item> &items) {
  for (const item &i : items) {
    while (inflight >= 8)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++inflight;
    std::thread([i] { process(i); --inflight; }).detach();
  }
  for (const item &i : items) {
    while (inflight.load() >= 8)
      std::this_thread::yield();
    ++inflight;
    std::thread([i] { process(i); --inflight; }).detach();
  }
}
// A loop on the count that does other work is no cap.
void count_loop_that_works(const std::vector<item> &items) {
  for (const item &i : items) { // expect-note: loop runs once
    while (inflight >= 8)
      process(i);
    ++inflight;
    std::thread([i] { process(i); --inflight; }).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  }
}

void acquire_slot() { slots.acquire(); }

void limiter_in_helper(const std::vector<item> &items) {
  for (const item &i : items) {
    acquire_slot();
    std::thread([i] { process(i); slots.release(); }).detach();
  }
}

// --- Not reported: accept/receive loops (arrival-paced) ------------------------

void line_per_thread() {
  char line[256];
  while (std::fgets(line, sizeof line, stdin)) // each line is awaited before its thread starts
    std::thread([s = std::string(line)] { work(int(s.size())); }).detach();
}

task<> receive_then_spawn() {
  for (;;) {
    item i = co_await next_item();
    std::thread(process, i).detach();
  }
}

// --- Not reported: not a loop, or leaves the loop ------------------------------

void single_thread(const item &i) { std::thread(process, i).detach(); }

void first_match_only(const std::vector<item> &items) {
  for (const item &i : items) {
    if (i.id == 42) {
      std::thread(process, i).detach();
      break;
    }
  }
}

void start_first_ready(const std::vector<item> &items) {
  for (const item &i : items) {
    if (!ready())
      continue;
    std::thread(process, i).detach();
    break;
  }
}

void first_match_per_shard(const std::vector<item> &items) {
  // The break leaves the inner loop: one thread per shard, four in all.
  for (int shard = 0; shard < 4; ++shard)
    for (const item &i : items)
      if (i.id % 4 == shard) {
        std::thread(process, i).detach();
        break;
      }
}

void break_after_the_switch(const std::vector<item> &items) {
  for (const item &i : items) {
    switch (i.id) {
    case 1:
      std::thread(process, i).detach();
      break;
    default:
      continue;
    }
    break; // leaves the for after the first started thread
  }
}

void throw_leaves_the_loop(const std::vector<item> &items) {
  try {
    for (const item &i : items) {
      try {
        std::thread(process, i).detach();
        throw std::runtime_error("started");
      } catch (const std::logic_error &) { // does not catch a runtime_error
      }
    }
  } catch (const std::exception &) {
  }
}

void default_constructed_slots(std::vector<std::thread> &threads, int n) {
  for (int k = 0; k < n * 1000; ++k)
    threads.emplace_back(); // no thread is started
}

void moved_threads(std::vector<std::thread> &from, std::vector<std::thread> &to) {
  for (std::thread &t : from)
    to.emplace_back(std::move(t)); // moves, starts nothing
}

void spawned_inside_lambda_body(const std::vector<item> &items) {
  auto start = [](const item &i) { std::thread(process, i).detach(); };
  start(items.front());
}

// In a class template a lambda's type is dependent, so the thread built
// from it is an unresolved construction until instantiation.
template <class Tag> struct dispatcher {
  void detach_each(const std::vector<item> &items) {
    for (const auto &x : items) // expect-note: loop runs once per element of 'items'
      std::thread([x] { process(x); }).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  }
  void keep_each(const std::vector<item> &items, std::vector<std::thread> &out) {
    for (const auto &x : items) // expect-note: loop runs once
      out.push_back(std::thread([x] { process(x); })); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  }
  void join_each(const std::vector<item> &items) {
    for (const auto &x : items)
      std::thread([x] { process(x); }).join();
    for (const auto &x : items)
      std::jthread([x] { process(x); });
  }
};

// Threads made by std::make_unique / std::make_shared.
void owned_threads(const std::vector<item> &items,
                   std::vector<std::unique_ptr<std::thread>> &out) {
  for (const auto &i : items) // expect-note: loop runs once
    out.push_back(std::make_unique<std::thread>(process, i)); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  for (const auto &i : items) {
    auto t = std::make_unique<std::thread>(process, i);
    t->join();
  }
  for (const auto &i : items)
    auto v = std::make_unique<std::vector<item>>(3, i);
}

// Batches joined by a helper when the count reaches a bound.
void join_all(std::vector<std::thread> &ts) {
  for (auto &t : ts)
    t.join();
  ts.clear();
}
void log_batch(std::vector<std::thread> &ts);
void batches_joined_by_helper(const std::vector<item> &items) {
  std::vector<std::thread> ts;
  for (const auto &i : items) {
    ts.emplace_back(process, i);
    if (ts.size() >= 8)
      join_all(ts);
  }
  join_all(ts);
}
void batches_only_logged(const std::vector<item> &items) {
  std::vector<std::thread> ts;
  for (const auto &i : items) { // expect-note: loop runs once
    ts.emplace_back(process, i); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
    if (ts.size() >= 8)
      log_batch(ts);
  }
  join_all(ts);
}
