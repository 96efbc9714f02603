// fix-check: coro-sequential-await
// fix-mode: fix-notes
// fix-args: -std=c++20 -Itestdata/include
// fix-expect: none
// A task type with no `idioms` entry: the note names no combinator and
// carries no fix.
#include "corolint_task.hpp"

using testing_task::task;

task<int> fetch_a();
task<int> fetch_b();

task<int> two() {
  int a = co_await fetch_a();
  int b = co_await fetch_b();
  co_return a + b;
}
