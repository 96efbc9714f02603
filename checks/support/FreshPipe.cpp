#include "support/FreshPipe.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/QualifiedName.h"
#include "support/ResultUse.h"
#include "support/RuleCatalog.h"
#include "support/StmtParts.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include <optional>
#include <vector>

using namespace clang;

namespace corolint {
namespace {

std::optional<std::uint64_t> constantOf(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx);
  if (!V || V->isNegative() || V->getActiveBits() > 63)
    return std::nullopt;
  return V->getZExtValue();
}

std::optional<unsigned> integerAttribute(const RuleEntry &R,
                                         llvm::StringRef Key) {
  unsigned V = 0;
  if (R.attribute(Key).getAsInteger(10, V))
    return std::nullopt;
  return V;
}

/// The node above E that still has E's value (casts, parentheses,
/// temporaries).
const Expr *upward(const Expr *E, const BodyParents &P) {
  return outermostSameValue(E, P);
}

/// Whether S may run more than once: it is inside a loop (not a `do { }
/// while (false)`, the statement form of macros such as Catch2's REQUIRE,
/// whose condition folds to false).
bool insideLoop(const Stmt *S, const BodyParents &P, const ASTContext &Ctx) {
  for (const Stmt *Cur = P.parent(S); Cur; Cur = P.parent(Cur)) {
    if (const auto *D = dyn_cast<DoStmt>(Cur)) {
      bool Value = true;
      if (D->getCond()->EvaluateAsBooleanCondition(Value, Ctx) && !Value)
        continue;
      return true;
    }
    if (isa<WhileStmt, ForStmt, CXXForRangeStmt>(Cur))
      return true;
  }
  return false;
}

/// Whether S never runs: the right operand of `false && x` / `true || x`,
/// the argument of __builtin_constant_p (Catch2's REQUIRE repeats its
/// expression in both, for the compiler's warnings only).
bool neverRuns(const Stmt *S, const BodyParents &P, const ASTContext &Ctx) {
  for (const Stmt *Cur = S, *Par = P.parent(S); Par;
       Cur = Par, Par = P.parent(Par)) {
    if (const auto *B = dyn_cast<BinaryOperator>(Par)) {
      bool Value = false;
      if (B->isLogicalOp() && Cur == B->getRHS() &&
          B->getLHS()->EvaluateAsBooleanCondition(Value, Ctx) &&
          Value == (B->getOpcode() == BO_LOr))
        return true;
    }
    if (const auto *C = dyn_cast<CallExpr>(Par))
      if (C->getBuiltinCallee() == Builtin::BI__builtin_constant_p)
        return true;
  }
  return false;
}

/// The callee a call runs, by its catalog name.
const RuleEntry *blockingWrite(const CallExpr *C, const RuleCatalog &Catalog) {
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  const RuleEntry *R = F ? Catalog.lookup(Section::Blocking, F) : nullptr;
  return R && R->attribute("fd_call") == "true" &&
                 integerAttribute(*R, "size_argument")
             ? R
             : nullptr;
}

/// The bytes a write of rule R makes, when constant.
std::optional<std::uint64_t> bytesOf(const CallExpr *C, const RuleEntry &R,
                                     const ASTContext &Ctx) {
  std::optional<unsigned> Arg = integerAttribute(R, "size_argument");
  if (!Arg || *Arg >= C->getNumArgs())
    return std::nullopt;
  return constantOf(C->getArg(*Arg), Ctx);
}

/// The argument index at which E (up to casts) is passed to call C; -1 if
/// it is not an argument of C.
int argumentIndex(const CallExpr *C, const Expr *E) {
  for (unsigned I = 0; I < C->getNumArgs(); ++I)
    if (C->getArg(I)->IgnoreParenImpCasts() == E->IgnoreParenImpCasts() ||
        C->getArg(I) == E)
      return static_cast<int>(I);
  return -1;
}

struct DeclRefs : EvaluatedCodeVisitor<DeclRefs> {
  const ValueDecl *D;
  std::vector<const DeclRefExpr *> Found;
  explicit DeclRefs(const ValueDecl *D) : D(D) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == D)
      Found.push_back(E);
    return true;
  }
};

std::vector<const DeclRefExpr *> refsTo(const ValueDecl *D, const Stmt *Body) {
  DeclRefs V(D);
  V.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(V.Found);
}

/// The local variable a lambda whose call operator is Op is stored in.
const VarDecl *lambdaVariable(const CXXMethodDecl &Op, const Stmt *Body) {
  struct Finder : EvaluatedCodeVisitor<Finder> {
    const CXXMethodDecl *Op;
    const VarDecl *Found = nullptr;
    bool VisitVarDecl(VarDecl *V) {
      const Expr *Init = V->getInit();
      if (const auto *L = dyn_cast_or_null<LambdaExpr>(
              Init ? Init->IgnoreImplicit() : nullptr))
        if (L->getCallOperator()->getCanonicalDecl() == Op)
          Found = V;
      return !Found;
    }
  } F;
  F.Op = Op.getCanonicalDecl();
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

/// The pipe end `A[i]` (built-in array or operator[]) an expression names.
struct End {
  const VarDecl *Array = nullptr;
  std::uint64_t Index = 0;
};

std::optional<End> endOf(const Expr *E, const ASTContext &Ctx) {
  auto Subscript = binaryOperands(E, OO_Subscript);
  if (!Subscript)
    return std::nullopt;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Subscript->first->IgnoreParenImpCasts());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  std::optional<std::uint64_t> I = constantOf(Subscript->second, Ctx);
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) || !I)
    return std::nullopt;
  return End{V, *I};
}

/// Everything the function with body Body does with the pipe array of
/// End: its creation, the bytes written into the end, the calls that hand
/// the end to Lambda (the variable holding the coroutine lambda, if any).
struct PipeUses {
  unsigned Creations = 0;
  std::uint64_t Bytes = 0;
  unsigned LambdaCalls = 0;
  bool Unknown = false;
};

class PipeReader {
public:
  PipeReader(End E, const Stmt *Body, const RuleCatalog &Catalog,
             const ASTContext &Ctx, const VarDecl *Lambda, unsigned Param)
      : E(E), Body(Body), Parents(Body), Catalog(Catalog), Ctx(Ctx),
        Lambda(Lambda), Param(Param) {}

  PipeUses read() {
    for (const DeclRefExpr *Ref : refsTo(E.Array, Body))
      use(Ref);
    if (Lambda)
      for (const DeclRefExpr *Ref : refsTo(Lambda, Body))
        lambdaUse(Ref);
    return Uses;
  }
  const RuleEntry *Pipe = nullptr;

private:
  void use(const DeclRefExpr *Ref) {
    if (neverRuns(Ref, Parents, Ctx))
      return;
    const Expr *Cur = upward(Ref, Parents);
    const Stmt *Par = Parents.parent(Cur);
    if (std::optional<End> At =
            Par && isa<Expr>(Par) ? endOf(cast<Expr>(Par), Ctx) : std::nullopt;
        At && At->Array == E.Array) {
      if (At->Index == E.Index)
        endUse(cast<Expr>(Par));
      return; // the other end: reading does not fill the pipe
    }
    // The whole array: the pipe's creation, directly or through an
    // element accessor (`fds.data()`).
    if (isa_and_nonnull<MemberExpr>(Par))
      Par = Parents.parent(Par);
    if (const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(Par)) {
      const CXXMethodDecl *MD = M->getMethodDecl();
      const RuleEntry *A =
          MD && MD->getIdentifier()
              ? Catalog.lookup(Section::Accessors, MD->getName())
              : nullptr;
      if (!A || A->attribute("element") != "true") {
        Uses.Unknown = true;
        return;
      }
      Cur = upward(M, Parents);
      Par = Parents.parent(Cur);
    }
    const auto *C = dyn_cast_or_null<CallExpr>(Par);
    const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    const RuleEntry *P = F ? Catalog.lookup(Section::Pipes, F) : nullptr;
    std::optional<unsigned> Arg = P ? integerAttribute(*P, "array_argument")
                                    : std::nullopt;
    std::optional<unsigned> WriteEnd =
        P ? integerAttribute(*P, "write_end") : std::nullopt;
    if (!Arg || !WriteEnd || argumentIndex(C, Cur) != static_cast<int>(*Arg) ||
        *WriteEnd != E.Index || insideLoop(C, Parents, Ctx)) {
      Uses.Unknown = true;
      return;
    }
    Pipe = P;
    ++Uses.Creations;
  }

  void endUse(const Expr *EndExpr) {
    const Expr *Cur = upward(EndExpr, Parents);
    const auto *C = dyn_cast_or_null<CallExpr>(Parents.parent(Cur));
    int Index = C ? argumentIndex(C, Cur) : -1;
    if (Index < 0) {
      Uses.Unknown = true;
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
        Op && Lambda && Op->getOperator() == OO_Call) {
      const auto *Obj = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
      if (Obj && Obj->getDecl() == Lambda &&
          Index == static_cast<int>(Param) + 1 && !insideLoop(C, Parents, Ctx))
        return; // counted by lambdaUse
      Uses.Unknown = true;
      return;
    }
    if (const RuleEntry *W = blockingWrite(C, Catalog); W && Index == 0) {
      std::optional<std::uint64_t> N = bytesOf(C, *W, Ctx);
      if (!N || insideLoop(C, Parents, Ctx))
        Uses.Unknown = true;
      else
        Uses.Bytes += *N;
      return;
    }
    // A call the pipe entry says takes an end without writing (`close`).
    Harmless.push_back(C);
  }

  void lambdaUse(const DeclRefExpr *Ref) {
    if (neverRuns(Ref, Parents, Ctx))
      return;
    const Expr *Cur = upward(Ref, Parents);
    const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Parents.parent(Cur));
    if (!Op || Op->getOperator() != OO_Call || argumentIndex(Op, Cur) != 0 ||
        insideLoop(Op, Parents, Ctx)) {
      Uses.Unknown = true; // the lambda escapes, or runs many times
      return;
    }
    ++Uses.LambdaCalls;
  }

public:
  /// Calls that take the end for something else; checked against the
  /// pipe entry once it is known.
  std::vector<const CallExpr *> Harmless;

private:
  End E;
  const Stmt *Body;
  BodyParents Parents;
  const RuleCatalog &Catalog;
  const ASTContext &Ctx;
  const VarDecl *Lambda;
  unsigned Param;
  PipeUses Uses;
};

/// The bytes the lambda body writes into its parameter P per call, when
/// every use of P is such a write.
std::optional<std::uint64_t> bytesPerCall(const ParmVarDecl *P,
                                          const Stmt *Body,
                                          const RuleCatalog &Catalog,
                                          const ASTContext &Ctx) {
  BodyParents Parents(Body);
  std::uint64_t Total = 0;
  for (const DeclRefExpr *Ref : refsTo(P, Body)) {
    const Expr *Cur = upward(Ref, Parents);
    const auto *C = dyn_cast_or_null<CallExpr>(Parents.parent(Cur));
    const RuleEntry *W = blockingWrite(C, Catalog);
    if (!W || argumentIndex(C, Cur) != 0 || insideLoop(C, Parents, Ctx))
      return std::nullopt;
    std::optional<std::uint64_t> N = bytesOf(C, *W, Ctx);
    if (!N)
      return std::nullopt;
    Total += *N;
  }
  return Total;
}

const Stmt *userBody(const FunctionDecl &F) {
  const Stmt *Body = F.getBody();
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coro->getBody();
  return Body;
}

} // namespace

bool writeIntoFreshPipe(const CallExpr &Write, const RuleEntry &Rule,
                        const FunctionDecl &Enclosing,
                        const RuleCatalog &Catalog) {
  const ASTContext &Ctx = Enclosing.getASTContext();
  if (!integerAttribute(Rule, "size_argument") || Write.getNumArgs() == 0 ||
      !bytesOf(&Write, Rule, Ctx) || Catalog.size(Section::Pipes) == 0)
    return false;
  const Expr *Fd = Write.getArg(0)->IgnoreParenImpCasts();
  std::optional<End> TheEnd = endOf(Fd, Ctx);
  const FunctionDecl *Creator = &Enclosing;
  const VarDecl *Lambda = nullptr;
  unsigned Param = 0;
  std::uint64_t PerCall = 0;
  if (!TheEnd) {
    // A parameter of a lambda the enclosing function calls with the end.
    const auto *Ref = dyn_cast<DeclRefExpr>(Fd);
    const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    const auto *Op = dyn_cast<CXXMethodDecl>(&Enclosing);
    if (!P || !Op || !Op->getParent()->isLambda())
      return false;
    const auto *Outer = dyn_cast<FunctionDecl>(Op->getParent()->getDeclContext());
    if (!Outer || !Outer->hasBody())
      return false;
    Lambda = lambdaVariable(*Op, userBody(*Outer));
    std::optional<std::uint64_t> Bytes =
        Lambda ? bytesPerCall(P, userBody(Enclosing), Catalog, Ctx)
               : std::nullopt;
    if (!Bytes)
      return false;
    PerCall = *Bytes;
    Param = P->getFunctionScopeIndex();
    // Which end: the one every call passes.
    BodyParents Parents(userBody(*Outer));
    for (const DeclRefExpr *Use : refsTo(Lambda, userBody(*Outer))) {
      const auto *Call = dyn_cast_or_null<CXXOperatorCallExpr>(
          Parents.parent(outermostSameValue(Use, Parents)));
      if (!Call || Call->getNumArgs() <= Param + 1)
        return false;
      std::optional<End> Passed = endOf(Call->getArg(Param + 1), Ctx);
      if (!Passed || (TheEnd && (TheEnd->Array != Passed->Array ||
                                 TheEnd->Index != Passed->Index)))
        return false;
      TheEnd = Passed;
    }
    if (!TheEnd)
      return false;
    Creator = Outer;
  }
  PipeReader Reader(*TheEnd, userBody(*Creator), Catalog, Ctx, Lambda, Param);
  PipeUses Uses = Reader.read();
  if (Uses.Unknown || Uses.Creations != 1 || !Reader.Pipe)
    return false;
  for (const CallExpr *C : Reader.Harmless)
    if (!Reader.Pipe->lists("harmless_uses", calleeName(C)))
      return false;
  std::optional<unsigned> Capacity = integerAttribute(*Reader.Pipe, "capacity");
  std::uint64_t Total = Uses.Bytes + Uses.LambdaCalls * PerCall;
  return Capacity && Total <= *Capacity;
}

} // namespace corolint
