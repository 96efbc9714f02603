#ifndef COROLINT_SUPPORT_RESULTUSE_H
#define COROLINT_SUPPORT_RESULTUSE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang {
class CFG;
}

namespace corolint {

/// The parent of every statement a function body evaluates, with the rules
/// of EvaluatedCodeVisitor (nested lambdas' bodies and unevaluated operands
/// are left out; of a co_await/co_yield only the operand is kept).
class BodyParents {
public:
  explicit BodyParents(const clang::Stmt *Body);
  /// Null for the body itself and for statements outside it.
  const clang::Stmt *parent(const clang::Stmt *S) const {
    return Parents.lookup(S);
  }

private:
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> Parents;
};

/// E without the implicit nodes around it that do not change its value
/// (parentheses, implicit casts, temporaries, full-expression cleanups)
/// as seen from below: the outermost such node above E.
const clang::Expr *outermostSameValue(const clang::Expr *E,
                                      const BodyParents &P);

/// What happens to the value of an expression.
enum class ResultUseKind {
  Discarded,  // an expression statement, for-init/increment, comma LHS
  CastToVoid, // `(void)e`, `static_cast<void>(e)`: discarded on purpose
  Stored,     // initialises or is assigned to a local variable
  Used,       // anything else: tested, returned, passed on, stored elsewhere
};

struct ResultUse {
  ResultUseKind Kind = ResultUseKind::Used;
  /// Stored: the local variable (a DecompositionDecl for structured
  /// bindings) and the DeclStmt or assignment that stores it.
  const clang::VarDecl *Var = nullptr;
  const clang::Stmt *Store = nullptr;
};

/// How the value of E is used, looking through the nodes
/// outermostSameValue skips and through the branches of `?:` and the right
/// operand of `,` (whose value is that of the whole expression).
ResultUse resultUse(const clang::Expr *E, const BodyParents &P);

/// Whether V is a variable whose reads all appear in the function body
/// that declares it: a local, non-static, non-reference variable (or
/// by-value parameter) whose address is not taken, that is not bound to a
/// reference and not captured by reference by a lambda.
bool isTrackableLocal(const clang::VarDecl *V, const clang::Stmt *Body);

/// "Is the value stored here ever read?" over the CFG of one function
/// body: the one the AnalysisStore keeps for the body (BodyFacts::cfg).
class LocalReads {
public:
  LocalReads(const clang::Decl &F, const clang::Stmt *Body,
             clang::ASTContext &Ctx);
  ~LocalReads();

  /// Whether some path from just after Point (a DeclStmt declaring V, an
  /// assignment to V, or any other evaluated statement) reads V, or one of
  /// its bindings if V is a DecompositionDecl, before a plain assignment
  /// overwrites it. References in NotReads (e.g. where a callee writes V
  /// through a reference) are neither reads nor writes. True when it cannot
  /// tell (Point not in the CFG, V not trackable).
  bool readAfter(const clang::VarDecl *V, const clang::Stmt *Point,
                 llvm::ArrayRef<const clang::Expr *> NotReads = {});

private:
  const clang::Decl &F;
  const clang::Stmt *Body;
  clang::ASTContext &Ctx;
  bool Built = false;
  const clang::CFG *Shared = nullptr;
  std::unique_ptr<clang::CFG> Graph; // only for a body that is no function's
};

} // namespace corolint

#endif
