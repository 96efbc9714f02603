#include "support/RuleCatalog.h"
#include "support/EmbeddedRules.h"
#include "support/NameList.h"
#include "support/QualifiedName.h"
#include "support/RuleFileReader.h"
#include "support/RuleSchema.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <mutex>
#include <tuple>

namespace corolint {

llvm::StringRef sectionKey(Section S) { return sectionSpec(S).Key; }

bool RuleCatalog::addFile(llvm::StringRef Path, llvm::StringRef Text,
                          std::vector<RuleError> &Errors) {
  ParsedRuleFile File;
  if (auto E = readRuleFile(Path, Text, File)) {
    Errors.push_back(std::move(*E));
    return false;
  }
  for (auto &[S, Entry] : File.Entries)
    add(S, std::move(Entry));
  for (auto &Alias : File.Aliases)
    NamespaceAliases.push_back(std::move(Alias));
  return true;
}

/// Name in lower case without `_`: how name patterns compare.
static std::string folded(llvm::StringRef Name) {
  std::string Out = Name.lower();
  llvm::erase(Out, '_');
  return Out;
}

void RuleCatalog::add(Section S, RuleEntry Entry) {
  if (!Entry.attribute("pattern").empty()) {
    // Loose patterns compare folded names; fold the pattern once here.
    if (Entry.attribute("pattern") == "loose")
      Entry.Attributes["$folded"] = folded(Entry.Name);
    Patterns[static_cast<std::size_t>(S)].push_back(std::move(Entry));
    return;
  }
  std::string Name = Entry.Name;
  Sections[static_cast<std::size_t>(S)].insert_or_assign(Name,
                                                         std::move(Entry));
}

/// Whether Rest (a name below a wildcard entry's scope) is among the
/// entry's `except` items: equal to one, inside one (`path::filename` in
/// `path`), or ending in one (`directory_iterator::operator*`).
static bool excepted(const RuleEntry &E, llvm::StringRef Rest) {
  for (llvm::StringRef Item : splitList(E.attribute("except"))) {
    if (Rest == Item || (Rest.starts_with(Item) &&
                         Rest.drop_front(Item.size()).starts_with("::")))
      return true;
    if (Rest.ends_with(Item) && Rest.drop_back(Item.size()).ends_with("::"))
      return true;
  }
  return false;
}

/// The exact entry for Name, else the nearest wildcard entry `scope::*`
/// whose `except` list does not name it.
static const RuleEntry *findEntry(const llvm::StringMap<RuleEntry> &Map,
                                  llvm::StringRef Name) {
  auto It = Map.find(Name);
  if (It != Map.end())
    return &It->second;
  for (std::size_t Sep = Name.rfind("::"); Sep != llvm::StringRef::npos && Sep;
       Sep = Name.take_front(Sep).rfind("::")) {
    It = Map.find((Name.take_front(Sep) + "::*").str());
    if (It != Map.end())
      return excepted(It->second, Name.drop_front(Sep + 2)) ? nullptr
                                                             : &It->second;
  }
  return nullptr;
}

const RuleEntry *RuleCatalog::lookup(Section S,
                                     llvm::StringRef QualifiedName) const {
  const auto &Map = Sections[static_cast<std::size_t>(S)];
  if (const RuleEntry *E = findEntry(Map, QualifiedName))
    return E;
  for (const auto &[From, To] : NamespaceAliases) {
    if (QualifiedName.consume_front(From) && QualifiedName.starts_with("::")) {
      if (const RuleEntry *E = findEntry(Map, To + QualifiedName.str()))
        return E;
    }
  }
  for (const auto &[Names, Entry] : UserNames[static_cast<std::size_t>(S)])
    if (Names->matches(QualifiedName))
      return &Entry;
  return nullptr;
}

std::shared_ptr<const RuleCatalog>
RuleCatalog::withNames(const std::shared_ptr<const RuleCatalog> &Base,
                       Section S, llvm::StringRef Option,
                       llvm::StringRef Reason) {
  if (!Base || splitOptionList(Option).empty())
    return Base;
  static std::mutex Lock;
  static std::map<std::tuple<const RuleCatalog *, Section, std::string>,
                  std::shared_ptr<const RuleCatalog>>
      Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  auto &Slot = Cache[{Base.get(), S, Option.str()}];
  if (!Slot) {
    auto Catalog = std::make_shared<RuleCatalog>(*Base);
    RuleEntry Entry;
    Entry.Name = Option.str();
    Entry.Library = "user";
    Entry.Reason = Reason.str();
    Catalog->UserNames[static_cast<std::size_t>(S)].emplace_back(
        std::make_shared<const NameList>(Option), std::move(Entry));
    Slot = std::move(Catalog);
  }
  return Slot;
}

const RuleEntry *RuleCatalog::lookup(Section S,
                                     const clang::NamedDecl *D) const {
  if (!D)
    return nullptr;
  if (const RuleEntry *E = lookup(S, qualifiedName(D)))
    return E;
  if (const auto *M = llvm::dyn_cast<clang::CXXMethodDecl>(D))
    for (const clang::CXXMethodDecl *Base : M->overridden_methods())
      if (const RuleEntry *E = lookup(S, Base))
        return E;
  return nullptr;
}

static llvm::StringRef topNamespace(llvm::StringRef Name) {
  std::size_t Sep = Name.find("::");
  return Sep == llvm::StringRef::npos ? llvm::StringRef() : Name.take_front(Sep);
}

void RuleCatalog::markLibraryNamespaces() {
  for (const auto &Map : Sections)
    for (const auto &Entry : Map)
      if (llvm::StringRef NS = topNamespace(Entry.getKey());
          !NS.empty() &&
          Entry.getValue().attribute("library_namespace") != "false")
        LibraryNamespaces[NS] = true;
  for (const auto &[From, To] : NamespaceAliases) {
    LibraryNamespaces[topNamespace(From + "::")] = true;
  }
}

/// Whether Name matches Pattern, where `*` matches any run of characters.
static bool globMatches(llvm::StringRef Pattern, llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Pattern.split(Parts, '*');
  if (Parts.size() == 1)
    return Pattern == Name;
  if (!Name.consume_front(Parts.front()) || Name.size() < Parts.back().size() ||
      !Name.consume_back(Parts.back()))
    return false;
  for (llvm::StringRef Part : llvm::ArrayRef(Parts).slice(1, Parts.size() - 2)) {
    std::size_t At = Name.find(Part);
    if (At == llvm::StringRef::npos)
      return false;
    Name = Name.drop_front(At + Part.size());
  }
  return true;
}

const RuleEntry *RuleCatalog::lookupPattern(
    Section S, llvm::StringRef QualifiedName,
    llvm::function_ref<bool(const RuleEntry &)> Accept) const {
  const auto &List = Patterns[static_cast<std::size_t>(S)];
  if (List.empty() || QualifiedName.empty())
    return nullptr;
  std::optional<std::string> Folded; // QualifiedName folded, when needed
  for (const RuleEntry &E : List) {
    llvm::StringRef Loose = E.attribute("$folded");
    if (!Loose.empty() && !Folded)
      Folded = folded(QualifiedName);
    if ((Loose.empty() ? globMatches(E.Name, QualifiedName)
                       : globMatches(Loose, *Folded)) &&
        (!Accept || Accept(E)))
      return &E;
  }
  return nullptr;
}

std::vector<const RuleEntry *>
RuleCatalog::entriesNamed(Section S, llvm::StringRef Member) const {
  std::vector<const RuleEntry *> Found;
  for (const auto &Entry : Sections[static_cast<std::size_t>(S)]) {
    llvm::StringRef Name = Entry.getKey();
    std::size_t Sep = Name.rfind("::");
    if ((Sep == llvm::StringRef::npos ? Name : Name.substr(Sep + 2)) == Member)
      Found.push_back(&Entry.getValue());
  }
  return Found;
}

bool RuleCatalog::hasMemberOf(Section S, llvm::StringRef ClassName) const {
  if (ClassName.empty())
    return false;
  for (const auto &Entry : Sections[static_cast<std::size_t>(S)]) {
    llvm::StringRef Name = Entry.getKey();
    if (Name.consume_front(ClassName) && Name.consume_front("::") &&
        !Name.contains("::"))
      return true;
  }
  return false;
}

bool RuleCatalog::isLibraryName(llvm::StringRef QualifiedName) const {
  llvm::StringRef NS = topNamespace(QualifiedName);
  return !NS.empty() && LibraryNamespaces.count(NS);
}

/// The default catalogs, built once per process from the table the build
/// compiled them into (EmbeddedRules.h).
static const std::shared_ptr<const RuleCatalog> &embeddedCatalog() {
  static const std::shared_ptr<const RuleCatalog> Catalog =
      RuleCatalog::fromEmbeddedTable();
  return Catalog;
}

std::shared_ptr<const RuleCatalog> RuleCatalog::fromEmbeddedTable() {
  auto Catalog = std::make_shared<RuleCatalog>();
  for (const EmbeddedRuleEntry &E : embeddedRuleEntries()) {
    RuleEntry Entry;
    Entry.Name = E.Name;
    Entry.Library = E.Library;
    Entry.Kind = E.Kind;
    Entry.Reason = E.Reason;
    Entry.Alternative = E.Alternative;
    Entry.IsError = E.IsError;
    for (unsigned I = 0; I < E.AttributePairs; ++I)
      Entry.Attributes[E.Attributes[2 * I]] = E.Attributes[2 * I + 1];
    Catalog->add(E.Which, std::move(Entry));
  }
  for (const EmbeddedNamespaceAlias &A : embeddedNamespaceAliases())
    Catalog->NamespaceAliases.emplace_back(A.From, A.To);
  Catalog->markLibraryNamespaces();
  return Catalog;
}

void RuleCatalog::preload() { embeddedCatalog(); }

std::shared_ptr<const RuleCatalog>
RuleCatalog::get(llvm::ArrayRef<std::string> ExtraFiles,
                 std::vector<RuleError> &Errors) {
  if (ExtraFiles.empty())
    return embeddedCatalog();
  static std::mutex Lock;
  static std::map<std::vector<std::string>, std::shared_ptr<const RuleCatalog>>
      Cache;
  std::vector<std::string> Key(ExtraFiles.begin(), ExtraFiles.end());
  std::lock_guard<std::mutex> Guard(Lock);
  auto &Slot = Cache[Key];
  if (Slot)
    return Slot;
  // The user's files come after the default catalogs (an entry of theirs
  // replaces one of the same name); their namespaces are not libraries'.
  auto Catalog = std::make_shared<RuleCatalog>(*embeddedCatalog());
  for (const std::string &Path : ExtraFiles) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer) {
      Errors.push_back({Path, 0, 0,
                        "cannot read rule file: " + Buffer.getError().message()});
      continue;
    }
    Catalog->addFile(Path, (*Buffer)->getBuffer(), Errors);
  }
  Slot = std::move(Catalog);
  return Slot;
}

bool listNames(llvm::StringRef List, llvm::StringRef Name) {
  if (Name.empty())
    return false;
  for (llvm::StringRef Item : splitList(List)) {
    if (Name == Item ||
        (Name.ends_with(Item) && Name.drop_back(Item.size()).ends_with("::")))
      return true;
  }
  return false;
}

bool RuleEntry::lists(llvm::StringRef Key, llvm::StringRef Name) const {
  return listNames(attribute(Key), Name);
}

} // namespace corolint
