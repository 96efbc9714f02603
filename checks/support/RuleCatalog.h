#ifndef COROLINT_SUPPORT_RULECATALOG_H
#define COROLINT_SUPPORT_RULECATALOG_H

#include "support/JsonLocator.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class NamedDecl;
}

namespace corolint {

class NameList;

/// The kinds of knowledge a catalog holds; one JSON section each
/// (see docs/rules.md).
enum class Section {
  Blocking,
  Offload,
  Spawn,
  Limiters,
  ConcurrentCombinators,
  Synchronization,
  ChannelSends,
  Yields,
  CpuHeavy,
  LockGuards,
  Mutexes,
  AsyncLocks,
  NonSuspendingAwaitables,
  AwaitableTypes,
  Executors,
  ElementWork,
  SpinHints,
  ViewTypes,
  MutatingVerbs,
  SizeQueries,
  StateQueries,
  Idioms,
  RequestServices,
  BoundedCounts,
  EmptinessQueries,
  OrderedWords,
  AddresseeWords,
  Accessors,
  NonBlockingMarkers,
  Pipes,
  SequentialCombinators,
};
inline constexpr std::size_t SectionCount =
    static_cast<std::size_t>(Section::SequentialCombinators) + 1;

/// The JSON key of a section ("blocking", "lock_guards", ...).
llvm::StringRef sectionKey(Section S);

struct RuleEntry {
  std::string Name;
  std::string Library;
  std::string Kind;
  std::string Reason;
  std::string Alternative;
  bool IsError = false;
  llvm::StringMap<std::string> Attributes;

  llvm::StringRef attribute(llvm::StringRef Key) const {
    auto It = Attributes.find(Key);
    return It == Attributes.end() ? llvm::StringRef() : It->second;
  }
  /// Whether the list attribute Key names Name (see listNames).
  bool lists(llvm::StringRef Key, llvm::StringRef Name) const;
};

/// Whether a `;`-separated list attribute names Name: an item equal to it,
/// or to its last components (`detached_t` names `asio::detached_t`).
bool listNames(llvm::StringRef List, llvm::StringRef Name);

/// A problem in a rule file, located like a compiler diagnostic.
using RuleError = FileError;

/// Everything corolint knows about libraries: the embedded catalogs plus the
/// user's rule files. Immutable once built; look-ups are by qualified name.
class RuleCatalog {
public:
  /// The catalog of the embedded files plus ExtraFiles (paths), built once
  /// per distinct ExtraFiles list and shared. Errors of files that could not
  /// be read or parsed are appended to Errors the first time that list is
  /// loaded; the bad files are skipped, the rest still loads.
  static std::shared_ptr<const RuleCatalog>
  get(llvm::ArrayRef<std::string> ExtraFiles, std::vector<RuleError> &Errors);

  /// Builds the default catalogs now; a process that forks workers does so
  /// first, and they share them.
  static void preload();

  /// The default catalogs from the table the build compiled rules/*.json
  /// into (what get() starts from; the test that it equals reading the
  /// files uses it).
  static std::shared_ptr<const RuleCatalog> fromEmbeddedTable();

  /// Adds one file's rules, validated against the schema (RuleSchema.h). On
  /// error, appends to Errors and adds nothing from that file; a value in the
  /// legacy form (a string for a boolean, list or number) is such an error,
  /// naming the typed spelling. Returns whether the file was accepted.
  bool addFile(llvm::StringRef Path, llvm::StringRef Text,
               std::vector<RuleError> &Errors);

  /// Adds a single entry, e.g. from a check option.
  void add(Section S, RuleEntry Entry);

  /// Base plus the names of a user option (exact names or regexes, see
  /// NameList) in section S: a look-up that finds no entry of S tries them
  /// and answers with an entry whose reason is Reason. Built once per
  /// distinct (Base, S, Option) and shared.
  static std::shared_ptr<const RuleCatalog>
  withNames(const std::shared_ptr<const RuleCatalog> &Base, Section S,
            llvm::StringRef Option, llvm::StringRef Reason);

  /// Every entry of section S (not the user names of withNames).
  const llvm::StringMap<RuleEntry> &entries(Section S) const {
    return Sections[static_cast<std::size_t>(S)];
  }

  /// The entry named QualifiedName (or one of its namespace aliases); else
  /// the nearest wildcard entry `scope::*` above it (`std::filesystem::*`)
  /// unless that entry's `except` list names it.
  const RuleEntry *lookup(Section S, llvm::StringRef QualifiedName) const;

  /// The entry for D by its qualified name; for methods, also by the names
  /// of the methods it overrides, so calls through derived classes match.
  const RuleEntry *lookup(Section S, const clang::NamedDecl *D) const;

  /// The first name-pattern entry of section S (with a `pattern` attribute,
  /// see docs/rules.md) whose pattern matches QualifiedName and that Accept
  /// (if given) takes: the fallback for names no entry names. `*` matches
  /// any run of characters; `loose` patterns ignore case and `_`
  /// (`*thread_pool*` matches `folly::CPUThreadPoolExecutor`).
  const RuleEntry *
  lookupPattern(Section S, llvm::StringRef QualifiedName,
                llvm::function_ref<bool(const RuleEntry &)> Accept) const;

  /// Entries of section S whose last name component is Member
  /// (`try_send` for `asio::experimental::channel::try_send`): for calls a
  /// template leaves unresolved, matched by the member's name.
  std::vector<const RuleEntry *> entriesNamed(Section S,
                                              llvm::StringRef Member) const;

  /// Whether some entry of section S is a member of the class named
  /// ClassName (`folly::MPMCQueue` for `folly::MPMCQueue::write`).
  bool hasMemberOf(Section S, llvm::StringRef ClassName) const;

  /// Entries of the library whose awaitable type QualifiedName is, if any.
  const RuleEntry *awaitableType(llvm::StringRef QualifiedName) const {
    return lookup(Section::AwaitableTypes, QualifiedName);
  }

  /// Whether QualifiedName lies in the namespace of a library the embedded
  /// catalogs describe (asio, folly, std...): code analyses treat such
  /// functions by their catalog entries, not by reading their bodies.
  bool isLibraryName(llvm::StringRef QualifiedName) const;

  /// The name-pattern entries of section S, in catalog order.
  const std::vector<RuleEntry> &patterns(Section S) const {
    return Patterns[static_cast<std::size_t>(S)];
  }

  const std::vector<std::pair<std::string, std::string>> &
  namespaceAliases() const {
    return NamespaceAliases;
  }

  std::size_t size(Section S) const {
    return Sections[static_cast<std::size_t>(S)].size();
  }

private:
  std::array<llvm::StringMap<RuleEntry>, SectionCount> Sections;
  std::array<std::vector<RuleEntry>, SectionCount> Patterns;
  std::array<std::vector<std::pair<std::shared_ptr<const NameList>, RuleEntry>>,
             SectionCount>
      UserNames;
  std::vector<std::pair<std::string, std::string>> NamespaceAliases;
  llvm::StringMap<bool> LibraryNamespaces;

  void markLibraryNamespaces();
};

} // namespace corolint

#endif
