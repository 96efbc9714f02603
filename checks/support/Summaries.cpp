#include "support/Summaries.h"
#include "support/JsonLocator.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <set>
#include <tuple>

namespace corolint {

namespace json = llvm::json;

constexpr llvm::StringLiteral FormatKey = "corolint-summaries";
// 1: blocking only; 2: iteration cost, limiter, purity.
constexpr int FormatVersion = 2;

void SummarySet::merge(SummarySet Other) {
  for (auto &[USR, F] : Other.Functions) {
    auto [It, New] = Functions.try_emplace(USR, F);
    if (New)
      continue;
    // The same function seen by several translation units: one rule for
    // which record stays, whatever the order.
    const FunctionSummary &Old = It->second;
    auto Key = [](const FunctionSummary &S) {
      return std::make_tuple(S.Definition.File, S.Definition.Offset,
                             !S.Blocks.has_value(), S.Calls.size());
    };
    if (Key(F) < Key(Old))
      It->second = std::move(F);
  }
  for (auto &[File, Hash] : Other.FileHashes)
    FileHashes.emplace(File, Hash);
  Pending.insert(Pending.end(), std::make_move_iterator(Other.Pending.begin()),
                 std::make_move_iterator(Other.Pending.end()));
}

void SummarySet::normalise() {
  auto Key = [](const PendingCall &P) {
    return std::tie(P.At.File, P.At.Offset, P.USR, P.TU);
  };
  std::sort(Pending.begin(), Pending.end(),
            [&](const PendingCall &A, const PendingCall &B) { return Key(A) < Key(B); });
  // The same call seen by two translation units (a coroutine in a header).
  Pending.erase(std::unique(Pending.begin(), Pending.end(),
                            [](const PendingCall &A, const PendingCall &B) {
                              return A.At.File == B.At.File &&
                                     A.At.Offset == B.At.Offset && A.USR == B.USR;
                            }),
                Pending.end());
}

std::string contentHash(llvm::StringRef Text) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << llvm::format_hex_no_prefix(llvm::xxh3_64bits(Text), 16);
  return S;
}

namespace {

/// Locations are written [file index, line, column, offset] into a table
/// of files, which keeps a project's summary small.
class FileTable {
public:
  unsigned index(const std::string &File) {
    auto [It, New] = Index.try_emplace(File, Files.size());
    if (New)
      Files.push_back(File);
    return It->second;
  }
  json::Value loc(const SummaryLoc &L) {
    return json::Array{index(L.File), L.Line, L.Column, L.Offset};
  }
  std::vector<std::string> Files;

private:
  std::map<std::string, unsigned> Index;
};

} // namespace

std::string writeSummaries(const SummarySet &S, bool WithPending) {
  FileTable Table;
  json::Array Functions;
  for (const auto &[USR, F] : S.Functions) {
    json::Object O{{"usr", F.USR}, {"name", F.Name}, {"at", Table.loc(F.Definition)}};
    if (F.Blocks) {
      json::Object B{{"name", F.Blocks->Name}, {"at", Table.loc(F.Blocks->At)}};
      if (!F.Blocks->Reason.empty())
        B["reason"] = F.Blocks->Reason;
      if (!F.Blocks->Alternative.empty())
        B["alternative"] = F.Blocks->Alternative;
      if (F.Blocks->IsError)
        B["error"] = true;
      O["blocks"] = std::move(B);
    } else {
      json::Array Calls;
      for (const SummaryCall &C : F.Calls)
        Calls.push_back(json::Object{
            {"usr", C.USR}, {"name", C.Name}, {"at", Table.loc(C.At)}});
      if (!Calls.empty() || !F.hasFacts())
        O["calls"] = std::move(Calls);
    }
    // Only what is not the default: a function that does not iterate, takes
    // no limiter and is not pure says nothing about them.
    if (!F.Costs.empty()) {
      json::Array Costs;
      for (const SummaryCost &C : F.Costs) {
        json::Object CO{{"levels", C.Levels}};
        json::Array Walks;
        for (unsigned Bit = 0; Bit < 64; ++Bit)
          if (C.Walks & (std::uint64_t(1) << Bit))
            Walks.push_back(Bit == 63 ? json::Value("this") : json::Value(Bit));
        if (!Walks.empty())
          CO["walks"] = std::move(Walks);
        if (!C.What.empty())
          CO["what"] = C.What;
        if (C.At.valid())
          CO["at"] = Table.loc(C.At);
        Costs.push_back(std::move(CO));
      }
      O["cost"] = std::move(Costs);
    }
    if (!F.Limiter.empty())
      O["limiter"] = F.Limiter;
    if (F.Pure)
      O["pure"] = true;
    Functions.push_back(std::move(O));
  }
  json::Array Pending;
  if (WithPending)
    for (const PendingCall &P : S.Pending) {
      json::Object O{{"tu", P.TU},
                     {"check", P.Check},
                     {"coroutine", P.Coroutine},
                     {"helper", P.Helper},
                     {"usr", P.USR},
                     {"at", Table.loc(P.At)},
                     {"length", P.Length},
                     {"max_depth", P.MaxDepth}};
      if (!P.Function.empty())
        O["function"] = json::Array{P.Function, P.FunctionBegin, P.FunctionEnd};
      Pending.push_back(std::move(O));
    }
  json::Array Files;
  for (const std::string &F : Table.Files) {
    json::Object O{{"path", F}};
    if (auto It = S.FileHashes.find(F); It != S.FileHashes.end())
      O["hash"] = It->second;
    Files.push_back(std::move(O));
  }
  // One file, function or pending call a line: small, and a diff of two
  // summary files reads by function.
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  auto List = [&](llvm::StringRef Key, const json::Array &Items, bool Last) {
    OS << " \"" << Key << "\": [";
    for (std::size_t I = 0; I < Items.size(); ++I)
      OS << (I ? ",\n  " : "\n  ") << Items[I];
    OS << (Items.empty() ? "]" : "\n ]") << (Last ? "\n" : ",\n");
  };
  OS << "{\n \"" << FormatKey << "\": " << FormatVersion << ",\n";
  List("files", Files, false);
  List("functions", Functions, !WithPending);
  if (WithPending)
    List("pending", Pending, true);
  OS << "}\n";
  return Out;
}

namespace {

/// Reads the document, remembering the path to the value being read so an
/// error can name its line and column.
class Reader {
public:
  Reader(llvm::StringRef Text, llvm::StringRef Path) : Text(Text), Path(Path) {}

  std::optional<SummarySet> read(const json::Value &Doc) {
    const json::Object *Root = Doc.getAsObject();
    if (!Root)
      return fail("a summary file is a JSON object");
    std::optional<int64_t> Version = Root->getInteger(FormatKey);
    if (!Version)
      return fail("not a corolint summary file: no '" + FormatKey.str() + "' version");
    if (*Version != FormatVersion)
      return failAt({FormatKey.str()},
                    "unsupported summary format version " +
                        std::to_string(*Version) + " (this corolint reads " +
                        std::to_string(FormatVersion) +
                        "); run 'corolint summarize' again");
    SummarySet S;
    At = {std::string("files")};
    const json::Array *Files = array(Root->get("files"));
    if (!Files)
      return std::nullopt;
    for (std::size_t I = 0; I < Files->size(); ++I) {
      At = {std::string("files"), I};
      const json::Object *F = object(&(*Files)[I]);
      std::optional<std::string> P = F ? string(*F, "path") : std::nullopt;
      if (!P)
        return std::nullopt;
      FileNames.push_back(*P);
      if (F->get("hash"))
        if (std::optional<std::string> H = string(*F, "hash"))
          S.FileHashes[*P] = *H;
    }
    At = {std::string("functions")};
    const json::Array *Functions = array(Root->get("functions"));
    if (!Functions)
      return std::nullopt;
    for (std::size_t I = 0; I < Functions->size(); ++I) {
      At = {std::string("functions"), I};
      std::optional<FunctionSummary> F = function((*Functions)[I]);
      if (!F)
        return std::nullopt;
      std::string USR = F->USR;
      S.Functions.emplace(std::move(USR), std::move(*F));
    }
    if (const json::Value *P = Root->get("pending")) {
      At = {std::string("pending")};
      const json::Array *List = array(P);
      if (!List)
        return std::nullopt;
      for (std::size_t I = 0; I < List->size(); ++I) {
        At = {std::string("pending"), I};
        std::optional<PendingCall> C = pending((*List)[I]);
        if (!C)
          return std::nullopt;
        S.Pending.push_back(std::move(*C));
      }
    }
    return S;
  }

  SummaryError Error;

private:
  std::nullopt_t failAt(JsonPath Where, std::string Message) {
    auto [Line, Column] = lineAndColumn(Text, locateJsonValue(Text, Where));
    Error = {Path.str(), Line, Column, std::move(Message)};
    return std::nullopt;
  }
  std::nullopt_t fail(std::string Message) { return failAt(At, std::move(Message)); }

  const json::Array *array(const json::Value *V) {
    const json::Array *A = V ? V->getAsArray() : nullptr;
    if (!A)
      fail("expected an array");
    return A;
  }
  const json::Object *object(const json::Value *V) {
    const json::Object *O = V ? V->getAsObject() : nullptr;
    if (!O)
      fail("expected an object");
    return O;
  }
  std::optional<std::string> string(const json::Object &O, llvm::StringRef Key) {
    if (std::optional<llvm::StringRef> S = O.getString(Key))
      return S->str();
    At.push_back(Key.str());
    fail("expected a string '" + Key.str() + "'");
    return std::nullopt;
  }
  std::optional<unsigned> number(const json::Object &O, llvm::StringRef Key) {
    std::optional<int64_t> N = O.getInteger(Key);
    if (N && *N >= 0 && *N <= UINT32_MAX)
      return static_cast<unsigned>(*N);
    At.push_back(Key.str());
    fail("expected a non-negative integer '" + Key.str() + "'");
    return std::nullopt;
  }
  std::optional<SummaryLoc> loc(const json::Object &O) {
    const json::Array *A = O.getArray("at");
    At.push_back(std::string("at"));
    if (!A || A->size() != 4)
      return fail("expected [file, line, column, offset]");
    unsigned V[4];
    for (unsigned I = 0; I < 4; ++I) {
      std::optional<int64_t> N = (*A)[I].getAsInteger();
      if (!N || *N < 0 || *N > UINT32_MAX)
        return fail("expected [file, line, column, offset]");
      V[I] = static_cast<unsigned>(*N);
    }
    if (V[0] >= FileNames.size())
      return fail("no file " + std::to_string(V[0]) + " in 'files'");
    At.pop_back();
    return SummaryLoc{FileNames[V[0]], V[1], V[2], V[3]};
  }

  std::optional<FunctionSummary> function(const json::Value &V) {
    const json::Object *O = object(&V);
    if (!O)
      return std::nullopt;
    FunctionSummary F;
    auto USR = string(*O, "usr");
    auto Name = USR ? string(*O, "name") : std::nullopt;
    auto Def = Name ? loc(*O) : std::nullopt;
    if (!Def)
      return std::nullopt;
    F.USR = *USR;
    F.Name = *Name;
    F.Definition = *Def;
    if (const json::Value *B = O->get("blocks")) {
      At.push_back(std::string("blocks"));
      const json::Object *BO = object(B);
      auto BName = BO ? string(*BO, "name") : std::nullopt;
      auto BAt = BName ? loc(*BO) : std::nullopt;
      if (!BAt)
        return std::nullopt;
      SummaryBlock Blk{*BName, "", "", false, *BAt};
      if (auto R = BO->getString("reason"))
        Blk.Reason = R->str();
      if (auto A = BO->getString("alternative"))
        Blk.Alternative = A->str();
      Blk.IsError = BO->getBoolean("error").value_or(false);
      F.Blocks = std::move(Blk);
      At.pop_back();
    }
    if (const json::Value *C = O->get("calls")) {
      At.push_back(std::string("calls"));
      const json::Array *Calls = array(C);
      if (!Calls)
        return std::nullopt;
      for (std::size_t I = 0; I < Calls->size(); ++I) {
        At.push_back(I);
        const json::Object *CO = object(&(*Calls)[I]);
        auto CU = CO ? string(*CO, "usr") : std::nullopt;
        auto CN = CU ? string(*CO, "name") : std::nullopt;
        auto CA = CN ? loc(*CO) : std::nullopt;
        if (!CA)
          return std::nullopt;
        F.Calls.push_back({*CU, *CN, *CA});
        At.pop_back();
      }
      At.pop_back();
    }
    if (const json::Value *C = O->get("cost")) {
      At.push_back(std::string("cost"));
      const json::Array *Costs = array(C);
      if (!Costs)
        return std::nullopt;
      for (std::size_t I = 0; I < Costs->size(); ++I) {
        At.push_back(I);
        std::optional<SummaryCost> K = cost((*Costs)[I]);
        if (!K)
          return std::nullopt;
        F.Costs.push_back(std::move(*K));
        At.pop_back();
      }
      At.pop_back();
    }
    if (O->get("limiter")) {
      std::optional<std::string> L = string(*O, "limiter");
      if (!L)
        return std::nullopt;
      F.Limiter = *L;
    }
    if (const json::Value *P = O->get("pure")) {
      std::optional<bool> B = P->getAsBoolean();
      if (!B) {
        At.push_back(std::string("pure"));
        return fail("expected a boolean 'pure'");
      }
      F.Pure = *B;
    }
    return F;
  }

  std::optional<SummaryCost> cost(const json::Value &V) {
    const json::Object *O = object(&V);
    if (!O)
      return std::nullopt;
    SummaryCost C;
    std::optional<unsigned> Levels = number(*O, "levels");
    if (!Levels)
      return std::nullopt;
    C.Levels = *Levels;
    if (const json::Value *W = O->get("walks")) {
      At.push_back(std::string("walks"));
      const json::Array *Walks = array(W);
      if (!Walks)
        return std::nullopt;
      for (const json::Value &Item : *Walks) {
        std::optional<int64_t> N = Item.getAsInteger();
        if (Item.getAsString() == std::optional<llvm::StringRef>("this"))
          N = 63;
        if (!N || *N < 0 || *N > 63)
          return fail("expected parameter numbers or \"this\"");
        C.Walks |= std::uint64_t(1) << *N;
      }
      At.pop_back();
    }
    if (O->get("what")) {
      std::optional<std::string> What = string(*O, "what");
      if (!What)
        return std::nullopt;
      C.What = *What;
    }
    if (O->get("at")) {
      std::optional<SummaryLoc> L = loc(*O);
      if (!L)
        return std::nullopt;
      C.At = *L;
    }
    return C;
  }

  std::optional<PendingCall> pending(const json::Value &V) {
    const json::Object *O = object(&V);
    if (!O)
      return std::nullopt;
    PendingCall P;
    std::optional<std::string> S[5];
    const char *Keys[5] = {"tu", "check", "coroutine", "helper", "usr"};
    for (unsigned I = 0; I < 5; ++I)
      if (!(S[I] = string(*O, Keys[I])))
        return std::nullopt;
    auto L = loc(*O);
    auto Len = L ? number(*O, "length") : std::nullopt;
    auto Depth = Len ? number(*O, "max_depth") : std::nullopt;
    if (!Depth)
      return std::nullopt;
    P.TU = *S[0];
    P.Check = *S[1];
    P.Coroutine = *S[2];
    P.Helper = *S[3];
    P.USR = *S[4];
    P.At = *L;
    P.Length = *Len;
    P.MaxDepth = *Depth;
    if (const json::Array *F = O->getArray("function"); F && F->size() == 3) {
      P.Function = (*F)[0].getAsString().value_or("").str();
      P.FunctionBegin = (*F)[1].getAsInteger().value_or(0);
      P.FunctionEnd = (*F)[2].getAsInteger().value_or(0);
    }
    return P;
  }

  llvm::StringRef Text;
  llvm::StringRef Path;
  JsonPath At;
  std::vector<std::string> FileNames;
};

} // namespace

std::optional<SummarySet> readSummaries(llvm::StringRef Text, llvm::StringRef Path,
                                        SummaryError &Error) {
  llvm::Expected<json::Value> Doc = json::parse(Text);
  if (!Doc) {
    std::string Message = llvm::toString(Doc.takeError());
    // "[line:column, byte=N]: message"
    Error = {Path.str(), 0, 0, Message};
    llvm::StringRef M = Message;
    if (M.consume_front("[")) {
      auto [Pos, Rest] = M.split("]: ");
      auto [LineCol, Byte] = Pos.split(',');
      auto [L, C] = LineCol.split(':');
      unsigned Line = 0, Column = 0;
      if (!L.getAsInteger(10, Line) && !C.getAsInteger(10, Column))
        Error = {Path.str(), Line, Column, "malformed JSON: " + Rest.str()};
    }
    return std::nullopt;
  }
  Reader R(Text, Path);
  std::optional<SummarySet> S = R.read(*Doc);
  if (!S)
    Error = R.Error;
  return S;
}

std::optional<SummaryChain> resolveChain(const std::string &Start,
                                         unsigned MaxDepth,
                                         const SummaryLookup &Lookup) {
  // Breadth first: the first blocking function found is the nearest.
  struct Node {
    const FunctionSummary *F;
    int Parent;               // index into Nodes, -1 for Start
    const SummaryCall *Via;   // the parent's call that reached F
    unsigned Depth;
  };
  std::vector<Node> Nodes;
  std::set<std::string> Seen{Start};
  const FunctionSummary *First = Lookup(Start);
  if (!First)
    return std::nullopt;
  Nodes.push_back({First, -1, nullptr, 1});
  for (std::size_t I = 0; I < Nodes.size(); ++I) {
    Node N = Nodes[I];
    if (N.F->Blocks) {
      SummaryChain Chain;
      Chain.Blocker = N.F;
      for (int At = static_cast<int>(I); Nodes[At].Parent >= 0; At = Nodes[At].Parent)
        Chain.Steps.insert(Chain.Steps.begin(),
                           {Nodes[Nodes[At].Parent].F->Name, Nodes[At].Via});
      return Chain;
    }
    if (N.Depth >= MaxDepth)
      continue;
    for (const SummaryCall &C : N.F->Calls) {
      if (!Seen.insert(C.USR).second)
        continue;
      if (const FunctionSummary *Next = Lookup(C.USR))
        Nodes.push_back({Next, static_cast<int>(I), &C, N.Depth + 1});
    }
  }
  return std::nullopt;
}

std::string throughHelperMessage(llvm::StringRef Helper, llvm::StringRef Coroutine,
                                 llvm::StringRef Blocking, llvm::StringRef Reason,
                                 llvm::StringRef Alternative) {
  std::string S = ("call to '" + Helper + "' may block coroutine '" + Coroutine +
                   "'; it reaches blocking call '" + Blocking + "'")
                      .str();
  if (!Reason.empty())
    S += (": " + Reason).str();
  if (!Alternative.empty())
    S += ("; use " + Alternative + " instead").str();
  return S;
}

std::string callsNote(llvm::StringRef Caller, llvm::StringRef Callee) {
  return ("'" + Caller + "' calls '" + Callee + "'").str();
}

std::string blocksNote(llvm::StringRef Function, llvm::StringRef Blocking) {
  return ("'" + Function + "' blocks in '" + Blocking + "'").str();
}

} // namespace corolint
