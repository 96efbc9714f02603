#include "support/ExecutionContext.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {
namespace {

enum class Place { Unknown, Pool, Loop };

/// What the catalog says of a type name (or of a class it is nested in:
/// `asio::thread_pool::basic_executor_type`).
Place catalogPlace(llvm::StringRef Name, const RuleCatalog &Catalog) {
  while (!Name.empty()) {
    if (const RuleEntry *E = Catalog.lookup(Section::Executors, Name)) {
      if (E->Kind == "pool")
        return Place::Pool;
      if (E->Kind == "loop")
        return Place::Loop;
    }
    std::size_t Sep = Name.rfind("::");
    if (Sep == llvm::StringRef::npos)
      break;
    Name = Name.take_front(Sep);
  }
  return Place::Unknown;
}

bool isPoolType(QualType T, const RuleCatalog &Catalog, unsigned Depth) {
  if (T.isNull() || Depth > 2)
    return false;
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  std::string Name = typeName(T);
  switch (catalogPlace(Name, Catalog)) {
  case Place::Pool:
    return true;
  case Place::Loop:
    return false;
  case Place::Unknown:
    break;
  }
  // Not catalogued: a type whose name says pool (a catalog name pattern,
  // `*thread_pool*`).
  if (Catalog.lookupPattern(Section::Executors, Name,
                            [](const RuleEntry &E) { return E.Kind == "pool"; }))
    return true;
  // Smart pointers and wrappers: std::shared_ptr<coro::thread_pool>.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type &&
          isPoolType(Arg.getAsType(), Catalog, Depth + 1))
        return true;
  return false;
}

/// Where an awaited operand moves the coroutine, if it is a hop.
Place hopOf(const Expr *Operand, const RuleCatalog &Catalog) {
  Operand = Operand ? Operand->IgnoreParenImpCasts() : nullptr;
  if (!Operand)
    return Place::Unknown;
  if (!isa<CallExpr>(Operand)) {
    // An awaitable object that resumes on its executor
    // (`co_await ui_thread` with a winrt::apartment_context).
    if (catalogPlace(typeName(Operand->getType()), Catalog) == Place::Loop)
      return Place::Loop;
    return Place::Unknown;
  }
  std::string Name = calleeName(Operand);
  const FunctionDecl *Callee = calleeOf(Operand);
  const RuleEntry *Hop = Callee ? Catalog.lookup(Section::Executors, Callee)
                                : Catalog.lookup(Section::Executors, Name);
  if (Hop && Hop->Kind == "hop") {
    llvm::StringRef To = Hop->attribute("to");
    if (To == "pool")
      return Place::Pool;
    if (To == "loop")
      return Place::Loop;
    return involvesPoolExecutor(Operand, Catalog) ? Place::Pool : Place::Loop;
  }
  // Not catalogued: a scheduling call (a catalog name pattern,
  // `*schedule*`) on a pool (a user's `pool.schedule()`) moves there; an
  // explicit one elsewhere moves back.
  bool Explicit = Catalog.lookupPattern(
      Section::Executors, Name, [](const RuleEntry &E) { return E.Kind == "hop"; });
  bool Yields = Callee ? Catalog.lookup(Section::Yields, Callee)
                       : Catalog.lookup(Section::Yields, Name);
  if (!Explicit && !Yields) {
    // A task of a library whose tasks resume their awaiter on the thread
    // that completes them (`resumes_on_completion` on its awaitable type:
    // cppcoro, libcoro), given a thread pool to run on: the coroutine goes
    // on on that pool (`co_await for_each_async(pool, items, f)`).
    const RuleEntry *Task = Catalog.awaitableType(typeName(Operand->getType()));
    if (Task && Task->attribute("resumes_on_completion") == "true" &&
        involvesPoolExecutor(Operand, Catalog))
      return Place::Pool;
    return Place::Unknown;
  }
  if (involvesPoolExecutor(Operand, Catalog))
    return Place::Pool;
  return Explicit ? Place::Loop : Place::Unknown;
}

/// Calls to a catalogued hop whose awaitable result is thrown away
/// (`concurrencpp::resume_on(ex);` without co_await): statements of the
/// body, not nested lambdas'.
class DiscardedHops : public EvaluatedCodeVisitor<DiscardedHops> {
public:
  explicit DiscardedHops(const RuleCatalog &Catalog) : Catalog(Catalog) {}
  bool VisitCompoundStmt(CompoundStmt *S) {
    for (Stmt *Child : S->body())
      if (const auto *E = dyn_cast<Expr>(Child))
        if (const auto *Call = dyn_cast<CallExpr>(E->IgnoreImplicit()))
          if (isHop(Call))
            Found.push_back(Call);
    return true;
  }
  std::vector<const Expr *> Found;

private:
  // A hop the catalog names that returns something to await: a call that
  // returns nothing (`asio::post(pool, handler)`) runs its handler there,
  // it does not mean to move the caller.
  bool isHop(const CallExpr *Call) const {
    if (Call->getType()->isVoidType() || Call->getType()->isDependentType())
      return false;
    const FunctionDecl *Callee = Call->getDirectCallee();
    const RuleEntry *Hop =
        Callee ? Catalog.lookup(Section::Executors, Callee)
               : Catalog.lookup(Section::Executors, calleeName(Call));
    return Hop && Hop->Kind == "hop";
  }
  const RuleCatalog &Catalog;
};

/// The function whose body Body is: the owner of the parameters the body
/// copies (by-value parameters), if any.
const FunctionDecl *coroutineOf(const CoroutineBodyStmt &Body) {
  for (const Stmt *Move : Body.getParamMoves())
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(Move))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (const Expr *Init = V->getInit()) {
            const Expr *E = Init->IgnoreImplicit();
            if (const auto *C = dyn_cast<CXXConstructExpr>(E);
                C && C->getNumArgs() > 0)
              E = C->getArg(0)->IgnoreImplicit();
            if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
              if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
                return dyn_cast<FunctionDecl>(P->getDeclContext());
          }
  return nullptr;
}

} // namespace

bool isPoolExecutorType(QualType T, const RuleCatalog &Catalog) {
  return isPoolType(T, Catalog, 0);
}

bool isEventLoopType(QualType T, const RuleCatalog &Catalog) {
  for (unsigned Depth = 0; !T.isNull() && Depth < 3; ++Depth) {
    T = T.getNonReferenceType();
    if (const auto *P = T->getAs<PointerType>())
      T = P->getPointeeType();
    if (catalogPlace(typeName(T), Catalog) == Place::Loop)
      return true;
    // std::shared_ptr<asio::io_context>, std::vector<...>
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T->getAsCXXRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    T = Spec->getTemplateArgs()[0].getAsType();
  }
  return false;
}

bool involvesPoolExecutor(const Expr *Call, const RuleCatalog &Catalog) {
  Call = Call ? Call->IgnoreParenImpCasts() : nullptr;
  if (!Call)
    return false;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    if (const Expr *Object = M->getImplicitObjectArgument())
      if (isPoolExecutorType(Object->getType(), Catalog))
        return true;
  if (const auto *C = dyn_cast<CallExpr>(Call)) {
    for (const Expr *Arg : C->arguments())
      if (isPoolExecutorType(Arg->getType(), Catalog))
        return true;
  } else if (const auto *C = dyn_cast<CXXConstructExpr>(Call)) {
    for (const Expr *Arg : C->arguments())
      if (isPoolExecutorType(Arg->getType(), Catalog))
        return true;
  }
  return false;
}

ExecutionContext::ExecutionContext(const CoroutineBodyStmt &Body,
                                   const RuleCatalog &Catalog,
                                   const ASTContext &Ctx,
                                   const std::vector<SuspensionPoint> *Points)
    : SM(Ctx.getSourceManager()) {
  std::vector<SuspensionPoint> Own;
  if (!Points)
    Points = &(Own = suspensionPoints(&Body));
  for (const SuspensionPoint &P : *Points) {
    switch (hopOf(awaitedOperand(P.E), Catalog)) {
    case Place::Pool:
      Hops.push_back({P.E, true});
      break;
    case Place::Loop:
      Hops.push_back({P.E, false});
      break;
    case Place::Unknown:
      break;
    }
  }
  // A coroutine whose first parameter is a catalogued hop onto a pool (a
  // tag: concurrencpp's `executor_tag`, then the executor) is started by
  // its caller as a task of that executor, as `executor->submit(f)` would
  // run f there: it runs there from its start.
  if (const FunctionDecl *F = coroutineOf(Body))
    if (F->getNumParams() > 0)
      if (const RuleEntry *Tag = Catalog.lookup(
              Section::Executors, typeName(F->getParamDecl(0)->getType()));
          Tag && Tag->Kind == "hop" && Tag->attribute("to") == "pool")
        if (const auto *Start =
                dyn_cast_or_null<Expr>(Body.getInitSuspendStmt()))
          Hops.push_back({Start, true});
  // A hop that is called but not awaited does not move the coroutine, yet
  // says the code after it must not run where the coroutine is: whatever
  // pool an earlier hop moved it onto (a CPU pool, when it meant to go back
  // to the background executor to block) is no place to block after it.
  DiscardedHops Discarded(Catalog);
  Discarded.TraverseStmt(Body.getBody());
  for (const Expr *Call : Discarded.Found)
    Hops.push_back({Call, false});
  llvm::sort(Hops, [&](const Hop &A, const Hop &B) {
    return SM.isBeforeInTranslationUnit(A.Await->getBeginLoc(),
                                        B.Await->getBeginLoc());
  });
}

bool ExecutionContext::onPool(const Stmt *S) const {
  bool Pool = false; // where the last hop before S went
  for (const Hop &H : Hops) {
    // The hop's own operand (`co_await resume_on(pool)`) is evaluated
    // before it moves: only what follows the whole await runs there.
    if (SM.isBeforeInTranslationUnit(H.Await->getEndLoc(), S->getBeginLoc()))
      Pool = H.ToPool;
  }
  return Pool;
}

} // namespace corolint
