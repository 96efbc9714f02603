#include "cfg.h"

// Two coroutine lambdas in one function, told apart by their names.
void install() {
  auto on_read = []() -> cfg::task {
    cfg::query_sync(2);
    co_await cfg::next_event();
  };
  auto on_write = []() -> cfg::task {
    cfg::query_sync(3);
    co_await cfg::next_event();
  };
  []() -> cfg::task {
    cfg::query_sync(4);
    co_await cfg::next_event();
  }();
  (void)on_read;
  (void)on_write;
}
