#include "storeservice.h"

#include <QMetaObject>
#include <QPointer>

namespace lw {

StoreService::StoreService(const QString &path, QObject *parent)
    : QObject(parent), m_path(path), m_store(std::make_shared<SnapshotStore>())
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
}

StoreService::~StoreService()
{
    m_thread.waitForDone();
    // close the connection on the thread that opened it
    std::shared_ptr<SnapshotStore> store = std::move(m_store);
    m_thread.start([store] { store->close(); });
    m_thread.waitForDone();
}

void StoreService::waitForDone()
{
    m_thread.waitForDone();
}

template<typename Result>
void StoreService::post(std::function<Result(SnapshotStore &)> work, std::function<void(const Result &)> done)
{
    QPointer<StoreService> self(this);
    std::shared_ptr<SnapshotStore> store = m_store;
    const QString path = m_path;
    ++m_pending;
    m_thread.start([self, store, path, work = std::move(work), done = std::move(done)] {
        if (!store->isOpen())
            (void)store->open(path);
        Result result = work(*store);
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, result = std::move(result)] {
                if (!self)
                    return;
                --self->m_pending;
                if (done)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

void StoreService::load(std::function<void(const Loaded &)> done)
{
    QPointer<StoreService> self(this);
    std::shared_ptr<SnapshotStore> store = m_store;
    const QString path = m_path;
    ++m_pending;
    m_thread.start([self, store, path, done = std::move(done)] {
        Loaded loaded;
        loaded.open = store->open(path);
        if (loaded.open.ok())
            loaded.last = store->lastSnapshots(&loaded.error);
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, loaded = std::move(loaded)] {
                if (!self)
                    return;
                --self->m_pending;
                self->m_usable = loaded.open.ok();
                if (done)
                    done(loaded);
            },
            Qt::QueuedConnection);
    });
}

void StoreService::writeSweep(const QList<StoredSnapshot> &snapshots,
                              std::function<void(const QString &)> done)
{
    if (!m_usable)
        return;
    post<QString>(
        [snapshots](SnapshotStore &store) {
            if (!store.isOpen())
                return QObject::tr("the snapshot store is not open");
            QString error;
            if (!store.writeSweep(snapshots, &error))
                return error;
            (void)store.pruneCaptures(20, &error); // history stays; old raw captures go
            return QString();
        },
        std::move(done));
}

void StoreService::removeHosts(const QStringList &hosts, std::function<void(const QString &)> done)
{
    if (!m_usable)
        return;
    post<QString>(
        [hosts](SnapshotStore &store) {
            QString error;
            for (const QString &host : hosts) {
                if (!store.removeHost(host, &error))
                    break;
            }
            return error;
        },
        std::move(done));
}

void StoreService::diskHistory(const QString &host, std::function<void(const QList<DiskHistoryPoint> &)> done)
{
    if (!m_usable)
        return;
    post<QList<DiskHistoryPoint>>([host](SnapshotStore &store) { return store.diskHistory(host); },
                                  std::move(done));
}

} // namespace lw
