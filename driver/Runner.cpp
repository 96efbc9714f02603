#include "Runner.h"
#include "Worker.h"
#include "support/RuleCatalog.h"

#include "llvm/Support/thread.h"
#include <algorithm>
#include <atomic>
#include <set>
#include <tuple>

namespace corolint::driver {
namespace {

using FindingKey = std::tuple<std::string, std::string, unsigned, std::string>;

FindingKey keyOf(const Finding &F) {
  return {F.Check, F.Loc.File, F.Loc.Offset, F.Message};
}

} // namespace

Analysis runJobs(const std::vector<TUJob> &Jobs,
                 const std::vector<std::string> &Paths, unsigned Threads,
                 const OptionsProviderFactory &Options,
                 llvm::StringRef ResourceDir, Progress &P,
                 const std::vector<std::string> &DisplayNames,
                 unsigned TimeoutSeconds, TUCache *Cache) {
  std::vector<TUResult> Results(Jobs.size());
  // Looked up before any child is forked; the rest is analysed.
  std::vector<std::size_t> ToAnalyse;
  for (std::size_t I = 0; I < Jobs.size(); ++I) {
    std::optional<TUResult> Cached;
    if (Cache)
      Cached = Cache->lookup(I, Jobs[I], Paths[I], DisplayNames[I]);
    if (Cached) {
      Results[I] = std::move(*Cached);
      P.finished(DisplayNames[I]);
    } else {
      ToAnalyse.push_back(I);
    }
  }
  // Forked children inherit the default catalogs instead of each building them.
  if (!ToAnalyse.empty())
    RuleCatalog::preload();
  std::atomic<std::size_t> Next{0};
  auto Work = [&] {
    for (std::size_t K = Next++; K < ToAnalyse.size(); K = Next++) {
      std::size_t I = ToAnalyse[K];
      P.started(DisplayNames[I]);
      Results[I] = analyseIsolated(Jobs[I], Options, ResourceDir, TimeoutSeconds);
      if (Cache)
        Cache->store(I, Results[I]);
      P.finished(DisplayNames[I]);
    }
  };
  Threads = std::max(1u, std::min<unsigned>(Threads, ToAnalyse.size()));
  // Parsing recurses deeply: give each worker the stack clang's own
  // threads get (a child process runs on the stack of the thread that
  // forked it; without a child, the thread analyses itself).
  constexpr unsigned StackSize = 8 << 20;
  std::vector<llvm::thread> Workers;
  for (unsigned T = 0; T < Threads; ++T)
    Workers.emplace_back(std::optional<unsigned>(StackSize), Work);
  for (llvm::thread &W : Workers)
    W.join();

  Analysis A;
  std::set<FindingKey> Seen, SeenErrors;
  std::set<std::string> SeenConfig;
  for (std::size_t I = 0; I < Jobs.size(); ++I) {
    TUResult &R = Results[I];
    A.Files.push_back(Paths[I]);
    for (Finding &F : R.Findings)
      if (Seen.insert(keyOf(F)).second)
        A.Findings.push_back(std::move(F));
    if (R.Failed) {
      TUFailure Failure;
      Failure.File = Paths[I];
      if (!R.CompilerErrors.empty()) {
        // The first error with a place: clang's location-less "too many
        // errors emitted" says nothing about what failed.
        auto Located = std::find_if(
            R.CompilerErrors.begin(), R.CompilerErrors.end(),
            [](const Finding &E) { return E.Loc.valid(); });
        Failure.FirstError =
            Located != R.CompilerErrors.end() ? *Located : R.CompilerErrors.front();
      } else {
        Failure.FirstError.Check = "clang-diagnostic-error";
        Failure.FirstError.Severity = Level::Error;
        Failure.FirstError.Message = "the compiler could not process the file";
      }
      A.Failures.push_back(std::move(Failure));
    }
    for (Finding &F : R.CompilerErrors)
      if (SeenErrors.insert(keyOf(F)).second)
        A.CompilerErrors.push_back(std::move(F));
    if (!R.Summaries.empty()) {
      SummaryError Ignored;
      if (std::optional<SummarySet> S = readSummaries(R.Summaries, "", Ignored))
        A.Summaries.merge(std::move(*S));
    }
    for (std::string &C : R.ConfigErrors)
      if (SeenConfig.insert(C).second)
        A.ConfigErrors.push_back(std::move(C));
  }
  A.Summaries.normalise();
  return A;
}

} // namespace corolint::driver
