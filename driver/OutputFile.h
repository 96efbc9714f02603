#ifndef COROLINT_DRIVER_OUTPUTFILE_H
#define COROLINT_DRIVER_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace corolint::driver {

/// Writes Content to Path atomically: into a temporary file beside it, then
/// renamed over Path, so readers never see a truncated file. On failure
/// returns false and a one-line Error naming Path.
bool writeFileAtomically(llvm::StringRef Path, llvm::StringRef Content,
                         std::string &Error);

} // namespace corolint::driver

#endif
