#ifndef COROLINT_SUPPORT_SPELLING_H
#define COROLINT_SUPPORT_SPELLING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace corolint {

/// The candidate closest to Name by edit distance when it is close enough to
/// be a typo of it (a third of the name, at least two edits); else empty.
/// The "did you mean" of misspelt option names and catalog keys and values.
std::string nearestSpelling(llvm::StringRef Name,
                            llvm::ArrayRef<llvm::StringRef> Candidates);

} // namespace corolint

#endif
