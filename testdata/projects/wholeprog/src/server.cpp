#include "wp/storage.h"
#include "wp/task.h"

namespace wp {

void local_flush() {}

task serve() {
  co_await yield_now();
  int config = read_config();
  (void)config;
  save_later();
  ping(3);
  if (is_even(4))
    local_flush();
}

} // namespace wp
