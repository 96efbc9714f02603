#ifndef COROLINT_DRIVER_DIRECTCHECKS_H
#define COROLINT_DRIVER_DIRECTCHECKS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include <memory>

namespace corolint {

/// The check factories of every linked clang-tidy module (the coro module
/// among them), as clang-tidy collects them.
std::unique_ptr<clang::tidy::ClangTidyCheckFactories> allCheckFactories();

/// The enabled checks of one translation unit, run without clang-tidy's
/// MatchFinder, or null when an enabled check is not a coro check (then
/// clang-tidy's own consumer must run them). The coro checks look only at
/// function definitions and lambdas as written, never at template
/// instantiations; MatchFinder walks every instantiation anyway, which in
/// template-heavy code is most of the AST. One walk that skips them hands
/// each check the same definitions in the same order.
std::unique_ptr<clang::ASTConsumer>
directChecksConsumer(clang::tidy::ClangTidyContext &Context,
                     const clang::tidy::ClangTidyCheckFactories &Factories,
                     clang::CompilerInstance &CI, llvm::StringRef File);

} // namespace corolint

#endif
