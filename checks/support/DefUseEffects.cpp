// The effect half of the def-use analysis: what a statement reads and
// writes (EffectsCollector), which calls the analysis sees through
// (isTransparentCall, isPureHelper) and whether two effects conflict.
#include "support/DefUse.h"
#include "support/AnalysisStore.h"
#include "support/Summaries.h"
#include "support/DefUseTypes.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace corolint {

using namespace defuse;

void Effects::append(const Effects &Other) {
  Accesses.insert(Accesses.end(), Other.Accesses.begin(), Other.Accesses.end());
  if (!Opaque)
    Opaque = Other.Opaque;
  if (!Transfer)
    Transfer = Other.Transfer;
  if (!Suspend)
    Suspend = Other.Suspend;
}

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
      if (!isWritableHandle(Arg->getType(), Pointee, DU.catalog()))
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
        bool Writes = IsTrusted || mutatesObject(MD, DU.catalog());
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
            record(O, IsTrusted || mutatesObject(MD, DU.catalog()), CE);
          } else if (IsTrusted || mutatesObject(MD, DU.catalog())) {
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

bool DefUse::isPure(const FunctionDecl &F, const ASTContext &Ctx,
                    const RuleCatalog &Catalog) {
  return DefUse(F, nullptr, Ctx, Catalog).isPureHelper(&F);
}

bool DefUse::isPureHelper(const FunctionDecl *FD) const {
  if (!FD || Depth >= 3)
    return false;
  if (!FD->hasBody()) {
    // Defined in another file: its summary says (docs/whole-program.md).
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && !MD->isStatic())
      return false;
    const FunctionSummary *S = AnalysisStore::of(Ctx).external(FD);
    return S && S->Pure;
  }
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
  auto Cached = Helpers->find({Def, Depth});
  if (Cached != Helpers->end())
    return Cached->second;
  (*Helpers)[{Def, Depth}] = false; // recursion is not pure
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
  (*Helpers)[{Def, Depth}] = Pure;
  return Pure;
}

Effects DefUse::effects(const Stmt *S,
                        llvm::ArrayRef<const Expr *> Trusted) const {
  EffectsCollector C(*this, Trusted);
  if (S)
    C.TraverseStmt(const_cast<Stmt *>(S));
  return std::move(C.Out);
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
