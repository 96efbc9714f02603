// CHECKS: coro-awaitless-loop
// Reactor stalls found in public history by this session, restated in
// reduced form (see testdata/real/README.md, section coro-awaitless-loop).
// Each buggy coroutine is followed by its fixed shape.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <cstdint>
#include <string>
#include <vector>

namespace ss = seastar;

// AL21: redpanda's Iceberg file committer (dl/coordinator, PR #30868)
// builds one catalog file entry per pending file of the topic. With a
// backlog of many pending files the pass stalled the reactor; the fix
// yields once per file.
namespace al21 {

struct pending_file {
  std::string path;
  std::uint64_t rows = 0;
  std::int64_t added_at = 0;
};

struct data_file {
  std::string path;
  std::string partition_key;
  std::uint64_t rows = 0;
};

data_file collect_file(const pending_file &f);

struct table_commit_builder {
  std::int64_t table_commit_offset = 0;
  std::vector<data_file> files_to_commit;

  ss::future<> process_pending_buggy(const std::vector<pending_file> &files) {
    for (const auto &f : files) { // expect-warning: loop in coroutine 'al21::table_commit_builder::process_pending_buggy' never suspends and builds per element of a runtime-sized range [coro-awaitless-loop] // expect-note: a preemption point here lets other tasks run
      if (f.added_at <= table_commit_offset)
        continue; // already in the table
      files_to_commit.push_back(collect_file(f)); // expect-note: 'push_back' inserts into a container
    }
    co_return;
  }

  ss::future<> process_pending_fixed(const std::vector<pending_file> &files) {
    for (const auto &f : files) {
      co_await ss::coroutine::maybe_yield();
      if (f.added_at <= table_commit_offset)
        continue;
      files_to_commit.push_back(collect_file(f));
    }
  }
};

} // namespace al21
