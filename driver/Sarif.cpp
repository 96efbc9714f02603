#include "Sarif.h"
#include "CheckDocs.h"
#include "Fingerprint.h"
#include "TextOutput.h"
#include "Uri.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <tuple>

#ifndef COROLINT_VERSION
#define COROLINT_VERSION "0.0.0"
#endif
#ifndef COROLINT_INFORMATION_URI
#define COROLINT_INFORMATION_URI "https://github.com/corolint/corolint"
#endif

namespace corolint::driver {
namespace {

constexpr const char *SrcRoot = "%SRCROOT%";
constexpr const char *TUFailedId = "corolint-tu-failed";

const char *sarifLevel(Level L) { return levelName(L); }

/// Brackets in text that also holds embedded links are escaped, so that
/// viewers do not take them for links.
std::string escapeBrackets(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '[' || C == ']')
      Out.push_back('\\');
    Out.push_back(C);
  }
  return Out;
}

/// coro-blocking-call -> CoroBlockingCall.
std::string pascalCase(llvm::StringRef Id) {
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Out.push_back(Upper ? llvm::toUpper(C) : C);
    Upper = false;
  }
  return Out;
}

/// Inside the source root: relative to %SRCROOT%; elsewhere: absolute.
Json artifactLocation(const ReportLocation &L) {
  Json A = Json::object();
  if (L.Display != L.File) {
    A["uri"] = percentEncodePath(L.Display);
    A["uriBaseId"] = SrcRoot;
  } else {
    A["uri"] = fileUri(L.File);
  }
  return A;
}

Json region(const ReportLocation &L) {
  Json Region = Json::object();
  Region["startLine"] = L.Start.Line;
  Region["startColumn"] = L.Start.Utf16Column;
  Region["endLine"] = L.End.Line;
  Region["endColumn"] = L.End.Utf16Column;
  return Region;
}

Json physicalLocation(const ReportLocation &L) {
  Json P = Json::object();
  P["artifactLocation"] = artifactLocation(L);
  if (L.HasPosition)
    P["region"] = region(L);
  return P;
}

Json location(const ReportLocation &L, const std::string *Message = nullptr) {
  Json J = Json::object();
  J["physicalLocation"] = physicalLocation(L);
  if (Message)
    J["message"] = {{"text", *Message}};
  return J;
}

/// SARIF 2.1.0 section 3.55: a fix is a description and artifactChanges,
/// one per file, each with replacements (deletedRegion, an empty region
/// for an insertion, and insertedContent).
Json fixes(const std::vector<ReportFix> &Fixes) {
  Json Out = Json::array();
  for (const ReportFix &F : Fixes) {
    Json Changes = Json::array();
    std::vector<std::string> Files;
    for (const ReportEdit &E : F.Edits) {
      if (!E.Deleted.HasPosition)
        return Json(); // a file that cannot be read: no region to name
      auto It = std::find(Files.begin(), Files.end(), E.Deleted.File);
      if (It == Files.end()) {
        Files.push_back(E.Deleted.File);
        Changes.push_back({{"artifactLocation", artifactLocation(E.Deleted)},
                           {"replacements", Json::array()}});
        It = Files.end() - 1;
      }
      Json R = Json::object();
      R["deletedRegion"] = region(E.Deleted);
      if (!E.Inserted.empty())
        R["insertedContent"] = {{"text", E.Inserted}};
      Changes[It - Files.begin()]["replacements"].push_back(R);
    }
    Json Fix = Json::object();
    Fix["description"] = {{"text", F.Description}};
    Fix["artifactChanges"] = Changes;
    Out.push_back(Fix);
  }
  return Out;
}

Json result(const ReportItem &I, const std::vector<std::string> &RuleIds,
            bool Baseline) {
  Json J = Json::object();
  J["ruleId"] = I.Check;
  J["ruleIndex"] = std::lower_bound(RuleIds.begin(), RuleIds.end(), I.Check) -
                   RuleIds.begin();
  J["level"] = sarifLevel(I.Severity);
  std::string Text = I.Message;
  std::vector<const ReportNote *> Linked;
  for (const ReportNote &N : I.Notes)
    if (!N.Loc.File.empty())
      Linked.push_back(&N);
  if (!Linked.empty()) {
    Text = escapeBrackets(I.Message) + " (see ";
    for (std::size_t K = 0; K < Linked.size(); ++K)
      Text += (K ? ", [" : "[") + escapeBrackets(Linked[K]->Message) + "](" +
              std::to_string(K + 1) + ")";
    Text += ")";
  }
  J["message"] = {{"text", Text}};
  if (!I.Loc.File.empty()) {
    Json Loc = location(I.Loc);
    if (!I.Function.empty())
      Loc["logicalLocations"] = Json::array(
          {Json{{"fullyQualifiedName", I.Function}, {"kind", "function"}}});
    J["locations"] = Json::array({Loc});
  }
  if (!Linked.empty()) {
    Json Related = Json::array();
    for (std::size_t K = 0; K < Linked.size(); ++K) {
      Json R = Json::object();
      R["id"] = K + 1;
      R["physicalLocation"] = physicalLocation(Linked[K]->Loc);
      R["message"] = {{"text", Linked[K]->Message}};
      Related.push_back(R);
    }
    J["relatedLocations"] = Related;
    // A finding with notes is a chain: the finding, then each step.
    Json Steps = Json::array();
    Steps.push_back({{"location", location(I.Loc, &I.Message)}});
    for (const ReportNote *N : Linked)
      Steps.push_back({{"location", location(N->Loc, &N->Message)}});
    J["codeFlows"] = Json::array(
        {Json{{"threadFlows", Json::array({Json{{"locations", Steps}}})}}});
  }
  if (!I.LineHash.empty() || !I.Fingerprint.empty()) {
    Json FP = Json::object();
    if (!I.LineHash.empty())
      FP[LineHashKey] = I.LineHash;
    if (!I.Fingerprint.empty())
      FP[StableFingerprintKey] = I.Fingerprint;
    J["partialFingerprints"] = FP;
  }
  if (!I.Fixes.empty())
    if (Json F = fixes(I.Fixes); !F.is_null())
      J["fixes"] = std::move(F);
  if (Baseline)
    J["baselineState"] =
        I.Baseline == BaselineState::Unchanged ? "unchanged" : "new";
  return J;
}

std::string quoteArg(const std::string &A) {
  if (!A.empty() && A.find_first_of(" \t\n'\"\\$`*?;&|<>()") == std::string::npos)
    return A;
  std::string Q = "'";
  for (char C : A)
    Q += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Q + "'";
}

/// The key results are sorted and merged by.
auto resultKey(const Json &R) {
  std::string Uri, Rule, Text;
  long Line = 0, Column = 0;
  if (R.contains("locations") && !R["locations"].empty()) {
    const Json &P = R["locations"][0]["physicalLocation"];
    Uri = percentDecode(P["artifactLocation"].value("uri", ""));
    if (llvm::StringRef(Uri).starts_with("file://"))
      Uri = Uri.substr(7);
    if (P.contains("region")) {
      Line = P["region"].value("startLine", 0L);
      Column = P["region"].value("startColumn", 0L);
    }
  }
  Rule = R.value("ruleId", "");
  if (R.contains("message"))
    Text = R["message"].value("text", "");
  return std::make_tuple(Uri, Line, Column, Rule, Text);
}

} // namespace

std::string toolVersion() { return COROLINT_VERSION; }

std::string versionString() {
  return std::string("corolint ") + COROLINT_VERSION + " (LLVM " +
         LLVM_VERSION_STRING + ")";
}

std::string utcNow() {
  auto Now = std::chrono::system_clock::now();
  std::time_t T = std::chrono::system_clock::to_time_t(Now);
  auto Millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                    Now.time_since_epoch())
                    .count() %
                1000;
  std::tm UTC;
  gmtime_r(&T, &UTC);
  char Buf[40];
  std::strftime(Buf, sizeof(Buf), "%Y-%m-%dT%H:%M:%S", &UTC);
  char Out[48];
  std::snprintf(Out, sizeof(Out), "%s.%03dZ", Buf, static_cast<int>(Millis));
  return Out;
}

bool sarifResultLess(const Json &A, const Json &B) {
  return resultKey(A) < resultKey(B);
}

bool sarifNotificationLess(const Json &A, const Json &B) {
  auto Key = [](const Json &N) {
    std::string TU, Text;
    if (N.contains("properties"))
      TU = N["properties"].value("translationUnit", "");
    if (N.contains("message"))
      Text = N["message"].value("text", "");
    return std::make_pair(TU, Text);
  };
  return Key(A) < Key(B);
}

Json sarifRule(const std::string &Check) {
  Json Rule = Json::object();
  Rule["id"] = Check;
  Rule["name"] = pascalCase(Check);
  std::optional<CheckDoc> Doc = checkDoc(Check);
  llvm::StringRef Id = Check;
  std::string Level = "warning";
  if (Doc) {
    Rule["shortDescription"] = {{"text", Doc->ShortDescription}};
    Rule["fullDescription"] = {{"text", Doc->FullDescription}};
    Rule["help"] = {{"text", Doc->HelpText}, {"markdown", Doc->HelpMarkdown}};
  } else if (Id.starts_with("clang-diagnostic-")) {
    std::string Flag = Id.drop_front(strlen("clang-diagnostic-")).str();
    std::string What = Flag == "error" ? "Compiler error."
                                       : "Compiler warning -W" + Flag + ".";
    if (Flag == "error")
      Level = "error";
    Rule["shortDescription"] = {{"text", What}};
    Rule["fullDescription"] = {{"text", What}};
    Rule["help"] = {{"text", What}};
  } else {
    std::string What = "The clang-tidy check " + Check + ".";
    Rule["shortDescription"] = {{"text", What}};
    Rule["fullDescription"] = {{"text", What}};
    Rule["help"] = {{"text", What}};
  }
  Rule["defaultConfiguration"] = {{"level", Level}};
  Json Props = Json::object();
  if (Id.starts_with("coro-"))
    Props["tags"] = Json::array({"concurrency", "coroutines", "correctness"});
  else
    Props["tags"] = Json::array({"correctness"});
  Props["precision"] = "high";
  Props["problem.severity"] = Level == "error" ? "error" : "warning";
  Rule["properties"] = Props;
  return Rule;
}

Json buildSarif(const Report &R, const RunInfo &Info) {
  std::set<std::string> Ids(R.EnabledChecks.begin(), R.EnabledChecks.end());
  for (const ReportItem &I : R.Items)
    Ids.insert(I.Check);
  std::vector<std::string> RuleIds(Ids.begin(), Ids.end());

  Json Rules = Json::array();
  for (const std::string &Id : RuleIds)
    Rules.push_back(sarifRule(Id));

  Json Driver = Json::object();
  Driver["name"] = "corolint";
  Driver["fullName"] = versionString();
  Driver["version"] = toolVersion();
  Driver["semanticVersion"] = toolVersion();
  Driver["informationUri"] = COROLINT_INFORMATION_URI;
  Driver["rules"] = Rules;
  Driver["notifications"] = Json::array({Json{
      {"id", TUFailedId},
      {"name", "TranslationUnitNotAnalysed"},
      {"shortDescription",
       {{"text", "A translation unit could not be compiled, so it was not "
                 "analysed completely."}}},
      {"fullDescription",
       {{"text", "The compiler reported errors in a translation unit (or could "
                 "not run), so its findings may be missing. The notification "
                 "gives the first error and its location."}}},
      {"help",
       {{"text", "Make the file compile with the command of the compilation "
                 "database: fix the error, or the include paths and flags of "
                 "its compile command."}}},
      {"defaultConfiguration", {{"level", "error"}}}}});

  Json Results = Json::array();
  for (const ReportItem &I : R.Items)
    Results.push_back(result(I, RuleIds, Info.Baseline));
  std::stable_sort(Results.begin(), Results.end(), sarifResultLess);

  Json Notifications = Json::array();
  for (const ReportFailure &F : R.Failures) {
    Json N = Json::object();
    N["descriptor"] = {{"id", TUFailedId}};
    N["level"] = "error";
    N["message"] = {{"text", failureText(F)}};
    ReportLocation TU;
    TU.File = F.File;
    TU.Display = F.Display;
    const ReportLocation &At =
        F.FirstError.Loc.File.empty() ? TU : F.FirstError.Loc;
    N["locations"] = Json::array({location(At)});
    N["properties"] = {
        {"translationUnit", artifactLocation(TU)["uri"]}};
    Notifications.push_back(N);
  }
  std::stable_sort(Notifications.begin(), Notifications.end(),
                   sarifNotificationLess);

  Json Invocation = Json::object();
  std::string CommandLine;
  for (const std::string &A : Info.CommandLine)
    CommandLine += (CommandLine.empty() ? "" : " ") + quoteArg(A);
  Invocation["commandLine"] = CommandLine;
  Invocation["startTimeUtc"] = Info.StartTimeUtc;
  Invocation["endTimeUtc"] = Info.EndTimeUtc;
  Invocation["executionSuccessful"] =
      R.Failures.empty() && R.ConfigErrors.empty();
  Invocation["toolExecutionNotifications"] = Notifications;
  if (!R.ConfigErrors.empty()) {
    Json Config = Json::array();
    for (const std::string &E : R.ConfigErrors)
      Config.push_back({{"level", "error"}, {"message", {{"text", E}}}});
    Invocation["toolConfigurationNotifications"] = Config;
  }

  Json Run = Json::object();
  Run["tool"] = {{"driver", Driver}};
  Run["invocations"] = Json::array({Invocation});
  Run["originalUriBaseIds"] = {
      {SrcRoot, {{"uri", fileUri(R.SourceRoot, /*Directory=*/true)}}}};
  if (!Info.Category.empty()) {
    std::string Id = Info.Category;
    if (!llvm::StringRef(Id).ends_with("/"))
      Id += "/";
    Run["automationDetails"] = {{"id", Id}};
  }
  if (Info.ShardCount != 0)
    Run["properties"] = {{"corolintShard",
                          {{"index", Info.ShardIndex}, {"count", Info.ShardCount}}}};
  Run["columnKind"] = "utf16CodeUnits";
  Run["results"] = Results;
  return sarifLog(std::move(Run));
}

Json sarifLog(Json Run) {
  Json Log = Json::object();
  Log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  Log["version"] = "2.1.0";
  Log["runs"] = Json::array({std::move(Run)});
  return Log;
}

std::string sarifText(const Json &Log) { return Log.dump(2) + "\n"; }

} // namespace corolint::driver
