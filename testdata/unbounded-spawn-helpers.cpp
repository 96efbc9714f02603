// CHECKS: coro-unbounded-spawn
// A loop that awaits (or calls) a helper once per element, where the helper
// starts work in the background and returns without waiting for it: each
// iteration leaves one more piece of work in flight, as a spawn written in
// the loop itself would. Not reported: a helper that waits for its work,
// returns it to the caller, takes a limiter unit the work keeps, or starts
// its work only once (a flag it sets, or the initialiser of a function-local
// static: a singleton started on first use); a loop with a constant count.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/queue.hh>
#include <seastar/core/semaphore.hh>

#include <cstddef>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace helpers {
seastar::future<> send(int item);
void work(int item);

// The helper awaits its request before it returns.
seastar::future<> upload_part_waited(int part) { co_await send(part); }

// --- positives -------------------------------------------------------------

// A coroutine helper that drops the request's future (a gate keeps count).
struct uploader {
  seastar::gate _gate;
  seastar::future<> upload_part(int part) {
    auto holder = _gate.hold();
    std::ignore = send(part).finally([h = std::move(holder)] {}); // expect-note: 'helpers::send' is started in the background here and not awaited
    co_return;
  }
  seastar::future<> upload(std::vector<int> parts) {
    for (int p : parts) // expect-note: loop runs once per element of 'parts'
      co_await upload_part(p); // expect-warning: 'helpers::uploader::upload_part' starts work in the background and returns without waiting for it, once per iteration of a loop with no concurrency limit; have it wait for its work, then [coro-unbounded-spawn]
    co_await _gate.close();
  }
};

// A plain function that starts a thread and detaches it.
void start_worker(int item) {
  std::thread(work, item).detach(); // expect-note: 'std::thread' is started in the background here and not awaited
}
void start_all(const std::vector<int> &items) {
  for (int item : items) // expect-note: loop runs once per element of 'items'
    start_worker(item); // expect-warning: 'helpers::start_worker' starts work in the background [coro-unbounded-spawn]
}

// Two helpers deep: the awaited helper calls a plain one that drops a future.
void fire(int item) {
  (void)send(item); // expect-note: 'helpers::send' is started in the background here and not awaited
}
seastar::future<> prepare_and_fire(int item) {
  co_await send(-item);
  fire(item); // expect-note: 'helpers::fire' is called here and starts work in the background
}
seastar::future<> fire_all(std::vector<int> items) {
  for (int item : items) // expect-note: loop runs once per element of 'items'
    co_await prepare_and_fire(item); // expect-warning: 'helpers::prepare_and_fire' starts work in the background [coro-unbounded-spawn]
}

// A drain loop: the helper drops each request's future.
struct flusher {
  void flush_one(int item) {
    (void)send(item); // expect-note: 'helpers::send' is started in the background here and not awaited
  }
  seastar::future<> drain(seastar::queue<int> &q) {
    while (!q.empty()) // expect-note: loop has no bound on its number of iterations
      flush_one(q.pop()); // expect-warning: 'helpers::flusher::flush_one' starts work in the background [coro-unbounded-spawn]
    co_return;
  }
};

// A byte range cut into parts: a stride loop walks data, it is not a pool
// of workers.
seastar::future<> copy_range(std::size_t size, std::size_t part_size) {
  for (std::size_t offset = 0; offset < size; offset += part_size) // expect-note: loop runs up to 'size' times
    (void)send(static_cast<int>(offset)); // expect-warning: 'helpers::send' starts one task per iteration of a loop with no concurrency limit [coro-unbounded-spawn]
  co_return;
}

// A bounded combinator whose per-element function returns at once, its
// work still running: the bound holds nothing.
struct batch_uploader {
  seastar::future<> upload_part(int part) {
    (void)send(part); // expect-note: 'helpers::send' is started in the background here and not awaited
    co_return;
  }
  seastar::future<> upload(std::vector<int> parts) {
    co_await seastar::max_concurrent_for_each(parts, 16, [this](int p) {
      return upload_part(p); // expect-warning: 'helpers::batch_uploader::upload_part' starts work in the background and returns without waiting for it, so 'seastar::max_concurrent_for_each' does not bound the work it runs [coro-unbounded-spawn]
    });
  }
};

// --- negatives -------------------------------------------------------------

// The bounded combinator over a helper that waits for its work.
seastar::future<> upload_bounded(std::vector<int> parts) {
  co_await seastar::max_concurrent_for_each(
      parts, 16, [](int p) { return upload_part_waited(p); });
}

seastar::future<> upload_waited(std::vector<int> parts) {
  for (int p : parts)
    co_await upload_part_waited(p);
}

// The helper hands the request to its caller, which awaits it.
seastar::future<> start_request(int item) { return send(item); }
seastar::future<> start_request_held(int item) {
  auto f = send(item);
  return f;
}
seastar::future<> request_all(std::vector<int> items) {
  for (int item : items) {
    co_await start_request(item);
    co_await start_request_held(item);
  }
}

// The helper takes a unit of a semaphore first; the background work holds
// it until it ends, so at most the semaphore's count run at once.
struct limited {
  seastar::semaphore _sem{16};
  seastar::future<> upload_part(int part) {
    auto units = co_await seastar::get_units(_sem, 1);
    (void)send(part).finally([u = std::move(units)] {});
  }
  seastar::future<> upload(std::vector<int> parts) {
    for (int p : parts)
      co_await upload_part(p);
  }
};

// A constant number of calls.
seastar::future<> upload_four(uploader &u) {
  for (int p = 0; p < 4; ++p)
    co_await u.upload_part(p);
}

// The helper starts its background loop once, guarded by a flag it sets.
struct service {
  bool _started = false;
  bool _running = false;
  seastar::future<> run();
  void ensure_started() {
    if (!_started) {
      _started = true;
      (void)run();
    }
  }
  seastar::future<> ensure_running() {
    if (std::exchange(_running, true))
      co_return;
    (void)run();
  }
  seastar::future<> handle(std::vector<int> requests) {
    for (int r : requests) {
      ensure_started();
      co_await ensure_running();
      co_await send(r);
    }
  }
};

// A process-wide pool started on first use: the thread starts while a
// function-local static is initialised, once per program, not per call.
struct pool {
  void run();
  int executor();
};
pool &global_pool() {
  static pool instance;
  [[maybe_unused]] static bool started = [](pool *p) {
    std::thread t([p] { p->run(); });
    t.detach();
    return true;
  }(&instance);
  return instance;
}
seastar::future<> sleep_on(int executor);
seastar::future<> sleep_a_bit() { co_await sleep_on(global_pool().executor()); }
seastar::future<> retry_forever() {
  while (true)
    co_await sleep_a_bit();
}

// The same start in a plain local's initialiser runs on every call.
pool &fresh_pool(pool &p) {
  [[maybe_unused]] bool started = [](pool *q) { // expect-note: 'helpers::fresh_pool::operator()' is called here and starts work in the background
    std::thread t([q] { q->run(); }); // expect-note: 'std::thread' is started in the background here and not awaited
    t.detach();
    return true;
  }(&p);
  return p;
}
seastar::future<> start_pools(std::vector<pool *> pools) {
  for (pool *p : pools) // expect-note: loop runs once per element of 'pools'
    co_await sleep_on(fresh_pool(*p).executor()); // expect-warning: 'helpers::fresh_pool' starts work in the background [coro-unbounded-spawn]
}

// A thread joined before the helper returns.
void run_and_join(int item) {
  std::thread t(work, item);
  t.join();
}
void run_all(const std::vector<int> &items) {
  for (int item : items)
    run_and_join(item);
}

// The caller takes a semaphore unit per iteration and hands it on.
seastar::future<> send_with(int item, seastar::semaphore_units<seastar::semaphore_default_exception_factory> units) {
  (void)send(item).finally([u = std::move(units)] {});
  co_return;
}
seastar::future<> upload_limited(std::vector<int> items, seastar::semaphore &sem) {
  for (int item : items) {
    auto units = co_await seastar::get_units(sem, 1);
    co_await send_with(item, std::move(units));
  }
}
} // namespace helpers
