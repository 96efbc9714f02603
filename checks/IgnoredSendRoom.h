#ifndef COROLINT_IGNOREDSENDROOM_H
#define COROLINT_IGNOREDSENDROOM_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace corolint {

class BodyParents;
class RuleCatalog;

/// When a push onto a bounded queue cannot fail for want of room, so its
/// discarded result loses nothing. Part of coro-ignored-send-result.

/// The queue Call pushes onto is known to have room: the code before the
/// push has just checked it empty (`SEASTAR_ASSERT(q.empty()); q.push(eof)`,
/// `if (q.empty()) q.push(x)`), with no suspension and no other use of the
/// queue (another push) in between. An empty queue has room for one item;
/// a full or closed queue is what the result reports.
bool roomKnown(const clang::CallExpr *Call, const clang::Stmt *Body,
               const RuleCatalog &Catalog);

/// Use (a push onto Queue, or a call that pushes onto it) is the first use
/// of Queue after one of Members (the send rule's `room_after`) ran on it:
/// one that empties the queue (`abort`) or one whose future resolves once
/// it has room (`not_full`), as an earlier statement of the same block
/// (`q.abort(ex); q.push(marker);`, `co_await q.not_full(); q.push(x);`),
/// or, when Use's block is Body and Body is a lambda's, as the call whose
/// continuation the lambda is (`q.not_full().then([this] { q.push(x); })`);
/// with no suspension and no other use of the queue in between.
bool roomAfter(const clang::Expr *Use, const clang::ValueDecl *Queue,
               const clang::Stmt *Body, const BodyParents &Parents,
               llvm::StringRef Members, clang::ASTContext &Ctx);

/// A push whose room its function's callers provide ("Caller guarantees
/// enough room"): Push is the only use of Queue, a member of `*this`, in
/// Function, a non-virtual member function (lambdas in it included), so
/// when each call of Function is made with room in Queue the push has it,
/// whatever Function awaits first.
struct RoomFromCallers {
  const clang::FunctionDecl *Function = nullptr;
  const clang::ValueDecl *Queue = nullptr;
};

/// The function and queue for Push when its room can come from callers
/// (see RoomFromCallers); Function null otherwise.
RoomFromCallers roomFromCallers(const clang::CXXMemberCallExpr *Push,
                                clang::ASTContext &Ctx);

/// How the calls of a function in the translation unit provide room.
struct CallersRoom {
  unsigned WithRoom = 0;
  /// The first reference that does not provide it: a call without room, a
  /// call on another object, the function's address taken.
  const clang::Expr *Without = nullptr;
  /// Whether every reference is a call made with room (and there is one).
  bool provided() const { return WithRoom > 0 && !Without; }
};

/// For each request (a function, its queue, the room members of the
/// queue's push rule), how the function's callers in the translation unit
/// provide room: one walk of the translation unit for all requests.
struct RoomRequest {
  RoomFromCallers Where;
  llvm::StringRef Members;
};
std::vector<CallersRoom> callersRoom(llvm::ArrayRef<RoomRequest> Requests,
                                     clang::ASTContext &Ctx);

} // namespace corolint

#endif
