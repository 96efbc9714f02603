// CHECKS: coro-unbounded-spawn
// OPTION: coro-unbounded-spawn.MaxConstantFanOut=4
// OPTION: coro-unbounded-spawn.ReportAcceptLoops=true
// OPTION: coro-unbounded-spawn.ReportWorkerLoops=true
// OPTION: coro-unbounded-spawn.ExtraSpawnFunctions=acme::start_job;acme::.*::fire;acme::group::start
// OPTION: coro-unbounded-spawn.ExtraLimiterFunctions=acme::take_slot
// The options: a lower constant threshold, accept loops and worker loops
// reported, a company's own spawn and limiter functions.
#include "corolint_task.hpp"
#include <thread>
#include <vector>

using testing_task::task;

namespace acme {
void start_job(int id);
namespace jobs {
void fire(int id);
}
task<> take_slot();
task<int> accept();
} // namespace acme

void work(int);

void threshold(std::vector<std::thread> &threads) {
  for (int k = 0; k < 4; ++k) // at the threshold: fine
    threads.emplace_back(work, k);
  for (int k = 0; k < 8; ++k) // expect-note: loop runs up to 8 times, more than MaxConstantFanOut (4)
    threads.emplace_back(work, k); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
}

task<> accept_loop_reported() {
  while (true) { // expect-note: loop has no bound on its number of iterations
    int conn = co_await acme::accept(); // expect-note: each iteration waits for one event here, but nothing caps how many started tasks run at once
    std::thread(work, conn).detach(); // expect-warning: 'std::thread' starts one thread per iteration [coro-unbounded-spawn]
  }
}

void worker_loop_reported(std::vector<std::thread> &threads, unsigned workers) {
  for (unsigned k = 0; k < workers; ++k) // expect-note: loop runs up to 'workers' times
    threads.emplace_back(work, int(k)); // expect-warning: 'std::thread' starts one thread [coro-unbounded-spawn]
}

void own_spawns(const std::vector<int> &ids) {
  for (int id : ids) // expect-note: loop runs once per element of 'ids'
    acme::start_job(id); // expect-warning: 'acme::start_job' starts one task per iteration of a loop with no concurrency limit; acquire a counting semaphore [coro-unbounded-spawn]
  for (int id : ids) // expect-note: loop runs once per element of 'ids'
    acme::jobs::fire(id); // expect-warning: 'acme::jobs::fire' starts one task [coro-unbounded-spawn]
}

task<> own_limiter(std::vector<int> ids) {
  for (int id : ids) {
    co_await acme::take_slot();
    acme::start_job(id);
  }
}

namespace acme {
struct job {};
// A spawn API that starts the range it is given (like libcoro's
// task_group): its callers choose how many.
template <class Executor> class group {
public:
  bool start(job &&j);
  template <class Range> group(Executor *ex, Range jobs) {
    for (auto &j : jobs)
      (void)start(static_cast<job &&>(j));
  }
  group(Executor *ex, std::vector<job> jobs) {
    for (auto &j : jobs)
      (void)this->start(static_cast<job &&>(j));
  }
};
} // namespace acme

void group_user(acme::group<int> &g, std::vector<acme::job> jobs) {
  for (auto &j : jobs) // expect-note: loop runs once per element of 'jobs'
    (void)g.start(static_cast<acme::job &&>(j)); // expect-warning: 'acme::group::start' starts one task [coro-unbounded-spawn]
}

task<> own_spawn_single(int id) {
  acme::start_job(id);
  co_return;
}
