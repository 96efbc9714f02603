// Test stand-in for folly's <folly/executors/CPUThreadPoolExecutor.h>, written for corolint's tests.
#pragma once
#include <folly/executors/ThreadPoolExecutor.h>

namespace folly {

class CPUThreadPoolExecutor : public ThreadPoolExecutor {
 public:
  explicit CPUThreadPoolExecutor(std::size_t numThreads)
      : ThreadPoolExecutor(numThreads) {}
};

}  // namespace folly
