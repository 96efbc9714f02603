// Test stand-in for stdexec's <stdexec/execution.hpp> (P2300 senders), written for corolint's tests.
#pragma once
#include <corolint_standin/sender.hpp>

#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

// Algorithms are customization-point objects, as upstream: a call such as
// stdexec::sync_wait(s) is operator() of stdexec::sync_wait_t on the
// variable stdexec::sync_wait. Sender types are internal (upstream
// stdexec::__basic_sender<...>), here stdexec::__sender<Values...>.

namespace stdexec {

struct sender_t {};

template <class... Values>
struct __sender {
  using sender_concept = sender_t;
  using corolint_values = std::tuple<Values...>;
};

template <class Tuple>
struct __sender_from_tuple;
template <class... Values>
struct __sender_from_tuple<std::tuple<Values...>> {
  using type = __sender<Values...>;
};
template <class Tuple>
using __sender_from_tuple_t = typename __sender_from_tuple<Tuple>::type;

template <class S>
concept sender = corolint_standin::sender<S>;

// `sndr | adaptor(args...)` support.
template <class Fn>
struct __closure {
  Fn __fn;
  template <sender S>
  friend auto operator|(S&& s, __closure c) {
    return c.__fn(static_cast<S&&>(s));
  }
};
template <class Fn>
__closure(Fn) -> __closure<Fn>;

struct just_t {
  template <class... Ts>
  __sender<std::decay_t<Ts>...> operator()(Ts&&... ts) const {
    ((void)ts, ...);
    return {};
  }
};
inline constexpr just_t just{};

struct then_t {
  template <sender S, class F>
  auto operator()(S&& s, F f) const {
    (void)s;
    (void)f;
    return __sender_from_tuple_t<corolint_standin::value_tuple_t<
        corolint_standin::apply_result_t<F, corolint_standin::sender_values_t<S>>>>{};
  }
  template <class F>
  auto operator()(F f) const {
    return __closure{[f](auto&& s) { return then_t{}(static_cast<decltype(s)&&>(s), f); }};
  }
};
inline constexpr then_t then{};

struct let_value_t {
  template <sender S, class F>
  auto operator()(S&& s, F f) const {
    (void)s;
    (void)f;
    return __sender_from_tuple_t<corolint_standin::sender_values_t<
        corolint_standin::apply_result_t<F, corolint_standin::sender_values_t<S>>>>{};
  }
  template <class F>
  auto operator()(F f) const {
    return __closure{[f](auto&& s) { return let_value_t{}(static_cast<decltype(s)&&>(s), f); }};
  }
};
inline constexpr let_value_t let_value{};

struct schedule_t {
  template <class Scheduler>
  auto operator()(Scheduler&& sched) const -> decltype(sched.schedule()) {
    return sched.schedule();
  }
};
inline constexpr schedule_t schedule{};

// Start (or continue) the work on a scheduler; values are unchanged.
struct starts_on_t {
  template <class Scheduler, sender S>
  std::remove_cvref_t<S> operator()(Scheduler&& sched, S&& s) const {
    (void)sched;
    return static_cast<S&&>(s);
  }
};
inline constexpr starts_on_t starts_on{};
struct continues_on_t {
  template <sender S, class Scheduler>
  std::remove_cvref_t<S> operator()(S&& s, Scheduler&& sched) const {
    (void)sched;
    return static_cast<S&&>(s);
  }
  template <class Scheduler>
  auto operator()(Scheduler sched) const {
    return __closure{[sched](auto&& s) {
      return continues_on_t{}(static_cast<decltype(s)&&>(s), sched);
    }};
  }
};
inline constexpr continues_on_t continues_on{};

// Completes with the values of all senders, concatenated.
struct when_all_t {
  template <sender... Ss>
  auto operator()(Ss&&... ss) const {
    ((void)ss, ...);
    return __sender_from_tuple_t<
        corolint_standin::tuple_cat_t<corolint_standin::sender_values_t<Ss>...>>{};
  }
};
inline constexpr when_all_t when_all{};

// Blocks the calling thread until the sender completes.
struct sync_wait_t {
  template <sender S>
  auto operator()(S&& s) const -> std::optional<corolint_standin::sender_values_t<S>> {
    (void)s;
    return std::nullopt;
  }
};
inline constexpr sync_wait_t sync_wait{};

// Starts the sender and forgets it (deprecated upstream in favour of
// exec::start_detached).
struct start_detached_t {
  template <sender S>
  void operator()(S&& s) const {
    (void)s;
  }
};
inline constexpr start_detached_t start_detached{};

// Lets a coroutine promise co_await senders.
template <class Promise>
struct with_awaitable_senders : corolint_standin::sender_await_transform {};

class run_loop {
 public:
  class __scheduler {
   public:
    __sender<> schedule() const noexcept { return {}; }
    friend bool operator==(const __scheduler&, const __scheduler&) noexcept { return true; }
  };
  run_loop() noexcept = default;
  run_loop(const run_loop&) = delete;
  __scheduler get_scheduler() noexcept { return {}; }
  void run() {}
  void finish() {}
};

}  // namespace stdexec
