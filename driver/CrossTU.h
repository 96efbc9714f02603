#ifndef COROLINT_DRIVER_CROSSTU_H
#define COROLINT_DRIVER_CROSSTU_H

#include "Finding.h"
#include "support/Summaries.h"

#include <functional>
#include <optional>

namespace corolint::driver {

/// Whole-program coro-blocking-call (docs/whole-program.md): the findings
/// of S's pending calls whose translation unit Keep accepts (a shard's),
/// each through the shortest chain of S's summaries to a blocking call, with
/// a note per call of the chain and one at the blocking call (in whatever
/// files they are).
std::vector<Finding> resolvePending(const SummarySet &S,
                                    const std::function<bool(const std::string &)> &Keep);

/// Adds Found to A's findings, but not those A has already (the same check,
/// place and message).
void addFindings(Analysis &A, std::vector<Finding> Found);

/// Reads a summary file; on failure returns nullopt and a one-line Error
/// ("FILE:LINE:COL: message").
std::optional<SummarySet> loadSummaryFile(const std::string &Path,
                                          std::string &Error);

} // namespace corolint::driver

#endif
