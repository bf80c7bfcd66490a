#pragma once

#include "mountinfo.h"
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

// Disk usage without df (docs/probes.md, "Disk usage without a process"): the rows of `df -PT -B1` rebuilt
// from the mount table and one statvfs per filesystem, which the client asks the host's sftp-server for.

// Whether the statfs of some mount df would list could block (network, FUSE): then df runs on the host
// under its time limit instead (the types of the bundle's NETWORK_FS; dummy types such as systemd's autofs
// mounts are never statfs'd and do not count).
bool hasBlockingFilesystems(const MountInfo &mounts);
// Those types, as prefixes (the same list as the bundle's NETWORK_FS: tst_probebundle compares them), and
// the type "fuse" itself (fuse. and fuseblk are prefixes, so that fusectl does not match).
const QStringList &blockingFilesystemTypes();

// The mounts df would list, in df's order: absolute mount points, no dummy types (proc, sysfs, devpts,
// ...), of mounts on the same mount point the visible (last) one, and of mounts of the same device the
// one df keeps (a source with a '/' wins, then the one nearer the device's root). Filesystems with no
// blocks are dropped later, as df does, once their numbers are known.
QList<MountEntry> dfCandidates(const MountInfo &mounts);

// The statvfs of one candidate.
struct FilesystemStat
{
    enum class Result { Ok, Gone, Error };
    Result result = Result::Error; // Gone: no such file or permission denied, which df skips silently
    quint64 unit = 0;              // f_frsize (f_bsize where it is 0)
    quint64 blocks = 0;
    quint64 blocksFree = 0;
    quint64 blocksAvailable = 0;
    QString error; // Error: why
};

// What `df -PT -B1` would have printed for the candidates (stats: one per candidate, same order): the
// header and one row per filesystem with blocks, control characters in names shown as '?'; an error line
// per failed statvfs on stderr and exit 1 then, as df.
struct DfOutput
{
    QByteArray output;
    QByteArray errorOutput;
    int exitCode = 0;
};
DfOutput formatDfRows(const QList<MountEntry> &candidates, const QList<FilesystemStat> &stats);

} // namespace lw
