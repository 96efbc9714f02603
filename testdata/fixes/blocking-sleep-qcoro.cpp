// fix-check: coro-blocking-call
// fix-mode: fix
// fix-args: -std=c++20 -Itestdata/include
// QCoro's timer counts whole milliseconds: a sleep of milliseconds or
// coarser becomes QCoro::sleepFor; usleep's microseconds would be rounded,
// so it keeps its warning and gets no fix.
#include <qcoro/qcorotask.h>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

QCoro::Task<> refresh_view() {
  std::this_thread::sleep_for(250ms);
  usleep(500);
  co_return;
}
