// CHECKS: coro-awaitless-loop
// Busy-waits that poll through a call: a loop whose body does nothing but
// give the thread away (a spin hint such as std::this_thread::yield, or a
// small wrapper of one) and whose condition asks something whether it is
// done. The coroutine keeps its thread until the answer changes.
#include "corolint_task.hpp"
#include <atomic>
#include <chrono>
#include <sched.h>
#include <thread>
#include <vector>

using testing_task::task;
using namespace std::chrono_literals;

struct yield_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
yield_awaitable yield_now();

struct io_request {
  bool is_complete() const;
  bool poll(int &out);
};
struct work_queue {
  bool try_pop(int &out);
};
bool ready_for(int id);

// The project's own wrapper of a thread yield is a spin hint too.
void relax() { sched_yield(); }
struct backoff {
  void pause() { relax(); }
};
// A thread model reached through an accessor, as HSHM_THREAD_MODEL does.
struct thread_model {
  void yield() { std::this_thread::yield(); }
};
thread_model *current_model();
thread_model *model_for(io_request &req); // may do work with its argument

task<> spins_on_calls(io_request &req, work_queue &q, backoff &b, int id) {
  while (!req.is_complete()) // expect-warning: loop in coroutine 'spins_on_calls' spins on 'req.is_complete()' without suspending; await an event instead [coro-awaitless-loop]
    std::this_thread::yield();
  int out = 0;
  while (!req.poll(out)) { // expect-warning: spins on 'req.poll(out)' without suspending [coro-awaitless-loop]
    sched_yield();
  }
  int item = 0;
  while (!q.try_pop(item)) // expect-warning: spins on 'q.try_pop(item)' [coro-awaitless-loop]
    b.pause();
  for (;;) { // expect-warning: spins on 'ready_for(id)' [coro-awaitless-loop]
    if (ready_for(id))
      break;
    relax();
  }
  while (!req.is_complete() && !ready_for(id)) // expect-warning: spins on 'req.is_complete()' [coro-awaitless-loop]
    std::this_thread::yield();
  while (!req.is_complete()) // expect-warning: spins on 'req.is_complete()' [coro-awaitless-loop]
    current_model()->yield();
  co_return;
}

void process(int);
struct counter {
  int next();
};
task<> not_spinning_on_calls(io_request &req, work_queue &q, counter &c,
                             std::vector<int> &v) {
  while (!req.is_complete()) // suspends between polls
    co_await yield_now();
  while (!req.is_complete()) { // yields the thread, but also suspends
    std::this_thread::yield();
    co_await yield_now();
  }
  while (!req.is_complete()) // blocks: coro-blocking-call's business
    std::this_thread::sleep_for(1ms);
  while (!req.is_complete()) {
  } // no hint: a call retried until it succeeds, not known to be a wait
  int item = 0;
  while (q.try_pop(item)) // does work with what it gets
    process(item);
  for (int i = 0; i < 100; ++i) // a bounded back-off, not a wait
    std::this_thread::yield();
  while (!req.is_complete()) // the accessor takes an argument: may be work
    model_for(req)->yield();
  int spins = 0;
  while (c.next() < 10 && spins < 100) { // reads a counter the loop steps
    ++spins;
    std::this_thread::yield();
  }
  while (v.size() < 10) { // the loop fills what it tests
    v.push_back(1);
    std::this_thread::yield();
  }
  co_return;
}

// A plain function spinning is not this check's business.
void plain_spin(io_request &req) {
  while (!req.is_complete())
    std::this_thread::yield();
}

// Code handed to a thread runs there.
task<> offloaded(io_request &req) {
  std::thread t([&] {
    while (!req.is_complete())
      std::this_thread::yield();
  });
  t.join();
  co_return;
}
