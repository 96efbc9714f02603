#include "OutputFile.h"
#include "WriteAll.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace corolint::driver {
namespace {

/// How an output path is written.
struct Target {
  enum Kind { Descriptor, Direct, Atomic, Directory } How = Atomic;
  int FD = -1;      // Descriptor: an open file descriptor of this process
  std::string Path; // the file written: the final target of any links
  bool Exists = false;
  mode_t Mode = 0;  // of an existing file
};

std::string errnoText(int E) {
  return std::error_code(E, std::generic_category()).message();
}

/// /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name this
/// process's descriptors: write them, never what they point at.
std::optional<int> descriptorNamed(llvm::StringRef Path) {
  if (Path == "/dev/stdin")
    return 0;
  if (Path == "/dev/stdout")
    return 1;
  if (Path == "/dev/stderr")
    return 2;
  for (llvm::StringRef Prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    unsigned N;
    if (Path.consume_front(Prefix) && !Path.getAsInteger(10, N))
      return static_cast<int>(N);
  }
  return std::nullopt;
}

/// Follows symbolic links to the file that is written (it may not exist
/// yet: a dangling link names the file to create).
std::optional<Target> resolve(llvm::StringRef Path, std::string &Error) {
  std::string Current = Path.str();
  for (int Hops = 0; Hops < 40; ++Hops) {
    if (std::optional<int> FD = descriptorNamed(Current)) {
      Target T;
      T.How = Target::Descriptor;
      T.FD = *FD;
      T.Path = Current;
      return T;
    }
    struct stat St;
    if (::lstat(Current.c_str(), &St) != 0) {
      Target T;
      T.Path = Current;
      return T; // a new file
    }
    if (!S_ISLNK(St.st_mode)) {
      Target T;
      T.Path = Current;
      T.Exists = true;
      T.Mode = St.st_mode;
      if (S_ISDIR(St.st_mode))
        T.How = Target::Directory;
      else if (!S_ISREG(St.st_mode))
        T.How = Target::Direct;
      return T;
    }
    char Buffer[PATH_MAX];
    ssize_t N = ::readlink(Current.c_str(), Buffer, sizeof(Buffer));
    if (N < 0) {
      Error = "cannot write '" + Path.str() + "': " + errnoText(errno);
      return std::nullopt;
    }
    llvm::StringRef Link(Buffer, static_cast<std::size_t>(N));
    if (llvm::sys::path::is_absolute(Link)) {
      Current = Link.str();
    } else {
      llvm::SmallString<256> Next(llvm::sys::path::parent_path(Current));
      llvm::sys::path::append(Next, Link);
      Current = std::string(Next);
    }
  }
  Error = "cannot write '" + Path.str() + "': too many levels of symbolic links";
  return std::nullopt;
}

std::string directoryOf(llvm::StringRef Path) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  return Dir.empty() ? std::string(".") : Dir.str();
}

} // namespace

bool checkOutputFile(llvm::StringRef Path, std::string &Error) {
  std::optional<Target> T = resolve(Path, Error);
  if (!T)
    return false;
  auto Fail = [&](const std::string &Why) {
    Error = "cannot write '" + Path.str() + "': " + Why;
    return false;
  };
  switch (T->How) {
  case Target::Descriptor: {
    int Flags = ::fcntl(T->FD, F_GETFL);
    if (Flags < 0)
      return Fail(errnoText(errno));
    if ((Flags & O_ACCMODE) == O_RDONLY)
      return Fail("not open for writing");
    return true;
  }
  case Target::Directory:
    return Fail("it is a directory");
  case Target::Direct:
    // A FIFO is not opened here: that would wait for its reader.
    if (::access(T->Path.c_str(), W_OK) != 0)
      return Fail(errnoText(errno));
    return true;
  case Target::Atomic:
    break;
  }
  std::string Dir = directoryOf(T->Path);
  if (!llvm::sys::fs::is_directory(Dir))
    return Fail(llvm::sys::fs::exists(Dir) ? "'" + Dir + "' is not a directory"
                                           : "no such directory '" + Dir + "'");
  if (T->Exists && ::access(T->Path.c_str(), W_OK) != 0)
    return Fail(errnoText(errno));
  // The rename needs a new file in the directory: try one.
  llvm::SmallString<256> Probe;
  int FD = -1;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(T->Path + ".tmp-%%%%%%%%", FD, Probe))
    return Fail(EC.message());
  ::close(FD);
  llvm::sys::fs::remove(Probe);
  return true;
}

bool writeOutputFile(llvm::StringRef Path, llvm::StringRef Content,
                     std::string &Error) {
  std::optional<Target> T = resolve(Path, Error);
  if (!T)
    return false;
  auto Fail = [&](const std::string &Why) {
    Error = "cannot write '" + Path.str() + "': " + Why;
    return false;
  };
  int Errno = 0;
  switch (T->How) {
  case Target::Directory:
    return Fail("it is a directory");
  case Target::Descriptor:
    if (!writeAll(T->FD, Content))
      return Fail(errnoText(errno));
    return true;
  case Target::Direct: {
    // Devices and FIFOs: opened and written, never replaced (a FIFO's
    // reader gets the content; /dev/full reports that it is full).
    int FD = ::open(T->Path.c_str(), O_WRONLY | O_CLOEXEC);
    if (FD < 0)
      return Fail(errnoText(errno));
    bool Ok = writeAll(FD, Content);
    if (!Ok)
      Errno = errno;
    if (::close(FD) != 0 && Ok) {
      Ok = false;
      Errno = errno;
    }
    return Ok || Fail(errnoText(Errno));
  }
  case Target::Atomic:
    break;
  }
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(T->Path + ".tmp-%%%%%%%%", FD, Temp))
    return Fail(EC.message());
  if (T->Exists)
    ::fchmod(FD, T->Mode & 07777);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      std::string Why = OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return Fail(Why);
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, T->Path)) {
    llvm::sys::fs::remove(Temp);
    return Fail(EC.message());
  }
  return true;
}

} // namespace corolint::driver
