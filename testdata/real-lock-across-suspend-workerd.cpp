// CHECKS: coro-lock-across-suspend
// Real bugs, restated (see testdata/real/README.md, section
// coro-lock-across-suspend): a KJ coroutine that takes the caller's isolate
// lock (workerd's jsg::Lock, a lock token in rules/workerd.json) as a
// parameter keeps it across every co_await. The fixes do the work that needs
// the lock in a plain function and hand the coroutine only the results.
#include <kj/async.h>
#include <kj/mutex.h>
#include <workerd/jsg/jsg.h>

namespace workerd::api {

struct Serialized {
  const char *data;
  unsigned long size;
};
struct HttpResponse {
  int statusCode;
};
struct HttpRequest {
  kj::AsyncOutputStream *body;
  kj::Promise<HttpResponse> response;
};
HttpRequest makeRequest(jsg::Lock &js, const Serialized &message);
Serialized serialize(jsg::Lock &js, int value);
kj::Promise<void> drain(HttpResponse &response);
struct PendingEvent {};
PendingEvent registerPendingEvent();

// --- RB10: WorkerQueue::send, a coroutine taking jsg::Lock& ---------------
kj::Promise<void> sendBuggy(jsg::Lock &js, int value) { // expect-warning: parameter 'js' (workerd::jsg::Lock) is a lock the caller holds, held across every suspension point [coro-lock-across-suspend]
  Serialized serialized = serialize(js, value);
  HttpRequest req = makeRequest(js, serialized);
  auto pending = registerPendingEvent();
  co_await req.body->write(serialized.data, serialized.size); // expect-note: coroutine may suspend here
  auto response = co_await req.response; // expect-note: coroutine may suspend here
  co_await drain(response); // expect-note: coroutine may suspend here
}

// The fix: the lock-taking part is a plain function; the coroutine it
// returns takes no lock.
kj::Promise<void> sendFixed(jsg::Lock &js, int value) {
  Serialized serialized = serialize(js, value);
  HttpRequest req = makeRequest(js, serialized);
  static constexpr auto handleSend = [](HttpRequest req,
                                        Serialized serialized) -> kj::Promise<void> {
    co_await req.body->write(serialized.data, serialized.size);
    auto response = co_await req.response;
    co_await drain(response);
  };
  return handleSend(kj::mv(req), serialized).attach(registerPendingEvent());
}

// --- LK03: doR2HTTPPutRequest, the lock passed along but never used -------
kj::Promise<int> putRequestBuggy(jsg::Lock &js, HttpRequest request, // expect-warning: parameter 'js' (workerd::jsg::Lock) is a lock the caller holds [coro-lock-across-suspend]
                                 Serialized metadata) {
  co_await request.body->write(metadata.data, metadata.size); // expect-note: coroutine may suspend here
  auto response = co_await request.response; // expect-note: coroutine may suspend here
  co_return response.statusCode;
}

kj::Promise<int> putRequestFixed(HttpRequest request, Serialized metadata) {
  co_await request.body->write(metadata.data, metadata.size);
  auto response = co_await request.response;
  co_return response.statusCode;
}

// --- LK04: fetch's cancelable pump, a coroutine lambda taking jsg::Lock& ---
kj::Promise<void> pumpTo(jsg::Lock &js, kj::AsyncOutputStream *stream);
void addWaitUntil(kj::Promise<void> promise);

void fetchBuggy(jsg::Lock &js, kj::AsyncOutputStream *stream) {
  static auto const handleCancelablePump =
      [](jsg::Lock &js, kj::AsyncOutputStream *stream) -> kj::Promise<void> { // expect-warning: parameter 'js' (workerd::jsg::Lock) [coro-lock-across-suspend]
    co_await pumpTo(js, stream); // expect-note: coroutine may suspend here
  };
  addWaitUntil(handleCancelablePump(js, stream));
}

void fetchFixed(jsg::Lock &js, kj::AsyncOutputStream *stream) {
  static constexpr auto handleCancelablePump =
      [](kj::Promise<void> promise) -> kj::Promise<void> {
    co_await kj::mv(promise);
  };
  addWaitUntil(handleCancelablePump(pumpTo(js, stream)));
}

// --- The same rule for the other held-lock types ---------------------------
kj::MutexGuarded<int> counter;
kj::Promise<void> step();

kj::Promise<void> guardParameter(kj::Locked<int> locked) { // expect-warning: parameter 'locked' (kj::Locked<int>) is a lock the caller holds [coro-lock-across-suspend]
  *locked += 1;
  co_await step(); // expect-note: coroutine may suspend here
}

kj::Promise<void> guardParameterReleased(kj::Locked<int> locked) {
  *locked += 1;
  locked.release();
  co_await step();
}

kj::Promise<void> lockedLocal() {
  auto locked = counter.lockExclusive(); // expect-warning: 'locked' (kj::Locked<int>) is held across a suspension point [coro-lock-across-suspend]
  *locked += 1;
  co_await step(); // expect-note: coroutine may suspend here
}

kj::Promise<void> isolateLockLocal() {
  jsg::Lock &js = jsg::Lock::current(); // expect-warning: 'js' (workerd::jsg::Lock) is held [coro-lock-across-suspend]
  (void)serialize(js, 1);
  co_await step(); // expect-note: coroutine may suspend here
}

// A coroutine that never suspends does not keep anything across an await.
kj::Promise<int> noSuspension(jsg::Lock &js) {
  co_return serialize(js, 2).size;
}

} // namespace workerd::api
