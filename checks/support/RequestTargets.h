#ifndef COROLINT_SUPPORT_REQUESTTARGETS_H
#define COROLINT_SUPPORT_REQUESTTARGETS_H

#include "support/RuleCatalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

namespace corolint {

/// Whether parameter P receives the addressee of a request: its name or
/// its type's name has a word that names where the request goes or which
/// record it acts on (`id`, `endpoint`, `address`, `host`, `node`, `peer`,
/// `destination`, `target`, `key`, `shard`, `replica`, `path`...):
/// `send_shutdown(messaging_service*, host_id id)`,
/// `update_peer_info(inet_address ep, const peer_info &)`.
bool namesAddressee(const clang::ParmVarDecl &P);

/// How calls on an object of type T are ordered.
enum class CallOrder {
  Unknown,
  /// Calls must stay in order: a stream, socket, file, channel, queue,
  /// connection, writer, log... (the `request_services` catalog entries of
  /// kind `ordered`, the standard library's types, and classes whose name
  /// has such a word).
  Ordered,
  /// Each call is an independent request (an RPC or messaging service, a
  /// pooled client, a table writer): catalogued `request_services` of kind
  /// `concurrent`.
  Concurrent,
};

/// The order of calls on T (or the class T points to), looking at T and its
/// bases.
CallOrder callOrder(clang::QualType T, const RuleCatalog &Catalog);

} // namespace corolint

#endif
