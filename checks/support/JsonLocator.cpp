#include "support/JsonLocator.h"

namespace corolint {
namespace {

class Scanner {
public:
  explicit Scanner(llvm::StringRef Text) : Text(Text) {}

  std::size_t find(llvm::ArrayRef<JsonStep> Path) {
    skipSpace();
    std::size_t Start = Pos;
    if (Path.empty() || atEnd())
      return Start;
    if (const auto *Index = std::get_if<std::size_t>(&Path.front())) {
      if (peek() != '[')
        return Start;
      ++Pos;
      for (std::size_t I = 0;; ++I) {
        skipSpace();
        if (atEnd() || peek() == ']')
          return Start;
        if (I == *Index)
          return find(Path.drop_front());
        skipValue();
        if (!skipComma())
          return Start;
      }
    }
    const std::string &Key = std::get<std::string>(Path.front());
    if (peek() != '{')
      return Start;
    ++Pos;
    while (true) {
      skipSpace();
      if (atEnd() || peek() != '"')
        return Start;
      std::size_t KeyStart = Pos + 1;
      skipString();
      llvm::StringRef Found = Text.slice(KeyStart, Pos - 1);
      skipSpace();
      if (atEnd() || peek() != ':')
        return Start;
      ++Pos;
      if (Found == Key)
        return find(Path.drop_front());
      skipValue();
      if (!skipComma())
        return Start;
    }
  }

private:
  bool atEnd() const { return Pos >= Text.size(); }
  char peek() const { return Text[Pos]; }

  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' ||
                        peek() == '\r'))
      ++Pos;
  }

  bool skipComma() {
    skipSpace();
    if (atEnd() || peek() != ',')
      return false;
    ++Pos;
    return true;
  }

  void skipString() {
    ++Pos; // opening quote
    while (!atEnd() && peek() != '"')
      Pos += peek() == '\\' ? 2 : 1;
    ++Pos; // closing quote
  }

  void skipValue() {
    skipSpace();
    if (atEnd())
      return;
    if (peek() == '"')
      return skipString();
    if (peek() != '{' && peek() != '[') {
      while (!atEnd() && !llvm::StringRef(",]} \t\r\n").contains(peek()))
        ++Pos;
      return;
    }
    unsigned Depth = 0;
    while (!atEnd()) {
      char C = peek();
      if (C == '"') {
        skipString();
        continue;
      }
      ++Pos;
      if (C == '{' || C == '[')
        ++Depth;
      else if ((C == '}' || C == ']') && --Depth == 0)
        return;
    }
  }

  llvm::StringRef Text;
  std::size_t Pos = 0;
};

} // namespace

std::size_t locateJsonValue(llvm::StringRef Text,
                            llvm::ArrayRef<JsonStep> Path) {
  return Scanner(Text).find(Path);
}

std::pair<unsigned, unsigned> lineAndColumn(llvm::StringRef Text,
                                            std::size_t Offset) {
  Offset = std::min(Offset, Text.size());
  llvm::StringRef Before = Text.take_front(Offset);
  unsigned Line = 1 + Before.count('\n');
  std::size_t LineStart = Before.rfind('\n');
  unsigned Column = LineStart == llvm::StringRef::npos
                        ? Offset + 1
                        : Offset - LineStart;
  return {Line, Column};
}

std::string FileError::str() const {
  std::string S = File;
  if (Line)
    S += ":" + std::to_string(Line) + ":" + std::to_string(Column);
  return S + ": " + Message;
}

} // namespace corolint
