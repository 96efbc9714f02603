#include "wp/storage.h"
#include "wp/task.h"

namespace wp {

task tidy() {
  co_await yield_now();
  (void)cheap(2);
}

} // namespace wp

namespace wp {

task quiet() {
  co_await yield_now();
  read_config(); // NOLINT(coro-blocking-call)
  // NOLINTNEXTLINE(coro-*)
  read_config();
  read_config(); // NOLINT(coro-lock-across-suspend): another check's
}

} // namespace wp

namespace wp {

task fatal() {
  co_await yield_now();
  die(1);
}

} // namespace wp
