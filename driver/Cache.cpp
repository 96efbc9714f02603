#include "Cache.h"
#include "Sarif.h"
#include "Worker.h"
#include "WriteAll.h"
#include "support/CoroCheck.h"
#include "support/NameList.h"
#include "support/RuleFilePaths.h"

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace corolint::driver {

// The hash of the sources corolint was built from (cmake/BuildId.cmake).
const char *buildSourceHash();

namespace {

/// The first line of every entry; a change of the entry's layout or of
/// what the key covers is a new number.
constexpr llvm::StringLiteral Magic = "corolint-cache 1\n";
constexpr llvm::StringLiteral Missing = "missing";

std::string hex64(std::uint64_t V) {
  std::string S;
  llvm::raw_string_ostream(S) << llvm::format_hex_no_prefix(V, 16);
  return S;
}

/// The bytes of a cache entry: the magic line, the key, the child's result
/// with its length, and a checksum of everything before it.
std::string entryBytes(llvm::StringRef Key, llvm::StringRef Result) {
  std::string E = Magic.str();
  E += Key;
  E += "\n" + std::to_string(Result.size()) + "\n";
  E += Result;
  E += hex64(llvm::xxh3_64bits(E)) + "\n";
  return E;
}

/// The result bytes of entry E when it is whole and is the entry of Key.
std::optional<llvm::StringRef> entryResult(llvm::StringRef E, llvm::StringRef Key) {
  if (E.size() < 17 || !E.ends_with("\n"))
    return std::nullopt;
  llvm::StringRef Body = E.drop_back(17);
  if (hex64(llvm::xxh3_64bits(Body)) != E.drop_front(Body.size()).drop_back())
    return std::nullopt;
  if (!Body.consume_front(Magic) || !Body.consume_front(Key) ||
      !Body.consume_front("\n"))
    return std::nullopt;
  auto [Length, Rest] = Body.split('\n');
  std::size_t N = 0;
  if (Length.getAsInteger(10, N) || N != Rest.size())
    return std::nullopt;
  return Rest;
}

std::string errnoText(int Error) {
  return std::error_code(Error, std::generic_category()).message();
}

/// Writes Bytes to Path through a temporary file of a unique name (Serial
/// among this process's writes) renamed over it, so that readers (other
/// runs too) see the whole old file or the whole new one. Plain system
/// calls: other threads fork meanwhile, and a lock a library held here
/// would stay held in their children. Returns 0 or the errno.
int replaceFile(const std::string &Path, llvm::StringRef Bytes, unsigned Serial) {
  std::string Temp =
      Path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(Serial);
  int FD = ::open(Temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (FD < 0)
    return errno;
  int Error = writeAll(FD, Bytes) ? 0 : errno;
  if (::close(FD) != 0 && !Error)
    Error = errno;
  if (!Error && ::rename(Temp.c_str(), Path.c_str()) != 0)
    Error = errno;
  if (Error)
    ::unlink(Temp.c_str());
  return Error;
}

} // namespace

std::string contentHash(llvm::StringRef Bytes) {
  llvm::XXH128_hash_t H =
      llvm::xxh3_128bits(llvm::ArrayRef(Bytes.bytes_begin(), Bytes.size()));
  return hex64(H.high64) + hex64(H.low64);
}

std::vector<InputFile> recordInputs(const clang::SourceManager &SM) {
  std::vector<InputFile> Inputs;
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It) {
    // The path as the compiler opened it: symbolic links are followed when
    // the file is read again (a link pointed elsewhere later is a change),
    // so ".." stays (after a link it is not the lexical parent).
    llvm::SmallString<256> Path(It->first.getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
    InputFile F;
    F.Path = std::string(Path);
    if (std::optional<llvm::StringRef> Data = It->second->getBufferDataIfLoaded())
      F.Hash = contentHash(*Data);
    else if (auto Buffer = llvm::MemoryBuffer::getFile(
                 Path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
      F.Hash = contentHash((*Buffer)->getBuffer());
    else
      F.Hash = Missing.str();
    Inputs.push_back(std::move(F));
  }
  std::sort(Inputs.begin(), Inputs.end(),
            [](const InputFile &A, const InputFile &B) { return A.Path < B.Path; });
  Inputs.erase(std::unique(Inputs.begin(), Inputs.end(),
                           [](const InputFile &A, const InputFile &B) {
                             return A.Path == B.Path;
                           }),
               Inputs.end());
  return Inputs;
}

std::string buildIdentity() {
  std::string Id = versionString() + ", sources " + buildSourceHash();
  if (const char *Test = std::getenv("COROLINT_TEST_BUILD_ID"))
    Id += std::string(", test ") + Test;
  return Id;
}

TUCache::TUCache(std::string Dir, OptionsProviderFactory Options,
                 std::string ResourceDir)
    : Dir(std::move(Dir)), Options(std::move(Options)),
      Identity(buildIdentity() + "\nresource-dir " + ResourceDir + "\n") {
  Provider = this->Options(llvm::vfs::createPhysicalFileSystem());
}

std::unique_ptr<TUCache> TUCache::open(const std::string &Dir,
                                       OptionsProviderFactory Options,
                                       std::string ResourceDir,
                                       std::string &Warning) {
  llvm::SmallString<256> Abs(Dir);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  if (std::error_code E = llvm::sys::fs::create_directories(Abs)) {
    Warning = "cannot use the cache directory '" + Dir + "': " + E.message() +
              "; every translation unit is analysed";
    return nullptr;
  }
  std::unique_ptr<TUCache> C(
      new TUCache(std::string(Abs), std::move(Options), std::move(ResourceDir)));
  if (::access(C->Dir.c_str(), W_OK) != 0) {
    // A read-only cache (shared, or restored read-only) is still read.
    C->warn("the cache directory '" + Dir + "' is not writable (" +
            errnoText(errno) + "); results are not stored");
    C->WriteFailed = true;
  }
  return C;
}

const std::string &TUCache::fileHash(const std::string &Path) {
  auto [It, New] = Hashes.try_emplace(Path);
  if (New) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    It->second = Buffer ? contentHash((*Buffer)->getBuffer()) : Missing.str();
  }
  return It->second;
}

std::string TUCache::keyOf(const TUJob &Job, const std::string &Path) {
  // Every field of Job that changes what the child returns (RecordInputs
  // does not: it is always on with the cache).
  std::string Text = Identity;
  llvm::raw_string_ostream K(Text);
  K << "file " << Job.File << "\nmain " << Path << "\n";
  // A child asked for whole-program summaries returns more than one that
  // was not (docs/whole-program.md).
  K << "summaries " << Job.Summaries << "\n";
  for (const clang::tooling::CompileCommand &C : Job.Commands) {
    K << "command " << C.Directory.size() << ":" << C.Directory << " "
      << C.Filename.size() << ":" << C.Filename;
    for (const std::string &A : C.CommandLine)
      K << " " << A.size() << ":" << A;
    K << "\n";
  }
  // The configuration the child resolves for the main file: every option
  // the .clang-tidy files (or --config-file) and the command line set.
  clang::tidy::ClangTidyOptions Opts = Provider->getOptions(Path);
  K << "configuration\n" << clang::tidy::configurationAsText(Opts) << "\n";
  for (const std::string &Rule :
       resolveRuleFilesFor(allRuleFiles(Opts.CheckOptions), Path))
    K << "rules " << Rule.size() << ":" << Rule << " " << fileHash(Rule) << "\n";
  // The content of the other files options name for the checks to read
  // (summaries of functions defined elsewhere), not only their names.
  std::vector<std::string> Named;
  for (const auto &Entry : Opts.CheckOptions)
    if (Entry.getKey() == "SummaryFiles" || Entry.getKey().ends_with(".SummaryFiles"))
      for (std::string &F : splitOptionList(Entry.getValue().Value))
        Named.push_back(std::move(F));
  llvm::sort(Named);
  for (const std::string &F : Named)
    K << "reads " << F.size() << ":" << F << " " << fileHash(F) << "\n";
  return contentHash(K.str());
}

std::string TUCache::entryPath(const std::string &Key) const {
  return Dir + "/" + Key.substr(0, 2) + "/" + Key.substr(2);
}

void TUCache::warn(std::string Message) {
  std::lock_guard<std::mutex> G(Lock);
  if (std::find(Warnings.begin(), Warnings.end(), Message) == Warnings.end())
    Warnings.push_back(std::move(Message));
}

std::optional<TUResult> TUCache::lookup(std::size_t I, const TUJob &Job,
                                        const std::string &Path,
                                        const std::string &Display) {
  if (Keys.size() <= I)
    Keys.resize(I + 1);
  ++Jobs;
  if (Job.Commands.empty())
    return std::nullopt;
  Keys[I] = keyOf(Job, Path);
  std::string Entry = entryPath(Keys[I]);
  auto Buffer = llvm::MemoryBuffer::getFile(Entry, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    std::error_code E = Buffer.getError();
    if (E != std::errc::no_such_file_or_directory && E != std::errc::not_a_directory)
      warn("cannot read the cache entry '" + Entry + "' of '" + Display +
           "': " + E.message() + "; analysing it again");
    return std::nullopt;
  }
  TUResult R;
  std::optional<llvm::StringRef> Bytes = entryResult((*Buffer)->getBuffer(), Keys[I]);
  if (!Bytes || !decodeResult(*Bytes, R) || R.Failed || !R.ConfigErrors.empty() ||
      R.Inputs.empty()) {
    warn("the cache entry '" + Entry + "' of '" + Display +
         "' is corrupt; analysing it again");
    return std::nullopt;
  }
  for (const InputFile &F : R.Inputs)
    if (fileHash(F.Path) != F.Hash)
      return std::nullopt;
  R.Inputs.clear();
  ++Reused;
  return R;
}

void TUCache::store(std::size_t I, TUResult &R) {
  bool Cacheable = I < Keys.size() && !Keys[I].empty() && !R.Failed &&
                   R.ConfigErrors.empty() && !R.Inputs.empty();
  unsigned Serial = 0;
  if (Cacheable) {
    std::lock_guard<std::mutex> G(Lock);
    Cacheable = !WriteFailed;
    Serial = Writes++;
  }
  std::string Bytes;
  if (Cacheable)
    Bytes = entryBytes(Keys[I], encodeResult(R));
  // The list is the cache's alone: the run keeps the findings.
  R.Inputs = std::vector<InputFile>();
  if (!Cacheable)
    return;
  std::string Sub = Dir + "/" + Keys[I].substr(0, 2);
  int Error = 0;
  if (::mkdir(Sub.c_str(), 0777) != 0 && errno != EEXIST)
    Error = errno;
  if (!Error)
    Error = replaceFile(entryPath(Keys[I]), Bytes, Serial);
  if (!Error)
    return;
  std::lock_guard<std::mutex> G(Lock);
  if (WriteFailed)
    return;
  // One warning, worded later (strerror may take the C library's locks):
  // the other entries would fail alike.
  WriteFailed = true;
  WriteError = Error;
}

std::vector<std::string> TUCache::takeWarnings() {
  std::lock_guard<std::mutex> G(Lock);
  if (WriteError)
    Warnings.push_back("cannot write to the cache directory '" + Dir + "': " +
                       errnoText(WriteError) + "; results are not stored");
  WriteError = 0;
  return std::move(Warnings);
}

std::string TUCache::summary() const {
  return "cache: " + std::to_string(Reused) + " of " + std::to_string(Jobs) +
         " translation units reused, " + std::to_string(Jobs - Reused) +
         " analysed";
}

} // namespace corolint::driver
