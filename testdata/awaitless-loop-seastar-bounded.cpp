// CHECKS: coro-awaitless-loop
// Reductions of the seastar corpus' false alarms of the stall-sensitive rule
// (/work/corpus/results/s21-precision/TABLE.md: "loop over a small
// configured collection", "fan-out over scheduling groups"), each with the
// near miss that is still reported beside it.
#include <boost/test/unit_test.hpp>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/core/scheduling.hh>
#include <seastar/core/when_all.hh>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <list>
#include <map>
#include <sstream>
#include <string>
#include <vector>

seastar::future<float> measure_iops(std::uint64_t alignment);

// --- a local collection made from a handful of literals ----------------------
// iotune.cc:731: a few test alignments, compared pairwise after measuring.

seastar::future<std::uint64_t> detect_block_size() {
  std::vector<std::uint64_t> alignments = {512, 1024, 2048, 4096, 8192};
  std::map<std::uint64_t, float> iops;
  for (auto a : alignments)
    iops[a] = co_await measure_iops(a);
  std::uint64_t detected = alignments.back();
  for (std::size_t i = 0; i < alignments.size() - 1; ++i) {
    auto current = alignments[i];
    auto next = alignments[i + 1];
    if (iops[next] <= iops[current] * 1.05f) {
      detected = current;
      break;
    }
  }
  co_return detected;
}

// The alignments come from the caller: as many as it likes.
seastar::future<std::uint64_t> detect_block_size_of(const std::vector<std::uint64_t> &alignments,
                                                    std::map<std::uint64_t, float> iops) {
  std::uint64_t detected = alignments.back();
  for (std::size_t i = 0; i < alignments.size() - 1; ++i) { // expect-warning: loop in coroutine 'detect_block_size_of' never suspends and builds per element [coro-awaitless-loop] // expect-note: a preemption point here lets other tasks run
    if (iops[alignments[i + 1]] <= iops[alignments[i]] * 1.05f) { // expect-note: 'operator[]' inserts into a container
      detected = alignments[i];
      break;
    }
  }
  co_return detected;
}

// Made from literals, then grown: no longer a handful.
seastar::future<std::uint64_t> detect_block_size_grown(std::uint64_t extra, int n) {
  std::vector<std::uint64_t> alignments = {512, 1024};
  for (int k = 0; k < n; ++k)
    alignments.push_back(extra << k);
  std::map<std::uint64_t, float> iops;
  std::uint64_t detected = 0;
  for (std::size_t i = 0; i < alignments.size() - 1; ++i) // expect-warning: loop in coroutine 'detect_block_size_grown' never suspends and builds per element [coro-awaitless-loop]
    if (iops[alignments[i]] > 0) // expect-note: 'operator[]' inserts into a container
      detected = alignments[i];
  co_return detected;
}

// --- pointers or numbers added to a vector -----------------------------------
// reactor.cc:2117: the argv of a process as the `const char *` array
// posix_spawn takes. A vector grows by blocks: adding a pointer allocates
// nothing per element, like a read.

int launch(const char *const *argv);

seastar::future<int> spawn_process(std::vector<std::string> argv) {
  std::vector<const char *> argvp;
  std::transform(argv.cbegin(), argv.cend(), std::back_inserter(argvp),
                 [](auto &s) { return s.c_str(); });
  argvp.push_back(nullptr);
  std::vector<std::size_t> lengths;
  for (const auto &s : argv)
    lengths.push_back(s.size());
  co_return launch(argvp.data());
}

// A copy of every string allocates per element.
seastar::future<int> spawn_process_copies(std::vector<std::string> argv) {
  std::vector<std::string> copies;
  std::transform(argv.cbegin(), argv.cend(), std::back_inserter(copies), // expect-warning: 'std::transform' in coroutine 'spawn_process_copies' never suspends and builds per element [coro-awaitless-loop]
                 [](const std::string &s) { return s + "="; }); // expect-note@-1: 'std::back_inserter' inserts into a container
  co_return int(copies.size());
}

// A list allocates a node per pointer.
seastar::future<int> spawn_process_list(std::vector<std::string> argv) {
  std::list<const char *> argvp;
  for (const auto &s : argv) // expect-warning: loop in coroutine 'spawn_process_list' never suspends and builds per element [coro-awaitless-loop]
    argvp.push_back(s.c_str()); // expect-note: 'push_back' inserts into a container
  co_return int(argvp.size());
}

// --- assertions of a test framework ------------------------------------------
// dns_test.cc:126/142: Boost.Test's checks over the few addresses of one
// host. The macros end in `while (dummy_cond())` (a function returning
// false: they run once) and build their message lazily: `<<` on a const
// lazy_ostream makes an object holding references, it writes nothing.

struct address_entry {
  std::uint32_t addr;
  std::uint32_t ttl;
};
struct host_entry {
  std::vector<address_entry> entries;
  std::vector<std::uint32_t> addrs;
};
seastar::future<host_entry> resolve(const char *name);

seastar::future<> check_host(const char *name) {
  host_entry e = co_await resolve(name);
  for (auto i = 0ul; i < e.entries.size(); ++i) {
    BOOST_REQUIRE_EQUAL(e.entries[i].addr, e.addrs[i]);
    BOOST_REQUIRE(e.entries[i].ttl != 0);
  }
  BOOST_REQUIRE(std::count_if(e.entries.begin(), e.entries.end(),
                              [&e](const address_entry &item) { return item.addr == e.addrs.front(); }));
}

// Writing every address to a stream does build per element.
seastar::future<std::string> describe_host(const char *name) {
  host_entry e = co_await resolve(name);
  std::ostringstream log;
  for (auto i = 0ul; i < e.entries.size(); ++i) // expect-warning: loop in coroutine 'describe_host' never suspends and builds per element [coro-awaitless-loop]
    log << e.entries[i].addr << ' '; // expect-note: writes to a 'std::basic_ostream'
  co_return log.str();
}

// A loop whose condition is decided at run time is a loop.
bool more_rounds();

seastar::future<long> count_matches(const char *name) {
  host_entry e = co_await resolve(name);
  long n = 0;
  do { // expect-warning: loop in coroutine 'count_matches' never suspends and does heavy work per iteration [coro-awaitless-loop]
    n += std::count_if(e.entries.begin(), e.entries.end(), // expect-note: 'std::count_if' calls its function on every element
                       [&e](const address_entry &item) { return item.addr == e.addrs.front(); });
  } while (more_rounds());
  co_return n;
}

// A message builder that copies what it is given owns a string per element.
struct message {
  virtual ~message() {}
  std::string text;
};
message operator<<(const message &m, std::uint32_t v);

seastar::future<> collect_messages(const char *name) {
  host_entry e = co_await resolve(name);
  message m;
  for (auto i = 0ul; i < e.entries.size(); ++i) // expect-warning: loop in coroutine 'collect_messages' never suspends and builds per element [coro-awaitless-loop]
    (void)(m << e.entries[i].addr); // expect-note: 'operator<<' returns a new object
}

// --- one per scheduling group ------------------------------------------------
// scheduling_group_nesting_test.cc:111/163: seastar allows at most
// max_scheduling_groups() (16) scheduling groups (`executors` entry of
// `kind: group` in rules/seastar.json), so a collection of them is short.

seastar::future<> busy(std::uint64_t &count);

seastar::future<> run_busyloops(std::vector<seastar::scheduling_group> groups) {
  std::vector<std::uint64_t> counts;
  std::vector<seastar::future<>> f;
  counts.reserve(groups.size());
  for (auto &g : groups) {
    counts.push_back(0);
    f.push_back(seastar::with_scheduling_group(g, [&c = counts.back()] { return busy(c); }));
  }
  co_await seastar::when_all(f.begin(), f.end());
}

struct layout {
  std::vector<seastar::scheduling_group> groups;
  std::vector<std::string> tables;
};

seastar::future<> pick_groups(layout &l) {
  std::vector<std::string> names;
  for (unsigned i = 0; i < l.groups.size(); i++)
    names.push_back(std::to_string(l.groups[i].id()));
  co_await seastar::make_ready_future<>();
}

// One per table: as many as the node has.
seastar::future<> run_per_table(std::vector<std::string> tables) {
  std::vector<seastar::future<>> f;
  for (auto &t : tables) // expect-warning: loop in coroutine 'run_per_table' never suspends and builds per element [coro-awaitless-loop]
    f.push_back(seastar::with_scheduling_group(seastar::scheduling_group(), [&t] { return seastar::make_ready_future<>(); })); // expect-note: 'push_back' inserts into a container
  co_await seastar::when_all(f.begin(), f.end());
}

seastar::future<> pick_tables(layout &l) {
  std::vector<std::string> names;
  for (unsigned i = 0; i < l.tables.size(); i++) // expect-warning: loop in coroutine 'pick_tables' never suspends and builds per element [coro-awaitless-loop]
    names.push_back(l.tables[i] + "."); // expect-note: 'push_back' inserts into a container // expect-note: a preemption point here lets other tasks run
  co_await seastar::make_ready_future<>();
}
