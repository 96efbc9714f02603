#include "support/SpinHints.h"

namespace corolint {

bool isSpinHint(llvm::StringRef Name) {
  return Name == "std::this_thread::yield" || Name == "sched_yield" ||
         Name == "pthread_yield" || Name == "_mm_pause" ||
         Name == "__builtin_ia32_pause" || Name == "__yield" ||
         Name == "__builtin_arm_yield" || Name == "std::atomic_thread_fence" ||
         Name == "std::atomic_signal_fence" ||
         Name == "__atomic_thread_fence" || Name == "__atomic_signal_fence";
}

} // namespace corolint
