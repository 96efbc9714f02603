#ifndef COROLINT_SUPPORT_REQUESTTARGETS_H
#define COROLINT_SUPPORT_REQUESTTARGETS_H

#include "support/DefUse.h"
#include "support/RuleCatalog.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

namespace corolint {

/// Whether parameter P receives the addressee of a request: its name or
/// its type's name has a word that names where the request goes or which
/// record it acts on (the catalogs' `addressee_words`: `id`, `endpoint`,
/// `address`, `host`, `node`, `peer`, `key`, `shard`...):
/// `send_shutdown(messaging_service*, host_id id)`,
/// `update_peer_info(inet_address ep, const peer_info &)`.
bool namesAddressee(const clang::ParmVarDecl &P, const RuleCatalog &Catalog);

/// How calls on an object of type T are ordered.
enum class CallOrder {
  Unknown,
  /// Calls must stay in order: a stream, socket, file, channel, queue,
  /// connection, writer, log... (the `request_services` catalog entries of
  /// kind `ordered`, the standard library's types, and classes whose name
  /// has a word of the catalogs' `ordered_words`).
  Ordered,
  /// Each call is an independent request (an RPC or messaging service, a
  /// pooled client, a table writer): catalogued `request_services` of kind
  /// `concurrent`.
  Concurrent,
};

/// The order of calls on T (or the class T points to), looking at T and its
/// bases.
CallOrder callOrder(clang::QualType T, const RuleCatalog &Catalog);

/// Whether Call is a request addressed by a per-iteration object (PerIter)
/// to objects the iterations share: `co_await send_shutdown(&messaging,
/// id)`, `co_await keyspace.remove(ep)` over a loop's hosts. The element
/// (or a body local it fills) is passed by value or const reference, and
/// every other object the call writes is a named object, not `*this`,
/// whose calls are independent requests: catalogued as a `concurrent`
/// `request_services` type, or, when the element reaches a parameter that
/// names the addressee (namesAddressee), a type not known to keep its
/// calls in order (callOrder). Fills Services with those shared objects.
bool addressedRequest(const clang::CallExpr &Call,
                      const clang::FunctionDecl &FD, const DefUse &DU,
                      llvm::function_ref<bool(const ObjectRef &)> PerIter,
                      llvm::SmallVectorImpl<ObjectRef> &Services);

} // namespace corolint

#endif
