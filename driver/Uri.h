#ifndef COROLINT_DRIVER_URI_H
#define COROLINT_DRIVER_URI_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace corolint::driver {

/// Path with every byte but RFC 3986's unreserved characters and '/'
/// percent-encoded (spaces as %20, UTF-8 bytes of non-ASCII as %XX).
std::string percentEncodePath(llvm::StringRef Path);

/// The file:// URI of an absolute path; with a trailing '/' if Directory.
std::string fileUri(llvm::StringRef AbsolutePath, bool Directory = false);

/// Undoes percentEncodePath (and any other %XX escapes).
std::string percentDecode(llvm::StringRef Uri);

} // namespace corolint::driver

#endif
