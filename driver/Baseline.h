#ifndef COROLINT_DRIVER_BASELINE_H
#define COROLINT_DRIVER_BASELINE_H

#include "Report.h"

#include <map>
#include <optional>
#include <string>

namespace corolint::driver {

/// The findings of an earlier SARIF log, by fingerprint.
struct Baseline {
  /// rule + corolint/v1 fingerprint -> how many results have it.
  std::map<std::string, unsigned> Stable;
  /// rule + file + primaryLocationLineHash, for results without corolint's
  /// fingerprint (logs of other versions or tools).
  std::map<std::string, unsigned> ByLine;
};

/// Reads Path; on error returns nullopt and a one-line Error naming it.
std::optional<Baseline> loadBaseline(const std::string &Path, std::string &Error);

/// Marks each finding of R new or unchanged. A baseline result matches one
/// finding at most, so a second identical finding is new.
void applyBaseline(Report &R, Baseline B);

} // namespace corolint::driver

#endif
