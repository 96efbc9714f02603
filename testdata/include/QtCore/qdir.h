// Stand-in for Qt's QDir (QtCore), for corolint's tests.
#pragma once
#include "qstring.h"

class QStringList {
public:
  bool isEmpty() const { return true; }
  QString constFirst() const { return {}; }
};

class QDir {
public:
  QDir() = default;
  explicit QDir(const QString &path) { (void)path; }
  bool exists() const { return false; }
  bool exists(const QString &name) const { (void)name; return false; }
  enum Filter { Dirs = 0x1, Files = 0x2, NoDotAndDotDot = 0x1000 };
  QStringList entryList() const { return {}; }
  QStringList entryList(const QStringList &nameFilters, int filters) const { (void)nameFilters; (void)filters; return {}; }
  QString absolutePath() const { return {}; }
  bool removeRecursively() { return false; }
  QString filePath(const QString &fileName) const { (void)fileName; return {}; }
  QString path() const { return {}; }
};
