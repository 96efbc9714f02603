// coro-awaitless-loop's report of a heavy loop (or per-element call): the
// warning, the notes that walk the cost, the fix.
#include "AwaitlessLoopCheck.h"
#include "support/QualifiedName.h"
#include "support/SourceText.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {
namespace {

/// Where to point at a loop: its keyword.
SourceLocation loopLoc(const Stmt *Loop) { return Loop->getBeginLoc(); }

/// Where to point at a call: its callee's name; an operator call or a
/// construction at its start (`[&] {...}()`, `std::regex re(p)`).
SourceLocation callLoc(const Stmt *S) {
  if (const auto *E = dyn_cast<Expr>(S))
    return callLocation(E, OperatorAt::Start);
  return S->getBeginLoc();
}

} // namespace

void AwaitlessLoopCheck::reportHeavy(const FunctionDecl &F, const Stmt *Loop,
                                     const IterationCost &Cost,
                                     const Wording &W) {
  YieldFix Fix = yieldFix(F, Loop, W);
  diag(loopLoc(Loop),
       "loop in coroutine '%0' never suspends and does heavy work per "
       "iteration; yield every N iterations%1 or move it to a thread pool%2")
      << displayName(F)
      << (W.Yield.empty() ? std::string() : " (" + W.Yield + ")")
      << (W.Offload.empty() ? std::string() : " (" + W.Offload + ")")
      << Fix.onWarning();
  noteCostSteps(F, Cost);
  noteYieldFix(Fix);
}

void AwaitlessLoopCheck::noteCostSteps(const FunctionDecl &F,
                                       const IterationCost &Cost) {
  for (const CostStep &S : Cost.Steps) {
    std::string Caller = displayName(S.Caller ? *S.Caller : F);
    switch (S.K) {
    case CostStep::Loop: {
      if (!S.Name.empty()) { // a call running a callable per element
        diag(callLoc(S.Where), "'%0' calls its function on every element",
             DiagnosticIDs::Note)
            << S.Name;
        break;
      }
      std::string Bound =
          S.Bound.K == TripBound::Constant
              ? "over " + std::to_string(S.Bound.Value) + " iterations"
              : "over a runtime bound";
      if (S.Caller)
        diag(loopLoc(S.Where), "loop in '%0' %1", DiagnosticIDs::Note)
            << Caller << Bound;
      else
        diag(loopLoc(S.Where), "nested loop %0", DiagnosticIDs::Note)
            << Bound;
      break;
    }
    case CostStep::CpuHeavy: {
      std::string Reason =
          S.Rule && !S.Rule->Reason.empty() ? ": " + S.Rule->Reason : "";
      diag(callLoc(S.Where), "'%0' does heavy CPU work%1",
           DiagnosticIDs::Note)
          << S.Name << Reason;
      break;
    }
    case CostStep::Call:
      diag(callLoc(S.Where), "'%0' calls '%1'", DiagnosticIDs::Note)
          << Caller << (S.Callee ? displayName(*S.Callee) : std::string("?"));
      break;
    case CostStep::Summarised: // a helper defined in another file
      if (S.Where)
        diag(callLoc(S.Where),
             "'%0' iterates %1 levels deep in another file, by its summary%2",
             DiagnosticIDs::Note)
            << (S.Callee ? displayName(*S.Callee) : std::string("?"))
            << static_cast<unsigned>(S.Bound.Value)
            << (S.Name.empty() ? std::string() : " (" + S.Name + ")");
      break;
    }
  }
}

} // namespace corolint
