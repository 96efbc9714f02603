#include "support/FixIts.h"
#include "support/LockTypes.h"
#include "support/LoopBounds.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <numeric>

using namespace clang;

namespace corolint {

const RuleEntry *coroutineIdioms(const FunctionDecl &F,
                                 const RuleCatalog &Catalog) {
  return typeIdioms(F.getReturnType(), Catalog);
}

const RuleEntry *typeIdioms(QualType T, const RuleCatalog &Catalog) {
  std::string Type = typeName(T);
  if (Type.empty())
    return nullptr;
  if (const RuleEntry *E = Catalog.lookup(Section::Idioms, Type))
    return E;
  const RuleEntry *Awaitable = Catalog.awaitableType(Type);
  if (!Awaitable)
    return nullptr;
  for (const auto &Entry : Catalog.entries(Section::Idioms))
    if (Entry.getValue().Library == Awaitable->Library)
      return &Entry.getValue();
  return nullptr;
}

std::optional<std::string> renderTemplate(llvm::StringRef Template,
                                          const TemplateValues &V) {
  std::string Out;
  while (!Template.empty()) {
    char C = Template.front();
    if ((C == '{' || C == '}') && Template.size() > 1 && Template[1] == C) {
      Out += C;
      Template = Template.drop_front(2);
      continue;
    }
    if (C == '}')
      return std::nullopt;
    if (C != '{') {
      Out += C;
      Template = Template.drop_front();
      continue;
    }
    std::size_t Close = Template.find('}');
    if (Close == llvm::StringRef::npos)
      return std::nullopt;
    llvm::StringRef Placeholder = Template.slice(1, Close);
    Template = Template.drop_front(Close + 1);
    auto [Name, Separator] = Placeholder.split('|');
    if (Placeholder.contains('|')) {
      auto It = V.Lists.find(Name);
      if (It == V.Lists.end() || It->second.empty())
        return std::nullopt;
      for (std::size_t I = 0; I < It->second.size(); ++I)
        Out += (I ? Separator.str() : std::string()) + It->second[I];
      continue;
    }
    auto It = V.Values.find(Name);
    if (It == V.Values.end())
      return std::nullopt;
    Out += It->second;
  }
  return Out;
}

namespace {

/// Walks a body in source order up to Target: the variables whose scope
/// contains it, and the calls before it.
class ScopeWalker {
public:
  ScopeWalker(const Stmt *Target, const ASTContext &Ctx)
      : Target(Target), SM(Ctx.getSourceManager()) {}

  std::vector<const VarDecl *> Visible;
  std::vector<const CallExpr *> CallsBefore;

  void walk(const Stmt *S, const Stmt *Scope) {
    if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
      return;
    if (S->getBeginLoc() != Target->getBeginLoc() &&
        !SM.isBeforeInTranslationUnit(S->getBeginLoc(), Target->getBeginLoc()))
      return; // after the target
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      if (contains(Scope, Target))
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            Visible.push_back(V);
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && Call != Target)
      CallsBefore.push_back(Call);
    bool NewScope = isa<CompoundStmt>(S) || isa<ForStmt>(S) ||
                    isa<CXXForRangeStmt>(S) || isa<IfStmt>(S) ||
                    isa<WhileStmt>(S) || isa<SwitchStmt>(S);
    for (const Stmt *Child : S->children())
      walk(Child, NewScope ? S : Scope);
  }

private:
  bool contains(const Stmt *Scope, const Stmt *S) const {
    if (!Scope)
      return true;
    SourceRange R = Scope->getSourceRange();
    return !SM.isBeforeInTranslationUnit(S->getBeginLoc(), R.getBegin()) &&
           !SM.isBeforeInTranslationUnit(R.getEnd(), S->getBeginLoc());
  }

  const Stmt *Target;
  const SourceManager &SM;
};

bool isGuard(QualType T, LockTypes &Types) {
  LockType K = Types.classify(T);
  return K == LockType::Guard || K == LockType::OptionalGuard;
}

/// T without references; for pointers and std smart pointers, what they
/// point to. Sets Pointer when T was one.
QualType pointee(QualType T, bool &Pointer) {
  T = T.getNonReferenceType();
  Pointer = false;
  if (T->isPointerType()) {
    Pointer = true;
    return T->getPointeeType();
  }
  std::string Name = typeName(T);
  if (Name == "std::shared_ptr" || Name == "std::unique_ptr")
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            T.getCanonicalType()->getAsCXXRecordDecl()))
      if (Spec->getTemplateArgs().size() >= 1 &&
          Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
        Pointer = true;
        return Spec->getTemplateArgs()[0].getAsType();
      }
  return T;
}

} // namespace

bool syncLockMayBeHeld(const Stmt *S, const FunctionDecl &F, const Stmt *Root,
                       LockTypes &Types, const ASTContext &Ctx) {
  if (!S || !Root)
    return false;
  for (const ParmVarDecl *P : F.parameters())
    if (isGuard(P->getType(), Types))
      return true;
  ScopeWalker Walker(S, Ctx);
  Walker.walk(Root, nullptr);
  for (const VarDecl *V : Walker.Visible)
    if (isGuard(V->getType(), Types))
      return true;
  for (const CallExpr *Call : Walker.CallsBefore) {
    if (!Types.callEffect(Call).Locks.empty())
      return true;
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
      if (const CXXMethodDecl *Method = M->getMethodDecl())
        if (const Expr *Obj = M->getImplicitObjectArgument())
          if (Types.isLockMethod(Method, Obj->getType()))
            return true;
  }
  return false;
}

/// The variable or field a call's object expression names (`tp` in
/// `tp->schedule()` through a smart pointer's operator->).
static const ValueDecl *objectOf(const CXXMemberCallExpr *Call) {
  const Expr *Obj = Call->getImplicitObjectArgument();
  if (!Obj)
    return nullptr;
  Obj = Obj->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Obj))
    if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() >= 1)
      Obj = Op->getArg(0);
  return lockObject(Obj);
}

std::optional<std::string> objectInScope(const Stmt *S, const FunctionDecl &F,
                                         const Stmt *Root,
                                         llvm::StringRef TypeNames,
                                         llvm::StringRef HopMethods,
                                         const ASTContext &Ctx) {
  if (!S || !Root || TypeNames.empty())
    return std::nullopt;
  std::vector<const ValueDecl *> Candidates;
  for (const ParmVarDecl *P : F.parameters())
    Candidates.push_back(P);
  ScopeWalker Walker(S, Ctx);
  Walker.walk(Root, nullptr);
  Candidates.insert(Candidates.end(), Walker.Visible.begin(),
                    Walker.Visible.end());
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F))
    if (M->isInstance() && !M->getParent()->isLambda())
      for (const FieldDecl *Field : M->getParent()->fields())
        Candidates.push_back(Field);
  // With hop methods, the object the coroutine last hopped onto
  // (`co_await tp->schedule()`): it provably runs there.
  const ValueDecl *LastHop = nullptr;
  if (!HopMethods.empty())
    for (const CallExpr *Call : Walker.CallsBefore)
      if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
        if (const CXXMethodDecl *Method = M->getMethodDecl())
          if (listNames(HopMethods, Method->getName()))
            LastHop = objectOf(M);
  const ValueDecl *Found = nullptr;
  bool Pointer = false;
  for (const ValueDecl *V : Candidates) {
    bool IsPointer = false;
    QualType T = pointee(V->getType(), IsPointer);
    if (V->getName().empty() || !listNames(TypeNames, typeName(T)) ||
        (!HopMethods.empty() && V != LastHop))
      continue;
    if (Found)
      return std::nullopt; // two candidates: which one runs us is unknown
    Found = V;
    Pointer = IsPointer;
  }
  if (!Found)
    return std::nullopt;
  return Found->getName().str() + (Pointer ? "->" : ".");
}

std::optional<std::string> renderIdiom(const RuleEntry &Idioms,
                                       llvm::StringRef Key, TemplateValues V,
                                       const Stmt *At, const FunctionDecl &F,
                                       const Stmt *Root, const ASTContext &Ctx) {
  llvm::StringRef Template = Idioms.attribute(Key);
  if (Template.empty())
    return std::nullopt;
  if (Template.contains("{object->}")) {
    std::optional<std::string> Object = objectInScope(
        At, F, Root, Idioms.attribute((Key + "_objects").str()),
        Idioms.attribute("object_hop"), Ctx);
    if (!Object)
      return std::nullopt;
    V.Values["object->"] = *Object;
  }
  return renderTemplate(Template, V);
}

std::string idiomHeaders(const RuleEntry &Idioms, llvm::StringRef Key) {
  std::string Headers = Idioms.attribute("include").str();
  llvm::StringRef Own = Idioms.attribute((Key + "_include").str());
  if (!Own.empty())
    Headers += (Headers.empty() ? "" : ";") + Own.str();
  return Headers;
}

namespace {
/// Using-directives for one namespace written before a location.
class UsingDirectiveFinder : public RecursiveASTVisitor<UsingDirectiveFinder> {
public:
  UsingDirectiveFinder(llvm::StringRef Namespace, SourceLocation Before,
                       const SourceManager &SM)
      : Namespace(Namespace), Before(Before), SM(SM) {}
  bool TraverseCompoundStmt(CompoundStmt *S) {
    Blocks.push_back(S);
    bool Continue = RecursiveASTVisitor::TraverseCompoundStmt(S);
    Blocks.pop_back();
    return Continue;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  // In a block: in force only in the blocks around Before.
  bool VisitUsingDirectiveDecl(UsingDirectiveDecl *U) {
    bool Encloses = !Blocks.empty() &&
                    !SM.isBeforeInTranslationUnit(Before,
                                                  Blocks.back()->getBeginLoc()) &&
                    SM.isBeforeInTranslationUnit(Before,
                                                 Blocks.back()->getEndLoc());
    Found = Found || (Encloses && matches(U));
    return !Found;
  }
  bool matches(const UsingDirectiveDecl *U) const {
    const NamespaceDecl *N = U->getNominatedNamespace();
    return N && qualifiedName(N) == Namespace &&
           SM.isBeforeInTranslationUnit(U->getBeginLoc(), Before);
  }
  bool Found = false;

private:
  std::vector<const CompoundStmt *> Blocks;
  llvm::StringRef Namespace;
  SourceLocation Before;
  const SourceManager &SM;
};
} // namespace

std::optional<std::string> usingDirectiveLine(const RuleEntry &Idioms,
                                              const Stmt *At,
                                              const FunctionDecl &F,
                                              const ASTContext &Ctx) {
  llvm::StringRef Using = Idioms.attribute("using").trim();
  llvm::StringRef Namespace = Using;
  if (!At || !Namespace.consume_front("using namespace "))
    return std::nullopt;
  Namespace = Namespace.trim().rtrim(';').trim();
  const SourceManager &SM = Ctx.getSourceManager();
  UsingDirectiveFinder Finder(Namespace, At->getBeginLoc(), SM);
  for (const DeclContext *DC = F.getDeclContext(); DC && !Finder.Found;
       DC = DC->getParent())
    for (const Decl *D : DC->decls())
      if (const auto *U = dyn_cast<UsingDirectiveDecl>(D))
        Finder.Found = Finder.Found || Finder.matches(U);
  if (!Finder.Found)
    Finder.TraverseStmt(F.getBody());
  if (Finder.Found)
    return std::nullopt;
  std::string Line = Using.str();
  if (Line.back() != ';')
    Line += ";";
  return Line + "\n" + indentOf(At->getBeginLoc(), SM);
}

static std::uint64_t gcd64(std::uint64_t A, std::uint64_t B) {
  while (B) {
    std::uint64_t T = A % B;
    A = B;
    B = T;
  }
  return A;
}

static Period normalized(Period P) {
  std::uint64_t G = gcd64(P.Num, P.Den);
  return G ? Period{P.Num / G, P.Den / G} : P;
}

std::optional<Period> parsePeriod(llvm::StringRef Text) {
  auto [N, D] = Text.trim().split('/');
  std::uint64_t Num = 0, Den = 1;
  if (N.trim().getAsInteger(10, Num) ||
      (!D.empty() && D.trim().getAsInteger(10, Den)) || Num == 0 || Den == 0)
    return std::nullopt;
  return normalized({Num, Den});
}

static const ClassTemplateSpecializationDecl *
specializationOf(QualType T, llvm::StringRef Name) {
  if (T.isNull())
    return nullptr;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || qualifiedName(Spec) != Name)
    return nullptr;
  return Spec;
}

static std::optional<Period> ratioPeriod(QualType T) {
  const auto *Ratio = specializationOf(T, "std::ratio");
  if (!Ratio || Ratio->getTemplateArgs().size() != 2)
    return std::nullopt;
  const TemplateArgumentList &Args = Ratio->getTemplateArgs();
  if (Args[0].getKind() != TemplateArgument::Integral ||
      Args[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  llvm::APSInt N = Args[0].getAsIntegral(), D = Args[1].getAsIntegral();
  if (N.isNegative() || D.isNegative() || N.isZero() || D.isZero() ||
      N.getActiveBits() > 63 || D.getActiveBits() > 63)
    return std::nullopt;
  return normalized({N.getZExtValue(), D.getZExtValue()});
}

std::optional<Period> integralDurationPeriod(QualType T) {
  const auto *Duration = specializationOf(T, "std::chrono::duration");
  if (!Duration || Duration->getTemplateArgs().size() != 2)
    return std::nullopt;
  const TemplateArgumentList &Args = Duration->getTemplateArgs();
  if (Args[0].getKind() != TemplateArgument::Type ||
      Args[1].getKind() != TemplateArgument::Type ||
      !Args[0].getAsType().getCanonicalType()->isIntegerType())
    return std::nullopt;
  return ratioPeriod(Args[1].getAsType());
}

std::optional<Period> standardDurationPeriod(llvm::StringRef Name) {
  static const std::pair<llvm::StringRef, Period> Known[] = {
      {"std::chrono::nanoseconds", {1, 1000000000}},
      {"std::chrono::microseconds", {1, 1000000}},
      {"std::chrono::milliseconds", {1, 1000}},
      {"std::chrono::seconds", {1, 1}},
      {"std::chrono::minutes", {60, 1}},
      {"std::chrono::hours", {3600, 1}},
  };
  for (const auto &[KnownName, P] : Known)
    if (Name == KnownName)
      return P;
  return std::nullopt;
}

bool convertsExactly(Period From, Period To) {
  // From / To = (From.Num * To.Den) / (From.Den * To.Num) must be whole.
  unsigned __int128 A = static_cast<unsigned __int128>(From.Num) * To.Den;
  unsigned __int128 B = static_cast<unsigned __int128>(From.Den) * To.Num;
  return B != 0 && A % B == 0;
}

std::optional<std::pair<std::string, Period>> timePointOf(QualType T) {
  const auto *TimePoint = specializationOf(T, "std::chrono::time_point");
  if (!TimePoint || TimePoint->getTemplateArgs().size() != 2)
    return std::nullopt;
  const TemplateArgumentList &Args = TimePoint->getTemplateArgs();
  if (Args[0].getKind() != TemplateArgument::Type ||
      Args[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  std::optional<Period> P = integralDurationPeriod(Args[1].getAsType());
  std::string Clock = typeName(Args[0].getAsType());
  if (!P || Clock.empty())
    return std::nullopt;
  return std::make_pair(Clock, *P);
}

} // namespace corolint
