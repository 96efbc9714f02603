#include "support/RuleFileReader.h"
#include "support/JsonLocator.h"
#include "support/RuleSchema.h"
#include "support/Spelling.h"

#include <nlohmann/json.hpp>

namespace corolint {

llvm::SmallVector<llvm::StringRef, 8> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  List.split(Items, ';', -1, /*KeepEmpty=*/false);
  llvm::SmallVector<llvm::StringRef, 8> Out;
  for (llvm::StringRef Item : Items)
    if (!Item.trim().empty())
      Out.push_back(Item.trim());
  return Out;
}

namespace {

/// Validates one parsed file into entries against the schema tables
/// (RuleSchema.cpp); reports the first error with the position of the
/// offending value, and the first value in the legacy string form.
class FileReader {
public:
  FileReader(llvm::StringRef Path, llvm::StringRef Text)
      : Path(Path), Text(Text) {}

  std::optional<RuleError> read(const nlohmann::json &Doc) {
    if (!Doc.is_object())
      return error({}, "expected a JSON object at the top level");
    auto Lib = Doc.find("library");
    if (Lib == Doc.end() || !Lib->is_string())
      return error(Lib == Doc.end() ? JsonPath{} : JsonPath{"library"},
                   "expected a string for 'library'");
    Library = Lib->get<std::string>();
    for (auto It = Doc.begin(); It != Doc.end(); ++It) {
      const std::string &Key = It.key();
      if (Key == "library" || Key == "$comment" || Key == "$schema") {
        if (!It->is_string())
          return error({Key}, "expected a string for '" + Key + "'");
        continue;
      }
      if (Key == "namespace_aliases") {
        if (auto E = readAliases(*It))
          return E;
        continue;
      }
      const SectionSpec *Spec = nullptr;
      std::vector<llvm::StringRef> Known = {"library", "namespace_aliases"};
      for (const SectionSpec &S : sectionSpecs()) {
        Known.push_back(S.Key);
        if (Key == S.Key)
          Spec = &S;
      }
      if (!Spec) {
        std::string Expected;
        for (const SectionSpec &S : sectionSpecs())
          Expected += (Expected.empty() ? "'" : ", '") + std::string(S.Key) + "'";
        std::string Near = didYouMean(Key, Known);
        return error({Key}, "unknown section '" + Key + "'" +
                                (Near.empty() ? "; expected one of " + Expected
                                              : Near));
      }
      if (auto E = readSection(Key, *It, *Spec))
        return E;
    }
    return std::nullopt;
  }

  std::vector<std::pair<Section, RuleEntry>> Entries;
  std::vector<std::pair<std::string, std::string>> Aliases;

private:
  static std::string didYouMean(llvm::StringRef Name,
                                llvm::ArrayRef<llvm::StringRef> Candidates) {
    std::string Near = nearestSpelling(Name, Candidates);
    return Near.empty() ? "" : "; did you mean '" + Near + "'?";
  }

  std::optional<RuleError> readAliases(const nlohmann::json &V) {
    if (!V.is_object())
      return error({"namespace_aliases"},
                   "expected an object mapping prefixes to prefixes");
    for (auto It = V.begin(); It != V.end(); ++It) {
      if (!It->is_string())
        return error({"namespace_aliases", It.key()},
                     "expected a string for alias '" + It.key() + "'");
      Aliases.emplace_back(It.key(), It->get<std::string>());
    }
    return std::nullopt;
  }

  /// A value in the legacy form: a string where the schema has a boolean,
  /// list or number.
  RuleError legacy(const JsonPath &At, const std::string &Field,
                   const std::string &Typed) const {
    return error(At, "expected " + Typed + " for '" + Field +
                         "' (the legacy string form is no longer read; "
                         "scripts/catalog-upgrade.py rewrites a file in the "
                         "typed form)");
  }

  /// The value of attribute A as the catalog keeps it (booleans "true" /
  /// "false", lists ';'-joined, numbers in decimal), or an error.
  std::optional<RuleError> readValue(const JsonPath &At, const AttributeSpec &A,
                                     const nlohmann::json &V, std::string &Out) {
    const std::string Field = A.Key;
    switch (A.Type) {
    case AttributeType::String:
      if (!V.is_string())
        return error(At, "expected a string for '" + Field + "'");
      Out = V.get<std::string>();
      return std::nullopt;
    case AttributeType::Enum: {
      if (!V.is_string())
        return error(At, "expected a string for '" + Field + "'");
      Out = V.get<std::string>();
      auto Values = enumValues(A);
      if (llvm::is_contained(Values, llvm::StringRef(Out)))
        return std::nullopt;
      std::string Expected;
      for (llvm::StringRef E : Values)
        Expected += (Expected.empty() ? "\"" : ", \"") + E.str() + "\"";
      std::string Near = nearestSpelling(Out, Values);
      return error(At, "unknown value \"" + Out + "\" for '" + Field + "'" +
                           (Near.empty() ? "; expected one of " + Expected
                                         : "; did you mean \"" + Near + "\"?"));
    }
    case AttributeType::Bool:
      if (V.is_boolean()) {
        Out = V.get<bool>() ? "true" : "false";
        return std::nullopt;
      }
      if (V.is_string() && (V == "true" || V == "false")) {
        std::string Word = V.get<std::string>();
        return legacy(At, Field, Word + ", not the string \"" + Word + "\",");
      }
      return error(At, "expected true or false for '" + Field + "'");
    case AttributeType::Integer:
      if (V.is_number_unsigned()) {
        Out = std::to_string(V.get<std::uint64_t>());
        return std::nullopt;
      }
      if (V.is_string() && !V.get<std::string>().empty() &&
          V.get<std::string>().find_first_not_of("0123456789") ==
              std::string::npos) {
        std::string Number = V.get<std::string>();
        return legacy(At, Field, Number + ", not the string \"" + Number + "\",");
      }
      return error(At, "expected a non-negative integer for '" + Field + "'");
    case AttributeType::StringList: {
      if (V.is_string()) {
        const std::string &Legacy = V.get_ref<const std::string &>();
        std::string Items;
        for (llvm::StringRef Item : splitList(Legacy))
          Items += (Items.empty() ? "\"" : ", \"") + Item.str() + "\"";
        return legacy(At, Field, "an array [" + Items + "], not a ';'-joined string,");
      }
      if (!V.is_array())
        return error(At, "expected an array of strings for '" + Field + "'");
      Out.clear();
      for (std::size_t I = 0; I < V.size(); ++I) {
        JsonPath ItemAt = At;
        ItemAt.push_back(I);
        if (!V[I].is_string() || V[I].get<std::string>().empty())
          return error(ItemAt, "expected a non-empty string in '" + Field + "'");
        const std::string &Item = V[I].get_ref<const std::string &>();
        if (Item.find(';') != std::string::npos)
          return error(ItemAt, "expected one name per item of '" + Field +
                                   "', not a ';'-joined list");
        Out += (I ? ";" : "") + Item;
      }
      return std::nullopt;
    }
    }
    return std::nullopt;
  }

  std::optional<RuleError> readSection(const std::string &Key,
                                       const nlohmann::json &V,
                                       const SectionSpec &Spec) {
    if (!V.is_array())
      return error({Key}, "expected an array of entries for section '" + Key +
                              "'");
    for (std::size_t I = 0; I < V.size(); ++I) {
      const nlohmann::json &E = V[I];
      if (!E.is_object())
        return error({Key, I}, "expected an object for an entry of '" + Key +
                                   "'");
      RuleEntry Entry;
      Entry.Library = Library;
      for (auto F = E.begin(); F != E.end(); ++F) {
        const std::string &Field = F.key();
        JsonPath At{Key, I, Field};
        if (Field == "$comment") {
          if (!F->is_string())
            return error(At, "expected a string for '$comment'");
          continue;
        }
        const AttributeSpec *A = findAttribute(Spec.Which, Field);
        if (!A) {
          std::vector<llvm::StringRef> Known;
          for (const AttributeSpec &C : commonAttributes())
            Known.push_back(C.Key);
          for (const AttributeSpec &C : Spec.Attributes)
            Known.push_back(C.Key);
          return error(At, "unknown attribute '" + Field + "' in section '" +
                               Key + "'" + didYouMean(Field, Known));
        }
        std::string Value;
        if (auto Err = readValue(At, *A, *F, Value))
          return Err;
        if (Field == "name")
          Entry.Name = std::move(Value);
        else if (Field == "kind")
          Entry.Kind = std::move(Value);
        else if (Field == "reason")
          Entry.Reason = std::move(Value);
        else if (Field == "alternative")
          Entry.Alternative = std::move(Value);
        else if (Field == "severity")
          Entry.IsError = Value == "error";
        else
          Entry.Attributes[Field] = std::move(Value);
      }
      if (Entry.Name.empty())
        return error({Key, I}, "expected a non-empty string for 'name'");
      llvm::StringRef Name = Entry.Name;
      if (Name.starts_with("::"))
        Entry.Name = Name.drop_front(2).str();
      Entries.emplace_back(Spec.Which, std::move(Entry));
    }
    return std::nullopt;
  }

  RuleError error(const JsonPath &At, std::string Message) const {
    auto [Line, Column] = lineAndColumn(Text, locateJsonValue(Text, At));
    return RuleError{Path.str(), Line, Column, std::move(Message)};
  }

  llvm::StringRef Path;
  llvm::StringRef Text;
  std::string Library;
};

/// nlohmann's messages start with "[json.exception...] parse error at line
/// L, column C: "; the position is reported separately, so keep the rest.
std::string parseErrorText(const std::string &What) {
  llvm::StringRef S = What;
  std::size_t Colon = S.find("column ");
  if (Colon != llvm::StringRef::npos) {
    std::size_t After = S.find(": ", Colon);
    if (After != llvm::StringRef::npos)
      return S.drop_front(After + 2).str();
  }
  return What;
}

} // namespace

std::optional<RuleError> readRuleFile(llvm::StringRef Path, llvm::StringRef Text,
                                      ParsedRuleFile &Out) {
  nlohmann::json Doc;
  try {
    Doc = nlohmann::json::parse(Text.begin(), Text.end());
  } catch (const nlohmann::json::parse_error &E) {
    std::size_t Offset = E.byte ? E.byte - 1 : 0;
    auto [Line, Column] = lineAndColumn(Text, Offset);
    return RuleError{Path.str(), Line, Column, parseErrorText(E.what())};
  }
  FileReader Reader(Path, Text);
  if (auto E = Reader.read(Doc))
    return E;
  Out.Entries = std::move(Reader.Entries);
  Out.Aliases = std::move(Reader.Aliases);
  return std::nullopt;
}

} // namespace corolint
