#include "support/SourceText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

std::string spelling(const Expr *E, const ASTContext &Ctx, unsigned MaxLength) {
  if (!E)
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM,
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return {};
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
  if (Text.empty() || Text.size() > MaxLength ||
      Text.find_first_of("\n\r") != llvm::StringRef::npos)
    return {};
  return Text.str();
}

SourceLocation callLocation(const Expr *Call, OperatorAt Op) {
  if (const auto *C = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op == OperatorAt::FirstOperand && C->getNumArgs())
      return C->getArg(0)->getExprLoc();
  } else if (const auto *C = dyn_cast<CallExpr>(Call)) {
    if (const Expr *Callee = C->getCallee())
      return Callee->getExprLoc();
  }
  if (Op == OperatorAt::Start && isa<CXXOperatorCallExpr, CXXConstructExpr>(Call))
    return Call->getBeginLoc();
  return Call->getExprLoc();
}

} // namespace corolint
