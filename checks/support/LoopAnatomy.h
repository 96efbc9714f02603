#ifndef COROLINT_SUPPORT_LOOPANATOMY_H
#define COROLINT_SUPPORT_LOOPANATOMY_H

// Internal to LoopCostAnalysis (LoopCost.cpp, LoopAnatomy.cpp): the parts of
// a loop statement, the variables it steps, and how its bound expressions
// refer to the element of an enclosing loop.

#include "support/EvaluatedCodeVisitor.h"
#include "support/StmtParts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <utility>

namespace corolint {
namespace loop_anatomy {

using VarSet = llvm::SmallPtrSet<const clang::ValueDecl *, 8>;

const clang::Expr *strip(const clang::Expr *E);

/// The variable or `this` member E names, if it is just that.
const clang::ValueDecl *namedVariable(const clang::Expr *E);

/// Variables and `this` members S reads or writes (not in nested lambdas).
void collectRefs(const clang::Stmt *S, VarSet &Out, bool *UsesThis = nullptr);

bool refersTo(const clang::Stmt *S, const clang::ValueDecl *D);

/// The variables a loop steps: `++i`, `i += k`, `it = it->next`, `++it` on
/// class iterators. Incremented: the ones only ever counted upwards.
class StepFinder : public EvaluatedCodeVisitor<StepFinder> {
public:
  VarSet Stepped, Incremented, Decremented;

  bool VisitUnaryOperator(clang::UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      step(U->getSubExpr(), U->isIncrementOp());
    return true;
  }
  bool VisitBinaryOperator(clang::BinaryOperator *B) {
    if (B->getOpcode() == clang::BO_AddAssign)
      step(B->getLHS(), true);
    else if (B->isCompoundAssignmentOp())
      step(B->getLHS(), false);
    else if (B->getOpcode() == clang::BO_Assign)
      if (const clang::ValueDecl *D = namedVariable(B->getLHS()))
        if (refersTo(B->getRHS(), D))
          step(B->getLHS(), false);
    return true;
  }
  bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr *C) {
    if (C->getNumArgs() == 0)
      return true;
    switch (C->getOperator()) {
    case clang::OO_PlusPlus:
    case clang::OO_PlusEqual:
      step(C->getArg(0), true);
      break;
    case clang::OO_MinusMinus:
    case clang::OO_MinusEqual:
      step(C->getArg(0), false);
      break;
    case clang::OO_Equal:
      if (const clang::ValueDecl *D = namedVariable(C->getArg(0)))
        if (C->getNumArgs() > 1 && refersTo(C->getArg(1), D))
          step(C->getArg(0), false);
      break;
    default:
      break;
    }
    return true;
  }

private:
  void step(const clang::Expr *Target, bool Up) {
    const clang::ValueDecl *D = namedVariable(Target);
    if (!D)
      return;
    Stepped.insert(D);
    (Up ? Incremented : Decremented).insert(D);
  }
};


/// The parts of a loop evaluated once per run (before the first iteration).
llvm::SmallVector<const clang::Stmt *, 2> onceParts(const clang::Stmt *Loop);

/// The parts of a loop evaluated on every iteration.
llvm::SmallVector<const clang::Stmt *, 4> iterationParts(const clang::Stmt *Loop);

/// The variables a loop steps, declared outside its iterations (a counter
/// of a nested loop is that loop's, not this one's).
StepFinder steps(const clang::Stmt *Loop);

void addElementAliases(const clang::Stmt *Body, VarSet &Vars);

/// The variables that move with a loop's iterations: its range-for
/// variable, the variables its for-init declares, its condition variable
/// and the variables it steps.
VarSet loopVariables(const clang::Stmt *Loop);

/// Whether a loop counts: a range-for, or a condition on a variable the
/// loop steps (`i < n`, `it != end`, `p`, `n--`).
bool hasCountingShape(const clang::Stmt *Loop);

bool isArithmetic(clang::QualType T);

enum class Role {
  None,    ///< used as a number or a position
  Content, ///< reached into: `x.m`, `x->m`, `*x`, `a[x]`, `for (e : x)`
  Arg,     ///< passed as a whole: content unless it is a number
};

/// Whether S refers to one of Vars as content (see Role).
bool contentRef(const clang::Stmt *S, const VarSet &Vars, Role R);

/// The expressions that decide how often Loop iterates, and how to read
/// them: the range of a range-for (its content), the condition and init of
/// the others.
llvm::SmallVector<std::pair<const clang::Stmt *, Role>, 2>
boundParts(const clang::Stmt *Loop);

/// Whether a call argument has a small compile-time size or value: a string
/// literal (also converted to a string or string_view), an integer
/// constant, a constant-size array or std::array, of at most Limit.
bool isSmallConstant(const clang::Expr *Arg, std::uint64_t Limit,
                     const clang::ASTContext &Ctx);

/// How running S to its end leaves the code around it: S is, or ends in
/// (the last statement of a block, recursively), a `break`, a `return` or
/// `co_return`, a `throw`, or a call to a noreturn function (std::abort).
enum class Exit { None, Break, Return, Throw, Process };
Exit exitOf(const clang::Stmt *S);

} // namespace loop_anatomy
} // namespace corolint

#endif
