#include "CrossTU.h"
#include "Paths.h"

#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>
#include <tuple>

namespace corolint::driver {

namespace {

/// Paths as the rest of the driver spells them (real, absolute), once each.
class PathNames {
public:
  Location at(const SummaryLoc &L, unsigned Length = 0) {
    if (!L.valid())
      return {};
    auto [It, New] = Names.try_emplace(L.File);
    if (New)
      It->second = normalisePath(L.File);
    return {It->second, L.Offset, Length};
  }

private:
  std::map<std::string, std::string> Names;
};

} // namespace

std::vector<Finding> resolvePending(const SummarySet &S,
                                    const std::function<bool(const std::string &)> &Keep) {
  PathNames Paths;
  auto Lookup = [&](const std::string &USR) -> const FunctionSummary * {
    auto It = S.Functions.find(USR);
    return It == S.Functions.end() ? nullptr : &It->second;
  };
  std::vector<Finding> Out;
  for (const PendingCall &P : S.Pending) {
    if (!Keep(P.TU))
      continue;
    std::optional<SummaryChain> Chain = resolveChain(P.USR, P.MaxDepth, Lookup);
    if (!Chain)
      continue;
    const SummaryBlock &B = *Chain->Blocker->Blocks;
    Finding F;
    F.Check = P.Check;
    F.Severity = B.IsError ? Level::Error : Level::Warning;
    F.Message = throughHelperMessage(P.Helper, P.Coroutine, B.Name, B.Reason,
                                     B.Alternative);
    F.Loc = Paths.at(P.At, P.Length);
    F.Function = {P.Function, P.FunctionBegin, P.FunctionEnd};
    for (const SummaryChain::Step &Step : Chain->Steps)
      F.Notes.push_back({Paths.at(Step.Call->At),
                         callsNote(Step.Caller, Step.Call->Name), {}});
    F.Notes.push_back({Paths.at(B.At), blocksNote(Chain->Blocker->Name, B.Name), {}});
    Out.push_back(std::move(F));
  }
  return Out;
}

void addFindings(Analysis &A, std::vector<Finding> Found) {
  using Key = std::tuple<std::string, std::string, unsigned, std::string>;
  std::set<Key> Seen;
  for (const Finding &F : A.Findings)
    Seen.insert({F.Check, F.Loc.File, F.Loc.Offset, F.Message});
  for (Finding &F : Found)
    if (Seen.insert({F.Check, F.Loc.File, F.Loc.Offset, F.Message}).second)
      A.Findings.push_back(std::move(F));
}

std::optional<SummarySet> loadSummaryFile(const std::string &Path,
                                          std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read summary file '" + Path + "': " +
            Buffer.getError().message();
    return std::nullopt;
  }
  SummaryError E;
  std::optional<SummarySet> S = readSummaries((*Buffer)->getBuffer(), Path, E);
  if (!S)
    Error = "invalid summary file: " + E.str();
  return S;
}

} // namespace corolint::driver
