// Stand-in for Qt's QImage (QtGui), for corolint's tests.
#pragma once
#include <QtCore/qstring.h>

class QImage {
public:
  QImage() = default;
  explicit QImage(const QString &fileName, const char *format = nullptr) { (void)fileName; (void)format; }
  bool isNull() const { return true; }
  bool load(const QString &fileName, const char *format = nullptr) { (void)fileName; (void)format; return false; }
  bool loadFromData(const QByteArray &data, const char *format = nullptr) { (void)data; (void)format; return false; }
  bool save(const QString &fileName, const char *format = nullptr, int quality = -1) const { (void)fileName; (void)format; (void)quality; return false; }
  int width() const { return 0; }
  int height() const { return 0; }
};
