#include "support/DefUse.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace corolint {

void Effects::append(const Effects &Other) {
  Accesses.insert(Accesses.end(), Other.Accesses.begin(), Other.Accesses.end());
  if (!Opaque)
    Opaque = Other.Opaque;
  if (!Transfer)
    Transfer = Other.Transfer;
  if (!Suspend)
    Suspend = Other.Suspend;
}

const Expr *ignoreValuePreserving(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParens();
    if (const auto *Full = dyn_cast<FullExpr>(Next))
      Next = Full->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Next))
      Next = Cast->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next)) {
      if (Construct->getNumArgs() >= 1 &&
          Construct->getConstructor()->isCopyOrMoveConstructor() &&
          (Construct->getNumArgs() == 1 ||
           isa<CXXDefaultArgExpr>(Construct->getArg(1))))
        Next = Construct->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

namespace {

QualType plainType(QualType T) {
  if (T.isNull())
    return T;
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
}

QualType pointeeOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    return plainType(P->getPointeeType());
  return QualType();
}

bool isCharLike(QualType T) {
  if (T.isNull() || T->isDependentType() || T->isVoidType() ||
      T->isIncompleteType())
    return true;
  if (T->isCharType() || T->isSpecificBuiltinType(BuiltinType::UChar) ||
      T->isSpecificBuiltinType(BuiltinType::SChar))
    return true;
  if (const auto *E = T->getAs<EnumType>())
    return qualifiedName(E->getDecl()) == "std::byte";
  return false;
}

bool typesCompatible(QualType A, QualType B) {
  A = plainType(A);
  B = plainType(B);
  if (isCharLike(A) || isCharLike(B) || A == B)
    return true;
  const CXXRecordDecl *RA = A->getAsCXXRecordDecl();
  const CXXRecordDecl *RB = B->getAsCXXRecordDecl();
  if (RA && RB && RA->hasDefinition() && RB->hasDefinition())
    return RA->isDerivedFrom(RB) || RB->isDerivedFrom(RA);
  // A pointer or array member may hold what the other refers to.
  if (A->isPointerType() || B->isPointerType() || A->isArrayType() ||
      B->isArrayType())
    return true;
  return false;
}

bool isPointerLikeClass(QualType T) {
  std::string Name = typeName(T);
  llvm::StringRef N(Name);
  return N == "std::shared_ptr" || N == "std::unique_ptr" ||
         N == "std::weak_ptr" || N == "std::optional" ||
         N.ends_with("_ptr") || N.ends_with("Ptr") || N.ends_with("::Ref") ||
         N.ends_with("_ref");
}

/// Types whose values refer to other objects: copying one does not copy
/// what it refers to.
bool isAliasingType(QualType T) {
  if (T.isNull())
    return false;
  if (T->isReferenceType() || T->isPointerType() || T->isMemberPointerType() ||
      T->isDependentType())
    return true;
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (R && R->isLambda())
    return true;
  std::string Name = typeName(T);
  llvm::StringRef N(Name);
  N.consume_front("boost::");
  if (N.empty())
    return false;
  if (isPointerLikeClass(T) && !N.starts_with("std::optional"))
    return true;
  static const char *const Views[] = {
      "std::span",
      "std::basic_string_view",
      "std::reference_wrapper",
      "asio::mutable_buffer",
      "asio::const_buffer",
      "asio::mutable_buffers_1",
      "asio::const_buffers_1",
      "asio::mutable_registered_buffer",
      "asio::const_registered_buffer",
      "asio::basic_streambuf_ref",
      "asio::dynamic_string_buffer",
      "asio::dynamic_vector_buffer",
      "folly::Range",
      "folly::ByteRange",
      "seastar::basic_sstring_view",
  };
  for (const char *V : Views)
    if (N == V)
      return true;
  return N.contains_insensitive("iterator") || N.contains_insensitive("view") ||
         N.contains_insensitive("span");
}

bool isStandardName(llvm::StringRef Name) {
  return Name.starts_with("std::") || Name.starts_with("__gnu_cxx::") ||
         Name.starts_with("__cxxabiv1::");
}

/// Whether an argument is something that runs code when called: a lambda,
/// a function object, a function pointer or reference.
bool isCallable(const Expr *Arg) {
  QualType T = Arg->getType().getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType() ||
      T->isMemberFunctionPointerType() || T->isBlockPointerType())
    return true;
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition())
    return false;
  if (R->isLambda())
    return true;
  for (const CXXMethodDecl *M : R->methods())
    if (M->getOverloadedOperator() == OO_Call)
      return true;
  for (const auto &B : R->bases())
    if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
      if (BR->hasDefinition())
        for (const CXXMethodDecl *M : BR->methods())
          if (M->getOverloadedOperator() == OO_Call)
            return true;
  return false;
}

/// Whether calling M changes the object it is called on. Standard-library
/// accessors that are non-const only to hand out mutable access (begin(),
/// find(), operator[] of a sequence) do not: a write through what they
/// return is a write to the path it belongs to.
bool mutatesObject(const CXXMethodDecl *M) {
  if (!M || M->isStatic())
    return false;
  if (M->isConst())
    return false;
  std::string Class = qualifiedName(M->getParent());
  if (!isStandardName(Class))
    return true;
  if (M->getOverloadedOperator() == OO_Subscript)
    return llvm::StringRef(Class).contains("map");
  if (M->getOverloadedOperator() == OO_Star ||
      M->getOverloadedOperator() == OO_Arrow)
    return false;
  if (!M->getIdentifier())
    return true;
  static const char *const Accessors[] = {
      "begin", "end",   "rbegin", "rend",   "cbegin",      "cend",
      "find",  "count", "contains", "lower_bound", "upper_bound",
      "equal_range", "at", "front", "back", "data", "size", "empty",
      "length", "c_str", "get", "value", "substr", "compare",
      "starts_with", "ends_with", "capacity", "max_size"};
  for (const char *A : Accessors)
    if (M->getName() == A)
      return false;
  return true;
}

} // namespace

bool isWritableHandle(QualType T, QualType &Pointee) {
  Pointee = QualType();
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R)
    return false;
  QualType First;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    if (Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      First = Spec->getTemplateArgs()[0].getAsType();
  std::string Name = typeName(T);
  llvm::StringRef N(Name);
  N.consume_front("boost::");
  if (N == "std::span" || N == "std::reference_wrapper") {
    if (First.isNull() || First.isConstQualified())
      return false;
    Pointee = plainType(First);
    return true;
  }
  if (N == "asio::mutable_buffer" || N == "asio::mutable_buffers_1" ||
      N == "asio::mutable_registered_buffer") {
    Pointee = QualType(); // raw bytes
    return true;
  }
  if (N.contains_insensitive("iterator"))
    return !N.contains_insensitive("const");
  if (isPointerLikeClass(T) && N != "std::optional" &&
      !N.contains_insensitive("const")) {
    if (!First.isNull()) {
      if (First.isConstQualified())
        return false;
      Pointee = plainType(First);
    }
    return true;
  }
  return false;
}

bool isCallableArgument(const Expr *Arg) { return isCallable(Arg); }

namespace {

/// Variables and members of *this an expression names, for alias merging.
class RootCollector : public EvaluatedCodeVisitor<RootCollector> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *B = dyn_cast<BindingDecl>(E->getDecl())) {
      if (const ValueDecl *D = B->getDecomposedDecl())
        Roots.push_back(D);
    } else if (isa<VarDecl>(E->getDecl())) {
      Roots.push_back(E->getDecl());
    }
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()) &&
        isa<FieldDecl>(E->getMemberDecl()))
      Roots.push_back(E->getMemberDecl());
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    HasThis = true;
    return true;
  }
  std::vector<const Decl *> Roots;
  bool HasThis = false;
};

} // namespace

/// Records what an expression or statement reads and writes.
class EffectsCollector : public EvaluatedCodeVisitor<EffectsCollector> {
  using Base = EvaluatedCodeVisitor<EffectsCollector>;

public:
  EffectsCollector(const DefUse &DU, llvm::ArrayRef<const Expr *> Trusted)
      : DU(DU), Trusted(Trusted) {}

  Effects Out;

  void record(std::optional<ObjectRef> O, bool Write, const Stmt *Where) {
    if (O)
      Out.Accesses.push_back({*O, Write, Where});
  }
  void opaque(const Stmt *S) {
    if (!Out.Opaque)
      Out.Opaque = S;
  }
  void transfer(const Stmt *S) {
    if (!Out.Transfer)
      Out.Transfer = S;
  }
  void suspend(const Stmt *S) {
    if (!Out.Suspend)
      Out.Suspend = S;
  }

  /// A write through E: E itself when it is a named object; when it is not
  /// (a call's result, pointer arithmetic), the write goes somewhere the
  /// analysis cannot name.
  void write(const Expr *E, const Stmt *Where) {
    const Expr *Plain = E->IgnoreParenImpCasts();
    if (isa<MaterializeTemporaryExpr>(Plain) || Plain->isPRValue())
      return; // a temporary
    if (auto O = DU.objectOf(E))
      record(O, true, Where);
    else
      opaque(Where);
  }

  /// A write through the pointer value E (an argument for a pointer to
  /// non-const): the array it decays from, the object it is the address of,
  /// or what a named pointer points to.
  void writeThroughPointer(const Expr *E, const Stmt *Where) {
    const Expr *Plain = E->IgnoreParens();
    while (const auto *Cast = dyn_cast<ImplicitCastExpr>(Plain)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay) {
        write(Cast->getSubExpr(), Where);
        return;
      }
      Plain = Cast->getSubExpr()->IgnoreParens();
    }
    if (const auto *U = dyn_cast<UnaryOperator>(Plain))
      if (U->getOpcode() == UO_AddrOf)
        return; // recorded by VisitUnaryOperator
    if (isa<CXXNullPtrLiteralExpr>(Plain) || isa<GNUNullExpr>(Plain) ||
        isa<IntegerLiteral>(Plain) || isa<StringLiteral>(Plain))
      return;
    if (auto O = DU.objectOf(Plain)) {
      O->Indirect = true;
      O->Type = pointeeOf(Plain->getType());
      record(O, true, Where);
    } else if (!isa<CallExpr>(Plain) && !isa<CXXNewExpr>(Plain)) {
      opaque(Where);
    }
    // A pointer a call returns: that call is judged on its own.
  }

  void arguments(const FunctionDecl *FD, llvm::ArrayRef<const Expr *> Args,
                 const Stmt *Where) {
    if (!FD)
      return;
    // A handle passed on in any way (a smart pointer, a mutable buffer or
    // span, an iterator) lets the callee write what it refers to.
    for (const Expr *Arg : Args) {
      QualType Pointee;
      if (!isWritableHandle(Arg->getType(), Pointee))
        continue;
      if (auto O = DU.objectOf(Arg)) {
        O->Indirect = true;
        O->Type = Pointee;
        record(O, true, Where);
      }
    }
    for (unsigned I = 0; I < Args.size() && I < FD->getNumParams(); ++I) {
      QualType P = FD->getParamDecl(I)->getType();
      const Expr *Arg = Args[I];
      if (P->isDependentType()) {
        opaque(Where);
        continue;
      }
      if (P->isLValueReferenceType()) {
        if (!P.getNonReferenceType().isConstQualified())
          write(Arg, Where);
      } else if (P->isPointerType()) {
        if (!P->getPointeeType().isConstQualified())
          writeThroughPointer(Arg, Where);
      } else if (P->isRValueReferenceType()) {
        // std::move(x) is itself a call taking x by reference.
      }
    }
  }

  /// Whether a member call's object is a temporary made for the call
  /// (`make_client().get()`): nothing else can refer to it.
  static bool isTemporaryObject(const Expr *Callee) {
    const auto *ME = dyn_cast<MemberExpr>(Callee->IgnoreParenImpCasts());
    if (!ME || ME->isArrow())
      return false;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    return Base->isPRValue() || isa<MaterializeTemporaryExpr>(Base) ||
           isa<CXXBindTemporaryExpr>(Base);
  }

  /// The object a member call acts on: its object expression, through `->`.
  std::optional<ObjectRef> receiver(const Expr *Callee) {
    const auto *ME = dyn_cast<MemberExpr>(Callee->IgnoreParenImpCasts());
    if (!ME)
      return std::nullopt;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base)) {
      ConsumedThis.insert(Base);
      ObjectRef O;
      O.K = ObjectRef::This;
      O.Type = plainType(Base->getType()->getPointeeType());
      return O;
    }
    auto O = DU.objectOf(Base);
    if (O && ME->isArrow()) {
      O->Indirect = true;
      O->Type = pointeeOf(Base->getType());
    }
    return O;
  }

  bool VisitCallExpr(CallExpr *CE) {
    bool IsTrusted = llvm::is_contained(Trusted, CE);
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!IsTrusted && !DU.isTransparentCall(CE))
      opaque(CE);
    if (FD && FD->isNoReturn())
      transfer(CE);
    if (CE->isTypeDependent() || CE->isValueDependent()) {
      opaque(CE);
      return true;
    }
    llvm::SmallVector<const Expr *, 4> Args(CE->arg_begin(), CE->arg_end());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(CE)) {
      const CXXMethodDecl *MD = Member->getMethodDecl();
      if (MD && !MD->isStatic()) {
        bool Writes = IsTrusted || mutatesObject(MD);
        if (auto R = receiver(Member->getCallee()))
          record(R, Writes, CE);
        else if (Writes && !isTemporaryObject(Member->getCallee()))
          opaque(CE); // an object the analysis cannot name
      }
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE)) {
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD)) {
        if (!MD->isStatic() && !Args.empty()) {
          const Expr *Object = Args.front();
          if (isa<CXXThisExpr>(Object->IgnoreParenImpCasts())) {
            ConsumedThis.insert(Object->IgnoreParenImpCasts());
            ObjectRef O;
            O.K = ObjectRef::This;
            record(O, IsTrusted || mutatesObject(MD), CE);
          } else if (IsTrusted || mutatesObject(MD)) {
            write(Object, CE);
          }
          Args.erase(Args.begin());
        }
      }
      (void)Op;
    }
    arguments(FD, Args, CE);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (!DU.isTransparentCall(E))
      opaque(E);
    llvm::SmallVector<const Expr *, 4> Args(E->arg_begin(), E->arg_end());
    arguments(E->getConstructor(), Args, E);
    return true;
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
    opaque(E);
    return true;
  }
  bool VisitCXXPseudoDestructorExpr(CXXPseudoDestructorExpr *E) {
    return true;
  }
  bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *E) {
    opaque(E);
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    opaque(E);
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    opaque(E);
    return true;
  }
  bool VisitCXXUnresolvedConstructExpr(CXXUnresolvedConstructExpr *E) {
    opaque(E);
    return true;
  }
  bool VisitDependentScopeDeclRefExpr(DependentScopeDeclRefExpr *E) {
    opaque(E);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (isa<VarDecl>(E->getDecl()) || isa<BindingDecl>(E->getDecl()))
      record(DU.objectOf(E), false, E);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *E) {
    const Expr *Base = E->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base)) {
      ConsumedThis.insert(Base);
      if (isa<FieldDecl>(E->getMemberDecl()))
        record(DU.objectOf(E), false, E);
      return true;
    }
    if (E->isArrow())
      if (auto O = DU.objectOf(E))
        if (O->Indirect)
          record(O, false, E);
    return true;
  }

  bool VisitCXXThisExpr(CXXThisExpr *E) {
    if (!ConsumedThis.count(E)) {
      ObjectRef O;
      O.K = ObjectRef::This;
      O.Type = plainType(E->getType()->getPointeeType());
      // `*this` or `this` passed on: whatever receives it may change it.
      record(O, true, E);
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *U) {
    switch (U->getOpcode()) {
    case UO_Deref:
      if (auto O = DU.objectOf(U))
        record(O, false, U);
      break;
    case UO_PreInc:
    case UO_PreDec:
    case UO_PostInc:
    case UO_PostDec:
      write(U->getSubExpr(), U);
      break;
    case UO_AddrOf:
      // The address escapes: whatever receives it may write the object.
      if (auto O = DU.objectOf(U->getSubExpr()))
        record(O, true, U);
      break;
    default:
      break;
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      write(B->getLHS(), B);
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (!V->hasLocalStorage() && !V->isStaticLocal())
      return true;
    if (V->getType()->isReferenceType())
      return true;
    ObjectRef O;
    O.D = V;
    O.Type = plainType(V->getType());
    record(O, true, V->getInit());
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures()) {
      if (C.capturesThis()) {
        ObjectRef O;
        O.K = ObjectRef::This;
        record(O, true, L);
      } else if (C.capturesVariable()) {
        const ValueDecl *V = C.getCapturedVar();
        if (const auto *B = dyn_cast<BindingDecl>(V))
          V = B->getDecomposedDecl();
        if (!V)
          continue;
        ObjectRef O;
        O.D = V;
        O.Type = plainType(V->getType());
        if (V->getType()->isReferenceType()) {
          O.Indirect = true;
        }
        record(O, C.getCaptureKind() == LCK_ByRef, L);
      }
    }
    return Base::TraverseLambdaExpr(L);
  }

  bool VisitReturnStmt(ReturnStmt *S) {
    if (DU.Depth == 0) // a helper's return ends only the helper
      transfer(S);
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    transfer(S);
    return true;
  }
  bool VisitCXXThrowExpr(CXXThrowExpr *S) {
    transfer(S);
    return true;
  }
  bool VisitGotoStmt(GotoStmt *S) {
    transfer(S);
    return true;
  }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *S) {
    transfer(S);
    return true;
  }
  bool VisitBreakStmt(BreakStmt *S) {
    if (BreakDepth == 0)
      transfer(S);
    return true;
  }
  bool VisitContinueStmt(ContinueStmt *S) {
    if (LoopDepth == 0)
      transfer(S);
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (!E->isImplicit())
      suspend(E);
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    suspend(E);
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    suspend(E);
    return true;
  }
  bool VisitGCCAsmStmt(GCCAsmStmt *S) {
    opaque(S);
    return true;
  }

#define COROLINT_LOOP(Type)                                                    \
  bool Traverse##Type(Type *S) {                                               \
    ++LoopDepth;                                                               \
    ++BreakDepth;                                                              \
    bool R = Base::Traverse##Type(S);                                          \
    --LoopDepth;                                                               \
    --BreakDepth;                                                              \
    return R;                                                                  \
  }
  COROLINT_LOOP(ForStmt)
  COROLINT_LOOP(WhileStmt)
  COROLINT_LOOP(DoStmt)
  COROLINT_LOOP(CXXForRangeStmt)
#undef COROLINT_LOOP
  bool TraverseSwitchStmt(SwitchStmt *S) {
    ++BreakDepth;
    bool R = Base::TraverseSwitchStmt(S);
    --BreakDepth;
    return R;
  }

private:
  const DefUse &DU;
  llvm::ArrayRef<const Expr *> Trusted;
  llvm::SmallPtrSet<const Expr *, 8> ConsumedThis;
  unsigned LoopDepth = 0;
  unsigned BreakDepth = 0;
};

DefUse::DefUse(const FunctionDecl &F, const Stmt *Body, const ASTContext &Ctx,
               const RuleCatalog &Catalog)
    : DefUse(F, Body, Ctx, Catalog, 0, std::make_shared<HelperCache>()) {}

DefUse::DefUse(const FunctionDecl &F, const Stmt *Body, const ASTContext &Ctx,
               const RuleCatalog &Catalog, unsigned Depth,
               std::shared_ptr<HelperCache> Helpers)
    : F(F), Ctx(Ctx), Catalog(Catalog), Depth(Depth),
      Helpers(std::move(Helpers)) {
  mergeAliases(Body);
}

bool DefUse::isPureHelper(const FunctionDecl *FD) const {
  if (!FD || Depth >= 3)
    return false;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isTemplateInstantiation() ||
      Def->isDependentContext())
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def))
    if (!MD->isStatic())
      return false;
  if (Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  const Stmt *Body = Def->getBody();
  if (!Body || isa<CoroutineBodyStmt>(Body))
    return false;
  auto Cached = Helpers->find(Def);
  if (Cached != Helpers->end())
    return Cached->second;
  (*Helpers)[Def] = false; // recursion is not pure
  DefUse Inner(*Def, Body, Ctx, Catalog, Depth + 1, Helpers);
  Effects E = Inner.effects(Body);
  bool Pure = !E.Opaque && !E.Transfer && !E.Suspend;
  for (const Access &A : E.Accesses) {
    if (!Pure)
      break;
    if (A.Obj.K != ObjectRef::Variable) {
      Pure = false; // a static member function reaching an object's members
      break;
    }
    const auto *V = dyn_cast_or_null<VarDecl>(A.Obj.D);
    if (!V) {
      Pure = false;
      break;
    }
    if (!V->hasLocalStorage()) { // a global or static
      Pure = !A.Write && !A.Obj.Indirect &&
             (V->getType().isConstQualified() || V->isConstexpr());
      continue;
    }
    if (!A.Write)
      continue;
    if (Inner.isLocal(A.Obj))
      continue;
    // A write through a parameter the caller passes by non-const reference
    // or pointer: the caller sees it as a write of its argument.
    const auto *P = dyn_cast<ParmVarDecl>(V);
    QualType T = V->getType();
    Pure = P && A.Obj.D == P &&
           ((T->isLValueReferenceType() &&
             !T.getNonReferenceType().isConstQualified()) ||
            (T->isPointerType() && !T->getPointeeType().isConstQualified()));
  }
  (*Helpers)[Def] = Pure;
  return Pure;
}

const Decl *DefUse::key(const ObjectRef &O) {
  return O.D; // null for This
}

const Decl *DefUse::find(const Decl *D) const {
  if (!D)
    return nullptr;
  auto It = Parent.find(D);
  if (It == Parent.end() || It->second == D)
    return D;
  const Decl *Root = find(It->second);
  Parent[D] = Root;
  return Root;
}

void DefUse::merge(const Decl *A, const Decl *B) {
  A = find(A);
  B = find(B);
  if (A && B && A != B)
    Parent[A] = B;
}

const Decl *DefUse::representative(const ObjectRef &O) const {
  return find(key(O));
}

namespace {

/// Finds the places where a local of aliasing type gets its referent.
class AliasSites : public EvaluatedCodeVisitor<AliasSites> {
public:
  std::vector<std::pair<const Decl *, const Expr *>> Sites;
  bool VisitVarDecl(VarDecl *V) {
    if (V->hasLocalStorage() && V->getInit() && isAliasingType(V->getType()))
      Sites.push_back({V, V->getInit()});
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    const VarDecl *V = S->getLoopVariable();
    if (V && isAliasingType(V->getType()) && S->getRangeInit())
      Sites.push_back({V, S->getRangeInit()});
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
          if (V->hasLocalStorage() && isAliasingType(V->getType()))
            Sites.push_back({V, B->getRHS()});
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    if (C->getOperator() == OO_Equal && C->getNumArgs() == 2)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(C->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
          if (V->hasLocalStorage() && isAliasingType(V->getType()))
            Sites.push_back({V, C->getArg(1)});
    return true;
  }
};

} // namespace

void DefUse::mergeAliases(const Stmt *Body) {
  if (!Body)
    return;
  AliasSites Sites;
  Sites.TraverseStmt(const_cast<Stmt *>(Body));
  for (const auto &[V, Init] : Sites.Sites) {
    // `auto &r = a.b[i]`, `T *p = &x`: what is bound is the path's object.
    const Expr *Bound = ignoreValuePreserving(Init);
    if (const auto *U = dyn_cast<UnaryOperator>(Bound))
      if (U->getOpcode() == UO_AddrOf)
        Bound = U->getSubExpr();
    if (cast<ValueDecl>(V)->getType()->isReferenceType() ||
        cast<ValueDecl>(V)->getType()->isPointerType() || Bound != Init) {
      if (auto O = objectOf(Bound)) {
        if (O->K == ObjectRef::This)
          ThisAliases.insert(V);
        else if (O->D != V)
          merge(V, O->D);
        continue;
      }
    }
    RootCollector Roots;
    Roots.TraverseStmt(const_cast<Expr *>(Init));
    if (Roots.HasThis)
      ThisAliases.insert(V);
    for (const Decl *R : Roots.Roots)
      if (R != V)
        merge(V, R);
  }
}

std::optional<ObjectRef> DefUse::objectOf(const Expr *E) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
    case CK_ArrayToPointerDecay:
    case CK_LValueBitCast:
    case CK_ToUnion:
      return objectOf(Cast->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (const auto *B = dyn_cast<BindingDecl>(D)) {
      D = B->getDecomposedDecl();
      if (!D)
        return std::nullopt;
    }
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V)
      return std::nullopt;
    ObjectRef O;
    if (ThisAliases.count(V)) { // `auto &self = *this`
      O.K = ObjectRef::This;
      O.Type = plainType(V->getType());
      if (O.Type->isPointerType())
        O.Type = pointeeOf(O.Type);
      return O;
    }
    O.D = V;
    O.Type = plainType(V->getType());
    if (V->getType()->isReferenceType())
      O.Indirect = true;
    return O;
  }
  if (const auto *This = dyn_cast<CXXThisExpr>(E)) {
    ObjectRef O;
    O.K = ObjectRef::This;
    O.Type = plainType(This->getType()->getPointeeType());
    return O; // the pointer `this`; what it points to is *this
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    const ValueDecl *Member = ME->getMemberDecl();
    if (const auto *V = dyn_cast<VarDecl>(Member)) { // static data member
      ObjectRef O;
      O.D = V;
      O.Type = plainType(V->getType());
      return O;
    }
    if (!isa<FieldDecl>(Member))
      return std::nullopt;
    if (isa<CXXThisExpr>(Base)) {
      ObjectRef O;
      O.K = ObjectRef::Field;
      O.D = Member;
      O.Type = plainType(Member->getType());
      if (Member->getType()->isReferenceType())
        O.Indirect = true;
      return O;
    }
    auto O = objectOf(Base);
    if (!O)
      return std::nullopt;
    if (ME->isArrow()) {
      if (O->K == ObjectRef::This) // (*this)-> cannot happen; `this->` above
        return O;
      O->Indirect = true;
      O->Type = pointeeOf(Base->getType());
    }
    if (Member->getType()->isReferenceType()) {
      O->Indirect = true;
      O->Type = plainType(Member->getType());
    }
    return O;
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = Sub->getBase()->IgnoreParens();
    auto O = objectOf(Base);
    if (!O)
      return std::nullopt;
    const Expr *Plain = Base->IgnoreParenImpCasts();
    if (Plain->getType()->isPointerType()) { // not a decayed array
      O->Indirect = true;
      O->Type = pointeeOf(Plain->getType());
    }
    return O;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    const Expr *Sub = U->getSubExpr()->IgnoreParenImpCasts();
    auto O = objectOf(Sub);
    if (!O)
      return std::nullopt;
    if (O->K == ObjectRef::This)
      return O;
    if (!Sub->getType()->isPointerType()) // *array
      return O;
    O->Indirect = true;
    O->Type = pointeeOf(Sub->getType());
    return O;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 0)
      return std::nullopt;
    OverloadedOperatorKind K = Op->getOperator();
    auto O = objectOf(Op->getArg(0));
    if (!O)
      return std::nullopt;
    if (K == OO_Subscript)
      return O;
    if ((K == OO_Arrow || K == OO_Star) && Op->getNumArgs() == 1) {
      O->Indirect = true;
      QualType R = Op->getType();
      if (K == OO_Arrow)
        R = pointeeOf(R);
      O->Type = plainType(R);
      return O;
    }
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // Element access of a standard container: part of the container.
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier() ||
        !isStandardName(qualifiedName(MD->getParent())))
      return std::nullopt;
    llvm::StringRef Name = MD->getName();
    if (Name != "front" && Name != "back" && Name != "at" && Name != "value" &&
        Name != "get" && Name != "data" && Name != "operator*")
      return std::nullopt;
    auto O = objectOf(Call->getImplicitObjectArgument());
    if (O && (Name == "get" || Name == "data") &&
        isPointerLikeClass(Call->getImplicitObjectArgument()->getType())) {
      O->Indirect = true;
      O->Type = pointeeOf(Call->getType());
    }
    return O;
  }
  return std::nullopt;
}

Effects DefUse::effects(const Stmt *S,
                        llvm::ArrayRef<const Expr *> Trusted) const {
  EffectsCollector C(*this, Trusted);
  if (S)
    C.TraverseStmt(const_cast<Stmt *>(S));
  return std::move(C.Out);
}

bool DefUse::isLocal(const ObjectRef &O) const {
  if (O.K != ObjectRef::Variable || O.Indirect || !O.D)
    return false;
  const auto *V = dyn_cast<VarDecl>(O.D);
  if (!V || !V->hasLocalStorage() || V->getType()->isReferenceType())
    return false;
  // A variable of an enclosing function, captured by a lambda, is shared.
  const DeclContext *DC = V->getDeclContext();
  while (DC && !isa<FunctionDecl>(DC))
    DC = DC->getParent();
  return DC == &F;
}

bool DefUse::mayAlias(const ObjectRef &A, const ObjectRef &B) const {
  const bool AThis = A.K == ObjectRef::This, BThis = B.K == ObjectRef::This;
  if (AThis || BThis) {
    const ObjectRef &Other = AThis ? B : A;
    if (Other.K != ObjectRef::Variable)
      return true; // this vs this or a member of this
    if (!Other.Indirect)
      return false;
    QualType ThisType = AThis ? A.Type : B.Type;
    return ThisType.isNull() || typesCompatible(ThisType, Other.Type);
  }
  if (representative(A) == representative(B))
    return true;
  if (A.Indirect || B.Indirect) {
    const ObjectRef &Other = A.Indirect ? B : A;
    if (!Other.Indirect && isLocal(Other))
      return false; // nothing outside can point to a local it never saw
    return typesCompatible(A.Type, B.Type);
  }
  return false;
}

bool DefUse::conflict(const Effects &A, const Effects &B) const {
  for (const Access &X : A.Accesses)
    for (const Access &Y : B.Accesses)
      if ((X.Write || Y.Write) && mayAlias(X.Obj, Y.Obj))
        return true;
  return false;
}

bool DefUse::isTransparentCall(const Expr *E) const {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor)
      return false;
    for (const Expr *Arg : Construct->arguments())
      if (isCallable(Arg) && !Ctor->isCopyOrMoveConstructor())
        return false;
    for (Section S : {Section::Blocking, Section::Spawn, Section::Offload,
                      Section::Synchronization})
      if (Catalog.lookup(S, Ctor) || Catalog.lookup(S, Ctor->getParent()))
        return false;
    return true;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  if (FD->getBuiltinID())
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return false;
  if (FD->getOverloadedOperator() == OO_Call)
    return false;
  for (Section S : {Section::Blocking, Section::Spawn, Section::Offload,
                    Section::Synchronization, Section::Yields,
                    Section::ConcurrentCombinators, Section::ChannelSends})
    if (Catalog.lookup(S, FD))
      return false;
  for (const Expr *Arg : Call->arguments())
    if (isCallable(Arg))
      return false;
  if (FD->isConstexpr() || FD->isOverloadedOperator())
    return true;
  std::string Name = qualifiedName(FD);
  if (isStandardName(Name) || Catalog.isLibraryName(Name))
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (isStandardName(qualifiedName(MD->getParent())))
      return true;
    if (MD->isConst() && !MD->isVirtual())
      return true;
    if (isa<CXXConversionDecl>(MD) && MD->isConst())
      return true;
  }
  return isPureHelper(FD);
}

} // namespace corolint
