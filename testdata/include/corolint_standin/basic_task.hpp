// Test stand-in plumbing shared by the library stand-ins in testdata/include, written for corolint's tests (not a real library).
#pragma once

// Every stand-in only has to type-check: corolint's tests parse the code and
// never run it, so bodies are empty or end in unreachable<T>().

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <iterator>
#include <type_traits>
#include <utility>

namespace corolint_standin {

// A value of any type (also void, references, non-movable types) without
// constructing one.
template <class T>
T unreachable() noexcept {
  __builtin_unreachable();
}

template <class T, class IfVoid>
using void_to_t = std::conditional_t<std::is_void_v<T>, IfVoid, T>;

// The awaiter `co_await a` uses outside any await_transform, and its result.
template <class A>
decltype(auto) get_awaiter(A&& a) {
  if constexpr (requires { static_cast<A&&>(a).operator co_await(); })
    return static_cast<A&&>(a).operator co_await();
  else if constexpr (requires { operator co_await(static_cast<A&&>(a)); })
    return operator co_await(static_cast<A&&>(a));
  else
    return static_cast<A&&>(a);
}
template <class A>
using awaiter_t = decltype(corolint_standin::get_awaiter(std::declval<A>()));
template <class A>
using await_result_t = decltype(std::declval<awaiter_t<A>&>().await_resume());

template <class A>
concept awaitable = requires { typename await_result_t<A>; };

// An awaiter that suspends and then produces a T.
template <class T = void>
struct awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return unreachable<T>(); }
};

template <class T>
struct promise_return {
  void return_value(T value) noexcept { (void)value; }
};
template <>
struct promise_return<void> {
  void return_void() noexcept {}
};

// promise_type base for a task-like type Task producing T. Lazy tasks start
// suspended (cppcoro, folly, libcoro); eager ones run to their first
// suspension point (concurrencpp::result, seastar::future, QCoro::Task).
template <class Task, class T, bool Lazy = true>
struct basic_promise : promise_return<T> {
  Task get_return_object() noexcept {
    return Task(std::coroutine_handle<basic_promise>::from_promise(*this));
  }
  auto initial_suspend() noexcept {
    if constexpr (Lazy)
      return std::suspend_always{};
    else
      return std::suspend_never{};
  }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept {}
};

// Move-only owner of a coroutine frame; library task types derive from it
// and add their own promise_type and operator co_await.
template <class T>
class basic_task {
 public:
  using value_type = T;

  basic_task() noexcept = default;
  explicit basic_task(std::coroutine_handle<> handle) noexcept
      : handle_(handle) {}
  basic_task(basic_task&& other) noexcept
      : handle_(std::exchange(other.handle_, {})) {}
  basic_task& operator=(basic_task&& other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
  }
  ~basic_task() {
    if (handle_) handle_.destroy();
  }

 protected:
  std::coroutine_handle<> handle_;
};

// Synchronous generators (cppcoro::generator, coro::generator, ...).
template <class Gen, class T>
struct generator_promise {
  using value_ref = std::remove_reference_t<T>;

  Gen get_return_object() noexcept {
    return Gen(std::coroutine_handle<generator_promise>::from_promise(*this));
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  std::suspend_always yield_value(value_ref&& value) noexcept {
    (void)value;
    return {};
  }
  std::suspend_always yield_value(const value_ref& value) noexcept {
    (void)value;
    return {};
  }
  void return_void() noexcept {}
  void unhandled_exception() noexcept {}
  // Synchronous generators may not co_await.
  template <class U>
  std::suspend_never await_transform(U&&) = delete;
};

template <class T>
class generator_iterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using difference_type = std::ptrdiff_t;
  using value_type = std::remove_cvref_t<T>;
  using reference = std::conditional_t<std::is_reference_v<T>, T, T&>;
  using pointer = std::add_pointer_t<reference>;

  reference operator*() const noexcept { return unreachable<reference>(); }
  pointer operator->() const noexcept { return nullptr; }
  generator_iterator& operator++() { return *this; }
  void operator++(int) {}
  friend bool operator==(const generator_iterator&,
                         std::default_sentinel_t) noexcept {
    return true;
  }
};

template <class T>
class basic_generator : public basic_task<void> {
 public:
  using basic_task<void>::basic_task;
  using value_type = std::remove_cvref_t<T>;
  using iterator = generator_iterator<T>;
  iterator begin() { return {}; }
  std::default_sentinel_t end() noexcept { return {}; }
};

}  // namespace corolint_standin
