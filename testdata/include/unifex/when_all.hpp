// Test stand-in for libunifex's <unifex/when_all.hpp>, written for corolint's tests.
#pragma once
#include <unifex/sender_concepts.hpp>

#include <tuple>
#include <variant>

namespace unifex {
namespace _when_all::_cpo {
// Completes with one value per input sender:
// std::variant<std::tuple<Values...>> of that sender's values.
struct _fn {
  template <sender... Senders>
  auto operator()(Senders&&... senders) const {
    ((void)senders, ...);
    return _standin::sender<std::variant<corolint_standin::sender_values_t<Senders>>...>{};
  }
};
}  // namespace _when_all::_cpo
inline constexpr _when_all::_cpo::_fn when_all{};
}  // namespace unifex
