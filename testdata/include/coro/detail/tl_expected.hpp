// Test stand-in for the tl::expected copy bundled with libcoro (<coro/detail/tl_expected.hpp>), written for corolint's tests.
#pragma once
#include <type_traits>
#include <utility>

namespace tl {

template <class E>
class unexpected {
 public:
  explicit unexpected(E e) : error_(std::move(e)) {}
  const E& value() const& { return error_; }

 private:
  E error_;
};

template <class T, class E>
class expected {
 public:
  using value_type = T;
  using error_type = E;

  expected() = default;
  expected(T value) : value_(std::move(value)) {}
  template <class G>
  expected(unexpected<G> error) : error_(error.value()), has_value_(false) {}

  bool has_value() const noexcept { return has_value_; }
  explicit operator bool() const noexcept { return has_value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  const T& value() const& { return value_; }
  T& operator*() & { return value_; }
  T&& operator*() && { return std::move(value_); }
  T* operator->() { return &value_; }
  const E& error() const& { return error_; }

 private:
  T value_{};
  E error_{};
  bool has_value_ = true;
};

template <class E>
class expected<void, E> {
 public:
  using value_type = void;
  using error_type = E;

  expected() = default;
  template <class G>
  expected(unexpected<G> error) : error_(error.value()), has_value_(false) {}

  bool has_value() const noexcept { return has_value_; }
  explicit operator bool() const noexcept { return has_value_; }
  void value() const {}
  const E& error() const& { return error_; }

 private:
  E error_{};
  bool has_value_ = true;
};

}  // namespace tl
