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
/// spanning them all. With Shards != 0 the logs must be exactly the shards
/// 1..Shards of one --shard=K/Shards analysis, each once, so that a failed
/// shard cannot pass for a complete run. On error returns nullopt and a
/// one-line Error.
std::optional<Json> mergeSarif(const std::vector<std::string> &Paths,
                               const std::vector<std::string> &CommandLine,
                               unsigned Shards, std::string &Error);

} // namespace corolint::driver

#endif
