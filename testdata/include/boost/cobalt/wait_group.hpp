// Test stand-in for Boost.Cobalt's <boost/cobalt/wait_group.hpp>, written for corolint's tests.
#pragma once
#include <boost/cobalt/promise.hpp>

#include <cstddef>

namespace boost::cobalt {

// Holds promises started in a loop; co_await wg.wait() before leaving.
class wait_group {
 public:
  wait_group() = default;
  void push_back(promise<void> p) { (void)p; }
  auto wait() { return corolint_standin::awaiter<void>{}; }
  auto wait_one() { return corolint_standin::awaiter<void>{}; }
  void cancel() {}
  std::size_t size() const { return 0; }
};

}  // namespace boost::cobalt
