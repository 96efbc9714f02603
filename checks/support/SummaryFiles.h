#ifndef COROLINT_SUPPORT_SUMMARYFILES_H
#define COROLINT_SUPPORT_SUMMARYFILES_H

#include "support/Summaries.h"

#include <memory>
#include <mutex>
#include <set>

namespace corolint {

/// The summary files of the `SummaryFiles` option (written by `corolint
/// summarize`), read once per process and again when one changes on disk.
/// Shared between the translation units (and clangd's threads) of a
/// process.
class SummaryFiles {
public:
  /// The summaries of Paths, in order (a function summarised in two files:
  /// the first one's). Files that cannot be read or are malformed are left
  /// out, each with an error saying where (line and column in the JSON).
  static std::shared_ptr<SummaryFiles> get(const std::vector<std::string> &Paths,
                                           std::vector<SummaryError> &Errors);

  /// The summary of the function with this USR, unless it is stale: the
  /// file of its definition no longer exists or changed since the summary
  /// was written. A stale summary adds an error located at its record in
  /// the summary file to Stale, and is not used.
  const FunctionSummary *lookup(const std::string &USR,
                                std::vector<SummaryError> &Stale);

  bool empty() const { return Index.empty(); }

  struct Loaded; // one file: its text and summaries

private:
  /// Why File is stale against the Hash a summary recorded; empty if not.
  std::string staleness(const std::string &File, const std::string &Hash);

  std::vector<std::shared_ptr<const Loaded>> Files;
  /// USR -> (file, position of its record in that file's "functions").
  std::map<std::string, std::pair<const Loaded *, std::size_t>> Index;
  std::mutex Lock; // guards Current
  std::map<std::string, std::string> Current; // file -> hash now ("" gone)
};

} // namespace corolint

#endif
