// support/Summaries: the record, its JSON round trip, merging and the
// resolution of chains over the USR graph (recursion included).
#include "support/Summaries.h"

#include <gtest/gtest.h>

using namespace corolint;

namespace {

FunctionSummary fn(const std::string &USR, std::vector<std::string> Calls,
                   bool Blocks = false, const std::string &File = "/p/a.cpp") {
  FunctionSummary F;
  F.USR = USR;
  F.Name = "ns::" + USR;
  F.Definition = {File, 3, 6, 40};
  unsigned Line = 4;
  for (const std::string &C : Calls)
    F.Calls.push_back({C, "ns::" + C, {File, Line++, 3, 60}});
  if (Blocks)
    F.Blocks = SummaryBlock{"fsync", "waits for the disk", "", false, {File, 9, 5, 90}};
  return F;
}

SummarySet setOf(std::vector<FunctionSummary> Fs) {
  SummarySet S;
  for (FunctionSummary &F : Fs) {
    std::string Id = F.USR;
    S.Functions.emplace(Id, std::move(F));
  }
  return S;
}

SummaryLookup lookupIn(const SummarySet &S) {
  return [&S](const std::string &USR) -> const FunctionSummary * {
    auto It = S.Functions.find(USR);
    return It == S.Functions.end() ? nullptr : &It->second;
  };
}

TEST(Summaries, JsonRoundTripKeepsEveryField) {
  SummarySet S = setOf({fn("a", {"b", "ext"}), fn("b", {}, true, "/p/b.cpp")});
  S.FileHashes["/p/a.cpp"] = contentHash("int a;");
  PendingCall P;
  P.TU = "/p/main.cpp";
  P.Coroutine = "serve";
  P.Helper = "ns::a";
  P.USR = "a";
  P.At = {"/p/main.cpp", 10, 16, 120};
  P.Length = 13;
  P.MaxDepth = 4;
  P.Function = "serve()";
  P.FunctionBegin = 100;
  P.FunctionEnd = 200;
  S.Pending.push_back(P);
  std::string Text = writeSummaries(S);
  SummaryError E;
  std::optional<SummarySet> Back = readSummaries(Text, "s.json", E);
  ASSERT_TRUE(Back) << E.str();
  EXPECT_EQ(writeSummaries(*Back), Text);
  ASSERT_EQ(Back->Pending.size(), 1u);
  EXPECT_EQ(Back->Pending[0].Length, 13u);
  EXPECT_EQ(Back->Pending[0].Function, "serve()");
  EXPECT_EQ(Back->Functions.at("b").Blocks->Reason, "waits for the disk");
  EXPECT_EQ(Back->Functions.at("a").Calls[1].At.Line, 5u);
  EXPECT_EQ(Back->FileHashes.at("/p/a.cpp"), contentHash("int a;"));
  // Without the pending calls (corolint summarize).
  std::optional<SummarySet> NoPending =
      readSummaries(writeSummaries(S, false), "s.json", E);
  ASSERT_TRUE(NoPending);
  EXPECT_TRUE(NoPending->Pending.empty());
  EXPECT_EQ(NoPending->Functions.size(), 2u);
}

TEST(Summaries, MalformedFilesAreLocatedErrors) {
  SummaryError E;
  EXPECT_FALSE(readSummaries("{\n \"corolint-summaries\": 2,\n \"files\": [}", "s.json", E));
  EXPECT_EQ(E.File, "s.json");
  EXPECT_EQ(E.Line, 3u);
  EXPECT_NE(E.Message.find("malformed JSON"), std::string::npos) << E.str();

  EXPECT_FALSE(readSummaries("[]", "s.json", E));
  EXPECT_EQ(E.str(), "s.json:1:1: a summary file is a JSON object");
  EXPECT_FALSE(readSummaries("{\"x\": 1}", "s.json", E));
  EXPECT_NE(E.Message.find("not a corolint summary file"), std::string::npos);

  std::string Bad = "{\n \"corolint-summaries\": 2,\n \"files\": [{\"path\": \"/a\"}],\n"
                    " \"functions\": [\n  {\"usr\": \"a\", \"name\": 7, \"at\": [0,1,1,0]}\n ]\n}";
  EXPECT_FALSE(readSummaries(Bad, "s.json", E));
  EXPECT_EQ(E.Line, 5u) << E.str();
  EXPECT_NE(E.Message.find("'name'"), std::string::npos) << E.str();

  std::string BadFile = "{\"corolint-summaries\": 2, \"files\": [],\n \"functions\": "
                        "[{\"usr\": \"a\", \"name\": \"a\", \"at\": [3,1,1,0]}]}";
  EXPECT_FALSE(readSummaries(BadFile, "s.json", E));
  EXPECT_NE(E.Message.find("no file 3"), std::string::npos) << E.str();
  EXPECT_EQ(E.Line, 2u);

  EXPECT_FALSE(readSummaries("{\"corolint-summaries\": 3}", "s.json", E));
  EXPECT_NE(E.Message.find("version 3"), std::string::npos);
  // A file of the previous format (blocking only): located, says what to do.
  EXPECT_FALSE(readSummaries("{\n \"corolint-summaries\": 1,\n \"files\": [],"
                             " \"functions\": []}", "old.json", E));
  EXPECT_EQ(E.str(), "old.json:2:24: unsupported summary format version 1 (this "
                     "corolint reads 2); run 'corolint summarize' again");

  // The other facts, malformed.
  std::string BadCost = "{\"corolint-summaries\": 2, \"files\": [{\"path\": \"/a\"}],\n"
                        " \"functions\": [\n  {\"usr\": \"a\", \"name\": \"a\", "
                        "\"at\": [0,1,1,0], \"cost\": [{\"levels\": 2, \"walks\": [\"x\"]}]}]}";
  EXPECT_FALSE(readSummaries(BadCost, "s.json", E));
  EXPECT_EQ(E.Line, 3u) << E.str();
  EXPECT_NE(E.Message.find("parameter numbers"), std::string::npos) << E.str();
  std::string BadPure = "{\"corolint-summaries\": 2, \"files\": [{\"path\": \"/a\"}],\n"
                        " \"functions\": [\n  {\"usr\": \"a\", \"name\": \"a\", "
                        "\"at\": [0,1,1,0], \"pure\": \"yes\"}]}";
  EXPECT_FALSE(readSummaries(BadPure, "s.json", E));
  EXPECT_NE(E.Message.find("boolean 'pure'"), std::string::npos) << E.str();
}

TEST(Summaries, OtherFactsRoundTripAndOnlyNonDefaultsAreWritten) {
  FunctionSummary Heavy = fn("heavy", {});
  Heavy.Costs.push_back({2, (std::uint64_t(1) << 0) | (std::uint64_t(1) << 63), "loop",
                         {"/p/a.cpp", 7, 3, 70}});
  Heavy.Costs.push_back({1, 0, "'std::sort'", {}});
  FunctionSummary Slot = fn("slot", {});
  Slot.Limiter = "std::counting_semaphore::acquire";
  FunctionSummary Key = fn("key", {});
  Key.Pure = true;
  FunctionSummary Plain = fn("plain", {"ext"}); // blocking facts only
  SummarySet S = setOf({Heavy, Slot, Key, Plain});
  std::string Text = writeSummaries(S);
  SummaryError E;
  std::optional<SummarySet> Back = readSummaries(Text, "s.json", E);
  ASSERT_TRUE(Back) << E.str();
  EXPECT_EQ(writeSummaries(*Back), Text);
  const FunctionSummary &H = Back->Functions.at("heavy");
  ASSERT_EQ(H.Costs.size(), 2u);
  EXPECT_EQ(H.Costs[0].Levels, 2u);
  EXPECT_EQ(H.Costs[0].Walks, (std::uint64_t(1) << 0) | (std::uint64_t(1) << 63));
  EXPECT_EQ(H.Costs[0].What, "loop");
  EXPECT_EQ(H.Costs[0].At.Line, 7u);
  EXPECT_FALSE(H.Costs[1].At.valid());
  EXPECT_TRUE(H.Calls.empty());
  EXPECT_EQ(Back->Functions.at("slot").Limiter, "std::counting_semaphore::acquire");
  EXPECT_TRUE(Back->Functions.at("key").Pure);
  EXPECT_FALSE(Back->Functions.at("plain").hasFacts());
  // Defaults are not written: one line per function, no empty facts.
  EXPECT_NE(Text.find("\"walks\":[0,\"this\"]"), std::string::npos) << Text;
  EXPECT_EQ(Text.find("\"pure\":false"), std::string::npos) << Text;
  EXPECT_EQ(Text.find("\"limiter\":\"\""), std::string::npos) << Text;
  std::size_t KeyLine = Text.find("\"usr\":\"key\"");
  ASSERT_NE(KeyLine, std::string::npos);
  std::size_t LineStart = Text.rfind('\n', KeyLine);
  std::string Line = Text.substr(LineStart + 1, Text.find('\n', KeyLine) - LineStart - 1);
  EXPECT_EQ(Line.find("calls"), std::string::npos) << Line;
  EXPECT_EQ(Line.find("cost"), std::string::npos) << Line;
  // Facts do not make a function block.
  EXPECT_FALSE(resolveChain("heavy", 6, lookupIn(*Back)));
}

TEST(Summaries, ChainIsTheShortestOverTheGraph) {
  // a -> b -> c (blocks), a -> d (blocks): the chain through d is shorter.
  SummarySet S = setOf({fn("a", {"b", "d"}), fn("b", {"c"}), fn("c", {}, true),
                        fn("d", {}, true)});
  std::optional<SummaryChain> C = resolveChain("a", 6, lookupIn(S));
  ASSERT_TRUE(C);
  EXPECT_EQ(C->depth(), 2u);
  EXPECT_EQ(C->Blocker->USR, "d");
  ASSERT_EQ(C->Steps.size(), 1u);
  EXPECT_EQ(C->Steps[0].Caller, "ns::a");
  EXPECT_EQ(C->Steps[0].Call->USR, "d");
  // From b: through c.
  C = resolveChain("b", 6, lookupIn(S));
  ASSERT_TRUE(C);
  EXPECT_EQ(C->Blocker->USR, "c");
}

TEST(Summaries, ChainRespectsTheDepthLimit) {
  SummarySet S = setOf({fn("a", {"b"}), fn("b", {"c"}), fn("c", {}, true)});
  EXPECT_TRUE(resolveChain("a", 3, lookupIn(S)));
  EXPECT_FALSE(resolveChain("a", 2, lookupIn(S)));
}

TEST(Summaries, RecursionEndsAndDecidesBothWays) {
  // ping <-> pong, pong blocks: found from both.
  SummarySet Blocking = setOf({fn("ping", {"pong"}), fn("pong", {"ping"}, true)});
  EXPECT_TRUE(resolveChain("ping", 6, lookupIn(Blocking)));
  // even <-> odd, nothing blocks: ends, not found; a self-call too.
  SummarySet Clean = setOf({fn("even", {"odd"}), fn("odd", {"even", "odd"})});
  EXPECT_FALSE(resolveChain("even", 100, lookupIn(Clean)));
  // Unknown functions (no summary: defined nowhere, or a library) do not block.
  SummarySet Unknown = setOf({fn("a", {"nowhere"})});
  EXPECT_FALSE(resolveChain("a", 6, lookupIn(Unknown)));
  EXPECT_FALSE(resolveChain("nowhere", 6, lookupIn(Unknown)));
}

TEST(Summaries, MergeDoesNotDependOnOrder) {
  SummarySet A = setOf({fn("h", {"x"}, false, "/p/h.h"), fn("a", {"h"})});
  SummarySet B = setOf({fn("h", {"x"}, false, "/p/h.h"), fn("x", {}, true, "/p/x.cpp")});
  B.Functions.at("h").Definition.Offset = 10; // a different record of h
  PendingCall P;
  P.At = {"/p/m.cpp", 1, 1, 5};
  P.USR = "a";
  A.Pending.push_back(P);
  B.Pending.push_back(P); // the same call, seen by two translation units
  SummarySet AB = A, BA = B;
  AB.merge(B);
  AB.normalise();
  BA.merge(A);
  BA.normalise();
  EXPECT_EQ(writeSummaries(AB), writeSummaries(BA));
  EXPECT_EQ(AB.Functions.size(), 3u);
  EXPECT_EQ(AB.Pending.size(), 1u);
  EXPECT_EQ(AB.Functions.at("h").Definition.Offset, 10u);
}

TEST(Summaries, MessagesMatchTheInTranslationUnitWording) {
  EXPECT_EQ(throughHelperMessage("h", "co", "fsync", "waits", "io_uring"),
            "call to 'h' may block coroutine 'co'; it reaches blocking call "
            "'fsync': waits; use io_uring instead");
  EXPECT_EQ(throughHelperMessage("h", "co", "fsync", "", ""),
            "call to 'h' may block coroutine 'co'; it reaches blocking call 'fsync'");
  EXPECT_EQ(callsNote("a", "b"), "'a' calls 'b'");
  EXPECT_EQ(blocksNote("a", "fsync"), "'a' blocks in 'fsync'");
}

} // namespace
