#ifndef COROLINT_SUPPORT_SPAWNHANDLEFATE_H
#define COROLINT_SUPPORT_SPAWNHANDLEFATE_H

#include "support/EvaluatedCodeVisitor.h"
#include "support/RuleCatalog.h"
#include "support/SpawnSites.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <utility>
#include <vector>

namespace corolint {

bool isLoopStmt(const clang::Stmt *S);

/// One pass over the code a function body evaluates (not nested lambdas'
/// bodies): every statement's parent, the calls and constructions inside
/// loops, the references to each variable and member, the declaration
/// statement of each local variable, the if/loop statements.
class SpawnBodyScan : public EvaluatedCodeVisitor<SpawnBodyScan> {
public:
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parent;
  std::vector<const clang::Expr *> InLoops; // calls and constructions in loops
  std::vector<const clang::Expr *> Calls;   // all calls and constructions
  llvm::DenseMap<const clang::Decl *, std::vector<const clang::Expr *>> Refs;
  llvm::DenseMap<const clang::VarDecl *, const clang::DeclStmt *> DeclOf;
  std::vector<const clang::Stmt *> Branches; // if, while, do, for statements

  bool dataTraverseStmtPre(clang::Stmt *S);
  bool dataTraverseStmtPost(clang::Stmt *S);
  bool VisitCallExpr(clang::CallExpr *C);
  bool VisitCXXConstructExpr(clang::CXXConstructExpr *C);
  bool VisitCXXUnresolvedConstructExpr(clang::CXXUnresolvedConstructExpr *C);
  bool VisitDeclRefExpr(clang::DeclRefExpr *R);
  bool VisitMemberExpr(clang::MemberExpr *M);
  bool VisitDeclStmt(clang::DeclStmt *D);
  bool VisitStmt(clang::Stmt *S);

private:
  std::vector<const clang::Stmt *> Stack;
  unsigned LoopDepth = 0;
};

/// What happens to the work a spawn starts, seen from one loop around it:
/// awaited or joined in the same iteration, held by an object whose
/// destruction waits, or left running (detached, kept in a container,
/// dropped) while the loop goes on.
class SpawnHandleFate {
public:
  enum Fate { PerIteration, Waited };

  SpawnHandleFate(const clang::Stmt *Body, const RuleCatalog &Catalog,
                  clang::ASTContext &Ctx);

  const SpawnBodyScan &scan() const { return Scan; }
  const clang::Stmt *parent(const clang::Stmt *S) const;
  bool within(const clang::Stmt *S, const clang::Stmt *Ancestor) const;
  /// The loops around S, innermost first (not those whose init or range
  /// S is in).
  std::vector<const clang::Stmt *> enclosingLoops(const clang::Stmt *S) const;
  static const clang::Stmt *rangeOf(const clang::Stmt *Loop);
  static const clang::Stmt *initOf(const clang::Stmt *Loop);

  /// Climbs from E through nodes that pass its value on unchanged
  /// (parentheses, implicit conversions, temporaries, std::move).
  std::pair<const clang::Expr *, const clang::Stmt *>
  climb(const clang::Expr *E) const;
  /// E's value is discarded: an expression statement, a cast to void.
  bool isDiscarded(const clang::Expr *E) const;
  /// E is (part of) an expression that is awaited or passed to a wait.
  bool inWaitContext(const clang::Expr *E) const;

  /// Whether the work S starts is waited for within an iteration of Loop;
  /// Holder receives the variable or container that keeps its handle.
  Fate fate(const SpawnSite &S, const clang::Stmt *Loop,
            const clang::ValueDecl *&Holder) const;
  /// A `break`, `return`, `co_return` or `throw` follows S in its block
  /// and leaves Loop: S starts once per run of Loop.
  bool exitsAfter(const SpawnSite &S, const clang::Stmt *Loop) const;

  /// The statements that add an element to the local container D
  /// (`push_back`, `emplace_back`, `insert`, `emplace`, `push_front`).
  std::vector<const clang::Expr *> additionsTo(const clang::ValueDecl *D) const;

private:
  bool isDiscardedAt(const clang::Expr *Cur, const clang::Stmt *P) const;
  Fate holderFate(const SpawnSite &S, const clang::ValueDecl *D,
                  const clang::Stmt *Loop, bool Direct, bool Assigned) const;
  bool waitedUse(const clang::Expr *Ref, const clang::Stmt *Loop) const;
  bool escapes(const clang::ValueDecl *D, const clang::Stmt *Loop,
               const SpawnSite &S) const;
  bool joinedIn(const SpawnSite &S, const clang::Stmt *Loop) const;
  bool outParamWaited(const SpawnSite &S, const clang::Stmt *Loop) const;
  bool breaksOutOf(const clang::Stmt *Block, const clang::Stmt *Loop) const;
  bool throwsOutOf(const clang::CXXThrowExpr *Throw, const clang::Stmt *Block,
                   const clang::Stmt *Loop) const;

  const RuleCatalog &Catalog;
  clang::ASTContext &Ctx;
  SpawnBodyScan Scan;
};

} // namespace corolint

#endif
