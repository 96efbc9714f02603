#include "wp/storage.h"

#include <thread>

namespace wp {

void save_later() {
  std::thread([] { journal::flush(); }).detach();
}

} // namespace wp
