#include "AwaitlessLoopCheck.h"
#include "BlockingCallCheck.h"
#include "IgnoredSendResultCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "SequentialAwaitCheck.h"
#include "UnboundedSpawnCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace corolint {
namespace {

class CoroModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<AwaitlessLoopCheck>("coro-awaitless-loop");
    F.registerCheck<BlockingCallCheck>("coro-blocking-call");
    F.registerCheck<LockAcrossSuspendCheck>("coro-lock-across-suspend");
    F.registerCheck<IgnoredSendResultCheck>("coro-ignored-send-result");
    F.registerCheck<SequentialAwaitCheck>("coro-sequential-await");
    F.registerCheck<UnboundedSpawnCheck>("coro-unbounded-spawn");
  }
};

} // namespace
} // namespace corolint

static clang::tidy::ClangTidyModuleRegistry::Add<corolint::CoroModule>
    CoroModuleRegistration("coro-module", "Checks for C++20 coroutine pitfalls.");

// Front ends that link the check library statically reference this so the
// registration above is not dropped by the linker.
volatile int CorolintModuleAnchorSource = 0;
