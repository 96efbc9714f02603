// CHECKS: coro-awaitless-loop
// Reactor stalls Redpanda shipped and later fixed, restated in reduced form
// (see testdata/real/README.md, section coro-awaitless-loop). Redpanda's
// `ss::` is seastar. Each buggy coroutine is followed by its fixed shape.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ss = seastar;

namespace storage {

using bytes = std::string;

struct iobuf {
  std::vector<char> frags;
  std::size_t size() const { return frags.size(); }
  iobuf share(std::size_t pos, std::size_t len) const;
  ~iobuf();
};
iobuf bytes_to_iobuf(const bytes &b);
bytes iobuf_to_bytes(iobuf b);

struct record {
  iobuf key, value;
  iobuf release_key() { return std::move(key); }
  iobuf release_value() { return std::move(value); }
};

struct record_batch {
  std::vector<record> records;
  // Calls f on every record, in one go.
  template <typename Func> void for_each_record(Func f) {
    for (auto &r : records)
      f(std::move(r));
  }
  // Calls f on every record, yielding to the reactor between records.
  template <typename Func> ss::future<> for_each_record_async(Func f) {
    for (auto &r : records) {
      f(std::move(r));
      co_await ss::coroutine::maybe_yield();
    }
  }
};

struct batch_builder {
  void add_raw_kv(iobuf key, iobuf value);
  record_batch build() &&;
};

ss::future<> append_to_log(record_batch b);

// --- RB01: kvstore::save_snapshot / load_snapshot -------------------------------
// Packs every key of the store into one batch (and unpacks it on load)
// without a yield: ~150 ms stalls with a large store.

class kvstore {
public:
  ss::future<> save_snapshot();
  ss::future<> save_snapshot_fixed();
  ss::future<> load_snapshot(record_batch batch);
  ss::future<> load_snapshot_fixed(record_batch batch);

private:
  std::unordered_map<bytes, iobuf> _db;
};

ss::future<> kvstore::save_snapshot() {
  batch_builder builder;
  for (auto &entry : _db) // expect-warning: loop in coroutine 'storage::kvstore::save_snapshot' never suspends and builds per element of a runtime-sized range, which stalls the reactor when the range is large; yield every N iterations (co_await seastar::coroutine::maybe_yield()) [coro-awaitless-loop]
    builder.add_raw_kv(bytes_to_iobuf(entry.first), // expect-note: 'storage::bytes_to_iobuf' returns a new object // expect-note: a preemption point here lets other tasks run
                       entry.second.share(0, entry.second.size()));
  co_await append_to_log(std::move(builder).build());
}

ss::future<> kvstore::save_snapshot_fixed() {
  batch_builder builder;
  for (auto &entry : _db) {
    builder.add_raw_kv(bytes_to_iobuf(entry.first),
                       entry.second.share(0, entry.second.size()));
    co_await ss::coroutine::maybe_yield();
  }
  co_await append_to_log(std::move(builder).build());
}

ss::future<> kvstore::load_snapshot(record_batch batch) {
  co_await append_to_log(record_batch{});
  batch.for_each_record([this](record r) { // expect-warning: 'storage::record_batch::for_each_record' in coroutine 'storage::kvstore::load_snapshot' never suspends and builds per element [coro-awaitless-loop]
    auto key = iobuf_to_bytes(r.release_key()); // expect-note: 'storage::iobuf_to_bytes' returns a new object
    _db.emplace(std::move(key), r.release_value());
  });
}

ss::future<> kvstore::load_snapshot_fixed(record_batch batch) {
  co_await append_to_log(record_batch{});
  co_await batch.for_each_record_async([this](record r) {
    auto key = iobuf_to_bytes(r.release_key());
    _db.emplace(std::move(key), r.release_value());
  });
}

} // namespace storage
