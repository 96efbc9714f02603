// -o and --sarif: regular files replaced atomically, a symbolic link's
// target written (the link kept), devices and FIFOs written in place, and
// a path that cannot be written refused before any analysis.
#include "DriverSupport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace corolint::test;

namespace {

std::string smallRoot() { return sourcePath("testdata/projects/small"); }

/// The small project's server.cpp alone: 4 lines of text output.
std::vector<std::string> serverArgs(const std::string &Db, std::vector<std::string> More) {
  std::vector<std::string> A = smallArgs(Db);
  A.insert(A.end(), More.begin(), More.end());
  A.push_back(smallRoot() + "/src/server.cpp");
  return A;
}

mode_t kindOf(const std::string &Path) {
  struct stat St;
  return ::lstat(Path.c_str(), &St) == 0 ? (St.st_mode & S_IFMT) : 0;
}

void expectNoTemporaryFiles(const std::string &Dir) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    EXPECT_EQ(llvm::sys::path::filename(It->path()).find(".tmp-"), llvm::StringRef::npos)
        << It->path();
}

TEST(DriverOutputFile, ASymlinksTargetIsWrittenAndTheLinkKept) {
  std::string Db = smallDatabase("DriverOutputFile.Symlink");
  std::string Expected = runCorolint(serverArgs(Db, {})).Out;
  ASSERT_EQ(lines(Expected).size(), 4u) << Expected;
  llvm::sys::fs::create_directories(Db + "/real");
  writeFile(Db + "/real/out.txt", "stale\n");
  ::chmod((Db + "/real/out.txt").c_str(), 0640);
  ASSERT_EQ(::symlink("real/out.txt", (Db + "/link.txt").c_str()), 0);
  // A link to a link, and a dangling link whose target is created.
  ASSERT_EQ(::symlink((Db + "/link.txt").c_str(), (Db + "/link2.txt").c_str()), 0);
  ASSERT_EQ(::symlink("real/new.sarif", (Db + "/dangling.sarif").c_str()), 0);

  Outcome R = runCorolint(serverArgs(Db, {"-o", Db + "/link2.txt", "--sarif",
                                          Db + "/dangling.sarif"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(R.Out, "");
  EXPECT_EQ(kindOf(Db + "/link.txt"), S_IFLNK);
  EXPECT_EQ(kindOf(Db + "/link2.txt"), S_IFLNK);
  EXPECT_EQ(kindOf(Db + "/dangling.sarif"), S_IFLNK);
  EXPECT_EQ(kindOf(Db + "/real/out.txt"), S_IFREG);
  EXPECT_EQ(readFile(Db + "/real/out.txt"), Expected);
  EXPECT_EQ(readJson(Db + "/real/new.sarif")["version"], "2.1.0");
  struct stat St;
  ASSERT_EQ(::stat((Db + "/real/out.txt").c_str(), &St), 0);
  EXPECT_EQ(St.st_mode & 07777, 0640u); // the replaced file's permissions
  expectNoTemporaryFiles(Db);
  expectNoTemporaryFiles(Db + "/real");
}

TEST(DriverOutputFile, AFifoIsWrittenNotReplaced) {
  std::string Db = smallDatabase("DriverOutputFile.Fifo");
  std::string Expected = runCorolint(serverArgs(Db, {})).Out;
  std::string Fifo = Db + "/out.fifo";
  ASSERT_EQ(::mkfifo(Fifo.c_str(), 0600), 0);
  std::string Read;
  std::thread Reader([&] {
    int FD = ::open(Fifo.c_str(), O_RDONLY); // waits for the writer
    char Buffer[4096];
    for (ssize_t N; FD >= 0 && (N = ::read(FD, Buffer, sizeof(Buffer))) > 0;)
      Read.append(Buffer, static_cast<std::size_t>(N));
    if (FD >= 0)
      ::close(FD);
  });
  Outcome R = runCorolint(serverArgs(Db, {"-o", Fifo}));
  Reader.join();
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(Read, Expected);
  EXPECT_EQ(kindOf(Fifo), S_IFIFO);
  expectNoTemporaryFiles(Db);
}

TEST(DriverOutputFile, DevicesAreWrittenInPlace) {
  std::string Db = smallDatabase("DriverOutputFile.Devices");
  // Copies of /dev/null and /dev/full in the scratch directory, so that a
  // regression replaces those and not the system's (the tests run as root).
  std::string Null = Db + "/null", Full = Db + "/full";
  bool Nodes = ::mknod(Null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0 &&
               ::mknod(Full.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0;
  if (!Nodes) {
    Null = "/dev/null";
    Full = "/dev/full";
  }
  Outcome R = runCorolint(serverArgs(Db, {"-o", Null, "--sarif", Null}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(R.Out, "");
  EXPECT_EQ(kindOf(Null), S_IFCHR);

  R = runCorolint(serverArgs(Db, {"-o", Full}));
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_NE(R.Err.find("corolint: error: cannot write '" + Full +
                       "': No space left on device"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(kindOf(Full), S_IFCHR);
  expectNoTemporaryFiles(Db);
}

TEST(DriverOutputFile, DevStdoutIsTheOutputStream) {
  std::string Db = smallDatabase("DriverOutputFile.Stdout");
  std::string Expected = runCorolint(serverArgs(Db, {})).Out;
  Outcome R = runCorolint(serverArgs(Db, {"-o", "/dev/stdout"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(R.Out, Expected);
}

TEST(DriverOutputFile, AnUnwritablePathFailsBeforeTheAnalysis) {
  std::string Db = smallDatabase("DriverOutputFile.Unwritable");
  llvm::sys::fs::create_directories(Db + "/dir");
  // Were the files analysed, the armed crash hook would fail server.cpp and
  // say so on stderr: the one line there shows nothing was analysed.
  std::vector<std::string> Env = {"COROLINT_TEST_CRASH_MARKER=namespace small"};
  struct Case {
    std::vector<std::string> Args;
    std::string Error;
  } Cases[] = {
      {{"-o", Db + "/missing/out.txt"},
       "cannot write '" + Db + "/missing/out.txt': no such directory '" + Db + "/missing'"},
      {{"--sarif", Db + "/dir"}, "cannot write '" + Db + "/dir': it is a directory"},
      {{"-o", Db + "/dir/"}, "cannot write '" + Db + "/dir/': it is a directory"},
      {{"--sarif", "/proc/version"}, "cannot write '/proc/version': *"},
  };
  for (const Case &C : Cases) {
    Outcome R = runCorolint(serverArgs(Db, C.Args), Env);
    EXPECT_EQ(R.Exit, 2) << R.Err;
    EXPECT_EQ(R.Out, "");
    std::vector<std::string> Err = lines(R.Err);
    ASSERT_EQ(Err.size(), 1u) << R.Err;
    EXPECT_TRUE(matchesPattern(Err[0], "corolint: error: " + C.Error)) << Err[0];
  }
  // The hook is armed indeed: a writable output lets the analysis crash.
  Outcome R = runCorolint(serverArgs(Db, {"-o", Db + "/dir/out.txt"}), Env);
  EXPECT_EQ(R.Exit, 3) << R.Err;
  EXPECT_NE(R.Err.find("the analysis crashed"), std::string::npos) << R.Err;
}

TEST(DriverOutputFile, MergeChecksItsOutputFirst) {
  std::string Db = smallDatabase("DriverOutputFile.Merge");
  Outcome R = runCorolint({"merge", Db + "/no-such-input.sarif", "-o", Db + "/missing/all.sarif"});
  EXPECT_EQ(R.Exit, 2);
  EXPECT_EQ(R.Err, "corolint: error: cannot write '" + Db + "/missing/all.sarif': no such "
                   "directory '" + Db + "/missing'\n");
}

} // namespace
