#ifndef COROLINT_DRIVER_CHECKDOCS_H
#define COROLINT_DRIVER_CHECKDOCS_H

#include "support/EmbeddedRules.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace corolint {
/// docs/checks/*.md, compiled in at build time (cmake/EmbedRules.cmake).
llvm::ArrayRef<EmbeddedRuleFile> embeddedCheckDocs();
} // namespace corolint

namespace corolint::driver {

/// What SARIF's rule metadata says about a check.
struct CheckDoc {
  std::string ShortDescription; // the first sentence of the summary
  std::string FullDescription;  // the first paragraph after the title
  std::string HelpText;         // the page as plain text
  std::string HelpMarkdown;     // the page
};

/// The documentation of Check from docs/checks/<Check>.md, if there is one.
std::optional<CheckDoc> checkDoc(llvm::StringRef Check);

/// Parses a check page: "# name", a blank line, the summary paragraph, ...
CheckDoc parseCheckDoc(llvm::StringRef Markdown);

/// Markdown with code spans, emphasis, links and heading marks reduced to
/// their text.
std::string markdownToText(llvm::StringRef Markdown);

} // namespace corolint::driver

#endif
