// CHECKS: coro-awaitless-loop
#include "corolint_task.hpp"
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ranges>
#include <span>
#include <regex>
#include <string>
#include <thread>
#include <vector>

using testing_task::task;
using namespace std::chrono_literals;

// An awaitable that really suspends, and one that never does.
struct yield_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
yield_awaitable yield_now();
task<int> read_value();
task<std::vector<int>> fetch();

extern "C" unsigned char *SHA256(const unsigned char *d, std::size_t n,
                                 unsigned char *md);

// --- Nested loops whose bounds are not small constants ----------------------

task<std::uint32_t> checksum(const std::vector<std::uint8_t> &data, int rounds) {
  std::uint32_t sum = 0;
  for (int r = 0; r < rounds; ++r) // expect-warning: loop in coroutine 'checksum' never suspends and does heavy work per iteration; yield every N iterations or move it to a thread pool [coro-awaitless-loop]
    for (std::uint8_t b : data) // expect-note: nested loop over a runtime bound
      sum = sum * 31 + b;
  co_return sum;
}

task<> matmul(const std::vector<double> &a, const std::vector<double> &b,
              std::vector<double> &c, int n) {
  for (int i = 0; i < n; ++i) // expect-warning: loop in coroutine 'matmul' never suspends [coro-awaitless-loop]
    for (int j = 0; j < n; ++j) // expect-note: nested loop over a runtime bound
      for (int k = 0; k < n; ++k) // expect-note: nested loop over a runtime bound
        c[i * n + j] += a[i * n + k] * b[k * n + j];
  co_return;
}

task<int> pairs(const std::vector<int> &v) {
  int same = 0;
  for (std::size_t i = 0; i < v.size(); ++i) // expect-warning: never suspends [coro-awaitless-loop]
    for (std::size_t j = i + 1; j < v.size(); ++j) // expect-note: nested loop
      same += v[i] == v[j];
  for (const auto &a : v) // expect-warning: never suspends [coro-awaitless-loop]
    for (const auto &b : v) // expect-note: nested loop
      same += a == b;
  for (auto it = v.begin(); it != v.end(); ++it) // expect-warning: never suspends [coro-awaitless-loop]
    for (auto jt = std::next(it); jt != v.end(); ++jt) // expect-note: nested loop
      same += *it == *jt;
  co_return same;
}

task<int> primes(int limit) {
  int count = 0;
  for (int n = 2; n < limit; ++n) { // expect-warning: loop in coroutine 'primes' never suspends [coro-awaitless-loop]
    bool prime = true;
    for (int d = 2; d * d <= n; ++d) // expect-note: nested loop over a runtime bound
      if (n % d == 0) {
        prime = false;
        break;
      }
    count += prime;
  }
  co_return count;
}

task<int> while_loops(int rows, int cols) {
  int i = 0, total = 0;
  while (i < rows) { // expect-warning: never suspends [coro-awaitless-loop]
    int j = 0;
    while (j < cols) { // expect-note: nested loop over a runtime bound
      total += i ^ j;
      ++j;
    }
    ++i;
  }
  co_return total;
}

// A large constant inner bound counts like a runtime one.
task<> histograms(const std::vector<std::vector<std::uint8_t>> &packets,
                  std::vector<int> &out) {
  for (const auto &p : packets) { // expect-warning: never suspends [coro-awaitless-loop]
    int hist[256] = {};
    for (int i = 0; i < 256; ++i) // expect-note: nested loop over 256 iterations
      out[i] += hist[i];
  }
  co_return;
}

// A small constant outer loop is not reported; the heavy nest inside it is.
task<int> passes(const std::vector<int> &v) {
  int s = 0;
  for (int pass = 0; pass < 2; ++pass)
    for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
      for (int b : v) // expect-note: nested loop
        s += a * b;
  co_return s;
}

// A suspension before the loop (in its range) does not help its iterations.
task<int> after_fetch(const std::vector<int> &w) {
  int s = 0;
  for (int a : co_await fetch()) // expect-warning: never suspends [coro-awaitless-loop]
    for (int b : w) // expect-note: nested loop
      s += a * b;
  co_return s;
}

// Awaiting something that never suspends is no yield.
task<int> suspend_never_inside(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) { // expect-warning: never suspends [coro-awaitless-loop]
    co_await std::suspend_never{};
    for (int b : v) // expect-note: nested loop
      s += a - b;
  }
  co_return s;
}

// Members, lambdas and templates are coroutines too.
struct Index {
  std::vector<int> keys;
  task<int> dedupe() {
    int dups = 0;
    for (int a : keys) // expect-warning: loop in coroutine 'Index::dedupe' never suspends [coro-awaitless-loop]
      for (int b : keys) // expect-note: nested loop
        dups += a == b;
    co_return dups;
  }
};

auto lambda_coro = [](std::vector<int> v) -> task<int> {
  int s = 0;
  for (int a : v) // expect-warning: loop in coroutine 'lambda_coro' never suspends [coro-awaitless-loop]
    for (int b : v) // expect-note: nested loop
      s += a * b;
  co_return s;
};

template <class T> task<T> templated(std::vector<T> v) {
  T s{};
  for (const T &a : v) // expect-warning: loop in coroutine 'templated' never suspends [coro-awaitless-loop]
    for (const T &b : v) // expect-note: nested loop
      s += a * b;
  co_return s;
}
template task<int> templated<int>(std::vector<int>);
template task<long> templated<long>(std::vector<long>);

// --- Not heavy: nested data, small bounds, cheap linear loops ---------------

struct Header {
  std::string name, value;
};
struct Message {
  std::vector<Header> headers;
  std::vector<std::uint8_t> body;
};

task<int> nested_data(const std::vector<std::vector<int>> &m,
                      const std::map<std::string, std::vector<int>> &groups,
                      const std::vector<Message> &msgs) {
  int s = 0;
  for (const auto &row : m) // each element once: rows x their own columns
    for (int x : row)
      s += x;
  for (std::size_t i = 0; i < m.size(); ++i)
    for (std::size_t j = 0; j < m[i].size(); ++j)
      s += m[i][j];
  for (const auto &[name, values] : groups)
    for (int v : values)
      s += v;
  for (const auto &msg : msgs)
    for (auto it = msg.headers.begin(); it != msg.headers.end(); ++it)
      s += it->name.size();
  co_return s;
}

task<int> small_bounds(const std::vector<std::array<int, 3>> &points) {
  int s = 0;
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j)
      s += i * j;
  for (const auto &p : points)
    for (int d = 0; d < 3; ++d)
      s += p[d];
  for (const auto &p : points)
    for (int x : p)
      s += x;
  for (unsigned t = 0; t < std::thread::hardware_concurrency(); ++t)
    for (const auto &p : points)
      s += p[0];
  int shift = 0;
  for (const auto &p : points)
    while (shift < 32) {
      s += p[1] << shift;
      shift += 7;
    }
  co_return s;
}

task<int> linear(const std::vector<Header> &headers, const std::vector<int> &v,
                 const char *src, char *dst, std::size_t n) {
  int found = 0;
  for (const auto &h : headers)
    if (h.name == "Host")
      ++found;
  long sum = 0;
  for (int x : v)
    sum += x;
  for (std::size_t i = 0; i < n; ++i)
    dst[i] = src[i];
  for (int i = 0; i < 1000000; ++i) // one level, however long
    sum += i;
  co_return found + int(sum);
}

// The element reached through a local name, a view or a span is still the
// element (found by an adversarial review).
struct Order { std::vector<int> items; };
std::vector<std::string> split(const std::string &line, char sep);
task<int> element_aliases(const std::vector<Order> &orders,
                          const std::vector<std::string> &lines,
                          const std::vector<std::vector<int>> &m) {
  int n = 0;
  for (const auto &o : orders) {
    const auto &items = o.items;
    for (int i : items)
      n += i;
  }
  for (std::size_t k = 0; k < orders.size(); ++k) {
    const Order &ord = orders[k];
    for (int i : ord.items)
      n += i;
  }
  for (const auto &line : lines) {
    auto fields = split(line, ',');
    for (const auto &f : fields)
      n += f.size();
  }
  for (const auto &row : m)
    for (int x : row | std::views::reverse)
      n += x;
  for (const auto &row : m)
    for (int x : std::span(row))
      n += x;
  co_return n;
}
// A local naming the whole collection is not the element.
task<int> alias_of_everything(const std::vector<Order> &orders) {
  int n = 0;
  for (const auto &o : orders) { // expect-warning: never suspends [coro-awaitless-loop]
    const auto &all = orders;
    for (const auto &other : all) // expect-note: nested loop over a runtime bound
      n += o.items.size() == other.items.size();
  }
  co_return n;
}
template <class T> task<int> element_member_in_template(const std::vector<T> &orders) {
  int n = 0;
  for (const auto &o : orders)
    for (int i : o.items)
      n += i;
  co_return n;
}

// Scanners share their cursor with the inner loop: linear in the input.
task<int> tokens(const std::string &s, const char *p, const char *end) {
  int count = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && s[pos] == ' ')
      ++pos;
    ++count;
    ++pos;
  }
  while (p != end) {
    while (p != end && *p != ',')
      ++p;
    if (p != end)
      ++p;
    ++count;
  }
  // The cursor handed to the inner loop and back.
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && s[j] != ',')
      ++j;
    ++count;
    i = j + 1;
  }
  co_return count;
}
// A copy of the outer counter that is not handed back: pairs, reported.
task<int> pairs_from_copy(const std::vector<int> &v) {
  int n = 0;
  for (std::size_t i = 0; i < v.size(); ++i) { // expect-warning: never suspends [coro-awaitless-loop]
    std::size_t j = i + 1;
    while (j < v.size()) { // expect-note: nested loop over a runtime bound
      n += v[i] == v[j];
      ++j;
    }
  }
  co_return n;
}

// Inner loops that stop on data, not a count (varint decoding, retries).
bool try_once(int job);
task<std::uint64_t> decode(const std::vector<int> &fields, const std::uint8_t *p,
                           const std::vector<int> &jobs) {
  std::uint64_t total = 0;
  for (int f : fields) {
    std::uint64_t v = 0;
    std::uint8_t b;
    do {
      b = *p++;
      v = (v << 7) | (b & 0x7f);
    } while (b & 0x80);
    total += v + f;
  }
  for (int job : jobs)
    for (;;)
      if (try_once(job))
        break;
  co_return total;
}

// --- Loops that suspend ------------------------------------------------------

task<int> yields_sometimes(const std::vector<int> &v) {
  int s = 0, k = 0;
  for (int a : v) {
    for (int b : v)
      s += a * b;
    if (++k % 1024 == 0)
      co_await yield_now();
  }
  co_return s;
}

task<> event_loop(const std::vector<int> &v) {
  for (;;) {
    int x = co_await read_value();
    for (int a : v)
      x += a;
  }
}

task<> event_loop_with_heavy_step(const std::vector<int> &v) {
  for (;;) {
    int x = co_await read_value();
    for (int a : v) // expect-warning: never suspends [coro-awaitless-loop]
      for (int b : v) // expect-note: nested loop
        x += a * b;
  }
}

task<> awaits_in_condition(const std::vector<int> &v) {
  int s = 0;
  while (co_await read_value())
    for (int a : v)
      s += a;
}

testing_task::generator<int> products(std::vector<int> v) {
  for (int a : v)
    for (int b : v)
      co_yield a * b;
}

// A suspension inside a nested lambda is the lambda's, not the loop's.
task<int> lambda_suspends(const std::vector<int> &v) {
  int s = 0;
  for (int a : v) { // expect-warning: never suspends [coro-awaitless-loop]
    auto later = [&]() -> task<> { co_await yield_now(); };
    (void)later;
    for (int b : v) // expect-note: nested loop
      s += a * b;
  }
  co_return s;
}

// --- Helpers that loop ------------------------------------------------------

std::uint32_t crc(const std::vector<std::uint8_t> &buf) {
  std::uint32_t c = 0;
  for (std::uint8_t b : buf) // expect-note: loop in 'crc' over a runtime bound
    c = (c >> 8) ^ b;
  return c;
}

task<std::uint32_t> crc_loop(const std::vector<std::uint8_t> &big, int times,
                             const std::vector<Message> &msgs) {
  std::uint32_t c = 0;
  for (int i = 0; i < times; ++i) // expect-warning: loop in coroutine 'crc_loop' never suspends [coro-awaitless-loop]
    c ^= crc(big); // expect-note: 'crc_loop' calls 'crc'
  for (const auto &m : msgs) // crc walks each message's own body: linear
    c ^= crc(m.body);
  co_return c;
}

struct Table {
  std::vector<int> rows;
};
int lookup(const Table &t, int key) {
  for (int r : t.rows) // expect-note: loop in 'lookup' over a runtime bound
    if (r == key)
      return r;
  return -1;
}
int find_key(const Table &t, int key) { return lookup(t, key); } // expect-note: 'find_key' calls 'lookup'

task<int> join_by_scan(const Table &table, const std::vector<int> &keys,
                       const std::vector<Table> &shards) {
  int hits = 0;
  for (int k : keys) // expect-warning: never suspends [coro-awaitless-loop]
    hits += find_key(table, k) >= 0; // expect-note: 'join_by_scan' calls 'find_key'
  for (const Table &shard : shards) // each shard scanned once
    hits += find_key(shard, 0) >= 0;
  co_return hits;
}

void zero(char *p, std::size_t len) {
  for (std::size_t i = 0; i < len; ++i) // expect-note: loop in 'zero' over a runtime bound
    p[i] = 0;
}
struct Buffer {
  char *data;
  std::size_t size;
};
task<> clear_buffers(std::vector<Buffer> &bufs, char *scratch, std::size_t len,
                     int n) {
  for (auto &b : bufs)
    zero(b.data, b.size); // each buffer's own size
  for (int i = 0; i < n; ++i) // expect-warning: never suspends [coro-awaitless-loop]
    zero(scratch, len); // expect-note: 'clear_buffers' calls 'zero'
  co_return;
}

// A helper looping over a large constant bound is heavy per call too.
int mix_rounds(int x) {
  for (int r = 0; r < 4096; ++r) // expect-note: loop in 'mix_rounds' over 4096 iterations
    x = x * 1103515245 + 12345;
  return x;
}
task<int> mix_all(const std::vector<int> &v) {
  int s = 0;
  for (int x : v) // expect-warning: never suspends [coro-awaitless-loop]
    s ^= mix_rounds(x); // expect-note: 'mix_all' calls 'mix_rounds'
  co_return s;
}

// A helper looping over an argument of small constant size is cheap.
int count_of(const char *set, char c) {
  int n = 0;
  for (const char *p = set; *p; ++p) // expect-note: loop in 'count_of' over a runtime bound
    n += *p == c;
  return n;
}
task<int> constant_arguments(const std::string &text, char *buf, int rounds) {
  int n = 0;
  for (char c : text)
    n += count_of(",;: ", c);
  for (char c : text)
    zero(buf, 16);
  for (int i = 0; i < rounds; ++i) // expect-warning: never suspends [coro-awaitless-loop]
    n += count_of(text.c_str(), 'x'); // expect-note: 'constant_arguments' calls 'count_of'
  co_return n;
}

struct Connection {
  std::vector<int> pending;
  int sent = 0;
  void flush() {
    for (int p : pending)
      sent += p;
  }
};
struct Cache {
  std::vector<int> entries;
  int checksum = 0;
  void rebuild() {
    for (int e : entries) // expect-note: loop in 'Cache::rebuild' over a runtime bound
      checksum ^= e;
  }
};
task<> flush_all(std::vector<Connection> &conns, Cache &cache, int n) {
  for (auto &c : conns) // each connection flushes its own queue
    c.flush();
  for (int i = 0; i < n; ++i) // expect-warning: never suspends [coro-awaitless-loop]
    cache.rebuild(); // expect-note: 'flush_all' calls 'Cache::rebuild'
  co_return;
}

// Lambdas called on the spot are helpers; a lambda handed to a thread is not
// run by the coroutine.
task<int> lambdas(const std::vector<int> &v,
                  const std::vector<std::vector<int>> &m, int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) // expect-warning: never suspends [coro-awaitless-loop]
    [&] { // expect-note: 'lambdas' calls 'lambda at awaitless-loop-std.cpp:515:5'
      for (int x : v) // expect-note: loop in 'lambda at awaitless-loop-std.cpp:515:5' over a runtime bound
        s += x;
    }();
  for (const auto &row : m)
    [&] {
      for (int x : row)
        s += x;
    }();
  std::thread worker([&] {
    for (int a : v)
      for (int b : v)
        s += a * b;
  });
  worker.join();
  co_return s;
}

// Recursion: decided without looping forever, the same whatever the order.
struct Node {
  std::vector<Node *> children;
};
int count_nodes(const Node *n) {
  int c = 1;
  for (const Node *child : n->children) // expect-note: loop in 'count_nodes' over a runtime bound
    c += count_nodes(child);
  return c;
}
task<int> trees(const std::vector<Node *> &roots, const Node *big, int n) {
  int c = 0;
  for (const Node *r : roots) // each tree once
    c += count_nodes(r);
  for (int i = 0; i < n; ++i) // expect-warning: never suspends [coro-awaitless-loop]
    c += count_nodes(big); // expect-note: 'trees' calls 'count_nodes'
  co_return c;
}

// Compile-time work costs nothing at run time: consteval calls (format
// string checks) and constexpr variables.
constexpr int kTableSize = 1000;
constexpr int table_sum() {
  int s = 0;
  for (int i = 0; i < kTableSize; ++i)
    s += i % 7;
  return s;
}
consteval int table_sum_now() { return table_sum(); }
struct checked_format {
  consteval checked_format(const char *s) : sum(table_sum() + (s ? 1 : 0)) {}
  int sum;
};
void log_line(checked_format f, int v);
task<int> compile_time(int n) {
  int s = 0;
  for (int i = 0; i < n; ++i) {
    constexpr int t = table_sum();
    s += t + table_sum_now();
    log_line("value {}", i);
  }
  co_return s;
}

int add(int a, int b) { return a + b; }
int sum4(const int *p) {
  int s = 0;
  for (int i = 0; i < 4; ++i)
    s += p[i];
  return s;
}
task<int> cheap_helpers(const std::vector<int> &v) {
  int s = 0;
  for (int x : v)
    s = add(s, x) + sum4(&v[0]);
  co_return s;
}

// --- CPU-heavy library calls -------------------------------------------------

task<> sort_each(std::vector<std::vector<int>> &buckets, std::vector<int> &v,
                 int n) {
  for (auto &b : buckets) // expect-warning: never suspends [coro-awaitless-loop]
    std::sort(b.begin(), b.end()); // expect-note: 'std::sort' does heavy CPU work: sorts the whole range
  for (int i = 0; i < n; ++i) // expect-warning: never suspends [coro-awaitless-loop]
    std::ranges::sort(v); // expect-note: 'std::ranges::sort' does heavy CPU work
  std::sort(v.begin(), v.end()); // once, not in a loop
  for (int i = 0; i < 2; ++i)    // small bound
    std::sort(v.begin(), v.end());
  co_return;
}

task<int> grep_lines(const std::vector<std::string> &lines,
                     const std::vector<std::string> &patterns) {
  int hits = 0;
  std::regex re("err(or)?");
  for (const auto &l : lines) // expect-warning: never suspends [coro-awaitless-loop]
    hits += std::regex_search(l, re); // expect-note: 'std::regex_search' does heavy CPU work
  for (const auto &p : patterns) { // expect-warning: never suspends [coro-awaitless-loop]
    std::regex compiled(p); // expect-note: 'std::basic_regex' does heavy CPU work: compiles a regular expression
    hits += compiled.mark_count();
  }
  co_return hits;
}

std::string digest(const std::string &m) {
  unsigned char md[32];
  SHA256(reinterpret_cast<const unsigned char *>(m.data()), m.size(), md); // expect-note: 'SHA256' does heavy CPU work: hashes the whole buffer
  return std::string(reinterpret_cast<char *>(md), 32);
}
task<> sign_all(const std::vector<std::string> &msgs, std::vector<std::string> &out) {
  for (const auto &m : msgs) // expect-warning: never suspends [coro-awaitless-loop]
    out.push_back(digest(m)); // expect-note: 'sign_all' calls 'digest'
  co_return;
}

// --- Busy-wait loops ----------------------------------------------------------

std::atomic<bool> done{false};
std::atomic<int> state{0};
std::atomic_flag spin_lock = ATOMIC_FLAG_INIT;
bool ready = false;
volatile int signal_word = 0;

task<> spins() {
  while (!done.load()) { // expect-warning: loop in coroutine 'spins' spins on 'done' without suspending; await an event instead [coro-awaitless-loop]
  }
  while (!ready) // expect-warning: spins on 'ready' without suspending [coro-awaitless-loop]
    std::this_thread::yield();
  while (spin_lock.test_and_set(std::memory_order_acquire)) { // expect-warning: spins on 'spin_lock' [coro-awaitless-loop]
  }
  for (;;) { // expect-warning: spins on 'done' [coro-awaitless-loop]
    if (done.load(std::memory_order_relaxed))
      break;
    std::this_thread::yield();
  }
  do { // expect-warning: spins on 'state' [coro-awaitless-loop]
  } while (state.load() != 2);
  while (signal_word == 0) { // expect-warning: spins on 'signal_word' [coro-awaitless-loop]
  }
  int spins_done = 0;
  while (!done) // expect-warning: spins on 'done' [coro-awaitless-loop]
    ++spins_done;
  co_return;
}

// Compare-exchange loops: an update that keeps what it found as the next
// `expected` ends once no other thread interferes; a spin lock that resets
// `expected` every round waits for the holder.
task<> compare_exchange(std::atomic<int> &counter, std::atomic<int> &high,
                        std::atomic<bool> &lock, int v) {
  int old = counter.load();
  while (!counter.compare_exchange_weak(old, old + 1)) {
  }
  int cur = high.load();
  while (cur < v && !high.compare_exchange_weak(cur, v)) {
  }
  bool expected = false;
  while (!lock.compare_exchange_weak(expected, true)) // expect-warning: spins on 'lock' [coro-awaitless-loop]
    expected = false;
  co_return;
}

bool check();
void process();
task<> not_spinning() {
  while (!done.load()) // suspends
    co_await yield_now();
  while (!done.load()) // blocks (coro-blocking-call's business)
    std::this_thread::sleep_for(1ms);
  while (!done.load()) // does work each time
    process();
  while (!ready) // the loop sets the flag itself
    ready = check();
  while (!done.load()) { // can leave on its own
    if (state.load() == 3)
      break;
  }
  int i = 0, n = 10;
  while (i < n) // not a flag
    ++i;
  co_return;
}

// A worker loop polling a flag while it walks a runtime list never gives the
// thread back: it is heavy, not merely spinning.
void poll_client(int c);
task<> worker(const std::vector<int> &clients) {
  while (!done.load()) // expect-warning: loop in coroutine 'worker' never suspends and does heavy work [coro-awaitless-loop]
    for (int c : clients) // expect-note: nested loop over a runtime bound
      poll_client(c);
  co_return;
}

// --- Plain functions ------------------------------------------------------------

int plain_matrix(const std::vector<int> &v) { // not a coroutine
  int s = 0;
  for (int a : v) // expect-note: loop in 'plain_matrix' over a runtime bound
    for (int b : v) // expect-note: loop in 'plain_matrix' over a runtime bound
      s += a * b;
  while (!done.load()) {
  }
  return s;
}
task<int> calls_plain_once(const std::vector<int> &v) {
  // Not in a loop of the coroutine, but the helper's own nested loop runs
  // on the coroutine's thread all the same.
  co_return plain_matrix(v); // expect-warning: 'plain_matrix' loops without suspending and does heavy work per iteration, called in coroutine 'calls_plain_once'; make it a coroutine that yields every N iterations, or move it to a thread pool [coro-awaitless-loop]
}
int plain_linear(const std::vector<int> &v) {
  int s = 0;
  for (int a : v)
    s += a;
  return s;
}
task<int> calls_plain_linear(const std::vector<int> &v) {
  co_return plain_linear(v); // one pass: not heavy
}
