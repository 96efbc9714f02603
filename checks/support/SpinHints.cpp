#include "support/SpinHints.h"
#include "support/RuleCatalog.h"

namespace corolint {

bool isSpinHint(llvm::StringRef Name, const RuleCatalog &Catalog) {
  return Catalog.lookup(Section::SpinHints, Name) != nullptr;
}

} // namespace corolint
