#include "support/SpawnSites.h"
#include "support/QualifiedName.h"
#include "support/SourceText.h"
#include "support/ValueOf.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {
namespace {

bool hasAttribute(const RuleEntry *R, llvm::StringRef Key,
                  llvm::StringRef Value) {
  return R && R->attribute(Key) == Value;
}

/// Whether T, or a type argument of T (a token adapter such as
/// `as_tuple_t<use_awaitable_t<>>`), is one of the `;`-separated names.
bool typeIsOneOf(QualType T, llvm::StringRef Names, unsigned Depth = 0) {
  if (T.isNull() || Depth > 3)
    return false;
  T = T.getNonReferenceType().getUnqualifiedType();
  std::string Name = typeName(T);
  if (!Name.empty() && listNames(Names, Name))
    return true;
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          typeIsOneOf(Arg.getAsType(), Names, Depth + 1))
        return true;
  return false;
}

/// The rule-relevant arguments of a call (without the object of a member
/// operator call).
llvm::ArrayRef<const Expr *> callArgs(const CallExpr *C) {
  llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C))
    if (Op->getOperator() == OO_Call && !Args.empty())
      return Args.drop_front();
  return Args;
}

/// Whether the entry's conditions leave this call a spawn: no lazy
/// completion token, no `unless_argument` enumerator.
bool startsWork(const CallExpr *C, const RuleEntry &R) {
  llvm::ArrayRef<const Expr *> Args = callArgs(C);
  // The token is usually last, but asio 1.22 puts a defaulted constraint
  // parameter after it; no other argument has a token's type.
  llvm::StringRef Lazy = R.attribute("lazy_tokens");
  if (!Lazy.empty())
    for (const Expr *Arg : Args)
      if (typeIsOneOf(Arg->getType(), Lazy))
        return false;
  llvm::StringRef Unless = R.attribute("unless_argument");
  if (!Unless.empty())
    for (const Expr *Arg : Args)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
        if (isa<EnumConstantDecl>(Ref->getDecl()) &&
            listNames(Unless, qualifiedName(Ref->getDecl())))
          return false;
  return true;
}

/// The variable a function-object call goes through (`stdexec::start_detached`).
const VarDecl *functionObject(const CallExpr *C) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// The object a member call is made on, also in templates (a dependent
/// call's callee is a MemberExpr or an unresolved member). OnThis: the
/// object is `this`, written or implicit.
const Expr *memberObject(const CallExpr *C, bool &OnThis) {
  OnThis = false;
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C)) {
    Object = Member->getImplicitObjectArgument();
  } else {
    const Expr *Callee = C->getCallee()->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MemberExpr>(Callee))
      Object = M->getBase();
    else if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee))
      OnThis = U->isImplicitAccess(), Object = OnThis ? nullptr : U->getBase();
    else if (const auto *D = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
      OnThis = D->isImplicitAccess(), Object = OnThis ? nullptr : D->getBase();
  }
  if (Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    OnThis = true;
  return Object;
}

/// The spawn entry of a thread-like class: its constructors are listed
/// ("std::thread::thread").
const RuleEntry *threadTypeRule(const CXXRecordDecl *R,
                                const RuleCatalog &Catalog) {
  if (!R || !R->getIdentifier())
    return nullptr;
  return Catalog.lookup(Section::Spawn,
                        qualifiedName(R) + "::" + R->getName().str());
}

/// A spawn site of form How at E under Rule, reported at Loc.
SpawnSite siteAt(SpawnSite::Form How, const Expr *E, const RuleEntry *Rule,
                 std::string Name, SourceLocation Loc) {
  SpawnSite S;
  S.How = How;
  S.E = E;
  S.Rule = Rule;
  S.Name = std::move(Name);
  S.IsThread = Rule->Kind == "thread";
  S.Loc = Loc;
  return S;
}

std::optional<SpawnSite> emplaceSpawn(const CXXMemberCallExpr *C,
                                      const RuleCatalog &Catalog) {
  const CXXMethodDecl *M = C->getMethodDecl();
  if (!M || !M->getIdentifier() || !M->getName().starts_with("emplace") ||
      C->getNumArgs() == 0)
    return std::nullopt;
  const auto *Container = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      M->getParent());
  if (!Container || Container->getTemplateArgs().size() == 0 ||
      Container->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  QualType Element = Container->getTemplateArgs()[0].getAsType();
  const CXXRecordDecl *R = Element->getAsCXXRecordDecl();
  const RuleEntry *Rule = threadTypeRule(R, Catalog);
  if (!Rule)
    return std::nullopt;
  // emplace_back(std::move(t)) moves an existing thread; emplace(pos, f)
  // takes an iterator first.
  unsigned First = M->getName() == "emplace" || M->getName() == "emplace_hint";
  if (C->getNumArgs() <= First)
    return std::nullopt;
  if (C->getNumArgs() == First + 1) {
    QualType Arg = C->getArg(First)->getType().getNonReferenceType();
    if (Arg->getAsCXXRecordDecl() == R)
      return std::nullopt;
  }
  SpawnSite S = siteAt(SpawnSite::Emplace, C, Rule, qualifiedName(R),
                       callLocation(C, OperatorAt::FirstOperand));
  S.Object = C->getImplicitObjectArgument();
  return S;
}

/// The spawn of building an object of Class at E under Rule.
SpawnSite constructionSite(const Expr *E, const RuleEntry *Rule,
                           const CXXRecordDecl *Class) {
  return siteAt(SpawnSite::Construct, E, Rule, qualifiedName(Class),
                E->getBeginLoc());
}

/// The spawn of building an object of Class at E, when the catalog lists
/// Class's constructor (`std::thread::thread`) but the constructor itself
/// is not in the AST (dependent code, std::make_unique).
std::optional<SpawnSite> constructionOf(const Expr *E, const CXXRecordDecl *Class,
                                        const RuleCatalog &Catalog) {
  if (!Class || !Class->getIdentifier())
    return std::nullopt;
  const RuleEntry *Rule = Catalog.lookup(
      Section::Spawn, qualifiedName(Class) + "::" + Class->getName().str());
  if (!Rule || !Rule->attribute("per_element").empty())
    return std::nullopt;
  return constructionSite(E, Rule, Class);
}

} // namespace

bool SpawnSite::resultWaits() const {
  return hasAttribute(Rule, "result_waits", "true");
}

bool SpawnSite::isJoinMethod(llvm::StringRef Method) const {
  return Rule && Rule->lists("join", Method);
}

std::optional<SpawnSite> spawnAt(const Expr *E, bool Discarded,
                                 const RuleCatalog &Catalog,
                                 const NameList &ExtraSpawns,
                                 const RuleEntry &ExtraRule) {
  if (!E)
    return std::nullopt;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
        Ctor->isDefaultConstructor() || Construct->getNumArgs() == 0 ||
        isa<CXXDefaultArgExpr>(Construct->getArg(0)))
      return std::nullopt;
    const RuleEntry *Rule = Catalog.lookup(Section::Spawn, Ctor);
    if (!Rule || !Rule->attribute("per_element").empty())
      return std::nullopt; // a fan-out over a range: see RangeFanOut
    return constructionSite(Construct, Rule, Ctor->getParent());
  }
  // In a template, a thread built from something dependent (a lambda in
  // a class template): `std::thread([x] { process(x); })`.
  if (const auto *Unresolved = dyn_cast<CXXUnresolvedConstructExpr>(E)) {
    if (Unresolved->getNumArgs() == 0)
      return std::nullopt;
    return constructionOf(Unresolved,
                          Unresolved->getTypeAsWritten()->getAsCXXRecordDecl(),
                          Catalog);
  }
  const auto *C = dyn_cast<CallExpr>(E);
  // `std::make_unique<std::thread>(f, x)`: the construction happens in the
  // library, the thread is the caller's.
  if (const FunctionDecl *Maker = C ? C->getDirectCallee() : nullptr)
    if (const TemplateArgumentList *Args = Maker->getTemplateSpecializationArgs())
      if (C->getNumArgs() > 0 && Args->size() > 0 &&
          Args->get(0).getKind() == TemplateArgument::Type) {
        std::string Name = qualifiedName(Maker);
        if (Name == "std::make_unique" || Name == "std::make_shared")
          if (auto S = constructionOf(
                  C, Args->get(0).getAsType()->getAsCXXRecordDecl(), Catalog))
            return S;
      }
  if (C) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C))
      if (auto S = emplaceSpawn(Member, Catalog))
        return S;
    std::string Name;
    const RuleEntry *Rule = callRule(Section::Spawn, C, Catalog, &Name);
    if (!Rule && !Name.empty() && ExtraSpawns.matches(Name))
      Rule = &ExtraRule;
    if (!Rule)
      if (const VarDecl *Object = functionObject(C))
        if (ExtraSpawns.matches(qualifiedName(Object)))
          Rule = &ExtraRule;
    if (Rule && !Rule->attribute("per_element").empty())
      Rule = nullptr; // a fan-out over a range: see RangeFanOut
    if (Rule && !hasAttribute(Rule, "discarded", "true")) {
      if (!startsWork(C, *Rule))
        return std::nullopt;
      const VarDecl *Object = functionObject(C);
      SpawnSite S = siteAt(SpawnSite::Call, C, Rule,
                           Object ? qualifiedName(Object) : Name,
                           callLocation(C, OperatorAt::FirstOperand));
      S.Object = memberObject(C, S.OnThis);
      return S;
    }
  }
  if (!Discarded)
    return std::nullopt;
  // A dropped value of a type that keeps running: `(void)handle(conn);`
  // with a seastar::future.
  // Only a temporary is dropped: `f = handle(x);` returns the variable.
  const auto *Inner = dyn_cast<CallExpr>(E->IgnoreImplicit()->IgnoreParens());
  if (!Inner || !Inner->isPRValue())
    return std::nullopt;
  std::string Type = typeName(Inner->getType());
  const RuleEntry *Rule =
      Type.empty() ? nullptr : Catalog.lookup(Section::Spawn, Type);
  if (!hasAttribute(Rule, "discarded", "true"))
    return std::nullopt;
  // Name the call that made the value: `f(x)` in `f(x).then(...)`.
  while (const auto *Member = dyn_cast<CXXMemberCallExpr>(Inner)) {
    const auto *Object = dyn_cast_or_null<CallExpr>(
        Member->getImplicitObjectArgument()->IgnoreImplicit()->IgnoreParens());
    if (!Object || typeName(Object->getType()) != Type)
      break;
    Inner = Object;
  }
  const VarDecl *Object = functionObject(Inner);
  std::string Name = Object ? qualifiedName(Object) : calleeName(Inner);
  SpawnSite S = siteAt(SpawnSite::Dropped, E, Rule,
                       Name.empty() ? "call" : Name,
                       callLocation(Inner, OperatorAt::FirstOperand));
  S.DroppedType = Type;
  return S;
}

const RuleEntry *callRule(Section S, const Expr *Call,
                         const RuleCatalog &Catalog, std::string *Name) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C)
    return nullptr;
  if (const VarDecl *Object = functionObject(C)) {
    std::string ObjectName = qualifiedName(Object);
    if (const RuleEntry *R = Catalog.lookup(S, ObjectName)) {
      if (Name)
        *Name = ObjectName;
      return R;
    }
  }
  const RuleEntry *R = nullptr;
  std::string Callee = calleeName(C);
  if (const FunctionDecl *F = calleeOf(C))
    R = Catalog.lookup(S, F);
  else if (!Callee.empty())
    R = Catalog.lookup(S, Callee);
  if (Name)
    *Name = Callee;
  return R;
}

bool isWaitCall(const Expr *Call, const RuleCatalog &Catalog) {
  const RuleEntry *Rule = callRule(Section::Blocking, Call, Catalog);
  return Rule && (Rule->Kind == "wait" || Rule->Kind == "sync-wait");
}

const ValueDecl *namedObject(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const ValueDecl *D = namedDecl(E))
      return D;
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_Deref)
        return nullptr;
      E = U->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star) ||
          Op->getNumArgs() != 1)
        return nullptr;
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      // unique_ptr::get(), shared_ptr::get()
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (!M || !M->getIdentifier() || M->getName() != "get" ||
          Call->getNumArgs() != 0)
        return nullptr;
      E = Call->getImplicitObjectArgument();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace corolint
