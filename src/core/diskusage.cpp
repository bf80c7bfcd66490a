#include "diskusage.h"

#include "coretr.h"

#include <QHash>
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

namespace {

// gnulib's ME_DUMMY types (mountlist.c), which df leaves out without -a.
bool isDummyType(const QString &type)
{
    static const QStringList dummy{u"autofs"_s,  u"proc"_s,        u"subfs"_s,  u"debugfs"_s,    u"devpts"_s,
                                   u"fusectl"_s, u"fuse.portal"_s, u"mqueue"_s, u"rpc_pipefs"_s, u"sysfs"_s,
                                   u"devfs"_s,   u"kernfs"_s,      u"ignore"_s, u"rootfs"_s,     u"none"_s};
    return dummy.contains(type);
}

// As df writes a cell to a pipe: control characters as '?', every other byte as it is (in the C locale the
// bundle runs df in, a cell's width is its length in bytes).
QByteArray printable(QByteArray bytes)
{
    for (char &c : bytes) {
        if (uchar(c) < 0x20 || uchar(c) == 0x7f)
            c = '?';
    }
    return bytes;
}

} // namespace

const QStringList &blockingFilesystemTypes()
{
    static const QStringList prefixes{u"nfs"_s,  u"cifs"_s,     u"smb"_s,   u"fuse."_s, u"fuseblk"_s,
                                      u"ceph"_s, u"gluster"_s,  u"9p"_s,    u"afs"_s,   u"lustre"_s,
                                      u"gfs2"_s, u"ocfs2"_s,    u"ncp"_s,   u"coda"_s,  u"beegfs"_s,
                                      u"gpfs"_s, u"orangefs"_s, u"pvfs2"_s, u"davfs"_s, u"sshfs"_s};
    return prefixes;
}

bool hasBlockingFilesystems(const MountInfo &mounts)
{
    const QStringList &prefixes = blockingFilesystemTypes();
    for (const MountEntry &m : mounts.mounts) {
        if (isDummyType(m.fsType)) // never statfs'd (systemd's autofs on /proc/sys/fs/binfmt_misc, fusectl)
            continue;
        if (m.fsType == u"fuse"_s)
            return true;
        for (const QString &prefix : prefixes) {
            if (m.fsType.startsWith(prefix))
                return true;
        }
    }
    return false;
}

QList<MountEntry> dfCandidates(const MountInfo &mounts)
{
    // As coreutils' filter_mount_list: rows are keyed by stat(mount point).st_dev, the device of the mount
    // visible there, i.e. the mount table's major:minor of the LAST mount on that mount point.
    // By the names' bytes, as df compares them (two names that are not UTF-8 may differ only there).
    QList<QByteArray> points; // each mount's, once
    points.reserve(mounts.mounts.size());
    QHash<QByteArray, quint64> visibleDevice;
    for (const MountEntry &m : mounts.mounts) {
        points.append(m.mountPointPath());
        visibleDevice.insert(points.last(), (quint64(m.major) << 32) | m.minor);
    }

    QList<qsizetype> rowMounts; // indexes into mounts.mounts
    QHash<quint64, qsizetype> rowOfDevice;
    for (qsizetype i = 0; i < mounts.mounts.size(); ++i) {
        const MountEntry &m = mounts.mounts.at(i);
        if (!m.mountPoint.startsWith(u'/') || isDummyType(m.fsType))
            continue;
        const QByteArray &point = points.at(i);
        const quint64 device = visibleDevice.value(point);
        const auto it = rowOfDevice.constFind(device);
        if (it == rowOfDevice.cend()) {
            rowOfDevice.insert(device, rowMounts.size());
            rowMounts.append(i);
            continue;
        }
        const MountEntry &seen = mounts.mounts.at(rowMounts.at(*it));
        const QByteArray &seenPoint = points.at(rowMounts.at(*it));
        const bool targetNearerRoot = seenPoint.size() > point.size();
        const bool sourceBelowRoot =
            seen.root.toUtf8().size() < m.root.toUtf8().size(); // bind mounts: nearer the source's root wins
        // A real device (a '/' in its name) wins, then the mount nearer the root, then a mount on the same
        // mount point from another source (mounted over it).
        if ((m.source.contains(u'/') && !seen.source.contains(u'/')) ||
            (targetNearerRoot && !sourceBelowRoot) ||
            (seen.sourceBytes() != m.sourceBytes() && seenPoint == point))
            rowMounts[*it] = i;
    }
    QList<MountEntry> rows;
    rows.reserve(rowMounts.size());
    for (const qsizetype i : std::as_const(rowMounts))
        rows.append(mounts.mounts.at(i));
    return rows;
}

DfOutput formatDfRows(const QList<MountEntry> &candidates, const QList<FilesystemStat> &stats)
{
    DfOutput result;
    QList<QList<QByteArray>> table{
        {"Filesystem", "Type", "1-blocks", "Used", "Available", "Capacity", "Mounted on"}};
    for (qsizetype i = 0; i < candidates.size() && i < stats.size(); ++i) {
        const MountEntry &m = candidates.at(i);
        const FilesystemStat &st = stats.at(i);
        if (st.result == FilesystemStat::Result::Gone)
            continue;
        if (st.result == FilesystemStat::Result::Error) {
            result.errorOutput += "df: " + printable(m.mountPointPath()) + ": " + st.error.toUtf8() + '\n';
            result.exitCode = 1;
            continue;
        }
        if (st.blocks == 0)
            continue;
        const quint64 used = st.blocks >= st.blocksFree ? st.blocks - st.blocksFree : 0;
        const quint64 nonRootTotal = used + st.blocksAvailable;
        QByteArray capacity = "-";
        if (nonRootTotal != 0) // df rounds up
            capacity =
                QByteArray::number(used * 100 / nonRootTotal + ((used * 100) % nonRootTotal != 0)) + '%';
        table.append({printable(m.source.isEmpty() ? QByteArray("-") : m.sourceBytes()),
                      printable(m.fsType.toUtf8()), QByteArray::number(st.blocks * st.unit),
                      QByteArray::number(used * st.unit), QByteArray::number(st.blocksAvailable * st.unit),
                      capacity, printable(m.mountPointPath())});
    }
    // df's layout: every column as wide as its widest cell, names left, numbers right, the mount point last
    qsizetype width[6] = {};
    for (const QList<QByteArray> &row : std::as_const(table)) {
        for (int c = 0; c < 6; ++c)
            width[c] = std::max(width[c], row.at(c).size());
    }
    QByteArray &text = result.output;
    for (const QList<QByteArray> &row : std::as_const(table)) {
        text += row.at(0).leftJustified(width[0]) + ' ' + row.at(1).leftJustified(width[1]);
        for (int c = 2; c < 6; ++c)
            text += ' ' + row.at(c).rightJustified(width[c]);
        text += ' ' + row.at(6) + '\n';
    }
    return result;
}

} // namespace lw
