// CHECKS: coro-blocking-call,coro-lock-across-suspend,coro-ignored-send-result
// OPTION: coro-ignored-send-result.RuleFiles=%testdata/rule-files-scope.json
// RuleFiles scope (docs/rules.md): a file named in one check's option is
// loaded for every check, not only for the check whose option names it.
#include "corolint_task.hpp"

using testing_task::task;

namespace scope {
namespace db {
int query_sync(int);
int query_cached(int);
} // namespace db
struct SpinLock {};
struct SpinGuard {
  explicit SpinGuard(SpinLock &);
  ~SpinGuard();
};
struct Mailbox {
  bool offer(int);
  bool peek(int &) const;
};
} // namespace scope

task<int> fetch() { co_return 1; }

// The file's blocking entry, seen by coro-blocking-call.
task<int> lookup(int key) {
  int v = scope::db::query_sync(key); // expect-warning: blocking call to 'scope::db::query_sync' in coroutine 'lookup' [coro-blocking-call]
  int w = scope::db::query_cached(key); // not in the file: not reported
  co_return v + w;
}

// The file's guard type, seen by coro-lock-across-suspend.
task<int> guarded(scope::SpinLock &l) {
  scope::SpinGuard g(l); // expect-warning: 'g' (scope::SpinGuard) is held across a suspension point [coro-lock-across-suspend]
  int v = co_await fetch(); // expect-note: coroutine may suspend here
  co_return v;
}

task<int> unguarded(scope::SpinLock &l) {
  { scope::SpinGuard g(l); }
  co_return co_await fetch();
}

// And by the check whose option names it.
task<void> post(scope::Mailbox &m) {
  // expect-note@+1: 'offer' returns false when the mailbox is full; use co_await mailbox.deliver(msg)
  m.offer(1); // expect-warning: result of 'offer' is ignored [coro-ignored-send-result]
  int x = 0;
  m.peek(x);
  co_await fetch();
}
