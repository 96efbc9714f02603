// CHECKS: coro-awaitless-loop
// More reactor stalls ScyllaDB shipped and fixed with maybe_yield, found in
// its history and restated in reduced form (see testdata/real/README.md,
// section coro-awaitless-loop, ids AL01..). Each buggy coroutine is followed
// by its fixed shape, which is quiet.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

struct token_range {
  long start = 0, end = 0;
  std::vector<char> key;
  ~token_range();
};
struct partition_range {
  token_range r;
  ~partition_range();
};
using endpoint_set = std::vector<unsigned>;

// --- AL01: stream_session::prepare -------------------------------------------------
// Checks every requested table of every request and queues its ranges:
// a traversal of nested data, fixed with a yield per request.

struct stream_request {
  std::string keyspace;
  std::vector<token_range> ranges;
  std::vector<std::string> column_families;
};
struct prepare_message {
  std::vector<int> summaries;
};
struct database {
  const int &find_column_family(const std::string &ks, const std::string &cf) const;
};
struct stream_session {
  database &db;
  void add_transfer_ranges(std::string ks, std::vector<token_range> ranges,
                           std::vector<std::string> cfs);
  seastar::future<prepare_message> prepare(std::vector<stream_request> requests);
  seastar::future<prepare_message> prepare_fixed(std::vector<stream_request> requests);
};

seastar::future<prepare_message> stream_session::prepare(std::vector<stream_request> requests) {
  for (auto &request : requests) { // expect-warning: loop in coroutine 'stream_session::prepare' never suspends and does heavy work per iteration [coro-awaitless-loop]
    for (auto &cf : request.column_families) // expect-note: nested loop over a runtime bound
      db.find_column_family(request.keyspace, cf);
    add_transfer_ranges(std::move(request.keyspace), std::move(request.ranges),
                        std::move(request.column_families));
  }
  co_return prepare_message{};
}

seastar::future<prepare_message> stream_session::prepare_fixed(std::vector<stream_request> requests) {
  for (auto &request : requests) {
    for (auto &cf : request.column_families)
      db.find_column_family(request.keyspace, cf);
    add_transfer_ranges(std::move(request.keyspace), std::move(request.ranges),
                        std::move(request.column_families));
    co_await seastar::coroutine::maybe_yield();
  }
  co_return prepare_message{};
}

// --- AL02: forward_service::dispatch ----------------------------------------------
// Drains every vnode of the query range and groups them by endpoint; with
// 128k tablets a 4 ms stall.

struct vnode_generator {
  std::optional<partition_range> next();
};
endpoint_set live_endpoints_for(const partition_range &r);
seastar::future<int> send_all(std::map<unsigned, std::vector<partition_range>> per_addr);

seastar::future<int> dispatch(vnode_generator gen) {
  std::map<unsigned, std::vector<partition_range>> per_addr;
  while (std::optional<partition_range> vnode = gen.next()) { // expect-warning: loop in coroutine 'dispatch' never suspends and builds per element of a runtime-sized range [coro-awaitless-loop]
    // expect-note@-1: 'vnode_generator::next' returns a new object
    endpoint_set live = live_endpoints_for(*vnode);
    if (live.empty())
      throw std::runtime_error("no live endpoint");
    per_addr[live.front()].push_back(std::move(*vnode));
  }
  co_return co_await send_all(std::move(per_addr));
}

seastar::future<int> dispatch_fixed(vnode_generator gen) {
  std::map<unsigned, std::vector<partition_range>> per_addr;
  while (std::optional<partition_range> vnode = gen.next()) {
    endpoint_set live = live_endpoints_for(*vnode);
    if (live.empty())
      throw std::runtime_error("no live endpoint");
    per_addr[live.front()].push_back(std::move(*vnode));
    co_await seastar::coroutine::maybe_yield();
  }
  co_return co_await send_all(std::move(per_addr));
}

// --- AL03: storage_service::train_dict --------------------------------------------
// Copies every (possibly huge) sample into a byte vector before handing
// them to shard 0.

seastar::future<std::vector<std::byte>> train_on_shard0(std::vector<std::vector<std::byte>> s);

seastar::future<std::vector<std::byte>> train_dict(std::vector<std::vector<char>> sample) {
  std::vector<std::vector<std::byte>> tmp;
  for (const auto &s : sample) { // expect-warning: loop in coroutine 'train_dict' never suspends and builds per element [coro-awaitless-loop]
    auto v = std::as_bytes(std::span(s));
    tmp.push_back(std::vector<std::byte>(v.begin(), v.end())); // expect-note: 'push_back' inserts into a container
  }
  co_return co_await train_on_shard0(std::move(tmp));
}

seastar::future<std::vector<std::byte>> train_dict_fixed(std::vector<std::vector<char>> sample) {
  std::vector<std::vector<std::byte>> tmp;
  for (const auto &s : sample) {
    auto v = std::as_bytes(std::span(s));
    tmp.push_back(std::vector<std::byte>(v.begin(), v.end()));
    co_await seastar::coroutine::maybe_yield();
  }
  co_return co_await train_on_shard0(std::move(tmp));
}

// --- AL04: table::take_snapshot ----------------------------------------------------
// Collects the file name of every sstable of the table (thousands) into a set.

struct sstable {
  std::string get_filename() const;
  const std::string &get_dir() const;
};
seastar::future<> sync_directory(std::string dir);

seastar::future<std::unordered_set<std::string>>
take_snapshot(std::string dir, std::vector<std::shared_ptr<sstable>> tables) {
  co_await sync_directory(dir);
  std::unordered_set<std::string> names;
  for (auto &sst : tables) { // expect-warning: loop in coroutine 'take_snapshot' never suspends and builds per element [coro-awaitless-loop]
    auto f = sst->get_filename(); // expect-note: 'sstable::get_filename' returns a new object
    auto rf = f.substr(sst->get_dir().size() + 1);
    names.insert(std::move(rf));
  }
  co_return names;
}

seastar::future<std::unordered_set<std::string>>
take_snapshot_fixed(std::string dir, std::vector<std::shared_ptr<sstable>> tables) {
  co_await sync_directory(dir);
  std::unordered_set<std::string> names;
  for (auto &sst : tables) {
    auto f = sst->get_filename();
    auto rf = f.substr(sst->get_dir().size() + 1);
    names.insert(std::move(rf));
    co_await seastar::coroutine::maybe_yield();
  }
  co_return names;
}

// --- AL05: view_update_builder::build_some ----------------------------------------
// Moves the pending updates of every view into one vector, freezing each
// mutation on the way.

struct frozen_mutation {
  std::vector<char> bytes;
  ~frozen_mutation();
};
struct view_mutation {
  std::vector<char> cells;
};
frozen_mutation freeze(const view_mutation &m);

struct view_updates {
  std::map<long, view_mutation> pending;
  void move_to(std::vector<frozen_mutation> &out) {
    for (auto &[key, m] : pending)
      out.push_back(freeze(m));
    pending.clear();
  }
};

struct view_update_builder {
  std::vector<view_updates> updates;
  seastar::future<std::vector<frozen_mutation>> build_some();
  seastar::future<std::vector<frozen_mutation>> build_some_fixed();
};

seastar::future<std::vector<frozen_mutation>> view_update_builder::build_some() {
  std::vector<frozen_mutation> mutations;
  for (auto &update : updates) // expect-warning: loop in coroutine 'view_update_builder::build_some' never suspends and does heavy work per iteration [coro-awaitless-loop]
    update.move_to(mutations); // expect-note: 'view_update_builder::build_some' calls 'view_updates::move_to' // expect-note: a preemption point here lets other tasks run
  // expect-note@-16: loop in 'view_updates::move_to' over a runtime bound
  co_return mutations;
}

seastar::future<std::vector<frozen_mutation>> view_update_builder::build_some_fixed() {
  std::vector<frozen_mutation> mutations;
  for (auto &update : updates) {
    update.move_to(mutations);
    co_await seastar::coroutine::maybe_yield();
  }
  co_return mutations;
}
