#ifndef COROLINT_SUPPORT_BLOCKINGANALYSIS_H
#define COROLINT_SUPPORT_BLOCKINGANALYSIS_H

#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace corolint {

/// A call that blocks: the rule that says so and the name it matched.
struct BlockingRule {
  const RuleEntry *Rule = nullptr;
  std::string Name;
};

/// One hop of a helper chain: Caller contains Call, which runs Callee.
struct HelperStep {
  const clang::FunctionDecl *Caller;
  const clang::Expr *Call;
  const clang::FunctionDecl *Callee;
};

/// Why calling a helper may block: the hops below the helper (empty when
/// the helper itself makes the blocking call) and the blocking call.
struct BlockingPath {
  std::vector<HelperStep> Steps;
  const clang::FunctionDecl *BlockingCaller = nullptr;
  const clang::Expr *BlockingCall = nullptr;
  BlockingRule Blocks;

  /// Number of helper functions between the coroutine and the blocking call.
  unsigned depth() const { return Steps.size() + 1; }
};

/// "May block" summaries of functions, computed once per function and
/// kept for the translation unit in the AnalysisStore (shared()). Only user code is summarised: functions
/// in system headers or in a catalogued library's namespace are judged by
/// the catalog alone, and coroutines are analysed as coroutines.
class BlockingAnalysis {
public:
  BlockingAnalysis(const RuleCatalog &Catalog, const NameList &Extra,
                   const NameList &Ignored);

  /// The rule making Call (a call, construction or `new`) in Enclosing
  /// itself blocking. Calls on file descriptors (rules with `fd_call`) do
  /// not block in a function written for non-blocking descriptors: one that
  /// uses a name of the catalogs' `non_blocking_markers` (EAGAIN,
  /// O_NONBLOCK, libcoro's `socket::blocking_t::no`), or a member of a
  /// class one of whose visible member definitions does.
  /// A write of a few constant bytes into a pipe the code has just created
  /// does not block either (see FreshPipe.h).
  /// Calls on an object of a class-wide entry (file streams) do not block
  /// when the entry's `non_blocking_members` lists the method (is_open).
  /// Waits on objects that are complete already (rules with
  /// `ready_after_await`, see ReadyValue.h) do not block either.
  std::optional<BlockingRule> directRule(const clang::Expr *Call,
                                         const clang::FunctionDecl &Enclosing);

  /// Whether Call, in Body (F's body, or a coroutine's user body), runs
  /// only on paths that end the process (BodyFacts::onlyBeforeExit).
  bool onFatalPath(const clang::Expr *Call, const clang::FunctionDecl &F,
                   const clang::Stmt *Body);

  /// Why calling F may block through the code in its body; null if it does
  /// not, or its body is not visible, or it is not user code.
  const BlockingPath *helperPath(const clang::FunctionDecl *F);

  /// The analysis of the translation unit of Ctx for Catalog and the
  /// options ExtraBlockingFunctions and IgnoredFunctions (as written): one
  /// per distinct set, kept in the AnalysisStore, so every check that asks
  /// with the same options reads the same summaries.
  static BlockingAnalysis &shared(const clang::ASTContext &Ctx,
                                  const RuleCatalog &Catalog,
                                  llvm::StringRef ExtraOption,
                                  llvm::StringRef IgnoredOption);

private:
  struct Summary {
    bool Computing = false;
    std::optional<BlockingPath> Path;
  };
  /// Returns whether the result is final (did not rely on a function whose
  /// summary was still being computed, i.e. recursion).
  bool compute(const clang::FunctionDecl *F, std::optional<BlockingPath> &Out);
  bool usesNonBlockingDescriptors(const clang::FunctionDecl &F);
  bool mentionsNonBlocking(const clang::Decl &D);

  const RuleCatalog &Catalog;
  const NameList &Extra;
  const NameList &Ignored;
  RuleEntry ExtraRule;
  llvm::DenseMap<const clang::FunctionDecl *, Summary> Summaries;
  llvm::DenseMap<const clang::Decl *, bool> NonBlockingDescriptors;
};

/// The calls (including constructions and `new`) a body evaluates, in
/// source order, without nested lambdas' bodies or unevaluated operands.
/// Calls that are directly `co_await`ed are marked: they are asynchronous.
struct CallSite {
  const clang::Expr *Call;
  bool Awaited;
};
std::vector<CallSite> callsIn(const clang::Stmt *Body);

} // namespace corolint

#endif
