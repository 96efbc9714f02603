// Test stand-in for folly's <folly/executors/IOThreadPoolExecutor.h>, written for corolint's tests.
#pragma once
#include <folly/executors/ThreadPoolExecutor.h>

namespace folly {

class IOThreadPoolExecutor : public ThreadPoolExecutor {
 public:
  explicit IOThreadPoolExecutor(std::size_t numThreads)
      : ThreadPoolExecutor(numThreads) {}
};

}  // namespace folly
