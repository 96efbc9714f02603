#ifndef COROLINT_DRIVER_PATHS_H
#define COROLINT_DRIVER_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace corolint::driver {

/// Path made absolute (against BaseDir, or the current directory if BaseDir
/// is empty), with "." and ".." removed and symbolic links resolved when the
/// file exists.
std::string normalisePath(llvm::StringRef Path, llvm::StringRef BaseDir = "");

/// Path (absolute, normalised) relative to Root (absolute, normalised), with
/// '/' separators, if it lies inside Root.
std::optional<std::string> relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// How findings name a file: relative to Root when inside it, else absolute.
std::string displayPath(llvm::StringRef Path, llvm::StringRef Root);

/// Dir or the nearest directory above it that holds an entry named Entry.
std::optional<std::string> enclosingDirWith(llvm::StringRef Dir,
                                            llvm::StringRef Entry);

/// The enclosing git work tree of Dir (a directory holding ".git"), if any.
inline std::optional<std::string> gitWorkTree(llvm::StringRef Dir) {
  return enclosingDirWith(Dir, ".git");
}

} // namespace corolint::driver

#endif
