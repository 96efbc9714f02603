#include "support/BlockingAnalysis.h"
#include "support/AnalysisStore.h"
#include "support/CoroutineContext.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/FreshPipe.h"
#include "support/QualifiedName.h"
#include "support/ReadyValue.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace corolint {
namespace {

class CallCollector : public EvaluatedCodeVisitor<CallCollector> {
public:
  bool VisitCallExpr(CallExpr *E) { return add(E); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return add(E); }
  bool VisitCXXNewExpr(CXXNewExpr *E) { return add(E); }
  bool VisitCoawaitExpr(CoawaitExpr *E) { return markAwaited(E); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    return markAwaited(E);
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) { return markAwaited(E); }

  std::vector<CallSite> Sites;

private:
  bool add(const Expr *E) {
    Sites.push_back({E, Awaited.count(E) != 0});
    return true;
  }
  // Parents are visited before children, so the operand is known awaited
  // by the time it is reached.
  bool markAwaited(const Expr *Suspend) {
    if (const Expr *Op = awaitedOperand(Suspend))
      Awaited.insert(Op);
    return true;
  }
  llvm::DenseSet<const Expr *> Awaited;
};

/// The type a member call or stream operator works on.
QualType objectType(const Expr *Call) {
  const Expr *Object = nullptr;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    Object = M->getImplicitObjectArgument();
  else if (const auto *C = dyn_cast<CallExpr>(Call)) {
    const FunctionDecl *F = C->getDirectCallee();
    bool StdFree = F && !isa<CXXMethodDecl>(F) &&
                   llvm::StringRef(qualifiedName(F)).starts_with("std::");
    if (C->getNumArgs() > 0 && (isa<CXXOperatorCallExpr>(C) || StdFree))
      Object = C->getArg(0);
  }
  if (!Object)
    return {};
  QualType T = Object->IgnoreImpCasts()->getType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  return T;
}

/// Whether a construction a blocking constructor entry names does the
/// blocking work: copies and moves do not, nor do constructions with fewer
/// explicit arguments than the entry's `min_arguments` (a default-constructed
/// `std::ifstream` opens nothing).
bool constructionBlocks(const CXXConstructExpr &E, const RuleEntry &R) {
  if (const CXXConstructorDecl *Ctor = E.getConstructor())
    if (Ctor->isCopyOrMoveConstructor())
      return false;
  unsigned Min = 0;
  if (R.attribute("min_arguments").getAsInteger(10, Min))
    return true;
  unsigned Explicit = 0;
  for (const Expr *Arg : E.arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      ++Explicit;
  return Explicit >= Min;
}

/// Whether Text holds Word as a whole identifier.
bool containsWord(llvm::StringRef Text, llvm::StringRef Word) {
  auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (std::size_t At = Text.find(Word); At != llvm::StringRef::npos;
       At = Text.find(Word, At + 1)) {
    std::size_t After = At + Word.size();
    if ((At == 0 || !IsIdent(Text[At - 1])) &&
        (After >= Text.size() || !IsIdent(Text[After])))
      return true;
  }
  return false;
}

} // namespace

std::vector<CallSite> callsIn(const Stmt *Body) {
  CallCollector Collector;
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(Collector.Sites);
}

BlockingAnalysis::BlockingAnalysis(const RuleCatalog &Catalog,
                                   const NameList &Extra,
                                   const NameList &Ignored)
    : Catalog(Catalog), Extra(Extra), Ignored(Ignored) {
  ExtraRule.Library = "user";
  ExtraRule.Reason = "listed in ExtraBlockingFunctions";
}

bool BlockingAnalysis::onFatalPath(const Expr *Call, const FunctionDecl &F,
                                   const Stmt *Body) {
  return AnalysisStore::of(F.getASTContext()).body(F, Body).onlyBeforeExit(Call);
}

namespace {
/// The summaries of one catalog and one set of options, with the name
/// lists they are read through.
struct SharedBlocking {
  static const char *storeKind() { return "blocking"; }
  SharedBlocking(const RuleCatalog &Catalog, llvm::StringRef ExtraOption,
                 llvm::StringRef IgnoredOption)
      : Extra(ExtraOption), Ignored(IgnoredOption),
        Analysis(Catalog, Extra, Ignored) {}
  NameList Extra, Ignored;
  BlockingAnalysis Analysis;
};
} // namespace

BlockingAnalysis &BlockingAnalysis::shared(const ASTContext &Ctx,
                                           const RuleCatalog &Catalog,
                                           llvm::StringRef ExtraOption,
                                           llvm::StringRef IgnoredOption) {
  return AnalysisStore::of(Ctx)
      .summaries<SharedBlocking>(
          summaryKey(Catalog, {ExtraOption, IgnoredOption}),
          [&] {
            return std::make_unique<SharedBlocking>(Catalog, ExtraOption,
                                                    IgnoredOption);
          })
      .Analysis;
}

bool BlockingAnalysis::mentionsNonBlocking(const Decl &D) {
  auto [It, Inserted] = NonBlockingDescriptors.try_emplace(&D, false);
  if (!Inserted)
    return It->second;
  const SourceManager &SM = D.getASTContext().getSourceManager();
  // Test-case macros (`SEASTAR_TEST_CASE(name) { ... }`) begin the function
  // inside a macro: read the text from where the macro is used.
  SourceLocation From = SM.getExpansionLoc(D.getSourceRange().getBegin());
  SourceLocation To = SM.getExpansionLoc(D.getSourceRange().getEnd());
  if (From.isInvalid() || To.isInvalid() ||
      SM.getFileID(From) != SM.getFileID(To))
    return false;
  const char *Begin = SM.getCharacterData(From);
  const char *End = SM.getCharacterData(To);
  llvm::StringRef Text(Begin, End >= Begin ? End - Begin : 0);
  // Names of macros (EAGAIN, O_NONBLOCK) are read in the text, declarations
  // (an enumerator that makes a socket non-blocking) in the AST.
  bool Declarations = false;
  for (const auto &Entry : Catalog.entries(Section::NonBlockingMarkers)) {
    if (Entry.getValue().Kind == "declaration") {
      Declarations = true;
      continue;
    }
    if (containsWord(Text, Entry.getKey()))
      return NonBlockingDescriptors[&D] = true;
  }
  if (!Declarations)
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const RuleCatalog &Catalog;
    bool Found = false;
    explicit Finder(const RuleCatalog &Catalog) : Catalog(Catalog) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      const RuleEntry *R = Catalog.lookup(Section::NonBlockingMarkers, E->getDecl());
      Found = R && R->Kind == "declaration";
      return !Found;
    }
  } Find(Catalog);
  Find.TraverseDecl(const_cast<Decl *>(&D));
  return NonBlockingDescriptors[&D] = Find.Found;
}

bool BlockingAnalysis::usesNonBlockingDescriptors(const FunctionDecl &F) {
  if (mentionsNonBlocking(F))
    return true;
  // A socket class that sets its descriptors non-blocking in one member
  // (the constructor, open()) and accepts or reads in another.
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M || M->getParent()->isLambda())
    return false;
  const CXXRecordDecl *Class = M->getParent();
  if (mentionsNonBlocking(*Class))
    return true;
  for (const Decl *Member : Class->decls()) {
    const auto *Fn = dyn_cast<FunctionDecl>(Member);
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(Member))
      Fn = T->getTemplatedDecl();
    const FunctionDecl *Def = nullptr;
    if (Fn && Fn != &F && Fn->hasBody(Def) && Def != &F &&
        !Def->getLexicalDeclContext()->Equals(Class) && mentionsNonBlocking(*Def))
      return true;
  }
  return false;
}

std::optional<BlockingRule>
BlockingAnalysis::directRule(const Expr *Call, const FunctionDecl &Enclosing) {
  // Function objects are known by the variable's name (folly::coro::blockingWait).
  std::string Object = calledObjectName(Call);
  if (!Object.empty() && !Ignored.matches(Object)) {
    if (const RuleEntry *R = Catalog.lookup(Section::Blocking, Object))
      return BlockingRule{R, Object};
    if (Extra.matches(Object))
      return BlockingRule{&ExtraRule, Object};
  }
  std::string Name = calleeName(Call);
  if (Name.empty() || Ignored.matches(Name))
    return std::nullopt;
  const FunctionDecl *Callee = calleeOf(Call);
  if (const RuleEntry *R = Callee ? Catalog.lookup(Section::Blocking, Callee)
                                  : Catalog.lookup(Section::Blocking, Name)) {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
      if (!constructionBlocks(*Construct, *R))
        return std::nullopt;
    if (R->attribute("fd_call") == "true" &&
        usesNonBlockingDescriptors(Enclosing))
      return std::nullopt;
    if (const auto *C = dyn_cast<CallExpr>(Call);
        C && R->attribute("fd_call") == "true" &&
        writeIntoFreshPipe(*C, *R, Enclosing, Catalog))
      return std::nullopt; // a few bytes into a pipe nobody else has filled
    if (R->attribute("ready_after_await") == "true" &&
        objectIsReady(Call, Enclosing, *R, Catalog))
      return std::nullopt;
    return BlockingRule{R, Name};
  }
  if (Extra.matches(Name))
    return BlockingRule{&ExtraRule, Name};
  // Every operation on some objects blocks (file streams), except state
  // queries the entry lists (is_open, eof, operator bool).
  std::string Type = typeName(objectType(Call));
  if (!Type.empty() && !Ignored.matches(Type))
    if (const RuleEntry *R = Catalog.lookup(Section::Blocking, Type)) {
      llvm::StringRef Method = Name;
      if (std::size_t Sep = Method.rfind("::"); Sep != llvm::StringRef::npos)
        Method = Method.drop_front(Sep + 2);
      if (R->lists("non_blocking_members", Method))
        return std::nullopt;
      return BlockingRule{R, Name};
    }
  return std::nullopt;
}

const BlockingPath *BlockingAnalysis::helperPath(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !isFollowedHelper(Def, Catalog, Ignored))
    return nullptr;
  auto It = Summaries.find(Def);
  if (It != Summaries.end() && !It->second.Computing)
    return It->second.Path ? &*It->second.Path : nullptr;
  std::optional<BlockingPath> Path;
  compute(Def, Path);
  It = Summaries.find(Def);
  return It != Summaries.end() && It->second.Path ? &*It->second.Path
                                                    : nullptr;
}

bool BlockingAnalysis::compute(const FunctionDecl *F,
                               std::optional<BlockingPath> &Out) {
  Summaries[F].Computing = true;
  BodyFacts &Facts = AnalysisStore::of(F->getASTContext()).body(*F, F->getBody());
  const std::vector<ResolvedCall> &Sites = Facts.calls();
  bool Final = true;
  // Calls only made on the way to ending the process do not count (asked
  // only of calls that matter: the fact needs the body's CFG).
  for (const ResolvedCall &Site : Sites) {
    if (auto Rule = directRule(Site.Call, *F)) {
      if (Facts.onlyBeforeExit(Site.Call))
        continue;
      Out = BlockingPath{{}, F, Site.Call, std::move(*Rule)};
      break;
    }
  }
  for (const ResolvedCall &Site : Out ? llvm::ArrayRef<ResolvedCall>() : llvm::ArrayRef<ResolvedCall>(Sites)) {
    const FunctionDecl *Callee = Site.Callee;
    const FunctionDecl *Def = nullptr;
    if (!Callee || !Callee->hasBody(Def) || !isFollowedHelper(Def, Catalog, Ignored))
      continue;
    std::optional<BlockingPath> Sub;
    auto It = Summaries.find(Def);
    if (It != Summaries.end() && It->second.Computing) {
      Final = false; // recursion: decided when the cycle unwinds
      continue;
    }
    if (It != Summaries.end())
      Sub = It->second.Path;
    else if (!compute(Def, Sub))
      Final = false;
    if (!Sub || Facts.onlyBeforeExit(Site.Call))
      continue;
    if (!Out || Sub->depth() + 1 < Out->depth()) {
      BlockingPath P = *Sub;
      P.Steps.insert(P.Steps.begin(), HelperStep{F, Site.Call, Def});
      Out = std::move(P);
    }
  }
  if (Out || Final)
    Summaries[F] = Summary{false, Out};
  else
    Summaries.erase(F);
  return Out.has_value() || Final;
}

} // namespace corolint
