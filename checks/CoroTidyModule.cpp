#include "AwaitlessLoopCheck.h"
#include "BlockingCallCheck.h"
#include "IgnoredSendResultCheck.h"
#include "LockAcrossSuspendCheck.h"
#include "SequentialAwaitCheck.h"
#include "UnboundedSpawnCheck.h"

#include "support/CheckOptionNames.h"

#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace corolint {
namespace {

/// Registers check T under Name; each check made reports the options of
/// its own that it does not know (misspelt: `coro-blocking-call.
/// ExtraBlockingFunction`) as configuration errors, which clang-tidy itself
/// only does under --verify-config. Here, where the check is complete, so
/// that storeOptions() lists the options of T.
template <typename T>
void registerValidated(clang::tidy::ClangTidyCheckFactories &F, llvm::StringRef Name) {
  F.registerCheckFactory(
      Name, [](llvm::StringRef CheckName, clang::tidy::ClangTidyContext *Context)
                -> std::unique_ptr<clang::tidy::ClangTidyCheck> {
        auto Check = std::make_unique<T>(CheckName, Context);
        clang::tidy::ClangTidyOptions::OptionMap Known;
        Check->storeOptions(Known);
        for (const UnknownOption &U : unknownOptions(Context->getOptions().CheckOptions,
                                                     Known, (CheckName + ".").str()))
          Context->configurationDiag("%0", clang::DiagnosticIDs::Error) << describe(U);
        return Check;
      });
}

class CoroModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    registerValidated<AwaitlessLoopCheck>(F, "coro-awaitless-loop");
    registerValidated<BlockingCallCheck>(F, "coro-blocking-call");
    registerValidated<LockAcrossSuspendCheck>(F, "coro-lock-across-suspend");
    registerValidated<IgnoredSendResultCheck>(F, "coro-ignored-send-result");
    registerValidated<SequentialAwaitCheck>(F, "coro-sequential-await");
    registerValidated<UnboundedSpawnCheck>(F, "coro-unbounded-spawn");
  }
};

} // namespace
} // namespace corolint

static clang::tidy::ClangTidyModuleRegistry::Add<corolint::CoroModule>
    CoroModuleRegistration("coro-module", "Checks for C++20 coroutine pitfalls.");

// Front ends that link the check library statically reference this so the
// registration above is not dropped by the linker.
volatile int CorolintModuleAnchorSource = 0;
