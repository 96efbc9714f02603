// CHECKS: coro-sequential-await
// Real bugs fixed by making a sequential per-element combinator (or a
// visiting helper) concurrent, restated: the buggy shape is reported, the
// fixed shape is not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <string>
#include <vector>

// SQ02, redpanda storage::segment::remove_persistent_state (fix 5bac388f):
// the files of a segment (data, index, compaction index) removed one after
// the other with seastar::do_for_each, each failure only logged; fixed with
// parallel_for_each. Restated as an awaited combinator (the original
// returned the do_for_each future from a non-coroutine).
namespace sq02 {
seastar::future<> remove_file(std::string path);
struct segment {
  std::vector<std::string> files() const;
  seastar::future<> remove_persistent_state_buggy() {
    auto rm = files();
    co_await seastar::do_for_each(rm, [](const std::string &name) { // expect-note: 'do_for_each' runs the function on one element after the other; start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
      return remove_file(name); // expect-warning: 'remove_file(...)' is awaited on each element in turn, but no element's operation depends on another's; await them concurrently [coro-sequential-await]
    });
  }
  seastar::future<> remove_persistent_state_fixed() {
    auto rm = files();
    co_await seastar::parallel_for_each(
        rm, [](const std::string &name) { return remove_file(name); });
  }
};
} // namespace sq02
