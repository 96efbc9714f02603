#include "small/task.h"

namespace small {

task tick(int n) {
  for (int i = 0; i < n; ++i)
    co_await yield_now();
}

} // namespace small
