#include "CheckDocs.h"

#include "llvm/ADT/SmallVector.h"

namespace corolint::driver {

std::string markdownToText(llvm::StringRef Markdown) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Trimmed = Line.ltrim();
    if (Trimmed.starts_with("#"))
      Line = Trimmed.ltrim('#').ltrim();
    for (std::size_t I = 0; I < Line.size(); ++I) {
      char C = Line[I];
      if (C == '`')
        continue;
      if (C == '*' && I + 1 < Line.size() && Line[I + 1] == '*') {
        ++I; // bold marks
        continue;
      }
      if (C == '[') {
        // [text](target) -> text
        std::size_t Close = Line.find("](", I);
        std::size_t End =
            Close == llvm::StringRef::npos ? Close : Line.find(')', Close);
        if (End != llvm::StringRef::npos &&
            Line.slice(I + 1, Close).find('[') == llvm::StringRef::npos) {
          Out += markdownToText(Line.slice(I + 1, Close));
          I = End;
          continue;
        }
      }
      Out.push_back(C);
    }
    Out.push_back('\n');
  }
  while (!Out.empty() && Out.back() == '\n')
    Out.pop_back();
  return Out;
}

CheckDoc parseCheckDoc(llvm::StringRef Markdown) {
  CheckDoc D;
  D.HelpMarkdown = Markdown.str();
  D.HelpText = markdownToText(Markdown);
  // The first paragraph that is not the title.
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Markdown.split(Lines, '\n');
  std::string Paragraph;
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef T = Line.trim();
    if (T.empty()) {
      if (!Paragraph.empty())
        break;
      continue;
    }
    if (T.starts_with("#")) {
      if (!Paragraph.empty())
        break;
      continue;
    }
    Paragraph += (Paragraph.empty() ? "" : " ") + T.str();
  }
  D.FullDescription = markdownToText(Paragraph);
  llvm::StringRef Full = D.FullDescription;
  std::size_t Stop = Full.find(". ");
  D.ShortDescription =
      Stop == llvm::StringRef::npos ? Full.str() : Full.take_front(Stop + 1).str();
  return D;
}

std::optional<CheckDoc> checkDoc(llvm::StringRef Check) {
  std::string Wanted = "docs/checks/" + Check.str() + ".md";
  for (const EmbeddedRuleFile &F : embeddedCheckDocs())
    if (Wanted == F.Path)
      return parseCheckDoc(F.Text);
  return std::nullopt;
}

} // namespace corolint::driver
