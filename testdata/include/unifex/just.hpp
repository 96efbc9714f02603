// Test stand-in for libunifex's <unifex/just.hpp>, written for corolint's tests.
#pragma once
#include <unifex/sender_concepts.hpp>

#include <type_traits>

namespace unifex {
namespace _just {
struct _fn {
  template <class... Ts>
  _standin::sender<std::decay_t<Ts>...> operator()(Ts&&... ts) const {
    ((void)ts, ...);
    return {};
  }
};
}  // namespace _just
inline constexpr _just::_fn just{};
}  // namespace unifex
