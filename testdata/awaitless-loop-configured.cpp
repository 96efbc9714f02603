// CHECKS: coro-awaitless-loop
// Loops over collections sized by the program's configuration rather than
// by its data (support/ConfiguredCollections.h): a table of handlers only
// grown by set-up code no coroutine calls, and lists of numbers or strings
// fixed by their class's constructors. Reductions of the corpus triage's
// false alarms "loop over a small configured collection", each with a
// positive beside it.
#include <cppcoro/task.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <regex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

struct request {
  std::string path;
  std::smatch matches;
};

// A router: regex routes registered at set-up, tried per request.
class router {
public:
  void add_route(const std::string &pattern,
                 std::function<void(request &)> handler) {
    routes_.emplace_back(std::regex(pattern), std::move(handler));
  }
  const auto &routes() { return routes_; }

private:
  std::vector<std::pair<std::regex, std::function<void(request &)>>> routes_;
};

void set_up_routes(router &r) {
  r.add_route("/user/([0-9]+)", [](request &) {});
  r.add_route("/item/([a-z]+)", [](request &) {});
}

// Per request, over the handful of registered routes: not reported.
cppcoro::task<bool> dispatch(router &router_, request &req) {
  auto handlers = router_.routes();
  for (auto &pair : handlers)
    if (std::regex_match(req.path, req.matches, pair.first)) {
      pair.second(req);
      co_return true;
    }
  co_return false;
}

// A reference to the table, and the table itself: not reported.
class server {
  std::vector<std::function<void(request &)>> hooks_;

public:
  router routes;
  void on_start(std::function<void(request &)> h) { hooks_.push_back(h); }

  cppcoro::task<int> count_matches(request &req) {
    int n = 0;
    const auto &table = routes.routes();
    for (auto &pair : table)
      n += std::regex_match(req.path, pair.first);
    for (auto &h : hooks_)
      for (auto &pair : table)
        n += std::regex_match(req.path, pair.first);
    co_return n;
  }
};

// The table's elements are tuples (a pattern and a handler), the handler
// one type of the tuple's pack: still a table of handlers, not reported.
class tuple_router {
public:
  template <typename F> void add(const std::string &pattern, F f) {
    routes_.emplace_back(std::regex(pattern), std::move(f));
  }
  const auto &routes() { return routes_; }

private:
  std::vector<std::tuple<std::regex, std::function<void(request &)>>> routes_;
};

void set_up_tuple_routes(tuple_router &r) {
  r.add("/user/([0-9]+)", [](request &) {});
}

cppcoro::task<bool> dispatch_tuple(tuple_router &router_, request &req) {
  auto handlers = router_.routes();
  for (auto &route : handlers)
    if (std::regex_match(req.path, req.matches, std::get<0>(route))) {
      std::get<1>(route)(req);
      co_return true;
    }
  co_return false;
}

// Tuples with nothing callable in them, grown after construction: data.
class tuple_log {
public:
  void add(std::string k, std::regex re) { rows_.emplace_back(std::move(k), std::move(re)); }
  const auto &rows() { return rows_; }

private:
  std::vector<std::tuple<std::string, std::regex>> rows_;
};

void fill(tuple_log &l) { l.add("k", std::regex("a+")); }

cppcoro::task<int> match_rows(tuple_log &l, request &req) {
  int n = 0;
  auto rows = l.rows();
  for (auto &row : rows) // expect-warning: loop in coroutine 'match_rows' never suspends and does heavy work per iteration [coro-awaitless-loop]
    n += std::regex_match(req.path, std::get<1>(row)); // expect-note: 'std::regex_match' does heavy CPU work
  co_return n;
}

// The table grows from a coroutine (one entry per message): data-sized.
class subscriptions {
public:
  void subscribe(std::function<void(request &)> f) {
    subs_.push_back(std::move(f));
  }
  std::vector<std::function<void(request &)>> subs_;
};

cppcoro::task<void> on_message(subscriptions &s, request &req) {
  s.subscribe([](request &) {});
  co_return;
}

cppcoro::task<int> match_all(subscriptions &s, request &req,
                             const std::regex &re) {
  int n = 0;
  for (auto &f : s.subs_) // expect-warning: loop in coroutine 'match_all' never suspends and does heavy work per iteration [coro-awaitless-loop]
    n += std::regex_match(req.path, re); // expect-note: 'std::regex_match' does heavy CPU work
  co_return n;
}

// Strings grown after construction are data, not configuration.
class pattern_list {
public:
  void add(std::string p) { patterns_.push_back(std::move(p)); }
  std::vector<std::string> patterns_;
};

void load(pattern_list &l) { l.add("a+"); }

cppcoro::task<int> match_patterns(pattern_list &l, request &req) {
  int n = 0;
  for (auto &p : l.patterns_) // expect-warning: loop in coroutine 'match_patterns' never suspends and does heavy work per iteration [coro-awaitless-loop]
    n += std::regex_match(req.path, std::regex(p)); // expect-note: 'std::regex_match' does heavy CPU work
  co_return n;
}

// A summary metric: quantiles and label names fixed by its constructor.
class metric_base {
public:
  explicit metric_base(std::vector<std::string> names) {
    for (auto &n : names)
      label_names_.push_back(n);
  }

protected:
  void build_labels(std::string &out, const std::vector<std::string> &names) {
    for (std::size_t i = 0; i < names.size(); ++i)
      out.append(names[i]).append(",");
  }
  std::vector<std::string> label_names_;
};

class summary : public metric_base {
public:
  summary(std::vector<std::string> names, std::vector<double> quantiles)
      : metric_base(std::move(names)), quantiles_(std::move(quantiles)) {
    std::sort(quantiles_.begin(), quantiles_.end());
  }
  void serialize(std::string &out) {
    for (std::size_t i = 0; i < quantiles_.size(); ++i) {
      build_labels(out, label_names_);
      out.append(std::to_string(quantiles_[i]));
    }
  }

private:
  std::vector<double> quantiles_;
};

cppcoro::task<void> report(summary &s) {
  std::string out;
  s.serialize(out); // not reported: configuration x configuration
  co_return;
}

// Label values added per sample after construction: data-sized.
class labelled {
public:
  void add_value(std::string v) { values_.push_back(std::move(v)); }
  void serialize(std::string &out) {
    for (std::size_t i = 0; i < values_.size(); ++i)  // expect-note: loop in 'labelled::serialize' over a runtime bound
      for (auto &w : values_)  // expect-note: loop in 'labelled::serialize' over a runtime bound
        out.append(w);
  }

private:
  std::vector<std::string> values_;
};

cppcoro::task<void> report_values(labelled &l) {
  std::string out;
  l.serialize(out); // expect-warning: 'labelled::serialize' loops without suspending and does heavy work per iteration, called in coroutine 'report_values' [coro-awaitless-loop]
  co_return;
}

// Records fixed by the constructor are still data (not numbers or strings).
struct record {
  std::string key;
  std::vector<char> value;
};
class snapshot {
public:
  explicit snapshot(std::vector<record> rs) : records_(std::move(rs)) {}
  void dump(std::string &out) {
    for (auto &a : records_)  // expect-note: loop in 'snapshot::dump' over a runtime bound
      for (auto &b : records_)  // expect-note: loop in 'snapshot::dump' over a runtime bound
        out.append(a.key).append(b.key);
  }

private:
  std::vector<record> records_;
};

cppcoro::task<void> dump_snapshot(snapshot &s) {
  std::string out;
  s.dump(out); // expect-warning: 'snapshot::dump' loops without suspending and does heavy work per iteration, called in coroutine 'dump_snapshot' [coro-awaitless-loop]
  co_return;
}
