#pragma once

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>

namespace lw {

// The local account that approves and runs repairs, as the audit log names it (`user`, `approvedBy`): the
// effective user's name, else its uid as a number (never an environment variable).
QString localUserName();

// The remediation audit log: append-only JSON lines, one record per event. Each record is written with one
// write() on an O_APPEND descriptor and fdatasync()ed before append() returns, so that a crash or a closed
// window mid-batch still leaves every record written so far, and records appended from several threads (or
// processes) never interleave. Thread-safe.
class AuditLog
{
public:
    explicit AuditLog(QString path = QString()); // empty: defaultPath()
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // <app data dir>/audit.jsonl (e.g. ~/.local/share/Layerwatch/layerwatch-cli/audit.jsonl).
    static QString defaultPath();
    QString path() const;

    // Adds "time" (UTC, ms) and "v" (format 1) unless present, writes the record as one line and syncs it.
    // False with a translated error if the record could not be written and synced.
    [[nodiscard]] bool append(QJsonObject record, QString *error = nullptr);

    struct ReadResult
    {
        QList<QJsonObject> records;
        QStringList problems;      // translated: unreadable file, bad lines (with their line number)
        bool tornLastLine = false; // the file ends in a partial record (a crash mid-write); it is skipped
        bool ok = false;           // the file could be read at all
    };
    // Reads every whole record; a torn last line or a bad line is reported and skipped, the rest kept.
    static ReadResult read(const QString &path);

    // Copies the records for which filter returns true (all if no filter) to target, as JSON lines,
    // written to a temporary file and renamed. Returns the number copied, or -1 with a translated error.
    static int exportRecords(const QString &path, const QString &target,
                             const std::function<bool(const QJsonObject &)> &filter, QString *error);

private:
    bool openLocked(QString *error);

    QString m_path;
    QMutex m_mutex;
    int m_fd = -1;
};

} // namespace lw
