#include "Fingerprint.h"
#include "SourceFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include <array>
#include <cstdint>
#include <unordered_map>

namespace corolint::driver {
namespace {

/// The rolling hash over a window of the last Width characters, with the
/// line number (0: none) of each character that starts a line.
class RollingLineHasher {
public:
  static constexpr unsigned Width = 100;
  static constexpr std::uint64_t Base = 37;

  explicit RollingLineHasher(std::vector<std::string> &Out) : Out(Out) {
    Drop = 1;
    for (unsigned I = 0; I < Width; ++I)
      Drop *= Base; // Base^Width modulo 2^64: what leaves the window
  }

  /// One UTF-16 code unit of input (0xFFFF marks the end of the file).
  void feed(std::uint32_t C) {
    bool Skip = C == ' ' || C == '\t' || (AfterCR && C == '\n');
    if (Skip) {
      AfterCR = false;
      return;
    }
    AfterCR = C == '\r';
    if (AfterCR)
      C = '\n';
    if (LineAt[Pos])
      emit();
    if (AtLineStart) {
      AtLineStart = false;
      LineAt[Pos] = ++Lines;
    }
    if (C == '\n')
      AtLineStart = true;
    push(C);
  }

  /// Pads the end so that the last lines see Width characters too.
  void finish() {
    feed(0xFFFF);
    for (unsigned I = 0; I < Width; ++I) {
      if (LineAt[Pos])
        emit();
      push(0);
    }
  }

private:
  void push(std::uint32_t C) {
    std::uint64_t Leaving = Window[Pos];
    Window[Pos] = C;
    Hash = Hash * Base + C - Drop * Leaving;
    Pos = (Pos + 1) % Width;
  }

  /// The window now holds the Width characters that start at line
  /// LineAt[Pos]: that line's hash is complete.
  void emit() {
    unsigned Seen = ++Count[Hash];
    std::string Value = llvm::utohexstr(Hash, /*LowerCase=*/true) + ":" +
                        std::to_string(Seen);
    unsigned Line = LineAt[Pos];
    if (Out.size() < Line)
      Out.resize(Line);
    Out[Line - 1] = std::move(Value);
    LineAt[Pos] = 0;
  }

  std::vector<std::string> &Out;
  std::array<std::uint32_t, Width> Window{};
  std::array<unsigned, Width> LineAt{};
  std::unordered_map<std::uint64_t, unsigned> Count;
  std::uint64_t Hash = 0;
  std::uint64_t Drop = 0;
  unsigned Pos = 0;
  unsigned Lines = 0;
  bool AtLineStart = true;
  bool AfterCR = false;
};

} // namespace

std::vector<std::string> lineHashes(llvm::StringRef Text) {
  std::vector<std::string> Out;
  RollingLineHasher H(Out);
  for (char16_t C : decodeUtf8(Text))
    H.feed(C);
  H.finish();
  return Out;
}

std::string normaliseLine(llvm::StringRef Line) {
  std::string S;
  for (char C : Line)
    if (!llvm::isSpace(C))
      S.push_back(C);
  return S;
}

std::string stableFingerprint(const StableFingerprintInput &In) {
  unsigned Column = 0; // non-blank characters before the location
  for (unsigned I = 0; I + 1 < In.Column && I < In.Line.size(); ++I)
    if (!llvm::isSpace(In.Line[I]))
      ++Column;
  llvm::SHA256 Hasher;
  auto Field = [&](llvm::StringRef S) {
    Hasher.update(S);
    Hasher.update(llvm::StringRef("\0", 1));
  };
  Field(In.Rule);
  Field(In.Path);
  Field(In.Function);
  Field(normaliseLine(In.Line));
  Field(std::to_string(Column));
  Field(std::to_string(In.Occurrence));
  auto Digest = Hasher.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16),
                     /*LowerCase=*/true);
}

} // namespace corolint::driver
