// CHECKS: coro-blocking-call
// Blocking calls in coroutines found in public history (testdata/real/README.md,
// section coro-blocking-call), restated: the buggy shape is reported, the
// fixed shape beside it is not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <optional>
#include <string>
#include <grp.h>
#include <unistd.h>

// --- BC01: group look-up and chown of a unix socket on the reactor -------------

namespace bc01 {
struct group_details { std::string name; gid_t gid; };
// The reactor's wrappers: they run the libc call on the syscall thread.
seastar::future<std::optional<group_details>> getgrnam(std::string name);
seastar::future<> chown(std::string path, uid_t uid, gid_t gid);
seastar::future<> listen_unix(std::string path);

seastar::future<> start_unix_listener_buggy(std::string path, std::string group) {
  co_await listen_unix(path);
  struct group *g = ::getgrnam(group.c_str()); // expect-warning: blocking call to 'getgrnam' in coroutine 'bc01::start_unix_listener_buggy' [coro-blocking-call]
  if (g)
    ::chown(path.c_str(), static_cast<uid_t>(-1), g->gr_gid); // expect-warning: blocking call to 'chown' in coroutine 'bc01::start_unix_listener_buggy' [coro-blocking-call]
}

seastar::future<> start_unix_listener_fixed(std::string path, std::string group) {
  co_await listen_unix(path);
  std::optional<group_details> g = co_await bc01::getgrnam(group);
  if (g)
    co_await bc01::chown(path, static_cast<uid_t>(-1), g->gid);
}
} // namespace bc01
