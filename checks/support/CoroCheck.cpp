#include "support/CoroCheck.h"
#include "support/AnalysisStore.h"
#include "support/CoroutineModel.h"
#include "support/DefinitionWalk.h"
#include "support/QualifiedName.h"
#include "support/RuleFilePaths.h"
#include "support/SummaryFiles.h"

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"
#include <mutex>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

std::vector<std::string>
allRuleFiles(const tidy::ClangTidyOptions::OptionMap &Options) {
  std::vector<std::string> Files;
  auto Add = [&](llvm::StringRef List) {
    for (std::string &F : splitOptionList(List))
      if (llvm::find(Files, F) == Files.end())
        Files.push_back(std::move(F));
  };
  if (auto It = Options.find("RuleFiles"); It != Options.end())
    Add(It->getValue().Value);
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> PerCheck;
  for (const auto &Entry : Options)
    if (Entry.getKey().starts_with("coro-") &&
        Entry.getKey().ends_with(".RuleFiles"))
      PerCheck.emplace_back(Entry.getKey(), Entry.getValue().Value);
  llvm::sort(PerCheck);
  for (const auto &Entry : PerCheck)
    Add(Entry.second);
  return Files;
}

CoroCheck::CoroCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckName(Name),
      RuleFiles(Options.getLocalOrGlobal("RuleFiles", "")),
      NonSuspending(Options.getLocalOrGlobal("NonSuspendingAwaitables", "")) {
  std::vector<RuleError> Errors;
  Catalog = RuleCatalog::get(
      resolveRuleFilesFor(allRuleFiles(Context->getOptions().CheckOptions),
                          Context->getCurrentFile()),
      Errors);
  for (const RuleError &E : Errors)
    configurationDiag("invalid rule file %0", DiagnosticIDs::Error) << E.str();
  // One suspension policy for every check: the option's awaitables join the
  // catalog's non_suspending_awaitables, which canSuspend() consults.
  reportNameListErrors("NonSuspendingAwaitables", NameList(NonSuspending));
  Catalog = RuleCatalog::withNames(
      Catalog, Section::NonSuspendingAwaitables, NonSuspending,
      "listed in the NonSuspendingAwaitables option");
  // Summaries of functions defined in other files (docs/whole-program.md):
  // iteration cost, limiters and purity for every check's analyses.
  // coro-blocking-call reads the same files (one copy per process) and
  // reports their problems.
  std::string Files = Options.getLocalOrGlobal("SummaryFiles", "").str();
  if (!Files.empty()) {
    std::vector<SummaryError> Ignored;
    SummaryFacts = SummaryFiles::get(
        resolveRuleFilesFor(splitOptionList(Files), Context->getCurrentFile(),
                            "SummaryFiles"),
        Ignored);
  }
}

void CoroCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RuleFiles", RuleFiles);
  Options.store(Opts, "NonSuspendingAwaitables", NonSuspending);
  for (const auto &[Option, Text] : OwnOptions)
    Options.store(Opts, Option, Text);
}

void CoroCheck::reportNameListErrors(llvm::StringRef Option,
                                     const NameList &List) {
  for (const std::string &E : List.errors())
    configurationDiag("invalid regular expression in option '%0.%1': %2",
                      DiagnosticIDs::Error)
        << CheckName << Option << E;
}

NameList CoroCheck::nameListOption(llvm::StringRef Option) {
  std::string Text(Options.get(Option, ""));
  NameList List(Text);
  reportNameListErrors(Option, List);
  OwnOptions[Option.str()] = Text;
  return List;
}

unsigned CoroCheck::unsignedOption(llvm::StringRef Option, unsigned Default,
                                   unsigned Min) {
  unsigned Value = std::max(Min, Options.get(Option, Default));
  OwnOptions[Option.str()] = std::to_string(Value);
  return Value;
}

// Read as a string: the bool specialisations of OptionsView live in
// clang-tidy's own library, which not every front end links.
bool CoroCheck::boolOption(llvm::StringRef Option) {
  std::string Value(Options.get(Option, "false"));
  llvm::StringRef V = llvm::StringRef(Value).trim();
  unsigned long long Number = 0;
  bool Result = V.equals_insensitive("true") ||
                (!V.getAsInteger(10, Number) && Number != 0);
  OwnOptions[Option.str()] = Result ? "true" : "false";
  return Result;
}

llvm::StringRef CoroCheck::optionText(llvm::StringRef Option) const {
  auto It = OwnOptions.find(Option);
  return It == OwnOptions.end() ? llvm::StringRef() : It->second;
}

void CoroCheck::onEndOfTranslationUnit() {
  if (CurrentAST)
    AnalysisStore::release(*CurrentAST);
  CurrentAST = nullptr;
}

/// The coro checks of one MatchFinder (one translation unit's consumer; in
/// clangd several run at once on other threads), in registration order.
/// MatchFinder only tells its own callbacks about a translation unit's
/// start and end, so those are forwarded too.
class CoroCheck::Dispatch : public MatchFinder::MatchCallback {
public:
  explicit Dispatch(MatchFinder *Finder) : Finder(Finder) {}
  /// The translation unit: one walk hands its definitions to every check
  /// (per-node matchers would cost more than the walk, see DefinitionWalk.h).
  void run(const MatchFinder::MatchResult &Result) override {
    checkDefinitions(Checks, *Result.Context);
  }
  void onStartOfTranslationUnit() override {
    for (MatchFinder::MatchCallback *C : Checks)
      C->onStartOfTranslationUnit();
  }
  void onEndOfTranslationUnit() override {
    for (MatchFinder::MatchCallback *C : Checks)
      C->onEndOfTranslationUnit();
  }
  llvm::StringRef getID() const override { return "coro-*"; }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_IgnoreUnlessSpelledInSource;
  }
  MatchFinder *const Finder;
  std::vector<CoroCheck *> Checks;
};

namespace {
std::mutex DispatchMutex;
llvm::DenseMap<MatchFinder *, CoroCheck::Dispatch *> &dispatches() {
  static llvm::DenseMap<MatchFinder *, CoroCheck::Dispatch *> Map;
  return Map;
}
} // namespace

void CoroCheck::checkDefinitions(llvm::ArrayRef<CoroCheck *> Checks,
                                 ASTContext &Ctx) {
  forEachDefinition(Ctx, [&](const FunctionDecl &F, bool FromLambda) {
    for (CoroCheck *C : Checks)
      C->checkDefinition(F, FromLambda, Ctx);
  });
}

CoroCheck::~CoroCheck() {
  if (!OwnDispatch)
    return;
  std::lock_guard<std::mutex> Lock(DispatchMutex);
  auto It = dispatches().find(OwnDispatch->Finder);
  if (It != dispatches().end() && It->second == OwnDispatch.get())
    dispatches().erase(It);
}

void CoroCheck::registerMatchers(MatchFinder *Finder) {
  {
    std::lock_guard<std::mutex> Lock(DispatchMutex);
    auto [It, First] = dispatches().try_emplace(Finder, nullptr);
    if (!First) {
      It->second->Checks.push_back(this);
      return;
    }
    OwnDispatch = std::make_unique<Dispatch>(Finder);
    OwnDispatch->Checks.push_back(this);
    It->second = OwnDispatch.get();
  }
  Finder->addMatcher(translationUnitDecl().bind("tu"), OwnDispatch.get());
}

// The dispatch of registerMatchers() runs the checks; a check's own
// callback is never registered.
void CoroCheck::check(const MatchFinder::MatchResult &) {}

void CoroCheck::checkDefinition(const FunctionDecl &Def, bool FromLambda,
                                ASTContext &Ctx) {
  const FunctionDecl *F = &Def;
  // Lambdas' call operators reach here through the lambda only, so that
  // every coroutine is analysed once whatever the traversal mode shows.
  if (!FromLambda && isa<CXXMethodDecl>(F) &&
      cast<CXXMethodDecl>(F)->getParent()->isLambda())
    return;
  if (F->isTemplateInstantiation())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  // Checks of plain functions leave system headers alone, coroutines too.
  if (checksPlainFunctions() && !FromLambda) {
    SourceLocation At = SM.getExpansionLoc(F->getBeginLoc());
    if (At.isValid() && SM.isInSystemHeader(At))
      return;
  }
  CurrentAST = &Ctx;
  if (SummaryFacts)
    AnalysisStore::of(Ctx).useSummaries(SummaryFacts);
  if (const CoroutineBodyStmt *Body = coroutineBody(F))
    checkCoroutine(AnalysisStore::of(Ctx).coroutine(*F, *Body, *Catalog));
  else if (checksPlainFunctions() && F->getBody() &&
           !SM.isInSystemHeader(F->getLocation()))
    checkPlainFunction(*F, *F->getBody(), Ctx);
}

namespace {

/// The nodes above a lambda expression of one closure class, found by
/// walking only the code that can hold it (the enclosing function, or the
/// variable or field it initialises): the parent map of the whole
/// translation unit, which clang builds on first use, costs as much as a
/// sixth of the parse of a test file.
class LambdaSite : public RecursiveASTVisitor<LambdaSite> {
  using Base = RecursiveASTVisitor<LambdaSite>;

public:
  explicit LambdaSite(const CXXRecordDecl &Class) : Class(Class) {}
  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseStmt(Stmt *S) {
    if (!S || Found)
      return !Found;
    if (const auto *L = dyn_cast<LambdaExpr>(S); L && L->getLambdaClass() == &Class) {
      Found = true;
      return false;
    }
    Above.push_back(DynTypedNode::create(*S));
    bool Continue = Base::TraverseStmt(S);
    if (!Found)
      Above.pop_back();
    return Continue;
  }
  bool TraverseDecl(Decl *D) {
    if (!D || Found)
      return !Found;
    Above.push_back(DynTypedNode::create(*D));
    bool Continue = Base::TraverseDecl(D);
    if (!Found)
      Above.pop_back();
    return Continue;
  }

  const CXXRecordDecl &Class;
  bool Found = false;
  std::vector<DynTypedNode> Above; // outermost first, when Found
};

/// Where to look for the lambda expression of Class: the declaration whose
/// initialiser holds it, else the function it is defined in, else the
/// variable of its namespace whose initialiser spans it (a lambda
/// initialising a variable of a namespace, `constexpr auto f = [](auto &s)
/// {...};`, has no context declaration); null when none is known (then the
/// parent map is asked).
Decl *lambdaHome(const CXXRecordDecl &Class) {
  if (Decl *D = Class.getLambdaContextDecl())
    if (isa<VarDecl, FieldDecl>(D))
      return D;
  const DeclContext *DC = Class.getDeclContext();
  if (const auto *F = dyn_cast<FunctionDecl>(DC))
    return F->hasBody() ? const_cast<FunctionDecl *>(F) : nullptr;
  if (!DC->isFileContext())
    return nullptr;
  const SourceManager &SM = Class.getASTContext().getSourceManager();
  SourceLocation At = SM.getExpansionLoc(Class.getLocation());
  if (At.isInvalid())
    return nullptr;
  FileID File = SM.getFileID(At);
  unsigned Offset = SM.getFileOffset(At);
  for (Decl *D : DC->decls()) {
    auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->getInit())
      continue;
    CharSourceRange R = SM.getExpansionRange(V->getSourceRange());
    if (SM.getFileID(R.getBegin()) != File || SM.getFileID(R.getEnd()) != File)
      continue;
    if (SM.getFileOffset(R.getBegin()) <= Offset &&
        Offset <= SM.getFileOffset(R.getEnd()))
      return V;
  }
  return nullptr;
}

/// The variable a lambda initialises, given the nodes above it (innermost
/// first), seen through the implicit nodes and conversions between them
/// (`auto h = [..]`, `std::function<..> h = [..]`); null when the lambda is
/// called or passed on instead.
template <typename ParentsOf>
const VarDecl *initialisedVariable(DynTypedNodeList Parents, ParentsOf Next) {
  for (unsigned Depth = 0; Depth < 16 && Parents.size() == 1; ++Depth) {
    const DynTypedNode P = Parents[0];
    if (const auto *V = P.get<VarDecl>())
      return V;
    const auto *E = P.get<Expr>();
    if (!E || isa<CallExpr>(E) || isa<LambdaExpr>(E))
      return nullptr;
    Parents = Next(P);
  }
  return nullptr;
}

/// The expression of a lambda's class, found through the class or its
/// body, whichever the parent map (in the current traversal mode) knows.
const LambdaExpr *lambdaOf(const CXXMethodDecl &CallOperator, ASTContext &Ctx) {
  for (const DynTypedNode &P : Ctx.getParents(*CallOperator.getParent()))
    if (const auto *L = P.get<LambdaExpr>())
      return L;
  if (const Stmt *Body = CallOperator.getBody())
    for (const DynTypedNode &P : Ctx.getParents(*Body))
      if (const auto *L = P.get<LambdaExpr>())
        return L;
  return nullptr;
}

const VarDecl *lambdaVariable(const CXXMethodDecl &CallOperator, ASTContext &Ctx) {
  const CXXRecordDecl &Class = *CallOperator.getParent();
  if (Decl *Home = lambdaHome(Class)) {
    LambdaSite Site(Class);
    Site.TraverseDecl(Home);
    if (Site.Found) {
      size_t I = Site.Above.size();
      auto Next = [&](const DynTypedNode &) {
        return I ? DynTypedNodeList(Site.Above[--I]) : DynTypedNodeList(llvm::ArrayRef<DynTypedNode>());
      };
      return initialisedVariable(Next(DynTypedNode()), Next);
    }
  }
  // Not found where it should be: ask the parent map.
  const LambdaExpr *L = lambdaOf(CallOperator, Ctx);
  if (!L)
    return nullptr;
  return initialisedVariable(Ctx.getParents(*L),
                             [&](const DynTypedNode &P) { return Ctx.getParents(P); });
}

} // namespace

std::string displayName(const FunctionDecl &F) {
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M || !M->getParent()->isLambda())
    return qualifiedName(&F);
  ASTContext &Ctx = F.getASTContext();
  if (const VarDecl *V = lambdaVariable(*M, Ctx))
    if (!V->getName().empty())
      return V->getName().str();
  const SourceManager &SM = Ctx.getSourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(M->getParent()->getLocation()));
  if (P.isInvalid())
    return "lambda";
  return "lambda at " + llvm::sys::path::filename(P.getFilename()).str() + ":" +
         std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

} // namespace corolint
