#include "LockAcrossSuspendCheck.h"
#include "support/DefUse.h"
#include "support/LockRelease.h"

#include "clang/AST/Decl.h"

using namespace clang;

namespace corolint {

LockAcrossSuspendCheck::LockAcrossSuspendCheck(llvm::StringRef Name,
                                               tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      Opts{nameListOption("ExtraLockGuardTypes"),
           nameListOption("ExtraAsyncLockTypes")},
      Types(catalog(), Opts) {}

void LockAcrossSuspendCheck::checkCoroutine(CoroutineContext &Coro) {
  ASTContext &Ctx = Coro.ast();
  LocksAcrossSuspension Found = locksHeldAcrossSuspension(Coro, Types);
  // Report in source order of the acquisitions.
  std::vector<const LocksAcrossSuspension::value_type *> Ordered;
  for (const auto &Entry : Found)
    Ordered.push_back(&Entry);
  const SourceManager &SM = Ctx.getSourceManager();
  std::sort(Ordered.begin(), Ordered.end(), [&](auto *A, auto *B) {
    return SM.isBeforeInTranslationUnit(A->first.Loc, B->first.Loc);
  });
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressTagKeyword = true;
  for (const auto *Entry : Ordered) {
    const LockAcquisition &A = Entry->first;
    std::string Type =
        A.Lock->getType().getNonReferenceType().getCanonicalType()
            .getUnqualifiedType().getAsString(Policy);
    if (A.FromCaller)
      diag(A.Loc, "parameter '%0' (%1) is a lock the caller holds, held "
                  "across every suspension point; do the work that needs it "
                  "in a plain function and pass the coroutine only the "
                  "results")
          << A.Lock->getName() << Type;
    else {
      // Releasing the guard where that provably leaves what it protects
      // protected keeps the behaviour: the fix goes on the warning.
      std::vector<FixItHint> Fix = releaseBeforeSuspendFix(
          A, Entry->second, Coro.defUse(), Types, Ctx);
      diag(A.Loc, "'%0' (%1) is held across a suspension point; release it "
                  "before suspending or use a coroutine-aware mutex")
          << A.Lock->getName() << Type << Fix;
    }
    for (const Expr *Suspend : Entry->second)
      diag(Suspend->getExprLoc(), "coroutine may suspend here",
           DiagnosticIDs::Note);
  }
}

} // namespace corolint
