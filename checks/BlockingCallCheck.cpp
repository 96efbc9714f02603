#include "BlockingCallCheck.h"
#include "support/CoroutineModel.h"
#include "support/ExecutionContext.h"
#include "support/QualifiedName.h"
#include "support/RuleFilePaths.h"
#include "support/SourceText.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      HelperDepth(unsignedOption("HelperDepth", 6U)),
      Extra(nameListOption("ExtraBlockingFunctions")),
      Ignored(nameListOption("IgnoredFunctions")),
      Locks(catalog(), NoLockOptions), Summaries(catalog(), Ignored),
      SummaryFilesOption(Options.getLocalOrGlobal("SummaryFiles", "")),
      HeaderFilter(Ctx->getOptions().HeaderFilterRegex),
      ExcludeHeaderFilter(Ctx->getOptions().ExcludeHeaderFilterRegex) {
  if (SummaryFilesOption.empty())
    return;
  std::vector<SummaryError> Errors;
  Loaded = SummaryFiles::get(
      resolveRuleFilesFor(splitOptionList(SummaryFilesOption),
                          Ctx->getCurrentFile(), "SummaryFiles"),
      Errors);
  reportSummaryErrors(Errors);
}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroCheck::storeOptions(Opts);
  Options.store(Opts, "SummaryFiles", SummaryFilesOption);
}


BlockingAnalysis &BlockingCallCheck::analysis(ASTContext &Ctx) {
  return BlockingAnalysis::shared(Ctx, catalog(),
                                  optionText("ExtraBlockingFunctions"),
                                  optionText("IgnoredFunctions"));
}

void BlockingCallCheck::checkCoroutine(CoroutineContext &Coro) {
  const FunctionDecl &F = Coro.function();
  const Stmt *Body = Coro.body();
  ASTContext &Ctx = Coro.ast();
  BlockingAnalysis &Analysis = analysis(Ctx);
  Summaries.use(Analysis);
  // A coroutine that never suspends and runs an event loop is that loop's
  // driver (cppcoro's `when_all(work(), [&]() -> task<> { ioSvc.process_events(); })`).
  bool NeverSuspends = Coro.neverSuspends();
  // After `co_await pool.schedule()` the code runs on a pool, where
  // blocking is what the hop was for.
  const ExecutionContext &Where = Coro.where();
  for (const ResolvedCall &Site : Coro.calls()) {
    if (Site.Awaited)
      continue; // an asynchronous operation, not a blocking one
    if (Where.onPool(Site.Call))
      continue;
    // Calls on the way to ending the process do not count; asked only of
    // calls that would be reported (it needs the body's CFG).
    if (auto Rule = Analysis.directRule(Site.Call, F)) {
      if ((NeverSuspends && Rule->Rule->attribute("event_loop") == "true") ||
          Coro.facts().onlyBeforeExit(Site.Call))
        continue;
      reportDirect(F, Body, Site.Call, *Rule, Ctx);
      continue;
    }
    if (const BlockingPath *Path = Analysis.helperPath(Site.Callee)) {
      if (Path->depth() <= HelperDepth &&
          !Coro.facts().onlyBeforeExit(Site.Call))
        reportThroughHelper(F, Site.Call, *Site.Callee, *Path);
      continue;
    }
    // Other files' summaries matter only to the driver's collector or with
    // SummaryFiles; the fatal-path question needs the body's CFG.
    if ((activeSummaryCollector() || (Loaded && !Loaded->empty())) &&
        !Coro.facts().onlyBeforeExit(Site.Call))
      crossFileCall(F, Site.Call, Site.Callee, Ctx);
  }
}

static std::string advice(const RuleEntry &R) {
  std::string S;
  if (!R.Reason.empty())
    S += ": " + R.Reason;
  if (!R.Alternative.empty())
    S += "; use " + R.Alternative + " instead";
  return S;
}

void BlockingCallCheck::reportDirect(const FunctionDecl &F, const Stmt *Body,
                                     const Expr *Call, const BlockingRule &Rule,
                                     ASTContext &Ctx) {
  // Replacing a sleep by the library's timer keeps what the code does (it
  // still waits that long), so the fix goes on the warning itself.
  diag(callLocation(Call), "blocking call to '%0' in coroutine '%1'%2",
       Rule.Rule->IsError ? DiagnosticIDs::Error : DiagnosticIDs::Warning)
      << Rule.Name << displayName(F) << advice(*Rule.Rule)
      << Call->getSourceRange() << sleepFix(F, Body, Call, *Rule.Rule, Ctx);
}

void BlockingCallCheck::reportThroughHelper(const FunctionDecl &F,
                                            const Expr *Call,
                                            const FunctionDecl &Helper,
                                            const BlockingPath &Path) {
  const RuleEntry &R = *Path.Blocks.Rule;
  diag(callLocation(Call), "%0",
       R.IsError ? DiagnosticIDs::Error : DiagnosticIDs::Warning)
      << throughHelperMessage(displayName(Helper), displayName(F),
                              Path.Blocks.Name, R.Reason, R.Alternative)
      << Call->getSourceRange();
  for (const HelperStep &Step : Path.Steps)
    diag(callLocation(Step.Call), "%0", DiagnosticIDs::Note)
        << callsNote(displayName(*Step.Caller), displayName(*Step.Callee));
  diag(callLocation(Path.BlockingCall), "%0", DiagnosticIDs::Note)
      << blocksNote(displayName(*Path.BlockingCaller), Path.Blocks.Name);
}

} // namespace corolint
