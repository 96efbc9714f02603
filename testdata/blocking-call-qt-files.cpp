// CHECKS: coro-blocking-call
// Qt's file, directory and image-file calls in a QCoro coroutine: they run
// on the coroutine's thread (the GUI thread, usually) and wait for the disk.
#include <future>
#include <qcoro/qcorotask.h>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QString>
#include <QtGui/QImage>
#include <QtGui/QPixmap>

QCoro::Task<QString> pickFile();

QCoro::Task<QImage> loadImage() {
  const QString path = co_await pickFile();
  QImage image;
  image.load(path); // expect-warning: blocking call to 'QImage::load' in coroutine 'loadImage' [coro-blocking-call]
  co_return image;
}

QCoro::Task<bool> saveThumbnail(QImage image) {
  const QString path = co_await pickFile();
  co_return image.save(path, "JPG", 85); // expect-warning: blocking call to 'QImage::save' in coroutine 'saveThumbnail' [coro-blocking-call]
}

QCoro::Task<int> inspect() {
  const QString path = co_await pickFile();
  QFileInfo info(path);
  QDir dir(path);
  int n = 0;
  if (info.exists()) // expect-warning: blocking call to 'QFileInfo::exists' in coroutine 'inspect' [coro-blocking-call]
    ++n;
  if (dir.exists()) // expect-warning: blocking call to 'QDir::exists' in coroutine 'inspect' [coro-blocking-call]
    ++n;
  if (!dir.entryList().isEmpty()) // expect-warning: blocking call to 'QDir::entryList' in coroutine 'inspect' [coro-blocking-call]
    ++n;
  co_return n;
}

// Not reported: no disk access (names, conversions), the work handed to
// another thread, or a plain function.
QCoro::Task<QPixmap> toPixmap(QImage image) {
  const QString path = co_await pickFile();
  QFileInfo info(path);
  (void)info.fileName();
  (void)QDir(path).filePath("cover.jpg");
  co_return QPixmap::fromImage(image);
}
QCoro::Task<bool> loadOnAThread() {
  const QString path = co_await pickFile();
  auto f = std::async(std::launch::async, [path] {
    QImage image;
    return image.load(path);
  });
  co_return true;
}
bool loadAtStartup(const QString &path) {
  QPixmap pixmap;
  return pixmap.load(path) && QFileInfo::exists(path);
}
