#include "Paths.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace corolint::driver {

std::string normalisePath(llvm::StringRef Path, llvm::StringRef BaseDir) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs)) {
    if (!BaseDir.empty()) {
      llvm::SmallString<256> Joined(BaseDir);
      llvm::sys::path::append(Joined, Path);
      Abs = Joined;
    }
    llvm::sys::fs::make_absolute(Abs);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Abs, Real))
    return std::string(Real);
  return std::string(Abs);
}

std::optional<std::string> relativeTo(llvm::StringRef Path,
                                      llvm::StringRef Root) {
  llvm::StringRef R = Root;
  while (R.size() > 1 && R.ends_with("/"))
    R = R.drop_back();
  if (R == "/")
    return Path.drop_front(Path.starts_with("/") ? 1 : 0).str();
  if (!Path.starts_with(R) || Path.size() <= R.size() + 1 ||
      Path[R.size()] != '/')
    return std::nullopt;
  return Path.drop_front(R.size() + 1).str();
}

std::string displayPath(llvm::StringRef Path, llvm::StringRef Root) {
  if (auto Rel = relativeTo(Path, Root))
    return *Rel;
  return Path.str();
}

std::optional<std::string> enclosingDirWith(llvm::StringRef Dir,
                                            llvm::StringRef Entry) {
  llvm::SmallString<256> Cur(Dir);
  while (!Cur.empty()) {
    llvm::SmallString<256> Candidate(Cur);
    llvm::sys::path::append(Candidate, Entry);
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Cur);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Cur);
    if (Parent == Cur)
      break;
    Cur = Parent;
  }
  return std::nullopt;
}

} // namespace corolint::driver
