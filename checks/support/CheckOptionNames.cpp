#include "support/CheckOptionNames.h"

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
    UnknownOption U{Name.str(), ""};
    // Close enough to be a typo: a third of the name, at least two edits.
    unsigned Best = std::max<unsigned>(2, Name.size() / 3) + 1;
    for (const auto &K : Known) {
      unsigned D = Name.edit_distance(K.getKey(), /*AllowReplacements=*/true, Best);
      if (D < Best) {
        Best = D;
        U.Suggestion = K.getKey().str();
      }
    }
    Out.push_back(std::move(U));
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
