#include "diskusage.h"

#include "coretr.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lw {

namespace {

// A path with repeated and trailing slashes removed, so that prefixes compare component by component.
QString normalizedPath(const QString &path)
{
    QString result;
    result.reserve(path.size());
    for (const QChar c : path) {
        if (c == u'/' && result.endsWith(u'/'))
            continue;
        result += c;
    }
    while (result.size() > 1 && result.endsWith(u'/'))
        result.chop(1);
    return result;
}

bool isPathPrefix(const QString &prefix, const QString &path)
{
    if (prefix == u"/"_s)
        return path.startsWith(u'/');
    return path == prefix || (path.startsWith(prefix) && path.at(prefix.size()) == u'/');
}

bool toSize(const QString &text, qint64 *out)
{
    if (text == u"-"_s) { // df prints "-" where a pseudo filesystem has no block counts
        *out = 0;
        return true;
    }
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok && *out >= 0;
}

} // namespace

const DiskUsage *DiskUsageTable::filesystemOf(const QString &path) const
{
    const QString target = normalizedPath(path);
    const DiskUsage *best = nullptr;
    qsizetype bestLength = -1;
    for (const DiskUsage &row : rows) {
        const QString mountPoint = normalizedPath(row.mountPoint);
        if (!isPathPrefix(mountPoint, target))
            continue;
        // ">=": of rows with the same mount point the last wins; df lists the visible (top) mount last.
        if (mountPoint.size() >= bestLength) {
            best = &row;
            bestLength = mountPoint.size();
        }
    }
    return best;
}

DiskUsageTable parseDf(QByteArrayView text)
{
    DiskUsageTable table;
    // Anchored on the four numeric columns: the source before them and the mount point after them may both
    // contain spaces (df -P prints them raw). The source is matched lazily, so the first run of
    // "type size used avail capacity" wins.
    static const QRegularExpression row(
        u"^(.+?)\\s+(\\S+)\\s+(\\d+|-)\\s+(\\d+|-)\\s+(\\d+|-)\\s+(\\d+%|-)\\s(.*)$"_s);
    const QList<QByteArray> lines = text.toByteArray().split('\n');
    bool firstLine = true;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines.at(i));
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const bool isFirst = firstLine;
        firstLine = false;
        const QRegularExpressionMatch match = row.match(line);
        DiskUsage usage;
        bool ok = match.hasMatch();
        if (ok) {
            usage.filesystem = match.captured(1).trimmed();
            usage.type = match.captured(2);
            usage.mountPoint = match.captured(7).trimmed();
            usage.line = int(i) + 1;
            ok = toSize(match.captured(3), &usage.size) && toSize(match.captured(4), &usage.used) &&
                 toSize(match.captured(5), &usage.available) && !usage.mountPoint.isEmpty();
        }
        if (ok) {
            table.rows.append(usage);
        } else if (!isFirst) { // the first line is the header ("Filesystem Type 1-blocks ..."), in any locale
            table.errors.append({int(i) + 1, 0,
                                 CoreTr::tr("Line %1 of df output is not a filesystem row: \"%2\"")
                                     .arg(i + 1)
                                     .arg(line.left(200))});
        }
    }
    return table;
}

} // namespace lw
