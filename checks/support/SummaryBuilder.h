#ifndef COROLINT_SUPPORT_SUMMARYBUILDER_H
#define COROLINT_SUPPORT_SUMMARYBUILDER_H

#include "support/BlockingAnalysis.h"
#include "support/SourceText.h"
#include "support/Summaries.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <set>

namespace corolint {

/// The blocking summaries of one translation unit's functions, built from
/// its AST (see Summaries.h): for each user function with a body in view,
/// its first blocking call (as BlockingAnalysis::directRule judges it) or
/// its calls to other user functions, in view or not. Built on demand and
/// kept until clear().
class SummaryBuilder {
public:
  SummaryBuilder(const RuleCatalog &Catalog, const NameList &Ignored)
      : Catalog(Catalog), Ignored(Ignored) {}

  /// The translation unit's blocking analysis (BlockingAnalysis::shared),
  /// which judges the calls of the functions summarised from now on.
  void use(BlockingAnalysis &A) { Analysis = &A; }

  /// The USR of D ("" when clang has none).
  std::string usr(const clang::Decl *D);

  /// F's summary if F is a user function whose body is in view and that
  /// blocking analyses follow (not a coroutine, not an offload), else null.
  const FunctionSummary *summaryOf(const clang::FunctionDecl *F);

  /// Whether Callee is a user function whose body is not in view but may be
  /// defined in another translation unit.
  bool isExternal(const clang::FunctionDecl *Callee);

  /// The summary of the function with this USR if its body is in view
  /// (reached by a call from a summarised function), else null.
  const FunctionSummary *inView(const std::string &USR);

  /// Whether the function with this USR (in view) reaches, through functions
  /// in view, a call to a function that is not: only then can another
  /// translation unit's summary change what is known about it.
  bool reachesExternal(const std::string &USR);

  /// The location a summary keeps for Loc.
  SummaryLoc location(clang::SourceLocation Loc, const clang::SourceManager &SM);

  /// This translation unit's part of a project's summaries: the functions
  /// summarised so far that block or reach a function not in view, with
  /// their calls to such functions, and the hashes of their files.
  SummarySet result(const clang::SourceManager &SM);

  /// Adds to S (a function this translation unit defines that others may
  /// call: in the main file, external linkage, not inline) what other
  /// analyses know of it: iteration cost, limiter, purity.
  void addFacts(FunctionSummary &S, const clang::FunctionDecl &Def,
                const clang::SourceManager &SM);

  void clear() {
    USRs.clear();
    Built.clear();
    Decls.clear();
    Records.clear();
    Reaches.clear();
    Paths.clear();
    Analysis = nullptr;
  }

private:
  BlockingAnalysis *Analysis = nullptr;
  const RuleCatalog &Catalog;
  const NameList &Ignored;
  const NameList NoNames; // the default of the name-list options
  llvm::DenseMap<const clang::Decl *, std::string> USRs;
  llvm::DenseMap<const clang::FunctionDecl *, const FunctionSummary *> Built;
  std::map<std::string, const clang::FunctionDecl *> Decls; // in view
  std::map<std::string, FunctionSummary> Records;
  std::map<std::string, bool> Reaches;
  std::map<clang::FileID, std::string> Paths;
};

/// Where the driver collects a translation unit's summaries and pending
/// calls: set on the thread that analyses it (ScopedSummaryCollector);
/// null when nothing collects them (clang-tidy, clangd).
SummarySet *activeSummaryCollector();

class ScopedSummaryCollector {
public:
  explicit ScopedSummaryCollector(SummarySet *Into);
  ~ScopedSummaryCollector();
  ScopedSummaryCollector(const ScopedSummaryCollector &) = delete;
  ScopedSummaryCollector &operator=(const ScopedSummaryCollector &) = delete;

private:
  SummarySet *Previous;
};

} // namespace corolint

#endif
