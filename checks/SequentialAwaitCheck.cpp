#include "SequentialAwaitCheck.h"
#include "support/AwaitCombine.h"
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopBounds.h"
#include "support/QualifiedName.h"
#include "support/SourceText.h"
#include "support/StmtParts.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

using namespace seqawait;

namespace {

/// The blocks and awaits of a coroutine body (not of nested lambdas).
class Blocks : public EvaluatedCodeVisitor<Blocks> {
public:
  bool VisitCompoundStmt(CompoundStmt *S) {
    Found.push_back(S);
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    Awaits.push_back(E);
    return true;
  }
  std::vector<const CompoundStmt *> Found;
  std::vector<const CoawaitExpr *> Awaits;
};

/// Calls of a concurrent combinator anywhere in an expression.
class CombinatorFinder : public EvaluatedCodeVisitor<CombinatorFinder> {
public:
  explicit CombinatorFinder(const RuleCatalog &Catalog) : Catalog(Catalog) {}
  bool VisitCallExpr(CallExpr *C) {
    if (const FunctionDecl *FD = C->getDirectCallee())
      if (Catalog.lookup(Section::ConcurrentCombinators, FD))
        Found = true;
    return !Found;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    if (Catalog.lookup(Section::ConcurrentCombinators, C->getConstructor()))
      Found = true;
    return !Found;
  }
  const RuleCatalog &Catalog;
  bool Found = false;
};

} // namespace

namespace seqawait {

const CoawaitExpr *asAwait(const Expr *E) {
  E = ignoreValuePreserving(E);
  return dyn_cast_or_null<CoawaitExpr>(E);
}

bool isHoistableKind(const Stmt *S) {
  return isa<DeclStmt>(S) || isa<Expr>(S) || isa<NullStmt>(S);
}

/// The text to show for an awaited call: the callee as written plus "()"
/// or "(...)".
std::string describe(const CallExpr *Call, const ASTContext &Ctx) {
  std::string Text = spelling(Call->getCallee()->IgnoreImplicit(), Ctx, 60);
  if (Text.empty()) {
    const FunctionDecl *FD = Call->getDirectCallee();
    Text = FD ? FD->getNameAsString() : "operation";
  }
  bool HasArgs = false;
  for (const Expr *Arg : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      HasArgs = true;
  return Text + (HasArgs ? "(...)" : "()");
}

bool isStandardName(llvm::StringRef Name) {
  return Name.starts_with("std::") || Name.starts_with("__gnu_cxx::");
}

} // namespace seqawait

namespace {

/// Whether a function's name says it changes state somewhere (`write`,
/// `async_send`, `createUser`, `co_insert`; its first word is one of the
/// catalogs' `mutating_verbs`): such an operation is done for its effect
/// even when it returns a value, and a later operation may observe that
/// effect through state neither mentions (a server, a file).
bool isMutatingName(llvm::StringRef Name, const RuleCatalog &Catalog) {
  std::string Lower = Name.lower();
  llvm::StringRef Rest(Name);
  // Drop the asynchronous spellings: async_write, asyncWrite, co_write.
  for (llvm::StringRef Prefix : {"async_", "co_", "async", "co"}) {
    if (llvm::StringRef(Lower).starts_with(Prefix) &&
        Rest.size() > Prefix.size()) {
      char Next = Rest[Prefix.size()];
      bool Boundary = Prefix.ends_with("_") || (Next >= 'A' && Next <= 'Z');
      if (Boundary) {
        Rest = Rest.drop_front(Prefix.size());
        break;
      }
    }
  }
  // The first word: up to '_' or a lower-to-upper case change.
  std::size_t End = 0;
  while (End < Rest.size() && Rest[End] != '_' &&
         !(End > 0 && Rest[End] >= 'A' && Rest[End] <= 'Z' &&
           Rest[End - 1] >= 'a' && Rest[End - 1] <= 'z'))
    ++End;
  return Catalog.lookup(Section::MutatingVerbs, Rest.take_front(End).lower()) !=
         nullptr;
}

} // namespace

SequentialAwaitCheck::SequentialAwaitCheck(llvm::StringRef Name,
                                           tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      MinIndependentAwaits(
          unsignedOption("MinIndependentAwaits", 2U, /*Min=*/2U)),
      Ignored(nameListOption("IgnoredCallees")) {}

void SequentialAwaitCheck::checkCoroutine(CoroutineContext &Coro) {
  const FunctionDecl &F = Coro.function();
  ASTContext &Ctx = Coro.ast();
  const Stmt *Code = Coro.body();
  if (!Code)
    return;
  this->Coro = &Coro;
  const DefUse &DU = Coro.defUse();
  Blocks Found;
  Found.TraverseStmt(const_cast<Stmt *>(Code));
  for (const CompoundStmt *Block : Found.Found)
    checkBlock(*Block, DU, F, Ctx);
  for (const Stmt *Loop : Coro.loops()) {
    if (isa<DoStmt>(Loop))
      continue; // this check has never judged do loops; kept as it was
    checkLoop(*Loop, DU, F, Ctx);
    checkElementLoop(*Loop, DU, F, Ctx);
  }
  for (const CoawaitExpr *Await : Found.Awaits)
    checkVisit(*Await, DU, F, Ctx);
}

/// Whether FD is a coroutine defined in this translation unit that never
/// waits: its body never suspends (no co_await or co_yield that can) and
/// makes no blocking call, directly or through helpers. Awaiting it runs a
/// computation on the spot, with no wait to overlap with another; one that
/// blocks on file i/o instead is worth running concurrently on a pool.
static bool neverWaits(const FunctionDecl *FD, ASTContext &Ctx,
                       const RuleCatalog &Catalog) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def))
    return false;
  const CoroutineBodyStmt *Body = coroutineBody(Def);
  if (!Body)
    return false;
  // The awaited coroutine's own context: the one its checks read.
  CoroutineContext &Callee = AnalysisStore::of(Ctx).coroutine(*Def, *Body, Catalog);
  if (!Callee.neverSuspends())
    return false;
  BlockingAnalysis &Blocking = BlockingAnalysis::shared(Ctx, Catalog, "", "");
  for (const ResolvedCall &Site : Callee.calls())
    if (Blocking.directRule(Site.Call, *Def) ||
        Blocking.helperPath(Site.Callee))
      return false;
  return true;
}

/// The call an await runs when it is an operation that could run
/// concurrently with others: a call of a known function (not a member of
/// *this, not a synchronisation or timing primitive, a yield, a combinator
/// or a standard-library helper such as std::move) whose effects are
/// visible apart from its callee's own.
const CallExpr *
SequentialAwaitCheck::operationCall(const CoawaitExpr *Await,
                                    const DefUse &DU, ASTContext &Ctx) const {
  if (!Await || Await->isImplicit() || !Coro->canSuspend(Await))
    return nullptr;
  const Expr *Operand = awaitedOperand(Await);
  if (!Operand)
    return nullptr;
  Operand = ignoreValuePreserving(Operand);
  const auto *Call = dyn_cast<CallExpr>(Operand);
  if (!Call || isa<CXXOperatorCallExpr>(Call) || Call->isTypeDependent() ||
      Call->isValueDependent())
    return nullptr;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || FD->getOverloadedOperator() != OO_None)
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return nullptr;
  std::string Name = qualifiedName(FD);
  if (isStandardName(Name) || Ignored.matches(Name))
    return nullptr;
  if (FD->getIdentifier() && isMutatingName(FD->getName(), catalog()))
    return nullptr;
  if (neverWaits(FD, Ctx, catalog()))
    return nullptr; // a synchronous computation: nothing to overlap
  for (Section S : {Section::Synchronization, Section::Yields,
                    Section::ConcurrentCombinators,
                    Section::NonSuspendingAwaitables, Section::Spawn,
                    Section::Offload, Section::Blocking})
    if (catalog().lookup(S, FD))
      return nullptr;
  std::string Type = typeName(Operand->getType());
  if (!Type.empty() && (catalog().lookup(Section::Synchronization, Type) ||
                        catalog().lookup(Section::Yields, Type)))
    return nullptr;
  // A callable argument runs code the analysis does not see.
  for (const Expr *Arg : Call->arguments())
    if (isCallableArgument(Arg))
      return nullptr;
  CombinatorFinder Combinators(catalog());
  Combinators.TraverseStmt(const_cast<CallExpr *>(Call));
  if (Combinators.Found)
    return nullptr;
  Effects E = DU.effects(Call, {Call});
  if (E.Opaque || E.Transfer || E.Suspend)
    return nullptr;
  for (const Access &A : E.Accesses) {
    // A member function of this object: it may use any of the object's
    // state, and calls on one object are ordered.
    if (A.Obj.K == ObjectRef::This && A.Write)
      return nullptr;
    // A mutable global (or static) variable: any other operation's callee
    // may change it.
    if (A.Obj.K == ObjectRef::Variable && !A.Obj.Indirect)
      if (const auto *V = dyn_cast_or_null<VarDecl>(A.Obj.D))
        if (!V->hasLocalStorage() && !V->getType().isConstQualified() &&
            !V->isConstexpr())
          return nullptr;
  }
  return Call;
}

/// `T x = co_await op(...);`, `auto [a, b] = co_await op(...);` or
/// `x = co_await op(...);` with a local x: an operation whose result is
/// kept. An operation whose result is dropped is done for its effect, and
/// effects are ordered.
std::optional<SequentialAwaitCheck::Operation>
SequentialAwaitCheck::operationStatement(const Stmt *S, const DefUse &DU,
                                         ASTContext &Ctx) const {
  const CoawaitExpr *Await = nullptr;
  ObjectRef Result;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    if (!DS->isSingleDecl())
      return std::nullopt;
    const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (!V || !V->hasLocalStorage() || !V->getInit())
      return std::nullopt;
    Await = asAwait(V->getInit());
    Result.D = V;
    Result.Type = V->getType().getNonReferenceType().getCanonicalType();
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    auto Assigned = binaryOperands(ignoreValuePreserving(E), OO_Equal);
    if (!Assigned || !isa<DeclRefExpr>(Assigned->first->IgnoreParenImpCasts()))
      return std::nullopt;
    auto O = DU.objectOf(Assigned->first);
    if (!O || !DU.isLocal(*O))
      return std::nullopt;
    Await = asAwait(Assigned->second);
    Result = *O;
  }
  const CallExpr *Call = operationCall(Await, DU, Ctx);
  if (!Call)
    return std::nullopt;
  Operation Op;
  Op.S = S;
  Op.Await = Await;
  Op.Call = Call;
  Op.E = DU.effects(Call, {Call});
  Op.E.Accesses.push_back({Result, /*Write=*/true, S});
  return Op;
}

void SequentialAwaitCheck::checkBlock(const CompoundStmt &Block,
                                      const DefUse &DU, const FunctionDecl &F,
                                      ASTContext &Ctx) {
  // A group: operations none of which depends on another, with statements
  // between them that can all move above the first (they read nothing the
  // operations before them write and write nothing those access, only to
  // local variables, with no calls whose effects are hidden).
  std::vector<Operation> Group;
  auto Flush = [&] {
    if (Group.size() >= MinIndependentAwaits)
      reportGroup(Group, Block, F, Ctx);
    Group.clear();
  };
  for (const Stmt *S : Block.body()) {
    if (std::optional<Operation> Op = operationStatement(S, DU, Ctx)) {
      bool Independent = true;
      for (const Operation &Earlier : Group)
        if (DU.conflict(Earlier.E, Op->E))
          Independent = false;
      if (!Independent)
        Flush();
      Group.push_back(std::move(*Op));
      continue;
    }
    if (Group.empty())
      continue;
    bool Hoistable = isHoistableKind(S);
    if (Hoistable) {
      Effects E = DU.effects(S);
      if (E.Opaque || E.Transfer || E.Suspend)
        Hoistable = false;
      for (const Access &A : E.Accesses)
        if (A.Write && !DU.isLocal(A.Obj))
          Hoistable = false;
      for (const Operation &Earlier : Group)
        if (Hoistable && DU.conflict(Earlier.E, E))
          Hoistable = false;
    }
    if (!Hoistable)
      Flush();
  }
  Flush();
}

std::string SequentialAwaitCheck::combinator(const Expr *Operation,
                                             const FunctionDecl &F,
                                             llvm::StringRef Attribute) const {
  for (QualType T : {Operation->getType(), F.getReturnType()}) {
    std::string Name = typeName(T);
    if (Name.empty())
      continue;
    if (const RuleEntry *Entry = catalog().awaitableType(Name)) {
      llvm::StringRef Text = Entry->attribute(Attribute);
      if (!Text.empty())
        return Text.str();
    }
  }
  return {};
}

void SequentialAwaitCheck::reportGroup(const std::vector<Operation> &Group,
                                       const CompoundStmt &Block,
                                       const FunctionDecl &F,
                                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Operation &First = Group[0];
  const Operation &Second = Group[1];
  std::string FirstText = describe(First.Call, Ctx);
  diag(Second.Await->getBeginLoc(),
       "'%0' does not depend on the result of '%1' awaited on line %2; "
       "await them concurrently")
      << describe(Second.Call, Ctx) << FirstText
      << SM.getPresumedLineNumber(First.Await->getBeginLoc());
  // The rewrite into the library's combinator goes on the note: running the
  // operations together changes their order and what an exception cancels.
  std::vector<AwaitedDeclaration> Declarations;
  for (const Operation &Op : Group)
    if (const auto *DS = dyn_cast<DeclStmt>(Op.S))
      Declarations.push_back({DS, Op.Await});
  std::vector<FixItHint> Fix;
  if (Declarations.size() == Group.size())
    Fix = combineAwaitsFix(Declarations, Block, F, catalog(), Ctx,
                           Includes);
  std::string With = combinator(First.Call, F, "combinator");
  if (With.empty())
    diag(First.Await->getBeginLoc(), "'%0' is awaited here",
         DiagnosticIDs::Note)
        << FirstText << Fix;
  else
    diag(First.Await->getBeginLoc(),
         "'%0' is awaited here; run them together with %1",
         DiagnosticIDs::Note)
        << FirstText << With << Fix;
  for (std::size_t I = 2; I < Group.size(); ++I)
    diag(Group[I].Await->getBeginLoc(),
         "'%0' does not depend on the earlier results either",
         DiagnosticIDs::Note)
        << describe(Group[I].Call, Ctx);
}

} // namespace corolint
