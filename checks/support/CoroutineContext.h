#ifndef COROLINT_SUPPORT_COROUTINECONTEXT_H
#define COROLINT_SUPPORT_COROUTINECONTEXT_H

#include "support/CoroutineModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class CFG;
class CFGBlock;
class ParentMap;
} // namespace clang

namespace corolint {

class AnalysisStore;
class BodyParents;
class DefUse;
class ExecutionContext;
class LocalReads;
class RuleCatalog;

/// A call site of a body resolved once: the call, whether it is directly
/// awaited, and the function it calls (null: through a pointer, dependent).
struct ResolvedCall {
  const clang::Expr *Call;
  bool Awaited;
  const clang::FunctionDecl *Callee;
};

/// The facts of one function body, computed on first use and kept for the
/// translation unit (AnalysisStore::body): modelled on clang's
/// AnalysisDeclContext. Coroutines' user bodies and helpers' bodies alike.
class BodyFacts {
public:
  BodyFacts(const clang::FunctionDecl &F, const clang::Stmt *Body,
            clang::ASTContext &Ctx);
  ~BodyFacts();

  const clang::FunctionDecl &function() const { return F; }
  const clang::Stmt *body() const { return Body; }
  clang::ASTContext &ast() const { return Ctx; }

  /// The one CFG of the body every dataflow analysis runs on (lock
  /// may-hold, result reads, fatal paths): all statements as elements,
  /// implicit and temporary destructors, lifetime ends. Null when clang
  /// cannot build one.
  const clang::CFG *cfg();
  /// clang's parent map of the body (all children, implicit ones too).
  const clang::ParentMap &parentMap();
  /// The parents of evaluated code only (ResultUse's BodyParents).
  const BodyParents &evaluatedParents();
  /// Reads of local variables over cfg() (ResultUse's LocalReads).
  LocalReads &localReads();

  /// The calls the body evaluates, in source order (callsIn), resolved to
  /// their callees.
  const std::vector<ResolvedCall> &calls();

  /// Whether S lies only on paths that end the process: every path from
  /// its CFG block reaches a call to a noreturn function (std::abort,
  /// std::exit, std::terminate, a user's [[noreturn]] fatal handler). A
  /// blocking call there (a logger that runs popen for a stack trace, then
  /// aborts) costs no latency worth reporting. Thrown exceptions do not
  /// count: they may be caught.
  bool onlyBeforeExit(const clang::Stmt *S);

private:
  const clang::FunctionDecl &F;
  const clang::Stmt *Body;
  clang::ASTContext &Ctx;
  bool CFGBuilt = false;
  std::unique_ptr<clang::CFG> Graph;
  std::unique_ptr<clang::ParentMap> Parents;
  std::unique_ptr<BodyParents> Evaluated;
  std::unique_ptr<LocalReads> Reads;
  std::optional<std::vector<ResolvedCall>> Calls;
  // Fatal paths: the block of each statement the CFG lists, and which
  // blocks lead only to the end of the process.
  bool FatalBuilt = false;
  llvm::DenseMap<const clang::Stmt *, const clang::CFGBlock *> Blocks;
  llvm::BitVector Fatal;
};

/// What every check knows of one coroutine, built once per coroutine body
/// and translation unit (AnalysisStore::coroutine) and handed by CoroCheck
/// to each check's checkCoroutine(): the facts are computed on first use
/// and cached, so six checks pay for each once, and all decide them under
/// one policy (the catalog, with the global NonSuspendingAwaitables).
class CoroutineContext {
public:
  CoroutineContext(AnalysisStore &Store, const clang::FunctionDecl &F,
                   const clang::CoroutineBodyStmt &Coro,
                   const RuleCatalog &Catalog, clang::ASTContext &Ctx);
  ~CoroutineContext();

  const clang::FunctionDecl &function() const { return F; }
  const clang::CoroutineBodyStmt &coroutineBody() const { return Coro; }
  /// The user's body (what the coroutine's code is).
  const clang::Stmt *body() const { return Coro.getBody(); }
  clang::ASTContext &ast() const { return Ctx; }
  const RuleCatalog &catalog() const { return Catalog; }
  AnalysisStore &store() const { return Store; }
  /// The facts of the user body: its CFG, parent maps, calls.
  BodyFacts &facts() const { return Facts; }

  /// The suspension points of the body in source order
  /// (CoroutineModel's suspensionPoints).
  const std::vector<SuspensionPoint> &suspensionPoints();
  /// The suspension points inside S (a statement of the body, e.g. a loop's
  /// body), in source order; for a statement outside the body, those
  /// suspensionPointsIn(S) finds.
  std::vector<SuspensionPoint> suspensionPointsIn(const clang::Stmt *S);
  /// Whether a suspension point can suspend, decided once (canSuspend under
  /// the catalog, which holds the NonSuspendingAwaitables option).
  bool canSuspend(const clang::Expr *SuspendExpr);
  /// Whether some suspension point inside S can suspend.
  bool maySuspendIn(const clang::Stmt *S);
  /// Whether no suspension point of the body can suspend.
  bool neverSuspends();

  /// The calls of the body, resolved once.
  const std::vector<ResolvedCall> &calls() { return Facts.calls(); }

  /// The loop statements of the body (for, range-for, while, do) in source
  /// order, nested ones included, nested lambdas' not.
  const std::vector<const clang::Stmt *> &loops();

  /// Where each point of the body runs: on the event loop, or on a pool
  /// after a hop (ExecutionContext).
  const ExecutionContext &where();

  /// The def/use model of the body (DefUse), with helper summaries shared
  /// through the store.
  DefUse &defUse();

private:
  AnalysisStore &Store;
  const clang::FunctionDecl &F;
  const clang::CoroutineBodyStmt &Coro;
  const RuleCatalog &Catalog;
  clang::ASTContext &Ctx;
  BodyFacts &Facts;
  std::optional<std::vector<SuspensionPoint>> Points;
  std::optional<std::vector<const clang::Stmt *>> Loops;
  std::unique_ptr<ExecutionContext> Where;
  std::unique_ptr<DefUse> DU;
};

/// The suspension points inside S that can suspend, in source order: read
/// from Coro, the coroutine S is part of; with no coroutine (Coro null: a
/// plain function's statement) collected from S and decided under Catalog.
std::vector<const clang::Expr *>
suspendingPointsIn(CoroutineContext *Coro, const clang::Stmt *S,
                   const RuleCatalog &Catalog, clang::ASTContext &Ctx);

} // namespace corolint

#endif
