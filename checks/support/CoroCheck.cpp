#include "support/CoroCheck.h"
#include "support/CoroutineModel.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

CoroCheck::CoroCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), CheckName(Name),
      RuleFiles(Options.getLocalOrGlobal("RuleFiles", "")),
      NonSuspending(Options.getLocalOrGlobal("NonSuspendingAwaitables", "")) {
  std::vector<RuleError> Errors;
  Catalog = RuleCatalog::get(splitOptionList(RuleFiles), Errors);
  for (const RuleError &E : Errors)
    configurationDiag("invalid rule file %0", DiagnosticIDs::Error) << E.str();
  // One suspension policy for every check: the option's awaitables join the
  // catalog's non_suspending_awaitables, which canSuspend() consults.
  reportNameListErrors("NonSuspendingAwaitables", NameList(NonSuspending));
  Catalog = RuleCatalog::withNames(
      Catalog, Section::NonSuspendingAwaitables, NonSuspending,
      "listed in the NonSuspendingAwaitables option");
}

void CoroCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "RuleFiles", RuleFiles);
  Options.store(Opts, "NonSuspendingAwaitables", NonSuspending);
}

void CoroCheck::reportNameListErrors(llvm::StringRef Option,
                                     const NameList &List) {
  for (const std::string &E : List.errors())
    configurationDiag("invalid regular expression in option '%0.%1': %2",
                      DiagnosticIDs::Error)
        << CheckName << Option << E;
}

NameList CoroCheck::nameListOption(llvm::StringRef Option) {
  NameList List(Options.get(Option, ""));
  reportNameListErrors(Option, List);
  return List;
}

void CoroCheck::registerMatchers(MatchFinder *Finder) {
  if (checksPlainFunctions())
    Finder->addMatcher(functionDecl(isDefinition(), hasBody(stmt()),
                                    unless(isExpansionInSystemHeader()))
                           .bind("coro"),
                       this);
  else
    Finder->addMatcher(
        functionDecl(isDefinition(), hasBody(coroutineBodyStmt())).bind("coro"),
        this);
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void CoroCheck::check(const MatchFinder::MatchResult &Result) {
  const FunctionDecl *F = Result.Nodes.getNodeAs<FunctionDecl>("coro");
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    F = L->getCallOperator();
  // Lambdas' call operators reach here through the lambda only, so that
  // every coroutine is analysed once whatever the traversal mode shows.
  if (!F || (!Result.Nodes.getNodeAs<LambdaExpr>("lambda") &&
             isa<CXXMethodDecl>(F) && cast<CXXMethodDecl>(F)->getParent()->isLambda()))
    return;
  if (F->isTemplateInstantiation())
    return;
  if (const CoroutineBodyStmt *Body = coroutineBody(F))
    checkCoroutine(*F, *Body, *Result.Context);
  else if (checksPlainFunctions() && F->getBody() &&
           !Result.SourceManager->isInSystemHeader(F->getLocation()))
    checkPlainFunction(*F, *F->getBody(), *Result.Context);
}

std::string displayName(const FunctionDecl &F) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F))
    if (M->getParent()->isLambda())
      return "lambda";
  return qualifiedName(&F);
}

} // namespace corolint
