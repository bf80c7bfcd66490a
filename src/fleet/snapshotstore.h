#pragma once

#include "finding.h"
#include "hostsnapshot.h"
#include "hoststatus.h"
#include "probeoutput.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw {

// One point of a host's docker-root usage history (the df row of the filesystem holding DockerRootDir).
struct DiskHistoryPoint
{
    QDateTime time;
    qint64 size = 0;
    qint64 used = 0;
    qint64 available = 0;
};

// What the store keeps of one probe of one host.
struct StoredSnapshot
{
    QString host;
    QDateTime time;                     // when the probe finished (UTC)
    HostStatus status = HostStatus::Ok; // stored as its stable name (hostStatusName)
    QString message;                    // the sweep's message for a failed host; empty when ok
    RawCapture capture;                 // every probe's raw output; empty when the host could not be probed
    // Analysis summary, so that the fleet view can be filled without rebuilding the snapshot.
    std::optional<Severity> worstSeverity;
    QStringList findingIds;
    int unknownChecks = 0;
    // Usage of the filesystem holding the docker root; size < 0 when unknown.
    qint64 dockerRootSize = -1;
    qint64 dockerRootUsed = -1;
    qint64 dockerRootAvailable = -1;
};

// Fills the summary fields (severity, finding IDs, docker-root usage) from a parsed snapshot and its
// analysis.
void summarize(StoredSnapshot &stored, const HostSnapshot &snapshot, const Analysis &analysis);

// How open() went. A database that cannot be used (corrupt, or written by a newer Layerwatch) is never
// deleted: it is renamed aside (keptAsidePath) and a fresh one is created in its place.
struct StoreOpenResult
{
    enum class Outcome { Opened, Created, CorruptKeptAside, NewerVersionKeptAside, Failed };
    Outcome outcome = Outcome::Failed;
    QString keptAsidePath;
    QString message; // translated; empty for Opened/Created
    bool ok() const { return outcome != Outcome::Failed; }
};

// History of probe results in an SQLite file (Qt Sql, one named connection per instance). Not thread-safe:
// use an instance only in the thread that opened it (open one instance per thread on the same file).
class SnapshotStore
{
public:
    static constexpr int SchemaVersion = 1;

    SnapshotStore();
    ~SnapshotStore();
    SnapshotStore(const SnapshotStore &) = delete;
    SnapshotStore &operator=(const SnapshotStore &) = delete;

    [[nodiscard]] StoreOpenResult open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }

    // Writes every result of one sweep in a single transaction: all of them or none.
    [[nodiscard]] bool writeSweep(const QList<StoredSnapshot> &snapshots, QString *error = nullptr);

    // The newest snapshot of every host, with its capture (start-up: the last known state of the fleet).
    QList<StoredSnapshot> lastSnapshots(QString *error = nullptr) const;
    // Docker-root usage of one host over its past probes, oldest first (probes without usage skipped).
    QList<DiskHistoryPoint> diskHistory(const QString &host, QString *error = nullptr) const;
    int snapshotCount(const QString &host = QString()) const;

    // Forgets a host's history (removed from the inventory).
    [[nodiscard]] bool removeHost(const QString &host, QString *error = nullptr);
    // Drops the raw captures of all but the newest keepPerHost snapshots of each host (history stays).
    [[nodiscard]] bool pruneCaptures(int keepPerHost, QString *error = nullptr);

    static QByteArray encodeCapture(const RawCapture &capture);
    static std::optional<RawCapture> decodeCapture(const QByteArray &blob);

private:
    QString m_connectionName;
    QString m_path;
};

} // namespace lw
