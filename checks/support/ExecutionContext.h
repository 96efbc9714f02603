#ifndef COROLINT_SUPPORT_EXECUTIONCONTEXT_H
#define COROLINT_SUPPORT_EXECUTIONCONTEXT_H

#include "support/CoroutineModel.h"
#include "support/RuleCatalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include <vector>

namespace corolint {

/// Whether T is a thread pool or background executor, or its executor or
/// scheduler, also behind pointers and smart pointers: a type the catalog's
/// `executors` section lists with `kind: pool` (or nested in one), or, for
/// user code, a type whose name contains "thread_pool"/"ThreadPool" unless
/// the catalog lists it with `kind: loop` (folly::IOThreadPoolExecutor).
bool isPoolExecutorType(clang::QualType T, const RuleCatalog &Catalog);

/// Whether T is an event loop the catalog's `executors` section lists with
/// `kind: loop` (`asio::io_context`, `coro::io_scheduler`), also behind
/// pointers and smart pointers, or a container of such (the first template
/// argument, a few levels deep: `std::vector<std::shared_ptr<io_context>>`).
bool isEventLoopType(clang::QualType T, const RuleCatalog &Catalog);

/// Whether a call's object or one of its arguments is a pool executor.
bool involvesPoolExecutor(const clang::Expr *Call, const RuleCatalog &Catalog);

/// Where the code of one coroutine runs: on the event loop (or whatever
/// executor started it) or, after an awaited hop onto a thread pool or
/// background executor (`co_await tp->schedule()`,
/// `co_await concurrencpp::resume_on(background)`,
/// `co_await winrt::resume_background()`), on that pool until a hop back
/// (`co_await io->schedule()`). Also on a pool: after awaiting a task of a
/// type whose catalog entry says it resumes its awaiter where it completes
/// (`resumes_on_completion`: cppcoro, libcoro) when the task is given a
/// pool, and from the start in a coroutine whose first parameter is a hop
/// onto a pool (concurrencpp's `executor_tag`). A catalogued hop called
/// without being awaited (`concurrencpp::resume_on(ex);`) moves nothing but
/// ends a pool region: the code after it was meant to run elsewhere. Hops
/// are data: the catalog's `executors` section (see docs/rules.md).
class ExecutionContext {
public:
  /// Points: the body's suspension points when the caller has them
  /// (CoroutineContext), else they are collected here.
  ExecutionContext(const clang::CoroutineBodyStmt &Body,
                   const RuleCatalog &Catalog, const clang::ASTContext &Ctx,
                   const std::vector<SuspensionPoint> *Points = nullptr);

  /// Whether S runs on a pool: the last hop before it moved onto one.
  bool onPool(const clang::Stmt *S) const;

  /// A place where the coroutine moves itself onto a pool or back (an
  /// await), or a discarded hop call (not to a pool).
  struct Hop {
    const clang::Expr *Await;
    bool ToPool;
  };
  /// The hops of the body, in source order.
  const std::vector<Hop> &hops() const { return Hops; }

private:
  const clang::SourceManager &SM;
  std::vector<Hop> Hops;
};

} // namespace corolint

#endif
