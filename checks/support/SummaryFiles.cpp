#include "support/SummaryFiles.h"
#include "support/JsonLocator.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace corolint {

struct SummaryFiles::Loaded {
  std::string Path;
  std::string Text;
  SummarySet Set;
};

namespace {

/// What a summary file was when read: a change of either reads it again.
struct Stamp {
  llvm::sys::TimePoint<> Modified;
  uint64_t Size = 0;
  bool operator==(const Stamp &O) const {
    return Modified == O.Modified && Size == O.Size;
  }
};

struct CacheEntry {
  std::vector<Stamp> Stamps;
  std::vector<SummaryError> Errors;
  std::shared_ptr<SummaryFiles> Files;
};

std::mutex CacheLock;
std::map<std::vector<std::string>, CacheEntry> Cache;

std::optional<Stamp> stampOf(const std::string &Path) {
  llvm::sys::fs::file_status S;
  if (llvm::sys::fs::status(Path, S) || !llvm::sys::fs::is_regular_file(S))
    return std::nullopt;
  return Stamp{S.getLastModificationTime(), S.getSize()};
}

} // namespace

std::shared_ptr<SummaryFiles>
SummaryFiles::get(const std::vector<std::string> &Paths,
                  std::vector<SummaryError> &Errors) {
  std::vector<Stamp> Stamps;
  for (const std::string &P : Paths)
    Stamps.push_back(stampOf(P).value_or(Stamp()));
  std::lock_guard<std::mutex> Guard(CacheLock);
  CacheEntry &Entry = Cache[Paths];
  if (Entry.Files && Entry.Stamps == Stamps) {
    Errors.insert(Errors.end(), Entry.Errors.begin(), Entry.Errors.end());
    return Entry.Files;
  }
  auto Result = std::make_shared<SummaryFiles>();
  std::vector<SummaryError> Found;
  for (const std::string &P : Paths) {
    auto Buffer = llvm::MemoryBuffer::getFile(P, /*IsText=*/true);
    if (!Buffer) {
      Found.push_back({P, 0, 0, "cannot read summary file: " +
                                    Buffer.getError().message()});
      continue;
    }
    auto L = std::make_shared<Loaded>();
    L->Path = P;
    L->Text = (*Buffer)->getBuffer().str();
    SummaryError E;
    std::optional<SummarySet> Set = readSummaries(L->Text, P, E);
    if (!Set) {
      Found.push_back(std::move(E));
      continue;
    }
    L->Set = std::move(*Set);
    std::size_t I = 0;
    for (const auto &[USR, F] : L->Set.Functions)
      Result->Index.try_emplace(USR, L.get(), I++);
    Result->Files.push_back(std::move(L));
  }
  Entry = {std::move(Stamps), Found, Result};
  Errors.insert(Errors.end(), Found.begin(), Found.end());
  return Result;
}

std::string SummaryFiles::staleness(const std::string &File,
                                    const std::string &Hash) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto [It, New] = Current.try_emplace(File);
  if (New) {
    if (auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false))
      It->second = contentHash((*Buffer)->getBuffer());
  }
  if (It->second.empty())
    return "'" + File + "' no longer exists";
  if (It->second != Hash)
    return "'" + File + "' changed since the summary was written";
  return "";
}

const FunctionSummary *SummaryFiles::lookup(const std::string &USR,
                                            std::vector<SummaryError> &Stale) {
  auto It = Index.find(USR);
  if (It == Index.end())
    return nullptr;
  const Loaded &L = *It->second.first;
  const FunctionSummary &F = L.Set.Functions.find(USR)->second;
  auto Hash = L.Set.FileHashes.find(F.Definition.File);
  if (Hash == L.Set.FileHashes.end())
    return &F;
  std::string Why = staleness(F.Definition.File, Hash->second);
  if (Why.empty())
    return &F;
  JsonPath At{std::string("functions"), It->second.second};
  auto [Line, Column] = lineAndColumn(L.Text, locateJsonValue(L.Text, At));
  Stale.push_back({L.Path, Line, Column,
                   "summary of '" + F.Name + "' is stale: " + Why +
                       "; run 'corolint summarize' again"});
  return nullptr;
}

} // namespace corolint
