#ifndef COROLINT_SUPPORT_MACHINEBOUNDS_H
#define COROLINT_SUPPORT_MACHINEBOUNDS_H

#include "support/LoopBounds.h"

namespace corolint {

class RuleCatalog;

/// tripBound() and rangeBound() with what the catalogs know of bounds:
/// counts and ranges of the program's shards, one per core, bound a loop
/// or a collection as the core count does (`executors` entries of
/// `kind: shards`: `i < seastar::smp::count`, `seastar::smp::all_shards()`,
/// `seastar::this_smp_all_shards()`); counting ranges (`element_work`
/// entries of `kind: iota`: `boost::irange(a, b)`, like the built-in
/// `std::views::iota`) have as many elements as their ends allow, also up
/// to such a count; and views that keep or drop elements of their input
/// (`kind: view`: `r | std::views::filter(p)`, `std::views::transform(r, f)`)
/// have at most its elements.
TripBound tripBound(const clang::Stmt *Loop, const clang::ASTContext &Ctx,
                    const RuleCatalog &Catalog);
TripBound rangeBound(const clang::Expr *Range, const clang::ASTContext &Ctx,
                     const RuleCatalog &Catalog);

} // namespace corolint

#endif
