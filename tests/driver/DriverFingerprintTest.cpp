// primaryLocationLineHash as github/codeql-action computes it, corolint's
// own fingerprint, UTF-8 decoding and columns. The expected hashes come
// from an independent JavaScript implementation of the upload action's
// algorithm (a direct windowed sum, not a rolling hash) run with Node.js.
#include "DriverSupport.h"
#include "Fingerprint.h"
#include "SourceFile.h"

#include <gtest/gtest.h>

using namespace corolint::driver;
using corolint::test::readFile;
using corolint::test::sourcePath;

namespace {

std::vector<std::string> hashes(llvm::StringRef Text) { return lineHashes(Text); }

std::string fingerprintsFile(const std::string &Name) {
  return readFile(sourcePath("testdata/projects/fingerprints/" + Name));
}

TEST(DriverFingerprint, EmptyAndTinyInputs) {
  EXPECT_EQ(hashes(""), std::vector<std::string>({"c129715d7a2bc9a3:1"}));
  EXPECT_EQ(hashes("a"), std::vector<std::string>({"53b5d4aabe50d64:1"}));
  // A final line ending starts one more (empty) line, as in the action.
  EXPECT_EQ(hashes("a\n"), std::vector<std::string>(
                               {"243cbaa4685aab12:1", "c129715d7a2bc9a3:1"}));
}

TEST(DriverFingerprint, LineEndingsAreNormalised) {
  EXPECT_EQ(hashes("a\rb\r\n\r\nc"),
            std::vector<std::string>({"4850bf53658d4e53:1", "b0367d257df6d03c:1",
                                      "1c206f60a702cfe8:1", "188ff2f224477a1e:1"}));
  // After "\r", a space resets the pairing: the "\n" that follows is a line
  // of its own.
  EXPECT_EQ(hashes("a\r \nb"),
            std::vector<std::string>({"67c066a59e652f5e:1", "cc4c43d77869440f:1",
                                      "8ee5a81e681643c1:1"}));
  // CRLF and LF files hash alike.
  EXPECT_EQ(hashes("int x;\r\nint y;\r\n"), hashes("int x;\nint y;\n"));
  EXPECT_NE(hashes("int x;\nint y;\n"), hashes("int x;\nint z;\n"));
}

TEST(DriverFingerprint, SpacesAndTabsAreDropped) {
  EXPECT_EQ(hashes("  \t\n\t  \n"),
            std::vector<std::string>({"5b5d4caf73a13177:1", "3c5bef55b72b93c9:1",
                                      "c129715d7a2bc9a3:1"}));
  EXPECT_EQ(hashes("int  a =\t1;\n"), hashes("inta=1;\n"));
}

TEST(DriverFingerprint, NonAsciiIsHashedAsUtf16) {
  // A byte order mark, a tab, a two-byte and a four-byte (surrogate pair)
  // character.
  EXPECT_EQ(hashes("\xEF\xBB\xBFx\ty \xC3\xA9\xF0\x9F\x98\x80\n"),
            std::vector<std::string>({"22716aab9b306b7b:1", "c129715d7a2bc9a3:1"}));
  // Invalid UTF-8 decodes to U+FFFD per maximal subpart, as Node.js does.
  EXPECT_EQ(hashes("a\xFF" "b\xE2\x82" "c\xE0\x80\nd"),
            std::vector<std::string>({"923c62d0c159a62b:1", "a23a3dc5e078b07b:1"}));
}

TEST(DriverFingerprint, IdenticalWindowsAreCounted) {
  std::string Line(120, 'x');
  EXPECT_EQ(hashes(Line + "\n" + Line + "\n" + Line + "\n"),
            std::vector<std::string>({"52b56201ffb58620:1", "52b56201ffb58620:2",
                                      "52b56201ffb58620:3", "c129715d7a2bc9a3:1"}));
}

TEST(DriverFingerprint, CrlfFile) {
  std::string Text = fingerprintsFile("crlf.cpp");
  ASSERT_NE(Text.find("\r\n"), std::string::npos) << "crlf.cpp lost its CRLFs";
  EXPECT_EQ(hashes(Text),
            std::vector<std::string>(
                {"6c53a250d35c69b8:1", "c00678ea3c9d96a:1", "dde1f0c73ce3a108:1",
                 "1947eea01be0cf88:1", "af45571e085d6c48:1", "6c84ed785770204c:1",
                 "f3d7f76c3484d22:1", "b5ecc3d5e3a4c8f3:1", "32dce9ccfdbc9d3e:1",
                 "c129715d7a2bc9a3:1"}));
}

TEST(DriverFingerprint, TabsFile) {
  std::string Text = fingerprintsFile("tabs.cpp");
  ASSERT_NE(Text.find('\t'), std::string::npos);
  EXPECT_EQ(hashes(Text),
            std::vector<std::string>(
                {"aae521e6b61bd404:1", "ae3586334164aa68:1", "7d1909a2c9c494f2:1",
                 "bf1e42c93708c260:1", "a73f810ef52385e4:1", "99353b218c630b25:1",
                 "197f52891f4305a6:1", "4d08bd712665682d:1", "c54c693e1aba6829:1",
                 "af737da7b0f3c124:1", "32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1"}));
}

TEST(DriverFingerprint, RepeatedLinesFile) {
  std::vector<std::string> H = hashes(fingerprintsFile("repeated.cpp"));
  std::vector<std::string> Expected = {
      "bc3ffd639b5eadf6:1", "96ddcb4682ab3ebf:1", "606ed399741df9f4:1",
      "1cfccbe73952b1e6:1", "3869526549d32439:1", "b4b204f127146e8d:1",
      "259a90d4a6d3686a:1", "b98258d3371c126f:1", "d77476b9f4e90599:1",
      "b98258d3371c126f:2", "d77476b9f4e90599:2", "b98258d3371c126f:3",
      "d2d54f85ca6b6a9b:1", "b4bf093d795b35ec:1", "8536f1caf86e7d72:1",
      "34c6f38877d74d35:1", "fdb77ced72e2c982:1", "b364e84b9ba68d60:1",
      "7d8ad21364e3e503:1", "b5ecc3d5e3a4c8f3:1", "32dce9ccfdbc9d3e:1",
      "c129715d7a2bc9a3:1"};
  EXPECT_EQ(H, Expected);
}

TEST(DriverFingerprint, SourceFileHashesByLine) {
  SourceFile F(fingerprintsFile("repeated.cpp"));
  EXPECT_EQ(F.lineHash(10), "b98258d3371c126f:2");
  EXPECT_EQ(F.lineHash(99), "");
}

StableFingerprintInput input() {
  StableFingerprintInput In;
  In.Rule = "coro-blocking-call";
  In.Path = "src/a.cpp";
  In.Function = "ns::f(int)";
  In.Line = "  std::this_thread::sleep_for(1s);";
  In.Column = 3;
  In.Occurrence = 1;
  return In;
}

TEST(DriverFingerprint, StableFingerprintIgnoresWhitespaceAndLineNumbers) {
  StableFingerprintInput A = input(), B = input();
  B.Line = "\t\tstd::this_thread::sleep_for( 1s );";
  B.Column = 3; // the same token, after different indentation
  EXPECT_EQ(stableFingerprint(A), stableFingerprint(B));
  EXPECT_EQ(stableFingerprint(A).size(), 32u);
}

TEST(DriverFingerprint, StableFingerprintSeparatesWhatDiffers) {
  std::string Base = stableFingerprint(input());
  auto Differs = [&](auto Change) {
    StableFingerprintInput In = input();
    Change(In);
    return stableFingerprint(In) != Base;
  };
  EXPECT_TRUE(Differs([](auto &In) { In.Rule = "coro-lock-across-suspend"; }));
  EXPECT_TRUE(Differs([](auto &In) { In.Path = "src/b.cpp"; }));
  EXPECT_TRUE(Differs([](auto &In) { In.Function = "ns::g(int)"; }));
  EXPECT_TRUE(Differs([](auto &In) { In.Line = "  std::this_thread::sleep_for(2s);"; }));
  EXPECT_TRUE(Differs([](auto &In) { In.Occurrence = 2; }));
  EXPECT_TRUE(Differs([](auto &In) { In.Column = 20; }));
}

TEST(DriverUtf8, DecodesLikeAWhatwgDecoder) {
  EXPECT_EQ(decodeUtf8("a\xC3\xA9"), std::u16string(u"a\u00e9"));
  EXPECT_EQ(decodeUtf8("\xF0\x9F\x98\x80"), std::u16string(u"\U0001F600"));
  EXPECT_EQ(decodeUtf8("a\xFF" "b\xE2\x82" "c\xE0\x80"),
            std::u16string(u"a\uFFFDb\uFFFDc\uFFFD\uFFFD"));
  EXPECT_EQ(utf16Length("h\xC3\xA9llo \xF0\x9F\x98\x80"), 8u);
}

TEST(DriverSourceFile, ByteAndUtf16Columns) {
  // "é" is 2 bytes / 1 unit, "😀" 4 bytes / 2 units.
  SourceFile F("x\n  s = \"\xC3\xA9\xF0\x9F\x98\x80\"; f();\r\nlast");
  Position P = F.position(F.text().find("f()"));
  EXPECT_EQ(P.Line, 2u);
  EXPECT_EQ(P.Column, 17u);
  EXPECT_EQ(P.Utf16Column, 14u);
  EXPECT_EQ(F.line(2), "  s = \"\xC3\xA9\xF0\x9F\x98\x80\"; f();");
  EXPECT_EQ(F.position(F.text().find("last")).Line, 3u);
  EXPECT_EQ(F.lineCount(), 3u);
}

TEST(DriverSourceFile, LoneCarriageReturnEndsALine) {
  SourceFile F("a\rb\r\nc\nd");
  EXPECT_EQ(F.lineCount(), 4u);
  EXPECT_EQ(F.line(2), "b");
  EXPECT_EQ(F.position(F.text().find('d')).Line, 4u);
}

} // namespace
