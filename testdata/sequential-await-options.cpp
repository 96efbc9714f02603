// CHECKS: coro-sequential-await
// OPTION: coro-sequential-await.MinIndependentAwaits=3
// OPTION: coro-sequential-await.IgnoredCallees=audit::.*;metrics::flush
// Options: a group is reported from three independent awaits on; ignored
// callees are never part of a group.
#include "corolint_task.hpp"
#include <vector>

using testing_task::task;

task<int> fetch_a();
task<int> fetch_b();
task<int> fetch_c();
task<int> fetch_item(int id);
namespace audit { task<int> record(int v); task<int> check(); }
namespace metrics { task<int> flush(); task<int> sample(); }

// Two: below the minimum.
task<int> two() {
  int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}

// Three: reported.
task<int> three() {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' [coro-sequential-await]
  int c = co_await fetch_c(); // expect-note: 'fetch_c()' does not depend on the earlier results either
  co_return a + b + c;
}

// An ignored callee (by regex, or by name) ends a group.
task<int> ignored_in_between() {
  int a = co_await fetch_a();
  int x = co_await audit::check();
  int b = co_await fetch_b();
  int y = co_await metrics::flush();
  int c = co_await fetch_c();
  co_return a + b + c + x + y;
}

// A callee not on the list still counts.
task<int> not_ignored() {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  int s = co_await metrics::sample(); // expect-warning: 'metrics::sample()' does not depend on the result of 'fetch_a()' [coro-sequential-await]
  int c = co_await fetch_c(); // expect-note: 'fetch_c()' does not depend
  co_return a + s + c;
}

// Loops whose trip count is a constant below the minimum are not reported.
task<int> short_loop() {
  std::vector<int> out;
  for (int id : {1, 2})
    out.push_back(co_await fetch_item(id));
  for (int i = 0; i < 3; ++i)
    out.push_back(co_await fetch_item(i)); // expect-warning: 'fetch_item(...)' is awaited in every iteration [coro-sequential-await]
  for (int id : {1, 2, 3, 4})
    out.push_back(co_await audit::record(id));
  co_return static_cast<int>(out.size());
}
