// CHECKS: coro-blocking-call
#include "corolint_task.hpp"
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <future>
#include <mutex>
#include <semaphore>
#include <latch>
#include <thread>

using testing_task::task;
using namespace std::chrono_literals;

// --- Direct calls ----------------------------------------------------------

task<> sleeps() {
  std::this_thread::sleep_for(10ms); // expect-warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'sleeps' [coro-blocking-call]
  std::this_thread::sleep_until(std::chrono::steady_clock::now()); // expect-warning: 'std::this_thread::sleep_until' [coro-blocking-call]
  co_return;
}

task<int> waits(std::future<int> f, std::shared_future<int> sf, std::thread &t,
                std::condition_variable &cv, std::unique_lock<std::mutex> &lk,
                std::counting_semaphore<4> &sem, std::latch &l) {
  int v = f.get(); // expect-warning: blocking call to 'std::future::get' [coro-blocking-call]
  sf.wait(); // expect-warning: blocking call to [coro-blocking-call]
  t.join(); // expect-warning: 'std::thread::join' [coro-blocking-call]
  cv.wait(lk); // expect-warning: 'std::condition_variable::wait' [coro-blocking-call]
  sem.acquire(); // expect-warning: 'std::counting_semaphore::acquire' [coro-blocking-call]
  l.wait(); // expect-warning: 'std::latch::wait' [coro-blocking-call]
  co_return v;
}

task<> io_and_processes() {
  std::ifstream in("config.txt"); // expect-warning: blocking call to 'std::basic_ifstream::basic_ifstream' [coro-blocking-call]
  std::string line;
  std::getline(in, line); // expect-warning: 'std::getline' [coro-blocking-call]
  std::system("ls"); // expect-warning: blocking call to 'system' [coro-blocking-call]
  co_return;
}

// A coroutine lambda and a member coroutine are coroutines too.
struct Service {
  task<> run() {
    std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'Service::run' [coro-blocking-call]
    co_return;
  }
};
auto lambda_coro = []() -> task<> {
  std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'lambda_coro' [coro-blocking-call]
  co_return;
};

// Templates: reported once, on the pattern, however often instantiated.
template <class T> task<> templated(T) {
  std::this_thread::sleep_for(1s); // expect-warning: in coroutine 'templated' [coro-blocking-call]
  co_return;
}
void instantiate() { templated(1); templated(2.0); templated('c'); }

// --- Through helpers -------------------------------------------------------

void load_config_slowly() {
  std::this_thread::sleep_for(1s); // expect-note: 'load_config_slowly' blocks in 'std::this_thread::sleep_for'
}
void load_config() {
  load_config_slowly(); // expect-note: 'load_config' calls 'load_config_slowly'
}
task<> uses_helper() {
  load_config(); // expect-warning: call to 'load_config' may block coroutine 'uses_helper'; it reaches blocking call 'std::this_thread::sleep_for' [coro-blocking-call]
  co_return;
}

// Recursion terminates, and a blocking call reached through the cycle is found.
void ping(int n);
void pong(int n) {
  if (n > 0) ping(n - 1); // expect-note: 'pong' calls 'ping'
}
void ping(int n) {
  pong(n);
  std::this_thread::sleep_for(1ms); // expect-note: 'ping' blocks in 'std::this_thread::sleep_for'
}
task<> recursive_helpers() {
  pong(3); // expect-warning: call to 'pong' may block coroutine [coro-blocking-call]
  co_return;
}

// A lambda invoked on the spot runs in the coroutine.
task<> immediately_invoked() {
  []{ std::this_thread::sleep_for(1s); }(); // expect-warning: call to 'lambda at blocking-call-std.cpp:92:3' may block coroutine [coro-blocking-call] // expect-note: 'lambda at blocking-call-std.cpp:92:3' blocks in
  co_return;
}

// --- Must not report --------------------------------------------------------

// Blocking code that runs on another thread.
task<> offloaded() {
  std::thread t([] { std::this_thread::sleep_for(1s); });
  std::jthread jt([] { std::this_thread::sleep_for(1s); });
  auto fut = std::async(std::launch::async, [] { load_config(); });
  auto stored = [] { std::this_thread::sleep_for(1s); };
  t.detach();
  co_return;
}

// Blocking calls in plain functions never called from a coroutine.
void plain_blocking() { std::this_thread::sleep_for(1s); }

// Unevaluated operands.
task<> unevaluated() {
  using R = decltype(std::this_thread::sleep_for(1s));
  constexpr bool nx = noexcept(std::this_thread::sleep_for(1s));
  constexpr auto sz = sizeof(std::async(std::launch::async, [] { return 1; }).get());
  (void)nx; (void)sz;
  co_return;
}

// Functions that merely share a name.
namespace mylib {
struct sleeper {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
sleeper sleep_for(std::chrono::milliseconds) { return {}; }
} // namespace mylib
task<> same_name() {
  co_await mylib::sleep_for(10ms);
  co_return;
}

// Mutex locks with short critical sections are not blocking for this check.
std::mutex m;
task<> short_lock() {
  { std::lock_guard<std::mutex> g(m); }
  m.lock();
  m.unlock();
  co_return;
}

// Helper depth is bounded by HelperDepth (default 6): depth 7 is not reported.
void d7() { std::this_thread::sleep_for(1s); }
void d6() { d7(); }
void d5() { d6(); }
void d4() { d5(); }
void d3() { d4(); }
void d2() { d3(); }
void d1() { d2(); }
task<> deep_helpers() {
  d1();
  d2(); // expect-warning: call to 'd2' may block coroutine 'deep_helpers' [coro-blocking-call]
  // expect-note@149: 'd2' calls 'd3'
  // expect-note@148: 'd3' calls 'd4'
  // expect-note@147: 'd4' calls 'd5'
  // expect-note@146: 'd5' calls 'd6'
  // expect-note@145: 'd6' calls 'd7'
  // expect-note@144: 'd7' blocks in
  co_return;
}

// --- Found on real code (libcoro, cppcoro) --------------------------------

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

// A non-blocking socket: connect returns EINPROGRESS and the coroutine then
// awaits writability (libcoro's tcp client does this).
task<> poll_writable(int fd);
task<int> nonblocking_connect(int fd, const sockaddr *addr, socklen_t len) {
  int r = ::connect(fd, addr, len);
  if (r == -1 && errno == EINPROGRESS)
    co_await poll_writable(fd);
  co_return r;
}
// The same call without any sign of non-blocking use is reported.
task<int> blocking_connect(int fd, const sockaddr *addr, socklen_t len) {
  int r = ::connect(fd, addr, len); // expect-warning: blocking call to 'connect' [coro-blocking-call]
  co_await poll_writable(fd);
  co_return r;
}
// A test-case macro (seastar's SEASTAR_TEST_CASE) around a coroutine whose
// socket pair is created non-blocking: the function starts inside the macro.
#define ASYNC_TEST_CASE(name) task<> name()
ASYNC_TEST_CASE(socketpair_nonblocking) {
  int sv[2];
  ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
  ::write(sv[1], "ab", 2);
  co_await poll_writable(sv[0]);
}
ASYNC_TEST_CASE(socketpair_blocking) {
  int sv[2];
  ::socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  ::write(sv[1], "ab", 2); // expect-warning: blocking call to 'write' in coroutine 'socketpair_blocking' [coro-blocking-call]
  co_await poll_writable(sv[0]);
}
// An unrelated helper that mentions EAGAIN does not excuse the caller.
bool retryable(int e) { return e == EAGAIN; }
task<> write_then_check(int fd, const char *p) {
  ::write(fd, p, 1); // expect-warning: blocking call to 'write' [coro-blocking-call]
  (void)retryable(errno);
  co_return;
}
