#ifndef COROLINT_DRIVER_CACHE_H
#define COROLINT_DRIVER_CACHE_H

#include "Engine.h"

#include "llvm/ADT/StringMap.h"
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
}

namespace corolint::driver {

/// 32 hex digits (XXH3, 128 bits) of Bytes: how the cache tells contents
/// apart.
std::string contentHash(llvm::StringRef Bytes);

/// Every file the translation unit of SM read (the main file and each
/// header, system ones included), absolute and normalised, with the hash of
/// the content the compiler saw, sorted by path. The child records them so
/// that the cache can tell, on a later run, whether any of them changed.
std::vector<InputFile> recordInputs(const clang::SourceManager &SM);

/// What identifies corolint's own code in cache keys: the version, the LLVM
/// it was built with and a hash of the sources of the checks, the driver
/// and the embedded catalogs taken at build time. The tests change it
/// through the environment variable COROLINT_TEST_BUILD_ID (appended).
std::string buildIdentity();

/// The incremental cache of `--cache-dir=DIR`: per translation unit, a
/// record of everything its result depends on and the result the child
/// process returned (encodeResult's bytes, whatever TUResult carries).
///
/// The record's key hashes the compile commands, the configuration the
/// driver resolves for the main file (.clang-tidy files or --config-file,
/// the checks, CheckOptions), the content of every rule file that
/// configuration loads, and buildIdentity(); the entry lists the files the
/// translation unit included with their hashes. A translation unit is
/// reused when its entry exists, is intact and every listed file still has
/// its hash; otherwise it is analysed and its entry replaced. Cross-file
/// work on the results happens afterwards, in the parent, for reused and
/// analysed units alike.
///
/// Entries are written to a temporary file and renamed, so concurrent runs
/// over one DIR see whole entries or none. A corrupt entry, an unreadable
/// or unwritable DIR only cost analysis time: each is one warning, never a
/// different result. Failed translation units, and those with
/// configuration errors, are not cached.
class TUCache {
public:
  /// The cache in Dir (created if missing). Null, with a warning in
  /// Warning, when Dir cannot be used.
  static std::unique_ptr<TUCache> open(const std::string &Dir,
                                       OptionsProviderFactory Options,
                                       std::string ResourceDir,
                                       std::string &Warning);

  /// Looks up job I (Path: its main file, absolute; Display: its name in
  /// messages), remembering its key for store(). Not thread-safe: called
  /// for every job before any is analysed.
  std::optional<TUResult> lookup(std::size_t I, const TUJob &Job,
                                 const std::string &Path,
                                 const std::string &Display);

  /// Writes the entry of job I (looked up before) if R is a success, and
  /// drops R's list of inputs. Thread-safe; no locks but its own are taken
  /// (workers fork while others store).
  void store(std::size_t I, TUResult &R);

  /// The problems met (corrupt entries, failed writes), each once. Called
  /// when no job runs any more.
  std::vector<std::string> takeWarnings();

  /// "cache: 3 of 5 translation units reused, 2 analysed (DIR)".
  std::string summary() const;

private:
  TUCache(std::string Dir, OptionsProviderFactory Options, std::string ResourceDir);

  std::string keyOf(const TUJob &Job, const std::string &Path);
  const std::string &fileHash(const std::string &Path);
  std::string entryPath(const std::string &Key) const;
  void warn(std::string Message);

  std::string Dir;
  OptionsProviderFactory Options;
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
  std::string Identity;
  std::vector<std::string> Keys;        // per job; empty: not cached
  llvm::StringMap<std::string> Hashes;  // file content hashes of this run
  unsigned Reused = 0, Jobs = 0;

  std::mutex Lock; // guards what store() changes
  std::vector<std::string> Warnings;
  bool WriteFailed = false;
  int WriteError = 0; // the errno of the first failed write
  unsigned Writes = 0; // names the temporary files
};

} // namespace corolint::driver

#endif
