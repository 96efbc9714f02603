#include "Uri.h"

#include "llvm/ADT/StringExtras.h"

namespace corolint::driver {

std::string percentEncodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out.push_back(C);
    } else {
      Out.push_back('%');
      Out.push_back(llvm::hexdigit(C >> 4, /*LowerCase=*/false));
      Out.push_back(llvm::hexdigit(C & 15, /*LowerCase=*/false));
    }
  }
  return Out;
}

std::string fileUri(llvm::StringRef AbsolutePath, bool Directory) {
  std::string Uri = "file://" + percentEncodePath(AbsolutePath);
  if (Directory && !llvm::StringRef(Uri).ends_with("/"))
    Uri += '/';
  return Uri;
}

std::string percentDecode(llvm::StringRef Uri) {
  std::string Out;
  for (std::size_t I = 0; I < Uri.size(); ++I) {
    unsigned Hi, Lo;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        (Hi = llvm::hexDigitValue(Uri[I + 1])) != ~0U &&
        (Lo = llvm::hexDigitValue(Uri[I + 2])) != ~0U) {
      Out.push_back(char(Hi * 16 + Lo));
      I += 2;
    } else {
      Out.push_back(Uri[I]);
    }
  }
  return Out;
}

} // namespace corolint::driver
