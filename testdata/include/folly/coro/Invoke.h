// Test stand-in for folly's <folly/coro/Invoke.h>, written for corolint's tests.
#pragma once
#include <folly/lang/CustomizationPoint.h>

#include <functional>
#include <type_traits>

namespace folly::coro {

// co_invoke(lambda, args...) keeps the callable (and so a lambda's captures)
// alive inside the coroutine frame until the coroutine finishes.
struct co_invoke_fn {
  template <typename F, typename... A>
  auto operator()(F&& f, A&&... a) const
      -> std::invoke_result_t<std::decay_t<F>&, A...> {
    return std::invoke(f, static_cast<A&&>(a)...);
  }
};
FOLLY_DEFINE_CPO(co_invoke_fn, co_invoke)

}  // namespace folly::coro
