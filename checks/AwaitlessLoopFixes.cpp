// coro-awaitless-loop's fix: the coroutine library's preemption point as
// the first statement of the reported loop's body.
#include "AwaitlessLoopCheck.h"
#include "support/FixIts.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

namespace {

/// Whether everything a loop's header reads lives in the coroutine's own
/// frame: local variables and by-value parameters that are neither
/// references nor pointers, constants, functions. Then no other task can
/// change the loop's state while the inserted yield lets it run (a member,
/// a global, a reference parameter, a pointer could be changed: iterators
/// into them would dangle, a checked size would be stale).
class OwnedState : public RecursiveASTVisitor<OwnedState> {
public:
  bool Owned = true;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const ValueDecl *D = E->getDecl();
    if (isa<FunctionDecl>(D) || isa<EnumConstantDecl>(D))
      return true;
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->hasLocalStorage() || V->getType()->isReferenceType() ||
        V->getType()->isPointerType()) {
      if (!V || !V->getType().isConstQualified() || V->hasLocalStorage() ||
          V->getType()->isReferenceType() || V->getType()->isPointerType())
        Owned = false; // a global constant is fine, anything else is not
    }
    return Owned;
  }
  bool VisitCXXThisExpr(CXXThisExpr *) { return Owned = false; }
  bool VisitLambdaExpr(LambdaExpr *) { return Owned = false; }
};

bool headerIsOwned(const Stmt *Loop) {
  llvm::SmallVector<const Stmt *, 4> Parts;
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    Parts = {F->getInit(), F->getCond(), F->getInc()};
  else if (const auto *W = dyn_cast<WhileStmt>(Loop))
    Parts = {W->getCond(), W->getConditionVariableDeclStmt()};
  else if (const auto *D = dyn_cast<DoStmt>(Loop))
    Parts = {D->getCond()};
  else if (const auto *R = dyn_cast<CXXForRangeStmt>(Loop))
    Parts = {R->getInit(), R->getRangeInit()};
  else
    return false;
  OwnedState State;
  for (const Stmt *P : Parts)
    if (P)
      State.TraverseStmt(const_cast<Stmt *>(P));
  return State.Owned;
}

} // namespace

AwaitlessLoopCheck::YieldFix
AwaitlessLoopCheck::yieldFix(const FunctionDecl &F, const Stmt *Loop,
                             const Wording &W) {
  YieldFix Fix;
  if (!W.Idioms || !W.Body || !W.Ctx || !Loop || !loopBody(Loop))
    return Fix; // not a loop statement (an algorithm call), or no idiom
  ASTContext &Ctx = *W.Ctx;
  StatementPlace Place = placeOf(Loop, W.Body);
  if (!Place.Found || Place.InHandler)
    return Fix;
  // The first statement of the body: no lock taken inside it yet, but one
  // held around the loop would be held across the new suspension.
  if (syncLockMayBeHeld(Loop, F, W.Body, Locks, Ctx))
    return Fix;
  std::optional<std::string> Statement =
      renderIdiom(*W.Idioms, "yield", {}, Loop, F, W.Body, Ctx);
  if (!Statement || Statement->empty())
    return Fix;
  Fix.Fixes = insertFirstInLoopBody(Loop, *Statement, Ctx);
  if (Fix.Fixes.empty())
    return Fix;
  for (FixItHint &Include : Includes.insert(idiomHeaders(*W.Idioms, "yield"),
                                            Loop->getBeginLoc(), Ctx))
    Fix.Fixes.push_back(std::move(Include));
  Fix.At = loopBody(Loop)->getBeginLoc();
  Fix.OnWarning = headerIsOwned(Loop);
  return Fix;
}

void AwaitlessLoopCheck::noteYieldFix(const YieldFix &Fix) {
  if (Fix.Fixes.empty() || Fix.OnWarning)
    return;
  // Other tasks may change what the loop iterates over while it is
  // suspended: a quick fix to review, applied by --fix-notes.
  diag(Fix.At,
       "a preemption point here lets other tasks run; they may change what "
       "the loop reads",
       DiagnosticIDs::Note)
      << Fix.Fixes;
}

} // namespace corolint
