#ifndef COROLINT_SUPPORT_SPINHINTS_H
#define COROLINT_SUPPORT_SPINHINTS_H

#include "llvm/ADT/StringRef.h"

namespace corolint {

class RuleCatalog;

/// Whether QualifiedName is a hint a polling loop gives the CPU or the OS
/// between polls without waiting for anything (`std::this_thread::yield`,
/// `sched_yield`, `_mm_pause`, fences; the catalogs' `spin_hints`): such a
/// loop still busy-waits.
bool isSpinHint(llvm::StringRef QualifiedName, const RuleCatalog &Catalog);

} // namespace corolint

#endif
