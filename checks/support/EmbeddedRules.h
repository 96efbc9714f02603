#ifndef COROLINT_SUPPORT_EMBEDDEDRULES_H
#define COROLINT_SUPPORT_EMBEDDEDRULES_H

#include "support/RuleCatalog.h"

#include "llvm/ADT/ArrayRef.h"

namespace corolint {

/// A rule catalog compiled into the binary from rules/*.json.
struct EmbeddedRuleFile {
  const char *Path;
  const char *Text;
};

/// The default catalogs, in file-name order (generated at build time).
llvm::ArrayRef<EmbeddedRuleFile> embeddedRuleFiles();

/// One entry of the default catalogs as RuleCatalog keeps it, read and
/// validated at build time (checks/tools/CompileRules.cpp) so that loading
/// them parses no JSON.
struct EmbeddedRuleEntry {
  Section Which;
  const char *Name;
  const char *Library;
  const char *Kind;
  const char *Reason;
  const char *Alternative;
  bool IsError;
  const char *const *Attributes; // key, value, key, value, ...
  unsigned AttributePairs;
};

struct EmbeddedNamespaceAlias {
  const char *From;
  const char *To;
};

/// The entries and namespace aliases of embeddedRuleFiles(), in file order.
llvm::ArrayRef<EmbeddedRuleEntry> embeddedRuleEntries();
llvm::ArrayRef<EmbeddedNamespaceAlias> embeddedNamespaceAliases();

} // namespace corolint

#endif
