// CHECKS: coro-sequential-await,coro-ignored-send-result,coro-blocking-call
// OPTION: RuleFiles=%testdata/rule-files-user-words.json
// Words and marker names are catalog data: a project's rule file adds its
// own (docs/rules.md: `addressee_words`, `ordered_words`,
// `emptiness_queries`, `non_blocking_markers`). Each negative below would
// be reported but for one of the file's entries (`close_all`: `tenant` makes
// it an addressed request, `ledger` an ordered service; `post_eof`: the
// catalogued `post` after `drained()`; `device`: `io_mode::polled`), each
// positive is its near miss.
#include "corolint_task.hpp"

#include <string>
#include <unistd.h>
#include <vector>

using testing_task::task;

struct note {
  std::string text;
};

// --- addressee_words: `tenant` names where the request goes ----------------
struct registry {
  task<> suspend(const std::string &tenant);
  task<> process(const std::string &text);
};

task<> suspend_all(registry &reg, std::vector<std::string> tenants) {
  for (const auto &t : tenants)
    co_await reg.suspend(t); // expect-warning: 'reg.suspend(...)' is awaited on each element in turn [coro-sequential-await]
}

// Not an addressee: the element is the request's data.
task<> process_all(registry &reg, std::vector<std::string> texts) {
  for (const auto &t : texts)
    co_await reg.process(t);
}

// --- ordered_words: a `ledger` keeps its calls in order ---------------------
struct ledger_service {
  task<> close_account(const std::string &tenant);
};
task<> close_all(ledger_service &svc, std::vector<std::string> tenants) {
  for (const auto &t : tenants)
    co_await svc.close_account(t);
}

// --- emptiness_queries: `drained()` says the mailbox holds nothing ----------
namespace acme {
[[noreturn]] void fail(const char *what);
struct mailbox {
  bool post(note n);
  bool drained() const;
  bool idle() const;
};
} // namespace acme

task<> post_eof(acme::mailbox &box) {
  if (!box.drained())
    acme::fail("not drained");
  box.post(note{"eof"});
  co_return;
}

task<> post_when_idle(acme::mailbox &box) {
  if (!box.idle())
    acme::fail("busy");
  box.post(note{"eof"}); // expect-warning: result of 'post' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
  // expect-note@-1: 'post' returns false when the mailbox is full; check its result
  co_return;
}

// --- non_blocking_markers: `io_mode::polled` descriptors do not block --------
namespace acme {
enum class io_mode { blocking, polled };
int open_device(const char *path, io_mode mode);

class device {
 public:
  device() : fd_(open_device("/dev/acme0", io_mode::polled)) {}
  task<long> read_some(char *buf, unsigned long n);

 private:
  int fd_;
};

task<long> device::read_some(char *buf, unsigned long n) {
  co_return ::read(fd_, buf, n);
}

class blocking_device {
 public:
  blocking_device() : fd_(open_device("/dev/acme1", io_mode::blocking)) {}
  task<long> read_some(char *buf, unsigned long n);

 private:
  int fd_;
};

task<long> blocking_device::read_some(char *buf, unsigned long n) {
  co_return ::read(fd_, buf, n); // expect-warning: blocking call to 'read' in coroutine 'acme::blocking_device::read_some' [coro-blocking-call]
}
} // namespace acme
