#include "Driver.h"
#include "Baseline.h"
#include "Cache.h"
#include "CompileDatabase.h"
#include "CrossTU.h"
#include "Fixes.h"
#include "Merge.h"
#include "Options.h"
#include "OutputFile.h"
#include "Paths.h"
#include "ProjectConfig.h"
#include "Runner.h"
#include "Sarif.h"
#include "TextOutput.h"
#include "TidyOptions.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>
#include <thread>

#ifndef COROLINT_CLANG_RESOURCE_DIR
#error "COROLINT_CLANG_RESOURCE_DIR must name the clang resource directory"
#endif

namespace corolint::driver {
namespace {

class Failure {
public:
  explicit Failure(llvm::raw_ostream &Err) : Err(Err) {}
  int operator()(const std::string &Message) const {
    Err << "corolint: error: " << Message << "\n";
    return ExitUsage;
  }

private:
  llvm::raw_ostream &Err;
};

std::uint64_t fnv1a(llvm::StringRef S) {
  std::uint64_t H = 0xcbf29ce484222325ULL;
  for (unsigned char C : S) {
    H ^= C;
    H *= 0x100000001b3ULL;
  }
  return H;
}

bool inShard(const std::string &Display, const Options &O) {
  return O.ShardCount == 0 || fnv1a(Display) % O.ShardCount == O.ShardIndex - 1;
}

std::optional<std::string> sourceRoot(const Options &O, std::string &Error) {
  if (!O.SourceRoot.empty()) {
    if (!llvm::sys::fs::is_directory(O.SourceRoot)) {
      Error = "no such directory: '" + O.SourceRoot + "' (--source-root)";
      return std::nullopt;
    }
    return normalisePath(O.SourceRoot);
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  if (auto Git = gitWorkTree(normalisePath(Cwd)))
    return *Git;
  return normalisePath(Cwd);
}

/// The files to analyse, each with the spelling the database knows it by.
struct Selected {
  std::vector<DatabaseFile> Files;
};

std::optional<Selected> selectFiles(const Options &O, const CompileDatabase &Db,
                                    const std::string &Root, std::string &Error) {
  Selected S;
  if (!O.Files.empty()) {
    std::map<std::string, std::string> Listed;
    for (const DatabaseFile &F : Db.Files)
      Listed.emplace(F.Path, F.Listed);
    for (const std::string &Name : O.Files) {
      if (!llvm::sys::fs::exists(Name)) {
        Error = "no such file: '" + Name + "'";
        return std::nullopt;
      }
      if (llvm::sys::fs::is_directory(Name)) {
        Error = "'" + Name + "' is a directory, not a source file";
        return std::nullopt;
      }
      std::string Path = normalisePath(Name);
      auto It = Listed.find(Path);
      llvm::SmallString<256> Abs(Name);
      llvm::sys::fs::make_absolute(Abs);
      llvm::sys::path::remove_dots(Abs, true);
      S.Files.push_back({It != Listed.end() ? It->second : std::string(Abs), Path});
    }
    std::sort(S.Files.begin(), S.Files.end(),
              [](const DatabaseFile &A, const DatabaseFile &B) { return A.Path < B.Path; });
    S.Files.erase(std::unique(S.Files.begin(), S.Files.end(),
                              [](const DatabaseFile &A, const DatabaseFile &B) {
                                return A.Path == B.Path;
                              }),
                  S.Files.end());
  } else {
    S.Files = Db.Files;
  }
  std::vector<DatabaseFile> Kept;
  for (DatabaseFile &F : S.Files)
    if (inShard(displayPath(F.Path, Root), O))
      Kept.push_back(std::move(F));
  S.Files = std::move(Kept);
  // A listed file that does not exist (generated, not built yet) is a
  // translation unit that fails; the others are analysed.
  return S;
}

std::optional<CompileDatabase> openDatabase(const Options &O, std::string &Error) {
  if (O.HasCompilerArgs) {
    if (!O.BuildPath.empty()) {
      Error = "use either -p BUILD_DIR or '-- COMPILER_ARGS', not both";
      return std::nullopt;
    }
    if (O.Files.empty()) {
      Error = "no input files before '--'";
      return std::nullopt;
    }
    return fixedCompileDatabase(O.CompilerArgs);
  }
  std::string Build = O.BuildPath;
  if (Build.empty()) {
    std::optional<std::string> Found;
    if (!O.Files.empty()) {
      llvm::SmallString<256> Dir(O.Files.front());
      llvm::sys::fs::make_absolute(Dir);
      llvm::sys::path::remove_filename(Dir);
      Found = findCompileDatabase(Dir);
    }
    if (!Found) {
      Error = "no compilation database: pass -p BUILD_DIR, or FILE... -- "
              "COMPILER_ARGS";
      return std::nullopt;
    }
    Build = *Found;
  }
  return loadCompileDatabase(Build, Error);
}

/// SARIF for the logs, text for people.
bool writeOutputs(const Options &O, const Report &R, const RunInfo &Info,
                  llvm::raw_ostream &Out, std::string &Error) {
  std::string Sarif;
  if (O.Format == OutputFormat::Sarif || !O.SarifFile.empty())
    Sarif = sarifText(buildSarif(R, Info));
  std::string Main;
  if (O.Format == OutputFormat::Sarif) {
    Main = Sarif;
  } else {
    llvm::raw_string_ostream OS(Main);
    writeText(R, OS);
  }
  if (!O.OutputFile.empty()) {
    if (!writeOutputFile(O.OutputFile, Main, Error))
      return false;
  } else {
    Out << Main;
    Out.flush();
  }
  if (!O.SarifFile.empty() && !writeOutputFile(O.SarifFile, Sarif, Error))
    return false;
  return true;
}

/// Output paths that cannot be written are usage errors found before any
/// work is done.
bool checkOutputs(const Options &O, std::string &Error) {
  for (const std::string *Path : {&O.OutputFile, &O.SarifFile, &O.ExportFixes})
    if (!Path->empty() && !checkOutputFile(*Path, Error))
      return false;
  return true;
}

/// --fix: applies the chosen fixes and says what it did. False when a file
/// could not be written.
bool applyFixes(const std::vector<Finding> &Findings, bool FromNotes,
                const EditableFile &Editable, const std::string &Root,
                SourceCache &Sources, llvm::raw_ostream &Err) {
  FixPlan Plan = planFixes(Findings, FromNotes, Editable, Root, Sources);
  for (const std::string &E : Plan.Errors)
    Err << "corolint: error: " << E << "\n";
  bool Failed = false;
  for (const std::string &Line : writeFixes(Plan, Root, Failed))
    Err << "corolint: " << Line << "\n";
  if (Plan.NewText.empty() && Plan.Errors.empty())
    Err << "corolint: no fix to apply\n";
  return !Failed;
}

int runMerge(const Options &O, const std::vector<std::string> &CommandLine,
             llvm::raw_ostream &Out, llvm::raw_ostream &Err) {
  std::string Error;
  if (!checkOutputs(O, Error))
    return Failure(Err)(Error);
  std::optional<Json> Log = mergeSarif(O.Files, CommandLine, O.MergeShards, Error);
  if (!Log)
    return Failure(Err)(Error);
  std::string Text = sarifText(*Log);
  if (O.OutputFile.empty()) {
    Out << Text;
    Out.flush();
  } else if (!writeOutputFile(O.OutputFile, Text, Error)) {
    return Failure(Err)(Error);
  }
  return ExitClean;
}

int runSummarizeMerge(const Options &O, llvm::raw_ostream &Err) {
  std::string Error;
  if (!checkOutputFile(O.OutputFile, Error))
    return Failure(Err)(Error);
  SummarySet All;
  for (const std::string &File : O.Files) {
    std::optional<SummarySet> S = loadSummaryFile(File, Error);
    if (!S)
      return Failure(Err)(Error);
    All.merge(std::move(*S));
  }
  All.normalise();
  if (!writeOutputFile(O.OutputFile, writeSummaries(All), Error))
    return Failure(Err)(Error);
  Err << "corolint: " << All.Functions.size() << " function summaries, "
      << All.Pending.size() << " pending calls from " << O.Files.size()
      << " files\n";
  return ExitClean;
}

int runAnalysis(const Options &O, const std::vector<std::string> &CommandLine,
                llvm::raw_ostream &Out, llvm::raw_ostream &Err) {
  Failure Fail(Err);
  RunInfo Info;
  Info.CommandLine = CommandLine;
  Info.StartTimeUtc = utcNow();
  Info.Category = O.Category;
  Info.ShardIndex = O.ShardIndex;
  Info.ShardCount = O.ShardCount;
  std::string Error;

  std::optional<std::string> Root = sourceRoot(O, Error);
  if (!Root)
    return Fail(Error);

  std::optional<TidyConfiguration> Config = makeTidyConfiguration(O, Error);
  if (!Config)
    return Fail(Error);
  std::vector<std::string> Enabled = Config->enabledChecks();
  if (Enabled.empty())
    return Fail("no coro check enabled; see --list-checks and --checks");
  if (O.Mode == Options::Action::ListChecks) {
    for (const std::string &C : Enabled)
      Out << C << "\n";
    return ExitClean;
  }
  if (!checkOutputs(O, Error))
    return Fail(Error);

  std::optional<Baseline> Base;
  if (!O.Baseline.empty()) {
    Base = loadBaseline(O.Baseline, Error);
    if (!Base)
      return Fail(Error);
  }

  std::vector<std::string> Paths;
  Analysis A;
  std::unique_ptr<TUCache> Cache;
  if (!O.SummariesIn.empty()) {
    // The second pass of a sharded run: nothing is parsed; the pending
    // calls of this shard's files are decided with the merged summaries.
    std::optional<SummarySet> S = loadSummaryFile(O.SummariesIn, Error);
    if (!S)
      return Fail(Error);
    auto Keep = [&](const std::string &TU) {
      return inShard(displayPath(TU, *Root), O);
    };
    for (const PendingCall &P : S->Pending)
      if (Keep(P.TU))
        Paths.push_back(normalisePath(P.TU));
    std::sort(Paths.begin(), Paths.end());
    Paths.erase(std::unique(Paths.begin(), Paths.end()), Paths.end());
    A.Files = Paths;
    addFindings(A, resolvePending(*S, Keep));
  } else {
    std::optional<CompileDatabase> Db = openDatabase(O, Error);
    if (!Db)
      return Fail(Error);
    std::optional<Selected> Files = selectFiles(O, *Db, *Root, Error);
    if (!Files)
      return Fail(Error);

    for (const DatabaseFile &F : Files->Files)
      Paths.push_back(F.Path);
    if (!Config->ConfigFile && !checkProjectConfigurations(Paths, Error))
      return Fail(Error);

    std::vector<TUJob> Jobs;
    std::vector<std::string> Names;
    for (const DatabaseFile &F : Files->Files) {
      Jobs.push_back({F.Listed,
                      adjustCommands(Db->Db->getCompileCommands(F.Listed),
                                     O.ExtraArgsBefore, O.ExtraArgs),
                      O.CrossTU});
      Names.push_back(displayPath(F.Path, *Root));
    }

    // An unusable cache directory costs time only: a warning, and every
    // translation unit is analysed.
    if (!O.CacheDir.empty()) {
      std::string Warning;
      Cache = TUCache::open(O.CacheDir, Config->providerFactory(),
                            COROLINT_CLANG_RESOURCE_DIR, Warning);
      if (!Cache)
        Err << "corolint: warning: " << Warning << "\n";
      for (TUJob &J : Jobs)
        J.RecordInputs = Cache != nullptr;
    }

    unsigned Threads =
        O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency());
    bool Terminal = llvm::errs().is_displayed() && &Err == &llvm::errs();
    bool ShowProgress = O.Progress == ProgressMode::Always ||
                        (O.Progress == ProgressMode::Auto && Terminal);
    {
      Progress P(Err, ShowProgress, Terminal, Jobs.size());
      A = runJobs(Jobs, Paths, Threads, Config->providerFactory(),
                  COROLINT_CLANG_RESOURCE_DIR, P, Names, O.TimeoutSeconds,
                  Cache.get());
    }
    if (Cache)
      for (const std::string &W : Cache->takeWarnings())
        Err << "corolint: warning: " << W << "\n";
    if (O.Mode == Options::Action::Summarize) {
      for (const TUFailure &F : A.Failures)
        Err << "corolint: warning: '" << displayPath(F.File, *Root)
            << "' was not summarised: " << F.FirstError.Message << "\n";
      if (!writeOutputFile(O.OutputFile,
                           writeSummaries(A.Summaries, /*WithPending=*/false),
                           Error))
        return Fail(Error);
      Err << "corolint: " << A.Summaries.Functions.size()
          << " function summaries from " << A.Files.size() << " files\n";
      return A.Failures.empty() ? ExitClean : ExitIncomplete;
    }
    // Calls through helpers of other files: decided now, or by the
    // --summaries pass once every shard's summaries are merged.
    if (!O.SummariesOut.empty()) {
      if (!writeOutputFile(O.SummariesOut, writeSummaries(A.Summaries), Error))
        return Fail(Error);
    } else if (O.CrossTU) {
      addFindings(A, resolvePending(A.Summaries,
                                    [](const std::string &) { return true; }));
    }
  }
  // Findings in headers count when the header is part of the project.
  std::vector<Finding> Kept;
  for (Finding &F : A.Findings)
    if (!F.Loc.valid() || relativeTo(F.Loc.File, *Root) ||
        std::binary_search(Paths.begin(), Paths.end(), F.Loc.File))
      Kept.push_back(std::move(F));
  A.Findings = std::move(Kept);

  SourceCache Sources;
  Report R = buildReport(A, *Root, Sources);
  R.EnabledChecks = Enabled;
  if (Base) {
    applyBaseline(R, std::move(*Base));
    Info.Baseline = true;
  }
  Info.EndTimeUtc = utcNow();

  for (const std::string &E : R.ConfigErrors)
    Err << "corolint: error: " << E << "\n";
  for (const ReportFailure &F : R.Failures)
    Err << "corolint: error: " << failureText(F) << "\n";
  if (!writeOutputs(O, R, Info, Out, Error))
    return Fail(Error);
  Err << "corolint: " << summaryLine(R) << "\n";
  if (Cache)
    Err << "corolint: " << Cache->summary() << "\n";
  if (!O.ExportFixes.empty() || O.Fix) {
    // Fixes edit the project's files only, as its findings are reported.
    auto Editable = [&](const std::string &File) {
      return relativeTo(File, *Root) ||
             std::binary_search(Paths.begin(), Paths.end(), File);
    };
    if (!O.ExportFixes.empty() &&
        !writeOutputFile(O.ExportFixes,
                         exportFixesYaml(A.Findings, O.FixNotes, Editable,
                                         Paths.size() == 1 ? Paths.front() : ""),
                         Error))
      return Fail(Error);
    if (O.Fix && !applyFixes(A.Findings, O.FixNotes, Editable, *Root, Sources, Err))
      return ExitIncomplete;
  }

  if (!R.ConfigErrors.empty())
    return ExitUsage;
  if (!R.Failures.empty())
    return ExitIncomplete;
  if (O.FailOn)
    for (const ReportItem &I : R.Items)
      if (I.Baseline != BaselineState::Unchanged && I.Severity >= *O.FailOn)
        return ExitFindings;
  return ExitClean;
}

} // namespace

int runCorolint(const std::vector<std::string> &Args, llvm::raw_ostream &Out,
                llvm::raw_ostream &Err) {
  std::vector<std::string> CommandLine = {"corolint"};
  CommandLine.insert(CommandLine.end(), Args.begin(), Args.end());
  std::string Error;
  std::optional<Options> O = parseOptions(Args, Error);
  if (!O)
    return Failure(Err)(Error);
  switch (O->Mode) {
  case Options::Action::Help:
    Out << helpText();
    return ExitClean;
  case Options::Action::Version:
    Out << versionString() << "\n";
    return ExitClean;
  case Options::Action::Merge:
    return runMerge(*O, CommandLine, Out, Err);
  case Options::Action::Summarize:
    if (O->MergeSummaries)
      return runSummarizeMerge(*O, Err);
    break;
  case Options::Action::Analyse:
  case Options::Action::ListChecks:
    break;
  }
  return runAnalysis(*O, CommandLine, Out, Err);
}

} // namespace corolint::driver
