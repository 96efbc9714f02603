#ifndef COROLINT_SUPPORT_RANGEFANOUT_H
#define COROLINT_SUPPORT_RANGEFANOUT_H

#include "support/RuleCatalog.h"

#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace corolint {

/// A combinator that starts one unit of work per element of a collection,
/// all at once: `seastar::parallel_for_each(range, fn)`,
/// `seastar::map_reduce(range, mapper, init, reduce)`,
/// `seastar::when_all(futs.begin(), futs.end())`,
/// `folly::coro::collectAllRange(tasks)`. Recognised from the `spawn`
/// entries with a `per_element` attribute (see docs/rules.md).
struct FanOutSite {
  /// The call or construction.
  const clang::Expr *E = nullptr;
  const RuleEntry *Rule = nullptr;
  std::string Name;
  /// The collection its work is per element of, as written (`*rs`, `futs`),
  /// without `.begin()`, `std::begin`, `std::move`, `std::views::all`.
  const clang::Expr *Range = nullptr;
  /// The function run per element (a lambda, or a variable holding one),
  /// when the combinator takes one.
  const clang::Expr *Mapper = nullptr;
  clang::SourceLocation Loc;
};

/// The fan-out E is, if it is one: a call or construction of a `spawn`
/// entry with `per_element` whose argument at that index (or the
/// container an iterator argument comes from) is a range, not one more
/// awaitable of a variadic overload.
std::optional<FanOutSite> fanOutAt(const clang::Expr *E,
                                   const RuleCatalog &Catalog);

/// The collection an argument designates: `v`, `v.begin()`,
/// `std::begin(v)`, `std::move(v)`, `std::views::all(v)`; null when Arg is
/// neither a range nor an iterator taken from one.
const clang::Expr *collectionOf(const clang::Expr *Arg);

} // namespace corolint

#endif
