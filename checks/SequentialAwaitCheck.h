#ifndef COROLINT_SEQUENTIALAWAITCHECK_H
#define COROLINT_SEQUENTIALAWAITCHECK_H

#include "support/CoroCheck.h"
#include "support/DefUse.h"
#include "support/FixIts.h"

#include "llvm/ADT/SmallPtrSet.h"

#include <functional>

namespace corolint {

namespace seqawait {
/// The co_await an expression is, under value-preserving nodes.
const clang::CoawaitExpr *asAwait(const clang::Expr *E);
/// Declarations, expressions and null statements.
bool isHoistableKind(const clang::Stmt *S);
/// The text to show for an awaited call: callee as written plus "(...)".
std::string describe(const clang::CallExpr *Call,
                     const clang::ASTContext &Ctx);
bool isStandardName(llvm::StringRef Name);
/// The statements of a loop body or callback, a `try`'s block flattened
/// into them (its handlers added to Handlers).
std::vector<const clang::Stmt *>
iterationStatements(const clang::Stmt *Body,
                    std::vector<const clang::CXXCatchStmt *> &Handlers);
/// Whether a local of an iteration's body belongs to the iteration: a
/// value, or a reference (pointer, view) bound to a per-iteration object.
bool bindsToIteration(const clang::VarDecl &V,
                      const llvm::SmallPtrSetImpl<const clang::Decl *> &PerIteration,
                      const DefUse &DU);
} // namespace seqawait

/// Awaited operations that provably do not depend on each other, one after
/// the other in a block or once per element of a range, which could run
/// concurrently. See docs/checks/coro-sequential-await.md.
class SequentialAwaitCheck : public CoroCheck {
public:
  SequentialAwaitCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Ctx);
  void onStartOfTranslationUnit() override { Includes.clear(); }

protected:
  void checkCoroutine(CoroutineContext &Coro) override;

private:
  /// The coroutine being checked (its shared suspension facts).
  CoroutineContext *Coro = nullptr;
  /// An awaited operation kept in a local variable, and what it touches.
  struct Operation {
    const clang::Stmt *S = nullptr;
    const clang::CoawaitExpr *Await = nullptr;
    const clang::CallExpr *Call = nullptr;
    Effects E; // of the call, plus the store of its result
  };

  const clang::CallExpr *operationCall(const clang::CoawaitExpr *Await,
                                       const DefUse &DU,
                                       clang::ASTContext &Ctx) const;
  std::optional<Operation> operationStatement(const clang::Stmt *S,
                                              const DefUse &DU,
                                              clang::ASTContext &Ctx) const;
  void checkBlock(const clang::CompoundStmt &Block, const DefUse &DU,
                  const clang::FunctionDecl &F, clang::ASTContext &Ctx);
  void reportGroup(const std::vector<Operation> &Group,
                   const clang::CompoundStmt &Block,
                   const clang::FunctionDecl &F, clang::ASTContext &Ctx);
  void checkLoop(const clang::Stmt &Loop, const DefUse &DU,
                 const clang::FunctionDecl &F, clang::ASTContext &Ctx);
  bool checkElementLoop(const clang::Stmt &Loop, const DefUse &DU,
                        const clang::FunctionDecl &F, clang::ASTContext &Ctx);
  /// One iteration's work: the statements of a loop body or of a
  /// per-element callback, which run one operation on the element.
  struct IterationWork {
    std::vector<const clang::Stmt *> Stmts;
    std::vector<const clang::CXXCatchStmt *> Handlers;
    llvm::SmallPtrSet<const clang::Decl *, 8> PerIteration;
    std::size_t OperationAt = 0; // the statement running Call
    const clang::CallExpr *Call = nullptr;
    /// Writes statement I may make outside the iteration (a worklist pop).
    std::function<bool(std::size_t, const ObjectRef &)> Allowed;
    std::function<bool(const clang::Stmt *)> Suspends;
  };
  bool independentOnElement(const IterationWork &W, const DefUse &DU) const;
  /// An awaited call that runs a callable on each element in turn: a
  /// catalogued sequential combinator (`seastar::do_for_each`) or a helper
  /// of the translation unit that awaits its callable once per element.
  void checkVisit(const clang::CoawaitExpr &Await, const DefUse &DU,
                  const clang::FunctionDecl &F, clang::ASTContext &Ctx);
  std::string combinator(const clang::Expr *Operation,
                         const clang::FunctionDecl &F,
                         llvm::StringRef Attribute) const;
  /// Reports Await (of Call) in Loop with Message, and the range
  /// combinator at the loop; not when the loop runs fewer than
  /// MinIndependentAwaits times. Returns whether it reported.
  bool reportLoop(const clang::Stmt &Loop, const clang::Expr *Await,
                  const clang::CallExpr *Call, const clang::FunctionDecl &F,
                  const char *Message, clang::ASTContext &Ctx);

  unsigned MinIndependentAwaits;
  NameList Ignored;
  IncludeInsertions Includes; // by fixes, in this translation unit
};

} // namespace corolint

#endif
