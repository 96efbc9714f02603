// Stand-in for Qt's QFileInfo (QtCore), for corolint's tests.
#pragma once
#include "qstring.h"

class QFileInfo {
public:
  QFileInfo() = default;
  explicit QFileInfo(const QString &file) { (void)file; }
  bool exists() const { return false; }
  static bool exists(const QString &file) { (void)file; return false; }
  QString fileName() const { return {}; }
  QString absoluteFilePath() const { return {}; }
  QString path() const { return {}; }
  bool isDir() const { return false; }
};
