#include "Annotations.h"

#include <regex>
#include <sstream>

namespace corolint::test {
namespace {

std::string trim(const std::string &S) {
  std::size_t B = S.find_first_not_of(" \t\r");
  std::size_t E = S.find_last_not_of(" \t\r");
  return B == std::string::npos ? "" : S.substr(B, E - B + 1);
}

std::string substitute(std::string S, const std::string &TestdataDir) {
  for (auto [Var, Value] : {std::pair<std::string, std::string>{
                                "%include", TestdataDir + "/include"},
                            {"%testdata", TestdataDir}})
    for (std::size_t P; (P = S.find(Var)) != std::string::npos;)
      S.replace(P, Var.size(), Value);
  return S;
}

void parseDirectives(const std::string &Line, unsigned LineNo, TestSpec &Spec) {
  static const std::regex Directive(
      R"(expect-(warning|error|note)(?:@([+-]?)(\d+))?:)");
  static const std::regex CheckSuffix(R"(\s*\[([A-Za-z0-9_.-]+)\]\s*$)");
  std::vector<std::smatch> Matches(
      std::sregex_iterator(Line.begin(), Line.end(), Directive),
      std::sregex_iterator());
  for (std::size_t I = 0; I < Matches.size(); ++I) {
    const std::smatch &M = Matches[I];
    std::size_t Begin = M.position(0) + M.length(0);
    std::size_t End = I + 1 < Matches.size() ? Matches[I + 1].position(0)
                                             : Line.size();
    std::string Text = Line.substr(Begin, End - Begin);
    if (I + 1 < Matches.size()) { // drop the "//" that starts the next one
      std::size_t Slashes = Text.rfind("//");
      if (Slashes != std::string::npos)
        Text.erase(Slashes);
    }
    Expectation E;
    E.Level = M[1];
    E.WrittenOn = LineNo;
    E.Line = LineNo;
    if (M[3].matched) {
      unsigned N = std::stoul(M[3]);
      E.Line = M[2] == "+" ? LineNo + N : M[2] == "-" ? LineNo - N : N;
    }
    std::smatch C;
    if (std::regex_search(Text, C, CheckSuffix)) {
      E.Check = C[1];
      Text.erase(C.position(0));
    }
    E.Fragment = trim(Text);
    if (E.Fragment.empty())
      Spec.Problems.push_back("line " + std::to_string(LineNo) +
                              ": directive without a message fragment");
    if (E.Level != "note" && E.Check.empty())
      Spec.Problems.push_back("line " + std::to_string(LineNo) +
                              ": expect-" + E.Level +
                              " must end with [check-name]");
    Spec.Expected.push_back(std::move(E));
  }
}

} // namespace

TestSpec parseTestFile(const std::string &Text, const std::string &TestdataDir) {
  TestSpec Spec;
  std::istringstream In(Text);
  std::string Line;
  bool HaveArgs = false;
  for (unsigned LineNo = 1; std::getline(In, Line); ++LineNo) {
    std::string T = trim(Line);
    auto header = [&](const std::string &Key, std::string &Value) {
      std::string Prefix = "// " + Key + ":";
      if (T.rfind(Prefix, 0) != 0)
        return false;
      Value = substitute(trim(T.substr(Prefix.size())), TestdataDir);
      return true;
    };
    std::string Value;
    if (header("ARGS", Value)) {
      std::istringstream Words(Value);
      for (std::string W; Words >> W;)
        Spec.Args.push_back(W);
      HaveArgs = true;
    } else if (header("CHECKS", Value)) {
      Spec.Checks = "-*," + Value;
    } else if (header("OPTION", Value)) {
      std::size_t Eq = Value.find('=');
      if (Eq == std::string::npos)
        Spec.Problems.push_back("line " + std::to_string(LineNo) +
                                ": OPTION needs name=value");
      else
        Spec.Options[trim(Value.substr(0, Eq))] = trim(Value.substr(Eq + 1));
    }
    parseDirectives(Line, LineNo, Spec);
  }
  if (!HaveArgs)
    Spec.Args = {"-std=c++20", "-I" + TestdataDir + "/include"};
  return Spec;
}

std::vector<std::string> compare(const std::vector<Expectation> &Expected,
                                 const std::vector<Finding> &Findings,
                                 const std::string &MainFile) {
  struct Actual {
    const Diag *D;
    std::string Check;
    bool Used = false;
  };
  std::vector<Actual> Actuals;
  for (const Finding &F : Findings) {
    Actuals.push_back({&F, F.Check});
    for (const Diag &N : F.Notes)
      if (N.File == MainFile)
        Actuals.push_back({&N, ""});
  }
  std::vector<std::string> Problems;
  for (const Expectation &E : Expected) {
    bool Found = false;
    for (Actual &A : Actuals) {
      if (A.Used || A.D->Level != E.Level || A.D->Line != E.Line ||
          A.D->File != MainFile)
        continue;
      if (E.Level != "note" && A.Check != E.Check)
        continue;
      if (A.D->Message.find(E.Fragment) == std::string::npos)
        continue;
      A.Used = Found = true;
      break;
    }
    if (!Found)
      Problems.push_back("missing " + E.Level + " on line " +
                         std::to_string(E.Line) + " (directive on line " +
                         std::to_string(E.WrittenOn) + "): '" + E.Fragment +
                         "'" + (E.Check.empty() ? "" : " [" + E.Check + "]"));
  }
  for (const Actual &A : Actuals)
    if (!A.Used)
      Problems.push_back(
          "unexpected " + A.D->Level + " at " +
          (A.D->File.empty() ? std::string("<configuration>")
                             : A.D->File + ":" + std::to_string(A.D->Line) +
                                   ":" + std::to_string(A.D->Column)) +
          ": " + A.D->Message + (A.Check.empty() ? "" : " [" + A.Check + "]"));
  return Problems;
}

} // namespace corolint::test
