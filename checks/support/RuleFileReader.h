#ifndef COROLINT_SUPPORT_RULEFILEREADER_H
#define COROLINT_SUPPORT_RULEFILEREADER_H

#include "support/RuleCatalog.h"

#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace corolint {

/// The rules of one catalog file, validated against the schema
/// (RuleSchema.h) and in the form the catalog keeps them.
struct ParsedRuleFile {
  std::vector<std::pair<Section, RuleEntry>> Entries;
  std::vector<std::pair<std::string, std::string>> Aliases;
};

/// Parses and validates the catalog file Text (named Path in errors). On
/// error returns the first one, located at the offending value; a value in
/// the legacy form (a string for a boolean, list or number) is such an
/// error, naming the typed spelling.
std::optional<RuleError> readRuleFile(llvm::StringRef Path, llvm::StringRef Text,
                                      ParsedRuleFile &Out);

/// The items of a list attribute as the catalog keeps it (';'-joined).
llvm::SmallVector<llvm::StringRef, 8> splitList(llvm::StringRef List);

} // namespace corolint

#endif
