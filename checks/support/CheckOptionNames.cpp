#include "support/CheckOptionNames.h"
#include "support/Spelling.h"

#include <algorithm>

namespace corolint {

std::vector<UnknownOption>
unknownOptions(const clang::tidy::ClangTidyOptions::OptionMap &Given,
               const clang::tidy::ClangTidyOptions::OptionMap &Known,
               llvm::StringRef Prefix) {
  std::vector<UnknownOption> Out;
  for (const auto &Entry : Given) {
    llvm::StringRef Name = Entry.getKey();
    if (!Name.starts_with(Prefix) || Known.count(Name))
      continue;
    std::vector<llvm::StringRef> Keys;
    for (const auto &K : Known)
      Keys.push_back(K.getKey());
    Out.push_back({Name.str(), nearestSpelling(Name, Keys)});
  }
  std::sort(Out.begin(), Out.end(),
            [](const UnknownOption &A, const UnknownOption &B) { return A.Name < B.Name; });
  return Out;
}

std::string describe(const UnknownOption &U) {
  std::string S = "unknown check option '" + U.Name + "'";
  if (!U.Suggestion.empty())
    S += "; did you mean '" + U.Suggestion + "'?";
  return S;
}

} // namespace corolint
