// CHECKS: coro-sequential-await
// A call that runs a callback on each element in turn, awaited: a
// catalogued sequential combinator (seastar::do_for_each) or a helper of
// the translation unit that awaits its callable once per element. Read as
// a loop whose body is the callback's: reported when each element's
// operation is independent, silent when the callbacks share state, when
// the combinator is concurrent already, or when the helper stops early.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/loop.hh>
#include <string>
#include <vector>

namespace visit {

seastar::future<> remove_file(std::string path);
seastar::future<long> file_size(std::string path);

struct replica {
  seastar::future<> stop();
  seastar::future<> flush(int level);
};

struct output_stream {
  seastar::future<> write(std::string key);
};
struct connection {
  seastar::future<> remove(std::string key);
};

// A plain callback that returns each element's operation.
seastar::future<> remove_all(std::vector<std::string> files) {
  co_await seastar::do_for_each(files, [](const std::string &name) { // expect-note: 'do_for_each' runs the function on one element after the other; start one per element, then co_await seastar::coroutine::parallel_for_each(range, fn)
    return remove_file(name); // expect-warning: 'remove_file(...)' is awaited on each element in turn, but no element's operation depends on another's; await them concurrently [coro-sequential-await]
  });
}

// A coroutine callback, over an iterator pair, awaiting a member call on
// its element.
seastar::future<> stop_all(std::vector<replica> &replicas) {
  co_await seastar::do_for_each(replicas.begin(), replicas.end(), // expect-note: 'do_for_each' runs the function on one element after the other; start one per element
      [](replica &r) -> seastar::future<> {
        co_await r.stop(); // expect-warning: 'r.stop()' is awaited on each element in turn [coro-sequential-await]
      });
}

// The fixed shape: already concurrent.
seastar::future<> remove_all_fixed(std::vector<std::string> files) {
  co_await seastar::parallel_for_each(
      files, [](const std::string &name) { return remove_file(name); });
}

// Each callback depends on the previous one's result, through a captured
// variable: ordered.
seastar::future<> chain(std::vector<replica> &replicas) {
  int level = 0;
  co_await seastar::do_for_each(replicas, [&level](replica &r) {
    return r.flush(level++);
  });
}

// A running total kept by the callback: ordered.
seastar::future<> total(std::vector<std::string> files, long &sum) {
  co_await seastar::do_for_each(files, [&sum](const std::string &name) -> seastar::future<> {
    sum += co_await file_size(name);
  });
}

// Writes to one stream, and removals on one connection, keep their order.
seastar::future<> write_all(std::vector<std::string> keys, output_stream &out,
                            connection &conn) {
  co_await seastar::do_for_each(keys, [&out](const std::string &k) {
    return out.write(k);
  });
  co_await seastar::do_for_each(keys, [&conn](const std::string &k) {
    return conn.remove(k);
  });
}

// A helper of this file that awaits its callback once per element.
struct segment_set {
  std::vector<replica> replicas;
  template <typename Func> seastar::future<> for_each_replica(Func fn) {
    for (auto &r : replicas) // expect-note: 'for_each_replica' awaits the function here, once per element
      co_await fn(r);
  }
  // A helper that stops at the first failure: the callbacks are ordered.
  template <typename Func> seastar::future<> until_failure(Func fn) {
    for (auto &r : replicas) {
      bool ok = co_await fn(r);
      if (!ok)
        break;
    }
  }
  // A helper that starts them all at once.
  template <typename Func> seastar::future<> all_at_once(Func fn) {
    co_await seastar::parallel_for_each(replicas, fn);
  }
};

seastar::future<> stop_set(segment_set &set) {
  co_await set.for_each_replica([](replica &r) { return r.stop(); }); // expect-warning: 'r.stop()' is awaited on each element in turn [coro-sequential-await]
  // expect-note@-1: 'for_each_replica' runs the function on one element after the other; start one per element
  co_await set.all_at_once([](replica &r) { return r.stop(); });
}

seastar::future<bool> try_stop(replica &r);
seastar::future<> stop_until_failure(segment_set &set) {
  co_await set.until_failure([](replica &r) { return try_stop(r); });
}

// The same helper with a callback that shares a counter.
seastar::future<> count_set(segment_set &set, int &stopped) {
  co_await set.for_each_replica([&stopped](replica &r) {
    ++stopped;
    return r.stop();
  });
}

} // namespace visit
