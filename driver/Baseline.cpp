#include "Baseline.h"
#include "Fingerprint.h"
#include "Uri.h"

#include "llvm/Support/MemoryBuffer.h"
#include <nlohmann/json.hpp>

namespace corolint::driver {
namespace {

std::string stableKey(const std::string &Rule, const std::string &FP) {
  return Rule + '\n' + FP;
}

std::string lineKey(const std::string &Rule, const std::string &Path,
                    const std::string &Hash) {
  return Rule + '\n' + Path + '\n' + Hash;
}

/// The path of a result's primary location as corolint displays it.
std::string resultPath(const nlohmann::json &Result) {
  if (!Result.contains("locations") || !Result["locations"].is_array() ||
      Result["locations"].empty())
    return "";
  const nlohmann::json &A =
      Result["locations"][0]["physicalLocation"]["artifactLocation"];
  if (!A.is_object() || !A.contains("uri") || !A["uri"].is_string())
    return "";
  std::string Uri = percentDecode(A["uri"].get<std::string>());
  if (llvm::StringRef(Uri).starts_with("file://"))
    Uri = Uri.substr(7);
  return Uri;
}

bool take(std::map<std::string, unsigned> &M, const std::string &Key) {
  auto It = M.find(Key);
  if (It == M.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

} // namespace

std::optional<Baseline> loadBaseline(const std::string &Path,
                                     std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read baseline '" + Path + "': " + Buffer.getError().message();
    return std::nullopt;
  }
  nlohmann::json Log;
  try {
    Log = nlohmann::json::parse((*Buffer)->getBuffer().begin(),
                                (*Buffer)->getBuffer().end());
  } catch (const nlohmann::json::parse_error &E) {
    Error = "baseline '" + Path + "' is not valid JSON (at byte " +
            std::to_string(E.byte) + ")";
    return std::nullopt;
  }
  if (!Log.is_object() || !Log.contains("runs") || !Log["runs"].is_array()) {
    Error = "baseline '" + Path + "' is not a SARIF log: it has no 'runs'";
    return std::nullopt;
  }
  Baseline B;
  for (const nlohmann::json &Run : Log["runs"]) {
    if (!Run.is_object() || !Run.contains("results"))
      continue;
    if (!Run["results"].is_array()) {
      Error = "baseline '" + Path + "': 'results' is not an array";
      return std::nullopt;
    }
    for (const nlohmann::json &Result : Run["results"]) {
      if (!Result.is_object() || !Result.contains("ruleId") ||
          !Result["ruleId"].is_string())
        continue;
      std::string Rule = Result["ruleId"].get<std::string>();
      const nlohmann::json *FPs =
          Result.contains("partialFingerprints") &&
                  Result["partialFingerprints"].is_object()
              ? &Result["partialFingerprints"]
              : nullptr;
      if (FPs && FPs->contains(StableFingerprintKey) &&
          (*FPs)[StableFingerprintKey].is_string())
        ++B.Stable[stableKey(Rule, (*FPs)[StableFingerprintKey])];
      else if (FPs && FPs->contains(LineHashKey) &&
               (*FPs)[LineHashKey].is_string())
        ++B.ByLine[lineKey(Rule, resultPath(Result), (*FPs)[LineHashKey])];
    }
  }
  return B;
}

void applyBaseline(Report &R, Baseline B) {
  for (ReportItem &I : R.Items) {
    bool Known =
        (!I.Fingerprint.empty() && take(B.Stable, stableKey(I.Check, I.Fingerprint))) ||
        (!I.LineHash.empty() &&
         take(B.ByLine, lineKey(I.Check, I.Loc.Display, I.LineHash)));
    I.Baseline = Known ? BaselineState::Unchanged : BaselineState::New;
  }
}

} // namespace corolint::driver
