// CHECKS: coro-sequential-await
// Real bugs: a loop that awaits one request per element, addressed by the
// element (a host, an endpoint) to a service every iteration shares. The
// element is passed by value to a parameter that names the addressee, the
// service is not a stream, socket or connection: the requests are
// independent and were fixed by sending them together.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <seastar/core/when_all.hh>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace gms_log {
struct logger {
  void info(const char *fmt, long v) const;
  void warn(const char *fmt) const;
};
} // namespace gms_log

// RB15 (scylladb gossiper::do_stop_gossiping, d0576c10): a shutdown
// notification sent to every live endpoint, one after the other, each
// failure only logged; fixed with coroutine::parallel_for_each.
namespace rb15 {
struct host_id {
  unsigned long hi = 0, lo = 0;
};
struct inet_address {
  unsigned v = 0;
};
class messaging_service;
struct gossip_rpc_verbs {
  static seastar::future<> send_gossip_shutdown(messaging_service *ms,
                                                host_id id, inet_address from,
                                                long generation);
};
struct gossiper {
  messaging_service &_messaging;
  std::vector<host_id> _live_endpoints;
  gms_log::logger logger;
  inet_address get_broadcast_address() const;

  seastar::future<> do_stop_gossiping_buggy(long generation) {
    auto live_endpoints = _live_endpoints;
    for (host_id id : live_endpoints) { // expect-note: start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
      logger.info("Sending a GossipShutdown with generation {}", generation);
      try {
        co_await gossip_rpc_verbs::send_gossip_shutdown(&_messaging, id, get_broadcast_address(), generation); // expect-warning: 'gossip_rpc_verbs::send_gossip_shutdown(...)' is awaited on each element in turn, but no element's operation depends on another's; await them concurrently [coro-sequential-await]
      } catch (...) {
        logger.warn("Fail to send GossipShutdown");
      }
    }
  }

  seastar::future<> do_stop_gossiping_fixed(long generation) {
    auto live_endpoints = _live_endpoints;
    co_await seastar::parallel_for_each(
        live_endpoints, [this, generation](host_id id) -> seastar::future<> {
          try {
            co_await gossip_rpc_verbs::send_gossip_shutdown(
                &_messaging, id, get_broadcast_address(), generation);
          } catch (...) {
            logger.warn("Fail to send GossipShutdown");
          }
        });
  }
};
} // namespace rb15

// RB16 (scylladb storage_service::sync_raft_topology_nodes, 3722ca0a): one
// system-keyspace row written per node of the cluster, each with its own
// fsync (~5 s for 50 nodes); fixed by collecting the futures and awaiting
// them together. Restated without the per-state helper lambdas (and the
// other, deliberately sequential, awaits they hold).
namespace rb16 {
struct inet_address {
  unsigned v = 0;
  bool operator<(const inet_address &o) const { return v < o.v; }
};
struct peer_info {
  std::string data_center, rack, release_version;
};
struct replica_state {
  std::string datacenter, rack, release_version;
};
class system_keyspace {
public:
  seastar::future<> update_peer_info(inet_address ep, const peer_info &info);
  seastar::future<> remove_endpoint(inet_address ep);
};
struct storage_service {
  system_keyspace &_sys_ks;

  seastar::future<> sync_buggy(const std::vector<inet_address> &left_nodes,
                               const std::map<inet_address, replica_state> &normal_nodes) {
    for (const auto &ep : left_nodes) // expect-note: start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
      co_await _sys_ks.remove_endpoint(ep); // expect-warning: '_sys_ks.remove_endpoint(...)' is awaited on each element in turn [coro-sequential-await]
    for (const auto &[ep, rs] : normal_nodes) { // expect-note: start one per element
      peer_info info;
      info.data_center = rs.datacenter;
      info.rack = rs.rack;
      info.release_version = rs.release_version;
      co_await _sys_ks.update_peer_info(ep, info); // expect-warning: '_sys_ks.update_peer_info(...)' is awaited on each element in turn [coro-sequential-await]
    }
  }

  seastar::future<> sync_fixed(const std::vector<inet_address> &left_nodes,
                               const std::map<inet_address, replica_state> &normal_nodes) {
    std::vector<seastar::future<>> futures;
    for (const auto &ep : left_nodes)
      futures.push_back(_sys_ks.remove_endpoint(ep));
    for (const auto &[ep, rs] : normal_nodes) {
      peer_info info;
      info.rack = rs.rack;
      futures.push_back(_sys_ks.update_peer_info(ep, info));
    }
    co_await seastar::when_all_succeed(futures.begin(), futures.end());
  }
};
} // namespace rb16

// SQ01 (redpanda cloud_storage_clients::client_pool::stop, 2bb7bbfa): every
// pooled client stopped one after the other; fixed by starting every stop
// and awaiting them with when_all_succeed.
namespace sq01 {
struct http_client {
  seastar::future<> stop();
};
struct client_pool {
  std::vector<std::shared_ptr<http_client>> _pool;
  seastar::future<> stop_buggy() {
    for (auto &it : _pool) // expect-note: start one per element
      co_await it->stop(); // expect-warning: 'it->stop()' is awaited on each element in turn [coro-sequential-await]
  }
  seastar::future<> stop_fixed() {
    std::vector<seastar::future<>> stops;
    stops.reserve(_pool.size());
    for (auto &it : _pool)
      stops.emplace_back(it->stop());
    co_await seastar::when_all_succeed(stops.begin(), stops.end());
  }
};
} // namespace sq01
