// Test stand-in for seastar's <seastar/util/bool_class.hh>, written for corolint's tests.
#pragma once

namespace seastar {

// Type-safe boolean, e.g. stop_iteration::yes / stop_iteration::no.
template <typename Tag>
class bool_class {
  bool _value = false;

 public:
  static const bool_class yes;
  static const bool_class no;

  constexpr bool_class() noexcept = default;
  constexpr explicit bool_class(bool v) noexcept : _value(v) {}
  explicit operator bool() const noexcept { return _value; }
  bool_class operator!() const noexcept { return bool_class(!_value); }
  friend bool operator==(bool_class x, bool_class y) noexcept {
    return x._value == y._value;
  }
};
template <typename Tag>
const bool_class<Tag> bool_class<Tag>::yes{true};
template <typename Tag>
const bool_class<Tag> bool_class<Tag>::no{false};

}  // namespace seastar
