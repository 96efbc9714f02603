#include "support/SummaryBuilder.h"
#include "support/CoroCheck.h"
#include "support/CoroutineModel.h"
#include "support/DefUse.h"
#include "support/Limiters.h"
#include "support/LoopCost.h"
#include "support/QualifiedName.h"
#include "support/SpawnHandleFate.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace corolint {

namespace {
thread_local SummarySet *Collector = nullptr;
} // namespace

SummarySet *activeSummaryCollector() { return Collector; }

ScopedSummaryCollector::ScopedSummaryCollector(SummarySet *Into)
    : Previous(Collector) {
  Collector = Into;
}

ScopedSummaryCollector::~ScopedSummaryCollector() { Collector = Previous; }

std::string SummaryBuilder::usr(const Decl *D) {
  auto [It, New] = USRs.try_emplace(D);
  if (New) {
    llvm::SmallString<128> Buf;
    if (!index::generateUSRForDecl(D, Buf)) // true means failure
      It->second = std::string(Buf);
  }
  return It->second;
}

SummaryLoc SummaryBuilder::location(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return {};
  Loc = SM.getFileLoc(Loc);
  FileID FID = SM.getFileID(Loc);
  auto [It, New] = Paths.try_emplace(FID);
  if (New)
    if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(FID)) {
      llvm::SmallString<256> Path(Entry->getName());
      SM.getFileManager().makeAbsolutePath(Path);
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      llvm::SmallString<256> Real;
      It->second = llvm::sys::fs::real_path(Path, Real) ? std::string(Path)
                                                         : std::string(Real);
    }
  if (It->second.empty())
    return {};
  return {It->second, SM.getSpellingLineNumber(Loc),
          SM.getSpellingColumnNumber(Loc), SM.getFileOffset(Loc)};
}

bool SummaryBuilder::isExternal(const FunctionDecl *Callee) {
  if (!Callee || Callee->hasBody() || Callee->getBuiltinID() ||
      !Callee->isExternallyVisible() || Callee->isDeleted() ||
      Callee->isDefaulted() || Callee->isTemplateInstantiation() ||
      Callee->isDependentContext())
    return false;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee))
    if (M->isPureVirtual() || M->getParent()->isLambda())
      return false;
  const SourceManager &SM = Callee->getASTContext().getSourceManager();
  if (Callee->getLocation().isInvalid() || SM.isInSystemHeader(Callee->getLocation()))
    return false;
  std::string Name = qualifiedName(Callee);
  return !Ignored.matches(Name) && !Catalog.isLibraryName(Name) &&
         !Catalog.lookup(Section::Offload, Callee) &&
         !Catalog.lookup(Section::Blocking, Callee);
}

const FunctionSummary *SummaryBuilder::summaryOf(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def))
    return nullptr;
  if (auto It = Built.find(Def); It != Built.end())
    return It->second;
  Built[Def] = nullptr;
  // As BlockingAnalysis follows helpers: user code that is not an offload.
  if (!isUserHelper(Def, Catalog, Ignored) || Catalog.lookup(Section::Offload, Def) ||
      Def->isDependentContext())
    return nullptr;
  std::string Id = usr(Def);
  if (Id.empty())
    return nullptr;
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  FunctionSummary S;
  S.USR = Id;
  S.Name = displayName(*Def);
  S.Definition = location(Def->getLocation(), SM);
  // Whether a call runs only on the way to ending the process is asked
  // last: it builds the body's CFG, which most functions never need.
  auto Fatal = [&](const CallSite &Site) {
    return Analysis->onFatalPath(Site.Call, *Def, Def->getBody());
  };
  for (const CallSite &Site : callsIn(Def->getBody())) {
    if (auto Rule = Analysis->directRule(Site.Call, *Def)) {
      if (Fatal(Site))
        continue;
      S.Blocks = SummaryBlock{Rule->Name, Rule->Rule->Reason,
                              Rule->Rule->Alternative, Rule->Rule->IsError,
                              location(callLocation(Site.Call), SM)};
      S.Calls.clear();
      break;
    }
    const FunctionDecl *Callee = calleeOf(Site.Call);
    if (!Callee)
      continue;
    const FunctionDecl *CalleeDef = nullptr;
    bool HasBody = Callee->hasBody(CalleeDef);
    if (HasBody ? !isUserHelper(CalleeDef, Catalog, Ignored) ||
                      Catalog.lookup(Section::Offload, CalleeDef)
                : !isExternal(Callee))
      continue;
    std::string CalleeId = usr(HasBody ? CalleeDef : Callee);
    if (CalleeId.empty() || CalleeId == Id || Fatal(Site))
      continue;
    if (HasBody)
      Decls.emplace(CalleeId, CalleeDef);
    S.Calls.push_back({CalleeId, displayName(HasBody ? *CalleeDef : *Callee),
                       location(callLocation(Site.Call), SM)});
  }
  Decls.emplace(Id, Def);
  auto [It, New] = Records.try_emplace(Id, std::move(S));
  Built[Def] = &It->second;
  return &It->second;
}

const FunctionSummary *SummaryBuilder::inView(const std::string &USR) {
  if (auto It = Records.find(USR); It != Records.end())
    return &It->second;
  if (auto It = Decls.find(USR); It != Decls.end())
    return summaryOf(It->second);
  return nullptr;
}

bool SummaryBuilder::reachesExternal(const std::string &USR) {
  if (auto It = Reaches.find(USR); It != Reaches.end())
    return It->second;
  std::set<std::string> Seen{USR};
  std::vector<std::string> Work{USR};
  bool Found = false;
  while (!Work.empty() && !Found) {
    const FunctionSummary *S = inView(Work.back());
    Work.pop_back();
    if (!S)
      continue;
    for (const SummaryCall &C : S->Calls) {
      if (!Decls.count(C.USR)) {
        Found = true;
        break;
      }
      if (Seen.insert(C.USR).second)
        Work.push_back(C.USR);
    }
  }
  return Reaches[USR] = Found;
}

SummarySet SummaryBuilder::result(const SourceManager &SM) {
  // Complete the closure of everything summarised so far.
  std::vector<std::string> Work;
  for (const auto &[Id, S] : Records)
    Work.push_back(Id);
  while (!Work.empty()) {
    std::string Id = Work.back();
    Work.pop_back();
    const FunctionSummary *S = inView(Id);
    if (!S)
      continue;
    for (const SummaryCall &C : S->Calls)
      if (!Records.count(C.USR) && Decls.count(C.USR))
        Work.push_back(C.USR);
  }
  // Kept: functions that block or reach a function not in view; their
  // calls to functions that are kept or not in view.
  std::set<std::string> Kept;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[Id, S] : Records) {
      if (Kept.count(Id))
        continue;
      bool Keep = S.Blocks.has_value() ||
                  llvm::any_of(S.Calls, [&](const SummaryCall &C) {
                    return !Decls.count(C.USR) || Kept.count(C.USR);
                  });
      if (Keep)
        Changed = Kept.insert(Id).second || Changed;
    }
  }
  // Functions other files may call get the other analyses' facts, and are
  // kept when one is not the default.
  for (auto &[Id, S] : Records) {
    auto It = Decls.find(Id);
    if (It == Decls.end())
      continue;
    const FunctionDecl *Def = It->second;
    if (!SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())) ||
        !Def->isExternallyVisible() || Def->isInlined() ||
        Def->isTemplateInstantiation() || isa<CXXMethodDecl>(Def) &&
        cast<CXXMethodDecl>(Def)->getParent()->isLambda())
      continue;
    addFacts(S, *Def, SM);
    if (S.hasFacts())
      Kept.insert(Id);
  }
  SummarySet Out;
  for (const std::string &Id : Kept) {
    FunctionSummary S = Records[Id];
    llvm::erase_if(S.Calls, [&](const SummaryCall &C) {
      return Decls.count(C.USR) && !Kept.count(C.USR);
    });
    Out.Functions.emplace(Id, std::move(S));
  }
  std::set<std::string> Files;
  for (const auto &[Id, S] : Out.Functions)
    Files.insert(S.Definition.File);
  for (const auto &[FID, Path] : Paths)
    if (Files.count(Path))
      if (std::optional<llvm::StringRef> Text = SM.getBufferDataOrNone(FID))
        Out.FileHashes.emplace(Path, contentHash(*Text));
  return Out;
}

namespace {

/// The name of the limiter F takes or returns: the first catalogued
/// limiter call in its body, or in a helper it calls that takes one.
std::string limiterName(const FunctionDecl *F, LimiterSearch &Limits,
                        unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!F || Depth > 2 || !F->hasBody(Def))
    return "";
  for (const CallSite &Site : callsIn(Def->getBody()))
    if (Limits.isLimiter(Site.Call))
      return calleeName(Site.Call);
  for (const CallSite &Site : callsIn(Def->getBody())) {
    const FunctionDecl *Callee = calleeOf(Site.Call);
    if (Callee && Limits.helperLimits(Callee, Depth + 1)) {
      std::string Name = limiterName(Callee, Limits, Depth + 1);
      return Name.empty() ? displayName(*Callee) : Name;
    }
  }
  return "";
}

} // namespace

void SummaryBuilder::addFacts(FunctionSummary &S, const FunctionDecl &Def,
                              const SourceManager &SM) {
  ASTContext &Ctx = Def.getASTContext();
  // With the checks' default options: a summary is read by every
  // configuration.
  LoopCostAnalysis Costs(Catalog, NoNames, Ignored, LoopCostAnalysis::Options{});
  for (const LoopCostAnalysis::Contribution &C : Costs.functionCosts(&Def)) {
    SummaryCost K;
    K.Levels = C.Levels;
    K.Walks = C.Walks;
    for (const CostStep &Step : C.Steps) {
      if (Step.K == CostStep::Call)
        continue;
      K.What = Step.K == CostStep::Loop
                   ? (Step.Name.empty() ? "loop" : "'" + Step.Name + "'")
               : Step.K == CostStep::CpuHeavy ? "'" + Step.Name + "'"
                                              : Step.Name;
      if (Step.Where && Step.K != CostStep::Summarised)
        K.At = location(Step.Where->getBeginLoc(), SM);
      break;
    }
    S.Costs.push_back(std::move(K));
  }
  SpawnHandleFate NoSpawns(nullptr, Catalog, Ctx);
  HelperLimiterCache Cache;
  LimiterSearch Limits(NoSpawns, Catalog, NoNames, Cache, Ctx, nullptr);
  if (Limits.helperLimits(&Def, 0)) {
    S.Limiter = limiterName(&Def, Limits, 0);
    if (S.Limiter.empty())
      S.Limiter = "limiter";
  }
  S.Pure = DefUse::isPure(Def, Ctx, Catalog);
}

} // namespace corolint
