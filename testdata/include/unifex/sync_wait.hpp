// Test stand-in for libunifex's <unifex/sync_wait.hpp>, written for corolint's tests.
#pragma once
#include <unifex/sender_concepts.hpp>

#include <optional>

namespace unifex {
namespace _sync_wait_cpo {
// Blocks the calling thread until the sender completes.
struct _fn {
  template <sender Sender>
  auto operator()(Sender&& sender) const
      -> std::optional<sender_single_value_result_t<Sender>> {
    (void)sender;
    return std::nullopt;
  }
};
}  // namespace _sync_wait_cpo
// A function object, as upstream: calls are operator() of
// unifex::_sync_wait_cpo::_fn on the variable unifex::sync_wait.
inline constexpr _sync_wait_cpo::_fn sync_wait{};
}  // namespace unifex
