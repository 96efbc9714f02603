// CHECKS: coro-blocking-call
// Blocking calls in coroutines found in public history (testdata/real/README.md,
// section coro-blocking-call), restated: the buggy shape is reported, the
// fixed shape beside it is not.
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
#include <seastar/coroutine/exception.hh>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <grp.h>
#include <string_view>
#include <wasmtime.h>
#include <qcoro/qcorotask.h>
#include "corolint_task.hpp"
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QString>
#include <QtGui/QImage>
#include <QtGui/QPixmap>
#include <unistd.h>
#include <chimaera/task.h>
#include <vector>

// --- BC01: group look-up and chown of a unix socket on the reactor -------------

namespace bc01 {
struct group_details { std::string name; gid_t gid; };
// The reactor's wrappers: they run the libc call on the syscall thread.
seastar::future<std::optional<group_details>> getgrnam(std::string name);
seastar::future<> chown(std::string path, uid_t uid, gid_t gid);
seastar::future<> listen_unix(std::string path);

seastar::future<> start_unix_listener_buggy(std::string path, std::string group) {
  co_await listen_unix(path);
  struct group *g = ::getgrnam(group.c_str()); // expect-warning: blocking call to 'getgrnam' in coroutine 'bc01::start_unix_listener_buggy' [coro-blocking-call]
  if (g)
    ::chown(path.c_str(), static_cast<uid_t>(-1), g->gr_gid); // expect-warning: blocking call to 'chown' in coroutine 'bc01::start_unix_listener_buggy' [coro-blocking-call]
}

seastar::future<> start_unix_listener_fixed(std::string path, std::string group) {
  co_await listen_unix(path);
  std::optional<group_details> g = co_await bc01::getgrnam(group);
  if (g)
    co_await bc01::chown(path, static_cast<uid_t>(-1), g->gid);
}
} // namespace bc01

// --- BC02: compiling a user-defined function's WebAssembly module on the
// reactor (scylladb wasm::precompile; fixed by compiling on an alien thread
// and awaiting the result) ------------------------------------------------------

namespace bc02 {
struct context {
  wasm_engine_t *engine;
  wasmtime_module_t *module = nullptr;
};
// A thread outside the reactor; submit() runs the callable there and
// returns a future of its result.
struct alien_thread_runner {
  template <class F> seastar::future<wasmtime_module_t *> submit(F &&f);
};

seastar::future<> precompile_buggy(context &ctx, std::string script) {
  wasmtime_module_t *m = nullptr;
  wasmtime_error_t *err = wasmtime_module_new(ctx.engine, reinterpret_cast<const uint8_t *>(script.data()), script.size(), &m); // expect-warning: blocking call to 'wasmtime_module_new' in coroutine 'bc02::precompile_buggy' [coro-blocking-call]
  if (err) {
    wasmtime_error_delete(err);
    co_await seastar::coroutine::return_exception(std::runtime_error("compilation failed"));
  }
  ctx.module = m;
  co_return;
}

inline seastar::future<> precompile_fixed(alien_thread_runner &runner, context &ctx, std::string script) {
  ctx.module = co_await runner.submit([engine = ctx.engine, script = std::move(script)] {
    wasmtime_module_t *m = nullptr;
    wasmtime_error_t *err = wasmtime_module_new(engine, reinterpret_cast<const uint8_t *>(script.data()), script.size(), &m);
    if (err)
      wasmtime_error_delete(err);
    return m;
  });
}
} // namespace bc02

// --- BC03: a QCoro coroutine on the GUI thread that, after looking up the
// cover's path in the background, reads and decodes the image file and
// checks the thumbnail cache on disk itself (fooyin CoverProvider::
// fetchCover; fixed by loading and scaling a QImage on a pool thread and
// only converting it on the GUI thread) ------------------------------------------

namespace bc03 {
struct Track {
  QString path;
};
// Background work the coroutine awaits (the project's QtConcurrent wrapper).
QCoro::Task<QString> findCoverAsync(Track track);
QCoro::Task<QImage> loadCoverAsync(QString path);
QCoro::Task<QByteArray> readEmbeddedCoverAsync(Track track);
QString thumbnailPath(const QString &key);
QCoro::Task<> saveThumbnail(QPixmap cover, QString key);
void coverAdded(const Track &track, const QPixmap &cover);

QCoro::Task<> fetchCoverBuggy(QString key, Track track) {
  QPixmap cover;
  const QString coverPath = co_await findCoverAsync(track);
  if (!coverPath.isEmpty())
    cover.load(coverPath); // expect-warning: blocking call to 'QPixmap::load' in coroutine 'bc03::fetchCoverBuggy' [coro-blocking-call]
  if (cover.isNull()) {
    const QByteArray data = co_await readEmbeddedCoverAsync(track);
    if (data.isEmpty())
      co_return;
  }
  if (!QFileInfo::exists(thumbnailPath(key))) // expect-warning: blocking call to 'QFileInfo::exists' in coroutine 'bc03::fetchCoverBuggy' [coro-blocking-call]
    co_await saveThumbnail(cover, key);
  coverAdded(track, cover);
}

QCoro::Task<> fetchCoverFixed(QString key, Track track) {
  const QString coverPath = co_await findCoverAsync(track);
  QImage image;
  if (!coverPath.isEmpty())
    image = co_await loadCoverAsync(coverPath);
  if (image.isNull())
    co_return;
  coverAdded(track, QPixmap::fromImage(image));
}
} // namespace bc03

// --- BC06: the same QCoro cover fetch, one release earlier: before its first
// await it asks a helper for the first image in the track's directory, and
// the helper lists the directory with QDir::entryList on the GUI thread
// (fooyin CoverProvider::fetchCover -> coverInDirectory; fixed by running the
// directory search through the project's QtConcurrent wrapper and awaiting
// its result) ----------------------------------------------------------------

namespace bc06 {
struct Track {
  QString path;
};
QCoro::Task<QString> findCoverAsync(Track track); // the search, on a pool thread
QCoro::Task<QByteArray> readEmbeddedCoverAsync(Track track);
void coverAdded(const Track &track);

QString coverInDirectory(const QString &filepath) {
  const QFileInfo file{filepath};
  const QDir dir{file.path()};
  const QStringList images = dir.entryList(QStringList{}, QDir::Files); // expect-note: 'bc06::coverInDirectory' blocks in 'QDir::entryList'
  if (images.isEmpty())
    return {};
  return images.constFirst();
}

QCoro::Task<> fetchCoverBuggy(Track track) {
  const QString coverPath = coverInDirectory(track.path); // expect-warning: call to 'bc06::coverInDirectory' may block coroutine 'bc06::fetchCoverBuggy'; it reaches blocking call 'QDir::entryList' [coro-blocking-call]
  if (coverPath.isEmpty())
    (void)co_await readEmbeddedCoverAsync(track);
  coverAdded(track);
}

QCoro::Task<> fetchCoverFixed(Track track) {
  const QString coverPath = co_await findCoverAsync(track);
  if (coverPath.isEmpty())
    (void)co_await readEmbeddedCoverAsync(track);
  coverAdded(track);
}
} // namespace bc06

// --- BC04: a C++/WinRT coroutine started on the UI thread installs the
// helper files (create the directory, copy every changed file) before its
// first await; slow disks or antivirus scans hung the app at start-up
// (OpenKneeboard CheckRuntimeFiles; fixed by co_await resume_background()
// around the install and co_await of the UI thread's apartment_context
// after it) -----------------------------------------------------------------

namespace winrt {
struct background_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline background_awaiter resume_background() noexcept { return {}; }
struct apartment_context {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace winrt

namespace bc04 {
using testing_task::task;
bool filesDiffer(const std::filesystem::path &a, const std::filesystem::path &b);
std::filesystem::path runtimeDirectory();
task<bool> askRetry(std::string message); // shows a dialog on the UI thread

inline void install(const std::filesystem::path &source) {
  const auto destination = runtimeDirectory();
  std::filesystem::create_directories(destination); // expect-note: 'bc04::install' blocks in 'std::filesystem::create_directories'
  for (const char *file : {"helper.dll", "helper.json"})
    if (filesDiffer(source / file, destination / file))
      std::filesystem::copy(source / file, destination / file, std::filesystem::copy_options::overwrite_existing);
}

task<> checkRuntimeFilesBuggy(std::filesystem::path source) {
  do {
    std::string message;
    try {
      install(source); // expect-warning: call to 'bc04::install' may block coroutine 'bc04::checkRuntimeFilesBuggy'; it reaches blocking call 'std::filesystem::create_directories' [coro-blocking-call]
      co_return;
    } catch (const std::filesystem::filesystem_error &error) {
      message = error.what();
    }
    if (!co_await askRetry(message))
      co_return;
  } while (true);
}

task<> checkRuntimeFilesFixed(std::filesystem::path source) {
  winrt::apartment_context uiThread;
  do {
    std::string message;
    try {
      co_await winrt::resume_background();
      install(source);
      co_await uiThread;
      co_return;
    } catch (const std::filesystem::filesystem_error &error) {
      message = error.what();
    }
    co_await uiThread;
    if (!co_await askRetry(message))
      co_return;
  } while (true);
}
} // namespace bc04

// --- BC05: a paste handler that hops to the thread pool for the clipboard,
// back to the UI thread (WIL's resume_foreground) for the multi-line
// warning dialog, and then writes the text into the terminal's input pipe
// with a blocking write while still on the UI thread (microsoft/terminal
// TerminalPage::_PasteFromClipboardHandler; fixed by co_await
// resume_background() after the dialog) --------------------------------------

namespace wil {
struct foreground_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
struct dispatcher_queue {};
inline foreground_awaiter resume_foreground(dispatcher_queue &) noexcept { return {}; }
} // namespace wil

namespace bc05 {
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
testing_task::task<std::string> clipboardText();
testing_task::task<bool> showMultiLineWarning(std::string_view text);

struct Connection {
  int inputPipe = -1;
  // Blocks until the console host has read the input (the pipe is full).
  void writeInput(std::string_view text) {
    ::write(inputPipe, text.data(), text.size()); // expect-note: 'bc05::Connection::writeInput' blocks in 'write'
  }
};

fire_and_forget pasteBuggy(wil::dispatcher_queue &ui, Connection &connection) {
  co_await winrt::resume_background();
  std::string text = co_await clipboardText();
  if (text.find('\n') != std::string::npos) {
    co_await wil::resume_foreground(ui);
    if (!co_await showMultiLineWarning(text))
      co_return;
  }
  connection.writeInput(text); // expect-warning: call to 'bc05::Connection::writeInput' may block coroutine 'bc05::pasteBuggy'; it reaches blocking call 'write' [coro-blocking-call]
}

fire_and_forget pasteFixed(wil::dispatcher_queue &ui, Connection &connection) {
  co_await winrt::resume_background();
  std::string text = co_await clipboardText();
  if (text.find('\n') != std::string::npos) {
    co_await wil::resume_foreground(ui);
    if (!co_await showMultiLineWarning(text))
      co_return;
    co_await winrt::resume_background();
  }
  connection.writeInput(text);
}
} // namespace bc05

// --- BC07: an assimilator's runtime coroutine fans a file's datasets out to
// the cluster's nodes, then waits for each task with Future::Wait(), which
// spins on the completion flag on the worker thread, starving the tasks it
// waits for (iowarp/clio-core CAE Hdf5FileAssimilator::Schedule; fixed by
// co_await on each future, "not blocking Wait!") ---------------------------

namespace bc07 {
struct ProcessDatasetTask {
  int result_code_ = 0;
};
struct CaeClient {
  chi::Future<ProcessDatasetTask> AsyncProcessDataset(int node, std::string dataset);
};

chi::TaskResume ScheduleBuggy(CaeClient &client, const std::vector<std::string> &datasets, int nodes, int &error_code) {
  std::vector<chi::Future<ProcessDatasetTask>> futures;
  for (size_t i = 0; i < datasets.size(); ++i)
    futures.push_back(client.AsyncProcessDataset(static_cast<int>(i % nodes), datasets[i]));
  for (size_t i = 0; i < futures.size(); ++i) {
    futures[i].Wait(); // expect-error: blocking call to 'chi::Future::Wait' in coroutine 'bc07::ScheduleBuggy' [coro-blocking-call]
    if (futures[i]->result_code_ != 0)
      error_code = 1;
  }
  co_return;
}

chi::TaskResume ScheduleFixed(CaeClient &client, const std::vector<std::string> &datasets, int nodes, int &error_code) {
  std::vector<chi::Future<ProcessDatasetTask>> futures;
  for (size_t i = 0; i < datasets.size(); ++i)
    futures.push_back(client.AsyncProcessDataset(static_cast<int>(i % nodes), datasets[i]));
  for (size_t i = 0; i < futures.size(); ++i) {
    co_await futures[i];
    if (futures[i]->result_code_ != 0)
      error_code = 1;
  }
}
} // namespace bc07
