// Test stand-in for folly's <folly/Unit.h>, written for corolint's tests.
#pragma once
#include <type_traits>

namespace folly {

// The value type of a Future/Task that carries no value.
struct Unit {
  constexpr bool operator==(const Unit&) const { return true; }
};
constexpr Unit unit{};

template <typename T>
struct lift_unit {
  using type = T;
};
template <>
struct lift_unit<void> {
  using type = Unit;
};
template <typename T>
using lift_unit_t = typename lift_unit<T>::type;

template <typename T>
struct drop_unit {
  using type = T;
};
template <>
struct drop_unit<Unit> {
  using type = void;
};
template <typename T>
using drop_unit_t = typename drop_unit<T>::type;

}  // namespace folly
