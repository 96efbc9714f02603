#ifndef COROLINT_SUPPORT_MACHINEBOUNDS_H
#define COROLINT_SUPPORT_MACHINEBOUNDS_H

#include "support/LoopBounds.h"

namespace corolint {

class RuleCatalog;

/// The trip bound of Loop (a for, range-for, while or do statement):
/// `for (int i = 0; i < 4; ++i)`, `i <= N`, `i != N`, counting down;
/// bounds like `std::min(n, 8u)`; range-for over a built-in array,
/// `std::array`, a braced list or an `std::initializer_list` (also held in
/// an unchanged local), a string literal or a view of one, a container
/// built from a braced list and never changed (or `static const`; calls of
/// `element_work` entries of kind `accessor` do not change it),
/// `std::views::iota(a, b)` with constant ends; loops up to
/// `std::thread::hardware_concurrency()` (also `- 1`, `/ 2`, `* 2`,
/// `std::max(hw, 2u)`), or over a local `std::vector` constructed with such
/// a count and never resized; up to the `size()` (a `size_queries` member)
/// of a collection so bounded (`i < v.size() - 1`); `do ... while (false)`
/// (once; also a condition calling a function that only returns false). A
/// limit held in a local variable that is never written after its
/// initialisation counts as its initialiser.
///
/// With what the catalogs know of bounds:
/// counts and ranges of the program's shards, one per core, bound a loop
/// or a collection as the core count does (`executors` entries of
/// `kind: shards`: `i < seastar::smp::count`, `seastar::smp::all_shards()`,
/// `seastar::this_smp_all_shards()`); a collection of handles to something
/// the library caps at a compile-time maximum (`bounded_counts` entries
/// with their `max`: `std::vector<seastar::scheduling_group>`)
/// has at most that many elements; counting ranges (`element_work`
/// entries of `kind: iota`: `boost::irange(a, b)`, like the built-in
/// `std::views::iota`) have as many elements as their ends allow, also up
/// to such a count; and views that keep or drop elements of their input
/// (`kind: view`: `r | std::views::filter(p)`, `std::views::transform(r, f)`)
/// have at most its elements.
TripBound tripBound(const clang::Stmt *Loop, const clang::ASTContext &Ctx,
                    const RuleCatalog &Catalog);

/// The bound on the number of elements of a range expression, by the
/// same rules as a range-for's range.
TripBound rangeBound(const clang::Expr *Range, const clang::ASTContext &Ctx,
                     const RuleCatalog &Catalog);

} // namespace corolint

#endif
