#ifndef COROLINT_SUPPORT_DEFINITIONWALK_H
#define COROLINT_SUPPORT_DEFINITIONWALK_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace corolint {

/// Hands Visit every function definition with a body and every lambda's
/// call operator (FromLambda) of the translation unit's traversal scope, as
/// written (no template instantiations, no implicit code), in source order:
/// what the coro checks analyse, for the plugin and the driver alike.
///
/// Declarations in system headers are walked at declaration level only:
/// their coroutines are handed on, their plain functions (which the checks
/// leave alone there) and the statements and lambdas inside them are not.
/// Types are not walked: they hold no definitions the checks read. Both are
/// most of a walk over a file that includes the standard library.
void forEachDefinition(
    clang::ASTContext &Ctx,
    llvm::function_ref<void(const clang::FunctionDecl &, bool FromLambda)> Visit);

} // namespace corolint

#endif
