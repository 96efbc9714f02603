// The typed catalog schema: the validator the loader runs, and
// rules/schema.json generated from the same table.
#include "support/EmbeddedRules.h"
#include "support/RuleCatalog.h"
#include "support/RuleSchema.h"

#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace corolint {
namespace {

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

/// The one error of loading Text, which must fail.
RuleError onlyError(const std::string &Text) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  EXPECT_FALSE(Catalog.addFile("f.json", Text, Errors)) << Text;
  EXPECT_EQ(Errors.size(), 1u) << Text;
  return Errors.empty() ? RuleError{} : Errors.front();
}

TEST(RuleCatalogSchema, CommittedSchemaIsGenerated) {
  std::string Committed = readFile(COROLINT_RULES_DIR "/schema.json");
  ASSERT_FALSE(Committed.empty()) << "rules/schema.json missing";
  EXPECT_EQ(Committed, ruleSchemaJson())
      << "rules/schema.json is stale: build/bin/corolint-rule-schema > "
         "rules/schema.json";
}

TEST(RuleCatalogSchema, SchemaHasEverySectionAndAttribute) {
  auto Schema = nlohmann::json::parse(ruleSchemaJson());
  for (const SectionSpec &S : sectionSpecs()) {
    ASSERT_TRUE(Schema["properties"].contains(S.Key)) << S.Key;
    const auto &Props = Schema["$defs"][S.Key]["properties"];
    for (const AttributeSpec &A : S.Attributes)
      EXPECT_TRUE(Props.contains(A.Key)) << S.Key << "." << A.Key;
    EXPECT_EQ(Props["name"]["type"], "string");
  }
  EXPECT_EQ(Schema["$defs"]["blocking"]["properties"]["fd_call"]["type"], "boolean");
  EXPECT_EQ(Schema["$defs"]["blocking"]["properties"]["kind"]["enum"],
            nlohmann::json({"sleep", "wait", "sync-wait", "io", "cpu", "process"}));
  EXPECT_EQ(Schema["$defs"]["element_work"]["properties"]["inserts"]["type"], "array");
  EXPECT_EQ(Schema["$defs"]["spawn"]["properties"]["per_element"]["type"], "integer");
  EXPECT_FALSE(Schema["$defs"]["async_locks"]["properties"].contains("mutex"));
}

TEST(RuleCatalogSchema, EveryShippedCatalogIsTypedAndNamesTheSchema) {
  for (const EmbeddedRuleFile &F : embeddedRuleFiles()) {
    auto Doc = nlohmann::json::parse(F.Text);
    EXPECT_EQ(Doc.value("$schema", ""), "./schema.json") << F.Path;
    RuleCatalog Catalog;
    std::vector<RuleError> Errors;
    EXPECT_TRUE(Catalog.addFile(F.Path, F.Text, Errors)) << F.Path;
    for (const RuleError &E : Errors)
      ADD_FAILURE() << E.str();
  }
}

TEST(RuleCatalogSchema, MisspeltAttributeIsALocatedErrorWithDidYouMean) {
  RuleError E = onlyError("{\"library\": \"x\",\n \"blocking\": [\n"
                          "  {\"name\": \"f\", \"fd_cal\": true}]}");
  EXPECT_EQ(E.str(), "f.json:3:27: unknown attribute 'fd_cal' in section "
                     "'blocking'; did you mean 'fd_call'?");
  // An attribute of another section is unknown here, and far from any
  // of this section's: no suggestion.
  E = onlyError("{\"library\": \"x\", \"blocking\": [{\"name\": \"f\", "
                "\"releases_lock\": true}]}");
  EXPECT_EQ(E.Message, "unknown attribute 'releases_lock' in section 'blocking'");
  // The attribute deleted as dead is unknown now.
  E = onlyError("{\"library\": \"x\", \"async_locks\": [{\"name\": \"m\", "
                "\"mutex\": true}]}");
  EXPECT_NE(E.Message.find("unknown attribute 'mutex'"), std::string::npos);
}

TEST(RuleCatalogSchema, BadEnumValueIsALocatedErrorWithDidYouMean) {
  RuleError E = onlyError("{\"library\": \"x\",\n \"blocking\": [\n"
                          "  {\"name\": \"f\", \"kind\": \"disk\"}]}");
  EXPECT_EQ(E.str(), "f.json:3:25: unknown value \"disk\" for 'kind'; expected "
                     "one of \"sleep\", \"wait\", \"sync-wait\", \"io\", \"cpu\", "
                     "\"process\"");
  E = onlyError("{\"library\": \"x\", \"blocking\": [{\"name\": \"f\", \"kind\": \"slep\"}]}");
  EXPECT_NE(E.Message.find("did you mean \"sleep\"?"), std::string::npos) << E.Message;
  // Each section has its own kinds.
  E = onlyError("{\"library\": \"x\", \"spawn\": [{\"name\": \"f\", \"kind\": \"io\"}]}");
  EXPECT_NE(E.Message.find("expected one of \"task\", \"thread\""), std::string::npos)
      << E.Message;
  E = onlyError("{\"library\": \"x\", \"yields\": [{\"name\": \"f\", \"kind\": \"io\"}]}");
  EXPECT_NE(E.Message.find("unknown attribute 'kind' in section 'yields'"),
            std::string::npos)
      << E.Message;
}

TEST(RuleCatalogSchema, UnknownSectionSuggestsTheNearest) {
  RuleError E = onlyError("{\"library\": \"x\", \"blockign\": []}");
  EXPECT_NE(E.Message.find("unknown section 'blockign'; did you mean 'blocking'?"),
            std::string::npos)
      << E.Message;
}

TEST(RuleCatalogSchema, WrongTypesAreLocatedErrors) {
  struct Case {
    const char *Text;
    const char *Message;
  } Cases[] = {
      {R"({"library": "x", "blocking": [{"name": "f", "fd_call": 1}]})",
       "expected true or false for 'fd_call'"},
      {R"({"library": "x", "blocking": [{"name": "f", "min_arguments": -1}]})",
       "expected a non-negative integer for 'min_arguments'"},
      {R"({"library": "x", "blocking": [{"name": "f", "min_arguments": 1.5}]})",
       "expected a non-negative integer for 'min_arguments'"},
      {R"({"library": "x", "element_work": [{"name": "f", "inserts": [1]}]})",
       "expected a non-empty string in 'inserts'"},
      {R"({"library": "x", "element_work": [{"name": "f", "inserts": ["a;b"]}]})",
       "expected one name per item of 'inserts', not a ';'-joined list"},
      {R"({"library": "x", "element_work": [{"name": "f", "inserts": {}}]})",
       "expected an array of strings for 'inserts'"},
      {R"({"library": "x", "blocking": [{"name": "f", "reason": true}]})",
       "expected a string for 'reason'"},
      {R"({"library": "x", "$schema": 3})", "expected a string for '$schema'"},
  };
  for (const Case &C : Cases)
    EXPECT_EQ(onlyError(C.Text).Message, C.Message) << C.Text;
}

TEST(RuleCatalogSchema, LegacyStringFormIsRejectedNamingTheTypedSpelling) {
  struct Case {
    const char *Text;
    const char *Fragment;
  } Cases[] = {
      {R"({"library": "x", "blocking": [{"name": "f", "fd_call": "true"}]})",
       "expected true, not the string \"true\", for 'fd_call'"},
      {R"({"library": "x", "lock_guards": [{"name": "f", "library_namespace": "false"}]})",
       "expected false, not the string \"false\", for 'library_namespace'"},
      {R"({"library": "x", "element_work": [{"name": "f", "inserts": "push; emplace"}]})",
       "expected an array [\"push\", \"emplace\"], not a ';'-joined string, for 'inserts'"},
      {R"({"library": "x", "spawn": [{"name": "f", "per_element": "0"}]})",
       "expected 0, not the string \"0\", for 'per_element'"},
  };
  for (const Case &C : Cases) {
    RuleError E = onlyError(C.Text);
    EXPECT_NE(E.Message.find(C.Fragment), std::string::npos) << E.Message;
    EXPECT_NE(E.Message.find("scripts/catalog-upgrade.py"), std::string::npos)
        << E.Message;
  }
}

TEST(RuleCatalogSchema, TypedValuesAreRead) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  ASSERT_TRUE(Catalog.addFile("t.json", R"({
    "$schema": "./schema.json", "$comment": "typed", "library": "t",
    "blocking": [{"name": "t::read", "fd_call": true, "event_loop": false,
                  "min_arguments": 2, "non_blocking_members": ["is_open", "eof"],
                  "$comment": "an entry's comment"}],
    "lock_guards": [{"name": "app::Guard", "library_namespace": false}]})",
                              Errors))
      << (Errors.empty() ? "" : Errors.front().str());
  const RuleEntry *Read = Catalog.lookup(Section::Blocking, "t::read");
  ASSERT_NE(Read, nullptr);
  EXPECT_EQ(Read->attribute("fd_call"), "true");
  EXPECT_EQ(Read->attribute("event_loop"), "false");
  EXPECT_EQ(Read->attribute("min_arguments"), "2");
  EXPECT_TRUE(Read->lists("non_blocking_members", "eof"));
  EXPECT_FALSE(Read->lists("non_blocking_members", "read"));
  EXPECT_EQ(Read->attribute("$comment"), "");
}

} // namespace
} // namespace corolint

namespace corolint {
namespace {

TEST(RuleCatalogSchema, NamePatternsAreAFallbackByKind) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  ASSERT_TRUE(Catalog.addFile("p.json", R"({"library": "p",
    "executors": [
      {"name": "app::Pool", "kind": "loop"},
      {"name": "*thread_pool*", "pattern": "loose", "kind": "pool"},
      {"name": "*schedule*", "pattern": "loose", "kind": "hop", "to": "argument"}],
    "view_types": [{"name": "*_ptr", "pattern": "glob", "kind": "pointer"}]})",
                              Errors))
      << (Errors.empty() ? "" : Errors.front().str());
  auto Pool = [](const RuleEntry &E) { return E.Kind == "pool"; };
  auto Hop = [](const RuleEntry &E) { return E.Kind == "hop"; };
  // Loose: case and '_' ignored.
  EXPECT_NE(Catalog.lookupPattern(Section::Executors, "folly::CPUThreadPoolExecutor", Pool),
            nullptr);
  EXPECT_NE(Catalog.lookupPattern(Section::Executors, "coro::thread_pool", Pool), nullptr);
  EXPECT_EQ(Catalog.lookupPattern(Section::Executors, "coro::thread_pool", Hop), nullptr);
  EXPECT_NE(Catalog.lookupPattern(Section::Executors, "app::Reschedule", Hop), nullptr);
  EXPECT_EQ(Catalog.lookupPattern(Section::Executors, "app::post", Hop), nullptr);
  // Patterns are not entries: exact look-ups never see them.
  EXPECT_EQ(Catalog.lookup(Section::Executors, "coro::thread_pool"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Executors, "app::Pool")->Kind, "loop");
  // Glob: as written.
  EXPECT_NE(Catalog.lookupPattern(Section::ViewTypes, "app::node_ptr", nullptr), nullptr);
  EXPECT_EQ(Catalog.lookupPattern(Section::ViewTypes, "app::NODE_PTR", nullptr), nullptr);
  EXPECT_EQ(Catalog.lookupPattern(Section::ViewTypes, "app::node_ptr_t", nullptr), nullptr);
  // Other sections have no patterns.
  EXPECT_EQ(Catalog.lookupPattern(Section::Blocking, "coro::thread_pool", nullptr), nullptr);
  RuleError E = onlyError(R"({"library": "p", "blocking": [{"name": "*x*", "pattern": "glob"}]})");
  EXPECT_NE(E.Message.find("unknown attribute 'pattern' in section 'blocking'"),
            std::string::npos)
      << E.Message;
}

TEST(RuleCatalogSchema, KnowledgeMovedOutOfTheChecksIsInTheShippedCatalogs) {
  std::vector<RuleError> Errors;
  auto Catalog = RuleCatalog::get({}, Errors);
  EXPECT_TRUE(Errors.empty());
  for (const char *Hint : {"std::this_thread::yield", "sched_yield", "_mm_pause",
                           "std::atomic_thread_fence"})
    EXPECT_NE(Catalog->lookup(Section::SpinHints, Hint), nullptr) << Hint;
  EXPECT_EQ(Catalog->lookup(Section::SpinHints, "std::this_thread::sleep_for"), nullptr);
  for (const char *Verb : {"write", "send", "create", "poll"})
    EXPECT_NE(Catalog->lookup(Section::MutatingVerbs, Verb), nullptr) << Verb;
  for (const char *Word : {"get", "fetch", "read", "compute"})
    EXPECT_EQ(Catalog->lookup(Section::MutatingVerbs, Word), nullptr) << Word;
  EXPECT_EQ(Catalog->lookup(Section::ViewTypes, "std::optional")->Kind, "handle");
  EXPECT_EQ(Catalog->lookup(Section::ViewTypes, "boost::asio::const_buffer")->Kind, "view");
  EXPECT_EQ(Catalog->lookup(Section::ViewTypes, "std::vector"), nullptr);
  EXPECT_NE(Catalog->lookupPattern(Section::ViewTypes, "app::Widget::Ref", nullptr), nullptr);
  EXPECT_NE(Catalog->lookupPattern(Section::ViewTypes, "app::const_iterator", nullptr), nullptr);
  EXPECT_EQ(Catalog->lookupPattern(Section::ViewTypes, "app::Widget", nullptr), nullptr);
  EXPECT_NE(Catalog->lookup(Section::StateQueries, "joinable"), nullptr);
  EXPECT_EQ(Catalog->lookup(Section::StateQueries, "join"), nullptr);
  EXPECT_NE(Catalog->lookup(Section::SizeQueries, "distance"), nullptr);
  EXPECT_EQ(Catalog->lookup(Section::SizeQueries, "front"), nullptr);
  auto Pool = [](const RuleEntry &E) { return E.Kind == "pool"; };
  EXPECT_NE(Catalog->lookupPattern(Section::Executors, "acme::ThreadPool", Pool), nullptr);
  EXPECT_EQ(Catalog->lookupPattern(Section::Executors, "acme::EventLoop", Pool), nullptr);
}

} // namespace
} // namespace corolint
