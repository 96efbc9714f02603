// CHECKS: coro-sequential-await
// A loop awaiting one request per element, addressed by the element to a
// service every iteration shares (the request form of the element loop).
#include "corolint_task.hpp"
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <map>
#include <string>
#include <vector>

using testing_task::task;

struct node_id {
  unsigned long v = 0;
};
struct peer {
  std::string name;
};
struct note {
  std::string text;
};
struct journal_logger {
  void warn(const char *fmt) const;
};

// A registry shared by the loop, one call per node, the node named by the
// parameter.
struct registry {
  task<> deregister(node_id id);
  task<> touch(const std::string &key, int ttl);
  task<> process(note item);
  task<> refresh(peer &target);
};
struct message_bus;
task<> notify(message_bus *bus, node_id to, const note &n);

task<> deregister_all(registry &reg, std::vector<node_id> nodes) {
  for (node_id n : nodes)
    co_await reg.deregister(n); // expect-warning: 'reg.deregister(...)' is awaited on each element in turn, but no element's operation depends on another's; await them concurrently [coro-sequential-await]
}

// The addressee is a parameter named `key`; the element is a structured
// binding; a read-only argument from outside the loop.
task<> touch_all(registry &reg, const std::map<std::string, int> &entries,
                 const int ttl) {
  for (const auto &[k, v] : entries)
    co_await reg.touch(k, ttl); // expect-warning: 'reg.touch(...)' is awaited on each element in turn [coro-sequential-await]
}

// A free function given the service by pointer; a body local built from
// the element; failures only logged.
journal_logger jlog;
task<> broadcast(message_bus &bus, const std::vector<node_id> &nodes,
                 const std::string &text) {
  for (node_id n : nodes) {
    note msg;
    msg.text = text;
    try {
      co_await notify(&bus, n, msg); // expect-warning: 'notify(...)' is awaited on each element in turn [coro-sequential-await]
    } catch (...) {
      jlog.warn("notify failed");
    }
  }
}

// A catalogued concurrent client: no parameter needs to name the addressee.
namespace seastar::http::experimental {
struct request {
  std::string body;
};
class client {
public:
  seastar::future<> make_request(request req);
};
} // namespace seastar::http::experimental
seastar::future<> post_all(seastar::http::experimental::client &cli,
                           std::vector<seastar::http::experimental::request> reqs) {
  for (auto &r : reqs) // expect-note: start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
    co_await cli.make_request(r); // expect-warning: 'cli.make_request(...)' is awaited on each element in turn [coro-sequential-await]
}

// Negative: the parameter does not name an addressee: the element is the
// request's data, and the service may handle them in order.
task<> process_all(registry &reg, std::vector<note> notes) {
  for (const note &n : notes)
    co_await reg.process(n);
}

// Negative: services that keep their calls in order, by name.
struct event_log {
  task<> append(node_id id);
};
struct db_connection {
  task<> remove(const std::string &key);
};
struct websocket_client {
  task<> subscribe(const std::string &topic_key);
};
task<> subscribe_all(websocket_client &ws, std::vector<std::string> keys) {
  for (const auto &k : keys)
    co_await ws.subscribe(k);
}
task<> log_all(event_log &log, std::vector<node_id> nodes) {
  for (node_id n : nodes)
    co_await log.append(n);
}
task<> remove_all(db_connection &conn, std::vector<std::string> keys) {
  for (const auto &k : keys)
    co_await conn.remove(k);
}

// Negative: a catalogued ordered type (asio's stream socket is; here a
// stand-in of seastar's output stream).
namespace seastar {
template <typename T> class output_stream {
public:
  seastar::future<> write_to(node_id dest);
};
} // namespace seastar
seastar::future<> write_all(seastar::output_stream<char> &out,
                            std::vector<node_id> nodes) {
  for (node_id n : nodes)
    co_await out.write_to(n);
}

// Negative: the element passed by non-const reference (the call may
// change it while another element's request runs) is not an addressee.
task<> refresh_all(registry &reg, std::vector<peer> &peers) {
  for (peer &p : peers)
    co_await reg.refresh(p);
}

// Negative: a handler that rethrows ends the loop on the first failure.
task<> deregister_strict(registry &reg, std::vector<node_id> nodes) {
  for (node_id n : nodes) {
    try {
      co_await reg.deregister(n);
    } catch (...) {
      jlog.warn("deregister failed");
      throw;
    }
  }
}

// Negative: a handler that writes state shared by the iterations.
task<> deregister_counted(registry &reg, std::vector<node_id> nodes,
                          int &failures) {
  for (node_id n : nodes) {
    try {
      co_await reg.deregister(n);
    } catch (...) {
      ++failures;
    }
  }
}

// Negative: the coroutine's own object is the service.
struct coordinator {
  task<> drop(node_id id);
  task<> drop_all(std::vector<node_id> nodes) {
    for (node_id n : nodes)
      co_await drop(n);
  }
};

// Negative: the shared object written is not a class (a counter passed by
// pointer).
task<> bump(int *counter, node_id id);
task<> bump_all(int &counter, std::vector<node_id> nodes) {
  for (node_id n : nodes)
    co_await bump(&counter, n);
}
