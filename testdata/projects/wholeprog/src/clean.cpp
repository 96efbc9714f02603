#include "wp/storage.h"
#include "wp/task.h"

namespace wp {

task tidy() {
  co_await yield_now();
  (void)cheap(2);
}

} // namespace wp
