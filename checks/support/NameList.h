#ifndef COROLINT_SUPPORT_NAMELIST_H
#define COROLINT_SUPPORT_NAMELIST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace corolint {

/// A check option's semicolon-separated list of qualified names. An item
/// with regex characters is an anchored POSIX extended regex over the whole
/// qualified name ("mylib::.*::wait"); anything else must match exactly.
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::StringRef Option);

  bool matches(llvm::StringRef QualifiedName) const;
  bool empty() const { return Exact.empty() && Patterns.empty(); }
  const std::vector<std::string> &exactNames() const { return Exact; }
  /// Items that are not valid regexes, with the regex error.
  const std::vector<std::string> &errors() const { return Errors; }

private:
  std::vector<std::string> Exact;
  std::vector<llvm::Regex> Patterns;
  std::vector<std::string> Errors;
};

/// Splits a semicolon-separated option value, trimming blanks.
std::vector<std::string> splitOptionList(llvm::StringRef Option);

} // namespace corolint

#endif
