#include "Merge.h"

#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <map>
#include <set>

namespace corolint::driver {
namespace {

std::optional<Json> readLog(const std::string &Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read '" + Path + "': " + Buffer.getError().message();
    return std::nullopt;
  }
  Json Log;
  try {
    Log = Json::parse((*Buffer)->getBuffer().begin(),
                      (*Buffer)->getBuffer().end());
  } catch (const Json::parse_error &E) {
    Error = "'" + Path + "' is not valid JSON (at byte " +
            std::to_string(E.byte) + ")";
    return std::nullopt;
  }
  if (!Log.is_object() || Log.value("version", "") != "2.1.0" ||
      !Log.contains("runs") || !Log["runs"].is_array()) {
    Error = "'" + Path + "' is not a SARIF 2.1.0 log";
    return std::nullopt;
  }
  for (const Json &Run : Log["runs"]) {
    bool Ok = Run.is_object() && Run.contains("tool") &&
              Run["tool"].contains("driver") &&
              Run["tool"]["driver"].is_object() &&
              (!Run.contains("results") || Run["results"].is_array());
    if (!Ok) {
      Error = "'" + Path + "' has a run without tool.driver or results";
      return std::nullopt;
    }
  }
  return Log;
}

/// Whether the logs are shards 1..Count of one analysis, each exactly once.
bool completeShards(const std::vector<std::string> &Paths,
                    const std::vector<Json> &Logs, unsigned Count,
                    std::string &Error) {
  std::map<unsigned, std::string> Seen; // shard index -> log
  for (std::size_t I = 0; I < Logs.size(); ++I) {
    for (const Json &Run : Logs[I]["runs"]) {
      const Json *Shard = nullptr;
      if (Run.contains("properties") && Run["properties"].is_object() &&
          Run["properties"].contains("corolintShard"))
        Shard = &Run["properties"]["corolintShard"];
      if (!Shard || !Shard->is_object() || !(*Shard)["index"].is_number_unsigned() ||
          !(*Shard)["count"].is_number_unsigned()) {
        Error = "'" + Paths[I] + "' is not the log of a --shard=K/" +
                std::to_string(Count) + " run";
        return false;
      }
      unsigned K = (*Shard)["index"], N = (*Shard)["count"];
      if (N != Count || K == 0 || K > N) {
        Error = "'" + Paths[I] + "' is shard " + std::to_string(K) + "/" +
                std::to_string(N) + ", not one of " + std::to_string(Count);
        return false;
      }
      auto [It, New] = Seen.emplace(K, Paths[I]);
      if (!New && It->second != Paths[I]) {
        Error = "'" + Paths[I] + "' and '" + It->second + "' are both shard " +
                std::to_string(K) + "/" + std::to_string(Count);
        return false;
      }
    }
  }
  for (unsigned K = 1; K <= Count; ++K)
    if (!Seen.count(K)) {
      Error = "shard " + std::to_string(K) + "/" + std::to_string(Count) +
              " is missing (" + std::to_string(Seen.size()) + " of " +
              std::to_string(Count) + " shard logs given)";
      return false;
    }
  return true;
}

void appendUnique(Json &To, const Json &From, std::set<std::string> &Seen) {
  for (const Json &N : From)
    if (Seen.insert(N.dump()).second)
      To.push_back(N);
}

} // namespace

std::optional<Json> mergeSarif(const std::vector<std::string> &Paths,
                               const std::vector<std::string> &CommandLine,
                               unsigned Shards, std::string &Error) {
  std::vector<Json> Logs;
  for (const std::string &Path : Paths) {
    std::optional<Json> Log = readLog(Path, Error);
    if (!Log)
      return std::nullopt;
    Logs.push_back(std::move(*Log));
  }
  if (Shards != 0 && !completeShards(Paths, Logs, Shards, Error))
    return std::nullopt;
  std::vector<Json> Runs;
  for (Json &Log : Logs)
    for (Json &Run : Log["runs"])
      Runs.push_back(std::move(Run));
  if (Runs.empty()) {
    Error = "no runs to merge";
    return std::nullopt;
  }
  std::string Tool = Runs.front()["tool"]["driver"].value("name", "");
  for (std::size_t I = 1; I < Runs.size(); ++I)
    if (Runs[I]["tool"]["driver"].value("name", "") != Tool) {
      Error = "cannot merge runs of '" + Tool + "' and '" +
              Runs[I]["tool"]["driver"].value("name", "") + "'";
      return std::nullopt;
    }

  std::map<std::string, Json> Rules;
  Json Descriptors = Json::array();
  std::set<std::string> SeenDescriptors;
  for (const Json &Run : Runs) {
    const Json &D = Run["tool"]["driver"];
    if (D.contains("rules"))
      for (const Json &Rule : D["rules"])
        Rules.try_emplace(Rule.value("id", ""), Rule);
    if (D.contains("notifications"))
      appendUnique(Descriptors, D["notifications"], SeenDescriptors);
  }
  std::vector<std::string> RuleIds;
  Json RuleArray = Json::array();
  for (auto &[Id, Rule] : Rules) {
    RuleIds.push_back(Id);
    RuleArray.push_back(Rule);
  }

  Json Results = Json::array();
  std::set<std::string> SeenResults;
  for (Json &Run : Runs) {
    if (!Run.contains("results"))
      continue;
    for (Json &R : Run["results"]) {
      std::string Id = R.value("ruleId", "");
      auto It = std::lower_bound(RuleIds.begin(), RuleIds.end(), Id);
      if (It != RuleIds.end() && *It == Id)
        R["ruleIndex"] = It - RuleIds.begin();
      else
        R.erase("ruleIndex");
      if (SeenResults.insert(R.dump()).second)
        Results.push_back(std::move(R));
    }
  }
  std::stable_sort(Results.begin(), Results.end(), sarifResultLess);

  Json Notifications = Json::array(), Configuration = Json::array();
  std::set<std::string> SeenNotifications, SeenConfiguration;
  bool Successful = true;
  std::string Start, End;
  for (const Json &Run : Runs) {
    if (!Run.contains("invocations"))
      continue;
    for (const Json &Inv : Run["invocations"]) {
      Successful = Successful && Inv.value("executionSuccessful", true);
      std::string S = Inv.value("startTimeUtc", ""), E = Inv.value("endTimeUtc", "");
      if (!S.empty() && (Start.empty() || S < Start))
        Start = S;
      if (!E.empty() && (End.empty() || E > End))
        End = E;
      if (Inv.contains("toolExecutionNotifications"))
        appendUnique(Notifications, Inv["toolExecutionNotifications"],
                     SeenNotifications);
      if (Inv.contains("toolConfigurationNotifications"))
        appendUnique(Configuration, Inv["toolConfigurationNotifications"],
                     SeenConfiguration);
    }
  }
  std::stable_sort(Notifications.begin(), Notifications.end(),
                   sarifNotificationLess);

  Json Invocation = Json::object();
  std::string Line;
  for (const std::string &A : CommandLine)
    Line += (Line.empty() ? "" : " ") + A;
  Invocation["commandLine"] = Line;
  Invocation["startTimeUtc"] = Start.empty() ? utcNow() : Start;
  Invocation["endTimeUtc"] = End.empty() ? utcNow() : End;
  Invocation["executionSuccessful"] = Successful;
  Invocation["toolExecutionNotifications"] = Notifications;
  if (!Configuration.empty())
    Invocation["toolConfigurationNotifications"] = Configuration;

  // The first run supplies everything that is the same in every shard.
  Json Run = Json::object();
  Json Driver = Runs.front()["tool"]["driver"];
  Driver["rules"] = RuleArray;
  if (!Descriptors.empty())
    Driver["notifications"] = Descriptors;
  Run["tool"] = {{"driver", Driver}};
  Run["invocations"] = Json::array({Invocation});
  for (const char *Key : {"originalUriBaseIds", "automationDetails", "columnKind"})
    if (Runs.front().contains(Key))
      Run[Key] = Runs.front()[Key];
  Run["results"] = Results;
  return sarifLog(std::move(Run));
}

} // namespace corolint::driver
