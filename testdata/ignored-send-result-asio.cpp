// CHECKS: coro-ignored-send-result
// ARGS: -std=c++20 -I%include -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// Channel sends on the real asio headers (Debian's asio 1.22).
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/channel.hpp>
#include <asio/experimental/concurrent_channel.hpp>

#include <deque>
#include <memory>
#include <queue>
#include <tuple>
#include <vector>

using asio::awaitable;
using asio::use_awaitable;
using asio::experimental::as_tuple;
using ec_t = asio::error_code;
using channel = asio::experimental::channel<void(asio::error_code, int)>;
using concurrent_channel =
    asio::experimental::concurrent_channel<void(asio::error_code, int)>;
// Channels whose operations complete with use_awaitable / a tuple by default.
using awaitable_channel = asio::use_awaitable_t<>::as_default_on_t<channel>;
using tuple_channel =
    asio::experimental::as_tuple_t<asio::use_awaitable_t<>>::as_default_on_t<channel>;

void log_error(const asio::error_code &);
bool report(bool delivered);
awaitable<void> step();

// --- try_send, try_send_n: discarded -------------------------------------

awaitable<void> discarded_try_send(channel &ch) {
  ch.try_send(ec_t{}, 1); // expect-warning: result of 'try_send' is ignored; a full or closed channel drops the message [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false when the channel is full or closed; use co_await channel.async_send(..., asio::use_awaitable), or a check of the returned bool
  co_await step();
}

awaitable<void> discarded_concurrent(concurrent_channel &ch) {
  ch.try_send(ec_t{}, 1); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  co_return;
}

awaitable<void> discarded_through_pointer(std::shared_ptr<channel> ch) {
  ch->try_send(ec_t{}, 1); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  co_return;
}

awaitable<void> discarded_try_send_n(channel &ch) {
  ch.try_send_n(4, ec_t{}, 1); // expect-warning: result of 'try_send_n' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send_n' returns how many messages were sent, which may be fewer than asked; use a check of the returned count
  co_return;
}

awaitable<void> discarded_in_loop_and_branches(channel &ch, bool flag) {
  for (int i = 0; i < 3; ++i)
    ch.try_send(ec_t{}, i); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  if (flag)
    ch.try_send(ec_t{}, 0); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  else
    co_await step();
  flag ? ch.try_send(ec_t{}, 1) : ch.try_send(ec_t{}, 2); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result] // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false // expect-note@-1: 'try_send' returns false
  int n = 0;
  ch.try_send(ec_t{}, 3), ++n; // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  for (int i = 0; i < 2; ch.try_send(ec_t{}, i)) // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
    ++i;  // expect-note@-1: 'try_send' returns false
  co_return;
}

// --- try_send stored in a local that is never read -----------------------

awaitable<void> stored_never_read(channel &ch) {
  bool ok = ch.try_send(ec_t{}, 1); // expect-warning: result of 'try_send' is stored in 'ok' but never read [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  co_await step();
}

awaitable<void> assigned_in_loop_never_read(channel &ch) {
  bool ok = true;
  for (int i = 0; i < 3; ++i) {
    ok = ch.try_send(ec_t{}, i); // expect-warning: result of 'try_send' is stored in 'ok' but never read [coro-ignored-send-result]
    // expect-note@-1: 'try_send' returns false
    co_await step();
  }
}

awaitable<void> overwritten_before_read(channel &ch) {
  bool ok = ch.try_send(ec_t{}, 1); // expect-warning: result of 'try_send' is stored in 'ok' but never read [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  ok = ch.try_send(ec_t{}, 2);
  if (!ok)
    co_return;
  co_await step();
}

// --- try_send: the result is looked at ------------------------------------

awaitable<void> tested(channel &ch) {
  if (!ch.try_send(ec_t{}, 1))
    co_await ch.async_send(ec_t{}, 1, use_awaitable);
  while (!ch.try_send(ec_t{}, 2))
    co_await step();
  bool both = ch.try_send(ec_t{}, 3) && ch.try_send(ec_t{}, 4);
  if (!both)
    co_return;
}

awaitable<bool> returned(channel &ch) { co_return ch.try_send(ec_t{}, 1); }

awaitable<void> passed_on_and_stored_elsewhere(channel &ch, bool &out,
                                               std::vector<bool> &all) {
  report(ch.try_send(ec_t{}, 1));
  out = ch.try_send(ec_t{}, 2);
  all.push_back(ch.try_send(ec_t{}, 3));
  std::ignore = ch.try_send(ec_t{}, 4);
  co_return;
}

awaitable<void> stored_then_read(channel &ch) {
  bool ok = ch.try_send(ec_t{}, 1);
  co_await step();
  if (!ok)
    co_return;
  std::size_t sent = ch.try_send_n(3, ec_t{}, 1);
  if (sent < 3)
    co_await step();
}

awaitable<void> read_on_a_later_iteration(channel &ch) {
  bool ok = true;
  for (int i = 0; i < 3; ++i) {
    if (!ok)
      break;
    ok = ch.try_send(ec_t{}, i);
    co_await step();
  }
}

awaitable<void> read_by_a_lambda(channel &ch) {
  bool ok = false;
  auto check = [&] { return ok; };
  ok = ch.try_send(ec_t{}, 1);
  co_await step();
  report(check());
}

awaitable<void> read_in_catch_handler(channel &ch) {
  bool ok = ch.try_send(ec_t{}, 1);
  try {
    co_await step();
  } catch (...) {
    report(ok);
  }
}

awaitable<void> several_declarations(channel &ch, bool flag) {
  bool a = ch.try_send(ec_t{}, 1), b = ch.try_send(ec_t{}, 2); // expect-warning: result of 'try_send' is stored in 'a' but never read [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  bool c = flag ? ch.try_send(ec_t{}, 3) : true; // expect-warning: result of 'try_send' is stored in 'c' but never read [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  report(b);
  switch (std::size_t sent = ch.try_send_n(2, ec_t{}, 4)) {
  case 2:
    break;
  default:
    co_await step();
  }
}

awaitable<void> explicit_discards(channel &ch) {
  (void)ch.try_send(ec_t{}, 1);
  static_cast<void>(ch.try_send(ec_t{}, 2));
  [[maybe_unused]] bool ok = ch.try_send(ec_t{}, 3);
  bool later = ch.try_send(ec_t{}, 4);
  (void)later;
  co_return;
}

awaitable<void> unevaluated(channel &ch) {
  using result_type = decltype(ch.try_send(ec_t{}, 1));
  static_assert(sizeof(ch.try_send(ec_t{}, 2)) == sizeof(result_type));
  co_return;
}

// --- async_send under co_await -------------------------------------------

awaitable<void> tuple_discarded(channel &ch) {
  co_await ch.async_send(ec_t{}, 1, as_tuple(use_awaitable)); // expect-warning: result of 'async_send' is ignored; a closed channel or a cancelled send drops the message [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error when the channel is closed or cancelled; use asio::use_awaitable (which throws on error), or a check of the error_code
}

awaitable<void> tuple_by_default_discarded(tuple_channel &ch) {
  co_await ch.async_send(ec_t{}, 1); // expect-warning: result of 'async_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
}

awaitable<void> tuple_bound_never_read(channel &ch) {
  auto [ec] = co_await ch.async_send(ec_t{}, 1, as_tuple(use_awaitable)); // expect-warning: result of 'async_send' is stored in '[ec]' but never read [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
  auto result = co_await ch.async_send(ec_t{}, 2, as_tuple(use_awaitable)); // expect-warning: result of 'async_send' is stored in 'result' but never read [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
}

awaitable<void> tuple_read(channel &ch, tuple_channel &tch) {
  auto [ec] = co_await ch.async_send(ec_t{}, 1, as_tuple(use_awaitable));
  if (ec)
    co_return;
  auto result = co_await tch.async_send(ec_t{}, 2);
  log_error(std::get<0>(result));
  if (auto [e] = co_await ch.async_send(ec_t{}, 3, as_tuple(use_awaitable)); e)
    co_return;
  ec_t saved;
  std::tie(saved) = co_await ch.async_send(ec_t{}, 4, as_tuple(use_awaitable));
  log_error(saved);
}

awaitable<void> bound_read_in_one_branch_only(channel &ch, bool verbose) {
  auto [ec] = co_await ch.async_send(ec_t{}, 1, as_tuple(use_awaitable));
  if (verbose)
    log_error(ec);
}

awaitable<void> redirect_error_never_read(channel &ch) {
  ec_t ec;
  co_await ch.async_send(ec_t{}, 1, asio::redirect_error(use_awaitable, ec)); // expect-warning: error code of 'async_send' is written to 'ec' but never read [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
}

awaitable<void> redirect_error_read_only_before(channel &ch) {
  ec_t ec;
  if (ec)
    co_return;
  co_await ch.async_send(ec_t{}, 1, asio::redirect_error(use_awaitable, ec)); // expect-warning: error code of 'async_send' is written to 'ec' but never read [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
}

awaitable<void> redirect_error_in_loop_never_read(channel &ch) {
  ec_t ec;
  for (int i = 0; i < 3; ++i)
    co_await ch.async_send(ec_t{}, i, asio::redirect_error(use_awaitable, ec)); // expect-warning: error code of 'async_send' is written to 'ec' but never read [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
}

awaitable<void> redirect_error_read(channel &ch) {
  ec_t ec;
  co_await ch.async_send(ec_t{}, 1, asio::redirect_error(use_awaitable, ec));
  if (ec)
    co_return;
  for (;;) {
    if (ec)
      break; // read on the next iteration
    co_await ch.async_send(ec_t{}, 2, asio::redirect_error(use_awaitable, ec));
  }
}

struct sender {
  channel ch;
  ec_t last_error;
  awaitable<void> send_into_member() {
    co_await ch.async_send(ec_t{}, 1, asio::redirect_error(use_awaitable, last_error));
  }
};

awaitable<void> redirect_error_into_caller(channel &ch, ec_t &out) {
  co_await ch.async_send(ec_t{}, 1, asio::redirect_error(use_awaitable, out));
}

awaitable<void> throwing_tokens(channel &ch, awaitable_channel &ach) {
  co_await ch.async_send(ec_t{}, 1, use_awaitable);
  co_await ach.async_send(ec_t{}, 2);
  auto op = ch.async_send(ec_t{}, 3, use_awaitable);
  co_await std::move(op);
}

// --- async_send with a completion handler or token -----------------------

awaitable<void> detached_send(channel &ch) {
  ch.async_send(ec_t{}, 1, asio::detached); // expect-warning: result of 'async_send' is ignored by completion token 'asio::detached'; a closed channel or a cancelled send drops the message [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error
  co_return;
}

awaitable<void> handler_ignores_error(channel &ch) {
  ch.async_send(ec_t{}, 1, [](ec_t) {}); // expect-warning: result of 'async_send' is ignored by its completion handler [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error // expect-note@-1: the handler does not read its error code
  ch.async_send(ec_t{}, 2, [](auto ec) {}); // expect-warning: result of 'async_send' is ignored by its completion handler [coro-ignored-send-result]
  // expect-note@-1: 'async_send' completes with an error // expect-note@-1: the handler does not read its error code
  co_return;
}

awaitable<void> handler_reads_error(channel &ch, int &failures) {
  ch.async_send(ec_t{}, 1, [](ec_t ec) { log_error(ec); });
  ch.async_send(ec_t{}, 2, [&failures](auto ec) {
    if (ec)
      ++failures;
  });
  ch.async_send(ec_t{}, 3, [](auto &&...) {});
  ch.async_send(ec_t{}, 4, [](ec_t ec [[maybe_unused]]) {});
  co_return;
}

// --- Not channels ----------------------------------------------------------

awaitable<void> containers(std::vector<int> &v, std::queue<int> &q,
                           std::deque<int> &d) {
  v.push_back(1);
  q.push(2);
  d.push_front(3);
  v.emplace_back(4);
  co_return;
}

// --- Scope: plain functions and templates too ---------------------------------

// A plain function, and a non-coroutine lambda (a callback) inside a
// coroutine: the result is dropped all the same.
void plain_function(channel &ch) { ch.try_send(ec_t{}, 1); } // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
// expect-note@-1: 'try_send' returns false

awaitable<void> non_coroutine_lambda(channel &ch) {
  auto later = [&ch] { ch.try_send(ec_t{}, 1); }; // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  later();
  auto coroutine = [&ch]() -> awaitable<void> {
    ch.try_send(ec_t{}, 2); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
    // expect-note@-1: 'try_send' returns false
    co_return;
  };
  co_await coroutine();
}

// Templates are analysed on their pattern: a send on a dependent channel
// type is matched by its member name.
template <typename Channel>
awaitable<void> dependent_channel(Channel &ch) {
  ch.try_send(ec_t{}, 1); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  co_return;
}
template awaitable<void> dependent_channel(channel &);

template <typename T>
awaitable<void> known_channel(channel &ch, T value) {
  ch.try_send(ec_t{}, static_cast<int>(value)); // expect-warning: result of 'try_send' is ignored [coro-ignored-send-result]
  // expect-note@-1: 'try_send' returns false
  co_return;
}
template awaitable<void> known_channel(channel &, long);
