// Test stand-in for folly's <folly/Try.h>, written for corolint's tests.
#pragma once
#include <folly/Unit.h>

#include <exception>

namespace folly {

// Holds either a value or an exception.
template <class T>
class Try {
 public:
  using element_type = T;
  Try() = default;
  explicit Try(T value) : value_(static_cast<T&&>(value)) {}

  bool hasValue() const noexcept { return true; }
  bool hasException() const noexcept { return false; }
  T& value() & { return value_; }
  T&& value() && { return static_cast<T&&>(value_); }
  const T& value() const& { return value_; }
  T& operator*() & { return value_; }
  T* operator->() { return &value_; }
  std::exception_ptr exception() const { return {}; }

 private:
  T value_{};
};

template <>
class Try<void> {
 public:
  bool hasValue() const noexcept { return true; }
  bool hasException() const noexcept { return false; }
  void value() const {}
  void throwUnlessValue() const {}
};

}  // namespace folly
