// Test stand-in for concurrencpp's <concurrencpp/results/promises.h>, written for corolint's tests.
#pragma once
#include <corolint_standin/basic_task.hpp>
#include <concurrencpp/results/lazy_result.h>
#include <concurrencpp/results/result.h>

#include <coroutine>
#include <memory>

// As upstream, result<T>, null_result and lazy_result<T> become coroutine
// return types through std::coroutine_traits specializations. A coroutine
// whose first two parameters are (executor_tag, executor) starts on that
// executor; otherwise result<T>/null_result coroutines start eagerly on the
// caller's thread.

namespace concurrencpp::details {

template <class type>
struct initialy_resumed_result_promise : corolint_standin::promise_return<type> {
  result<type> get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
};

template <class type, class executor_type>
struct initialy_rescheduled_result_promise : initialy_resumed_result_promise<type> {
  corolint_standin::awaiter<void> initial_suspend() noexcept { return {}; }
};

struct initialy_resumed_null_result_promise {
  null_result get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
};

template <class executor_type>
struct initialy_rescheduled_null_result_promise : initialy_resumed_null_result_promise {
  corolint_standin::awaiter<void> initial_suspend() noexcept { return {}; }
};

template <class type>
struct lazy_promise : corolint_standin::basic_promise<lazy_result<type>, type> {};

}  // namespace concurrencpp::details

namespace std {

template <class... arguments>
struct coroutine_traits<::concurrencpp::null_result, arguments...> {
  using promise_type = concurrencpp::details::initialy_resumed_null_result_promise;
};
template <class type, class... arguments>
struct coroutine_traits<::concurrencpp::result<type>, arguments...> {
  using promise_type = concurrencpp::details::initialy_resumed_result_promise<type>;
};

template <class executor_type, class... arguments>
struct coroutine_traits<::concurrencpp::null_result, ::concurrencpp::executor_tag,
                        std::shared_ptr<executor_type>, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_null_result_promise<executor_type>;
};
template <class executor_type, class... arguments>
struct coroutine_traits<::concurrencpp::null_result, ::concurrencpp::executor_tag,
                        executor_type*, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_null_result_promise<executor_type>;
};
template <class executor_type, class... arguments>
struct coroutine_traits<::concurrencpp::null_result, ::concurrencpp::executor_tag,
                        executor_type&, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_null_result_promise<executor_type>;
};

template <class type, class executor_type, class... arguments>
struct coroutine_traits<::concurrencpp::result<type>, ::concurrencpp::executor_tag,
                        std::shared_ptr<executor_type>, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_result_promise<type, executor_type>;
};
template <class type, class executor_type, class... arguments>
struct coroutine_traits<::concurrencpp::result<type>, ::concurrencpp::executor_tag,
                        executor_type*, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_result_promise<type, executor_type>;
};
template <class type, class executor_type, class... arguments>
struct coroutine_traits<::concurrencpp::result<type>, ::concurrencpp::executor_tag,
                        executor_type&, arguments...> {
  using promise_type =
      concurrencpp::details::initialy_rescheduled_result_promise<type, executor_type>;
};

template <class type, class... arguments>
struct coroutine_traits<::concurrencpp::lazy_result<type>, arguments...> {
  using promise_type = concurrencpp::details::lazy_promise<type>;
};

}  // namespace std
