// CHECKS: coro-unbounded-spawn
// Real unbounded fan-outs in ScyllaDB, restated (see testdata/real/README.md,
// section coro-unbounded-spawn): the buggy shape is reported, the fix not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/semaphore.hh>
#include <seastar/coroutine/maybe_yield.hh>
#include <seastar/coroutine/parallel_for_each.hh>

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

// RB11: a worker drains a queue of files and starts one upload per file in
// the background (`std::ignore = upload(...)`); the only await before each
// start is a test hook, which delivers nothing, so every queued file is
// uploaded at once. Fixed by taking units of a directory semaphore first.
namespace rb11 {
struct permit {
  seastar::gate::holder gh;
  std::optional<seastar::semaphore_units<seastar::semaphore_default_exception_factory>> units;
};
struct backup {
  std::exception_ptr failed;
  seastar::semaphore dir_sem{16};
  std::optional<std::string> next_file();
  seastar::future<> hook(const char *where);
  seastar::future<> upload(std::string name, permit p);

  seastar::future<> worker() {
    seastar::gate uploads;
    while (!failed) { // expect-note: loop has no bound on its number of iterations
      auto gh = uploads.hold();
      co_await hook("pre-upload");
      auto name = next_file();
      if (!name)
        break;
      std::ignore = upload(std::move(*name), permit{std::move(gh), {}}); // expect-warning: 'rb11::backup::upload' starts one task per iteration of a loop with no concurrency limit (its 'seastar::future' is dropped) [coro-unbounded-spawn]
      co_await seastar::coroutine::maybe_yield();
    }
    co_await uploads.close();
  }

  seastar::future<> worker_fixed() {
    seastar::gate uploads;
    while (!failed) {
      auto gh = uploads.hold();
      auto units = co_await seastar::get_units(dir_sem, 1);
      co_await hook("pre-upload");
      auto name = next_file();
      if (!name)
        break;
      std::ignore = upload(std::move(*name), permit{std::move(gh), std::move(units)});
      co_await seastar::coroutine::maybe_yield();
    }
    co_await uploads.close();
  }
};
} // namespace rb11

// RB12: dropping the truncation records runs one task per row of a query
// result, all at once. Fixed with max_concurrent_for_each.
namespace rb12 {
struct row {
  int table;
  int shard;
};
struct result_set {
  std::vector<row> rows;
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};
seastar::future<std::shared_ptr<result_set>> select_records();
seastar::future<> remove_record(const row &r);
inline unsigned shard_count = 4;

seastar::future<> drop_records() {
  auto rs = co_await select_records();
  co_await seastar::coroutine::parallel_for_each(*rs, [&](const row &r) -> seastar::future<> { // expect-warning: 'seastar::coroutine::parallel_for_each' starts one task per element of '*rs' at once, with no concurrency limit [coro-unbounded-spawn]
    co_await remove_record(r);
  });
}

seastar::future<> drop_records_fixed() {
  auto rs = co_await select_records();
  auto max_concurrency = std::min(1024u, shard_count * 8);
  co_await seastar::max_concurrent_for_each(*rs, max_concurrency, [&](const row &r) -> seastar::future<> {
    co_await remove_record(r);
  });
}
} // namespace rb12

// SP01: a table snapshot links every sstable's files at once, one
// continuation per sstable. Fixed with max_concurrent_for_each (and the
// directory semaphore inside).
namespace bc01 {
struct sstable {
  seastar::future<> create_links(const std::string &dir);
};
using shared_sstable = std::shared_ptr<sstable>;
struct table {
  std::vector<shared_sstable> sstables;
  seastar::semaphore dir_sem{8};
  unsigned loading_concurrency = 4;

  seastar::future<> snapshot(std::string dir) {
    return seastar::parallel_for_each(sstables, [&dir](shared_sstable s) { // expect-warning: 'seastar::parallel_for_each' starts one task per element of 'sstables' at once [coro-unbounded-spawn]
      return s->create_links(dir);
    });
  }
  seastar::future<> snapshot_fixed(std::string dir) {
    return seastar::max_concurrent_for_each(sstables, loading_concurrency, [&dir](shared_sstable s) {
      return s->create_links(dir);
    });
  }
};
} // namespace bc01

// SP05: a schema merge flushes every changed table at once; with thousands
// of tables that stalls the shard. Fixed with max_concurrent_for_each(.., 8).
namespace bc05 {
struct mutation {
  int table;
};
seastar::future<> flush_table(int id);
constexpr std::size_t max_concurrent = 8;

seastar::future<> merge_schema(std::vector<mutation> mutations) {
  std::unordered_set<int> tables;
  for (const mutation &m : mutations) // expect-note: 'tables' gets one element per iteration of this loop; loop runs once per element of 'mutations'
    tables.emplace(m.table);
  co_await seastar::coroutine::parallel_for_each(tables, [](int id) -> seastar::future<> { // expect-warning: 'seastar::coroutine::parallel_for_each' starts one task per element of 'tables' at once [coro-unbounded-spawn]
    return flush_table(id);
  });
}

seastar::future<> merge_schema_fixed(std::vector<mutation> mutations) {
  std::unordered_set<int> tables;
  for (const mutation &m : mutations)
    tables.emplace(m.table);
  co_await seastar::max_concurrent_for_each(tables, max_concurrent, [](int id) -> seastar::future<> {
    return flush_table(id);
  });
}
} // namespace bc05
