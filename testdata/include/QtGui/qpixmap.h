// Stand-in for Qt's QPixmap (QtGui), for corolint's tests.
#pragma once
#include <QtCore/qstring.h>
#include "qimage.h"

class QPixmap {
public:
  QPixmap() = default;
  explicit QPixmap(const QString &fileName, const char *format = nullptr) { (void)fileName; (void)format; }
  bool isNull() const { return true; }
  bool load(const QString &fileName, const char *format = nullptr) { (void)fileName; (void)format; return false; }
  bool loadFromData(const QByteArray &data, const char *format = nullptr) { (void)data; (void)format; return false; }
  bool save(const QString &fileName, const char *format = nullptr, int quality = -1) const { (void)fileName; (void)format; (void)quality; return false; }
  static QPixmap fromImage(const QImage &image) { (void)image; return {}; }
  int width() const { return 0; }
};
