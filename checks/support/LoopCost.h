#ifndef COROLINT_SUPPORT_LOOPCOST_H
#define COROLINT_SUPPORT_LOOPCOST_H

#include "support/ElementWork.h"
#include "support/LoopBounds.h"
#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <string>
#include <vector>

namespace corolint {

/// One step of the chain that shows why a loop is heavy.
struct CostStep {
  enum Kind {
    Loop,     ///< a loop that iterates over a runtime or large bound
    CpuHeavy, ///< a call to a function the catalog marks `cpu_heavy`
    Call,     ///< a call to a helper whose body holds the next steps
    Summarised, ///< the levels of a helper defined in another file, by its
                ///< summary (Callee; Name: what and where it iterates;
                ///< Bound.Value: its levels; Where: the call)
  } K = Loop;
  const clang::Stmt *Where = nullptr;          ///< the loop or the call
  const clang::FunctionDecl *Caller = nullptr; ///< helper holding Where; null
                                               ///< in the analysed body
  const clang::FunctionDecl *Callee = nullptr; ///< CpuHeavy and Call
  const RuleEntry *Rule = nullptr;             ///< CpuHeavy: the entry
  std::string Name; ///< CpuHeavy: the name matched; Loop: the element
                    ///< call (`std::for_each`) when Where is a call
  /// Loop: its trip bound (Unknown = runtime). A Loop step that does not
  /// count (it walks the current element of the caller's loop) is dropped.
  TripBound Bound;
};

/// How many nested levels of iteration a piece of code does, and the
/// deepest chain that shows it (outermost first).
struct IterationCost {
  unsigned Levels = 0;
  std::vector<CostStep> Steps;
};

/// The "heavy looping" model of coro-awaitless-loop, reusable by any check
/// that asks whether code iterates a lot. Counts levels of iteration:
///
/// - a loop is a level when its trip bound is not a constant of at most
///   SmallTripCount, it has a counting shape (a range-for, or a condition on
///   a variable the loop steps: `i < n`, `it != end`, `p`, `n--`) and it does
///   not walk a part of the current element of an enclosing loop (its range
///   or condition reaches the enclosing loop's variable through `.`, `->`,
///   `*`, `[]` or a call returning a reference: `for (x : row)`,
///   `j < rows[i].size()`) or share its cursor;
/// - a call to a `cpu_heavy` function (or ExtraCpuHeavyFunctions) is a level;
/// - a call to a helper function with a visible body costs the levels of its
///   body, less one when that body's outer loop walks a parameter and the
///   caller passes the current element of one of its loops.
///
/// Helper summaries are computed once per function and cached for the
/// translation unit. Functions in system headers and in catalogued
/// libraries' namespaces are judged by the catalog only; coroutines are not
/// helpers.
class LoopCostAnalysis {
public:
  struct Options {
    std::uint64_t SmallTripCount = 64;
    unsigned HelperDepth = 6;
  };

  LoopCostAnalysis(const RuleCatalog &Catalog, const NameList &ExtraCpuHeavy,
                   const NameList &Ignored, Options Opts);

  /// What one run of Loop costs: one level for Loop itself unless its trip
  /// bound is small (whatever its shape), plus the deepest chain of levels
  /// in what each iteration runs (condition, increment, body).
  IterationCost loopCost(const clang::Stmt *Loop, const clang::ASTContext &Ctx);

  /// The same, with CountElementWalks: a nested loop (or helper) that walks
  /// the current element of an enclosing loop still counts as a level
  /// (`for (t : tables) for (s : t.sstables)` is two levels), for
  /// schedulers where a linear pass over all nested data is a stall.
  IterationCost loopCost(const clang::Stmt *Loop, const clang::ASTContext &Ctx,
                         bool CountElementWalks);

  /// What one call running a callable per element costs: one level for
  /// the pass over its range (unless a small constant), plus the levels of
  /// the callable's body.
  IterationCost elementCallCost(const ElementCall &EC,
                                const clang::ASTContext &Ctx,
                                bool CountElementWalks = false);

  /// Whether Loop runs at most SmallTripCount times by a constant bound:
  /// tripBound() says so, or its condition has a conjunct `i < C` or
  /// `i <= C` on a variable the loop increments, with 0 <= C <= the limit.
  bool isSmallLoop(const clang::Stmt *Loop, const clang::ASTContext &Ctx) const;

  /// Whether Loop goes over a runtime-sized collection: not small, a
  /// counting shape, and a range-for, an iterator or pointer it steps, or
  /// a condition on a container's size.
  bool traversesRuntimeRange(const clang::Stmt *Loop,
                             const clang::ASTContext &Ctx) const;

  /// The cpu_heavy entry Call's callee matches (Name: the matched name).
  const RuleEntry *cpuHeavyRule(const clang::Expr *Call,
                                std::string &Name) const;

  /// The levels a call to F costs through its body, regardless of the
  /// arguments (0 when its body is not visible or not user code).
  IterationCost functionCost(const clang::FunctionDecl *F);

  /// Drops the cached summaries (their AST is gone).
  void clear() {
    Summaries[0].clear();
    Summaries[1].clear();
  }

  /// Internal: the alternatives one piece of code offers, best per way its
  /// outer level can be discounted by a caller.
  struct Contribution {
    unsigned Levels = 0;
    unsigned Hops = 0; ///< helper calls in Steps
    /// The parameters (bit 63: the object) the bound of the first counted
    /// level refers to, and the captured variables it refers to.
    std::uint64_t Walks = 0;
    llvm::SmallVector<const clang::ValueDecl *, 2> WalksCaptured;
    std::vector<CostStep> Steps;
  };
  using CostSet = std::vector<Contribution>;
  struct Walk;

  /// F's summary as a caller sees it: each way its body iterates, with the
  /// parameters the first counted level walks (empty when F is not a
  /// followed helper or does not iterate). What whole-program summaries
  /// write for F.
  std::vector<Contribution> functionCosts(const clang::FunctionDecl *F);

private:
  struct Summary {
    bool Computing = false;
    CostSet Costs;
  };

  /// Whether Limit is an integer field with a small constant default
  /// member initialiser (a configuration knob such as a buffer count).
  bool isConfiguredCount(const clang::Expr *Limit,
                         const clang::ASTContext &Ctx) const;

  /// The summary of F, defined in another file, from the summary files
  /// (AnalysisStore::external) into Out; false when there is none.
  bool externalSummary(const clang::FunctionDecl *F, CostSet &Out);

  /// F's summary into Out; false when F is not summarised. Final is
  /// cleared when the result relied on a summary still being computed.
  bool summary(const clang::FunctionDecl *F, CostSet &Out, bool &Final);

  const RuleCatalog &Catalog;
  const NameList &ExtraCpuHeavy;
  const NameList &Ignored;
  Options Opts;
  RuleEntry ExtraRule;
  /// Per value of CountElementWalks.
  llvm::DenseMap<const clang::FunctionDecl *, Summary> Summaries[2];
  unsigned Budget = 0;
  bool CountElementWalks = false;
};

/// The parts of a loop statement evaluated on every iteration: the
/// condition (and condition variable), the increment and the body; for a
/// range-for, the body. Null entries are left out.
llvm::SmallVector<const clang::Stmt *, 4>
loopIterationParts(const clang::Stmt *Loop);

} // namespace corolint

#endif
