#ifndef COROLINT_SUPPORT_SOURCETEXT_H
#define COROLINT_SUPPORT_SOURCETEXT_H

#include "clang/Basic/SourceLocation.h"
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

/// Where callLocation points at an operator call (`a << b`, `f(x)` through
/// an operator()): the checks' messages differ on this, so it is a choice.
enum class OperatorAt {
  Operator,     // clang's getExprLoc: the `<<` of `a << b`, the start of `f(x)`
  Start,        // the first token, constructions too (`[&] {...}()`)
  FirstOperand, // the first operand's own location (the callable object)
};

/// Where a finding about Call points: the callee's name in a call (not
/// the object before it), else the expression.
clang::SourceLocation callLocation(const clang::Expr *Call,
                                   OperatorAt Op = OperatorAt::Operator);

} // namespace corolint

#endif
