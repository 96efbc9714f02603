#ifndef COROLINT_SUPPORT_COROCHECK_H
#define COROLINT_SUPPORT_COROCHECK_H

#include "support/CoroutineContext.h"
#include "support/NameList.h"
#include "support/RuleCatalog.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include <map>
#include <memory>

namespace corolint {

class SummaryFiles;

/// The rule files of every `RuleFiles` option in Options, the global one
/// and every coro check's (`coro-blocking-call.RuleFiles`), without
/// repeats: each check loads them all (docs/rules.md), not only its own.
std::vector<std::string>
allRuleFiles(const clang::tidy::ClangTidyOptions::OptionMap &Options);

/// What every coro-* check shares: the per-coroutine context and the
/// translation unit's summaries (AnalysisStore), the rule catalog (embedded files plus the
/// files of every `RuleFiles` option, see allRuleFiles, plus the awaitables of the
/// `NonSuspendingAwaitables` option, local or global), and one match per coroutine body
/// (functions, member functions, lambdas and templates' patterns, never
/// their instantiations), handed to checkCoroutine().
class CoroCheck : public clang::tidy::ClangTidyCheck {
public:
  CoroCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  std::optional<clang::TraversalKind> getCheckTraversalKind() const override {
    return clang::TK_IgnoreUnlessSpelledInSource;
  }
  ~CoroCheck() override;
  class Dispatch;
  /// The first coro check of a MatchFinder registers the matchers, for all:
  /// one match per coroutine body, dispatched to every coro check in turn
  /// (six checks, one matcher evaluation per declaration, not six).
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  /// What a match starts: the analysis of one function definition as
  /// written (not a template instantiation), F itself or, FromLambda, the
  /// call operator of a lambda expression. For front ends that find the
  /// definitions without clang's MatchFinder (the driver).
  void checkDefinition(const clang::FunctionDecl &F, bool FromLambda,
                       clang::ASTContext &Ctx);
  /// Every definition of the translation unit (forEachDefinition in
  /// DefinitionWalk.h), each handed to the checks in turn: what the plugin's
  /// one match and the driver's consumer run.
  static void checkDefinitions(llvm::ArrayRef<CoroCheck *> Checks,
                               clang::ASTContext &Ctx);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

  /// Drops the translation unit's AnalysisStore. Checks that override
  /// this call it.
  void onEndOfTranslationUnit() override;

protected:
  /// Called once per coroutine definition with its context: the function,
  /// its body and the facts every check shares (CoroutineContext.h), built
  /// once per coroutine for all checks.
  virtual void checkCoroutine(CoroutineContext &Coro) = 0;

  /// Checks that also look at functions that are not coroutines return
  /// true; those get checkPlainFunction() for every other function
  /// definition with a body (including lambdas, not in system headers).
  virtual bool checksPlainFunctions() const { return false; }
  virtual void checkPlainFunction(const clang::FunctionDecl &F,
                                  const clang::Stmt &Body,
                                  clang::ASTContext &Ctx) {}

  const RuleCatalog &catalog() const { return *Catalog; }

  /// The check's own options. Each is read once through one of these and
  /// stored back by storeOptions() as read, so a check names an option in
  /// one place only.
  /// A NameList option; invalid regex items are reported as configuration
  /// errors naming the option.
  NameList nameListOption(llvm::StringRef Option);
  /// An unsigned option: Default when unset, at least Min.
  unsigned unsignedOption(llvm::StringRef Option, unsigned Default,
                          unsigned Min = 0);
  /// A boolean option: true/false (any case), or a number (non-zero is
  /// true); false when unset.
  bool boolOption(llvm::StringRef Option);
  /// The text of an option read through the above, as stored back.
  llvm::StringRef optionText(llvm::StringRef Option) const;

private:
  void reportNameListErrors(llvm::StringRef Option, const NameList &List);

  std::string CheckName;
  std::string RuleFiles;
  std::string NonSuspending;
  /// The check's own options read so far, with the text to store back.
  std::map<std::string, std::string, std::less<>> OwnOptions;
  std::shared_ptr<const RuleCatalog> Catalog;
  /// The SummaryFiles option's summaries, which the translation unit's
  /// analyses consult for functions whose body is not in view.
  std::shared_ptr<SummaryFiles> SummaryFacts;
  /// The AST of the translation unit being checked (its store is released
  /// at the end).
  const clang::ASTContext *CurrentAST = nullptr;
  /// The shared dispatch of this check's MatchFinder, when this check was
  /// the first to register (it owns it).
  std::unique_ptr<Dispatch> OwnDispatch;
};

/// The name to show for a function in messages: its qualified name; for a
/// lambda's call operator the variable it initialises ("handler"), else
/// "lambda at file.cpp:LINE:COL" (where the lambda is written).
std::string displayName(const clang::FunctionDecl &F);

} // namespace corolint

#endif
