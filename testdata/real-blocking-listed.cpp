// CHECKS: coro-blocking-call
// Real bugs RB06, RB07, RB08 (testdata/real/README.md), restated: the buggy
// shape is reported, the fixed shape beside it is not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>
#include <crypt.h>
#include <sys/statvfs.h>

// --- RB06: password hashing (crypt_r) on the reactor ----------------------------

namespace rb06 {
// A worker thread outside the reactor; submit() returns a future of the result.
struct worker_thread {
  template <class F> seastar::future<bool> submit(F &&f);
};

namespace passwords {
inline bool check(const std::string &salted_hash, const std::string &pass) {
  struct crypt_data data {};
  const char *h = ::crypt_r(pass.c_str(), salted_hash.c_str(), &data); // expect-note: 'rb06::passwords::check' blocks in 'crypt_r'
  return h && salted_hash == h;
}
} // namespace passwords

struct authenticator {
  worker_thread &worker;
  seastar::future<std::string> stored_hash(const std::string &user);

  seastar::future<bool> authenticate_buggy(std::string user, std::string pass) {
    std::string hash = co_await stored_hash(user);
    co_return passwords::check(hash, pass); // expect-warning: call to 'rb06::passwords::check' may block coroutine 'rb06::authenticator::authenticate_buggy'; it reaches blocking call 'crypt_r' [coro-blocking-call]
  }

  seastar::future<bool> authenticate_fixed(std::string user, std::string pass) {
    std::string hash = co_await stored_hash(user);
    co_return co_await worker.submit([&] { return passwords::check(hash, pass); });
  }
};
} // namespace rb06

// --- RB07: disk-space query (statfs) from a coroutine through a helper --------

namespace rb07 {
struct disk {
  std::string path;
  unsigned long free = 0, total = 0;
};

// The helper the coroutine calls; it asks the filesystem synchronously.
inline std::vector<disk> get_disks(const std::string &data_dir) {
  auto space = std::filesystem::space(data_dir); // expect-note: 'rb07::get_disks' blocks in 'std::filesystem::space'
  return {disk{data_dir, space.available, space.capacity}};
}

// The fixed helper: the reactor's asynchronous statvfs.
seastar::future<struct statvfs> file_system_stat(std::string path);
inline seastar::future<std::vector<disk>> get_disks_async(std::string data_dir) {
  struct statvfs st = co_await file_system_stat(data_dir);
  co_return std::vector<disk>{disk{data_dir, st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize}};
}

struct local_monitor {
  std::string data_dir;
  std::vector<disk> disks;
  seastar::future<> update_state_buggy() {
    disks = get_disks(data_dir); // expect-warning: call to 'rb07::get_disks' may block coroutine 'rb07::local_monitor::update_state_buggy'; it reaches blocking call 'std::filesystem::space' [coro-blocking-call]
    co_return;
  }
  seastar::future<> update_state_fixed() {
    disks = co_await get_disks_async(data_dir);
  }
};
} // namespace rb07

// --- RB08: a synchronous database query helper inside a coroutine ---------------

namespace rb08 {
struct sql { std::string text; };

// The data source offers an awaitable query and a "sync" wrapper that runs
// the same query and blocks the calling thread until its result arrives.
struct data_source {
  seastar::future<std::optional<long>> scalar(sql q);
  std::future<std::optional<long>> scalar_future(sql q);
  std::optional<long> scalar_sync_opt(sql q) {
    return scalar_future(q).get(); // expect-note: 'rb08::data_source::scalar_sync_opt' blocks in 'std::future::get'
  }
};

seastar::future<long> add_permission_buggy(data_source &ds, std::string target) {
  std::optional<long> pk = ds.scalar_sync_opt({"select id from resources where target=" + target}); // expect-warning: call to 'rb08::data_source::scalar_sync_opt' may block coroutine 'rb08::add_permission_buggy'; it reaches blocking call 'std::future::get' [coro-blocking-call]
  co_return pk.value_or(0);
}

seastar::future<long> add_permission_fixed(data_source &ds, std::string target) {
  std::optional<long> pk = co_await ds.scalar({"select id from resources where target=" + target});
  co_return pk.value_or(0);
}
} // namespace rb08
