#include "small/task.h"
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

namespace small {

static std::string read_file(const std::string &path) {
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  return text;
}

static std::string load_config() { return read_file("server.conf"); }

task serve(int port) {
  std::string config = load_config();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_await yield_now();
  (void)port;
  (void)config;
}

} // namespace small
