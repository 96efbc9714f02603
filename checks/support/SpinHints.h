#ifndef COROLINT_SUPPORT_SPINHINTS_H
#define COROLINT_SUPPORT_SPINHINTS_H

#include "llvm/ADT/StringRef.h"

namespace clang {
class Expr;
} // namespace clang

namespace corolint {

class RuleCatalog;

/// Whether QualifiedName is a hint a polling loop gives the CPU or the OS
/// between polls without waiting for anything (`std::this_thread::yield`,
/// `sched_yield`, `_mm_pause`, fences; the catalogs' `spin_hints`): such a
/// loop still busy-waits.
bool isSpinHint(llvm::StringRef QualifiedName, const RuleCatalog &Catalog);

/// Whether Call calls such a hint, directly or through a small wrapper whose
/// visible body does nothing but call hints (a thread model's
/// `void Yield() { std::this_thread::yield(); }`, a project's
/// `void relax() { sched_yield(); }`), followed through two wrappers.
bool isSpinHint(const clang::Expr *Call, const RuleCatalog &Catalog);

} // namespace corolint

#endif
