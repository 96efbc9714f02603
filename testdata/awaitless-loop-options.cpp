// CHECKS: coro-awaitless-loop
// OPTION: coro-awaitless-loop.HeavyLevels=3
// OPTION: coro-awaitless-loop.SmallTripCount=4
// OPTION: coro-awaitless-loop.ExtraCpuHeavyFunctions=acme::render;acme::.*_sync_hash
// OPTION: coro-awaitless-loop.IgnoredFunctions=std::sort;skipped_scan
#include "corolint_task.hpp"
#include <algorithm>
#include <vector>

using testing_task::task;

namespace acme {
int render(int frame);
int fast_sync_hash(int x);
} // namespace acme

int skipped_scan(const std::vector<int> &v) {
  int s = 0;
  for (int x : v)
    s += x;
  return s;
}
int scan(const std::vector<int> &v) {
  int s = 0;
  for (int x : v) // expect-note: loop in 'scan' over a runtime bound
    s += x;
  return s;
}

task<int> levels(std::vector<int> v) {
  int s = 0;
  for (int a : v) // two levels: below HeavyLevels=3
    for (int b : v)
      s += a * b;
  for (int a : v) // expect-warning: loop in coroutine 'levels' never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop over a runtime bound
      for (int c : v) // expect-note: nested loop over a runtime bound
        s += a * b * c;
  co_return s;
}

task<int> small_trip_count(std::vector<int> v) {
  int s = 0;
  for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop over a runtime bound
      for (int k = 0; k < 8; ++k) // expect-note: nested loop over 8 iterations
        s += a * b * k;
  for (int a : v) // 4 iterations are small
    for (int b : v)
      for (int k = 0; k < 4; ++k)
        s += a * b * k;
  co_return s;
}

task<int> extra_and_ignored(std::vector<int> v) {
  int s = 0;
  for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop over a runtime bound
      s += acme::render(a + b); // expect-note: 'acme::render' does heavy CPU work: listed in ExtraCpuHeavyFunctions
  for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop over a runtime bound
      s += acme::fast_sync_hash(a ^ b); // expect-note: 'acme::fast_sync_hash' does heavy CPU work
  for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop over a runtime bound
      s += scan(v) + a + b; // expect-note: 'extra_and_ignored' calls 'scan'
  for (int a : v) // ignored: neither counted nor followed
    for (int b : v) {
      std::sort(v.begin(), v.end());
      s += skipped_scan(v) + a + b;
    }
  co_return s;
}
