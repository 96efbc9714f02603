#include "small/task.h"
#include <chrono>
#include <thread>

namespace small {

task greet() {
  const char *s = "héllo wörld 😀"; std::this_thread::sleep_for(std::chrono::milliseconds(1));
  (void)s;
  co_await yield_now();
}

} // namespace small
