#include "wp/storage.h"

#include <cstdlib>
#include <unistd.h>

namespace wp {

int read_config() {
  journal::flush();
  return 42;
}

int cheap(int x) { return x * 2; }

void die(int code) {
  ::sync();
  std::exit(code);
}

} // namespace wp
