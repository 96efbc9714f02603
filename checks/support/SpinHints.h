#ifndef COROLINT_SUPPORT_SPINHINTS_H
#define COROLINT_SUPPORT_SPINHINTS_H

#include "llvm/ADT/StringRef.h"

namespace corolint {

/// Whether QualifiedName is a hint a polling loop gives the CPU or the OS
/// between polls without waiting for anything (`std::this_thread::yield`,
/// `sched_yield`, `_mm_pause`, fences): such a loop still busy-waits.
bool isSpinHint(llvm::StringRef QualifiedName);

} // namespace corolint

#endif
