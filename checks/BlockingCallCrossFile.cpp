// coro-blocking-call through helpers defined in other translation units:
// summaries for the driver, and the SummaryFiles option (docs/whole-program.md).
#include "BlockingCallCheck.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace corolint {

/// Whether the text after a NOLINT marker names Check, as clang-tidy reads
/// it: no list, or a list one of whose globs (`*`, `coro-*`, the name)
/// matches.
static bool namesCheck(llvm::StringRef Rest, llvm::StringRef Check) {
  if (!Rest.consume_front("("))
    return true;
  for (llvm::StringRef Glob :
       llvm::split(Rest.take_until([](char C) { return C == ')'; }), ',')) {
    Glob = Glob.trim();
    if (Glob == "*" || Glob == Check ||
        (Glob.ends_with("*") && Check.starts_with(Glob.drop_back())))
      return true;
  }
  return false;
}

/// Whether a NOLINT comment on Loc's line, NOLINTNEXTLINE on the line
/// before, or an open NOLINTBEGIN ... NOLINTEND block around it names
/// Check. The driver reports pending calls itself, after clang-tidy's
/// filter, so the check applies the comments as clang-tidy would.
static bool nolinted(SourceLocation Loc, const SourceManager &SM,
                     llvm::StringRef Check) {
  Loc = SM.getFileLoc(Loc);
  std::optional<llvm::StringRef> Buffer = SM.getBufferDataOrNone(SM.getFileID(Loc));
  if (!Buffer)
    return false;
  unsigned Offset = SM.getFileOffset(Loc);
  std::size_t Begin = Buffer->rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  std::size_t End = Buffer->find('\n', Offset);
  llvm::StringRef Line = Buffer->slice(Begin, End);
  llvm::StringRef Previous;
  if (Begin > 0) {
    std::size_t PrevBegin = Buffer->rfind('\n', Begin - 1);
    Previous = Buffer->slice(PrevBegin == llvm::StringRef::npos ? 0 : PrevBegin + 1,
                             Begin - 1);
  }
  auto Names = [&](llvm::StringRef Text, llvm::StringRef Marker) {
    for (std::size_t At = Text.find(Marker); At != llvm::StringRef::npos;
         At = Text.find(Marker, At + 1)) {
      llvm::StringRef Rest = Text.drop_front(At + Marker.size());
      if (Marker == "NOLINT" && (Rest.starts_with("NEXTLINE") ||
                                 Rest.starts_with("BEGIN") || Rest.starts_with("END")))
        continue;
      if (namesCheck(Rest, Check))
        return true;
    }
    return false;
  };
  if (Names(Line, "NOLINT") || Names(Previous, "NOLINTNEXTLINE"))
    return true;
  // Blocks: each NOLINTBEGIN naming the check opens one, each NOLINTEND
  // naming it closes the last one open, up to the line of the call.
  llvm::StringRef Before = Buffer->take_front(Begin);
  unsigned Open = 0;
  for (std::size_t At = Before.find("NOLINT"); At != llvm::StringRef::npos;
       At = Before.find("NOLINT", At + 1)) {
    llvm::StringRef Rest = Before.drop_front(At + 6);
    if (Rest.consume_front("BEGIN")) {
      if (namesCheck(Rest, Check))
        ++Open;
    } else if (Rest.consume_front("END")) {
      if (Open && namesCheck(Rest, Check))
        --Open;
    }
  }
  return Open > 0;
}

/// Whether clang-tidy shows a finding at Loc: in the main file always, in
/// a header when its name matches HeaderFilterRegex and not
/// ExcludeHeaderFilterRegex (the options as the check was made with).
bool BlockingCallCheck::passesHeaderFilter(SourceLocation Loc,
                                           const SourceManager &SM) const {
  Loc = SM.getFileLoc(Loc);
  if (SM.isInMainFile(Loc))
    return true;
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc));
  if (!File)
    return false;
  llvm::StringRef Name = File->getName();
  auto Matches = [&](const std::optional<std::string> &Pattern) {
    if (!Pattern || Pattern->empty())
      return false;
    llvm::Regex R(*Pattern);
    return R.isValid() && R.match(Name);
  };
  return Matches(HeaderFilter) && !Matches(ExcludeHeaderFilter);
}

void BlockingCallCheck::onEndOfTranslationUnit() {
  if (SummarySet *Into = activeSummaryCollector(); Into && LastSM)
    Into->merge(Summaries.result(*LastSM));
  Summaries.clear();
  Locks.clear();
  Includes.clear();
  Reported.clear();
  LastSM = nullptr;
  CoroCheck::onEndOfTranslationUnit();
}

void BlockingCallCheck::checkPlainFunction(const FunctionDecl &F, const Stmt &,
                                           ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  LastSM = &SM;
  Summaries.use(analysis(Ctx));
  // Functions other files may call: those this file defines. Those of
  // headers are in view of their callers (and summarised when reached).
  // Lambdas are called through their objects, never by name from
  // another file.
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F); M && M->getParent()->isLambda())
    return;
  if (SM.isInMainFile(SM.getExpansionLoc(F.getLocation())))
    Summaries.summaryOf(&F);
}

void BlockingCallCheck::reportSummaryErrors(std::vector<SummaryError> &Errors) {
  for (const SummaryError &E : Errors)
    if (Reported.insert(E.str()).second)
      configurationDiag("%0", DiagnosticIDs::Warning)
          << E.str();
  Errors.clear();
}

void BlockingCallCheck::crossFileCall(const FunctionDecl &F, const Expr *Call,
                                      const FunctionDecl *Callee, ASTContext &Ctx) {
  SummarySet *Into = activeSummaryCollector();
  if (!Callee || (!Into && (!Loaded || Loaded->empty())))
    return;
  SourceManager &SM = Ctx.getSourceManager();
  LastSM = &SM;
  // The helper in view (its body here decides, with what other files'
  // summaries say about the functions it calls) or not.
  std::string USR;
  if (const FunctionSummary *S = Summaries.summaryOf(Callee)) {
    if (!Summaries.reachesExternal(S->USR))
      return; // decided here: it does not block
    USR = S->USR;
  } else if (Summaries.isExternal(Callee)) {
    USR = Summaries.usr(Callee);
  }
  if (USR.empty())
    return;
  const FunctionDecl *Def = nullptr;
  std::string Helper = displayName(Callee->hasBody(Def) ? *Def : *Callee);
  if (Into && !nolinted(callLocation(Call), SM, "coro-blocking-call") &&
      passesHeaderFilter(callLocation(Call), SM)) {
    PendingCall P;
    P.TU = Summaries.location(SM.getLocForStartOfFile(SM.getMainFileID()), SM).File;
    P.Coroutine = displayName(F);
    P.Helper = Helper;
    P.USR = USR;
    P.At = Summaries.location(callLocation(Call), SM);
    P.MaxDepth = HelperDepth;
    SourceLocation End = SM.getFileLoc(Call->getEndLoc());
    SourceLocation Begin = SM.getFileLoc(callLocation(Call));
    if (P.At.valid() && SM.getFileID(Begin) == SM.getFileID(End)) {
      unsigned EndOffset = SM.getFileOffset(End) +
                           Lexer::MeasureTokenLength(End, SM, Ctx.getLangOpts());
      if (EndOffset > P.At.Offset)
        P.Length = EndOffset - P.At.Offset;
    }
    if (P.At.valid())
      Into->Pending.push_back(std::move(P));
  }
  if (!Loaded || Loaded->empty())
    return;
  // In-view facts win: a function whose body is here is judged by it, the
  // others by the summary files.
  std::vector<SummaryError> Stale;
  auto Lookup = [&](const std::string &Id) -> const FunctionSummary * {
    if (const FunctionSummary *S = Summaries.inView(Id))
      return S;
    return Loaded->lookup(Id, Stale);
  };
  std::optional<SummaryChain> Chain = resolveChain(USR, HelperDepth, Lookup);
  reportSummaryErrors(Stale);
  if (Chain)
    reportThroughSummary(F, Call, Helper, *Chain, SM);
}

/// Loc in SM, opening its file if the translation unit did not include it;
/// invalid when the file or the offset is not there any more.
static SourceLocation inFile(const SummaryLoc &Loc, SourceManager &SM) {
  if (!Loc.valid())
    return {};
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(Loc.File);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  FileID FID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  std::optional<llvm::MemoryBufferRef> Buffer = SM.getBufferOrNone(FID);
  if (!Buffer || Loc.Offset > Buffer->getBufferSize())
    return {};
  return SM.getLocForStartOfFile(FID).getLocWithOffset(Loc.Offset);
}

void BlockingCallCheck::reportThroughSummary(const FunctionDecl &F,
                                             const Expr *Call,
                                             llvm::StringRef Helper,
                                             const SummaryChain &Chain,
                                             SourceManager &SM) {
  const SummaryBlock &B = *Chain.Blocker->Blocks;
  diag(callLocation(Call), "%0",
       B.IsError ? DiagnosticIDs::Error : DiagnosticIDs::Warning)
      << throughHelperMessage(Helper, displayName(F), B.Name, B.Reason,
                              B.Alternative)
      << Call->getSourceRange();
  for (const SummaryChain::Step &Step : Chain.Steps)
    diag(inFile(Step.Call->At, SM), "%0", DiagnosticIDs::Note)
        << callsNote(Step.Caller, Step.Call->Name);
  diag(inFile(B.At, SM), "%0", DiagnosticIDs::Note)
      << blocksNote(Chain.Blocker->Name, B.Name);
}

} // namespace corolint
