#ifndef COROLINT_SUPPORT_UNCHANGEDVALUES_H
#define COROLINT_SUPPORT_UNCHANGEDVALUES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace corolint {

class RuleCatalog;

/// The variable E names (`v`), or null.
const clang::VarDecl *referencedVar(const clang::Expr *E);

/// V's initialiser when V is a local variable (not a parameter, not a
/// reference) that nothing in its function writes after initialising it
/// (the writes mayChangeIn() in LoopBounds.h looks for).
const clang::Expr *unchangedInit(const clang::VarDecl *V,
                                 const RuleCatalog *Catalog = nullptr);

} // namespace corolint

#endif
