#pragma once

#include "snapshotstore.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace lw {

// The snapshot store as a service: opened once, on one thread of its own (SQLite connections belong to the
// thread that made them), every operation queued there in order, and the answer handed back on the
// owner's thread. The console and the CLI use it instead of opening the store themselves.
class StoreService : public QObject
{
    Q_OBJECT
public:
    explicit StoreService(const QString &path, QObject *parent = nullptr);
    ~StoreService() override; // waits for the queued work

    QString path() const { return m_path; }
    bool isUsable() const { return m_usable; } // false when the store could not be opened

    struct Loaded
    {
        StoreOpenResult open;
        QList<StoredSnapshot> last; // the newest snapshot of every host
        QString error;
    };
    // Opens the store (a damaged file is moved aside and a new one started: open.message says so) and reads
    // the last known state of the fleet.
    void load(std::function<void(const Loaded &)> done);
    // Writes one sweep's snapshots and prunes old raw captures; done gets the error or an empty string.
    void writeSweep(const QList<StoredSnapshot> &snapshots, std::function<void(const QString &)> done = {});
    void removeHosts(const QStringList &hosts, std::function<void(const QString &)> done = {});
    void diskHistory(const QString &host, std::function<void(const QList<DiskHistoryPoint> &)> done);

    void waitForDone();
    // Operations queued whose answer has not reached the owner yet (tests wait for 0).
    int pending() const { return m_pending; }

private:
    // Runs work on the store's thread with the store opened there; done on the owner's thread.
    template<typename Result>
    void post(std::function<Result(SnapshotStore &)> work, std::function<void(const Result &)> done);

    QString m_path;
    bool m_usable = true;
    int m_pending = 0;    // owner thread only
    QThreadPool m_thread; // one thread, never expiring: the store's SQLite connection lives on it
    std::shared_ptr<SnapshotStore> m_store;
};

} // namespace lw
