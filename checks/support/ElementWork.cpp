#include "support/ElementWork.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopCost.h"
#include "support/QualifiedName.h"
#include "support/ValueOf.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

/// Whether a member name says its class holds elements: `begin`, the
/// language's range protocol ([stmt.ranged]), or a `size_queries` entry
/// of the embedded catalogs marked `container` (`size`: std::queue and
/// std::stack have no `begin`).
static bool namesContainerMember(llvm::StringRef Name) {
  if (Name == "begin")
    return true;
  static const std::shared_ptr<const RuleCatalog> Embedded = [] {
    std::vector<RuleError> Errors;
    return RuleCatalog::get({}, Errors);
  }();
  const RuleEntry *R =
      Embedded ? Embedded->lookup(Section::SizeQueries, Name) : nullptr;
  return R && R->attribute("container") == "true";
}

bool isContainerLike(const CXXRecordDecl *RD, unsigned Depth) {
  if (!RD || !RD->hasDefinition() || Depth > 4)
    return false;
  RD = RD->getDefinition();
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getDeclName().isIdentifier() && namesContainerMember(M->getName()))
      return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (isContainerLike(B.getType()->getAsCXXRecordDecl(), Depth + 1))
      return true;
  return false;
}

namespace {

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

/// The lambda an argument is, through temporaries and copies.
const LambdaExpr *lambdaArgument(const Expr *Arg) {
  // A copy, or std::function from a lambda: conversions too.
  return dyn_cast_or_null<LambdaExpr>(
      ignoreValuePreserving(Arg, {/*Moves=*/false, /*Conversions=*/true}));
}

llvm::SmallVector<const Expr *, 4> argumentsOf(const Expr *Call) {
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    for (unsigned I = 1; I < Op->getNumArgs(); ++I)
      Args.push_back(Op->getArg(I)); // arg 0 is the function object
  } else if (const auto *C = dyn_cast<CallExpr>(Call)) {
    for (const Expr *A : C->arguments())
      Args.push_back(A);
  }
  return Args;
}

/// A catalogued `element_work` entry of Kind for Call's callee or called
/// object.
const RuleEntry *entryFor(const Expr *Call, llvm::StringRef Kind,
                          const RuleCatalog &Catalog, std::string &Name) {
  Name = calledObjectName(Call);
  if (Name.empty())
    Name = calleeName(Call);
  const RuleEntry *R = Name.empty()
                           ? nullptr
                           : Catalog.lookup(Section::ElementWork, Name);
  if (!R)
    if (const FunctionDecl *F = calleeOf(Call))
      R = Catalog.lookup(Section::ElementWork, F);
  return R && R->Kind == Kind ? R : nullptr;
}

/// Whether some loop of Body calls parameter P (`f(x)` on every element).
class ParameterCallInLoop : public RecursiveASTVisitor<ParameterCallInLoop> {
public:
  explicit ParameterCallInLoop(const ParmVarDecl *P) : P(P) {}
  bool Found = false;
  unsigned LoopDepth = 0;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseStmt(Stmt *S) {
    if (!S || Found)
      return !Found;
    bool Loop = isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
                isa<CXXForRangeStmt>(S);
    LoopDepth += Loop;
    bool R = RecursiveASTVisitor::TraverseStmt(S);
    LoopDepth -= Loop;
    return R;
  }
  bool VisitCallExpr(CallExpr *C) {
    if (!LoopDepth)
      return true;
    const Expr *Callee = C->getCallee();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C))
      if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
        Callee = Op->getArg(0);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(Callee)))
      if (Ref->getDecl() == P)
        Found = true;
    return !Found;
  }

private:
  const ParmVarDecl *P;
};

bool callsParameterPerElement(const FunctionDecl *F, unsigned Index) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || Index >= Def->getNumParams())
    return false;
  ParameterCallInLoop V(Def->getParamDecl(Index));
  V.TraverseStmt(Def->getBody());
  return V.Found;
}

/// Whether an object of type T owns something its destructor frees: a
/// class with a non-trivial destructor, unless that destructor is empty
/// (defaulted, or `{}` as in a polymorphic base) and no base or member owns
/// anything (Boost.Test's lazy message builders hold references only).
bool ownsResources(QualType T, unsigned Depth = 0) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isLambda())
    return false;
  RD = RD->getDefinition();
  if (RD->hasTrivialDestructor())
    return false;
  if (Depth > 4)
    return true;
  const CXXDestructorDecl *D = RD->getDestructor();
  const FunctionDecl *Def = nullptr;
  if (!D || D->isDeleted())
    return true;
  if (D->isUserProvided()) {
    const auto *Body =
        D->hasBody(Def) ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
    if (!Body || !Body->body_empty())
      return true;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    if (ownsResources(B.getType(), Depth + 1))
      return true;
  for (const FieldDecl *F : RD->fields())
    if (ownsResources(F->getType(), Depth + 1))
      return true;
  return false;
}

/// Whether a constructor acquires nothing: its body is empty and it
/// default-constructs every base and member that owns resources (Boost.Test's
/// `assertion_result(bool)` leaves its message pointer empty).
bool acquiresNothing(const CXXConstructorDecl *Ctor) {
  const FunctionDecl *Def = nullptr;
  if (!Ctor || !Ctor->hasBody(Def))
    return false;
  const auto *D = dyn_cast<CXXConstructorDecl>(Def);
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!D || !Body || !Body->body_empty() || D->isDelegatingConstructor())
    return false;
  for (const CXXCtorInitializer *Init : D->inits()) {
    QualType T;
    if (const FieldDecl *F = Init->getAnyMember())
      T = F->getType();
    else if (const Type *Base = Init->getBaseClass())
      T = QualType(Base, 0);
    if (T.isNull() || !ownsResources(T))
      continue;
    const Expr *E = Init->getInit() ? Init->getInit()->IgnoreImplicit() : nullptr;
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E);
    if (!isa_and_nonnull<ImplicitValueInitExpr>(E) &&
        !(Construct && Construct->getNumArgs() == 0))
      return false;
  }
  return true;
}

/// Whether `L << R` writes into L: a non-const member operator, or a free
/// one taking L by non-const reference (`std::ostream &operator<<(std::ostream
/// &, T)`); not one that makes a new object from a const L.
bool writesLeftOperand(const CXXOperatorCallExpr *Op) {
  const FunctionDecl *F = Op->getDirectCallee();
  if (!F)
    return true; // unknown: assume a stream
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    return !M->isConst();
  if (F->getNumParams() == 0)
    return true;
  QualType P = F->getParamDecl(0)->getType();
  return !P->isReferenceType() ||
         !P->getPointeeType().isConstQualified();
}

} // namespace

/// Entries of kind `container` for RD or a base of it.
const RuleEntry *containerEntry(const CXXRecordDecl *RD,
                                const RuleCatalog &Catalog, unsigned Depth) {
  if (!RD || Depth > 4)
    return nullptr;
  if (const RuleEntry *R = Catalog.lookup(Section::ElementWork, RD))
    if (R->Kind == "container")
      return R;
  if (!RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
    if (const RuleEntry *R =
            containerEntry(B.getType()->getAsCXXRecordDecl(), Catalog, Depth + 1))
      return R;
  return nullptr;
}

QualType containerElementType(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || !isContainerLike(Spec) || Spec->getTemplateArgs().size() == 0)
    return {};
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  return Arg.getKind() == TemplateArgument::Type ? Arg.getAsType() : QualType();
}

bool cheapInsertion(QualType Container, const RuleCatalog &Catalog) {
  QualType T = Container.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  const RuleEntry *R = containerEntry(T->getAsCXXRecordDecl(), Catalog);
  if (!R || R->attribute("grows_in_blocks") != "true")
    return false;
  QualType Element = containerElementType(T);
  return !Element.isNull() && Element->isScalarType();
}

std::optional<ElementCall> elementCall(const Expr *Call,
                                       const RuleCatalog &Catalog,
                                       const NameList &Ignored) {
  Call = strip(Call);
  if (!isa_and_nonnull<CallExpr>(Call) || Call->isTypeDependent())
    return std::nullopt;
  ElementCall Out;
  Out.Call = Call;
  llvm::SmallVector<const Expr *, 4> Args = argumentsOf(Call);
  const LambdaExpr *Lambda = nullptr;
  unsigned LambdaIndex = 0;
  for (unsigned I = 0; I < Args.size(); ++I)
    if (const LambdaExpr *L = lambdaArgument(Args[I])) {
      Lambda = L;
      LambdaIndex = I;
    }
  if (entryFor(Call, "algorithm", Catalog, Out.Name)) {
    if (!Args.empty())
      Out.Range = Args.front();
  } else {
    // A user function that calls its callable parameter on every element.
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Lambda || !Callee || !isUserHelper(Callee, Catalog, Ignored))
      return std::nullopt;
    unsigned Index = LambdaIndex;
    if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee))
      return std::nullopt;
    if (!callsParameterPerElement(Callee, Index))
      return std::nullopt;
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
      Out.Range = M->getImplicitObjectArgument();
    else if (!Args.empty() && LambdaIndex > 0)
      Out.Range = Args.front();
  }
  if (Lambda)
    Out.Callable = Lambda->getCallOperator();
  std::string Ignore;
  for (const Expr *Arg : Args)
    if (entryFor(strip(Arg), "inserter", Catalog, Ignore)) {
      // `std::back_inserter(ptrs)` into a vector of pointers allocates
      // nothing per element.
      const auto *Make = dyn_cast<CallExpr>(strip(Arg));
      if (Make && Make->getNumArgs() > 0 &&
          cheapInsertion(Make->getArg(0)->getType(), Catalog))
        continue;
      Out.Inserter = Arg;
    }
  return Out;
}

std::optional<BuildSite> BuildFinder::classify(const Stmt *S) const {
  if (!S)
    return std::nullopt;
  if (const auto *E = dyn_cast<Expr>(S))
    if (E->isTypeDependent() || E->isValueDependent())
      return std::nullopt;
  if (const auto *New = dyn_cast<CXXNewExpr>(S))
    return BuildSite{BuildSite::Allocates, S,
                     New->getAllocatedType().getAsString()};
  const CXXMethodDecl *Method = nullptr;
  const Expr *Object = nullptr;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(S)) {
    Method = M->getMethodDecl();
    Object = M->getImplicitObjectArgument();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2 &&
        Op->getArg(0)->getType()->isRecordType() && writesLeftOperand(Op))
      return BuildSite{BuildSite::Streams, S,
                       typeName(Op->getArg(0)->getType())};
    Method = dyn_cast_or_null<CXXMethodDecl>(Op->getCalleeDecl());
    if (Method && Op->getNumArgs() > 0)
      Object = Op->getArg(0);
  }
  if (Method && Object && !Method->isConst()) {
    QualType T = Object->getType();
    if (const auto *P = T->getAs<PointerType>())
      T = P->getPointeeType();
    if (const RuleEntry *R =
            containerEntry(T->getAsCXXRecordDecl(), Catalog))
      if (R->lists("inserts", Method->getNameAsString()) &&
          !cheapInsertion(T, Catalog))
        return BuildSite{BuildSite::Inserts, S,
                         Method->getNameAsString()};
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    if (!Ctor || C->isElidable() || Ctor->isMoveConstructor() ||
        C->getNumArgs() == 0)
      return std::nullopt;
    const CXXRecordDecl *RD = Ctor->getParent();
    bool Counts = Ctor->isCopyConstructor()
                      ? isContainerLike(RD, 0)
                      : ownsResources(C->getType());
    if (Counts && !RD->isLambda() && !acquiresNothing(Ctor))
      return BuildSite{BuildSite::Constructs, S, qualifiedName(RD)};
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (!Call->isPRValue() || !ownsResources(Call->getType()))
      return std::nullopt;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
      if (Op->getOperator() == OO_Call)
        return std::nullopt; // a function object: followed as a helper
    const FunctionDecl *Callee = calleeOf(Call);
    if (Callee && isUserHelper(Callee, Catalog, Ignored))
      return std::nullopt; // its body says what it builds
    std::string Name = calleeName(Call);
    if (!Name.empty() && Ignored.matches(Name))
      return std::nullopt;
    return BuildSite{BuildSite::Produces, S, Name};
  }
  return std::nullopt;
}

class BuildVisitor : public EvaluatedCodeVisitor<BuildVisitor> {
public:
  BuildVisitor(BuildFinder &B, const FunctionDecl *Fn, unsigned Depth)
      : B(B), Fn(Fn), Depth(Depth) {}
  std::vector<BuildStep> Chain;

  bool TraverseConstantExpr(ConstantExpr *) { return true; }
  bool VisitStmt(Stmt *S) {
    if (!Chain.empty())
      return false;
    if (std::optional<BuildSite> Site = B.classify(S)) {
      BuildStep Step;
      Step.Where = S;
      Step.Caller = Fn;
      Step.Site = Site;
      Chain.push_back(Step);
      return false;
    }
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || Call->isTypeDependent())
      return true;
    if (std::optional<ElementCall> EC =
            elementCall(Call, B.Catalog, B.Ignored)) {
      if (EC->Inserter) {
        BuildStep Step;
        Step.Where = EC->Inserter;
        Step.Caller = Fn;
        Step.Site = BuildSite{BuildSite::Inserts, EC->Inserter,
                              calleeName(strip(EC->Inserter))};
        Chain.push_back(Step);
        return false;
      }
      if (EC->Callable && EC->Callable->getBody()) {
        Chain = B.findIn(EC->Callable->getBody(), Fn, Depth);
        if (!Chain.empty())
          return false;
      }
    }
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee || Depth >= B.HelperDepth)
      return true;
    if (const std::vector<BuildStep> *Sub = B.summary(Callee, Depth + 1)) {
      BuildStep Hop;
      Hop.Where = S;
      Hop.Caller = Fn;
      const FunctionDecl *Def = nullptr;
      Callee->hasBody(Def);
      Hop.Callee = Def ? Def : Callee;
      Chain.push_back(Hop);
      Chain.insert(Chain.end(), Sub->begin(), Sub->end());
      return false;
    }
    return true;
  }

private:
  BuildFinder &B;
  const FunctionDecl *Fn;
  unsigned Depth;
};

std::vector<BuildStep> BuildFinder::findIn(const Stmt *S, const FunctionDecl *Fn,
                                           unsigned Depth) {
  if (!S)
    return {};
  BuildVisitor V(*this, Fn, Depth);
  V.TraverseStmt(const_cast<Stmt *>(S));
  return std::move(V.Chain);
}

const std::vector<BuildStep> *BuildFinder::summary(const FunctionDecl *F,
                                                   unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !isUserHelper(Def, Catalog, Ignored))
    return nullptr;
  auto It = Summaries.find(Def);
  if (It != Summaries.end())
    return It->second.Computing || It->second.Chain.empty()
               ? nullptr
               : &It->second.Chain;
  Summaries[Def].Computing = true;
  std::vector<BuildStep> Chain = findIn(Def->getBody(), Def, Depth);
  Summary &S = Summaries[Def];
  S.Computing = false;
  S.Chain = std::move(Chain);
  return S.Chain.empty() ? nullptr : &S.Chain;
}

std::vector<BuildStep> BuildFinder::find(const Stmt *S) {
  return findIn(S, nullptr, 0);
}

bool isConstantTime(const FunctionDecl *F, const RuleCatalog &Catalog) {
  auto ConstantTime = [](const RuleEntry &E) {
    return E.Kind == "constant_time";
  };
  if (const RuleEntry *R = Catalog.lookup(Section::ElementWork, F))
    return ConstantTime(*R);
  return Catalog.lookupPattern(Section::ElementWork, qualifiedName(F),
                               ConstantTime) != nullptr;
}

} // namespace corolint
