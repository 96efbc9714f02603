// Test stand-in for folly's <folly/lang/CustomizationPoint.h>, written for corolint's tests.
#pragma once

// folly defines its customization-point objects (folly::coro::co_withExecutor,
// folly::coro::co_invoke, ...) in a nested namespace pulled in with a
// using-directive, so the object's qualified name has an extra
// `folly_cpo__::` component.
#define FOLLY_DEFINE_CPO(Type, Name) \
  namespace folly_cpo__ {            \
  inline constexpr Type Name{};      \
  }                                  \
  using namespace folly_cpo__;
