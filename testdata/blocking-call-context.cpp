// CHECKS: coro-blocking-call
// Where the code runs: blocking after a hop onto a thread pool or background
// executor is what the hop is for; before it, or after a hop back to the
// event loop, it stalls the loop. Calls only made on the way to ending the
// process, stream state queries and non-blocking sockets are not i/o waits.
#include <concurrencpp/concurrencpp.h>
#include <coro/coro.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/task.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace std::chrono_literals;

// --- libcoro: thread_pool is a pool, io_scheduler the event loop -------------

coro::task<void> libcoro_hops(std::shared_ptr<coro::thread_pool> tp,
                              std::shared_ptr<coro::io_scheduler> io) {
  std::this_thread::sleep_for(1ms); // expect-warning: blocking call to 'std::this_thread::sleep_for' in coroutine 'libcoro_hops' [coro-blocking-call]
  co_await tp->schedule();
  std::this_thread::sleep_for(1ms); // on the pool
  ::fsync(3);
  co_await io->schedule();
  ::fsync(3); // expect-warning: blocking call to 'fsync' in coroutine 'libcoro_hops' [coro-blocking-call]
}

// --- cppcoro: static_thread_pool vs io_service --------------------------------

cppcoro::task<void> cppcoro_hops(cppcoro::static_thread_pool &pool,
                                 cppcoro::io_service &io) {
  co_await pool.schedule();
  ::unlink("/tmp/x");
  co_await io.schedule();
  ::unlink("/tmp/y"); // expect-warning: blocking call to 'unlink' [coro-blocking-call]
}

// A cppcoro task resumes its awaiter on the thread that completed it: one
// given the pool to run on leaves the coroutine on a pool thread.
cppcoro::task<int> compute_on(cppcoro::static_thread_pool &pool, int x);
cppcoro::task<int> compute_here(int x);

cppcoro::task<void> cppcoro_resumed_on_pool(cppcoro::static_thread_pool &pool) {
  co_await compute_on(pool, 1);
  ::unlink("/tmp/z"); // on a pool thread
}

cppcoro::task<void> cppcoro_resumed_here() {
  co_await compute_here(1);
  ::unlink("/tmp/w"); // expect-warning: blocking call to 'unlink' in coroutine 'cppcoro_resumed_here' [coro-blocking-call]
}

// --- concurrencpp: resume_on(background executor) ----------------------------

concurrencpp::result<void>
concurrencpp_background(std::shared_ptr<concurrencpp::thread_pool_executor> background,
                        std::shared_ptr<concurrencpp::inline_executor> loop) {
  std::FILE *f = std::fopen("/tmp/a", "r"); // expect-warning: blocking call to 'fopen' [coro-blocking-call]
  co_await concurrencpp::resume_on(background);
  std::FILE *g = std::fopen("/tmp/b", "r");
  co_await concurrencpp::resume_on(loop);
  std::fclose(f); // expect-warning: blocking call to 'fclose' [coro-blocking-call]
  (void)g;
}

// A hop that is called but not awaited moves nothing: the coroutine stays on
// the CPU pool it hopped onto, and the file i/o meant for the background
// executor blocks a CPU worker (concurrencpp's own example did this).
concurrencpp::result<void>
concurrencpp_unawaited_hop(std::shared_ptr<concurrencpp::thread_pool_executor> background,
                           std::shared_ptr<concurrencpp::thread_pool_executor> cpu) {
  co_await concurrencpp::resume_on(background);
  std::FILE *f = std::fopen("/tmp/in", "r"); // on the background executor
  co_await concurrencpp::resume_on(cpu);
  concurrencpp::resume_on(background); // not awaited
  std::FILE *g = std::fopen("/tmp/out", "w"); // expect-warning: blocking call to 'fopen' in coroutine 'concurrencpp_unawaited_hop' [coro-blocking-call]
  (void)f;
  (void)g;
}

// The same hop awaited moves the coroutine: nothing to report.
concurrencpp::result<void>
concurrencpp_awaited_hop(std::shared_ptr<concurrencpp::thread_pool_executor> background,
                         std::shared_ptr<concurrencpp::thread_pool_executor> cpu) {
  co_await concurrencpp::resume_on(background);
  std::FILE *f = std::fopen("/tmp/in", "r");
  co_await concurrencpp::resume_on(cpu);
  co_await concurrencpp::resume_on(background);
  std::FILE *g = std::fopen("/tmp/out", "w");
  (void)f;
  (void)g;
}

// Started by its caller as a task of the executor it passes (executor_tag):
// not on the caller's event loop.
concurrencpp::result<void>
concurrencpp_tagged(concurrencpp::executor_tag, std::shared_ptr<concurrencpp::executor> ex) {
  std::FILE *f = std::fopen("/tmp/tagged", "r"); // runs on ex
  (void)f;
  co_return;
}
// The same coroutine without the tag runs on its caller's thread.
concurrencpp::result<void>
concurrencpp_untagged(std::shared_ptr<concurrencpp::executor> ex) {
  std::FILE *f = std::fopen("/tmp/untagged", "r"); // expect-warning: blocking call to 'fopen' in coroutine 'concurrencpp_untagged' [coro-blocking-call]
  (void)f;
  co_return;
}

// --- C++/WinRT, restated in a few lines: resume_background hops to the pool ---

namespace winrt {
struct background_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline background_awaiter resume_background() noexcept { return {}; }
struct dispatcher {};
inline background_awaiter resume_foreground(dispatcher &) noexcept { return {}; }
} // namespace winrt

cppcoro::task<void> winrt_background(winrt::dispatcher &ui) {
  co_await winrt::resume_background();
  std::system("sync");
  co_await winrt::resume_foreground(ui);
  std::system("sync"); // expect-warning: blocking call to 'system' [coro-blocking-call]
}

// WIL's helper (wil/cppwinrt_helpers.h) hops back to the dispatcher too.
namespace wil {
inline winrt::background_awaiter resume_foreground(winrt::dispatcher &) noexcept { return {}; }
} // namespace wil

cppcoro::task<void> wil_foreground(winrt::dispatcher &ui) {
  co_await winrt::resume_background();
  std::system("sync");
  co_await wil::resume_foreground(ui);
  std::system("sync"); // expect-warning: blocking call to 'system' [coro-blocking-call]
  co_await winrt::resume_background();
  std::system("sync");
}

// --- Filesystem and metadata calls ------------------------------------------------

coro::task<std::uintmax_t> filesystem_calls(const std::filesystem::path &p) {
  struct stat st;
  ::stat(p.c_str(), &st); // expect-warning: blocking call to 'stat' [coro-blocking-call]
  struct statvfs vfs;
  ::statvfs(p.c_str(), &vfs); // expect-warning: blocking call to 'statvfs' [coro-blocking-call]
  ::mkdir("/tmp/d", 0755); // expect-warning: blocking call to 'mkdir' [coro-blocking-call]
  ::rename("/tmp/a", "/tmp/b"); // expect-warning: blocking call to 'rename' [coro-blocking-call]
  char buf[4096];
  ::realpath("/tmp", buf); // expect-warning: blocking call to 'realpath' [coro-blocking-call]
  bool there = std::filesystem::exists(p); // expect-warning: blocking call to 'std::filesystem::exists' [coro-blocking-call]
  std::filesystem::create_directories(p); // expect-warning: blocking call to 'std::filesystem::create_directories' [coro-blocking-call]
  auto info = std::filesystem::space(p); // expect-warning: blocking call to 'std::filesystem::space' [coro-blocking-call]
  // Path manipulation is pure computation.
  std::filesystem::path q = p / "x";
  std::string name = q.filename().string();
  bool empty = q.empty() || name.empty();
  co_return there && !empty ? info.available : 0;
}

// --- Fatal paths ---------------------------------------------------------------------

[[noreturn]] void die(const char *why);

// A logger that writes a stack trace through popen on a fatal level, then
// aborts: the process ends there, latency does not matter.
inline void log_line(int level, const char *msg) {
  if (level >= 5) {
    std::FILE *p = ::popen("pstack", "r");
    ::pclose(p);
    std::abort();
  }
  (void)msg;
}

inline void check_or_die(bool ok, const char *what) {
  if (!ok) {
    std::system("dump-core");
    die(what);
  }
}

// A helper that blocks on its normal path is still reported through it.
inline void flush_log() {
  ::fsync(2); // expect-note: 'flush_log' blocks in 'fsync'
}

coro::task<void> fatal_paths(int level, bool ok) {
  log_line(level, "x");
  check_or_die(ok, "y");
  if (!ok) {
    std::system("gcore"); // ends in std::terminate below
    std::terminate();
  }
  flush_log(); // expect-warning: call to 'flush_log' may block coroutine 'fatal_paths'; it reaches blocking call 'fsync' [coro-blocking-call]
  if (level > 9) {
    std::system("true"); // expect-warning: blocking call to 'system' [coro-blocking-call]
    if (ok)
      std::abort();
  }
  co_return;
}

// --- Stream state queries ------------------------------------------------------------

inline bool is_open_only(std::ifstream &in) { return in.is_open() && in.good() && !in.eof(); }
inline bool reads_line(std::ifstream &in, std::string &line) {
  if (!in.is_open())
    return false;
  return static_cast<bool>(std::getline(in, line)); // expect-note: 'reads_line' blocks in 'std::getline'
}

coro::task<void> stream_state(std::ifstream &in, std::string &line) {
  if (!in || in.fail() || in.bad() || !is_open_only(in))
    co_return;
  (void)in.rdstate();
  (void)in.tellg();
  reads_line(in, line); // expect-warning: call to 'reads_line' may block coroutine 'stream_state'; it reaches blocking call 'std::getline' [coro-blocking-call]
  in.close(); // expect-warning: blocking call to 'std::basic_ifstream::close' [coro-blocking-call]
}

// --- accept on a socket the class made non-blocking --------------------------------

class acceptor {
public:
  explicit acceptor(int fd);
  coro::task<int> next();
  coro::task<int> next_blocking(int other);

private:
  int fd_;
};

acceptor::acceptor(int fd) : fd_(fd) {
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

coro::task<int> acceptor::next() {
  int c = ::accept(fd_, nullptr, nullptr);
  co_return c;
}

class blocking_acceptor {
public:
  coro::task<int> next(int fd) {
    int c = ::accept(fd, nullptr, nullptr); // expect-warning: blocking call to 'accept' [coro-blocking-call]
    co_return c;
  }
};

// --- Constructions that open nothing ----------------------------------------------

coro::task<void> default_streams(std::string path) {
  std::ifstream in; // default construction opens nothing
  std::ifstream moved(std::move(in));
  in.exceptions(std::ios::badbit);
  std::ofstream out(path); // expect-warning: blocking call to 'std::basic_ofstream::basic_ofstream' [coro-blocking-call]
  co_return;
}
