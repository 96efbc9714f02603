#ifndef COROLINT_DRIVER_SOURCEFILE_H
#define COROLINT_DRIVER_SOURCEFILE_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace corolint::driver {

/// The UTF-16 code units of UTF-8 Text, decoded as a WHATWG (and Node.js)
/// decoder does: each maximal invalid subsequence becomes U+FFFD.
std::u16string decodeUtf8(llvm::StringRef Text);

/// How many UTF-16 code units the UTF-8 Text decodes to.
unsigned utf16Length(llvm::StringRef Text);

/// A 1-based line and column; Column counts bytes, Utf16Column UTF-16 code
/// units (SARIF's default column kind).
struct Position {
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Utf16Column = 0;
};

/// A source file's text with its line table. Lines end at "\n", "\r\n" or a
/// lone "\r", as editors and GitHub's fingerprinting count them.
class SourceFile {
public:
  explicit SourceFile(std::string Text);

  llvm::StringRef text() const { return Text; }
  unsigned lineCount() const { return LineStarts.size(); }

  /// The position of byte Offset (clamped to the text).
  Position position(unsigned Offset) const;

  /// Line's text without its line ending; empty past the end.
  llvm::StringRef line(unsigned Line) const;

  /// Byte offset where Line begins.
  unsigned lineStart(unsigned Line) const;

  /// GitHub's primaryLocationLineHash of Line ("" past the hashed lines).
  const std::string &lineHash(unsigned Line) const;

private:
  std::string Text;
  std::vector<unsigned> LineStarts;
  mutable std::unique_ptr<std::vector<std::string>> Hashes;
};

/// Source files read once each, by absolute path.
class SourceCache {
public:
  /// The file at Path, or null if it cannot be read.
  const SourceFile *get(const std::string &Path);

private:
  std::map<std::string, std::unique_ptr<SourceFile>> Files;
};

} // namespace corolint::driver

#endif
