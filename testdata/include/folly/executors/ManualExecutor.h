// Test stand-in for folly's <folly/executors/ManualExecutor.h>, written for corolint's tests.
#pragma once
#include <folly/Executor.h>

#include <cstddef>

namespace folly {

class ManualExecutor : public DrivableExecutor, public SequencedExecutor {
 public:
  void add(Func func) override { (void)func; }
  void drive() override {}
  std::size_t run() { return 0; }
  std::size_t drain() { return 0; }
};

}  // namespace folly
