#ifndef COROLINT_SUPPORT_SUMMARIES_H
#define COROLINT_SUPPORT_SUMMARIES_H

#include "support/JsonLocator.h"

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// Whole-program blocking summaries (docs/whole-program.md): what one
/// translation unit knows about the functions it defines, in a form another
/// translation unit, the driver or a file on disk can use without the AST.

/// A place in a source file: an absolute, normalised path, 1-based line and
/// byte column, and the byte offset (what the driver's locations use).
struct SummaryLoc {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;

  bool valid() const { return !File.empty(); }
};

/// A call from a summarised function to another user function, by USR. The
/// callee's body may be in another translation unit (then this translation
/// unit could not tell whether it blocks).
struct SummaryCall {
  std::string USR;
  std::string Name; // for messages
  SummaryLoc At;    // where the call is written
};

/// A blocking call a function makes itself, as the catalog judged it.
struct SummaryBlock {
  std::string Name;        // the name the catalog matched ("fsync")
  std::string Reason;      // the entry's reason and alternative, for
  std::string Alternative; // the message
  bool IsError = false;    // the entry's severity is "error"
  SummaryLoc At;
};

/// One way a function's body iterates (LoopCostAnalysis's summary of it):
/// Levels nested levels of iteration; the first counted level walks the
/// parameters in Walks (bit I: parameter I; bit 63: the object), so a
/// caller passing the current element of its own loop there discounts it.
/// What and At name the first counted level ("loop", or the cpu_heavy
/// function's name) for the note.
struct SummaryCost {
  unsigned Levels = 0;
  std::uint64_t Walks = 0;
  std::string What;
  SummaryLoc At;
};

/// One function with a body, in user code. For blocking: it blocks itself
/// (Blocks) or may block through Calls (to other user functions), or
/// neither. The other facts (format 2) are written only when not the
/// default: how its body iterates (Costs, none: no loop counts), whether it
/// takes or returns a limiter (Limiter: the limiter's name; empty: none),
/// whether it is pure (reads only its arguments and constants, writes
/// only through its non-const reference or pointer parameters). A function
/// absent from a summary set has only default facts.
struct FunctionSummary {
  std::string USR;  // clang's USR: the same in every translation unit
  std::string Name; // display name
  SummaryLoc Definition;
  std::optional<SummaryBlock> Blocks;
  std::vector<SummaryCall> Calls;
  std::vector<SummaryCost> Costs;
  std::string Limiter;
  bool Pure = false;

  /// Whether anything but blocking is known about it.
  bool hasFacts() const { return !Costs.empty() || !Limiter.empty() || Pure; }
};

/// A finding a translation unit could not decide: coroutine Coroutine calls
/// the user function Helper (by USR), which is not known to block in this
/// translation unit but calls functions defined elsewhere. Everything else
/// (not awaited, not on a fatal path, not after a pool hop, not in a lambda
/// handed to a thread) was decided where the call is; the finding is
/// reported when Helper's summary chain reaches a blocking call within
/// MaxDepth functions.
struct PendingCall {
  std::string TU; // the main file of the translation unit that saw it
  std::string Check = "coro-blocking-call";
  std::string Coroutine;
  std::string Helper;
  std::string USR;
  SummaryLoc At;
  unsigned Length = 0; // of the call's source range, from At
  unsigned MaxDepth = 6;
  // The function around the call as the driver names it (fingerprints).
  std::string Function;
  unsigned FunctionBegin = 0;
  unsigned FunctionEnd = 0;
};

/// Summaries of one translation unit, a shard or a project.
struct SummarySet {
  std::map<std::string, FunctionSummary> Functions; // by USR
  /// Content hashes of the files definitions are in, when written (a
  /// summary of a file that changed since is stale).
  std::map<std::string, std::string> FileHashes;
  std::vector<PendingCall> Pending;

  bool empty() const { return Functions.empty() && Pending.empty(); }

  /// Adds Other: a function summarised twice (inline in a header) keeps
  /// the record with the first definition location, so the result does not
  /// depend on the order of merging. Pending calls are appended: call
  /// normalise() after the last merge.
  void merge(SummarySet Other);
  /// Sorts the pending calls (by place) and keeps each call once.
  void normalise();
};

/// The hash summaries keep of a file's content.
std::string contentHash(llvm::StringRef Text);

/// The JSON text of S (docs/whole-program.md). WithPending: include the
/// pending calls (shards), else only the summaries.
std::string writeSummaries(const SummarySet &S, bool WithPending = true);

/// A problem in a summary file: where, and what.
using SummaryError = FileError;

/// Reads summaries written by writeSummaries. On error returns nullopt
/// and fills Error with the place (Path, line and column in Text).
std::optional<SummarySet> readSummaries(llvm::StringRef Text, llvm::StringRef Path,
                                        SummaryError &Error);

/// How a call reaches a blocking call: the functions' calls in order (the
/// first is the call of the helper's body), then the blocking call of the
/// last function.
struct SummaryChain {
  /// Caller, call: Steps[0].Caller is the helper itself.
  struct Step {
    std::string Caller;
    const SummaryCall *Call;
  };
  std::vector<Step> Steps;
  const FunctionSummary *Blocker = nullptr;

  /// Number of functions from the helper to the blocking call.
  unsigned depth() const { return Steps.size() + 1; }
};

/// The shortest chain from the function with USR Start to a blocking call,
/// at most MaxDepth functions long, over the summaries Lookup gives (null:
/// nothing known, the function does not block); cycles end. The pointers
/// point into what Lookup returns.
using SummaryLookup = std::function<const FunctionSummary *(const std::string &USR)>;
std::optional<SummaryChain> resolveChain(const std::string &Start,
                                         unsigned MaxDepth,
                                         const SummaryLookup &Lookup);

/// The wording of a finding through a helper, shared by the check and the
/// driver: "call to 'H' may block coroutine 'C'; it reaches blocking call
/// 'N': reason; use alternative instead".
std::string throughHelperMessage(llvm::StringRef Helper, llvm::StringRef Coroutine,
                                 llvm::StringRef Blocking, llvm::StringRef Reason,
                                 llvm::StringRef Alternative);
std::string callsNote(llvm::StringRef Caller, llvm::StringRef Callee);
std::string blocksNote(llvm::StringRef Function, llvm::StringRef Blocking);

} // namespace corolint

#endif
