// Test stand-in for folly's <folly/executors/ThreadPoolExecutor.h>, written for corolint's tests.
#pragma once
#include <folly/Executor.h>

#include <cstddef>

namespace folly {

class ThreadPoolExecutor : public virtual Executor {
 public:
  explicit ThreadPoolExecutor(std::size_t numThreads) { (void)numThreads; }
  void add(Func func) override { (void)func; }
  std::size_t numThreads() const { return 1; }
  void setNumThreads(std::size_t numThreads) { (void)numThreads; }
  void stop() {}
  void join() {}
};

}  // namespace folly
