#include "support/LoopBounds.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {
namespace {

std::optional<std::int64_t> constantValue(const Expr *E,
                                          const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

/// The bound an upper-limit expression gives: a constant, the core count,
/// or the smallest constant of a std::min.
TripBound boundOf(const Expr *Limit, const ASTContext &Ctx) {
  Limit = Limit->IgnoreParenImpCasts();
  if (auto V = constantValue(Limit, Ctx))
    return {TripBound::Constant, std::uint64_t(std::max<std::int64_t>(*V, 0))};
  const auto *Call = dyn_cast<CallExpr>(Limit);
  if (!Call)
    return {};
  std::string Name = calleeName(Call);
  if (Name == "std::thread::hardware_concurrency" ||
      Name == "std::jthread::hardware_concurrency")
    return {TripBound::HardwareConcurrency, 0};
  if (Name == "std::min") {
    TripBound Best;
    for (const Expr *Arg : Call->arguments()) {
      TripBound B = boundOf(Arg, Ctx);
      if (B.K == TripBound::Unknown)
        continue;
      if (Best.K == TripBound::Unknown ||
          (B.K == TripBound::Constant &&
           (Best.K != TripBound::Constant || B.Value < Best.Value)))
        Best = B;
    }
    return Best;
  }
  return {};
}

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                        : nullptr))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// `for (T i = init; i OP limit; ...)` with the loop variable on one side.
TripBound counterLoop(const ForStmt *For, const ASTContext &Ctx) {
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || !Cond->isComparisonOp())
    return {};
  const Expr *Lhs = Cond->getLHS(), *Rhs = Cond->getRHS();
  BinaryOperatorKind Op = Cond->getOpcode();
  const VarDecl *Counter = referencedVar(Lhs);
  if (!Counter) { // `limit > i` is `i < limit`
    Counter = referencedVar(Rhs);
    std::swap(Lhs, Rhs);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  if (!Counter)
    return {};
  std::int64_t Start = 0;
  if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()))
    if (Init->isSingleDecl() && Init->getSingleDecl() == Counter)
      if (auto V = constantValue(Counter->getInit(), Ctx))
        Start = *V;
  if (Op == BO_LT || Op == BO_LE || Op == BO_NE) {
    TripBound B = boundOf(Rhs, Ctx);
    if (B.K == TripBound::Constant)
      B.Value = std::uint64_t(std::max<std::int64_t>(
          std::int64_t(B.Value) - Start + (Op == BO_LE ? 1 : 0), 0));
    return B;
  }
  if (Op == BO_GT || Op == BO_GE) { // counting down from a constant start
    if (auto Low = constantValue(Rhs, Ctx))
      if (Counter->getInit() && constantValue(Counter->getInit(), Ctx))
        return {TripBound::Constant,
                std::uint64_t(std::max<std::int64_t>(
                    Start - *Low + (Op == BO_GE ? 1 : 0), 0))};
  }
  return {};
}

TripBound rangeLoop(const CXXForRangeStmt *For, const ASTContext &Ctx) {
  const Expr *Range = For->getRangeInit();
  if (!Range)
    return {};
  Range = Range->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(Range))
    return {TripBound::Constant, List->getNumInits()};
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Range))
    if (const auto *Init = dyn_cast<InitListExpr>(
            List->getSubExpr()->IgnoreImplicit()))
      return {TripBound::Constant, Init->getNumInits()};
  QualType T = Range->getType().getNonReferenceType();
  if (const auto *Array = Ctx.getAsConstantArrayType(T))
    return {TripBound::Constant, Array->getSize().getZExtValue()};
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    if (qualifiedName(Spec) == "std::array" &&
        Spec->getTemplateArgs().size() == 2 &&
        Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
      return {TripBound::Constant,
              Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue()};
  return {};
}

} // namespace

TripBound tripBound(const Stmt *Loop, const ASTContext &Ctx) {
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    return counterLoop(For, Ctx);
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return rangeLoop(Range, Ctx);
  return {};
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *S = dyn_cast_or_null<ForStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast_or_null<WhileStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast_or_null<DoStmt>(Loop))
    return S->getBody();
  return nullptr;
}

} // namespace corolint
