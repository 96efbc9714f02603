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

void appendUnique(Json &To, const Json &From, std::set<std::string> &Seen) {
  for (const Json &N : From)
    if (Seen.insert(N.dump()).second)
      To.push_back(N);
}

} // namespace

std::optional<Json> mergeSarif(const std::vector<std::string> &Paths,
                               const std::vector<std::string> &CommandLine,
                               std::string &Error) {
  std::vector<Json> Runs;
  for (const std::string &Path : Paths) {
    std::optional<Json> Log = readLog(Path, Error);
    if (!Log)
      return std::nullopt;
    for (Json &Run : (*Log)["runs"])
      Runs.push_back(std::move(Run));
  }
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
