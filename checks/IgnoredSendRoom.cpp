#include "IgnoredSendRoom.h"
#include "support/CoroutineModel.h"
#include "support/KnownConditions.h"
#include "support/ResultUse.h"
#include "support/RuleCatalog.h"
#include "support/ValueOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace corolint {

namespace {

/// Whether Cond, a condition on Queue, being Value says the queue holds
/// nothing: `q.empty()` (the catalogs' `emptiness_queries`) true,
/// `q.size() == 0` (`size_queries`) true, `q.size() != 0` false.
bool saysEmpty(const Expr *Cond, bool Value, const ValueDecl *Queue,
               const RuleCatalog &Catalog) {
  auto QueryOn = [&](const Expr *E, Section S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    return M && M->getIdentifier() &&
           thisOrLocalObject(Call->getImplicitObjectArgument()) == Queue &&
           Catalog.lookup(S, M->getName());
  };
  if (QueryOn(Cond, Section::EmptinessQueries))
    return Value;
  const auto *B = dyn_cast<BinaryOperator>(Cond);
  if (!B || (B->getOpcode() != BO_EQ && B->getOpcode() != BO_NE) ||
      Value != (B->getOpcode() == BO_EQ))
    return false;
  auto IsZero = [](const Expr *E) {
    const auto *I = dyn_cast<IntegerLiteral>(E->IgnoreParenImpCasts());
    return I && I->getValue() == 0;
  };
  return (QueryOn(B->getLHS(), Section::SizeQueries) && IsZero(B->getRHS())) ||
         (QueryOn(B->getRHS(), Section::SizeQueries) && IsZero(B->getLHS()));
}

/// The lambda whose body Body is. The parent map puts a lambda's body
/// under the lambda or under its call operator.
const LambdaExpr *lambdaOfBody(const Stmt *Body, ASTContext &Ctx) {
  DynTypedNode N = DynTypedNode::create(*Body);
  for (int Depth = 0; Depth < 4; ++Depth) {
    DynTypedNodeList Up = Ctx.getParents(N);
    if (Up.empty())
      return nullptr;
    if (const auto *L = Up[0].get<LambdaExpr>())
      return L->getBody() == Body ? L : nullptr;
    if (!Up[0].get<CXXMethodDecl>() && !Up[0].get<CXXRecordDecl>())
      return nullptr;
    N = Up[0];
  }
  return nullptr;
}

} // namespace

bool roomKnown(const CallExpr *Call, const Stmt *Body,
               const RuleCatalog &Catalog) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(Call);
  const ValueDecl *Queue =
      M ? thisOrLocalObject(M->getImplicitObjectArgument()) : nullptr;
  if (!Queue)
    return false;
  auto IsQuery = [&](const CXXMemberCallExpr *Q) {
    const CXXMethodDecl *QM = Q->getMethodDecl();
    if (!QM || !QM->getIdentifier())
      return false;
    for (Section S : {Section::EmptinessQueries, Section::SizeQueries,
                      Section::StateQueries})
      if (Catalog.lookup(S, QM->getName()))
        return true;
    return false;
  };
  return conditionKnown(
      Call, Body,
      [&](const Expr *Cond, bool Value) {
        return saysEmpty(Cond, Value, Queue, Catalog);
      },
      [&](const Stmt *Between) {
        return containsSuspension(Between) ||
               usedOtherThan(Between, Queue, IsQuery);
      });
}

bool roomAfter(const Expr *Use, const ValueDecl *Queue, const Stmt *Body,
               const BodyParents &Parents, llvm::StringRef Members,
               ASTContext &Ctx) {
  if (Members.empty() || !Queue)
    return false;
  auto IsRoomCall = [&](const Expr *E) {
    E = ignoreValuePreserving(E);
    if (const auto *A = dyn_cast_or_null<CoawaitExpr>(E))
      E = ignoreValuePreserving(awaitedOperand(A));
    const auto *C = dyn_cast_or_null<CXXMemberCallExpr>(E);
    const CXXMethodDecl *MD = C ? C->getMethodDecl() : nullptr;
    return MD && MD->getIdentifier() && listNames(Members, MD->getName()) &&
           thisOrLocalObject(C->getImplicitObjectArgument()) == Queue;
  };
  // The statement of a block the use is in (`return f(x);` for a call).
  const Stmt *Cur = Use;
  const Stmt *Par = Parents.parent(Cur);
  while (Par && (isa<Expr>(Par) || isa<ReturnStmt>(Par))) {
    Cur = Par;
    Par = Parents.parent(Cur);
  }
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Par);
  if (!Block)
    return false;
  llvm::SmallVector<const Stmt *, 8> Before;
  for (const Stmt *Child : Block->body()) {
    if (Child == Cur)
      break;
    Before.push_back(Child);
  }
  auto Nothing = [](const CXXMemberCallExpr *) { return false; };
  for (auto It = Before.rbegin(); It != Before.rend(); ++It) {
    if (const auto *E = dyn_cast<Expr>(*It); E && IsRoomCall(E))
      return true;
    if (containsSuspension(*It) || usedOtherThan(*It, Queue, Nothing))
      return false;
  }
  // The start of a lambda's body: the lambda continues the call it is
  // handed to (`then`), made on the future of a room_after member.
  if (Block != Body)
    return false;
  const LambdaExpr *Lambda = lambdaOfBody(Body, Ctx);
  if (!Lambda)
    return false;
  const Expr *Arg = Lambda;
  for (int Depth = 0; Depth < 8; ++Depth) {
    DynTypedNodeList P = Ctx.getParents(*Arg);
    const Expr *Next = P.empty() ? nullptr : P[0].get<Expr>();
    if (!Next)
      return false;
    if (const auto *Continue = dyn_cast<CXXMemberCallExpr>(Next))
      return IsRoomCall(Continue->getImplicitObjectArgument());
    if (!isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ImplicitCastExpr,
             CXXConstructExpr, CXXFunctionalCastExpr, ExprWithCleanups>(Next))
      return false;
    Arg = Next;
  }
  return false;
}


namespace {

/// How many times Body names the member Field (lambdas in it included).
unsigned usesOf(const Stmt *Body, const ValueDecl *Field) {
  struct Counter : RecursiveASTVisitor<Counter> {
    const ValueDecl *Field;
    unsigned Uses = 0;
    bool VisitMemberExpr(MemberExpr *M) {
      Uses += M->getMemberDecl() == Field;
      return true;
    }
  } C;
  C.Field = Field;
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return C.Uses;
}

/// The nearest ancestor of S (through the parent map) that Stop accepts;
/// an empty node when there is none.
DynTypedNode ancestor(const Stmt *S, ASTContext &Ctx,
                      llvm::function_ref<bool(const DynTypedNode &)> Stop) {
  DynTypedNode N = DynTypedNode::create(*S);
  for (int Depth = 0; Depth < 512; ++Depth) {
    DynTypedNodeList Up = Ctx.getParents(N);
    if (Up.empty())
      break;
    N = Up[0];
    if (Stop(N))
      return N;
  }
  return {};
}

/// The function a statement is in, looking through the lambdas around it
/// (their bodies run on behalf of that function); null in a local class.
const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  return ancestor(S, Ctx, [](const DynTypedNode &N) {
           if (const auto *M = N.get<CXXMethodDecl>())
             return !M->getParent()->isLambda();
           const auto *R = N.get<CXXRecordDecl>();
           return N.get<FunctionDecl>() || (R && !R->isLambda());
         }).get<FunctionDecl>();
}

/// The body the statement S belongs to: the innermost lambda's around it,
/// or its function's.
const Stmt *enclosingBody(const Stmt *S, ASTContext &Ctx) {
  DynTypedNode N = ancestor(S, Ctx, [](const DynTypedNode &N) {
    return N.get<LambdaExpr>() || N.get<FunctionDecl>();
  });
  if (const auto *L = N.get<LambdaExpr>())
    return L->getBody();
  const auto *F = N.get<FunctionDecl>();
  return F ? F->getBody() : nullptr;
}

/// The call on `*this` Ref is the callee of, if any.
const CXXMemberCallExpr *callOnThis(const MemberExpr *Ref, ASTContext &Ctx) {
  if (!isa<CXXThisExpr>(Ref->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  const Expr *Callee = Ref;
  for (int Depth = 0; Depth < 4; ++Depth) {
    DynTypedNodeList Up = Ctx.getParents(*Callee);
    const Expr *Next = Up.empty() ? nullptr : Up[0].get<Expr>();
    if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Next))
      return Call->getCallee()->IgnoreParens() == Ref ? Call : nullptr;
    if (!isa_and_nonnull<ParenExpr>(Next))
      return nullptr;
    Callee = Next;
  }
  return nullptr;
}

} // namespace

RoomFromCallers roomFromCallers(const CXXMemberCallExpr *Push,
                                ASTContext &Ctx) {
  const auto *Queue = dyn_cast_or_null<FieldDecl>(
      thisOrLocalObject(Push->getImplicitObjectArgument()));
  if (!Queue)
    return {};
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(enclosingFunction(Push, Ctx));
  // A virtual function is also called through its base, out of view.
  if (!M || M->isVirtual() || M->isStatic() || !M->getBody() ||
      M->getParent()->getCanonicalDecl() !=
          Queue->getParent()->getCanonicalDecl())
    return {};
  if (usesOf(M->getBody(), Queue) != 1)
    return {};
  return {M->getCanonicalDecl(), Queue};
}

std::vector<CallersRoom> callersRoom(llvm::ArrayRef<RoomRequest> Requests,
                                     ASTContext &Ctx) {
  // Every reference to a requested function in the translation unit.
  struct References : RecursiveASTVisitor<References> {
    llvm::DenseMap<const FunctionDecl *, std::vector<const Expr *>> Of;
    void note(const ValueDecl *D, const Expr *E) {
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        if (auto It = Of.find(F->getCanonicalDecl()); It != Of.end())
          It->second.push_back(E);
    }
    bool VisitMemberExpr(MemberExpr *E) {
      note(E->getMemberDecl(), E);
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      note(E->getDecl(), E);
      return true;
    }
    // A call a template leaves unresolved may be one of them.
    bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
      if (E->getMemberName().isIdentifier())
        for (auto &[F, Refs] : Of)
          if (F->getDeclName() == E->getMemberName())
            Refs.push_back(E);
      return true;
    }
  } Refs;
  for (const RoomRequest &R : Requests)
    Refs.Of[R.Where.Function];
  Refs.TraverseDecl(Ctx.getTranslationUnitDecl());

  std::vector<CallersRoom> Result;
  for (const RoomRequest &R : Requests) {
    CallersRoom Room;
    for (const Expr *Ref : Refs.Of[R.Where.Function]) {
      const auto *Member = dyn_cast<MemberExpr>(Ref);
      const CXXMemberCallExpr *Call = Member ? callOnThis(Member, Ctx) : nullptr;
      const Stmt *Body = Call ? enclosingBody(Call, Ctx) : nullptr;
      if (Body && roomAfter(Call, R.Where.Queue, Body, BodyParents(Body),
                            R.Members, Ctx)) {
        ++Room.WithRoom;
        continue;
      }
      if (!Room.Without)
        Room.Without = Call ? Call : Ref;
    }
    Result.push_back(Room);
  }
  return Result;
}

} // namespace corolint
