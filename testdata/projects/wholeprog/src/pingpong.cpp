#include "wp/storage.h"

namespace wp {

void ping(int n) {
  if (n > 0)
    pong(n - 1);
}

bool is_even(unsigned n) { return n == 0 ? true : is_odd(n - 1); }

} // namespace wp
