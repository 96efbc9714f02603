// CHECKS: coro-blocking-call
// OPTION: coro-blocking-call.ExtraBlockingFunctions=acme::db::query_sync;acme::rpc::.*_blocking
// OPTION: coro-blocking-call.IgnoredFunctions=std::this_thread::sleep_for;quiet_helper
// OPTION: coro-blocking-call.HelperDepth=2
#include "corolint_task.hpp"
#include <chrono>
#include <thread>
#include <unistd.h>

namespace acme {
namespace db { int query_sync(const char *); }
namespace rpc { int call_blocking(int); int call(int); }
}

using testing_task::task;

void level2() { usleep(10); } // expect-note: 'level2' blocks in 'usleep'
void level1() { level2(); }  // expect-note: 'level1' calls 'level2'
void level0() { level1(); }
void quiet_helper() { usleep(10); }

task<int> uses_options() {
  int a = acme::db::query_sync("select 1"); // expect-warning: blocking call to 'acme::db::query_sync' in coroutine 'uses_options': listed in ExtraBlockingFunctions [coro-blocking-call]
  int b = acme::rpc::call_blocking(1); // expect-warning: blocking call to 'acme::rpc::call_blocking' [coro-blocking-call]
  int c = acme::rpc::call(2);
  std::this_thread::sleep_for(std::chrono::seconds(1)); // ignored
  quiet_helper(); // ignored, and not followed
  level1(); // expect-warning: call to 'level1' may block coroutine 'uses_options' [coro-blocking-call]
  level0(); // depth 3 > HelperDepth 2
  co_return a + b + c;
}
