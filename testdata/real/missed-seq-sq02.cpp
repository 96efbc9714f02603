// CHECKS: coro-sequential-await
// MISSED (not run: kept outside the annotated set). SQ02, redpanda
// storage::segment::remove_persistent_state (fix 5bac388f): the files of a
// segment (data, index, compaction index) removed one after the other with
// seastar::do_for_each, each failure only logged; fixed with
// parallel_for_each. coro-sequential-await does not read a sequential
// per-element combinator (seastar::do_for_each, ssx::async_for_each) as a
// loop over the callable's body. Restated as an awaited combinator (the
// original returned the do_for_each future from a non-coroutine).
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <string>
#include <vector>

namespace sq02 {
seastar::future<> remove_file(std::string path);
struct segment {
  std::vector<std::string> files() const;
  seastar::future<> remove_persistent_state_buggy() {
    auto rm = files();
    // would be: expect-warning: 'remove_file(...)' is awaited on each element in turn
    co_await seastar::do_for_each(rm, [](const std::string &name) {
      return remove_file(name);
    });
  }
  seastar::future<> remove_persistent_state_fixed() {
    auto rm = files();
    co_await seastar::parallel_for_each(
        rm, [](const std::string &name) { return remove_file(name); });
  }
};
} // namespace sq02
