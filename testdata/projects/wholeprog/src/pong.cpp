#include "wp/storage.h"

#include <unistd.h>

namespace wp {

void pong(int n) {
  if (n > 0)
    ping(n - 1);
  else
    ::usleep(100);
}

bool is_odd(unsigned n) { return n == 0 ? false : is_even(n - 1); }

} // namespace wp
