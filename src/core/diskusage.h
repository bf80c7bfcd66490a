#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace lw {

// One row of `df -PT -B1`.
struct DiskUsage
{
    QString filesystem;
    QString type;
    qint64 size = 0;
    qint64 used = 0;
    qint64 available = 0;
    QString mountPoint; // may contain spaces
    int line = 0;

    double usedRatio() const { return size > 0 ? double(used) / double(size) : 0.0; }
};

struct DiskUsageTable
{
    QList<DiskUsage> rows;
    QList<ParseError> errors;

    // The row whose mount point is the longest path prefix of path (the filesystem holding it).
    const DiskUsage *filesystemOf(const QString &path) const;
};
DiskUsageTable parseDf(QByteArrayView text);

} // namespace lw
