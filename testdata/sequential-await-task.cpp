// CHECKS: coro-sequential-await
// The analysis on a hand-written task type (no library, so no combinator is
// named): data, anti and output dependences, control dependence, receivers,
// intervening statements, and loops over ranges.
#include "corolint_task.hpp"
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using testing_task::task;

struct User { int id; std::string name; };
struct Order { int id; };

task<User> fetch_user(int id);
task<Order> fetch_order(int id);
task<int> fetch_a();
task<int> fetch_b();
task<int> fetch_c();
task<int> fetch_after(int a);
task<int> fill(std::vector<char> &buf);
task<int> checksum(const std::vector<char> &buf);
task<> store(int v);
task<int> fetch_page(int cursor);
void log_line(const std::string &s);
int next_id();
constexpr int twice(int v) { return 2 * v; }

struct Connection {
  task<int> query(std::string sql);
  task<int> peek() const;
};
struct Cache {
  task<int> lookup(int key);
};

// --- Straight-line: reported ------------------------------------------------

task<int> two_fetches() {
  auto a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  auto b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' awaited on line 42; await them concurrently [coro-sequential-await]
  co_return a + b;
}

task<int> arguments_from_parameters(int uid, int oid) {
  User u = co_await fetch_user(uid); // expect-note: 'fetch_user(...)' is awaited here
  Order o = co_await fetch_order(oid); // expect-warning: 'fetch_order(...)' does not depend on the result of 'fetch_user(...)' [coro-sequential-await]
  co_return u.id + o.id;
}

task<int> three_in_a_row() {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend on the result of 'fetch_a()' [coro-sequential-await]
  int c = co_await fetch_c(); // expect-note: 'fetch_c()' does not depend on the earlier results either
  co_return a + b + c;
}

task<int> assignment_to_locals() {
  int a = 0, b = 0;
  a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend [coro-sequential-await]
  co_return a + b;
}

task<int> structured_binding(int id) {
  auto [uid, name] = co_await fetch_user(id); // expect-note: awaited here
  auto o = co_await fetch_order(id); // expect-warning: 'fetch_order(...)' does not depend on the result of 'fetch_user(...)' [coro-sequential-await]
  co_return uid + o.id + static_cast<int>(name.size());
}

// Statements between the awaits that only compute locals from values the
// first await does not touch can move above it.
task<int> pure_statement_between(int id) {
  auto u = co_await fetch_user(id); // expect-note: awaited here
  int key = twice(id) + 1;
  std::string label = "order-" + std::to_string(key);
  auto o = co_await fetch_order(key); // expect-warning: 'fetch_order(...)' does not depend on the result of 'fetch_user(...)' [coro-sequential-await]
  co_return u.id + o.id + static_cast<int>(label.size());
}

// Different receivers: two connections, a connection and a cache.
task<int> different_receivers(Connection &c, Cache &cache) {
  int n = co_await c.query("select 1"); // expect-note: 'c.query(...)' is awaited here
  int m = co_await cache.lookup(7); // expect-warning: 'cache.lookup(...)' does not depend on the result of 'c.query(...)' [coro-sequential-await]
  co_return n + m;
}

task<int> two_local_connections() {
  Connection c1, c2;
  int n = co_await c1.query("a"); // expect-note: 'c1.query(...)' is awaited here
  int m = co_await c2.query("b"); // expect-warning: 'c2.query(...)' does not depend [coro-sequential-await]
  co_return n + m;
}

// Reading the same buffer in both is fine.
task<int> shared_read_only(std::vector<char> payload) {
  Connection c1, c2;
  int n = co_await checksum(payload); // expect-note: awaited here
  int m = co_await c2.query(std::string(payload.begin(), payload.end())); // expect-warning: 'c2.query(...)' does not depend on the result of 'checksum(...)' [coro-sequential-await]
  co_return n + m;
}

// Members of *this as receivers: different objects.
struct Service {
  Connection db_;
  Cache cache_;
  std::shared_ptr<Connection> primary_, replica_;
  int hits_ = 0;

  task<int> members_as_receivers(int key) {
    int a = co_await db_.query("x"); // expect-note: 'db_.query(...)' is awaited here
    int b = co_await cache_.lookup(key); // expect-warning: 'cache_.lookup(...)' does not depend [coro-sequential-await]
    co_return a + b;
  }

  // --- this: never independent --------------------------------------------
  task<int> load_a();
  task<int> load_b();
  task<int> own_members() {
    int a = co_await load_a();
    int b = co_await load_b();
    int c = co_await this->load_a();
    co_return a + b + c;
  }
  task<int> own_member_then_other() {
    int a = co_await load_a();
    int b = co_await cache_.lookup(1); // load_a() may use cache_
    co_return a + b;
  }
  // Two smart pointers to the same type may point to one connection.
  task<int> through_pointers() {
    int a = co_await primary_->query("x");
    int b = co_await replica_->query("y");
    co_return a + b;
  }
  // A member written between the awaits: a side effect to keep in order.
  task<int> member_written_between() {
    int a = co_await db_.query("x");
    ++hits_;
    int b = co_await cache_.lookup(1);
    co_return a + b;
  }
};

// A constant global as an argument.
constexpr int kPageSize = 50;
task<int> constant_global() {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  int p = co_await fetch_page(kPageSize); // expect-warning: 'fetch_page(...)' does not depend on the result of 'fetch_a()' [coro-sequential-await]
  co_return a + p;
}

// Helpers whose bodies are visible and only compute from their arguments
// are seen through, in the arguments and between the awaits.
static int make_key(int id) { return id * 31 + 7; }
std::string label_for(const std::string &prefix, int id) {
  std::string out = prefix;
  out += std::to_string(make_key(id));
  return out;
}
task<int> pure_helpers(int id) {
  User u = co_await fetch_user(make_key(id)); // expect-note: 'fetch_user(...)' is awaited here
  std::string label = label_for("order-", id);
  Order o = co_await fetch_order(make_key(id + 1)); // expect-warning: 'fetch_order(...)' does not depend on the result of 'fetch_user(...)' [coro-sequential-await]
  co_return u.id + o.id + static_cast<int>(label.size());
}

// --- Straight-line: not reported --------------------------------------------

// Helpers with hidden effects: a global counter, a global read, a throw,
// recursion.
int g_sequence = 0;
int bump() { return ++g_sequence; }
int peek_sequence() { return g_sequence + 1; }
int checked(int v) {
  if (v < 0)
    throw v;
  return v;
}
int depth(int v) { return v <= 0 ? 0 : 1 + depth(v - 1); }
task<int> impure_helpers(int id) {
  int a = co_await fetch_after(bump());
  int b = co_await fetch_after(id);
  int c = co_await fetch_after(peek_sequence());
  int d = co_await fetch_after(checked(id));
  int e = co_await fetch_after(id + 1);
  int f = co_await fetch_after(depth(id));
  co_return a + b + c + d + e + f;
}

// A helper writing through its reference parameter: a write of the
// argument, here one the first operation read.
void advance(int &cursor) { cursor += 10; }
task<int> helper_writes_argument(int cursor) {
  int a = co_await fetch_page(cursor);
  advance(cursor);
  int b = co_await fetch_page(cursor);
  co_return a + b;
}

// A handle to shared state passed by value: both may change what it points
// to. A handle to const state is only read.
struct State { int step; };
task<int> step_a(std::shared_ptr<State> st);
task<int> step_b(std::shared_ptr<State> st);
task<int> read_a(std::shared_ptr<const State> st);
task<int> read_b(std::shared_ptr<const State> st);
task<int> shared_state_handle(std::shared_ptr<State> st) {
  int a = co_await step_a(st);
  int b = co_await step_b(st);
  co_return a + b;
}
task<int> shared_const_handle(std::shared_ptr<const State> st) {
  int a = co_await read_a(st); // expect-note: 'read_a(...)' is awaited here
  int b = co_await read_b(st); // expect-warning: 'read_b(...)' does not depend on the result of 'read_a(...)' [coro-sequential-await]
  co_return a + b;
}

// A callable argument runs code the analysis cannot see.
task<int> with_deadline(int ms, std::function<int()> fallback);
template <class F> task<int> with_fallback(int ms, F fallback) {
  co_return fallback() + ms;
}
task<int> callable_argument() {
  int a = co_await with_deadline(10, [] { return 1; });
  int b = co_await fetch_b();
  int c = co_await with_fallback(10, [] { return 2; });
  co_return a + b + c;
}

// A receiver the analysis cannot name (the helper itself is pure).
Connection &entry(Connection *const *table, int i) { return *table[i]; }
task<int> unnamed_receivers(Connection *const *table) {
  int x = co_await entry(table, 0).query("1");
  int y = co_await entry(table, 0).query("2");
  co_return x + y;
}

// A mutable global as an argument: the other operation may change it.
int g_cursor = 0;
task<int> mutable_global() {
  int a = co_await fetch_a();
  int p = co_await fetch_page(g_cursor);
  co_return a + p;
}

// Operations whose names say they change state are done for their effect,
// even when they return a value: a later operation may see that effect
// through state neither mentions.
task<int> create_user(std::string name);
task<int> count_users();
task<int> insertRow(int v);
task<int> asyncDeleteRow(int id);
task<int> fetchRow(int id);
task<int> create_then_count() {
  int id = co_await create_user("ada");
  int n = co_await count_users();
  co_return id + n;
}
task<int> camel_case_mutations(int v) {
  int r = co_await insertRow(v);
  int s = co_await fetchRow(v + 1);
  int t = co_await asyncDeleteRow(v + 2);
  co_return r + s + t;
}

// Data dependence.
task<int> data_dependence() {
  int a = co_await fetch_a();
  int b = co_await fetch_after(a);
  co_return b;
}

// Data dependence through a statement between the awaits.
task<int> dependence_through_local() {
  int a = co_await fetch_a();
  int k = a + 1;
  int b = co_await fetch_after(k);
  co_return b;
}

// Control dependence: the second runs only if the first succeeded.
task<int> control_dependence() {
  int a = co_await fetch_a();
  if (!a)
    co_return 0;
  int b = co_await fetch_b();
  co_return a + b;
}

task<int> control_dependence_throw() {
  int a = co_await fetch_a();
  if (a < 0)
    throw a;
  int b = co_await fetch_b();
  co_return a + b;
}

// Any early exit between them, even on another condition.
task<int> unrelated_early_exit(bool cancelled) {
  int a = co_await fetch_a();
  if (cancelled)
    co_return a;
  int b = co_await fetch_b();
  co_return a + b;
}

// The first result is used before the second operation starts.
task<int> result_used_between() {
  int a = co_await fetch_a();
  log_line(std::to_string(a));
  int b = co_await fetch_b();
  co_return a + b;
}

task<int> result_stored_between(std::vector<int> &out) {
  int a = co_await fetch_a();
  out.push_back(a);
  int b = co_await fetch_b();
  co_return b;
}

// A call with hidden effects between them.
task<int> hidden_effects_between() {
  int a = co_await fetch_a();
  int id = next_id();
  User u = co_await fetch_user(id);
  co_return a + u.id;
}

// Same receiver: operations on one connection are ordered.
task<int> same_receiver(Connection &c) {
  int a = co_await c.query("begin");
  int b = co_await c.query("select");
  co_return a + b;
}

// ... even through const member functions.
task<int> same_receiver_const(const Connection &c) {
  int a = co_await c.peek();
  int b = co_await c.peek();
  co_return a + b;
}

// Two references of one type may name the same connection.
task<int> reference_parameters_may_alias(Connection &a, Connection &b) {
  int x = co_await a.query("1");
  int y = co_await b.query("2");
  co_return x + y;
}

// A reference to an element, then the container: may be the same object.
task<int> alias_through_reference(std::vector<Connection> &pool_in) {
  std::vector<Connection> pool = std::move(pool_in);
  Connection &first = pool[0];
  int x = co_await first.query("1");
  int y = co_await pool[1].query("2");
  co_return x + y;
}

// The first fills a buffer the second sends (output then input).
task<int> buffer_written_then_read() {
  std::vector<char> buf;
  int n = co_await fill(buf);
  int m = co_await checksum(buf);
  co_return n + m;
}

// Anti-dependence: the second writes what the first reads.
task<int> buffer_read_then_written() {
  std::vector<char> buf(16);
  int m = co_await checksum(buf);
  int n = co_await fill(buf);
  co_return n + m;
}

// A local the first reads is changed between them.
task<int> argument_changed_between(int id) {
  User u = co_await fetch_user(id);
  id = 2;
  Order o = co_await fetch_order(id);
  co_return u.id + o.id;
}

// Results dropped: operations done for their effect stay in order.
task<> effects_in_order() {
  co_await store(1);
  co_await store(2);
  co_await fetch_a();
  co_await fetch_b();
}

// A nested await in the arguments.
task<int> nested_await() {
  int a = co_await fetch_a();
  int b = co_await fetch_after(co_await fetch_c());
  co_return a + b;
}

// A call with hidden effects computes the argument.
task<int> hidden_call_in_argument() {
  int a = co_await fetch_a();
  User u = co_await fetch_user(next_id());
  co_return a + u.id;
}

// An awaitable made before, awaited later: not an operation started here.
task<int> awaiting_variables() {
  task<int> ta = fetch_a();
  task<int> tb = fetch_b();
  int a = co_await std::move(ta);
  int b = co_await std::move(tb);
  co_return a + b;
}

// Lambdas: their bodies are not visible.
task<int> lambda_operations() {
  int a = co_await [&]() -> task<int> { co_return co_await fetch_a(); }();
  int b = co_await [&]() -> task<int> { co_return co_await fetch_b(); }();
  co_return a + b;
}

// In different blocks.
task<int> different_blocks(bool flag) {
  int a = co_await fetch_a();
  if (flag) {
    int b = co_await fetch_b();
    co_return b;
  }
  co_return a;
}

// Templates: analysed on their pattern; dependent operations are unknown.
template <class T> task<int> dependent(T &src) {
  int a = co_await src.get_a();
  int b = co_await src.get_b();
  co_return a + b;
}

// Inside a lambda coroutine: analysed like any coroutine.
auto in_lambda = []() -> task<int> {
  int a = co_await fetch_a(); // expect-note: 'fetch_a()' is awaited here
  int b = co_await fetch_b(); // expect-warning: 'fetch_b()' does not depend [coro-sequential-await]
  co_return a + b;
};

// A by-reference capture written between the awaits: shared state.
task<int> captured_state() {
  int counter = 0;
  auto body = [&]() -> task<int> {
    int a = co_await fetch_a();
    ++counter;
    int b = co_await fetch_b();
    co_return a + b;
  };
  co_return co_await body();
}

// --- Loops: reported --------------------------------------------------------

task<std::vector<User>> users_in_a_loop(std::vector<int> ids) {
  std::vector<User> users;
  for (int id : ids) {
    User u = co_await fetch_user(id); // expect-warning: 'fetch_user(...)' is awaited in every iteration, but no iteration depends on another; await them concurrently [coro-sequential-await]
    users.push_back(u);
  }
  co_return users;
}

task<int> collected_in_one_statement(const std::vector<int> &ids) {
  std::vector<User> users;
  for (const int &id : ids)
    users.push_back(co_await fetch_user(id)); // expect-warning: 'fetch_user(...)' is awaited in every iteration [coro-sequential-await]
  co_return static_cast<int>(users.size());
}

task<int> indexed_by_element(const std::vector<int> &ids) {
  std::map<int, Order> orders;
  for (int id : ids) {
    int key = twice(id);
    orders[id] = co_await fetch_order(key); // expect-warning: 'fetch_order(...)' is awaited in every iteration [coro-sequential-await]
  }
  co_return static_cast<int>(orders.size());
}

task<int> accumulated(const std::vector<int> &ids) {
  int total = 0;
  for (std::size_t i = 0; i < ids.size(); ++i)
    total += co_await fetch_after(ids[i]); // expect-warning: 'fetch_after(...)' is awaited in every iteration [coro-sequential-await]
  co_return total;
}

task<int> per_element_receiver(std::vector<Connection> &conns) {
  std::vector<int> counts;
  for (Connection &c : conns) {
    int n = co_await c.query("count");  // expect-warning: 'c.query(...)' is awaited in every iteration [coro-sequential-await]
    counts.push_back(n);
  }
  co_return static_cast<int>(counts.size());
}

// --- Loops: not reported ----------------------------------------------------

// Creating one record per element: effects, kept in order.
task<int> create_per_element(const std::vector<std::string> &names) {
  std::vector<int> ids;
  for (const std::string &n : names)
    ids.push_back(co_await create_user(n));
  co_return static_cast<int>(ids.size());
}

// Pagination: the next request needs the previous answer.
task<int> pagination(const std::vector<int> &pages) {
  int cursor = 0;
  std::vector<int> all;
  for (int p : pages) {
    cursor = co_await fetch_page(cursor + p);
    all.push_back(cursor);
  }
  while (cursor != 0) {
    cursor = co_await fetch_page(cursor);
    all.push_back(cursor);
  }
  co_return static_cast<int>(all.size());
}

// A running state used by the next await.
task<int> running_state(const std::vector<int> &ids) {
  int last = 0;
  std::vector<int> out;
  for (int id : ids) {
    int key = id + last;
    int v = co_await fetch_after(key);
    out.push_back(v);
    last = v;
  }
  co_return last;
}

// One receiver for every iteration: ordered.
task<int> same_receiver_in_loop(Connection &c, const std::vector<std::string> &qs) {
  std::vector<int> out;
  for (const std::string &q : qs)
    out.push_back(co_await c.query(q));
  co_return static_cast<int>(out.size());
}

// Results not collected: done for effect.
task<> effects_per_element(const std::vector<int> &ids) {
  for (int id : ids)
    co_await store(id);
  for (int id : ids) {
    int v = co_await fetch_after(id);
    (void)v;
  }
}

// Control flow in the body.
task<int> early_exit_in_loop(const std::vector<int> &ids) {
  std::vector<int> out;
  for (int id : ids) {
    int v = co_await fetch_after(id);
    if (v < 0)
      break;
    out.push_back(v);
  }
  co_return static_cast<int>(out.size());
}

// Result used through a call with hidden effects.
task<int> handled_per_element(const std::vector<int> &ids) {
  std::vector<int> out;
  for (int id : ids) {
    int v = co_await fetch_after(id);
    log_line(std::to_string(v));
    out.push_back(v);
  }
  co_return static_cast<int>(out.size());
}

// Two awaits per iteration: not the one-operation-per-element shape (the
// two within an iteration depend on each other here).
task<int> two_per_iteration(const std::vector<int> &ids) {
  std::vector<int> out;
  for (int id : ids) {
    int v = co_await fetch_after(id);
    int w = co_await fetch_after(v);
    out.push_back(w);
  }
  co_return static_cast<int>(out.size());
}

// The range changes in the loop.
task<int> range_grows(std::vector<int> ids) {
  std::vector<int> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    int v = co_await fetch_after(ids[i]);
    ids.push_back(v);
  }
  co_return static_cast<int>(out.size());
}

// One iteration: nothing to run concurrently.
task<int> single_iteration() {
  std::vector<int> out;
  for (int id : {1})
    out.push_back(co_await fetch_after(id));
  co_return static_cast<int>(out.size());
}

// The index is changed in the body.
task<int> index_written(const std::vector<int> &ids) {
  std::vector<int> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out.push_back(co_await fetch_after(ids[i]));
    i += out.back() > 0 ? 1 : 0;
  }
  co_return static_cast<int>(out.size());
}
