#include "support/CoroCheck.h"
#include "support/EmbeddedRules.h"
#include "support/RuleCatalog.h"

#include <fstream>
#include <map>
#include <gtest/gtest.h>

namespace corolint {
namespace {

TEST(RuleCatalog, EmbeddedCatalogsLoadWithoutErrors) {
  ASSERT_FALSE(embeddedRuleFiles().empty());
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  for (const EmbeddedRuleFile &F : embeddedRuleFiles())
    EXPECT_TRUE(Catalog.addFile(F.Path, F.Text, Errors)) << F.Path;
  for (const RuleError &E : Errors)
    ADD_FAILURE() << E.str();
  EXPECT_NE(Catalog.lookup(Section::Blocking, "std::this_thread::sleep_for"),
            nullptr);
  EXPECT_NE(Catalog.lookup(Section::LockGuards, "std::lock_guard"), nullptr);
}

std::string describe(const RuleEntry &E) {
  std::string Out = E.Name + "|" + E.Library + "|" + E.Kind + "|" + E.Reason +
                    "|" + E.Alternative + "|" + (E.IsError ? "error" : "");
  std::map<std::string, std::string> Sorted;
  for (const auto &A : E.Attributes)
    Sorted[A.getKey().str()] = A.getValue();
  for (const auto &[K, V] : Sorted)
    Out += "|" + K + "=" + V;
  return Out;
}

// The table the build compiles rules/*.json into (what every process loads)
// holds exactly what reading the JSON files gives.
TEST(RuleCatalog, CompiledTableEqualsTheCatalogFiles) {
  RuleCatalog FromFiles;
  std::vector<RuleError> Errors;
  for (const EmbeddedRuleFile &F : embeddedRuleFiles())
    ASSERT_TRUE(FromFiles.addFile(F.Path, F.Text, Errors)) << F.Path;
  std::shared_ptr<const RuleCatalog> FromTable = RuleCatalog::fromEmbeddedTable();
  std::size_t Total = 0;
  for (std::size_t I = 0; I < SectionCount; ++I) {
    Section S = static_cast<Section>(I);
    std::map<std::string, std::string> A, B;
    for (const auto &E : FromFiles.entries(S))
      A[E.getKey().str()] = describe(E.getValue());
    for (const auto &E : FromTable->entries(S))
      B[E.getKey().str()] = describe(E.getValue());
    EXPECT_EQ(A, B) << sectionKey(S).str();
    std::vector<std::string> PA, PB;
    for (const RuleEntry &E : FromFiles.patterns(S))
      PA.push_back(describe(E));
    for (const RuleEntry &E : FromTable->patterns(S))
      PB.push_back(describe(E));
    EXPECT_EQ(PA, PB) << sectionKey(S).str();
    Total += A.size() + PA.size();
  }
  EXPECT_GT(Total, 1000u);
  EXPECT_EQ(FromFiles.namespaceAliases(), FromTable->namespaceAliases());
  EXPECT_FALSE(FromTable->namespaceAliases().empty());
  EXPECT_TRUE(FromTable->isLibraryName("asio::post"));
  EXPECT_TRUE(FromTable->isLibraryName("seastar::sleep"));
  EXPECT_FALSE(FromTable->isLibraryName("myapp::post"));
}

TEST(RuleCatalog, SyntaxErrorIsLocated) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  EXPECT_FALSE(Catalog.addFile("bad.json",
                               "{\n  \"library\": \"x\",\n  \"blocking\": [\n"
                               "    {\"name\": \"a\",}\n  ]\n}\n",
                               Errors));
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_EQ(Errors[0].File, "bad.json");
  EXPECT_EQ(Errors[0].Line, 4u);
  EXPECT_EQ(Errors[0].Column, 18u);
  EXPECT_NE(Errors[0].Message.find("expected string literal"), std::string::npos)
      << Errors[0].Message;
}

TEST(RuleCatalog, SchemaErrorsAreLocatedAtTheOffendingValue) {
  struct Case {
    const char *Text;
    unsigned Line, Column;
    const char *Fragment;
  } Cases[] = {
      {"{\"library\": \"x\",\n \"blocking\": [{\"name\": 3}]}", 2, 24,
       "expected a string for 'name'"},
      {"{\"library\": \"x\",\n \"blockign\": []}", 2, 14,
       "unknown section 'blockign'"},
      {"{\"blocking\": []}", 1, 1, "expected a string for 'library'"},
      {"{\"library\": \"x\", \"spawn\": [{}, {\"kind\": \"task\"}]}", 1, 28,
       "expected a non-empty string for 'name'"},
      {"{\"library\": \"x\", \"blocking\": [{\"name\": \"f\", \"severity\": \"fatal\"}]}",
       1, 57, "expected one of \"warning\", \"error\""},
      {"[1, 2]", 1, 1, "expected a JSON object"},
  };
  for (const Case &C : Cases) {
    RuleCatalog Catalog;
    std::vector<RuleError> Errors;
    EXPECT_FALSE(Catalog.addFile("f.json", C.Text, Errors)) << C.Text;
    ASSERT_EQ(Errors.size(), 1u) << C.Text;
    EXPECT_EQ(Errors[0].Line, C.Line) << C.Text;
    EXPECT_EQ(Errors[0].Column, C.Column) << C.Text;
    EXPECT_NE(Errors[0].Message.find(C.Fragment), std::string::npos)
        << Errors[0].Message;
    EXPECT_EQ(Catalog.size(Section::Blocking) + Catalog.size(Section::Spawn), 0u);
  }
}

TEST(RuleCatalog, NamespaceAliasesAndLeadingColons) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  ASSERT_TRUE(Catalog.addFile("a.json", R"({
    "library": "asio", "namespace_aliases": {"boost::asio": "asio"},
    "blocking": [{"name": "asio::io_context::run", "severity": "error"},
                 {"name": "::usleep", "reason": "sleeps"}]})",
                              Errors));
  const RuleEntry *Run = Catalog.lookup(Section::Blocking, "boost::asio::io_context::run");
  ASSERT_NE(Run, nullptr);
  EXPECT_TRUE(Run->IsError);
  EXPECT_EQ(Run->Library, "asio");
  ASSERT_NE(Catalog.lookup(Section::Blocking, "usleep"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "usleep")->Reason, "sleeps");
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "boost::asio::io_context::stop"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Spawn, "asio::io_context::run"), nullptr);
}

TEST(RuleCatalog, WildcardEntriesWithExceptions) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  ASSERT_TRUE(Catalog.addFile("w.json", R"({
    "library": "fs", "namespace_aliases": {"boost::filesystem": "fs"},
    "blocking": [{"name": "fs::*", "reason": "any", "except": ["path", "operator*"]},
                 {"name": "fs::status_known", "reason": "exact"}]})",
                              Errors));
  const RuleEntry *Exists = Catalog.lookup(Section::Blocking, "fs::exists");
  ASSERT_NE(Exists, nullptr);
  EXPECT_EQ(Exists->Reason, "any");
  EXPECT_NE(Catalog.lookup(Section::Blocking, "fs::directory_iterator::directory_iterator"), nullptr);
  EXPECT_NE(Catalog.lookup(Section::Blocking, "boost::filesystem::space"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "fs::status_known")->Reason, "exact");
  // Excepted: the item itself, names inside it, names ending in it.
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "fs::path"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "fs::path::filename"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "fs::directory_iterator::operator*"), nullptr);
  // Not in the scope at all.
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "fsx::exists"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Blocking, "exists"), nullptr);
  EXPECT_EQ(Catalog.lookup(Section::Offload, "fs::exists"), nullptr);
}

TEST(RuleCatalog, WithNamesAddsOptionNamesAndRegexes) {
  std::vector<RuleError> Errors;
  auto Base = RuleCatalog::get({}, Errors);
  auto Extended = RuleCatalog::withNames(Base, Section::NonSuspendingAwaitables,
                                         "app::ready_t;app::.*_now_t", "opt");
  EXPECT_EQ(Base->lookup(Section::NonSuspendingAwaitables, "app::ready_t"),
            nullptr);
  const RuleEntry *Exact =
      Extended->lookup(Section::NonSuspendingAwaitables, "app::ready_t");
  ASSERT_NE(Exact, nullptr);
  EXPECT_EQ(Exact->Reason, "opt");
  EXPECT_NE(Extended->lookup(Section::NonSuspendingAwaitables, "app::clock_now_t"),
            nullptr);
  EXPECT_EQ(Extended->lookup(Section::NonSuspendingAwaitables, "app::later_t"),
            nullptr);
  EXPECT_EQ(Extended->lookup(Section::Blocking, "app::ready_t"), nullptr);
  // The catalog's own entries are still there, and the result is shared.
  EXPECT_NE(Extended->lookup(Section::NonSuspendingAwaitables, "std::suspend_never"),
            nullptr);
  EXPECT_EQ(Extended, RuleCatalog::withNames(Base, Section::NonSuspendingAwaitables,
                                             "app::ready_t;app::.*_now_t", "opt"));
  EXPECT_EQ(Base, RuleCatalog::withNames(Base, Section::NonSuspendingAwaitables,
                                         " ; ", "opt"));
}

TEST(RuleCatalog, ApplicationTypesDoNotMakeALibraryNamespace) {
  std::vector<RuleError> Errors;
  auto Catalog = RuleCatalog::get({}, Errors);
  // workerd::jsg::Lock is catalogued with library_namespace false.
  EXPECT_NE(Catalog->lookup(Section::LockGuards, "workerd::jsg::Lock"), nullptr);
  EXPECT_FALSE(Catalog->isLibraryName("workerd::api::send"));
  EXPECT_TRUE(Catalog->isLibraryName("kj::Locked"));
}

TEST(RuleCatalog, BadUserFileIsReportedAndTheRestStillLoads) {
  std::string Good = ::testing::TempDir() + "/corolint-good.json";
  std::string Bad = ::testing::TempDir() + "/corolint-bad.json";
  std::ofstream(Good) << R"({"library": "acme", "blocking": [{"name": "acme::wait"}]})";
  std::ofstream(Bad) << "{\"library\": \"acme\", \"blocking\": [\n  {\"name\": 1}]}";
  std::vector<RuleError> Errors;
  auto Catalog = RuleCatalog::get({Bad, Good, "/nonexistent/rules.json"}, Errors);
  ASSERT_EQ(Errors.size(), 2u);
  EXPECT_EQ(Errors[0].str(), Bad + ":2:12: expected a string for 'name'");
  EXPECT_EQ(Errors[1].File, "/nonexistent/rules.json");
  EXPECT_NE(Errors[1].Message.find("cannot read rule file"), std::string::npos);
  EXPECT_NE(Catalog->lookup(Section::Blocking, "acme::wait"), nullptr);
  EXPECT_NE(Catalog->lookup(Section::Blocking, "std::this_thread::sleep_for"), nullptr);
  // Loaded once: the same list gives the same catalog and no new errors.
  std::vector<RuleError> Again;
  EXPECT_EQ(RuleCatalog::get({Bad, Good, "/nonexistent/rules.json"}, Again), Catalog);
  EXPECT_TRUE(Again.empty());
}

// docs/rules.md: files named in the global option or in any check's option
// are loaded for every check.
TEST(RuleCatalog, RuleFilesOfEveryOptionAreLoadedForEveryCheck) {
  clang::tidy::ClangTidyOptions::OptionMap Options;
  Options["RuleFiles"] = clang::tidy::ClangTidyOptions::ClangTidyValue("a.json; b.json");
  Options["coro-blocking-call.RuleFiles"] =
      clang::tidy::ClangTidyOptions::ClangTidyValue("c.json;a.json");
  Options["coro-awaitless-loop.RuleFiles"] =
      clang::tidy::ClangTidyOptions::ClangTidyValue("d.json");
  Options["other-check.RuleFiles"] = clang::tidy::ClangTidyOptions::ClangTidyValue("x.json");
  Options["coro-blocking-call.ExtraBlockingFunctions"] =
      clang::tidy::ClangTidyOptions::ClangTidyValue("y.json");
  EXPECT_EQ(allRuleFiles(Options),
            std::vector<std::string>({"a.json", "b.json", "d.json", "c.json"}));
  EXPECT_TRUE(allRuleFiles({}).empty());
}

} // namespace
} // namespace corolint
