// CHECKS: coro-blocking-call
// A write of a few constant bytes into a pipe the code has just created
// cannot wait: nobody else knows the pipe, so nobody has filled it, and a
// pipe holds at least the catalogued `capacity` (corpus false alarms
// libcoro test/test_scheduler.cpp:134, 169, 677, 730: a test creates a
// pipe, and a coroutine lambda it calls once with the write end writes
// eight bytes to wake the task that polls the read end). Which functions
// create pipes, and which argument of `write` is the size, is catalog data
// (posix.json: `pipes`, `size_argument`).
#include "corolint_task.hpp"

#include <array>
#include <cstdint>
#include <unistd.h>

using testing_task::task;

task<> poll_readable(int fd);
void register_fd(int fd);
void run(task<> t);
void run(task<> a, task<> b);

// --- not reported ----------------------------------------------------------

// The libcoro test shape: std::array, pipe(fds.data()), a lambda given the
// write end once.
void wake_through_lambda() {
  auto fds = std::array<int, 2>{};
  if (::pipe(fds.data()) != 0)
    return;
  auto reader = [](int fd) -> task<> { co_await poll_readable(fd); };
  auto writer = [](int fd) -> task<> {
    std::uint64_t value{42};
    auto unused = ::write(fd, &value, sizeof(value));
    (void)unused;
    co_return;
  };
  run(reader(fds[0]), writer(fds[1]));
  ::close(fds[0]);
  ::close(fds[1]);
}

// The coroutine creates the pipe itself.
task<> self_pipe() {
  int fds[2];
  ::pipe(fds);
  ::write(fds[1], "x", 1);
  co_await poll_readable(fds[0]);
  ::close(fds[0]);
  ::close(fds[1]);
}

// --- reported: near misses -------------------------------------------------

// Written in a loop: the pipe may fill up.
task<> writes_in_a_loop() {
  int fds[2];
  ::pipe(fds);
  for (int i = 0; i < 100000; ++i)
    ::write(fds[1], "x", 1); // expect-warning: blocking call to 'write' in coroutine 'writes_in_a_loop' [coro-blocking-call]
  co_await poll_readable(fds[0]);
}

// A size known only at run time.
task<> runtime_size(const char *buf, unsigned long n) {
  int fds[2];
  ::pipe(fds);
  ::write(fds[1], buf, n); // expect-warning: blocking call to 'write' in coroutine 'runtime_size' [coro-blocking-call]
  co_await poll_readable(fds[0]);
}

// More than a pipe is sure to hold.
task<> too_big() {
  int fds[2];
  ::pipe(fds);
  static char big[8192];
  ::write(fds[1], big, sizeof(big)); // expect-warning: blocking call to 'write' in coroutine 'too_big' [coro-blocking-call]
  co_await poll_readable(fds[0]);
}

// The write end is handed to someone else, who may fill it.
task<> shared_end() {
  int fds[2];
  ::pipe(fds);
  register_fd(fds[1]);
  ::write(fds[1], "x", 1); // expect-warning: blocking call to 'write' in coroutine 'shared_end' [coro-blocking-call]
  co_await poll_readable(fds[0]);
}

// The lambda runs once per iteration.
void wake_many_times() {
  int fds[2];
  ::pipe(fds);
  auto writer = [](int fd) -> task<> {
    char byte = 1;
    ::write(fd, &byte, 1); // expect-warning: blocking call to 'write' in coroutine 'writer' [coro-blocking-call]
    co_return;
  };
  for (int i = 0; i < 100000; ++i)
    run(writer(fds[1]));
}
