// CHECKS: coro-unbounded-spawn
// OPTION: coro-unbounded-spawn.HelperDepth=1
// HelperDepth=1: a helper's background start is followed into the helper
// called in the loop, not into the helpers it calls.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

#include <vector>

namespace depth {
seastar::future<> send(int item);

void fire(int item) {
  (void)send(item); // expect-note: 'depth::send' is started in the background here and not awaited
}
void fire_twice_removed(int item) { fire(item); }

// One body deep: reported.
void fire_all(const std::vector<int> &items) {
  for (int item : items) // expect-note: loop runs once per element of 'items'
    fire(item); // expect-warning: 'depth::fire' starts work in the background [coro-unbounded-spawn]
}

// Two bodies deep: beyond HelperDepth.
void fire_all_deeper(const std::vector<int> &items) {
  for (int item : items)
    fire_twice_removed(item);
}
} // namespace depth
