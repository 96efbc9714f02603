// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// fix-expect: none
// Sleeps whose value is used, inside macros, with a duration the timer
// cannot take exactly, or where no co_await may be written: no fix.
#include <asio.hpp>
#include <chrono>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace std::chrono_literals;

#define NAP() std::this_thread::sleep_for(10ms)

asio::awaitable<int> nap_in_expressions(int n) {
  int status = usleep(100);            // the result is used
  if (sleep(1) != 0)                   // the remaining seconds are used
    status = 1;
  (void)usleep(n);                     // a cast is an expression, not the call
  NAP();                               // written through a macro
  std::this_thread::sleep_for(0.5s);   // floating-point duration
  std::this_thread::sleep_for(std::chrono::duration<long long, std::pico>(10)); // finer than the timer's tick
  std::this_thread::sleep_until(std::chrono::system_clock::now() + 1s); // another clock than the timer's
  timespec ts{0, 1000};
  nanosleep(&ts, nullptr);             // the duration is a struct behind a pointer
  try {
    co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  } catch (...) {
    std::this_thread::sleep_for(1ms);  // co_await may not appear in a handler
  }
  co_return status;
}
