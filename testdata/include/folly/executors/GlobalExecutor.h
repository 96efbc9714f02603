// Test stand-in for folly's <folly/executors/GlobalExecutor.h>, written for corolint's tests.
#pragma once
#include <folly/Executor.h>

namespace folly {

Executor::KeepAlive<> getGlobalCPUExecutor();
Executor::KeepAlive<> getGlobalIOExecutor();

}  // namespace folly
