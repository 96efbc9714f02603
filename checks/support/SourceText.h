#ifndef COROLINT_SUPPORT_SOURCETEXT_H
#define COROLINT_SUPPORT_SOURCETEXT_H

#include <string>

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace corolint {

/// E as the user wrote it, for quoting in a message: empty when it cannot
/// be read from one file, spans lines, or is longer than MaxLength (a
/// message quoting a whole lambda helps nobody).
std::string spelling(const clang::Expr *E, const clang::ASTContext &Ctx,
                     unsigned MaxLength);

} // namespace corolint

#endif
