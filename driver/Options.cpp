#include "Options.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

namespace corolint::driver {
namespace {

enum class Opt {
  Unknown, BuildPath, Checks, ConfigFile, Rules, ExtraArg, ExtraArgBefore, Jobs,
  Format, Output, Sarif, SourceRoot, Baseline, FailOn, Progress, Category, Shard,
  Shards, ListChecks, Version, Help, Timeout, Fix, FixNotes, ExportFixes,
  CrossTU, SummariesOut, SummariesIn, MergeSummaries,
  CacheDir,
};

Opt optionNamed(llvm::StringRef Name) {
  return llvm::StringSwitch<Opt>(Name)
      .Case("p", Opt::BuildPath)
      .Case("checks", Opt::Checks)
      .Case("config-file", Opt::ConfigFile)
      .Case("rules", Opt::Rules)
      .Case("extra-arg", Opt::ExtraArg)
      .Case("extra-arg-before", Opt::ExtraArgBefore)
      .Case("j", Opt::Jobs)
      .Case("jobs", Opt::Jobs)
      .Case("format", Opt::Format)
      .Case("o", Opt::Output)
      .Case("output", Opt::Output)
      .Case("sarif", Opt::Sarif)
      .Case("source-root", Opt::SourceRoot)
      .Case("baseline", Opt::Baseline)
      .Case("fail-on", Opt::FailOn)
      .Case("progress", Opt::Progress)
      .Case("category", Opt::Category)
      .Case("shard", Opt::Shard)
      .Case("shards", Opt::Shards)
      .Case("timeout", Opt::Timeout)
      .Case("fix", Opt::Fix)
      .Case("fix-notes", Opt::FixNotes)
      .Case("export-fixes", Opt::ExportFixes)
      .Case("cross-tu", Opt::CrossTU)
      .Case("summaries-out", Opt::SummariesOut)
      .Case("summaries", Opt::SummariesIn)
      .Case("merge", Opt::MergeSummaries)
      .Case("cache-dir", Opt::CacheDir)
      .Case("list-checks", Opt::ListChecks)
      .Case("version", Opt::Version)
      .Case("help", Opt::Help)
      .Case("h", Opt::Help)
      .Default(Opt::Unknown);
}

bool takesValue(Opt O) {
  return O != Opt::ListChecks && O != Opt::Version && O != Opt::Help &&
         O != Opt::Fix && O != Opt::FixNotes && O != Opt::MergeSummaries &&
         O != Opt::Unknown;
}

std::optional<unsigned> positive(llvm::StringRef S) {
  unsigned V = 0;
  if (S.getAsInteger(10, V) || V == 0)
    return std::nullopt;
  return V;
}

class Parser {
public:
  Parser(llvm::ArrayRef<std::string> Args, std::string &Error)
      : Args(Args), Error(Error) {}

  std::optional<Options> run() {
    std::size_t I = 0;
    if (!Args.empty() && Args[0] == "merge") {
      O.Mode = Options::Action::Merge;
      I = 1;
    } else if (!Args.empty() && Args[0] == "summarize") {
      O.Mode = Options::Action::Summarize;
      I = 1;
    }
    for (; I < Args.size(); ++I) {
      llvm::StringRef A = Args[I];
      if (A == "--") {
        O.HasCompilerArgs = true;
        O.CompilerArgs.assign(Args.begin() + I + 1, Args.end());
        break;
      }
      if (A.size() < 2 || !A.starts_with("-")) {
        O.Files.push_back(A.str());
        continue;
      }
      llvm::StringRef Body = A.drop_front(A.starts_with("--") ? 2 : 1);
      auto [Name, Value] = Body.split('=');
      bool HasValue = Body.contains('=');
      Opt Kind = optionNamed(Name);
      // -j8 and -pbuild, the short forms with the value attached.
      if (Kind == Opt::Unknown && !A.starts_with("--") && !HasValue &&
          (Body.starts_with("j") || Body.starts_with("p")) && Body.size() > 1) {
        Kind = optionNamed(Body.take_front(1));
        Value = Body.drop_front(1);
        HasValue = true;
      }
      if (Kind == Opt::Unknown)
        return fail("unknown option '" + A.str() + "'; see --help");
      std::string V;
      if (takesValue(Kind)) {
        if (HasValue) {
          V = Value.str();
        } else if (I + 1 < Args.size()) {
          V = Args[++I];
        } else {
          return fail("option '" + A.str() + "' expects a value");
        }
      } else if (HasValue) {
        return fail("option '" + Name.str() + "' takes no value");
      }
      if (!apply(Kind, Name, V))
        return std::nullopt;
    }
    if (O.Mode == Options::Action::Merge) {
      if (O.HasCompilerArgs)
        return fail("'corolint merge' takes SARIF files, not compiler arguments");
      if (O.Files.empty())
        return fail("'corolint merge' expects SARIF files to merge");
      if (O.Fix || !O.ExportFixes.empty())
        return fail("'corolint merge' does not apply or export fixes; run "
                    "--fix or --export-fixes with the analysis");
      if (!O.CacheDir.empty())
        return fail("'corolint merge' analyses nothing; --cache-dir is an "
                    "option of the analysis");
    } else if (O.Mode == Options::Action::Summarize) {
      if (O.OutputFile.empty())
        return fail("'corolint summarize' expects -o FILE for the summaries");
      if (O.MergeSummaries && O.Files.empty())
        return fail("'corolint summarize --merge' expects summary files to merge");
      if (!O.CrossTU)
        return fail("'corolint summarize' needs --cross-tu=on");
    } else if (O.MergeSummaries) {
      return fail("--merge is an option of 'corolint summarize'");
    } else if (O.MergeShards != 0) {
      return fail("--shards is an option of 'corolint merge'; use --shard=K/N to analyse one shard");
    }
    return O;
  }

private:
  std::optional<Options> fail(std::string Message) {
    Error = std::move(Message);
    return std::nullopt;
  }

  bool bad(std::string Message) {
    Error = std::move(Message);
    return false;
  }

  bool apply(Opt Kind, llvm::StringRef Name, const std::string &V) {
    std::string Flag = "--" + Name.str();
    switch (Kind) {
    case Opt::BuildPath:
      if (V.empty())
        return bad("-p expects a build directory");
      O.BuildPath = V;
      return true;
    case Opt::Checks:
      O.Checks = V;
      return true;
    case Opt::ConfigFile:
      if (V.empty())
        return bad("--config-file expects a file");
      O.ConfigFile = V;
      return true;
    case Opt::Rules:
      if (V.empty())
        return bad("--rules expects a rule file");
      O.RuleFiles.push_back(V);
      return true;
    case Opt::ExtraArg:
      O.ExtraArgs.push_back(V);
      return true;
    case Opt::ExtraArgBefore:
      O.ExtraArgsBefore.push_back(V);
      return true;
    case Opt::Jobs:
      if (auto N = positive(V)) {
        O.Jobs = *N;
        return true;
      }
      return bad("-j expects a positive number, not '" + V + "'");
    case Opt::Format:
      if (V == "text")
        O.Format = OutputFormat::Text;
      else if (V == "sarif")
        O.Format = OutputFormat::Sarif;
      else
        return bad("unknown --format '" + V + "'; expected 'text' or 'sarif'");
      return true;
    case Opt::Output:
      if (V.empty())
        return bad("-o expects a file");
      O.OutputFile = V;
      return true;
    case Opt::Sarif:
      if (V.empty())
        return bad("--sarif expects a file");
      O.SarifFile = V;
      return true;
    case Opt::SourceRoot:
      if (V.empty())
        return bad("--source-root expects a directory");
      O.SourceRoot = V;
      return true;
    case Opt::Baseline:
      if (V.empty())
        return bad("--baseline expects a SARIF file");
      O.Baseline = V;
      return true;
    case Opt::FailOn:
      if (V == "none")
        O.FailOn = std::nullopt;
      else if (V == "note")
        O.FailOn = Level::Note;
      else if (V == "warning")
        O.FailOn = Level::Warning;
      else if (V == "error")
        O.FailOn = Level::Error;
      else
        return bad("unknown --fail-on '" + V +
                   "'; expected 'none', 'note', 'warning' or 'error'");
      return true;
    case Opt::Progress:
      if (V == "auto")
        O.Progress = ProgressMode::Auto;
      else if (V == "always")
        O.Progress = ProgressMode::Always;
      else if (V == "never")
        O.Progress = ProgressMode::Never;
      else
        return bad("unknown --progress '" + V +
                   "'; expected 'auto', 'always' or 'never'");
      return true;
    case Opt::Category:
      O.Category = V;
      return true;
    case Opt::Shard: {
      auto [K, N] = llvm::StringRef(V).split('/');
      auto Index = positive(K), Count = positive(N);
      if (!Index || !Count || *Index > *Count)
        return bad("--shard expects K/N with 1 <= K <= N, not '" + V + "'");
      O.ShardIndex = *Index;
      O.ShardCount = *Count;
      return true;
    }
    case Opt::Shards: {
      auto Count = positive(V);
      if (!Count)
        return bad("--shards expects a number of shards >= 1, not '" + V + "'");
      O.MergeShards = *Count;
      return true;
    }
    case Opt::Timeout:
      if (V == "0" || V == "none") {
        O.TimeoutSeconds = 0;
        return true;
      }
      if (auto N = positive(V)) {
        O.TimeoutSeconds = *N;
        return true;
      }
      return bad("--timeout expects seconds (0 or 'none' for no limit), not '" +
                 V + "'");
    case Opt::Fix:
      O.Fix = true;
      return true;
    case Opt::FixNotes: // implies --fix, as in clang-tidy
      O.Fix = O.FixNotes = true;
      return true;
    case Opt::ExportFixes:
      if (V.empty())
        return bad("--export-fixes expects a file");
      O.ExportFixes = V;
      return true;
    case Opt::CrossTU:
      if (V == "on" || V == "off") {
        O.CrossTU = V == "on";
        return true;
      }
      return bad("--cross-tu expects 'on' or 'off', not '" + V + "'");
    case Opt::SummariesOut:
      if (V.empty())
        return bad("--summaries-out expects a file");
      O.SummariesOut = V;
      return true;
    case Opt::SummariesIn:
      if (V.empty())
        return bad("--summaries expects a summary file");
      O.SummariesIn = V;
      return true;
    case Opt::MergeSummaries:
      O.MergeSummaries = true;
      return true;
    case Opt::CacheDir:
      if (V.empty())
        return bad("--cache-dir expects a directory");
      O.CacheDir = V;
      return true;
    case Opt::ListChecks:
      if (O.Mode == Options::Action::Analyse)
        O.Mode = Options::Action::ListChecks;
      return true;
    case Opt::Version:
      if (O.Mode != Options::Action::Help)
        O.Mode = Options::Action::Version;
      return true;
    case Opt::Help:
      O.Mode = Options::Action::Help;
      return true;
    case Opt::Unknown:
      break;
    }
    return bad("unknown option '" + Flag + "'");
  }

  llvm::ArrayRef<std::string> Args;
  std::string &Error;
  Options O;
};

} // namespace

std::optional<Options> parseOptions(llvm::ArrayRef<std::string> Args,
                                    std::string &Error) {
  return Parser(Args, Error).run();
}

std::string helpText() {
  return R"(USAGE: corolint [options] -p BUILD_DIR [FILE...]
       corolint [options] FILE... -- COMPILER_ARGS...
       corolint merge [--shards=N] SHARD.sarif... [-o ALL.sarif]
       corolint summarize [options] -p BUILD_DIR -o SUMMARIES.json
       corolint summarize --merge PART.json... -o SUMMARIES.json

Runs the coro-* checks over a project through clang-tidy's engine, so
.clang-tidy files (CheckOptions, HeaderFilterRegex, ...) and NOLINT comments
work as in clang-tidy; their Checks lines do not choose what corolint runs
(--checks and --config-file narrow the coro checks). Options g++ writes
that clang does not know, and -Werror, are dropped from compile commands.
With -p, every file of BUILD_DIR/compile_commands.json is analysed unless
files are named; after '--', the named files are compiled with the given
arguments and no database is read.

OPTIONS:
  -p BUILD_DIR            directory of compile_commands.json (or the file)
  --checks=GLOBS          the coro checks to run, like clang-tidy's -checks
                          (default: coro-*; '-*,coro-blocking-call' runs one)
  --config-file=FILE      use this .clang-tidy-style file instead of searching
                          for .clang-tidy files; its Checks narrow coro-*
  --rules=FILE            an extra rule catalog (JSON, see docs/rules.md);
                          repeatable
  --extra-arg=ARG         append ARG to every compile command; repeatable
  --extra-arg-before=ARG  put ARG first in every compile command; repeatable
  -j N                    translation units analysed in parallel
                          (default: every core)
  --format=text|sarif     what to write to stdout or -o (default: text)
  -o FILE                 write the output to FILE instead of stdout
  --sarif=FILE            also write SARIF 2.1.0 to FILE
  --source-root=DIR       root for relative paths and SARIF's %SRCROOT%
                          (default: the enclosing git work tree, else the
                          current directory)
  --baseline=OLD.sarif    report only findings that are new against OLD.sarif
  --fail-on=LEVEL         none|note|warning|error: the lowest level that makes
                          the exit status 1 (default: warning)
  --progress=WHEN         auto|always|never: a progress line on stderr
                          (default: auto, only on a terminal)
  --category=ID           SARIF runAutomationDetails.id, one per analysis
                          uploaded to code scanning
  --shard=K/N             analyse the K-th of N stable parts of the files;
                          combine the parts' SARIF with 'corolint merge'
  --shards=N              (merge) require exactly the logs of shards 1..N;
                          a missing, repeated or unreadable one is exit 2
  --timeout=SECONDS       stop analysing a translation unit after SECONDS
                          (default: none); like a crash, it fails that file
                          only (exit status 3)
  --fix                   apply the findings' fixes to the files, all or
                          nothing per file (overlapping fixes: none in that
                          file, reported); only files of the project
  --fix-notes             also apply a fix offered on a note (when the
                          finding has none of its own and one note has
                          one); implies --fix
  --export-fixes=FILE     write the fixes as clang-tidy's YAML (for
                          clang-apply-replacements); with --fix-notes the
                          notes' fixes too; does not change the files
  --cross-tu=on|off       follow blocking helpers across translation units
                          (default: on; docs/whole-program.md)
  --summaries-out=FILE    write this run's summaries and the calls it could
                          not decide to FILE; those are then reported by a
                          --summaries pass, not by this run
  --summaries=FILE        parse nothing: report the undecided calls of FILE
                          (of this --shard's files) against its summaries
  --merge                 (summarize) combine summary files
  --cache-dir=DIR         keep each translation unit's result in DIR (created
                          if missing) and reuse it while nothing it depends
                          on changed (its compile command, the files it
                          includes, the configuration, the rule files,
                          corolint); the output is the same as without
  --list-checks           print the enabled checks and exit
  --version               print the version and exit
  --help                  print this help and exit

EXIT STATUS:
  0  nothing to report at the --fail-on level
  1  findings at or above the --fail-on level (with --baseline: new ones)
  2  usage or configuration error (bad option, compilation database, check
     glob, rule file, .clang-tidy, baseline or source file)
  3  some translation unit could not be analysed (a compiler error, a crash
     or --timeout); the others were
)";
}

} // namespace corolint::driver
