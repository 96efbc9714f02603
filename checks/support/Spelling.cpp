#include "support/Spelling.h"

#include <algorithm>

namespace corolint {

std::string nearestSpelling(llvm::StringRef Name,
                            llvm::ArrayRef<llvm::StringRef> Candidates) {
  unsigned Best = std::max<unsigned>(2, Name.size() / 3) + 1;
  std::string Found;
  for (llvm::StringRef C : Candidates) {
    unsigned D = Name.edit_distance(C, /*AllowReplacements=*/true, Best);
    if (D < Best) {
      Best = D;
      Found = C.str();
    }
  }
  return Found;
}

} // namespace corolint
