#include "support/BackgroundStarts.h"
#include "support/AnalysisStore.h"
#include "support/CoroutineModel.h"
#include "support/QualifiedName.h"
#include "support/SpawnHandleFate.h"
#include "support/SpawnSites.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolint {
namespace {

/// A member or a variable that outlives the call: what a run-once guard
/// keeps its state in.
bool outlivesCall(const ValueDecl *D) {
  if (isa_and_nonnull<FieldDecl>(D))
    return true;
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && V->hasGlobalStorage();
}

/// The members and globals an expression reads (also through `p->`, `*p`).
class NonLocalReads : public RecursiveASTVisitor<NonLocalReads> {
public:
  llvm::SmallPtrSet<const ValueDecl *, 4> Vars;
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    if (outlivesCall(R->getDecl()))
      Vars.insert(R->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *M) {
    if (outlivesCall(M->getMemberDecl()))
      Vars.insert(M->getMemberDecl());
    return true;
  }
};

/// Whether code sets one of Vars: an assignment, `++`/`--`, a compound
/// assignment, `std::exchange(v, ...)`, an atomic's store, exchange or
/// compare-exchange, an optional's emplace.
class WritesTo : public RecursiveASTVisitor<WritesTo> {
public:
  explicit WritesTo(const llvm::SmallPtrSet<const ValueDecl *, 4> &Vars)
      : Vars(Vars) {}
  bool Found = false;

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      note(B->getLHS());
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      note(U->getSubExpr());
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    OverloadedOperatorKind Op = C->getOperator();
    if ((Op == OO_Equal || Op == OO_PlusPlus || Op == OO_MinusMinus ||
         Op == OO_PlusEqual || Op == OO_MinusEqual) &&
        C->getNumArgs() > 0)
      note(C->getArg(0));
    return !Found;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    const CXXMethodDecl *M = C->getMethodDecl();
    if (M && M->getIdentifier() &&
        llvm::is_contained({"store", "exchange", "compare_exchange_strong",
                            "compare_exchange_weak", "test_and_set",
                            "emplace"},
                           M->getName()))
      note(C->getImplicitObjectArgument());
    return !Found;
  }
  bool VisitCallExpr(CallExpr *C) {
    if (C->getNumArgs() > 0 && calleeName(C) == "std::exchange")
      note(C->getArg(0));
    return !Found;
  }

private:
  void note(const Expr *E) {
    const ValueDecl *D = namedObject(E);
    Found = Found || (D && Vars.count(D));
  }
  const llvm::SmallPtrSet<const ValueDecl *, 4> &Vars;
};

bool readsWhatIsSet(const Expr *Cond, const Stmt *Setter) {
  NonLocalReads Reads;
  Reads.TraverseStmt(const_cast<Expr *>(Cond));
  if (Reads.Vars.empty())
    return false;
  WritesTo InCond(Reads.Vars);
  InCond.TraverseStmt(const_cast<Expr *>(Cond));
  if (InCond.Found)
    return true;
  WritesTo InSetter(Reads.Vars);
  InSetter.TraverseStmt(const_cast<Stmt *>(Setter));
  return InSetter.Found;
}

/// Whether S ends by leaving the function (`return`, `co_return`, `throw`).
bool leaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && leaves(Block->body_back());
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreImplicit());
  return isa_and_nonnull<ReturnStmt, CoreturnStmt>(S);
}

/// Whether E runs at most once per object (or program), not once per call:
/// it initialises a function-local static (`static bool started = [] {
/// std::thread(...).detach(); return true; }();`, a singleton's lazy start),
/// or a condition around it, or an earlier `if (...) return;`, reads a
/// member or global that the guarded code or the condition itself sets.
bool guardedOnce(const SpawnHandleFate &Handles, const Expr *E,
                 const Stmt *Body) {
  for (const Stmt *Child = E, *P = Handles.parent(E); P && Child != Body;
       Child = P, P = Handles.parent(P)) {
    if (const auto *Decls = dyn_cast<DeclStmt>(P)) {
      if (llvm::any_of(Decls->decls(), [](const Decl *D) {
            const auto *V = dyn_cast<VarDecl>(D);
            return V && V->isStaticLocal();
          }))
        return true;
      continue;
    }
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if ((Child == If->getThen() || Child == If->getElse()) &&
          readsWhatIsSet(If->getCond(), Child))
        return true;
      continue;
    }
    const auto *Block = dyn_cast<CompoundStmt>(P);
    if (!Block)
      continue;
    for (const Stmt *Each : Block->body()) {
      if (Each == Child)
        break;
      const auto *If = dyn_cast<IfStmt>(Each);
      if (If && !If->getElse() && leaves(If->getThen()) &&
          readsWhatIsSet(If->getCond(), Block))
        return true;
    }
  }
  return false;
}

/// Whether a variable holding the work is handed to the caller: a use of
/// it is (part of) what the body returns.
bool returnedToCaller(const SpawnHandleFate &Handles, const ValueDecl *D) {
  auto It = D ? Handles.scan().Refs.find(D) : Handles.scan().Refs.end();
  if (It == Handles.scan().Refs.end())
    return false;
  for (const Expr *Ref : It->second) {
    const Stmt *P = Handles.parent(Ref);
    while (P && isa<Expr>(P))
      P = Handles.parent(P);
    if (isa_and_nonnull<ReturnStmt, CoreturnStmt>(P))
      return true;
  }
  return false;
}

} // namespace

SourceLocation calledNameLoc(const CallExpr *Call) {
  if (const auto *Member =
          dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts()))
    return Member->getMemberLoc();
  if (isa<CXXOperatorCallExpr>(Call))
    return Call->getExprLoc();
  return Call->getCallee()->getExprLoc();
}

BackgroundStarts &BackgroundStarts::of(ASTContext &Ctx,
                                       const RuleCatalog &Catalog,
                                       const NameList &ExtraSpawns,
                                       const RuleEntry &ExtraRule,
                                       llvm::StringRef ExtraSpawnsOption,
                                       unsigned HelperDepth) {
  return AnalysisStore::of(Ctx).summaries<BackgroundStarts>(
      summaryKey(Catalog, {ExtraSpawnsOption, std::to_string(HelperDepth)}),
      [&] {
        return std::make_unique<BackgroundStarts>(Ctx, Catalog, ExtraSpawns,
                                                  ExtraRule, HelperDepth);
      });
}

bool BackgroundStarts::runsBody(const FunctionDecl *F, bool Awaited) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def))
    return false;
  return Awaited || !isCoroutine(Def);
}

const BackgroundStart *BackgroundStarts::startOf(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || HelperDepth == 0 || !F->hasBody(Def) || !Def->getBody() ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()) ||
      Catalog.isLibraryName(qualifiedName(Def)))
    return nullptr;
  auto [It, Inserted] = Cache.try_emplace(Def, nullptr);
  if (!Inserted)
    return It->second && *It->second ? &**It->second : nullptr;
  auto Result = std::make_unique<std::optional<BackgroundStart>>(compute(Def));
  auto &Slot = Cache[Def];
  Slot = std::move(Result);
  return *Slot ? &**Slot : nullptr;
}

std::optional<BackgroundStart>
BackgroundStarts::compute(const FunctionDecl *Def) {
  const Stmt *Body = Def->getBody();
  if (const CoroutineBodyStmt *Coro = coroutineBody(Def))
    Body = Coro->getBody();
  SpawnHandleFate Handles(Body, Catalog, Ctx);
  std::vector<const Expr *> Spawned;
  auto insideSpawn = [&](const Expr *E) {
    return llvm::any_of(Spawned,
                        [&](const Expr *S) { return Handles.within(E, S); });
  };
  for (const Expr *E : Handles.scan().Calls) {
    if (insideSpawn(E))
      continue;
    bool Discarded = isa<CallExpr>(E) && Handles.isDiscarded(E);
    if (auto S = spawnAt(E, Discarded, Catalog, ExtraSpawns, ExtraRule)) {
      Spawned.push_back(S->E);
      if (S->OnThis)
        continue; // the class's own spawn API
      const ValueDecl *Holder = nullptr;
      if (Handles.fate(*S, Body, Holder) == SpawnHandleFate::Waited ||
          returnedToCaller(Handles, Holder) || guardedOnce(Handles, S->E, Body))
        continue;
      BackgroundStart Start;
      Start.Chain.push_back({S->Loc, S->Name});
      return Start;
    }
    // A helper that starts work and returns, called so that its body runs.
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? calleeOf(Call) : nullptr;
    if (!Callee || !runsBody(Callee, Handles.inWaitContext(Call)))
      continue;
    const BackgroundStart *Inner = startOf(Callee);
    if (!Inner || Inner->Chain.size() + 1 > HelperDepth ||
        guardedOnce(Handles, Call, Body))
      continue;
    BackgroundStart Start;
    Start.Chain.push_back({calledNameLoc(Call), qualifiedName(Callee)});
    Start.Chain.insert(Start.Chain.end(), Inner->Chain.begin(),
                       Inner->Chain.end());
    return Start;
  }
  return std::nullopt;
}

} // namespace corolint
