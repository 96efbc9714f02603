#include "cfg.h"

// The analyzer would report the null dereference if it ran: it must not.
int deref() {
  int *P = nullptr;
  return *P;
}

cfg::task serve() {
  cfg::query_sync(1);      // blocking by the .clang-tidy's CheckOptions
  cfg::vendor::flush_all(); // blocking by its RuleFiles (rules/vendor.json)
  co_await cfg::next_event();
}
