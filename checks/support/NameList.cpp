#include "support/NameList.h"

#include "llvm/ADT/SmallVector.h"

namespace corolint {

std::vector<std::string> splitOptionList(llvm::StringRef Option) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Option.split(Items, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Item : Items)
    if (!(Item = Item.trim()).empty())
      Result.push_back(Item.str());
  return Result;
}

NameList::NameList(llvm::StringRef Option) {
  for (std::string &Item : splitOptionList(Option)) {
    llvm::StringRef Name = Item;
    Name.consume_front("::");
    if (Name.find_first_of("^$*+?()[]{}|\\.") == llvm::StringRef::npos) {
      Exact.push_back(Name.str());
      continue;
    }
    llvm::Regex R("^(" + Name.str() + ")$");
    std::string Error;
    if (!R.isValid(Error)) {
      Errors.push_back("'" + Item + "': " + Error);
      continue;
    }
    Patterns.push_back(std::move(R));
  }
}

bool NameList::matches(llvm::StringRef QualifiedName) const {
  for (const std::string &Name : Exact)
    if (Name == QualifiedName)
      return true;
  for (const llvm::Regex &R : Patterns)
    if (R.match(QualifiedName))
      return true;
  return false;
}

} // namespace corolint
