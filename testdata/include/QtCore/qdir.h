// Stand-in for Qt's QDir (QtCore), for corolint's tests.
#pragma once
#include "qstring.h"

class QStringList {
public:
  bool isEmpty() const { return true; }
};

class QDir {
public:
  QDir() = default;
  explicit QDir(const QString &path) { (void)path; }
  bool exists() const { return false; }
  bool exists(const QString &name) const { (void)name; return false; }
  QStringList entryList() const { return {}; }
  bool removeRecursively() { return false; }
  QString filePath(const QString &fileName) const { (void)fileName; return {}; }
  QString path() const { return {}; }
};
