#ifndef COROLINT_SUPPORT_JSONLOCATOR_H
#define COROLINT_SUPPORT_JSONLOCATOR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace corolint {

/// One step into a JSON document: an object key or an array index.
using JsonStep = std::variant<std::string, std::size_t>;
using JsonPath = std::vector<JsonStep>;

/// nlohmann/json keeps no positions, so schema errors find theirs by scanning
/// the (already valid) text again: the byte offset where the value at Path
/// starts, or where the deepest existing prefix of Path starts.
std::size_t locateJsonValue(llvm::StringRef Text, llvm::ArrayRef<JsonStep> Path);

/// A problem in a JSON file (a rule catalog, a summary file), located like
/// a compiler diagnostic.
struct FileError {
  std::string File;
  unsigned Line = 0; // 0: the file as a whole
  unsigned Column = 0;
  std::string Message;

  /// "file:line:col: message" ("file: message" without a line).
  std::string str() const;
};

/// 1-based line and byte column of Offset in Text.
std::pair<unsigned, unsigned> lineAndColumn(llvm::StringRef Text,
                                            std::size_t Offset);

} // namespace corolint

#endif
