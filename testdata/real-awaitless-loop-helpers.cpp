// CHECKS: coro-awaitless-loop
// Reactor stalls in plain helpers a seastar coroutine calls: the helper's
// loop builds per element of a runtime-sized range, and since the helper
// is not a coroutine it cannot yield: it runs on the reactor as if written
// in the coroutine (see testdata/real/README.md, section
// coro-awaitless-loop). Each buggy shape is followed by its fixed shape.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/maybe_yield.hh>

#include <cppcoro/task.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ss = seastar;

namespace cloud_topics {

struct extent {
  std::uint64_t base_offset = 0;
  std::size_t byte_range_size = 0;
};
struct placeholder_batch {
  std::vector<char> payload;
  ~placeholder_batch();
};
struct batch_header {
  std::uint64_t base_offset = 0;
};
// Encodes one extent into a new batch (opaque here).
placeholder_batch encode_placeholder_batch(const batch_header &h,
                                           const extent &e);

struct placeholder_batches_with_size {
  std::vector<placeholder_batch> batches;
  std::size_t extent_size = 0;
};

ss::future<> replicate(placeholder_batches_with_size b);

// --- AL22: frontend convert_to_placeholders ---------------------------------
// A plain helper encodes one placeholder batch per extent of the request;
// the produce coroutine calls it once, with thousands of extents: a stall.
static placeholder_batches_with_size
convert_to_placeholders(const batch_header &h,
                        const std::vector<extent> &extents) {
  placeholder_batches_with_size result;
  for (const auto &e : extents) { // expect-note: loop in 'cloud_topics::convert_to_placeholders' over a runtime-sized range
    auto batch = encode_placeholder_batch(h, e); // expect-note: 'cloud_topics::encode_placeholder_batch' returns a new object
    result.batches.push_back(std::move(batch));
    result.extent_size += e.byte_range_size;
  }
  return result;
}

ss::future<> produce(batch_header h, std::vector<extent> extents) {
  auto placeholders = convert_to_placeholders(h, extents); // expect-warning: 'cloud_topics::convert_to_placeholders' builds per element of a runtime-sized range without suspending, called in coroutine 'cloud_topics::produce' [coro-awaitless-loop]
  co_await replicate(std::move(placeholders));
}

// Fixed: the helper is a coroutine that yields between extents.
static ss::future<placeholder_batches_with_size>
convert_to_placeholders_async(const batch_header &h,
                              const std::vector<extent> &extents) {
  placeholder_batches_with_size result;
  for (const auto &e : extents) {
    result.batches.push_back(encode_placeholder_batch(h, e));
    result.extent_size += e.byte_range_size;
    co_await ss::coroutine::maybe_yield();
  }
  co_return result;
}

ss::future<> produce_fixed(batch_header h, std::vector<extent> extents) {
  auto placeholders = co_await convert_to_placeholders_async(h, extents);
  co_await replicate(std::move(placeholders));
}

// Negative: a helper that only reads per element.
static std::size_t total_size(const std::vector<extent> &extents) {
  std::size_t n = 0;
  for (const auto &e : extents)
    n += e.byte_range_size;
  return n;
}

ss::future<std::size_t> measure(std::vector<extent> extents) {
  co_return total_size(extents);
}

// Negative: the helper builds over a small constant range.
static placeholder_batches_with_size first_four(const batch_header &h,
                                                const std::vector<extent> &es) {
  placeholder_batches_with_size result;
  for (int i = 0; i < 4; ++i)
    result.batches.push_back(encode_placeholder_batch(h, es[i]));
  return result;
}

ss::future<> produce_head(batch_header h, std::vector<extent> extents) {
  co_await replicate(first_four(h, extents));
}

// Negative: not a stall-sensitive library (the level rule only: one pass).
cppcoro::task<std::size_t> produce_elsewhere(batch_header h,
                                             std::vector<extent> extents) {
  auto placeholders = convert_to_placeholders(h, extents);
  co_return placeholders.batches.size();
}

} // namespace cloud_topics

namespace raft {

using clock_type = std::chrono::steady_clock;

struct follower_index_metadata {
  clock_type::time_point last_received_reply_timestamp;
};
struct group_heartbeat {
  int group = 0;
  std::vector<char> data;
};
struct consensus {
  int group = 0;
  bool is_elected_leader() const;
  std::unordered_map<int, follower_index_metadata> fstats;
};
struct heartbeat_requests {
  std::unordered_map<int, std::vector<group_heartbeat>> requests;
  std::vector<int> reconnect_nodes;
};

ss::future<bool> ensure_disconnect(int node);

// --- AL23: heartbeat_manager::requests_for_range ------------------------------
// A plain member collects a heartbeat for every follower of every raft
// group the shard leads, in one go; the dispatch coroutine calls it every
// heartbeat interval: a stall as partition density grows.
class heartbeat_manager {
public:
  heartbeat_requests requests_for_range() {
    heartbeat_requests out;
    auto last = clock_type::now();
    for (consensus *r : _consensus_groups) { // expect-note: loop in 'raft::heartbeat_manager::requests_for_range' over a runtime-sized range
      if (!r->is_elected_leader())
        continue;
      for (auto &[id, follower] : r->fstats) {
        if (follower.last_received_reply_timestamp > last)
          continue;
        out.requests[id].push_back(group_heartbeat{r->group, {}}); // expect-note: 'push_back' inserts into a container
      }
    }
    return out;
  }

  ss::future<> do_dispatch_heartbeats() {
    auto reqs = requests_for_range(); // expect-warning: 'raft::heartbeat_manager::requests_for_range' builds per element of a runtime-sized range without suspending, called in coroutine 'raft::heartbeat_manager::do_dispatch_heartbeats' [coro-awaitless-loop]
    for (int node : reqs.reconnect_nodes)
      co_await ensure_disconnect(node);
  }

  // Fixed: collecting is a coroutine that yields between groups.
  ss::future<heartbeat_requests> requests_for_range_async() {
    heartbeat_requests out;
    auto last = clock_type::now();
    for (consensus *r : _consensus_groups) {
      if (!r->is_elected_leader())
        continue;
      for (auto &[id, follower] : r->fstats) {
        if (follower.last_received_reply_timestamp <= last)
          out.requests[id].push_back(group_heartbeat{r->group, {}});
        co_await ss::coroutine::maybe_yield();
      }
    }
    co_return out;
  }

  ss::future<> do_dispatch_heartbeats_fixed() {
    auto reqs = co_await requests_for_range_async();
    for (int node : reqs.reconnect_nodes)
      co_await ensure_disconnect(node);
  }

  void add_group(consensus *c) { _consensus_groups.push_back(c); }

private:
  std::vector<consensus *> _consensus_groups;
};

} // namespace raft
