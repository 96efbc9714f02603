// CHECKS: coro-awaitless-loop
// Who can grow a private table of handlers (support/ConfiguredCollections.h):
// only its class's members, nested classes and friends, wherever their
// definitions are written. A template elsewhere that writes a member of the
// same name through a dependent object cannot reach a private one, so it
// does not make the table data-sized; a member, nested class or friend
// defined outside the class body does.
#include <cppcoro/task.hpp>

#include <functional>
#include <regex>
#include <string>
#include <vector>

struct request {
  std::string path;
};

using handler = std::function<void(request &)>;

// A public table of the same name, grown per message by a coroutine
// template that reaches it through a dependent object.
struct feed {
  std::vector<handler> table_;
};

template <typename T> cppcoro::task<void> grow(T &t) {
  t.table_.push_back([](request &) {});
  co_return;
}

cppcoro::task<void> on_feed(feed &f) { co_await grow(f); }

// The private table of the same name: only add() grows it, and no
// coroutine calls add(). grow() above cannot name it: not reported.
class hooks {
public:
  void add(handler h) { table_.push_back(std::move(h)); }
  cppcoro::task<int> match(request &req, const std::regex &re);

private:
  std::vector<handler> table_;
};

cppcoro::task<int> hooks::match(request &req, const std::regex &re) {
  int n = 0;
  for (auto &h : table_)
    n += std::regex_match(req.path, re);
  co_return n;
}

// A member defined outside the class, itself a coroutine, grows the
// table per message: data-sized.
class bus {
public:
  cppcoro::task<void> on_message();
  cppcoro::task<int> match(request &req, const std::regex &re) {
    int n = 0;
    for (auto &h : subs_) // expect-warning: loop in coroutine 'bus::match' never suspends and does heavy work per iteration [coro-awaitless-loop]
      n += std::regex_match(req.path, re); // expect-note: 'std::regex_match' does heavy CPU work
    co_return n;
  }

private:
  std::vector<handler> subs_;
};

cppcoro::task<void> bus::on_message() {
  subs_.push_back([](request &) {});
  co_return;
}

// A friend function defined after the class, called by a coroutine.
class friend_bus {
  friend void subscribe(friend_bus &b, handler h);

public:
  cppcoro::task<int> match(request &req, const std::regex &re) {
    int n = 0;
    for (auto &h : subs_) // expect-warning: loop in coroutine 'friend_bus::match' never suspends and does heavy work per iteration [coro-awaitless-loop]
      n += std::regex_match(req.path, re); // expect-note: 'std::regex_match' does heavy CPU work
    co_return n;
  }

private:
  std::vector<handler> subs_;
};

void subscribe(friend_bus &b, handler h) { b.subs_.push_back(std::move(h)); }

cppcoro::task<void> on_friend_message(friend_bus &b) {
  subscribe(b, [](request &) {});
  co_return;
}

// A nested class's member, defined outside both classes, called by a
// coroutine of the outer class.
class nested_bus {
  struct registrar {
    void add(nested_bus &b, handler h);
  };

public:
  cppcoro::task<void> on_message() {
    registrar{}.add(*this, [](request &) {});
    co_return;
  }
  cppcoro::task<int> match(request &req, const std::regex &re) {
    int n = 0;
    for (auto &h : subs_) // expect-warning: loop in coroutine 'nested_bus::match' never suspends and does heavy work per iteration [coro-awaitless-loop]
      n += std::regex_match(req.path, re); // expect-note: 'std::regex_match' does heavy CPU work
    co_return n;
  }

private:
  std::vector<handler> subs_;
};

void nested_bus::registrar::add(nested_bus &b, handler h) {
  b.subs_.push_back(std::move(h));
}

// A befriended class whose coroutine grows the table.
class admin;
class admin_bus {
  friend class admin;

public:
  cppcoro::task<int> match(request &req, const std::regex &re) {
    int n = 0;
    for (auto &h : subs_) // expect-warning: loop in coroutine 'admin_bus::match' never suspends and does heavy work per iteration [coro-awaitless-loop]
      n += std::regex_match(req.path, re); // expect-note: 'std::regex_match' does heavy CPU work
    co_return n;
  }

private:
  std::vector<handler> subs_;
};

class admin {
public:
  cppcoro::task<void> add(admin_bus &b) {
    b.subs_.push_back([](request &) {});
    co_return;
  }
};

// A class template's member defined outside it, called by a coroutine;
// the loop goes over the specialization's table through a getter.
template <typename H> class template_bus {
public:
  void add(H h);
  const std::vector<H> &subs() const { return subs_; }

private:
  std::vector<H> subs_;
};

template <typename H> void template_bus<H>::add(H h) {
  subs_.push_back(std::move(h));
}

cppcoro::task<void> on_template_message(template_bus<handler> &b) {
  b.add([](request &) {});
  co_return;
}

cppcoro::task<int> match_template(template_bus<handler> &b, request &req,
                                  const std::regex &re) {
  int n = 0;
  for (auto &h : b.subs()) // expect-warning: loop in coroutine 'match_template' never suspends and does heavy work per iteration [coro-awaitless-loop]
    n += std::regex_match(req.path, re); // expect-note: 'std::regex_match' does heavy CPU work
  co_return n;
}

// A class template whose out-of-line add() only plain set-up code calls:
// not reported.
template <typename H> class set_up_bus {
public:
  void add(H h);
  const std::vector<H> &subs() const { return subs_; }

private:
  std::vector<H> subs_;
};

template <typename H> void set_up_bus<H>::add(H h) {
  subs_.push_back(std::move(h));
}

void set_up(set_up_bus<handler> &b) { b.add([](request &) {}); }

cppcoro::task<int> match_set_up(set_up_bus<handler> &b, request &req,
                                const std::regex &re) {
  int n = 0;
  for (auto &h : b.subs())
    n += std::regex_match(req.path, re);
  co_return n;
}
