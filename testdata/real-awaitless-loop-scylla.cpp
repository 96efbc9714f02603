// CHECKS: coro-awaitless-loop
// Reactor stalls ScyllaDB shipped and later fixed with maybe_yield, restated
// in reduced form (see testdata/real/README.md, section coro-awaitless-loop).
// Each buggy coroutine is followed by its fixed shape, which is quiet.
#include <boost/range/algorithm/transform.hpp>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dht {
struct token {
  long v = 0;
};
struct token_range {
  token start, end;
  std::vector<char> key; // owns memory, as the real bound does
  ~token_range();
};
struct partition_range {
  token_range r;
  ~partition_range();
};
using partition_range_vector = std::vector<partition_range>;
} // namespace dht

using inet_address = unsigned;
using endpoint_set = std::vector<inet_address>;

// --- RB02: storage_service::stream_ranges -------------------------------------
// Groups every token range of every keyspace by endpoint before streaming:
// two nested passes over all ranges of the node, building a map of vectors.

struct range_streamer {
  void add_tx_ranges(const std::string &ks,
                     std::unordered_map<inet_address, std::vector<dht::token_range>> r);
  seastar::future<> stream_async();
};

struct storage_service {
  std::shared_ptr<range_streamer> streamer;
  seastar::future<> stream_ranges(
      std::unordered_map<std::string, std::unordered_multimap<long, inet_address>> by_ks);
  seastar::future<> stream_ranges_fixed(
      std::unordered_map<std::string, std::unordered_multimap<long, inet_address>> by_ks);
};

dht::token_range range_of(long t);

seastar::future<> storage_service::stream_ranges(
    std::unordered_map<std::string, std::unordered_multimap<long, inet_address>> by_ks) {
  for (auto &entry : by_ks) { // expect-warning: loop in coroutine 'storage_service::stream_ranges' never suspends and does heavy work per iteration; yield every N iterations (co_await seastar::coroutine::maybe_yield()) [coro-awaitless-loop]
    if (entry.second.empty())
      continue;
    std::unordered_map<inet_address, std::vector<dht::token_range>> per_endpoint;
    for (auto &ep : entry.second) { // expect-note: nested loop over a runtime bound
      dht::token_range r = range_of(ep.first);
      per_endpoint[ep.second].emplace_back(r);
    }
    streamer->add_tx_ranges(entry.first, std::move(per_endpoint));
  }
  co_await streamer->stream_async();
}

seastar::future<> storage_service::stream_ranges_fixed(
    std::unordered_map<std::string, std::unordered_multimap<long, inet_address>> by_ks) {
  for (auto &entry : by_ks) {
    if (entry.second.empty())
      continue;
    std::unordered_map<inet_address, std::vector<dht::token_range>> per_endpoint;
    for (auto &ep : entry.second) {
      dht::token_range r = range_of(ep.first);
      per_endpoint[ep.second].emplace_back(r);
      co_await seastar::coroutine::maybe_yield();
    }
    streamer->add_tx_ranges(entry.first, std::move(per_endpoint));
  }
  co_await streamer->stream_async();
}

// --- RB03: table::seal_snapshot ---------------------------------------------------
// Writes the name of every sstable of every file set into the manifest text.

using snapshot_file_set = std::unique_ptr<std::unordered_set<std::string>>;
seastar::future<> write_manifest(std::string path, std::string json);

seastar::future<> seal_snapshot(std::string dir,
                                std::vector<snapshot_file_set> file_sets) {
  std::ostringstream ss;
  int n = 0;
  ss << "{\n\t\"files\" : [ ";
  for (const auto &fsp : file_sets) { // expect-warning: loop in coroutine 'seal_snapshot' never suspends and does heavy work per iteration [coro-awaitless-loop]
    for (const auto &rf : *fsp) { // expect-note: nested loop over a runtime bound
      if (n++ > 0)
        ss << ", ";
      ss << "\"" << rf << "\"";
    }
  }
  ss << " ]\n}\n";
  co_await write_manifest(dir + "/manifest.json", ss.str());
}

seastar::future<> seal_snapshot_fixed(std::string dir,
                                      std::vector<snapshot_file_set> file_sets) {
  std::ostringstream ss;
  int n = 0;
  ss << "{\n\t\"files\" : [ ";
  for (const auto &fsp : file_sets) {
    for (const auto &rf : *fsp) {
      if (n++ > 0)
        ss << ", ";
      ss << "\"" << rf << "\"";
      co_await seastar::coroutine::maybe_yield();
    }
  }
  ss << " ]\n}\n";
  co_await write_manifest(dir + "/manifest.json", ss.str());
}

// --- RB04: storage_proxy::query_partition_key_range_concurrent ---------------------
// Per round, walks the vnode ranges, merging neighbours and creating one
// read executor per merged range: helpers returning replica sets, vectors
// of ranges and an executor per range, with no yield in the walk.

struct read_executor {
  explicit read_executor(dht::partition_range r);
  seastar::future<int> execute();
};

dht::partition_range_vector ranges_to_vnodes(unsigned n);
endpoint_set endpoints_for(const dht::partition_range &r);
endpoint_set intersection(const endpoint_set &a, const endpoint_set &b);
bool worth_merging(const endpoint_set &merged);
dht::token_range to_token_range(const dht::partition_range &r);
seastar::future<int> run_all(std::vector<std::shared_ptr<read_executor>> &exec);

seastar::future<int> query_range_concurrent(unsigned concurrency) {
  for (;;) {
    std::vector<std::shared_ptr<read_executor>> exec;
    dht::partition_range_vector ranges = ranges_to_vnodes(concurrency);
    auto i = ranges.begin();
    while (i != ranges.end()) { // expect-warning: loop in coroutine 'query_range_concurrent' never suspends and builds per element of a runtime-sized range, which stalls the reactor when the range is large; yield every N iterations (co_await seastar::coroutine::maybe_yield()) [coro-awaitless-loop]
      dht::partition_range &range = *i;
      endpoint_set live = endpoints_for(range); // expect-note: 'endpoints_for' returns a new object
      std::vector<dht::token_range> merged{to_token_range(range)};
      ++i;
      while (i != ranges.end()) {
        endpoint_set next = endpoints_for(*i);
        endpoint_set both = intersection(live, next);
        if (!worth_merging(both))
          break;
        live = std::move(both);
        merged.push_back(to_token_range(*i));
        ++i;
      }
      exec.push_back(std::make_shared<read_executor>(range));
    }
    int rows = co_await run_all(exec);
    if (rows > 0)
      co_return rows;
    concurrency *= 2;
  }
}

seastar::future<int> query_range_concurrent_fixed(unsigned concurrency) {
  for (;;) {
    std::vector<std::shared_ptr<read_executor>> exec;
    dht::partition_range_vector ranges = ranges_to_vnodes(concurrency);
    auto i = ranges.begin();
    while (i != ranges.end()) {
      dht::partition_range &range = *i;
      endpoint_set live = endpoints_for(range);
      std::vector<dht::token_range> merged{to_token_range(range)};
      ++i;
      co_await seastar::coroutine::maybe_yield();
      while (i != ranges.end()) {
        endpoint_set next = endpoints_for(*i);
        endpoint_set both = intersection(live, next);
        if (!worth_merging(both))
          break;
        live = std::move(both);
        merged.push_back(to_token_range(*i));
        ++i;
        co_await seastar::coroutine::maybe_yield();
      }
      exec.push_back(std::make_shared<read_executor>(range));
    }
    int rows = co_await run_all(exec);
    if (rows > 0)
      co_return rows;
    concurrency *= 2;
  }
}

// --- RB05: storage_service::get_system_mutations --------------------------------
// Converts every partition of a system table with boost::range::transform:
// a loop without a loop statement.

struct mutation {
  std::vector<char> cells;
  ~mutation();
};
struct frozen_mutation {
  mutation unfreeze(int schema) const;
};
struct partition {
  frozen_mutation m;
  const frozen_mutation &mut() const { return m; }
};
struct canonical_mutation {
  explicit canonical_mutation(mutation m);
  std::vector<char> data;
  ~canonical_mutation();
};
struct result_set {
  std::vector<partition> parts;
  const std::vector<partition> &partitions() const { return parts; }
};
seastar::future<std::shared_ptr<result_set>> query_mutations(int schema);

seastar::future<std::vector<canonical_mutation>> get_system_mutations(int schema) {
  std::vector<canonical_mutation> result;
  auto rs = co_await query_mutations(schema);
  result.reserve(rs->partitions().size());
  boost::range::transform( // expect-warning: 'boost::range::transform' in coroutine 'get_system_mutations' never suspends and builds per element of a runtime-sized range [coro-awaitless-loop]
      rs->partitions(), std::back_inserter(result), // expect-note: 'std::back_inserter' inserts into a container
      [schema](const partition &p) {
        return canonical_mutation{p.mut().unfreeze(schema)};
      });
  co_return result;
}

seastar::future<std::vector<canonical_mutation>> get_system_mutations_fixed(int schema) {
  std::vector<canonical_mutation> result;
  auto rs = co_await query_mutations(schema);
  result.reserve(rs->partitions().size());
  for (const auto &p : rs->partitions()) {
    result.emplace_back(canonical_mutation{p.mut().unfreeze(schema)});
    co_await seastar::coroutine::maybe_yield();
  }
  co_return result;
}
