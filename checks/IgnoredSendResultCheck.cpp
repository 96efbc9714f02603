#include "IgnoredSendResultCheck.h"
#include "IgnoredSendRoom.h"
#include "support/AnalysisStore.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/KnownConditions.h"
#include "support/QualifiedName.h"
#include "support/ResultUse.h"
#include "support/SourceText.h"
#include "support/ValueOf.h"

#include "support/CoroutineModel.h"
#include "support/DefUse.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

struct IgnoredSendResultCheck::Send {
  const CallExpr *Call;
  const FunctionDecl *Callee;
  const RuleEntry *Rule; // null for ExtraSendFunctions
  /// The result is delivered to a completion (error_code, tuple), not
  /// returned by the call.
  bool AsyncResult;
  /// The member name shown in messages.
  std::string Name;
  /// A call a template leaves unresolved, matched by its member name.
  bool Dependent = false;
  /// Not catalogued; [[nodiscard]]: clang's -Wunused-result reports a
  /// discarded result, so only a stored, never-read one is reported here.
  bool OnlyStored = false;
  /// The queue is known to have room (see roomKnown): the send cannot fail
  /// for want of it.
  bool RoomKnown = false;
};

IgnoredSendResultCheck::IgnoredSendResultCheck(llvm::StringRef Name,
                                               tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      Extra(nameListOption("ExtraSendFunctions")) {}

namespace {

/// A send that waits for room and fails only once the channel or queue
/// was closed or stopped (the catalog's `drops_when` is `closed`): a
/// discarded result loses nothing in normal operation.
bool droppedOnlyWhenClosed(const RuleEntry *Rule) {
  return Rule && Rule->attribute("drops_when") == "closed";
}

class SendCollector : public EvaluatedCodeVisitor<SendCollector> {
public:
  SendCollector(const RuleCatalog &Catalog, const NameList &Extra)
      : Catalog(Catalog), Extra(Extra) {}

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return dependentSend(C);
    const RuleEntry *Rule = Catalog.lookup(Section::ChannelSends, Callee);
    if (!Rule && !(!Extra.empty() && Extra.matches(qualifiedName(Callee))))
      return queueMethod(C, Callee);
    llvm::StringRef Kind = Rule ? Rule->attribute("result") : "";
    Calls.push_back({C, Callee, Rule, Kind == "error_code" || Kind == "tuple",
                     Callee->getNameAsString()});
    return true;
  }

  /// `ch_.try_send(...)` on a channel whose type depends on a template
  /// parameter: a catalogued send by its member name, when every send of
  /// that name returns its status.
  bool dependentSend(CallExpr *C) {
    const Expr *Callee = C->getCallee()->IgnoreImplicit();
    DeclarationName Member;
    if (const auto *D = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
      Member = D->getMember();
    else if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee))
      Member = U->getMemberName();
    if (!Member.isIdentifier())
      return true;
    std::vector<const RuleEntry *> Rules =
        Catalog.entriesNamed(Section::ChannelSends, Member.getAsString());
    if (Rules.empty())
      return true;
    for (const RuleEntry *R : Rules) {
      llvm::StringRef Kind = R->attribute("result");
      if ((Kind != "bool" && Kind != "status") || droppedOnlyWhenClosed(R))
        return true;
    }
    Calls.push_back({C, nullptr, Rules.front(), false, Member.getAsString(),
                     /*Dependent=*/true});
    return true;
  }

  /// A `push`/`try_push`/`enqueue`/`try_enqueue` that is not catalogued but
  /// whose result its own API says matters: it returns bool or an enum and
  /// is [[nodiscard]] (warn_unused_result), or its class has catalogued
  /// sends (a queue or channel type the catalog knows).
  bool queueMethod(CallExpr *C, const FunctionDecl *Callee) {
    const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
    if (!MD || !MD->getIdentifier())
      return true;
    llvm::StringRef N = MD->getName();
    if (N != "push" && N != "try_push" && N != "enqueue" &&
        N != "try_enqueue")
      return true;
    QualType R = MD->getReturnType();
    if (!R->isBooleanType() && !R->isEnumeralType())
      return true;
    bool NoDiscard = MD->hasAttr<WarnUnusedResultAttr>();
    if (const auto *ED = R->getAsTagDecl())
      NoDiscard |= ED->hasAttr<WarnUnusedResultAttr>();
    bool Queue = Catalog.hasMemberOf(Section::ChannelSends,
                                     qualifiedName(MD->getParent()));
    if (!NoDiscard && !Queue)
      return true;
    Found F{C, Callee, nullptr, false, N.str()};
    F.OnlyStored = NoDiscard;
    Calls.push_back(F);
    return true;
  }

  const RuleCatalog &Catalog;
  const NameList &Extra;
  struct Found {
    const CallExpr *Call;
    const FunctionDecl *Callee;
    const RuleEntry *Rule;
    bool AsyncResult;
    std::string Name;
    bool Dependent = false;
    bool OnlyStored = false;
  };
  std::vector<Found> Calls;
};

const Expr *tokenOf(const CallExpr *Call) {
  if (Call->getNumArgs() == 0)
    return nullptr;
  const Expr *Last = Call->getArg(Call->getNumArgs() - 1);
  if (isa<CXXDefaultArgExpr>(Last))
    return nullptr;
  return ignoreValuePreserving(Last);
}

bool isErrorCodeType(QualType T) {
  std::string Name = typeName(T);
  return Name == "error_code" || llvm::StringRef(Name).ends_with("::error_code");
}

/// The error_code variable a token writes the error to
/// (`asio::redirect_error(asio::use_awaitable, ec)`).
const DeclRefExpr *errorVariableOf(const Expr *Token) {
  if (!Token)
    return nullptr;
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Call = dyn_cast<CallExpr>(Token))
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Token))
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  for (const Expr *Arg : Args) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
    if (Ref && isa<VarDecl>(Ref->getDecl()) && Ref->isLValue() &&
        isErrorCodeType(Ref->getType()))
      return Ref;
  }
  return nullptr;
}

bool hasAwaitableMember(const CXXRecordDecl *RD, ASTContext &Ctx, int Depth) {
  if (!RD || Depth > 8)
    return false;
  RD = RD->getDefinition();
  if (!RD)
    return false;
  DeclarationName Names[] = {
      &Ctx.Idents.get("await_ready"), &Ctx.Idents.get("promise_type"),
      Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait)};
  for (DeclarationName N : Names)
    if (!RD->lookup(N).empty())
      return true;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (hasAwaitableMember(Base.getType()->getAsCXXRecordDecl(), Ctx,
                           Depth + 1))
      return true;
  return false;
}

/// Whether a value of type T is an operation still to be awaited (a task,
/// an awaiter) rather than the result itself.
bool looksAwaitable(QualType T, const RuleCatalog &Catalog, ASTContext &Ctx) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (!RD->hasDefinition())
    return true; // cannot tell: leave it alone
  return hasAwaitableMember(RD, Ctx, 0) ||
         Catalog.awaitableType(typeName(T)) != nullptr;
}

bool referencedIn(const ValueDecl *D, const Stmt *S) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ValueDecl *D;
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      Found |= Ref->getDecl() == D;
      return !Found;
    }
  } F;
  F.D = D;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

/// The handler's error parameter if the lambda never reads it.
const ParmVarDecl *ignoredErrorParameter(const LambdaExpr *L) {
  const CXXMethodDecl *Op = L->getCallOperator();
  if (!Op || Op->getNumParams() == 0)
    return nullptr;
  const ParmVarDecl *P = Op->getParamDecl(0);
  if (P->isParameterPack() || P->hasAttr<UnusedAttr>())
    return nullptr;
  if (!P->getType()->isDependentType() && !isErrorCodeType(P->getType()))
    return nullptr;
  if (P->getIdentifier() && referencedIn(P, L->getBody()))
    return nullptr;
  return P;
}

std::string variableName(const VarDecl *V) {
  const auto *Decomp = dyn_cast<DecompositionDecl>(V);
  if (!Decomp)
    return V->getNameAsString();
  std::string Name = "[";
  for (const BindingDecl *B : Decomp->bindings())
    Name += (Name.size() > 1 ? ", " : "") + B->getNameAsString();
  return Name + "]";
}

/// The members of the queue after which its push has room (the rule's
/// `room_after`).
llvm::StringRef roomMembers(const RuleEntry *Rule) {
  return Rule ? Rule->attribute("room_after") : "";
}

/// The queue (member of `*this`, or local) a push is made on.
const ValueDecl *pushedQueue(const CallExpr *Call) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(Call);
  return M ? thisOrLocalObject(M->getImplicitObjectArgument()) : nullptr;
}

} // namespace

struct IgnoredSendResultCheck::PushAwaitingCallers {
  Send S;
  RoomFromCallers Where;
};

IgnoredSendResultCheck::~IgnoredSendResultCheck() = default;

void IgnoredSendResultCheck::checkCoroutine(CoroutineContext &Coro) {
  checkBody(Coro.function(), Coro.body(), Coro.ast());
}

void IgnoredSendResultCheck::checkPlainFunction(const FunctionDecl &F,
                                                const Stmt &Body,
                                                ASTContext &Ctx) {
  checkBody(F, &Body, Ctx);
}

void IgnoredSendResultCheck::checkBody(const FunctionDecl &F,
                                       const Stmt *Body, ASTContext &Ctx) {
  if (!Body)
    return;
  SendCollector Collector(catalog(), Extra);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  if (Collector.Calls.empty())
    return;
  // The body's shared facts: its parents and the reads over its one CFG.
  BodyFacts &Facts = AnalysisStore::of(Ctx).body(F, Body);
  const BodyParents &Parents = Facts.evaluatedParents();
  LocalReads &Reads = Facts.localReads();
  // Where a completion writes an error into a variable, the variable is
  // written, not read.
  std::vector<const Expr *> TokenErrorRefs;
  for (const auto &C : Collector.Calls)
    if (const DeclRefExpr *Ref = errorVariableOf(tokenOf(C.Call)))
      TokenErrorRefs.push_back(Ref);
  for (const auto &C : Collector.Calls)
    checkSend({C.Call, C.Callee, C.Rule, C.AsyncResult, C.Name, C.Dependent,
               C.OnlyStored,
               !C.AsyncResult &&
                   (roomKnown(C.Call, Body, catalog()) ||
                    roomAfter(C.Call, pushedQueue(C.Call), Body, Parents,
                              roomMembers(C.Rule), Ctx))},
              Parents, Reads,
              TokenErrorRefs, Ctx);
}

/// The co_await that produces S's result: S awaited directly, or through a
/// wrapper its rule names (`co_await boost::cobalt::as_tuple(ch.write(v))`).
static const CoawaitExpr *awaitingExpr(const CallExpr *Call,
                                       const RuleEntry *Rule,
                                       const BodyParents &Parents) {
  const Expr *Cur = outermostSameValue(Call, Parents);
  const Stmt *Par = Parents.parent(Cur);
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(Par))
    return Await;
  const auto *Wrapper = dyn_cast_or_null<CallExpr>(Par);
  if (!Rule || !Wrapper || Wrapper->getNumArgs() != 1 ||
      Wrapper->getArg(0) != Cur ||
      !Rule->lists("result_wrappers", calleeName(Wrapper)))
    return nullptr;
  return dyn_cast_or_null<CoawaitExpr>(
      Parents.parent(outermostSameValue(Wrapper, Parents)));
}

void IgnoredSendResultCheck::checkSend(const Send &S,
                                       const BodyParents &Parents,
                                       LocalReads &Reads,
                                       llvm::ArrayRef<const Expr *> TokenErrorRefs,
                                       ASTContext &Ctx) {
  if (S.Dependent) {
    // Unresolved in a template: only a plain discard is certain.
    if (resultUse(S.Call, Parents).Kind == ResultUseKind::Discarded)
      report(S, "result of '" + S.Name + "' is ignored");
    return;
  }
  const Expr *Token = tokenOf(S.Call);
  if (const CoawaitExpr *Await = awaitingExpr(S.Call, S.Rule, Parents)) {
    QualType T = Await->getType();
    if (T.isNull() || T->isDependentType())
      return;
    if (!T->isVoidType()) {
      checkValue(S, Await, Parents, Reads, Ctx);
      return;
    }
    // No value: the error is thrown, or a token wrote it to a variable.
    if (const DeclRefExpr *Ref = errorVariableOf(Token)) {
      const auto *V = cast<VarDecl>(Ref->getDecl());
      if (!V->hasAttr<UnusedAttr>() &&
          !Reads.readAfter(V, Await, TokenErrorRefs))
        report(S, (llvm::Twine("error code of '") + S.Name +
                   "' is written to '" + variableName(V) + "' but never read")
                      .str());
    }
    return;
  }
  if (S.AsyncResult) {
    // Not awaited: the completion token or handler decides.
    if (!Token)
      return;
    if (S.Rule && S.Rule->lists("discarding_tokens", typeName(Token->getType()))) {
      std::string Spelled = spelling(Token, Ctx, 80);
      if (Spelled.empty())
        Spelled = typeName(Token->getType());
      report(S, (llvm::Twine("result of '") + S.Name +
                 "' is ignored by completion token '" + Spelled + "'")
                    .str());
      return;
    }
    if (const auto *Handler = dyn_cast<LambdaExpr>(Token))
      if (const ParmVarDecl *P = ignoredErrorParameter(Handler)) {
        report(S, (llvm::Twine("result of '") + S.Name +
                   "' is ignored by its completion handler")
                      .str());
        diag(P->getLocation(), "the handler does not read its error code",
             DiagnosticIDs::Note);
      }
    return;
  }
  QualType T = S.Call->getType();
  if (T.isNull() || T->isVoidType() || T->isDependentType() ||
      looksAwaitable(T, catalog(), Ctx))
    return; // nothing returned, or an operation not awaited here
  checkValue(S, S.Call, Parents, Reads, Ctx);
}

void IgnoredSendResultCheck::checkValue(const Send &S, const Expr *Result,
                                        const BodyParents &Parents,
                                        LocalReads &Reads,
                                        ASTContext &Ctx) {
  if (S.RoomKnown)
    return; // checked empty just before: the push cannot fail for room
  ResultUse Use = resultUse(Result, Parents);
  if (Use.Kind == ResultUseKind::Discarded) {
    if (S.OnlyStored || droppedOnlyWhenClosed(S.Rule))
      return; // -Wunused-result's, or nothing lost until the queue closes
    // Room the function's callers may provide: decided once the whole
    // translation unit has been seen.
    if (const auto *Push = dyn_cast<CXXMemberCallExpr>(S.Call);
        Push && !roomMembers(S.Rule).empty())
      if (RoomFromCallers Where = roomFromCallers(Push, Ctx); Where.Function) {
        AwaitingCallers.push_back({S, Where});
        AwaitingAST = &Ctx;
        return;
      }
    report(S, (llvm::Twine("result of '") + S.Name +
               "' is ignored")
                  .str());
    return;
  }
  if (Use.Kind != ResultUseKind::Stored || Use.Var->hasAttr<UnusedAttr>())
    return;
  if (!Reads.readAfter(Use.Var, Use.Store))
    report(S, (llvm::Twine("result of '") + S.Name +
               "' is stored in '" + variableName(Use.Var) +
               "' but never read")
                  .str());
}

void IgnoredSendResultCheck::onEndOfTranslationUnit() {
  if (!AwaitingCallers.empty() && AwaitingAST) {
    std::vector<RoomRequest> Requests;
    for (const PushAwaitingCallers &P : AwaitingCallers)
      Requests.push_back({P.Where, roomMembers(P.S.Rule)});
    std::vector<CallersRoom> Rooms =
        callersRoom(Requests, *AwaitingAST);
    for (std::size_t I = 0; I < AwaitingCallers.size(); ++I) {
      if (Rooms[I].provided())
        continue;
      const PushAwaitingCallers &P = AwaitingCallers[I];
      report(P.S, "result of '" + P.S.Name + "' is ignored");
      if (Rooms[I].WithRoom && Rooms[I].Without)
        diag(Rooms[I].Without->getExprLoc(),
             "'%0' is called here without waiting for room in '%1'",
             DiagnosticIDs::Note)
            << P.Where.Function->getName() << P.Where.Queue->getName();
    }
  }
  AwaitingCallers.clear();
  AwaitingAST = nullptr;
  CoroCheck::onEndOfTranslationUnit();
}

void IgnoredSendResultCheck::report(const Send &S, llvm::StringRef Message) {
  SourceLocation Loc = callLocation(S.Call);
  diag(Loc, "%0; %1")
      << Message
      << (S.AsyncResult ? "a closed channel or a cancelled send drops the message"
          : droppedOnlyWhenClosed(S.Rule)
              ? "a closed or stopped queue drops the message"
              : "a full or closed channel drops the message")
      << S.Call->getSourceRange();
  const std::string &Name = S.Name;
  if (S.Rule && !S.Rule->Reason.empty() && !S.Rule->Alternative.empty())
    diag(Loc, "'%0' %1; use %2", DiagnosticIDs::Note)
        << Name << S.Rule->Reason << S.Rule->Alternative;
  else if (S.Rule && !S.Rule->Reason.empty())
    diag(Loc, "'%0' %1; check its result", DiagnosticIDs::Note)
        << Name << S.Rule->Reason;
  else
    diag(Loc, "check whether '%0' delivered the message", DiagnosticIDs::Note)
        << Name;
}

} // namespace corolint
