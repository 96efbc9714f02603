#include "support/LoopBounds.h"
#include "support/ElementWork.h"
#include "support/MachineBounds.h"
#include "support/MemberBounds.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
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

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                        : nullptr))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// The variable or data member E names (`v`, `this->range`, `f.range`).
const ValueDecl *referencedObject(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

bool refersTo(const Expr *E, const ValueDecl *V) {
  return E && referencedObject(E) == V;
}

/// Whether anything in a function body may change V (a variable or a data
/// member) after its initialisation: an assignment, ++/--, taking its
/// address or a non-const reference to it (an argument, a reference
/// variable), or (for a container) a member call that may resize it.
/// `std::move(v)` alone is not a change: a moved-from container is left
/// with no more elements than it had.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  WriteFinder(const ValueDecl *V, const RuleCatalog *Catalog)
      : V(V), Catalog(Catalog) {}
  bool Written = false;

  bool VisitVarDecl(VarDecl *D) {
    // `auto &r = v;` (not the hidden range variable of a range-for)
    QualType T = D->getType();
    if (!D->isImplicit() && T->isReferenceType() &&
        !T->getPointeeType().isConstQualified() && refersTo(D->getInit(), V))
      Written = true;
    return !Written;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *M) {
    // A template naming a member of that name through a dependent object
    // may write it: its instantiations are not read.
    if (isa<FieldDecl>(V) && M->getMember().getAsString() == V->getName())
      Written = true;
    return !Written;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    if (!Ctor || spawnIterates(Ctor))
      return true;
    for (unsigned I = 0; I < C->getNumArgs() && I < Ctor->getNumParams(); ++I) {
      QualType T = Ctor->getParamDecl(I)->getType();
      if (refersTo(C->getArg(I), V) && T->isReferenceType() &&
          !T->getPointeeType().isConstQualified())
        Written = true;
    }
    return !Written;
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp() && refersTo(B->getLHS(), V))
      Written = true;
    return !Written;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if ((U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
        refersTo(U->getSubExpr(), V))
      Written = true;
    return !Written;
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *F = C->getDirectCallee();
    unsigned First = 0;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C)) {
      if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F)) {
        if (C->getNumArgs() > 0 && refersTo(C->getArg(0), V) &&
            !M->isConst() && !isReadOnlyMember(M))
          Written = true;
        First = 1;
      } else if (Op->isAssignmentOp() && C->getNumArgs() > 0 &&
                 refersTo(C->getArg(0), V)) {
        Written = true;
      }
    }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(C)) {
      const CXXMethodDecl *Method = M->getMethodDecl();
      if (Method && !Method->isConst() &&
          refersTo(M->getImplicitObjectArgument(), V) &&
          !isReadOnlyMember(Method))
        Written = true;
    }
    if (F && spawnIterates(F))
      return true;
    if (F && F->getIdentifier() && F->isInStdNamespace() &&
        (F->getName() == "move" || F->getName() == "forward"))
      return true; // moving out leaves no more elements
    if (!F) { // unknown callee: any argument naming V may be written
      for (const Expr *Arg : C->arguments())
        if (refersTo(Arg, V))
          Written = true;
      return !Written;
    }
    for (unsigned I = First; I < C->getNumArgs(); ++I) {
      unsigned P = I - First;
      if (P >= F->getNumParams() || !refersTo(C->getArg(I), V))
        continue;
      QualType T = F->getParamDecl(P)->getType();
      if (T->isReferenceType() && !T->getPointeeType().isConstQualified())
        Written = true;
    }
    return !Written;
  }

private:
  /// A fan-out combinator (a `spawn` entry with `per_element`:
  /// seastar::parallel_for_each, map_reduce) iterates its range; taking it
  /// by forwarding reference does not resize it.
  bool spawnIterates(const FunctionDecl *F) const {
    if (!Catalog)
      return false;
    const RuleEntry *R = Catalog->lookup(Section::Spawn, F);
    return R && !R->attribute("per_element").empty();
  }
  /// A member that reaches the elements or asks the size without adding
  /// or removing any, const or not (the `accessors` section, by its bare
  /// name), unless
  /// the container's own entry lists it as an insertion (a map's
  /// `operator[]`).
  bool isReadOnlyMember(const CXXMethodDecl *M) const {
    if (!Catalog)
      return false;
    std::string Name = M->getNameAsString();
    if (!Catalog->lookup(Section::Accessors, Name))
      return false;
    const RuleEntry *Container = containerEntry(M->getParent(), *Catalog);
    return !Container || !Container->lists("inserts", Name);
  }
  const ValueDecl *V;
  const RuleCatalog *Catalog;
};

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

/// V's initialiser when V is a local variable (not a parameter, not a
/// reference) that nothing in its function writes after initialising it.
const Expr *unchangedInit(const VarDecl *V,
                          const RuleCatalog *Catalog = nullptr) {
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->getType()->isReferenceType() || !V->getInit())
    return nullptr;
  if (V->getType().isConstQualified())
    return V->getInit();
  const auto *F =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!F || !F->getBody())
    return nullptr;
  WriteFinder Finder(V, Catalog);
  Finder.TraverseStmt(F->getBody());
  return Finder.Written ? nullptr : V->getInit();
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

/// The collection whose size E asks for: `v.size()`, `std::size(v)`
/// (members and functions of the catalogs' `size_queries`), or null.
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

const Expr *limitSource(const Expr *Limit) {
  for (unsigned Depth = 0; Limit && Depth < 4; ++Depth) {
    Limit = Limit->IgnoreParenImpCasts();
    const Expr *Init = unchangedInit(referencedVar(Limit));
    if (!Init)
      break;
    Limit = Init;
  }
  return Limit ? Limit->IgnoreParenImpCasts() : nullptr;
}

bool mayChangeIn(const Decl *Scope, const ValueDecl *Object,
                 const RuleCatalog *Catalog) {
  if (!Scope || !Object)
    return false;
  WriteFinder Finder(Object, Catalog);
  Finder.TraverseDecl(const_cast<Decl *>(Scope));
  return Finder.Written;
}

const Expr *rangeSource(const Expr *Range, const RuleCatalog &Catalog) {
  for (unsigned Depth = 0; Range && Depth < 4; ++Depth) {
    Range = Range->IgnoreParenImpCasts();
    const Expr *Init = unchangedInit(referencedVar(Range), &Catalog);
    if (!Init)
      break;
    Range = Init;
  }
  return Range ? Range->IgnoreParenImpCasts() : nullptr;
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
