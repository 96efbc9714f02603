#include "support/LockTypes.h"
#include "support/QualifiedName.h"
#include "support/StmtParts.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {
namespace {

/// The standard lock / unlock method names (std::mutex, std::unique_lock,
/// std::counting_semaphore); a catalogued mutex may name others.
constexpr llvm::StringLiteral StdLockNames =
    "lock;lock_shared;try_lock;try_lock_for;try_lock_until;try_lock_shared;"
    "try_lock_shared_for;try_lock_shared_until;acquire";
constexpr llvm::StringLiteral StdUnlockNames = "unlock;unlock_shared;release";

bool acquiresCapability(const FunctionDecl *F) {
  return F && (F->hasAttr<AcquireCapabilityAttr>() ||
               F->hasAttr<TryAcquireCapabilityAttr>());
}

bool releasesCapability(const FunctionDecl *F) {
  return F && F->hasAttr<ReleaseCapabilityAttr>();
}

/// The expressions an annotation's arguments name at call C: a parameter
/// becomes the argument passed for it; a member or global stays itself.
template <typename AttrT>
void capabilityArguments(const CallExpr *C, const FunctionDecl *F,
                         std::vector<const Expr *> &Out) {
  for (const auto *A : F->specific_attrs<AttrT>())
    for (const Expr *Arg : A->args()) {
      const Expr *E = Arg->IgnoreParenImpCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(E))
        E = U->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl())) {
          unsigned I = P->getFunctionScopeIndex();
          if (I < C->getNumArgs())
            Out.push_back(C->getArg(I));
          continue;
        }
      Out.push_back(E);
    }
}

template <typename AttrT>
bool hasClassAttr(const CXXRecordDecl *R, const CXXRecordDecl *Pattern) {
  return R->hasAttr<AttrT>() || (Pattern && Pattern->hasAttr<AttrT>());
}

bool isDeferLock(const Expr *Arg) {
  return typeName(Arg->getType()) == "std::defer_lock_t";
}

/// The object a call in a class's own code is made on, and the method's
/// name, for resolved (`m_.lock()`) and dependent (`m_.lock()` on a member
/// of template type) member calls alike.
struct MemberCallShape {
  const Expr *Object = nullptr;
  llvm::StringRef Name;
  const CXXMethodDecl *Method = nullptr;
};

std::optional<MemberCallShape> memberCallShape(const CallExpr *C) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M)
      return std::nullopt;
    return MemberCallShape{MC->getImplicitObjectArgument(),
                           M->getIdentifier() ? M->getName() : "", M};
  }
  const Expr *Callee = C->getCallee() ? C->getCallee()->IgnoreParens() : nullptr;
  if (const auto *D = dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee)) {
    if (!D->getMember().isIdentifier())
      return std::nullopt;
    return MemberCallShape{D->isImplicitAccess() ? nullptr : D->getBase(),
                           D->getMember().getAsIdentifierInfo()->getName(),
                           nullptr};
  }
  if (const auto *U = dyn_cast_or_null<UnresolvedMemberExpr>(Callee)) {
    if (!U->getName().isIdentifier())
      return std::nullopt;
    return MemberCallShape{U->isImplicitAccess() ? nullptr : U->getBase(),
                           U->getName().getAsIdentifierInfo()->getName(),
                           nullptr};
  }
  return std::nullopt;
}

/// Whether D is something a class's code can hold a lock through: a member
/// (the mutex or a reference/pointer to it), a parameter of the function
/// (the constructor's `std::mutex &m`) or a global.
bool isStoredOrPassed(const ValueDecl *D) {
  if (!D)
    return false;
  if (isa<FieldDecl, ParmVarDecl>(D))
    return true;
  const auto *V = dyn_cast<VarDecl>(D);
  return V && V->hasGlobalStorage();
}

QualType objectType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T;
}

std::vector<QualType> typeArguments(const CXXRecordDecl *R) {
  std::vector<QualType> Types;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type)
        Types.push_back(A.getAsType());
  return Types;
}

} // namespace

const ValueDecl *lockObject(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
      return lockObject(U->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return M->getMemberDecl();
  return nullptr;
}

LockTypes::LockTypes(const RuleCatalog &Catalog, const LockOptions &Opts)
    : Catalog(Catalog), Opts(Opts), LockNames(StdLockNames.str()),
      UnlockNames(StdUnlockNames.str()) {
  for (const auto &Entry : Catalog.entries(Section::Mutexes)) {
    llvm::StringRef Lock = Entry.getValue().attribute("lock_methods");
    llvm::StringRef Unlock = Entry.getValue().attribute("unlock_methods");
    if (!Lock.empty())
      LockNames += ";" + Lock.str();
    if (!Unlock.empty())
      UnlockNames += ";" + Unlock.str();
  }
}

bool LockTypes::isAsyncName(llvm::StringRef Name) const {
  return !Name.empty() && (Catalog.lookup(Section::AsyncLocks, Name) ||
                           Opts.ExtraAsyncLockTypes.matches(Name));
}

LockType LockTypes::classify(QualType T) {
  if (T.isNull())
    return LockType::None;
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  return R ? classifyRecord(R) : LockType::None;
}

LockType LockTypes::classifyRecord(const CXXRecordDecl *R) {
  R = R->getCanonicalDecl();
  auto It = Records.find(R);
  if (It != Records.end())
    return It->second;
  Records[R] = LockType::None; // in progress: a cycle finds no lock
  LockType Result = computeRecord(R);
  Records[R] = Result;
  return Result;
}

LockType LockTypes::computeRecord(const CXXRecordDecl *R) {
  std::string Name = qualifiedName(R);
  if (isAsyncName(Name))
    return LockType::AsyncGuard;
  // std::unique_lock<folly::coro::Mutex> guards a coroutine-aware mutex.
  auto guardOf = [&](const CXXRecordDecl *Guard) {
    for (QualType Arg : typeArguments(Guard))
      if (isAsyncName(typeName(Arg)))
        return LockType::AsyncGuard;
    return LockType::Guard;
  };
  if (Catalog.lookup(Section::LockGuards, Name) ||
      Opts.ExtraGuardTypes.matches(Name))
    return guardOf(R);
  if (Name == "std::optional") {
    auto Args = typeArguments(R);
    if (!Args.empty() && classify(Args.front()) == LockType::Guard)
      return LockType::OptionalGuard;
    return LockType::None;
  }
  if (const RuleEntry *M = Catalog.lookup(Section::Mutexes, Name))
    if (M->Kind.empty())
      return LockType::Mutex;
  const CXXRecordDecl *Def = R->getDefinition();
  if (!Def || Def->isLambda() || llvm::StringRef(Name).starts_with("std::"))
    return LockType::None;
  const CXXRecordDecl *Pattern = Def->getTemplateInstantiationPattern();
  if (hasClassAttr<CapabilityAttr>(Def, Pattern))
    return LockType::Mutex;
  if (hasClassAttr<ScopedLockableAttr>(Def, Pattern) || inferredGuard(Def) ||
      (Pattern && inferredGuard(Pattern)))
    return guardOf(Def);
  return LockType::None;
}

bool LockTypes::hasGuardMember(const CXXRecordDecl *R) {
  for (const FieldDecl *F : R->fields())
    if (classify(F->getType()) == LockType::Guard &&
        !F->getType()->isReferenceType())
      return true;
  return false;
}

bool LockTypes::inferredGuard(const CXXRecordDecl *R) {
  if (!R->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &B : R->bases())
    if (classify(B.getType()) == LockType::Guard)
      return true;
  const CXXDestructorDecl *Dtor = R->getDestructor();
  bool Unlocks = Dtor && Dtor->isUserProvided() &&
                 functionTouchesLock(Dtor, R, /*Locking=*/false, 0);
  bool GuardMember = hasGuardMember(R);
  if (!Unlocks && !GuardMember)
    return false;
  for (const CXXConstructorDecl *Ctor : R->ctors()) {
    if (Ctor->isCopyOrMoveConstructor() || Ctor->isDeleted())
      continue;
    if (Unlocks && functionTouchesLock(Ctor, R, /*Locking=*/true, 0))
      return true;
    if (GuardMember && constructsGuardMember(Ctor))
      return true;
  }
  return false;
}

bool LockTypes::constructsGuardMember(const CXXConstructorDecl *Ctor) {
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def))
    return false;
  for (const CXXCtorInitializer *Init :
       cast<CXXConstructorDecl>(Def)->inits()) {
    const FieldDecl *F = Init->getMember();
    if (!F || !Init->isWritten() ||
        classify(F->getType()) != LockType::Guard)
      continue;
    const Expr *E = Init->getInit()->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0 ||
          Construct->getConstructor()->isCopyOrMoveConstructor() ||
          llvm::any_of(Construct->arguments(), isDeferLock))
        continue;
      return true;
    }
    if (const auto *List = dyn_cast<ParenListExpr>(E))
      if (List->getNumExprs() > 0)
        return true;
  }
  return false;
}

bool LockTypes::functionTouchesLock(const FunctionDecl *Fn,
                                    const CXXRecordDecl *Owner, bool Locking,
                                    unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!Fn || !Fn->hasBody(Def) || !Def->getBody())
    return false;
  llvm::StringRef Names = Locking ? LockNames : UnlockNames;
  std::vector<const Stmt *> Roots{Def->getBody()};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Roots.push_back(Init->getInit());
  return findInStmts(Roots, [&](const Stmt *S) {
    const auto *C = dyn_cast<CallExpr>(S);
    if (!C)
      return false;
    if (auto Shape = memberCallShape(C)) {
      const Expr *Obj =
          Shape->Object ? Shape->Object->IgnoreParenImpCasts() : nullptr;
      // The class's own helpers: `Guard(M &m) : m_(m) { acquire(); }`.
      if (Shape->Method && (!Obj || isa<CXXThisExpr>(Obj))) {
        const CXXRecordDecl *Of = Shape->Method->getParent();
        if (Depth < 2 && Shape->Method != Def &&
            (Of->getCanonicalDecl() == Owner->getCanonicalDecl() ||
             Owner->isDerivedFrom(Of)) &&
            functionTouchesLock(Shape->Method, Owner, Locking, Depth + 1))
          return true;
      } else if (Obj && isStoredOrPassed(lockObject(Obj))) {
        bool Named = listNames(Names, Shape->Name);
        if (Shape->Method)
          Named = Named || (Locking ? acquiresCapability(Shape->Method)
                                    : releasesCapability(Shape->Method));
        if (Named && (Shape->Method
                          ? syncMutexType(objectType(Obj->getType()))
                          : true)) // dependent: the type arguments decide
          return true;
      }
    }
    CallEffect Effect = callEffect(C);
    for (const Expr *Arg : Locking ? Effect.Locks : Effect.Unlocks)
      if (isStoredOrPassed(lockObject(Arg)))
        return true;
    return false;
  });
}

bool LockTypes::syncMutexType(QualType T, unsigned Depth) {
  if (T.isNull())
    return false;
  if (T->isDependentType())
    return true; // decided by the instantiation's type arguments
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R)
    return false;
  R = R->getCanonicalDecl();
  auto It = SyncMutexes.find(R);
  if (It != SyncMutexes.end())
    return It->second;
  SyncMutexes[R] = false;
  bool Result = false;
  std::string Name = qualifiedName(R);
  if (isAsyncName(Name)) {
    Result = false;
  } else if (const RuleEntry *M = Catalog.lookup(Section::Mutexes, Name);
             M && M->Kind.empty()) {
    Result = true;
  } else if (classifyRecord(R) == LockType::Guard) {
    Result = true; // a guard member relocked by hand
  } else if (const CXXRecordDecl *Def = R->getDefinition()) {
    if (Def->hasAttr<CapabilityAttr>()) {
      Result = true;
    } else {
      // Structural: a lock method that returns at once (void or bool, not
      // an awaitable) and an unlock method, here or in a base.
      bool SyncLock = false, AwaitedLock = false, Unlock = false;
      std::vector<const CXXRecordDecl *> Classes{Def};
      for (unsigned I = 0; I < Classes.size() && I < 8; ++I) {
        for (const CXXMethodDecl *M : Classes[I]->methods()) {
          if (!M->getIdentifier())
            continue;
          if (listNames(LockNames, M->getName()) || acquiresCapability(M)) {
            QualType Ret = M->getReturnType();
            (Ret->isVoidType() || Ret->isBooleanType() ? SyncLock
                                                       : AwaitedLock) = true;
          }
          if (listNames(UnlockNames, M->getName()) || releasesCapability(M))
            Unlock = true;
        }
        for (const CXXBaseSpecifier &B : Classes[I]->bases())
          if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
            if (Base->hasDefinition())
              Classes.push_back(Base->getDefinition());
      }
      Result = SyncLock && Unlock && !AwaitedLock;
    }
  }
  SyncMutexes[R] = Result;
  return Result;
}

/// Whether M, called on an object of ObjectType, locks (Locking) or
/// unlocks it: annotated so, or named so by the standard names or the
/// catalogued mutex's own (`lock_methods` / `unlock_methods`).
static bool isLockingMethod(const RuleCatalog &Catalog, const CXXMethodDecl *M,
                            QualType ObjectType, bool Locking) {
  if (!M)
    return false;
  if (Locking ? acquiresCapability(M) : releasesCapability(M))
    return true;
  if (!M->getIdentifier())
    return false;
  llvm::StringRef Names = Locking ? StdLockNames : StdUnlockNames;
  llvm::StringRef Attribute = Locking ? "lock_methods" : "unlock_methods";
  if (const CXXRecordDecl *R = ObjectType.getNonReferenceType()->getAsCXXRecordDecl())
    if (const RuleEntry *E = Catalog.lookup(Section::Mutexes, qualifiedName(R)))
      if (!E->attribute(Attribute).empty())
        Names = E->attribute(Attribute);
  return listNames(Names, M->getName());
}

bool LockTypes::isLockMethod(const CXXMethodDecl *M, QualType ObjectType) {
  return isLockingMethod(Catalog, M, ObjectType, /*Locking=*/true);
}

bool LockTypes::isUnlockMethod(const CXXMethodDecl *M, QualType ObjectType) {
  return isLockingMethod(Catalog, M, ObjectType, /*Locking=*/false);
}

LockTypes::CallEffect LockTypes::callEffect(const CallExpr *C) const {
  CallEffect Effect;
  if (const RuleEntry *R = Catalog.lookup(Section::Mutexes, calleeName(C));
      R && C->getNumArgs() > 0) {
    if (R->Kind == "lock")
      Effect.Locks.push_back(C->getArg(0));
    else if (R->Kind == "unlock")
      Effect.Unlocks.push_back(C->getArg(0));
  }
  if (const FunctionDecl *F = C->getDirectCallee()) {
    capabilityArguments<AcquireCapabilityAttr>(C, F, Effect.Locks);
    capabilityArguments<TryAcquireCapabilityAttr>(C, F, Effect.Locks);
    capabilityArguments<ReleaseCapabilityAttr>(C, F, Effect.Unlocks);
  }
  return Effect;
}

} // namespace corolint
