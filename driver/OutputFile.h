#ifndef COROLINT_DRIVER_OUTPUTFILE_H
#define COROLINT_DRIVER_OUTPUTFILE_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace corolint::driver {

/// Checks, before any analysis, that Path can be written the way
/// writeOutputFile will write it: a missing directory, a directory, a
/// directory or file without write permission is a one-line Error naming
/// Path.
bool checkOutputFile(llvm::StringRef Path, std::string &Error);

/// Writes Content to Path:
///  - a regular file (or a new one) atomically: into a temporary file in the
///    same directory, then renamed over it (its permission bits are kept),
///    so readers never see a truncated file;
///  - through a symbolic link: the link's final target, atomically in the
///    target's directory; the link stays;
///  - a device, FIFO or socket, and /dev/stdout, /dev/stderr, /dev/fd/N,
///    /proc/self/fd/N: directly, never replaced.
/// On failure returns false and a one-line Error naming Path.
bool writeOutputFile(llvm::StringRef Path, llvm::StringRef Content,
                     std::string &Error);

} // namespace corolint::driver

#endif
