#include "support/LockRelease.h"
#include "support/CoroutineModel.h"
#include "support/FixIts.h"
#include "support/QualifiedName.h"
#include "support/ValueOf.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolint {

namespace {

/// Whether S names any of Decls (a variable, field or binding), in code
/// that runs or not (lambdas included: a capture names it too).
bool names(const Stmt *S, const llvm::SmallPtrSetImpl<const Decl *> &Decls) {
  return namesAny(S, [&](const ValueDecl *D) { return Decls.count(D) != 0; });
}

/// The block S is a statement of, if S is one.
const CompoundStmt *parentBlock(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  if (Parents.size() != 1)
    return nullptr;
  return Parents[0].get<CompoundStmt>();
}

/// The calls a suspension point awaits: taken to act only through their
/// arguments and object.
std::vector<const Expr *> awaitedCalls(llvm::ArrayRef<const Stmt *> Stmts) {
  std::vector<const Expr *> Calls;
  for (const Stmt *S : Stmts)
    for (const SuspensionPoint &P : suspensionPointsIn(S))
      if (const Expr *Operand = awaitedOperand(P.E))
        if (const auto *Call =
                dyn_cast<CallExpr>(ignoreValuePreserving(Operand)))
          Calls.push_back(Call);
  return Calls;
}

/// A constant no lock needs to guard (`asio::use_awaitable`).
bool isImmutable(const ObjectRef &O) {
  const auto *V = dyn_cast_or_null<VarDecl>(O.D);
  return O.K == ObjectRef::Variable && !O.Indirect && V &&
         (V->isConstexpr() || V->getType().isConstQualified());
}

/// Whether the guard was asked to try the lock only (it may not own it).
bool triesLock(const VarDecl *V) {
  const Expr *Init = V->getInit();
  if (!Init)
    return false;
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init->IgnoreImplicit()))
    Construct = dyn_cast<CXXConstructExpr>(Cast->getSubExpr()->IgnoreImplicit());
  if (!Construct)
    return true; // not seen: may not own
  for (const Expr *Arg : Construct->arguments())
    if (llvm::StringRef(typeName(Arg->getType())).ends_with("try_to_lock_t"))
      return true;
  return false;
}

} // namespace

std::vector<FixItHint>
releaseBeforeSuspendFix(const LockAcquisition &A,
                        llvm::ArrayRef<const Expr *> Suspends,
                        const DefUse &DU, LockTypes &Types, ASTContext &Ctx,
                        std::string *Why) {
  auto Fail = [&](const char *Reason) {
    if (Why)
      *Why = Reason;
    return std::vector<FixItHint>();
  };
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const auto *DS = dyn_cast_or_null<DeclStmt>(A.Site);
  const auto *Guard = dyn_cast_or_null<VarDecl>(A.Lock);
  if (A.FromCaller || !DS || !Guard || !DS->isSingleDecl() ||
      DS->getSingleDecl() != Guard)
    return Fail("the lock is not taken by a guard's own declaration");
  const CompoundStmt *Block = parentBlock(DS, Ctx);
  if (!Block)
    return Fail("the guard is not declared by a statement of a block");
  std::vector<const Stmt *> Body(Block->body_begin(), Block->body_end());
  std::size_t I = std::find(Body.begin(), Body.end(), DS) - Body.begin();
  if (I == Body.size())
    return Fail("the guard is not declared by a statement of a block");

  // The first statement after the guard where the coroutine may suspend
  // holding it; every such suspension lies there or later in the block.
  llvm::SmallPtrSet<const Expr *, 8> Pending(Suspends.begin(), Suspends.end());
  std::size_t J = I + 1;
  for (; J < Body.size(); ++J) {
    bool Here = false;
    for (const SuspensionPoint &P : suspensionPointsIn(Body[J]))
      Here = Here || Pending.count(P.E);
    if (Here)
      break;
  }
  if (J == Body.size())
    return Fail("the guard's suspensions are not in its block");
  for (std::size_t K = J; K < Body.size(); ++K)
    for (const SuspensionPoint &P : suspensionPointsIn(Body[K]))
      Pending.erase(P.E);
  if (!Pending.empty())
    return Fail("the guard's suspensions are not in its block");
  if (DS->getBeginLoc().isMacroID() || Body[J]->getBeginLoc().isMacroID())
    return Fail("the code is written by a macro");

  llvm::ArrayRef<const Stmt *> Held(Body.data() + I + 1, J - I - 1);
  llvm::ArrayRef<const Stmt *> After(Body.data() + J, Body.size() - J);

  // The guard is named nowhere else; its mutex not after the suspension.
  llvm::SmallPtrSet<const Decl *, 4> GuardDecls{Guard};
  for (const Stmt *S : Body)
    if (S != DS && names(S, GuardDecls))
      return Fail("the guard is used after its declaration");
  llvm::SmallPtrSet<const Decl *, 4> Mutexes;
  if (A.Mutex)
    Mutexes.insert(A.Mutex);
  for (const Stmt *S : After)
    if (names(S, Mutexes))
      return Fail("the mutex is used after the suspension");

  // The guarded data: what the held statements reach outside the locals.
  std::vector<ObjectRef> Guarded;
  bool GuardedGlobal = false;
  for (const Stmt *S : Held) {
    if (isa<LabelStmt>(S))
      return Fail("a label lies in the held statements");
    Effects E = DU.effects(S);
    if (E.Opaque)
      return Fail("the held statements call what the analysis cannot see");
    for (const Access &Acc : E.Accesses)
      if (!DU.isLocal(Acc.Obj)) {
        Guarded.push_back(Acc.Obj);
        GuardedGlobal = GuardedGlobal || (Acc.Obj.K == ObjectRef::Variable &&
                                          !Acc.Obj.Indirect);
      }
  }
  if (Guarded.empty())
    return Fail("the guard protects nothing before the suspension");

  // After it: nothing outside the locals but the objects the awaited
  // operations are called on (a socket, a timer), none of them guarded,
  // and nothing unseen.
  std::vector<const Expr *> Awaited = awaitedCalls(After);
  std::vector<ObjectRef> Receivers;
  for (const Expr *Call : Awaited)
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (std::optional<ObjectRef> O =
              DU.objectOf(MC->getImplicitObjectArgument()))
        Receivers.push_back(*O);
  for (const Stmt *S : After) {
    Effects E = DU.effects(S, Awaited);
    if (E.Opaque)
      return Fail("code after the suspension is not seen through");
    for (const Access &Acc : E.Accesses) {
      if (DU.isLocal(Acc.Obj) || isImmutable(Acc.Obj))
        continue;
      for (const ObjectRef &G : Guarded)
        if (DU.mayAlias(Acc.Obj, G))
          return Fail("guarded data is used after the suspension");
      bool Receiver = false;
      for (const ObjectRef &R : Receivers)
        Receiver = Receiver || (R.K == Acc.Obj.K && R.D == Acc.Obj.D &&
                                R.Indirect == Acc.Obj.Indirect);
      if (!Receiver)
        return Fail("shared data is used after the suspension");
    }
  }
  // A global may be read by an awaited function the analysis trusts.
  if (GuardedGlobal)
    for (const Expr *Call : Awaited)
      if (!DU.isTransparentCall(Call))
        return Fail("an awaited call may read the guarded global");

  std::string Indent = indentOf(Body[J]->getBeginLoc(), SM);

  // A guard that can be unlocked: unlock it before the suspension.
  const RuleEntry *Entry =
      Types.catalog().lookup(Section::LockGuards, typeName(Guard->getType()));
  llvm::StringRef Unlock = Entry ? Entry->attribute("unlock_method") : "";
  if (!Unlock.empty() && !triesLock(Guard))
    return {FixItHint::CreateInsertion(
        Body[J]->getBeginLoc(),
        (Guard->getName() + "." + Unlock + "();\n" + Indent).str())};

  // Otherwise end its scope there with braces.
  if (Held.empty())
    return Fail("nothing is held before the suspension");
  llvm::SmallPtrSet<const Decl *, 8> Declared;
  for (const Stmt *S : Held)
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Decls->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          return Fail("the held statements declare a type or function");
        QualType T = V->getType();
        bool Harmless = T.isDestructedType() == QualType::DK_none ||
                        typeName(T).rfind("std::", 0) == 0;
        if (!Harmless || Types.classify(T) != LockType::None)
          return Fail("a variable there would be destroyed earlier");
        Declared.insert(V);
        if (const auto *DD = dyn_cast<DecompositionDecl>(V))
          for (const BindingDecl *B : DD->bindings())
            Declared.insert(B);
      }
  for (const Stmt *S : After)
    if (names(S, Declared))
      return Fail("a declaration there is used after the suspension");
  SourceLocation Begin = DS->getBeginLoc();
  SourceLocation End = statementEnd(Held.back(), Ctx);
  if (End.isInvalid() || End.isMacroID() || Held.back()->getEndLoc().isMacroID())
    return Fail("the code is written by a macro");
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getCharRange(Begin, End), SM, LO, &Invalid);
  if (Invalid || Text.empty())
    return Fail("the code cannot be read");
  std::string Outer = indentOf(Begin, SM);
  std::string Inner = Outer + "  ";
  std::string Replacement = "{\n" + Inner;
  for (char C : Text) {
    Replacement += C;
    if (C == '\n')
      Replacement += "  ";
  }
  Replacement += "\n" + Outer + "}";
  // Lines that were blank stay blank.
  std::string Clean;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  llvm::StringRef(Replacement).split(Lines, '\n');
  for (std::size_t K = 0; K < Lines.size(); ++K) {
    if (K)
      Clean += "\n";
    Clean += Lines[K].trim().empty() ? "" : Lines[K].str();
  }
  return {FixItHint::CreateReplacement(CharSourceRange::getCharRange(Begin, End),
                                       Clean)};
}

} // namespace corolint
