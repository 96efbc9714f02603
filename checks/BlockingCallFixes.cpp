// coro-blocking-call's fix: a blocking sleep becomes the coroutine
// library's timer, written with the library's `idioms` catalog entry.
#include "BlockingCallCheck.h"
#include "support/FixIts.h"
#include "support/QualifiedName.h"

#include "clang/AST/Expr.h"

using namespace clang;

namespace corolint {

namespace {

/// The catalog's `duration_argument` of a sleep as a std::chrono duration
/// expression with its period: the argument itself when it is an integral
/// std::chrono duration; a plain integer wrapped in the entry's
/// `duration_unit` (`std::chrono::microseconds(n)` for usleep).
struct Duration {
  std::string Text;
  Period Ticks;
  bool NeedsChrono = false;
};

const Expr *argument(const CallExpr &Call, llvm::StringRef Index) {
  unsigned I = 0;
  if (Index.empty() || Index.getAsInteger(10, I) || I >= Call.getNumArgs())
    return nullptr;
  return Call.getArg(I);
}

std::optional<Duration> durationOf(const CallExpr &Call, const RuleEntry &Rule,
                                   const ASTContext &Ctx) {
  const Expr *Arg = argument(Call, Rule.attribute("duration_argument"));
  if (!Arg)
    return std::nullopt;
  std::optional<std::string> Text = writtenText(Arg->getSourceRange(), Ctx);
  if (!Text)
    return std::nullopt;
  const Expr *Written = Arg->IgnoreImplicit();
  if (std::optional<Period> P = integralDurationPeriod(Written->getType()))
    return Duration{*Text, *P};
  llvm::StringRef Unit = Rule.attribute("duration_unit");
  std::optional<Period> P = standardDurationPeriod(Unit);
  if (!P || !Written->getType()->isIntegerType())
    return std::nullopt;
  return Duration{Unit.str() + "(" + *Text + ")", *P, /*NeedsChrono=*/true};
}

/// The replacement of a `deadline_argument` sleep (sleep_until): only when
/// the deadline's clock is the one the library's timer takes.
std::optional<std::string> untilReplacement(const CallExpr &Call,
                                            const RuleEntry &Rule,
                                            const RuleEntry &Idioms,
                                            const FunctionDecl &F,
                                            const Stmt *Body,
                                            const ASTContext &Ctx) {
  const Expr *Arg = argument(Call, Rule.attribute("deadline_argument"));
  std::optional<Period> Resolution =
      parsePeriod(Idioms.attribute("sleep_period"));
  if (!Arg || !Resolution)
    return std::nullopt;
  auto TimePoint = timePointOf(Arg->IgnoreImplicit()->getType());
  if (!TimePoint || TimePoint->first != Idioms.attribute("sleep_until_clock") ||
      !convertsExactly(TimePoint->second, *Resolution))
    return std::nullopt;
  std::optional<std::string> Text = writtenText(Arg->getSourceRange(), Ctx);
  if (!Text)
    return std::nullopt;
  TemplateValues V;
  V.Values["deadline"] = *Text;
  return renderIdiom(Idioms, "sleep_until", V, &Call, F, Body, Ctx);
}

} // namespace

std::vector<FixItHint> BlockingCallCheck::sleepFix(const FunctionDecl &F,
                                                   const Stmt *Body,
                                                   const Expr *Call,
                                                   const RuleEntry &Rule,
                                                   ASTContext &Ctx) {
  const auto *CE = dyn_cast<CallExpr>(Call);
  const RuleEntry *Idioms = coroutineIdioms(F, catalog());
  if (!CE || !Idioms || Rule.Kind != "sleep" ||
      !isWrittenText(Call->getSourceRange(), Ctx))
    return {};
  // Only a sleep that is a statement of its own: as part of an expression
  // its value (usleep's status, sleep's remaining seconds) is used.
  StatementPlace Place = placeOf(Call, Body);
  if (!Place.WholeStatement || Place.InHandler)
    return {};
  // Suspending with a synchronous lock held lets another task on this
  // thread block on it while the holder cannot resume: a new deadlock.
  if (syncLockMayBeHeld(Call, F, Body, Locks, Ctx))
    return {};
  std::optional<std::string> Replacement;
  std::string Headers = idiomHeaders(*Idioms, "sleep");
  if (std::optional<Duration> D = durationOf(*CE, Rule, Ctx)) {
    std::optional<Period> Resolution =
        parsePeriod(Idioms->attribute("sleep_period"));
    if (!Resolution || !convertsExactly(D->Ticks, *Resolution))
      return {};
    TemplateValues V;
    V.Values["duration"] = D->Text;
    Replacement = renderIdiom(*Idioms, "sleep", V, Call, F, Body, Ctx);
    if (D->NeedsChrono)
      Headers += ";chrono";
  } else {
    Replacement = untilReplacement(*CE, Rule, *Idioms, F, Body, Ctx);
  }
  if (!Replacement || Replacement->empty())
    return {};
  std::vector<FixItHint> Fixes = {FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call->getSourceRange()), *Replacement)};
  for (FixItHint &Include : Includes.insert(Headers, Call->getBeginLoc(), Ctx))
    Fixes.push_back(std::move(Include));
  return Fixes;
}

} // namespace corolint
