#ifndef COROLINT_DRIVER_SARIF_H
#define COROLINT_DRIVER_SARIF_H

#include "Report.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace corolint::driver {

using Json = nlohmann::ordered_json;

/// How the run was invoked, for SARIF's invocation object.
struct RunInfo {
  std::vector<std::string> CommandLine;
  std::string StartTimeUtc; // ISO 8601, e.g. "2026-01-02T03:04:05.678Z"
  std::string EndTimeUtc;
  std::string Category;     // runAutomationDetails.id; empty: none
  bool Baseline = false;    // results carry baselineState
  unsigned ShardIndex = 0;  // --shard=K/N, recorded so 'merge --shards' can
  unsigned ShardCount = 0;  // tell a missing shard; 0: not sharded
};

/// The SARIF 2.1.0 log of one run: tool.driver with a rule for every
/// enabled check (and every check that reported), results with UTF-16
/// regions, notes as relatedLocations linked from the message and as a
/// code flow, both fingerprints, the invocation with a notification per
/// translation unit that failed.
Json buildSarif(const Report &R, const RunInfo &Info);

/// The order of results in every log corolint writes: file, line, column,
/// rule, message.
bool sarifResultLess(const Json &A, const Json &B);

/// The order of toolExecutionNotifications.
bool sarifNotificationLess(const Json &A, const Json &B);

/// The rule metadata of Check.
Json sarifRule(const std::string &Check);

/// The log as written to files: two-space indented, ending in a newline.
std::string sarifText(const Json &Log);

/// A SARIF 2.1.0 log of the one run Run.
Json sarifLog(Json Run);

/// The current time as SARIF writes it.
std::string utcNow();

/// "corolint-9.9 (LLVM 19.1.7)" and the like.
std::string versionString();
std::string toolVersion();

} // namespace corolint::driver

#endif
