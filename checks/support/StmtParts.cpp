#include "support/StmtParts.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

#include <vector>

using namespace clang;

namespace corolint {

const Expr *conditionOf(const Stmt *S) {
  if (const auto *For = dyn_cast_or_null<ForStmt>(S))
    return For->getCond();
  if (const auto *While = dyn_cast_or_null<WhileStmt>(S))
    return While->getCond();
  if (const auto *Do = dyn_cast_or_null<DoStmt>(S))
    return Do->getCond();
  if (const auto *If = dyn_cast_or_null<IfStmt>(S))
    return If->getCond();
  if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(S))
    return Switch->getCond();
  return nullptr;
}

std::optional<std::pair<const Expr *, const Expr *>>
binaryOperands(const Expr *E, OverloadedOperatorKind Op) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (BinaryOperator::getOverloadedOperator(B->getOpcode()) == Op)
      return std::make_pair(B->getLHS(), B->getRHS());
  } else if (const auto *S = dyn_cast<ArraySubscriptExpr>(E)) {
    if (Op == OO_Subscript)
      return std::make_pair(S->getBase(), S->getIdx());
  } else if (const auto *C = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (C->getOperator() == Op && C->getNumArgs() == 2)
      return std::make_pair(C->getArg(0), C->getArg(1));
  }
  return std::nullopt;
}

bool findInStmts(llvm::ArrayRef<const Stmt *> Roots,
                 llvm::function_ref<bool(const Stmt *)> Visit) {
  std::vector<const Stmt *> Work(Roots.begin(), Roots.end());
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (Visit(S))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace corolint
