// CHECKS: coro-ignored-send-result
// OPTION: coro-ignored-send-result.ExtraSendFunctions=acme::Queue::put;acme::bus::.*_nowait
// OPTION: coro-ignored-send-result.RuleFiles=%testdata/ignored-send-result-acme.json
// A company's own sends: through the option (names and regexes) and
// through a rule file.
#include "corolint_task.hpp"

#include <system_error>

using testing_task::task;

namespace acme {
struct fire_and_forget_t {};
inline constexpr fire_and_forget_t fire_and_forget;

struct Queue {
  bool put(int);
  bool peek(int &) const;
};
namespace bus {
int publish_nowait(int topic);
int publish(int topic);
} // namespace bus

struct Mailbox {
  bool offer(int);
  task<> deliver(int);
  template <typename Handler> void async_post(int, Handler &&h) { (void)h; }
};
} // namespace acme

task<> option_names(acme::Queue &q) {
  q.put(1); // expect-warning: result of 'put' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
  // expect-note@-1: check whether 'put' delivered the message
  acme::bus::publish_nowait(2); // expect-warning: result of 'publish_nowait' is ignored [coro-ignored-send-result]
  // expect-note@-1: check whether 'publish_nowait' delivered the message
  acme::bus::publish(3);  // not listed
  int v = 0;
  q.peek(v); // not listed
  if (!q.put(4))
    co_return;
  co_await task<>{};
}

task<> rule_file(acme::Mailbox &m) {
  m.offer(1); // expect-warning: result of 'offer' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'offer' returns false when the mailbox is full; use co_await mailbox.deliver(msg)
  m.async_post(2, acme::fire_and_forget); // expect-warning: result of 'async_post' is ignored by completion token 'acme::fire_and_forget' [coro-ignored-send-result]
  // expect-note@-1: 'async_post' completes with an error when the mailbox is closed
  m.async_post(3, [](std::error_code ec) { (void)ec; });
  m.async_post(4, [](std::error_code) {}); // expect-warning: result of 'async_post' is ignored by its completion handler [coro-ignored-send-result]
  // expect-note@-1: 'async_post' completes with an error // expect-note@-1: the handler does not read its error code
  if (m.offer(5))
    co_await m.deliver(6);
}
