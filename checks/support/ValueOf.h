#ifndef COROLINT_SUPPORT_VALUEOF_H
#define COROLINT_SUPPORT_VALUEOF_H

// What an expression is beneath the nodes that keep its value, and the
// variable it names: the one copy every check and analysis uses.

#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class Expr;
class LambdaExpr;
class Stmt;
class ValueDecl;
} // namespace clang

namespace corolint {

/// What else to look through besides parentheses, implicit casts,
/// temporaries, full-expression cleanups and copy/move constructions.
struct Through {
  /// std::move / std::forward of one argument: the same object, but a
  /// moved-from one, so only callers asking "which object" want it.
  bool Moves = false;
  /// A construction from one argument by any constructor (std::function
  /// from a lambda): a different value of the same origin.
  bool Conversions = false;
};

/// Strips the nodes around a value that do not change which value it is:
/// parentheses, implicit casts, temporaries, full-expression cleanups and
/// copy/move constructions; with Also, moves and conversions too.
const clang::Expr *ignoreValuePreserving(const clang::Expr *E,
                                         Through Also = {});

/// Which members namedDecl accepts besides plain variables.
enum class Members {
  None,   // only a variable (`v`)
  OfThis, // and a member of `this` (`this->n`, `n` in a member function)
  Any,    // and a member of any object (`o.n`, `p->n`)
};

/// The variable (or member, as Which allows) E names, looking through
/// parentheses and implicit casts; null when E is anything else.
const clang::ValueDecl *namedDecl(const clang::Expr *E,
                                  Members Which = Members::Any);

/// The lambda E is, written in place or the initialiser of the local E
/// names (`auto fn = [&] {...}; spawn(fn)`), through one construction from
/// one argument (std::function from the lambda); null otherwise.
const clang::LambdaExpr *heldLambda(const clang::Expr *E);

/// Whether S names, by a reference or a member access, a variable, field
/// or binding Listed accepts, in code that runs or not (lambdas included:
/// a capture names it too).
bool namesAny(const clang::Stmt *S,
              llvm::function_ref<bool(const clang::ValueDecl *)> Listed);

} // namespace corolint

#endif
