#include "support/LoopBounds.h"
#include "support/ElementWork.h"
#include "support/MachineBounds.h"
#include "support/MemberBounds.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"
#include "support/UnchangedValues.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

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

/// Whether a class has a `begin` member (a container or range).
bool hasBeginMember(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const Decl *D : RD->decls())
    if (const auto *N = dyn_cast<NamedDecl>(D))
      if (N->getIdentifier() && N->getName() == "begin")
        return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (hasBeginMember(B.getType()->getAsCXXRecordDecl()))
      return true;
  return false;
}

bool isHardwareConcurrency(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return false;
  std::string Name = calleeName(Call);
  return Name == "std::thread::hardware_concurrency" ||
         Name == "std::jthread::hardware_concurrency";
}

/// The catalog entry of section S and kind Kind naming what E reads or
/// calls: a variable or data member (`seastar::smp::count`), a function
/// (`seastar::smp::all_shards`) or a function object
/// (`std::ranges::views::filter`).
const RuleEntry *entryOf(const Expr *E, const RuleCatalog *Catalog, Section S,
                         llvm::StringRef Kind) {
  if (!Catalog || !E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  const RuleEntry *R = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    R = Catalog->lookup(S, Ref->getDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    R = Catalog->lookup(S, Member->getMemberDecl());
  else if (isa<CallExpr>(E)) {
    std::string Object = calledObjectName(E);
    if (!Object.empty())
      R = Catalog->lookup(S, Object);
    if (!R)
      if (const FunctionDecl *F = calleeOf(E))
        R = Catalog->lookup(S, F);
    if (!R)
      if (std::string Name = calleeName(E); !Name.empty())
        R = Catalog->lookup(S, Name);
  }
  return R && R->Kind == Kind ? R : nullptr;
}

/// A count or a range of the program's shards, one per core (catalog
/// `executors` entries of `kind: shards`: `seastar::smp::count`,
/// `seastar::smp::all_shards()`).
bool namesShards(const Expr *E, const RuleCatalog *Catalog) {
  return entryOf(E, Catalog, Section::Executors, "shards") != nullptr;
}

TripBound rangeOf(const Expr *Range, const ASTContext &Ctx,
                  const RuleCatalog *Catalog, unsigned Depth = 0);

/// A collection of handles to something its library caps at a small
/// compile-time maximum (`bounded_counts` entries with their `max`:
/// `std::vector<seastar::scheduling_group>`): it lists at most that many
/// distinct ones.
TripBound cappedCollection(QualType T, const RuleCatalog *Catalog) {
  QualType Element = containerElementType(T);
  const CXXRecordDecl *RD =
      Element.isNull() ? nullptr : Element->getAsCXXRecordDecl();
  const RuleEntry *R =
      RD && Catalog ? Catalog->lookup(Section::BoundedCounts, RD) : nullptr;
  std::uint64_t Max = 0;
  if (!R || R->attribute("max").getAsInteger(10, Max))
    return {};
  return {TripBound::Constant, Max};
}

} // namespace

const Expr *sizeQueried(const Expr *E, const RuleCatalog *Catalog) {
  if (!Catalog)
    return nullptr;
  auto IsSizeQuery = [&](const FunctionDecl *F) {
    return F && F->getIdentifier() &&
           Catalog->lookup(Section::SizeQueries, F->getName());
  };
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
    return M->getNumArgs() == 0 && IsSizeQuery(M->getMethodDecl())
               ? M->getImplicitObjectArgument()
               : nullptr;
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (!isa<CXXOperatorCallExpr>(C) && C->getNumArgs() == 1 &&
        IsSizeQuery(C->getDirectCallee()))
      return C->getArg(0);
  return nullptr;
}

namespace {

/// The bound an upper-limit expression gives: a constant, the core count
/// (scaled by a constant) or another count the catalogs' `bounds` section
/// says the machine bounds (`seastar::smp::count`), the smallest bound of a
/// std::min, the largest of a std::max; through unchanged local variables.
TripBound boundOf(const Expr *Limit, const ASTContext &Ctx,
                  const RuleCatalog *Catalog, unsigned Depth = 0) {
  if (!Limit || Depth > 4)
    return {};
  Limit = Limit->IgnoreParenImpCasts();
  if (auto V = constantValue(Limit, Ctx))
    return {TripBound::Constant, std::uint64_t(std::max<std::int64_t>(*V, 0))};
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Limit))
    return boundOf(Cast->getSubExpr(), Ctx, Catalog, Depth + 1);
  if (const Expr *Init = unchangedInit(referencedVar(Limit), Catalog))
    return boundOf(Init, Ctx, Catalog, Depth + 1);
  if (isHardwareConcurrency(Limit))
    return {TripBound::HardwareConcurrency, 0};
  if (namesShards(Limit, Catalog))
    return {TripBound::HardwareConcurrency, 0};
  // The size of a collection whose length is known: `v.size()` of a local
  // vector made from a braced list and never changed.
  if (const Expr *Collection = sizeQueried(Limit, Catalog))
    return rangeOf(Collection, Ctx, Catalog);
  if (const auto *B = dyn_cast<BinaryOperator>(Limit)) {
    // hw - 1, hw / 2, hw * 2, hw + 1: still sized by the machine; v.size()
    // - 1 of a bounded v is still bounded.
    TripBound L = boundOf(B->getLHS(), Ctx, Catalog, Depth + 1);
    auto R = constantValue(B->getRHS(), Ctx);
    if (L.K == TripBound::Unknown || !R || *R < 0)
      return {};
    switch (B->getOpcode()) {
    case BO_Sub:
    case BO_Div:
    case BO_Shr:
      return L;
    case BO_Add:
      return {L.K, L.Value + std::uint64_t(*R)};
    case BO_Mul:
      if (L.K == TripBound::Constant || *R <= 4)
        return {L.K, L.Value * std::uint64_t(*R)};
      return {};
    default:
      return {};
    }
  }
  const auto *Call = dyn_cast<CallExpr>(Limit);
  if (!Call)
    return {};
  std::string Name = calleeName(Call);
  if (Name == "std::min") {
    TripBound Best;
    for (const Expr *Arg : Call->arguments()) {
      TripBound B = boundOf(Arg, Ctx, Catalog, Depth + 1);
      if (B.K == TripBound::Unknown)
        continue;
      if (Best.K == TripBound::Unknown ||
          (B.K == TripBound::Constant &&
           (Best.K != TripBound::Constant || B.Value < Best.Value)))
        Best = B;
    }
    return Best;
  }
  if (Name == "std::max") {
    // Bounded only when every argument is; a core count with a constant
    // floor keeps the floor.
    TripBound Result{TripBound::Constant, 0};
    for (const Expr *Arg : Call->arguments()) {
      TripBound B = boundOf(Arg, Ctx, Catalog, Depth + 1);
      if (B.K == TripBound::Unknown)
        return {};
      if (B.K == TripBound::HardwareConcurrency)
        Result.K = TripBound::HardwareConcurrency;
      Result.Value = std::max(Result.Value, B.Value);
    }
    return Result;
  }
  return {};
}

/// `for (T i = init; i OP limit; ...)` with the loop variable on one side.
TripBound counterLoop(const ForStmt *For, const ASTContext &Ctx,
                      const RuleCatalog *Catalog) {
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
    TripBound B = boundOf(Rhs, Ctx, Catalog);
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

TripBound initialBound(const Expr *Init, QualType T, const ASTContext &Ctx,
                       const RuleCatalog *Catalog, unsigned Depth);

/// How many elements a range expression has, when that is a constant: a
/// braced list, an array, std::array, a string literal view, a constant
/// `std::views::iota(a, b)`, or a local variable initialised with one of
/// those and never changed.
TripBound rangeOf(const Expr *Range, const ASTContext &Ctx,
                  const RuleCatalog *Catalog, unsigned Depth) {
  if (!Range || Depth > 3)
    return {};
  Range = Range->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Range))
    return rangeOf(Cast->getSubExpr(), Ctx, Catalog, Depth + 1);
  if (const auto *List = dyn_cast<InitListExpr>(Range))
    return {TripBound::Constant, List->getNumInits()};
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Range))
    return rangeOf(List->getSubExpr(), Ctx, Catalog, Depth + 1);
  if (const auto *Literal = dyn_cast<StringLiteral>(Range))
    return {TripBound::Constant, Literal->getLength()};
  // "aeiou"sv, std::string_view("aeiou")
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(Range))
    if (Literal->getNumArgs() > 0)
      return rangeOf(Literal->getArg(0), Ctx, Catalog, Depth + 1);
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
  if (TripBound Capped = cappedCollection(T, Catalog);
      Capped.K != TripBound::Unknown)
    return Capped;
  std::string Type = typeName(T);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Range)) {
    unsigned Given = 0; // arguments not left to their defaults
    for (const Expr *Arg : Construct->arguments())
      Given += !isa<CXXDefaultArgExpr>(Arg);
    // A container made empty (`std::vector<int>()`), and never changed
    // when it is a variable's initialiser.
    if (Given == 0 && Type != "std::basic_string_view" && Type != "std::span" &&
        Construct->getConstructor() &&
        Construct->getConstructor()->isDefaultConstructor() &&
        T->getAsCXXRecordDecl() && hasBeginMember(T->getAsCXXRecordDecl()))
      return {TripBound::Constant, 0};
    if (Given == 1 && Construct->getNumArgs() >= 1) {
      const Expr *Arg = Construct->getArg(0);
      if (Type == "std::basic_string_view" || Type == "std::span")
        return rangeOf(Arg, Ctx, Catalog, Depth + 1);
      // A container built from a braced list: `std::vector<int>{1, 2, 3}`.
      if (isa<CXXStdInitializerListExpr>(Arg->IgnoreImplicit()))
        return rangeOf(Arg, Ctx, Catalog, Depth + 1);
    }
  }
  // One element per shard.
  if (namesShards(Range, Catalog))
    return {TripBound::HardwareConcurrency, 0};
  // std::views::iota(a, b) (or a catalogued counting range such as
  // boost::irange) with constant ends, or up to a count the machine bounds.
  if (const auto *Call = dyn_cast<CallExpr>(Range)) {
    std::string Name = calledObjectName(Call);
    if (Name.empty())
      Name = calleeName(Call);
    unsigned First = isa<CXXOperatorCallExpr>(Call) &&
                             cast<CXXOperatorCallExpr>(Call)->getOperator() ==
                                 OO_Call
                         ? 1
                         : 0;
    bool Iota = Name == "std::ranges::views::iota" ||
                Name == "std::views::iota" ||
                entryOf(Call, Catalog, Section::ElementWork, "iota");
    if (Iota && Call->getNumArgs() == First + 2) {
      auto From = constantValue(Call->getArg(First), Ctx);
      auto To = constantValue(Call->getArg(First + 1), Ctx);
      if (From && To && *To >= *From)
        return {TripBound::Constant, std::uint64_t(*To - *From)};
      TripBound End = boundOf(Call->getArg(First + 1), Ctx, Catalog);
      if (End.K == TripBound::HardwareConcurrency)
        return End;
    }
    // A view that keeps or drops elements of its input (`r |
    // std::views::filter(p)`, `std::views::transform(r, f)`) has at most
    // as many as the input.
    if (Call->getNumArgs() > First &&
        entryOf(Call, Catalog, Section::ElementWork, "view"))
      return rangeOf(Call->getArg(First), Ctx, Catalog, Depth + 1);
    if (const auto *Pipe = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Pipe->getOperator() == OO_Pipe && Pipe->getNumArgs() == 2 &&
          entryOf(Pipe->getArg(1), Catalog, Section::ElementWork, "view"))
        return rangeOf(Pipe->getArg(0), Ctx, Catalog, Depth + 1);
  }
  if (const VarDecl *V = referencedVar(Range)) {
    if (const Expr *Init = unchangedInit(V, Catalog))
      return initialBound(Init, T, Ctx, Catalog, Depth);
    // `static const std::vector<std::string> kNames{"a", "b"};`
    if (V->isStaticLocal() && V->getType().isConstQualified() && V->getInit())
      return rangeOf(V->getInit(), Ctx, Catalog, Depth + 1);
  }
  // A data member nothing changes after its class's constructors: the
  // largest of the bounds they give it (support/MemberBounds.h).
  if (const auto *Member = dyn_cast<MemberExpr>(Range))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      if (auto Inits = unchangedMemberInits(Field, Ctx, Catalog)) {
        TripBound Most{TripBound::Constant, 0};
        for (const Expr *Init : *Inits) {
          TripBound B = initialBound(Init, T, Ctx, Catalog, Depth);
          if (B.K == TripBound::Unknown)
            return elementCountBound(T, Catalog);
          if (B.K == TripBound::HardwareConcurrency)
            Most.K = B.K;
          Most.Value = std::max(Most.Value, B.Value);
        }
        return Most;
      }
  return elementCountBound(T, Catalog);
}

/// The bound of a container of type T initialised with Init and never
/// changed since: a std::vector made with a count
/// (`std::vector<std::thread> pool(std::thread::hardware_concurrency());`),
/// else Init's own bound; a member left default-constructed (null Init)
/// is empty.
TripBound initialBound(const Expr *Init, QualType T, const ASTContext &Ctx,
                       const RuleCatalog *Catalog, unsigned Depth) {
  if (!Init)
    return T->getAsCXXRecordDecl() && hasBeginMember(T->getAsCXXRecordDecl())
               ? TripBound{TripBound::Constant, 0}
               : TripBound{};
  if (typeName(T) == "std::vector")
    if (const auto *Construct =
            dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
      if (Construct->getNumArgs() >= 1 &&
          Construct->getArg(0)->getType()->isIntegerType())
        return boundOf(Construct->getArg(0), Ctx, Catalog);
  return rangeOf(Init, Ctx, Catalog, Depth + 1);
}


TripBound rangeLoop(const CXXForRangeStmt *For, const ASTContext &Ctx,
                    const RuleCatalog *Catalog) {
  return rangeOf(For->getRangeInit(), Ctx, Catalog);
}

} // namespace

bool returnsConstant(const FunctionDecl *F, bool Expected,
                     const ASTContext &Ctx) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def))
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return false;
  bool Value = !Expected;
  return !Ret->getRetValue()->isValueDependent() &&
         Ret->getRetValue()->EvaluateAsBooleanCondition(Value, Ctx) &&
         Value == Expected;
}

/// Whether a loop condition is constant false: `do { ... } while (false)`,
/// the statement-like macro idiom (also `while ((void)0, false && x)`), or
/// a call to a function that only returns false (Boost.Test's assertion
/// macros end in `while (::boost::test_tools::tt_detail::dummy_cond())`).
bool constantFalse(const Expr *Cond, const ASTContext &Ctx) {
  if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent())
    return false;
  bool Value = true;
  if (Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return !Value;
  const auto *Call = dyn_cast<CallExpr>(Cond->IgnoreParenImpCasts());
  return Call && Call->getNumArgs() == 0 &&
         returnsConstant(Call->getDirectCallee(), false, Ctx);
}

static TripBound loopBound(const Stmt *Loop, const ASTContext &Ctx,
                           const RuleCatalog *Catalog);

TripBound rangeBound(const Expr *Range, const ASTContext &Ctx,
                     const RuleCatalog &Catalog) {
  return rangeOf(Range, Ctx, &Catalog);
}

TripBound tripBound(const Stmt *Loop, const ASTContext &Ctx,
                    const RuleCatalog &Catalog) {
  return loopBound(Loop, Ctx, &Catalog);
}

static TripBound loopBound(const Stmt *Loop, const ASTContext &Ctx,
                           const RuleCatalog *Catalog) {
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    if (constantFalse(Do->getCond(), Ctx))
      return {TripBound::Constant, 1};
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    if (constantFalse(While->getCond(), Ctx))
      return {TripBound::Constant, 0};
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    return counterLoop(For, Ctx, Catalog);
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return rangeLoop(Range, Ctx, Catalog);
  return {};
}

std::optional<CountedLoop> countedLoop(const Stmt *Loop) {
  const auto *For = dyn_cast_or_null<ForStmt>(Loop);
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      For && For->getCond() ? For->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || !Cond->isComparisonOp())
    return std::nullopt;
  if (const VarDecl *Counter = referencedVar(Cond->getLHS()))
    return CountedLoop{Counter, Cond->getRHS()->IgnoreParenImpCasts()};
  if (const VarDecl *Counter = referencedVar(Cond->getRHS()))
    return CountedLoop{Counter, Cond->getLHS()->IgnoreParenImpCasts()};
  return std::nullopt;
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
