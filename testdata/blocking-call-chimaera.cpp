// CHECKS: coro-blocking-call
// Chimaera (rules/chimaera.json): a runtime coroutine waiting for a
// submitted task with Future::Wait() instead of awaiting it.
#include <chimaera/task.h>
#include <vector>

struct ProcessTask {
  int result_code_ = 0;
};
chi::Future<ProcessTask> AsyncProcess(int part);

chi::TaskResume waits_for_each(int parts, int &failed) {
  std::vector<chi::Future<ProcessTask>> futures;
  for (int i = 0; i < parts; ++i)
    futures.push_back(AsyncProcess(i));
  for (auto &f : futures) {
    f.Wait(); // expect-error: blocking call to 'chi::Future::Wait' in coroutine 'waits_for_each' [coro-blocking-call]
    failed += f->result_code_ != 0;
  }
  co_await chi::yield();
}

chi::TaskResume awaits_each(int parts, int &failed) {
  std::vector<chi::Future<ProcessTask>> futures;
  for (int i = 0; i < parts; ++i)
    futures.push_back(AsyncProcess(i));
  for (auto &f : futures) {
    co_await f;
    failed += f->result_code_ != 0;
  }
}

// Outside a coroutine (a client's main thread) waiting is how it is used.
int client_waits(int part) {
  chi::Future<ProcessTask> f = AsyncProcess(part);
  f.Wait();
  return f->result_code_;
}

// Polling the flag between awaits is no blocking call either.
chi::TaskResume polls_with_yield(int part, int &code) {
  chi::Future<ProcessTask> f = AsyncProcess(part);
  while (!f.IsComplete())
    co_await chi::yield(10.0);
  code = f->result_code_;
}
