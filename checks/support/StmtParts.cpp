#include "support/StmtParts.h"

#include "clang/AST/Stmt.h"

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

} // namespace corolint
