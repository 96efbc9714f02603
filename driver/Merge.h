#ifndef COROLINT_DRIVER_MERGE_H
#define COROLINT_DRIVER_MERGE_H

#include "Sarif.h"

#include <optional>
#include <string>
#include <vector>

namespace corolint::driver {

/// Combines the runs of corolint SARIF logs (the shards of one analysis)
/// into one run: rules deduplicated by id and sorted, ruleIndex rewritten,
/// results deduplicated (a header's finding reported by several shards) and
/// sorted as a single run sorts them, notifications kept, one invocation
/// spanning them all. On error returns nullopt and a one-line Error.
std::optional<Json> mergeSarif(const std::vector<std::string> &Paths,
                               const std::vector<std::string> &CommandLine,
                               std::string &Error);

} // namespace corolint::driver

#endif
