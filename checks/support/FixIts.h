#ifndef COROLINT_SUPPORT_FIXITS_H
#define COROLINT_SUPPORT_FIXITS_H

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang {
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace corolint {

class LockTypes;
class RuleCatalog;
struct RuleEntry;

/// Fix-it support shared by the checks (see docs/fixits.md). Every helper
/// answers "no fix" (nullopt, empty) rather than a guess: code written
/// through macros, text that spans files, unknown libraries.

/// The `idioms` entry of the library coroutine F is written in: the entry
/// named by F's return type (`asio::awaitable`), else the one of the library
/// whose `awaitable_types` entry names that type. Null when there is none.
const RuleEntry *coroutineIdioms(const clang::FunctionDecl &F,
                                 const RuleCatalog &Catalog);

/// The `idioms` entry of the library whose awaitable type T is (by the
/// same rule as coroutineIdioms()); null when none.
const RuleEntry *typeIdioms(clang::QualType T, const RuleCatalog &Catalog);

/// The idiom's `using` directive as a line to write before At (ending in a
/// newline and At's indentation), when none for that namespace is in force
/// at At: at namespace scope around F (before At) or in F's body before
/// At. Nullopt when the idiom has none or it is in force.
std::optional<std::string> usingDirectiveLine(const RuleEntry &Idioms,
                                              const clang::Stmt *At,
                                              const clang::FunctionDecl &F,
                                              const clang::ASTContext &Ctx);

/// The whitespace that starts the line Loc is on.
std::string indentOf(clang::SourceLocation Loc,
                     const clang::SourceManager &SM);

/// The location just past statement S, its `;` included; invalid when S
/// is not written text.
clang::SourceLocation statementEnd(const clang::Stmt *S,
                                   const clang::ASTContext &Ctx);

/// Values for renderTemplate(): `{name}` takes Values[name]; `{name|SEP}`
/// takes the items of Lists[name] joined by SEP.
struct TemplateValues {
  llvm::StringMap<std::string> Values;
  llvm::StringMap<std::vector<std::string>> Lists;
};

/// Template with its placeholders replaced (`{{` and `}}` are literal
/// braces); nullopt when a placeholder has no value, a list is empty or a
/// brace is unbalanced.
std::optional<std::string> renderTemplate(llvm::StringRef Template,
                                          const TemplateValues &V);

/// The text of Range (token range) as written in the main source, or
/// nullopt when any part of it comes from a macro expansion.
std::optional<std::string> writtenText(clang::SourceRange Range,
                                       const clang::ASTContext &Ctx);

/// Whether Range lies in user-written text: both ends in a file, not in a
/// macro expansion or argument.
bool isWrittenText(clang::SourceRange Range, const clang::ASTContext &Ctx);

/// Where E stands in the statements of Root.
struct StatementPlace {
  bool Found = false;
  /// The statement is an expression and E is the whole expression of an expression statement: its value is
  /// unused and no other expression contains it.
  bool WholeStatement = false;
  /// E is inside a catch handler, where `co_await` may not be written.
  bool InHandler = false;
};
StatementPlace placeOf(const clang::Stmt *E, const clang::Stmt *Root);

/// Whether a synchronous lock may be held at S, a statement or expression
/// of F's body Root: a guard variable or parameter in scope there, or a
/// lock taken by hand (`m.lock()`, `pthread_mutex_lock`) anywhere before
/// it. A fix that adds a suspension there would hold the lock across it.
bool syncLockMayBeHeld(const clang::Stmt *S, const clang::FunctionDecl &F,
                       const clang::Stmt *Root, LockTypes &Types,
                       const clang::ASTContext &Ctx);

/// A member-access prefix (`tp->`, `sched.`) for the one variable in scope
/// at S (a parameter of F, a local declared before S, a field of F's class)
/// whose type, or the type it points to (raw, std::shared_ptr,
/// std::unique_ptr), is named in the `;`-separated TypeNames. With
/// HopMethods (`schedule`), the coroutine's last call before S of one of
/// those methods must be on that variable (`co_await tp->schedule()`): the
/// coroutine provably runs on it. Nullopt when there is none, more than one
/// or no such hop: a fix never invents or guesses an object.
std::optional<std::string> objectInScope(const clang::Stmt *S,
                                         const clang::FunctionDecl &F,
                                         const clang::Stmt *Root,
                                         llvm::StringRef TypeNames,
                                         llvm::StringRef HopMethods,
                                         const clang::ASTContext &Ctx);

/// The idiom attribute Key (`sleep`, `yield`) rendered with V; its
/// `{object->}` placeholder, if any, becomes objectInScope() of the types
/// in `<Key>_objects` with the idiom's `object_hop` methods (libcoro's
/// `{object->}yield()` on the scheduler the coroutine hopped onto). Nullopt when the attribute is missing or a value is unknown.
std::optional<std::string> renderIdiom(const RuleEntry &Idioms,
                                       llvm::StringRef Key, TemplateValues V,
                                       const clang::Stmt *At,
                                       const clang::FunctionDecl &F,
                                       const clang::Stmt *Root,
                                       const clang::ASTContext &Ctx);

/// Insertions of `#include <H>` for each `;`-separated header of Headers
/// that the translation unit has not included yet, after the last
/// `#include` line of the file At is in (at its start when it has none).
/// Like clang-tidy's IncludeInserter, each header is inserted once per file
/// and translation unit: by the first fix that needs it. A check keeps one
/// and clears it when a translation unit ends.
class IncludeInsertions {
public:
  std::vector<clang::FixItHint> insert(llvm::StringRef Headers,
                                       clang::SourceLocation At,
                                       const clang::ASTContext &Ctx);
  void clear() { Done.clear(); }

private:
  std::set<std::pair<unsigned, std::string>> Done; // file, header
};

/// The headers a replacement of kind Key needs: the idiom's `include` plus
/// its `<Key>_include` (`sleep_include`), `;`-joined.
std::string idiomHeaders(const RuleEntry &Idioms, llvm::StringRef Key);

/// Fix-its that make Statement (one statement, with its `;`) the first
/// statement of Loop's body; a body that is a single statement gets braces.
/// Empty when the loop is written through a macro.
std::vector<clang::FixItHint> insertFirstInLoopBody(const clang::Stmt *Loop,
                                                    llvm::StringRef Statement,
                                                    const clang::ASTContext &Ctx);

/// A std::chrono period (seconds per tick) as a fraction.
struct Period {
  std::uint64_t Num = 1;
  std::uint64_t Den = 1;
};

/// "N/D" or "N"; nullopt when malformed or zero.
std::optional<Period> parsePeriod(llvm::StringRef Text);

/// The period of a std::chrono duration type with an integral
/// representation (`std::chrono::milliseconds`, the type of `100ms`);
/// nullopt for any other type, floating-point durations included.
std::optional<Period> integralDurationPeriod(clang::QualType T);

/// The period of the standard duration type named Name
/// (`std::chrono::microseconds`); nullopt for other names.
std::optional<Period> standardDurationPeriod(llvm::StringRef Name);

/// Whether every value of a duration of period From is a whole number of
/// ticks of period To (seconds to nanoseconds: yes; microseconds to
/// milliseconds: no), so the conversion is implicit and exact.
bool convertsExactly(Period From, Period To);

/// For a std::chrono::time_point type: the qualified name of its clock
/// and the period of its duration (integral representations only).
std::optional<std::pair<std::string, Period>> timePointOf(clang::QualType T);

} // namespace corolint

#endif
