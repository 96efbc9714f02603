#ifndef COROLINT_SUPPORT_EMBEDDEDRULES_H
#define COROLINT_SUPPORT_EMBEDDEDRULES_H

#include "llvm/ADT/ArrayRef.h"

namespace corolint {

/// A rule catalog compiled into the binary from rules/*.json.
struct EmbeddedRuleFile {
  const char *Path;
  const char *Text;
};

/// The default catalogs, in file-name order (generated at build time).
llvm::ArrayRef<EmbeddedRuleFile> embeddedRuleFiles();

} // namespace corolint

#endif
