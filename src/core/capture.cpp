#include "capture.h"

#include "coretr.h"
#include "probebundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lw {

namespace {

// Bounds of what a capture file may hold: meta.json is a few hundred bytes; a probe's output is capped at
// bundleProbeOutputCap by the bundle (the rest of it, and stderr, are smaller).
constexpr qint64 metaFileLimit = 1 << 20;
constexpr qint64 probeFileLimit = 4 * bundleProbeOutputCap;

const QString stderrSuffix = QStringLiteral(".stderr");

// A probe ID from meta.json becomes a file name: only plain names, never paths.
bool isSafeProbeId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return re.match(id).hasMatch() && !id.endsWith(stderrSuffix) && id != QLatin1String(CaptureMetaFile);
}

// What a name in a capture directory is, without following a link.
enum class EntryType { Missing, Regular, Other };

EntryType entryType(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return errno == ENOENT ? EntryType::Missing : EntryType::Other;
    return S_ISREG(st.st_mode) ? EntryType::Regular : EntryType::Other;
}

// Reads a capture file: a regular file only (a FIFO would block for ever, a link to /dev/zero never end; no
// link is followed) and at most `limit` bytes (a file larger than anything Layerwatch writes is refused, not
// read into memory). Opened without blocking and judged by what was opened.
QString notRegularError(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode))
        return CoreTr::tr("%1 is a symbolic link; a capture is read from regular files only")
            .arg(QDir::toNativeSeparators(path));
    return CoreTr::tr("%1 is not a regular file (a FIFO, device or directory): not read")
        .arg(QDir::toNativeSeparators(path));
}

bool readFile(const QString &path, qint64 limit, QByteArray *data, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (entryType(path) == EntryType::Other) { // not even opened: a device node may act on open
        *error = notRegularError(path);
        return false;
    }
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error =
            errno == ELOOP
                ? CoreTr::tr("%1 is a symbolic link; a capture is read from regular files only").arg(shown)
                : CoreTr::tr("cannot read %1: %2").arg(shown, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = notRegularError(path);
        return false;
    }
    if (st.st_size > limit) {
        ::close(fd);
        *error = CoreTr::tr("%1 is larger than %2 bytes, more than Layerwatch ever writes there: not read")
                     .arg(shown)
                     .arg(limit);
        return false;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = CoreTr::tr("cannot read %1: %2").arg(shown, file.errorString());
        return false;
    }
    *data = file.read(limit + 1); // a file that grows while read: still bounded
    if (data->size() > limit) {
        data->clear();
        *error = CoreTr::tr("%1 is larger than %2 bytes, more than Layerwatch ever writes there: not read")
                     .arg(shown)
                     .arg(limit);
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = CoreTr::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// A name Layerwatch writes into a capture: meta.json, a probe file or its .stderr (probes: the known IDs and
// those of the capture being written).
bool isCaptureFileName(const QString &name, const QStringList &probeIds)
{
    if (name == QLatin1String(CaptureMetaFile) || probeIds.contains(name))
        return true;
    return name.endsWith(stderrSuffix) && probeIds.contains(name.chopped(stderrSuffix.size()));
}

// The entries of a directory opened without following a symlink anywhere on its last component; false if
// it cannot be opened as such. Each entry: its name and whether it is a regular file (not a link).
bool listDirectoryNoFollow(const QString &path, QList<QPair<QByteArray, bool>> *entries, int *dirFd)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    const int iterFd = ::dup(fd);
    DIR *d = iterFd >= 0 ? ::fdopendir(iterFd) : nullptr;
    if (!d) {
        if (iterFd >= 0)
            ::close(iterFd);
        ::close(fd);
        return false;
    }
    while (const dirent *e = ::readdir(d)) {
        const QByteArray name(e->d_name);
        if (name == "." || name == "..")
            continue;
        struct stat st = {};
        const bool regular = ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
        entries->append({name, regular});
    }
    ::closedir(d);
    if (dirFd)
        *dirFd = fd;
    else
        ::close(fd);
    return true;
}

// The existing DIR/<host> may be replaced only if it is a real directory (not a symlink: writing through
// it would replace or empty another directory) holding nothing but files Layerwatch writes into a capture.
bool checkReplaceable(const QString &path, const QStringList &probeIds, QString *error)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return true;
        setError(error,
                 CoreTr::tr("cannot inspect %1: %2")
                     .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    if (S_ISLNK(st.st_mode)) {
        setError(error, CoreTr::tr("%1 is a symbolic link; a capture is never written through one")
                            .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        setError(error, CoreTr::tr("%1 exists and is not a directory").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    QList<QPair<QByteArray, bool>> entries;
    if (!listDirectoryNoFollow(path, &entries, nullptr)) {
        setError(error,
                 CoreTr::tr("cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    for (const auto &entry : std::as_const(entries)) {
        const QString name = QFile::decodeName(entry.first);
        if (!entry.second || !isCaptureFileName(name, probeIds)) {
            setError(error, CoreTr::tr("%1 is not a capture directory: it holds \"%2\", which Layerwatch did "
                                       "not write; not replacing it")
                                .arg(QDir::toNativeSeparators(path), name));
            return false;
        }
    }
    return true;
}

// Removes the old capture moved aside: only the regular files a capture holds, never following a link;
// then the directory itself if that left it empty (anything else stays where it is).
void removeOldCapture(const QString &path, const QStringList &probeIds)
{
    QList<QPair<QByteArray, bool>> entries;
    int fd = -1;
    if (!listDirectoryNoFollow(path, &entries, &fd))
        return;
    for (const auto &entry : std::as_const(entries)) {
        if (entry.second && isCaptureFileName(QFile::decodeName(entry.first), probeIds))
            ::unlinkat(fd, entry.first.constData(), 0);
    }
    ::close(fd);
    ::rmdir(QFile::encodeName(path).constData());
}

} // namespace

bool isCaptureDirectory(const QString &dir)
{
    // Any entry with a capture's name, whatever it is: reading it then says what is wrong with it (a FIFO
    // meta.json must make an error, not a directory that is silently skipped).
    const QDir d(dir);
    if (entryType(d.filePath(QLatin1String(CaptureMetaFile))) != EntryType::Missing)
        return true;
    const QStringList ids = ProbeId::all();
    for (const QString &id : ids) {
        if (entryType(d.filePath(id)) != EntryType::Missing)
            return true;
    }
    return false;
}

CaptureReadResult readCapture(const QString &dir)
{
    CaptureReadResult result;
    const QFileInfo dirInfo(dir);
    if (!dirInfo.isDir()) {
        result.error = CoreTr::tr("%1 is not a directory").arg(QDir::toNativeSeparators(dir));
        return result;
    }
    const QDir d(dir);
    RawCapture &capture = result.capture;
    capture.host = dirInfo.canonicalFilePath().section(QLatin1Char('/'), -1);

    const QString metaPath = d.filePath(QLatin1String(CaptureMetaFile));
    const bool haveMeta = entryType(metaPath) != EntryType::Missing;
    QJsonObject probesMeta;
    if (haveMeta) {
        QByteArray data;
        if (!readFile(metaPath, metaFileLimit, &data, &result.error))
            return result;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            result.error = CoreTr::tr("%1 is not valid JSON (at byte %2: %3)")
                               .arg(QDir::toNativeSeparators(metaPath), QString::number(parseError.offset),
                                    parseError.errorString());
            return result;
        }
        if (!doc.isObject()) {
            result.error =
                CoreTr::tr("%1: the top level must be a JSON object").arg(QDir::toNativeSeparators(metaPath));
            return result;
        }
        const QJsonObject meta = doc.object();
        const int format = meta.value(QLatin1String("format")).toInt(-1);
        if (format != CaptureFormat) {
            result.error = CoreTr::tr("%1: unsupported capture format %2 (expected %3)")
                               .arg(QDir::toNativeSeparators(metaPath),
                                    meta.value(QLatin1String("format")).toVariant().toString(),
                                    QString::number(CaptureFormat));
            return result;
        }
        const QJsonValue host = meta.value(QLatin1String("host"));
        if (host.isString() && !host.toString().isEmpty())
            capture.host = host.toString();
        const QString collectedAt = meta.value(QLatin1String("collectedAt")).toString();
        if (!collectedAt.isEmpty()) {
            capture.collectedAt = QDateTime::fromString(collectedAt, Qt::ISODateWithMs);
            if (!capture.collectedAt.isValid())
                result.warnings.append(CoreTr::tr("%1: collectedAt \"%2\" is not an ISO-8601 time")
                                           .arg(QDir::toNativeSeparators(metaPath), collectedAt));
        }
        const QJsonValue probes = meta.value(QLatin1String("probes"));
        if (!probes.isObject()) {
            result.error =
                CoreTr::tr("%1: \"probes\" must be a JSON object").arg(QDir::toNativeSeparators(metaPath));
            return result;
        }
        probesMeta = probes.toObject();
    }

    // Every known probe, plus any other probe meta.json names (a newer bundle).
    QStringList ids = ProbeId::all();
    for (auto it = probesMeta.constBegin(); it != probesMeta.constEnd(); ++it) {
        if (ids.contains(it.key()))
            continue;
        if (!isSafeProbeId(it.key())) {
            result.error =
                CoreTr::tr("%1: invalid probe ID \"%2\"").arg(QDir::toNativeSeparators(metaPath), it.key());
            return result;
        }
        ids.append(it.key());
    }

    for (const QString &id : std::as_const(ids)) {
        const QString dataPath = d.filePath(id);
        const EntryType dataType = entryType(dataPath);
        if (dataType == EntryType::Other) {
            // A FIFO, device, directory or link where a probe's file belongs: not a capture we can trust.
            result.error = notRegularError(dataPath);
            return result;
        }
        const bool haveData = dataType == EntryType::Regular;
        ProbeOutput out;
        if (probesMeta.contains(id)) {
            const QJsonValue entryValue = probesMeta.value(id);
            if (!entryValue.isObject()) {
                result.error = CoreTr::tr("%1: the entry of probe \"%2\" must be a JSON object")
                                   .arg(QDir::toNativeSeparators(metaPath), id);
                return result;
            }
            const QJsonObject entry = entryValue.toObject();
            bool known = false;
            const QString statusName = entry.value(QLatin1String("status")).toString();
            out.status = probeStatusFromName(statusName, &known);
            if (!known) {
                result.error = CoreTr::tr("%1: probe \"%2\" has an unknown status \"%3\"")
                                   .arg(QDir::toNativeSeparators(metaPath), id, statusName);
                return result;
            }
            out.exitCode = entry.value(QLatin1String("exitCode")).toInt(-1);
            out.durationMs = qint64(entry.value(QLatin1String("durationMs")).toDouble(-1));
            out.truncated = entry.value(QLatin1String("truncated")).toBool(false);
            if (out.status == ProbeStatus::Ok && !haveData) {
                // Claimed data that is not there: never treat a damaged capture as healthy.
                out.status = ProbeStatus::Failed;
                result.warnings.append(CoreTr::tr("%1: probe \"%2\" is marked ok but its file is missing")
                                           .arg(QDir::toNativeSeparators(dir), id));
            }
        } else if (haveData) {
            out.status = ProbeStatus::Ok;
            if (haveMeta)
                result.warnings.append(CoreTr::tr("%1: file \"%2\" is not listed in meta.json; taken as ok")
                                           .arg(QDir::toNativeSeparators(dir), id));
        } else {
            continue; // NotCollected
        }
        if (haveData && !readFile(dataPath, probeFileLimit, &out.output, &result.error))
            return result;
        const QString errPath = dataPath + stderrSuffix;
        if (entryType(errPath) != EntryType::Missing &&
            !readFile(errPath, probeFileLimit, &out.errorOutput, &result.error))
            return result;
        capture.probes.insert(id, out);
    }
    return result;
}

bool writeCapture(const RawCapture &capture, const QString &dir, QString *error)
{
    const QFileInfo target(dir);
    const QString targetPath = target.absoluteFilePath();
    QStringList probeIds = ProbeId::all();
    for (auto it = capture.probes.constBegin(); it != capture.probes.constEnd(); ++it) {
        if (isSafeProbeId(it.key()) && !probeIds.contains(it.key()))
            probeIds.append(it.key());
    }
    if (!checkReplaceable(targetPath, probeIds, error))
        return false;
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent)) {
        setError(error, CoreTr::tr("cannot create %1").arg(QDir::toNativeSeparators(parent)));
        return false;
    }
    // A hidden sibling on the same filesystem, so the final step is a rename.
    QTemporaryDir temp(parent + QLatin1String("/.") + target.fileName() + QLatin1String(".tmp-XXXXXX"));
    if (!temp.isValid()) {
        setError(error, CoreTr::tr("cannot create a temporary directory in %1: %2")
                            .arg(QDir::toNativeSeparators(parent), temp.errorString()));
        return false;
    }
    const QDir tempDir(temp.path());
    QString message;
    QJsonObject probes;
    for (auto it = capture.probes.constBegin(); it != capture.probes.constEnd(); ++it) {
        const ProbeOutput &out = it.value();
        if (out.status == ProbeStatus::NotCollected)
            continue;
        if (!isSafeProbeId(it.key())) {
            setError(error, CoreTr::tr("invalid probe ID \"%1\"").arg(it.key()));
            return false;
        }
        if (out.status == ProbeStatus::Ok || !out.output.isEmpty()) {
            if (!writeFile(tempDir.filePath(it.key()), out.output, &message)) {
                setError(error, message);
                return false;
            }
        }
        if (!out.errorOutput.isEmpty() &&
            !writeFile(tempDir.filePath(it.key() + stderrSuffix), out.errorOutput, &message)) {
            setError(error, message);
            return false;
        }
        QJsonObject entry;
        entry.insert(QLatin1String("status"), probeStatusName(out.status));
        entry.insert(QLatin1String("exitCode"), out.exitCode);
        entry.insert(QLatin1String("durationMs"), double(out.durationMs));
        entry.insert(QLatin1String("truncated"), out.truncated);
        probes.insert(it.key(), entry);
    }
    QJsonObject meta;
    meta.insert(QLatin1String("format"), CaptureFormat);
    meta.insert(QLatin1String("host"), capture.host);
    meta.insert(QLatin1String("collectedAt"), capture.collectedAt.isValid()
                                                  ? capture.collectedAt.toUTC().toString(Qt::ISODateWithMs)
                                                  : QString());
    meta.insert(QLatin1String("probes"), probes);
    // meta.json last: a directory without it is never mistaken for a finished capture with meta.
    if (!writeFile(tempDir.filePath(QLatin1String(CaptureMetaFile)),
                   QJsonDocument(meta).toJson(QJsonDocument::Indented), &message)) {
        setError(error, message);
        return false;
    }
    QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                           QFileDevice::ExeGroup);

    QString backup;
    struct stat existing = {};
    if (::lstat(QFile::encodeName(targetPath).constData(), &existing) == 0) {
        // Checked again right before the move: what is moved aside (rename never follows the last
        // component) and later removed must be what was checked, a directory of capture files.
        if (!checkReplaceable(targetPath, probeIds, error))
            return false;
        backup = parent + QLatin1String("/.") + target.fileName() + QLatin1String(".old-") +
                 QString::number(QDateTime::currentMSecsSinceEpoch());
        if (!QDir().rename(targetPath, backup)) {
            setError(error, CoreTr::tr("cannot replace %1").arg(QDir::toNativeSeparators(dir)));
            return false;
        }
    }
    if (!QDir().rename(temp.path(), targetPath)) {
        if (!backup.isEmpty())
            QDir().rename(backup, targetPath);
        setError(error,
                 CoreTr::tr("cannot move the capture into place at %1").arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    temp.setAutoRemove(false);
    if (!backup.isEmpty())
        removeOldCapture(backup, probeIds);
    return true;
}

CaptureSetReadResult readCaptures(const QString &dir)
{
    CaptureSetReadResult result;
    if (!QFileInfo(dir).isDir()) {
        result.errors.append(CoreTr::tr("%1 is not a directory").arg(QDir::toNativeSeparators(dir)));
        result.failedDirectories.append(dir);
        return result;
    }
    QStringList dirs;
    if (isCaptureDirectory(dir)) {
        dirs.append(dir);
    } else {
        // Every host directory is read or reported: one whose name does not survive the round trip through
        // QString (not UTF-8) or that holds no capture is an error naming it, never silently left out.
        const QDir d(dir);
        QList<QPair<QByteArray, bool>> entries;
        listDirectoryNoFollow(dir, &entries, nullptr);
        std::sort(entries.begin(), entries.end());
        for (const auto &entry : std::as_const(entries)) {
            const QByteArray &raw = entry.first;
            if (raw.startsWith('.'))
                continue; // hidden: Layerwatch's own temporary directories, a VCS's
            const QString name = QFile::decodeName(raw);
            const QString path = d.filePath(name);
            struct stat st = {};
            const QByteArray rawPath = QFile::encodeName(dir) + '/' + raw;
            if (::lstat(rawPath.constData(), &st) != 0 || !(S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode)))
                continue; // files beside the hosts (a README) are no hosts
            if (S_ISLNK(st.st_mode)) {
                result.errors.append(CoreTr::tr("%1 is a symbolic link; host directories are not followed")
                                         .arg(QDir::toNativeSeparators(path)));
                result.failedDirectories.append(path);
            } else if (QFile::encodeName(name) != raw) {
                result.errors.append(
                    CoreTr::tr("%1: the directory name is not valid UTF-8; rename it to read "
                               "this host's capture")
                        .arg(QDir::toNativeSeparators(path)));
                result.failedDirectories.append(path);
            } else if (isCaptureDirectory(path)) {
                dirs.append(path);
            } else {
                // Perhaps no host at all (notes beside the captures): said, but no error.
                result.warnings.append(CoreTr::tr("%1 holds no capture (no meta.json or probe file): not "
                                                  "analyzed")
                                           .arg(QDir::toNativeSeparators(path)));
            }
        }
    }
    if (dirs.isEmpty() && result.errors.isEmpty()) {
        result.errors.append(CoreTr::tr("%1 contains no capture (no meta.json or probe files, and no host "
                                        "directories with them)")
                                 .arg(QDir::toNativeSeparators(dir)));
        result.failedDirectories.append(dir);
        return result;
    }
    for (const QString &sub : std::as_const(dirs)) {
        CaptureReadResult one = readCapture(sub);
        result.warnings.append(one.warnings);
        if (one.ok())
            result.captures.append(one.capture);
        else {
            result.errors.append(one.error);
            result.failedDirectories.append(sub);
        }
    }
    return result;
}

} // namespace lw
