#include "support/ConfiguredCollections.h"
#include "support/AnalysisStore.h"
#include "support/CoroutineModel.h"
#include "support/ElementWork.h"
#include "support/LoopBounds.h"
#include "support/QualifiedName.h"
#include "support/UnchangedValues.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/DeclFriend.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace corolint {
namespace {

/// The field a getter returns: its visible body is `return member_;` of
/// its own object, and it returns by value or by const reference.
const FieldDecl *gottenField(const CXXMethodDecl *M) {
  const FunctionDecl *Def = nullptr;
  if (!M || !M->hasBody(Def))
    return nullptr;
  QualType R = Def->getReturnType();
  if (R->isReferenceType() && !R->getPointeeType().isConstQualified())
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  const auto *Member = dyn_cast_or_null<MemberExpr>(
      Ret && Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit()
                                      ->IgnoreParenImpCasts()
                                : nullptr);
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

const FieldDecl *memberOf(const Expr *E, const RuleCatalog *Catalog,
                          unsigned Depth) {
  if (!E || Depth > 4)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor && Ctor->isCopyOrMoveConstructor() && Construct->getNumArgs() >= 1)
      return memberOf(Construct->getArg(0), Catalog, Depth + 1);
    return nullptr;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return Call->getNumArgs() == 0 ? gottenField(Call->getMethodDecl())
                                   : nullptr;
  if (const VarDecl *V = referencedVar(E)) {
    if (const Expr *Init = unchangedInit(V, Catalog))
      return memberOf(Init, Catalog, Depth + 1);
    // `const auto &hs = router_.handlers();` (a non-const reference bound
    // to a member is a write of it, seen when the member is judged).
    if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) &&
        V->getType()->isReferenceType() && V->getInit())
      return memberOf(V->getInit(), Catalog, Depth + 1);
  }
  return nullptr;
}

/// Whether values of type T can be called: a function pointer, a class
/// with a call operator (`std::function`, a lambda), or a pair or tuple of
/// which one member can.
bool holdsCallable(QualType T, unsigned Depth = 0) {
  if (T.isNull() || Depth > 3)
    return false;
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isMemberFunctionPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  for (const Decl *D : RD->decls()) {
    const auto *F = dyn_cast<FunctionDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      F = Template->getTemplatedDecl();
    if (F && F->getOverloadedOperator() == OO_Call)
      return true;
  }
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  std::string Name = Spec ? qualifiedName(Spec) : "";
  if (Name != "std::pair" && Name != "std::tuple")
    return false;
  // A tuple's types are one pack argument.
  auto AnyCallable = [&](llvm::ArrayRef<TemplateArgument> Args,
                         auto &Self) -> bool {
    for (const TemplateArgument &Arg : Args) {
      if (Arg.getKind() == TemplateArgument::Pack) {
        if (Self(Arg.pack_elements(), Self))
          return true;
      } else if (Arg.getKind() == TemplateArgument::Type &&
                 holdsCallable(Arg.getAsType(), Depth + 1)) {
        return true;
      }
    }
    return false;
  };
  return AnyCallable(Spec->getTemplateArgs().asArray(), AnyCallable);
}

bool isValueElement(QualType T) {
  if (T.isNull())
    return false;
  if (T->isArithmeticType() || T->isEnumeralType())
    return true;
  std::string Name = typeName(T);
  return Name == "std::basic_string" || Name == "std::basic_string_view";
}

/// Whether F constructs (or destroys) an object holding Field: a
/// constructor or destructor of Field's class or of a class derived from
/// it.
bool constructs(const FunctionDecl *F, const FieldDecl *Field) {
  if (!isa<CXXConstructorDecl>(F) && !isa<CXXDestructorDecl>(F))
    return false;
  const auto *Own = dyn_cast<CXXRecordDecl>(Field->getParent());
  const CXXRecordDecl *Made = cast<CXXMethodDecl>(F)->getParent();
  if (!Own || !Made)
    return false;
  Own = Own->getCanonicalDecl();
  return Made->getCanonicalDecl() == Own ||
         (Made->hasDefinition() && Made->isDerivedFrom(Own));
}

const FunctionDecl *pattern(const FunctionDecl *F) {
  if (const FunctionDecl *P = F->getTemplateInstantiationPattern())
    F = P;
  return F->getCanonicalDecl();
}

/// Which functions may change which data members, over the declarations
/// indexed: every function with a body (mayChangeIn() of the function),
/// by the members it may change and by the member names it reaches through
/// a dependent object.
struct WriterIndex {
  llvm::DenseMap<const FieldDecl *, llvm::SmallVector<const FunctionDecl *, 2>>
      ByField;
  llvm::StringMap<llvm::SmallVector<const FunctionDecl *, 2>> ByDependentName;
};

/// What the translation unit's code may change, and what its coroutines
/// call, each found once per translation unit (or class) the first time a
/// member is judged, instead of once per member.
struct TUWrites {
  /// Every declaration of the translation unit, templates' patterns and
  /// their instantiations (for protected members: a derived class may
  /// change them).
  std::unique_ptr<WriterIndex> WholeTU;
  /// Per class, the declarations that can name its private members.
  llvm::DenseMap<const CXXRecordDecl *, std::unique_ptr<WriterIndex>> ByClass;

  /// What the coroutines of the translation unit call directly: callees'
  /// patterns, and in templates the names of unresolved calls and of
  /// members called through a dependent object.
  llvm::DenseSet<const FunctionDecl *> CalledPatterns;
  llvm::StringSet<> CalledOverloads, CalledDependentMembers;
  bool CallsBuilt = false;
};

class WriterIndexer : public RecursiveASTVisitor<WriterIndexer> {
public:
  WriterIndexer(WriterIndex &Out, const RuleCatalog *Catalog)
      : Out(Out), Catalog(Catalog) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody())
      return true;
    llvm::SmallPtrSet<const FieldDecl *, 8> Fields;
    llvm::StringSet<> Names;
    changedMembersIn(F, Catalog, Fields, Names);
    for (const FieldDecl *Field : Fields)
      Out.ByField[Field].push_back(F);
    for (const auto &Name : Names)
      Out.ByDependentName[Name.getKey()].push_back(F);
    return true;
  }

private:
  WriterIndex &Out;
  const RuleCatalog *Catalog;
};

/// The declarations whose code may name a private member of a class: the
/// class itself (members, nested classes, friends and lambdas defined in
/// it), definitions of its members, nested classes and friends written
/// elsewhere, each befriended class likewise, and for a specialization of
/// a class template, its pattern (members not instantiated). Walking these
/// instead of the translation unit is what makes judging a private member
/// cheap in template-heavy code.
class AccessScopes {
public:
  void addClass(const CXXRecordDecl *C) {
    if (!C || !(C = C->getDefinition()) || !Classes.insert(C).second)
      return;
    Scopes.insert(C);
    if (const CXXRecordDecl *Pattern = C->getTemplateInstantiationPattern())
      addClass(Pattern);
    for (const Decl *D : C->decls()) {
      if (const auto *Friend = dyn_cast<FriendDecl>(D)) {
        if (const TypeSourceInfo *T = Friend->getFriendType())
          addClass(T->getType()->getAsCXXRecordDecl());
        else
          addNamed(Friend->getFriendDecl());
      } else if (const auto *R = dyn_cast<CXXRecordDecl>(D)) {
        if (!R->isInjectedClassName())
          addClass(R);
      } else {
        addNamed(dyn_cast<NamedDecl>(D));
      }
    }
  }

  /// The scopes not already inside another one, in the order found.
  llvm::SmallVector<const Decl *, 8> outermost() const {
    llvm::SmallVector<const Decl *, 8> Out;
    for (const Decl *D : Scopes)
      if (!insideAnother(D))
        Out.push_back(D);
    return Out;
  }

private:
  void addNamed(const NamedDecl *D) {
    if (!D)
      return;
    if (const auto *F = dyn_cast<FunctionDecl>(D)) {
      if (const FunctionDecl *Def = F->getDefinition())
        Scopes.insert(Def);
    } else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D)) {
      addNamed(FT->getTemplatedDecl());
      for (const FunctionDecl *Spec : FT->specializations())
        addNamed(Spec);
    } else if (const auto *CT = dyn_cast<ClassTemplateDecl>(D)) {
      addClass(CT->getTemplatedDecl());
      for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
        addClass(Spec);
    }
  }

  bool insideAnother(const Decl *D) const {
    for (const DeclContext *DC = D->getLexicalDeclContext(); DC;
         DC = DC->getLexicalParent())
      if (Scopes.count(Decl::castFromDeclContext(DC)))
        return true;
    return false;
  }

  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Classes;
  llvm::SetVector<const Decl *> Scopes;
};

const WriterIndex &writerIndex(const FieldDecl *Field, TUWrites &Writes,
                               const ASTContext &Ctx,
                               const RuleCatalog *Catalog) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (Field->getAccess() == AS_private && Class) {
    std::unique_ptr<WriterIndex> &Index = Writes.ByClass[Class];
    if (!Index) {
      Index = std::make_unique<WriterIndex>();
      AccessScopes Scopes;
      Scopes.addClass(Class);
      for (const Decl *Scope : Scopes.outermost())
        WriterIndexer(*Index, Catalog).TraverseDecl(const_cast<Decl *>(Scope));
    }
    return *Index;
  }
  if (!Writes.WholeTU) {
    Writes.WholeTU = std::make_unique<WriterIndex>();
    WriterIndexer(*Writes.WholeTU, Catalog)
        .TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return *Writes.WholeTU;
}

/// The functions of the translation unit that may change Field, other
/// than its constructors.
llvm::SmallVector<const FunctionDecl *, 4>
writersOf(const FieldDecl *Field, TUWrites &Writes, const ASTContext &Ctx,
          const RuleCatalog *Catalog) {
  const WriterIndex &Index = writerIndex(Field, Writes, Ctx, Catalog);
  llvm::SmallVector<const FunctionDecl *, 4> Writers;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  auto Add = [&](llvm::ArrayRef<const FunctionDecl *> Fs) {
    for (const FunctionDecl *F : Fs)
      if (Seen.insert(F).second && !constructs(F, Field))
        Writers.push_back(F);
  };
  if (auto It = Index.ByField.find(Field); It != Index.ByField.end())
    Add(It->second);
  if (auto It = Index.ByDependentName.find(Field->getName());
      It != Index.ByDependentName.end())
    Add(It->second);
  return Writers;
}

/// Collects what the coroutines of the translation unit call directly.
class CoroutineCalls : public RecursiveASTVisitor<CoroutineCalls> {
public:
  explicit CoroutineCalls(TUWrites &Out) : Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody() && isCoroutine(F))
      Inner.TraverseStmt(F->getBody());
    return true;
  }

private:
  struct Calls : RecursiveASTVisitor<Calls> {
    TUWrites &Out;
    explicit Calls(TUWrites &Out) : Out(Out) {}
    bool VisitCallExpr(CallExpr *C) {
      if (const FunctionDecl *F = C->getDirectCallee())
        Out.CalledPatterns.insert(pattern(F));
      return true;
    }
    bool VisitOverloadExpr(OverloadExpr *E) {
      if (E->getName().getAsIdentifierInfo())
        Out.CalledOverloads.insert(E->getName().getAsString());
      return true;
    }
    bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
      Out.CalledDependentMembers.insert(E->getMember().getAsString());
      return true;
    }
  };
  TUWrites &Out;
  Calls Inner{Out};
};

/// Whether a coroutine of the translation unit calls one of Writers
/// directly (in a template, a dependent call of a writer's name counts).
bool coroutineCalls(llvm::ArrayRef<const FunctionDecl *> Writers,
                    TUWrites &Index, const ASTContext &Ctx) {
  if (!Index.CallsBuilt) {
    CoroutineCalls(Index).TraverseDecl(Ctx.getTranslationUnitDecl());
    Index.CallsBuilt = true;
  }
  for (const FunctionDecl *W : Writers) {
    if (Index.CalledPatterns.count(pattern(W)))
      return true;
    if (W->getIdentifier() && (Index.CalledOverloads.count(W->getName()) ||
                               Index.CalledDependentMembers.count(W->getName())))
      return true;
  }
  return false;
}

/// Whether every member function of Class has its body in the translation
/// unit (an uninstantiated member of a template never runs).
bool allMembersVisible(const CXXRecordDecl *Class) {
  for (const CXXMethodDecl *M : Class->methods()) {
    if (M->isImplicit() || M->isDefaulted() || M->isDeleted() || M->isPureVirtual())
      continue;
    const FunctionDecl *Pattern = M->getTemplateInstantiationPattern();
    if (!M->hasBody() && !(Pattern && Pattern->hasBody()))
      return false;
  }
  return true;
}

bool judge(const FieldDecl *Field, const ASTContext &Ctx,
           const RuleCatalog *Catalog, TUWrites &Index) {
  // Only its class's own members (and friends) can change a private or
  // protected member: all of them must be in view. A public one may be
  // filled by any code, in any file.
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (Field->getAccess() == AS_public || !Class || !Class->hasDefinition() ||
      !allMembersVisible(Class->getDefinition()))
    return false;
  QualType T = Field->getType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !isContainerLike(RD))
    return false;
  QualType Element = containerElementType(T);
  bool Table = holdsCallable(Element);
  if (!Table && !isValueElement(Element))
    return false;
  llvm::SmallVector<const FunctionDecl *, 4> Writers =
      writersOf(Field, Index, Ctx, Catalog);
  if (Writers.empty())
    return true; // fixed at construction
  if (!Table)
    return false;
  for (const FunctionDecl *W : Writers)
    if (isCoroutine(W))
      return false;
  return !coroutineCalls(Writers, Index, Ctx);
}

/// The answers of one translation unit (kept in its AnalysisStore).
struct ConfiguredMembers {
  static const char *storeKind() { return "ConfiguredMembers"; }
  llvm::DenseMap<const FieldDecl *, bool> Answers;
  TUWrites Index;
};

} // namespace

const FieldDecl *collectionMember(const Expr *E, const RuleCatalog *Catalog) {
  return memberOf(E, Catalog, 0);
}

bool configurationSized(const FieldDecl *Field, const ASTContext &Ctx,
                        const RuleCatalog *Catalog) {
  if (!Field || Field->getParent()->isDependentContext())
    return false;
  auto &Members = AnalysisStore::of(Ctx).summaries<ConfiguredMembers>(
      std::to_string(reinterpret_cast<std::uintptr_t>(Catalog)),
      [] { return std::make_unique<ConfiguredMembers>(); });
  return memoised(Members.Answers, Field,
                  [&] { return judge(Field, Ctx, Catalog, Members.Index); });
}

bool configuredCollection(const Expr *E, const ASTContext &Ctx,
                          const RuleCatalog *Catalog) {
  return configurationSized(collectionMember(E, Catalog), Ctx, Catalog);
}

bool loopsOverConfiguredCollection(const Stmt *Loop, const ASTContext &Ctx,
                                   const RuleCatalog *Catalog) {
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return configuredCollection(Range->getRangeInit(), Ctx, Catalog);
  std::optional<CountedLoop> Counted = countedLoop(Loop);
  if (!Counted)
    return false;
  const Expr *Collection = sizeQueried(limitSource(Counted->Limit), Catalog);
  return Collection && configuredCollection(Collection, Ctx, Catalog);
}

} // namespace corolint
