#include "auditlog.h"

#include "fleettr.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lw {

QString localUserName()
{
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::geteuid());
}

AuditLog::AuditLog(QString path) : m_path(path.isEmpty() ? defaultPath() : std::move(path)) {}

AuditLog::~AuditLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString AuditLog::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("audit.jsonl"));
}

QString AuditLog::path() const
{
    return m_path;
}

bool AuditLog::openLocked(QString *error)
{
    if (m_fd >= 0)
        return true;
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = FleetTr::tr("Cannot create the directory of the audit log %1.").arg(dir);
        return false;
    }
    const QByteArray native = QFile::encodeName(m_path);
    const int fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = FleetTr::tr("Cannot open the audit log %1: %2")
                         .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_fd = fd;
    return true;
}

bool AuditLog::append(QJsonObject record, QString *error)
{
    if (!record.contains(QLatin1String("time")))
        record.insert(QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!record.contains(QLatin1String("v")))
        record.insert(QStringLiteral("v"), 1);
    QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact);
    line += '\n';

    QMutexLocker lock(&m_mutex);
    if (!openLocked(error))
        return false;
    // A crash mid-write may have left a torn last line: start on a fresh line so that this record stays
    // whole (the reader reports the torn one).
    struct stat st;
    if (::fstat(m_fd, &st) == 0 && st.st_size > 0) {
        char last = '\n';
        const QByteArray native = QFile::encodeName(m_path);
        const int rfd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
        if (rfd >= 0) {
            if (::pread(rfd, &last, 1, st.st_size - 1) != 1)
                last = '\n';
            ::close(rfd);
        }
        if (last != '\n')
            line.prepend('\n');
    }
    ssize_t written;
    do {
        written = ::write(m_fd, line.constData(), size_t(line.size()));
    } while (written < 0 && errno == EINTR);
    if (written != ssize_t(line.size())) {
        if (error)
            *error = FleetTr::tr("Cannot write to the audit log %1: %2")
                         .arg(m_path, written < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                                                  : FleetTr::tr("short write"));
        return false;
    }
    if (::fdatasync(m_fd) != 0) {
        if (error)
            *error = FleetTr::tr("Cannot sync the audit log %1: %2")
                         .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

AuditLog::ReadResult AuditLog::read(const QString &path)
{
    ReadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problems.append(FleetTr::tr("Cannot read the audit log %1: %2").arg(path, file.errorString()));
        return result;
    }
    result.ok = true;
    const QByteArray bytes = file.readAll();
    const QList<QByteArray> lines = bytes.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        const bool last = i == lines.size() - 1; // no newline after it: possibly torn
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            if (last) {
                result.tornLastLine = true;
                result.problems.append(
                    FleetTr::tr("Line %1 of the audit log is an incomplete record (torn write); skipped.")
                        .arg(i + 1));
            } else {
                result.problems.append(
                    FleetTr::tr("Line %1 of the audit log is not a JSON record; skipped.").arg(i + 1));
            }
            continue;
        }
        result.records.append(doc.object());
    }
    return result;
}

int AuditLog::exportRecords(const QString &path, const QString &target,
                            const std::function<bool(const QJsonObject &)> &filter, QString *error)
{
    const ReadResult in = read(path);
    if (!in.ok) {
        if (error)
            *error = in.problems.value(0);
        return -1;
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = FleetTr::tr("Cannot write %1: %2").arg(target, out.errorString());
        return -1;
    }
    int count = 0;
    for (const QJsonObject &record : in.records) {
        if (filter && !filter(record))
            continue;
        out.write(QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n');
        ++count;
    }
    if (!out.commit()) {
        if (error)
            *error = FleetTr::tr("Cannot write %1: %2").arg(target, out.errorString());
        return -1;
    }
    return count;
}

} // namespace lw
