#include "SourceFile.h"
#include "Fingerprint.h"

#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>

namespace corolint::driver {
namespace {

/// Calls Emit(codePoint) for each code point of UTF-8 Text, with U+FFFD for
/// each maximal invalid subsequence (the WHATWG "decode" algorithm).
template <typename F> void forEachCodePoint(llvm::StringRef Text, F Emit) {
  const auto *S = reinterpret_cast<const unsigned char *>(Text.data());
  std::size_t N = Text.size(), I = 0;
  while (I < N) {
    unsigned char B = S[I];
    if (B < 0x80) {
      Emit(B);
      ++I;
      continue;
    }
    unsigned Need = 0;
    unsigned char Lower = 0x80, Upper = 0xBF;
    char32_t CP = 0;
    if (B >= 0xC2 && B <= 0xDF) {
      Need = 1;
      CP = B & 0x1F;
    } else if (B >= 0xE0 && B <= 0xEF) {
      Need = 2;
      CP = B & 0x0F;
      if (B == 0xE0)
        Lower = 0xA0;
      if (B == 0xED)
        Upper = 0x9F;
    } else if (B >= 0xF0 && B <= 0xF4) {
      Need = 3;
      CP = B & 0x07;
      if (B == 0xF0)
        Lower = 0x90;
      if (B == 0xF4)
        Upper = 0x8F;
    } else {
      Emit(0xFFFD);
      ++I;
      continue;
    }
    std::size_t J = I + 1;
    bool Ok = true;
    for (unsigned K = 0; K < Need; ++K, ++J) {
      if (J >= N || S[J] < Lower || S[J] > Upper) {
        Ok = false;
        break;
      }
      CP = (CP << 6) | (S[J] & 0x3F);
      Lower = 0x80;
      Upper = 0xBF;
    }
    // An invalid continuation byte is not consumed: it starts the next
    // sequence.
    Emit(Ok ? CP : char32_t(0xFFFD));
    I = J;
  }
}

} // namespace

std::u16string decodeUtf8(llvm::StringRef Text) {
  std::u16string Out;
  Out.reserve(Text.size());
  forEachCodePoint(Text, [&](char32_t CP) {
    if (CP >= 0x10000) {
      CP -= 0x10000;
      Out.push_back(char16_t(0xD800 + (CP >> 10)));
      Out.push_back(char16_t(0xDC00 + (CP & 0x3FF)));
    } else {
      Out.push_back(char16_t(CP));
    }
  });
  return Out;
}

unsigned utf16Length(llvm::StringRef Text) {
  unsigned N = 0;
  forEachCodePoint(Text, [&](char32_t CP) { N += CP >= 0x10000 ? 2 : 1; });
  return N;
}

SourceFile::SourceFile(std::string Content) : Text(std::move(Content)) {
  LineStarts.push_back(0);
  for (unsigned I = 0, N = Text.size(); I < N; ++I) {
    if (Text[I] == '\r' && I + 1 < N && Text[I + 1] == '\n')
      ++I;
    if (Text[I] == '\n' || Text[I] == '\r')
      LineStarts.push_back(I + 1);
  }
}

Position SourceFile::position(unsigned Offset) const {
  Offset = std::min<unsigned>(Offset, Text.size());
  auto It = std::upper_bound(LineStarts.begin(), LineStarts.end(), Offset);
  unsigned Index = It - LineStarts.begin() - 1;
  unsigned Start = LineStarts[Index];
  Position P;
  P.Line = Index + 1;
  P.Column = Offset - Start + 1;
  P.Utf16Column =
      utf16Length(llvm::StringRef(Text).slice(Start, Offset)) + 1;
  return P;
}

unsigned SourceFile::lineStart(unsigned Line) const {
  if (Line == 0)
    return 0;
  if (Line > LineStarts.size())
    return Text.size();
  return LineStarts[Line - 1];
}

llvm::StringRef SourceFile::line(unsigned Line) const {
  if (Line == 0 || Line > LineStarts.size())
    return {};
  llvm::StringRef Rest = llvm::StringRef(Text).drop_front(LineStarts[Line - 1]);
  return Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
}

const std::string &SourceFile::lineHash(unsigned Line) const {
  static const std::string None;
  if (!Hashes)
    Hashes = std::make_unique<std::vector<std::string>>(lineHashes(Text));
  if (Line == 0 || Line > Hashes->size())
    return None;
  return (*Hashes)[Line - 1];
}

const SourceFile *SourceCache::get(const std::string &Path) {
  auto It = Files.find(Path);
  if (It != Files.end())
    return It->second.get();
  std::unique_ptr<SourceFile> File;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    File = std::make_unique<SourceFile>((*Buffer)->getBuffer().str());
  return Files.emplace(Path, std::move(File)).first->second.get();
}

} // namespace corolint::driver
