#include "support/RuleSchema.h"
#include "support/RuleCatalog.h"

#include "llvm/ADT/SmallVector.h"
#include <nlohmann/json.hpp>

namespace corolint {
namespace {

using T = AttributeType;

const AttributeSpec Common[] = {
    {"name", T::String, "",
     "fully qualified name without template arguments; `scope::*` is a "
     "wildcard entry for every name in that scope"},
    {"reason", T::String, "", "why the entry is in the catalog; shown in diagnostics"},
    {"except", T::StringList, "",
     "wildcard entries: names below the scope the entry does not match"},
    {"library_namespace", T::Bool, "",
     "false: the entry names an application's type, its top namespace is "
     "not a library's"},
};

const AttributeSpec Blocking[] = {
    {"kind", T::Enum, "sleep;wait;sync-wait;io;cpu;process", "what kind of blocking"},
    {"severity", T::Enum, "warning;error", "default warning"},
    {"alternative", T::String, "", "the library's non-blocking way; shown in diagnostics"},
    {"min_arguments", T::Integer, "",
     "constructor entries: blocks only with at least this many explicit arguments"},
    {"non_blocking_members", T::StringList, "",
     "class-wide entries: methods that only query state"},
    {"event_loop", T::Bool, "",
     "runs an event loop; not reported in a coroutine that never suspends"},
    {"fd_call", T::Bool, "",
     "a call on a file descriptor; not reported in a function written for "
     "non-blocking descriptors"},
    {"ready_after_await", T::Bool, "",
     "a wait on an object that is complete already returns at once"},
    {"ready_from", T::StringList, "",
     "functions whose result is an object complete already"},
    {"ready_queries", T::StringList, "",
     "members of the object whose true result says it is complete "
     "(`available`): a wait just after one was seen true returns at once"},
    {"size_argument", T::Integer, "",
     "fd calls that write: index of the byte-count argument (the descriptor "
     "is argument 0); a few constant bytes into a pipe the code has just "
     "created cannot wait (see `pipes`)"},
    {"duration_argument", T::Integer, "",
     "sleeps: index of the argument that says how long (fix-its)"},
    {"duration_unit", T::String, "",
     "sleeps: the std::chrono duration a plain-number duration argument is in"},
    {"deadline_argument", T::Integer, "",
     "sleeps: index of the argument that says until when (fix-its)"},
};

const AttributeSpec Spawn[] = {
    {"kind", T::Enum, "task;thread", "what the call starts"},
    {"alternative", T::String, "", "the library's way to bound it"},
    {"lazy_tokens", T::StringList, "",
     "completion-token types with which the call only returns an operation "
     "started when awaited"},
    {"unless_argument", T::String, "",
     "an enumerator argument that makes the call start nothing"},
    {"result_waits", T::Bool, "",
     "the work cannot outlive the returned object"},
    {"join", T::StringList, "",
     "methods of the object spawned on that wait for all its work "
     "(`co_await`: awaiting the object)"},
    {"discarded", T::Bool, "",
     "the entry names a type; a discarded value of it leaves work running"},
    {"per_element", T::Integer, "",
     "index of the collection argument whose every element the call runs at once"},
};

const AttributeSpec Synchronization[] = {
    {"releases_lock", T::Bool, "",
     "an awaited wait that releases the lock passed to it until it resumes"},
};

const AttributeSpec ChannelSends[] = {
    {"result", T::Enum, "bool;status;error_code;tuple",
     "how the send reports whether the message was delivered"},
    {"alternative", T::String, "", "shown in diagnostics"},
    {"discarding_tokens", T::StringList, "",
     "completion-token types that throw the result away"},
    {"result_wrappers", T::StringList, "",
     "functions whose co_await yields the send's result"},
    {"drops_when", T::Enum, "closed",
     "closed: the send waits for room and fails only once the queue is closed"},
    {"room_after", T::StringList, "",
     "members of the queue after which a push has room: ones that empty it "
     "(`abort`), and ones whose future resolves once there is room "
     "(`not_full`), awaited or continued just before the push"},
};

const AttributeSpec LockGuards[] = {
    {"kind", T::Enum, "token",
     "token: the type does not lock, an object of it stands for a lock its "
     "holder has taken"},
    {"unlock_method", T::String, "",
     "the method that releases the lock before the guard's scope ends (fix-its)"},
};

const AttributeSpec Mutexes[] = {
    {"kind", T::Enum, "lock;unlock", "free functions that lock or unlock"},
    {"lock_methods", T::StringList, "", "lock methods when not the standard ones"},
    {"unlock_methods", T::StringList, "", "unlock methods when not the standard ones"},
};

const AttributeSpec NonSuspending[] = {
    {"when", T::Enum, "predicate_true",
     "completes at once only when its predicate argument is constant true"},
};

const AttributeSpec AwaitableTypes[] = {
    {"combinator", T::String, "", "the library's way to await several at once"},
    {"range_combinator", T::String, "", "the same over a range"},
    {"yield", T::String, "", "the library's way to give the scheduler a turn"},
    {"offload", T::String, "", "the library's way to move work to a thread pool"},
    {"event", T::String, "", "an awaitable event to wait on instead of polling a flag"},
    {"resumes_on_completion", T::Bool, "",
     "an awaited task resumes its awaiter on the thread that completed it"},
    {"stall_sensitive", T::Bool, "",
     "the scheduler stalls on any task longer than a fraction of a millisecond"},
};

const AttributeSpec Executors[] = {
    {"kind", T::Enum, "pool;loop;hop;shards",
     "pool / loop: an executor type; hop: an awaited call that moves the "
     "coroutine; shards: the shard count or range"},
    {"to", T::Enum, "pool;loop;argument", "hops: where the coroutine goes"},
    {"pattern", T::Enum, "glob;loose",
     "the name is a pattern for names no entry names: `*` matches any "
     "characters; loose: case and `_` ignored"},
};

const AttributeSpec ElementWork[] = {
    {"kind", T::Enum,
     "container;algorithm;inserter;view;iota;constant_time",
     "what the entry names (view: a range with at most its input's elements; "
     "iota: the integers between its two arguments; constant_time: a "
     "function whose loops do not grow with the data, amortised constant "
     "time per call)"},
    {"inserts", T::StringList, "", "containers: methods that add an element"},
    {"grows_in_blocks", T::Bool, "",
     "containers: storage grows by blocks, so adding a scalar element "
     "(number, pointer) allocates nothing per element"},
    {"pattern", T::Enum, "glob;loose",
     "the name is a pattern for names no entry names: `*` matches any "
     "characters; loose: case and `_` ignored"},
};

const AttributeSpec ViewTypes[] = {
    {"kind", T::Enum, "view;pointer;handle",
     "view: refers to data it does not own (span, buffer, iterator); pointer: "
     "a smart pointer, also read through get(); handle: read through get() "
     "but owns its value (optional)"},
    {"writes", T::Enum, "element;bytes",
     "what a holder can write through a non-const one: element: objects of "
     "its first template argument (span, reference_wrapper); bytes: raw "
     "memory (a mutable buffer)"},
    {"pattern", T::Enum, "glob;loose",
     "the name is a pattern for names no entry names: `*` matches any "
     "characters; loose: case and `_` ignored"},
};

const AttributeSpec RequestServices[] = {
    {"kind", T::Enum, "concurrent;ordered",
     "concurrent: each call is its own request, safe to run together; "
     "ordered: calls must stay in order (a stream, socket, file)"},
};

const AttributeSpec OrderedWords[] = {
    {"suffix", T::Bool, "",
     "the word also counts as the end of a longer word (`websocket`, `ostream`)"},
};

const AttributeSpec Accessors[] = {
    {"element", T::Bool, "",
     "the result is part of the object (an element, the held value): a "
     "write through it writes the object"},
};

const AttributeSpec NonBlockingMarkers[] = {
    {"kind", T::Enum, "macro;declaration",
     "macro: a name written in the code (`EAGAIN`, `O_NONBLOCK`); "
     "declaration: an enumerator, constant or function the code refers to "
     "(`coro::net::socket::blocking_t::no`)"},
};

const AttributeSpec Pipes[] = {
    {"array_argument", T::Integer, "",
     "index of the argument that receives the two descriptors"},
    {"write_end", T::Integer, "", "index of the write end in that array"},
    {"capacity", T::Integer, "",
     "bytes the pipe holds at least: writes into a fresh pipe that total "
     "no more cannot wait"},
    {"harmless_uses", T::StringList, "",
     "functions that take an end without writing to it (`close`)"},
};

const AttributeSpec Idioms[] = {
    {"sleep", T::String, "", "expression that waits {duration} without blocking"},
    {"sleep_period", T::String, "", "the tick of the duration `sleep` takes, N/D seconds"},
    {"sleep_until", T::String, "", "expression that waits until {deadline}"},
    {"sleep_until_clock", T::String, "", "the clock `sleep_until` takes deadlines of"},
    {"yield", T::String, "", "statement that gives the scheduler a turn"},
    {"all", T::String, "", "expression awaiting {operations|SEP} together"},
    {"include", T::StringList, "", "headers every replacement needs"},
    {"sleep_include", T::StringList, "", "headers only the sleep replacement needs"},
    {"yield_include", T::StringList, "", "headers only the yield replacement needs"},
    {"all_include", T::StringList, "", "headers only the combinator replacement needs"},
    {"sleep_objects", T::StringList, "",
     "types of a scheduler object in scope that {object->} in `sleep` may name"},
    {"yield_objects", T::StringList, "",
     "types of a scheduler object in scope that {object->} in `yield` may name"},
    {"object_hop", T::StringList, "",
     "methods whose call on the object shows the coroutine runs on it"},
    {"using", T::String, "", "a using-directive the replacement needs"},
};

const AttributeSpec Offload[] = {
    {"kind", T::Enum, "queue",
     "queue: hands the work it is given to another thread (a logging front end)"},
};

const AttributeSpec SizeQueries[] = {
    {"container", T::Bool, "",
     "true: a class with this member holds elements (a container, like one "
     "with `begin`), also when it has no `begin` (std::queue, std::stack)"},
};

const AttributeSpec BoundedCounts[] = {
    {"max", T::Integer, "",
     "the most objects of the type a program can have at once"},
};

const AttributeSpec SequentialCombinators[] = {
    {"per_element", T::Integer, "",
     "index of the collection argument (or the first of an iterator pair); "
     "the first callable argument after it is run on each element"},
};

const SectionSpec Sections[] = {
    {Section::Blocking, "blocking",
     "functions (or constructors, or classes) that block the calling thread",
     Blocking},
    {Section::Offload, "offload",
     "functions whose callable arguments run on another thread or later",
     Offload},
    {Section::Spawn, "spawn",
     "functions and constructors that start concurrent work and return without waiting",
     Spawn},
    {Section::Limiters, "limiters",
     "functions that bound concurrency when called or awaited before a spawn", {}},
    {Section::ConcurrentCombinators, "concurrent_combinators",
     "functions that await several awaitables concurrently", {}},
    {Section::Synchronization, "synchronization",
     "awaitable operations that order a coroutine", Synchronization},
    {Section::ChannelSends, "channel_sends",
     "sends whose result says whether the message was delivered", ChannelSends},
    {Section::Yields, "yields", "awaitables and functions that give the scheduler a turn", {}},
    {Section::CpuHeavy, "cpu_heavy", "functions that do heavy CPU work", {}},
    {Section::LockGuards, "lock_guards",
     "RAII types that hold a synchronous lock while alive; lock tokens", LockGuards},
    {Section::Mutexes, "mutexes",
     "synchronous mutex types; free lock and unlock functions", Mutexes},
    {Section::AsyncLocks, "async_locks",
     "coroutine-aware lock guard types, meant to be held across awaits", {}},
    {Section::NonSuspendingAwaitables, "non_suspending_awaitables",
     "awaitable types or objects whose co_await never suspends", NonSuspending},
    {Section::AwaitableTypes, "awaitable_types",
     "task and awaitable types of a library, used to word suggestions", AwaitableTypes},
    {Section::Executors, "executors",
     "executor types (pools, event loops) and awaited calls that move a coroutine",
     Executors},
    {Section::ElementWork, "element_work",
     "per-element work: containers' insertions, algorithms, inserting iterators",
     ElementWork},
    {Section::SpinHints, "spin_hints",
     "calls a polling loop makes between polls that wait for nothing (CPU "
     "pause, OS yield, fences): such a loop still busy-waits", {}},
    {Section::ViewTypes, "view_types",
     "types whose values refer to other objects: copying one does not copy "
     "what it refers to", ViewTypes},
    {Section::MutatingVerbs, "mutating_verbs",
     "first words of function names that say the call changes state "
     "somewhere (`write`, `createUser`, `async_send`); the name is the word",
     {}},
    {Section::SizeQueries, "size_queries",
     "functions and members (by last name component) whose result is the "
     "size of some data (`size`, `std::distance`)", SizeQueries},
    {Section::StateQueries, "state_queries",
     "members (by name) that read an object's state without waiting for its "
     "work (`joinable`, `valid`)", {}},
    {Section::Idioms, "idioms",
     "a coroutine library's own spelling of the replacements fix-its write",
     Idioms},
    {Section::RequestServices, "request_services",
     "types of objects whose calls are, or are not, independent requests",
     RequestServices},
    {Section::BoundedCounts, "bounded_counts",
     "types a program has at most a few objects of (`max`, a compile-time "
     "limit of the library): a collection of them, or a loop over one, is "
     "small", BoundedCounts},
    {Section::EmptinessQueries, "emptiness_queries",
     "members (by name) whose true result says an object (a container, a "
     "queue) holds nothing (`empty`)", {}},
    {Section::OrderedWords, "ordered_words",
     "words of a class name (`stream`, `socket`, `file`) that say its calls "
     "are kept in order by the object itself, not independent requests; "
     "the name is the word, lower case", OrderedWords},
    {Section::AddresseeWords, "addressee_words",
     "words of a parameter or its type's name (`id`, `endpoint`, `host`, "
     "`key`) that say the argument names where a request goes or the "
     "record it acts on; the name is the word, lower case", {}},
    {Section::Accessors, "accessors",
     "member functions that are non-const only to hand out access to the "
     "object's data and change nothing themselves (`begin`, `find`, "
     "`front`, `operator[]`), adding or removing no element; a bare name "
     "applies to the standard library's classes, a qualified one to its "
     "own class", Accessors},
    {Section::NonBlockingMarkers, "non_blocking_markers",
     "names whose use in a function (or in another member of its class) "
     "says the descriptors it works on are non-blocking: a read or write "
     "there returns instead of waiting", NonBlockingMarkers},
    {Section::Pipes, "pipes",
     "functions that create a pipe into an array of two descriptors they "
     "are given (`pipe`)", Pipes},
    {Section::SequentialCombinators, "sequential_combinators",
     "functions that run a function on each element of a collection, one "
     "element's call after the previous one's result is ready "
     "(`seastar::do_for_each`)", SequentialCombinators},
};
static_assert(std::size(Sections) == SectionCount, "one spec per Section");

nlohmann::ordered_json attributeSchema(const AttributeSpec &A) {
  nlohmann::ordered_json S;
  switch (A.Type) {
  case T::String:
    S["type"] = "string";
    if (llvm::StringRef(A.Key) == "name")
      S["minLength"] = 1;
    break;
  case T::Bool:
    S["type"] = "boolean";
    break;
  case T::StringList:
    S["type"] = "array";
    S["items"] = {{"type", "string"}, {"minLength", 1}, {"pattern", "^[^;]*$"}};
    break;
  case T::Integer:
    S["type"] = "integer";
    S["minimum"] = 0;
    break;
  case T::Enum: {
    nlohmann::ordered_json Values = nlohmann::ordered_json::array();
    for (llvm::StringRef V : enumValues(A))
      Values.push_back(V.str());
    S["enum"] = Values;
    break;
  }
  }
  S["description"] = A.Description;
  return S;
}

} // namespace

llvm::ArrayRef<SectionSpec> sectionSpecs() { return Sections; }

llvm::ArrayRef<AttributeSpec> commonAttributes() { return Common; }

const SectionSpec &sectionSpec(Section S) {
  return Sections[static_cast<std::size_t>(S)];
}

const AttributeSpec *findAttribute(Section S, llvm::StringRef Key) {
  for (const AttributeSpec &A : sectionSpec(S).Attributes)
    if (Key == A.Key)
      return &A;
  for (const AttributeSpec &A : Common)
    if (Key == A.Key)
      return &A;
  return nullptr;
}

llvm::SmallVector<llvm::StringRef, 8> enumValues(const AttributeSpec &A) {
  llvm::SmallVector<llvm::StringRef, 8> Out;
  llvm::StringRef(A.Values).split(Out, ';', -1, /*KeepEmpty=*/false);
  return Out;
}

std::string ruleSchemaJson() {
  using J = nlohmann::ordered_json;
  J Doc;
  Doc["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  Doc["title"] = "corolint rule catalog";
  Doc["description"] =
      "What corolint knows about a library (docs/rules.md). Generated from "
      "checks/support/RuleSchema.cpp; do not edit by hand.";
  Doc["type"] = "object";
  Doc["required"] = J::array({"library"});
  J Props;
  Props["$schema"] = {{"type", "string"}};
  Props["$comment"] = {{"type", "string"}};
  Props["library"] = {{"type", "string"},
                      {"minLength", 1},
                      {"description", "a short name used in messages"}};
  Props["namespace_aliases"] = {
      {"type", "object"},
      {"additionalProperties", {{"type", "string"}}},
      {"description", "qualified-name prefixes that mean the same as another prefix"}};
  J Defs;
  for (const SectionSpec &S : Sections) {
    Props[S.Key] = {{"type", "array"},
                    {"description", S.Description},
                    {"items", {{"$ref", std::string("#/$defs/") + S.Key}}}};
    J Entry;
    Entry["type"] = "object";
    Entry["required"] = J::array({"name"});
    Entry["additionalProperties"] = false;
    J EntryProps;
    EntryProps["$comment"] = {{"type", "string"}};
    for (const AttributeSpec &A : Common)
      EntryProps[A.Key] = attributeSchema(A);
    for (const AttributeSpec &A : S.Attributes)
      EntryProps[A.Key] = attributeSchema(A);
    Entry["properties"] = EntryProps;
    Defs[S.Key] = Entry;
  }
  Doc["properties"] = Props;
  Doc["additionalProperties"] = false;
  Doc["$defs"] = Defs;
  return Doc.dump(2) + "\n";
}

} // namespace corolint
