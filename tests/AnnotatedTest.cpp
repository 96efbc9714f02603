// Runs every testdata/*.cpp through the checks and compares the findings
// with the expect-* directives written in the file.
#include "Annotations.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace corolint::test {
namespace {

std::vector<std::string> testdataFiles() {
  std::vector<std::string> Files;
  for (const auto &Entry :
       std::filesystem::directory_iterator(COROLINT_TESTDATA_DIR))
    if (Entry.path().extension() == ".cpp")
      Files.push_back(Entry.path().filename().string());
  std::sort(Files.begin(), Files.end());
  return Files;
}

class Annotated : public ::testing::TestWithParam<std::string> {};

TEST_P(Annotated, FindingsMatchDirectives) {
  std::string Path = std::string(COROLINT_TESTDATA_DIR) + "/" + GetParam();
  std::ifstream In(Path);
  std::stringstream Text;
  Text << In.rdbuf();
  TestSpec Spec = parseTestFile(Text.str(), COROLINT_TESTDATA_DIR);
  for (const std::string &P : Spec.Problems)
    ADD_FAILURE() << Path << ": " << P;
  ASSERT_FALSE(Spec.Expected.empty())
      << Path << " has no expect-* directives; a test that cannot fail";
  std::vector<Finding> Findings =
      runTidy(Path, Spec.Args, Spec.Checks, Spec.Options);
  for (const std::string &P : compare(Spec.Expected, Findings, Path))
    ADD_FAILURE() << GetParam() << ": " << P;
}

std::string testName(const ::testing::TestParamInfo<std::string> &Info) {
  std::string Name = Info.param.substr(0, Info.param.rfind('.'));
  std::replace_if(
      Name.begin(), Name.end(), [](char C) { return !std::isalnum(C); }, '_');
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Testdata, Annotated,
                         ::testing::ValuesIn(testdataFiles()), testName);

} // namespace
} // namespace corolint::test
