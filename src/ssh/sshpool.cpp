#include "sshpool.h"

#include "sshlog.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace lw::ssh {

namespace {

// Sessions a worker keeps open at most; the least recently used one is closed beyond that.
constexpr int kKeptSessionsPerWorker = 64;

QString hostKeyOf(const HostTarget &t)
{
    return t.name.isEmpty() ? t.hostName : t.name;
}

bool sameTarget(const HostTarget &a, const HostTarget &b)
{
    return a.name == b.name && a.hostName == b.hostName && a.port == b.port && a.user == b.user &&
           a.configAlias == b.configAlias;
}

} // namespace

struct SshPool::Private
{
    struct PendingJob
    {
        HostTarget target;
        QString key;
        Job job;
        CancelToken cancel;
    };
    struct Worker
    {
        int index = 0;
        bool busy = false;
        QSet<QString> dropRequests;
        std::thread thread;
    };

    SshPool *q = nullptr;
    SshOptions options;
    CredentialProvider *credentials = nullptr;

    mutable std::mutex mutex;
    std::condition_variable wake;   // workers: a job, a drop request or stop
    std::condition_variable idleCv; // waitForIdle()
    std::deque<PendingJob> queue;
    std::vector<std::unique_ptr<Worker>> workers;
    QHash<QString, int> owner; // host key -> index of the worker keeping its session
    int running = 0;
    int maxConcurrent = 32;
    bool stopping = false;
    CancelToken cancel = CancelToken::create(); // the jobs submitted since the last cancelAll

    // Caller holds the mutex.
    void spawnWorkersIfNeeded()
    {
        int idleWorkers = 0;
        for (const auto &w : workers)
            idleWorkers += w->busy ? 0 : 1;
        int wanted = std::min<int>(int(queue.size()) - idleWorkers, maxConcurrent - int(workers.size()));
        while (wanted-- > 0) {
            auto w = std::make_unique<Worker>();
            w->index = int(workers.size());
            Worker *raw = w.get();
            workers.push_back(std::move(w));
            raw->thread = std::thread([this, raw] { runWorker(raw); });
        }
    }

    // Caller holds the mutex. A host whose session is kept goes to the worker keeping it.
    std::deque<PendingJob>::iterator findJobFor(int workerIndex)
    {
        if (running >= maxConcurrent)
            return queue.end();
        return std::find_if(queue.begin(), queue.end(), [&](const PendingJob &job) {
            const auto it = owner.constFind(job.key);
            return it == owner.constEnd() || it.value() == workerIndex;
        });
    }

    void runWorker(Worker *self);
};

void SshPool::Private::runWorker(Worker *self)
{
    struct Kept
    {
        std::unique_ptr<SshConnection> connection;
    };
    std::unordered_map<QString, Kept> sessions; // only this thread touches these
    std::list<QString> lru;                     // front = most recently used

    auto forget = [&](const QString &key) { // caller holds the mutex
        sessions.erase(key);
        lru.remove(key);
        if (owner.value(key, -1) == self->index)
            owner.remove(key);
    };

    std::unique_lock lock(mutex);
    for (;;) {
        std::deque<PendingJob>::iterator it;
        wake.wait(lock, [&] {
            return stopping || !self->dropRequests.isEmpty() || (it = findJobFor(self->index)) != queue.end();
        });
        if (stopping)
            break;
        if (!self->dropRequests.isEmpty()) {
            const QSet<QString> drops = std::exchange(self->dropRequests, {});
            for (const QString &key : drops)
                forget(key); // the connection's destructor disconnects
            continue;
        }
        PendingJob job = std::move(*it);
        queue.erase(it);
        owner.insert(job.key, self->index); // claim now, so later jobs for this host wait for us
        self->busy = true;
        ++running;
        lock.unlock();

        auto found = sessions.find(job.key);
        if (found != sessions.end() && !sameTarget(found->second.connection->target(), job.target)) {
            sessions.erase(found);
            found = sessions.end();
        }
        if (found == sessions.end())
            found =
                sessions
                    .emplace(job.key, Kept{std::make_unique<SshConnection>(job.target, options, credentials)})
                    .first;
        lru.remove(job.key);
        lru.push_front(job.key);
        SshConnection &connection = *found->second.connection;
        if (connection.isConnected())
            connection.checkAlive(); // keepalive on reuse; a dead session is dropped and reconnects in exec
        connection.beginPoolJob(job.cancel);
        try {
            job.job(connection);
        } catch (const std::exception &e) {
            qCWarning(lcSsh) << "SSH job for" << job.key << "threw:" << e.what();
        } catch (...) {
            qCWarning(lcSsh) << "SSH job for" << job.key << "threw";
        }
        connection.beginPoolJob(CancelToken());
        const bool keep = connection.isConnected();
        job.job = nullptr; // release captures in the worker, before reporting

        lock.lock();
        if (!keep)
            forget(job.key);
        while (int(lru.size()) > kKeptSessionsPerWorker)
            forget(lru.back());
        self->busy = false;
        --running;
        const bool nowIdle = queue.empty() && running == 0;
        const QString key = job.key;
        QMetaObject::invokeMethod(
            q, [pool = q, key] { emit pool->jobFinished(key); }, Qt::QueuedConnection);
        if (nowIdle) {
            QMetaObject::invokeMethod(
                q, [pool = q] { emit pool->idle(); }, Qt::QueuedConnection);
            idleCv.notify_all();
        }
        // A waiting job may now be free to run (a freed concurrency slot, a host we released). With
        // nothing queued there is nothing to hand out: waking every idle worker here (the tail of a
        // sweep) only made each of them take the mutex and sleep again.
        if (!queue.empty())
            wake.notify_all();
    }
    // Sessions close here, in the thread that created them.
    lock.unlock();
    sessions.clear();
}

SshPool::SshPool(SshOptions options, CredentialProvider *credentials, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->maxConcurrent = std::max(1, options.maxConcurrent);
    d->options = std::move(options);
    d->credentials = credentials;
}

SshPool::~SshPool()
{
    Q_ASSERT_X(thread() == QThread::currentThread(), Q_FUNC_INFO, "SshPool is used from its own thread");
    {
        std::lock_guard lock(d->mutex);
        d->queue.clear();
        d->stopping = true;
    }
    d->cancel.cancel();
    d->wake.notify_all();
    for (auto &w : d->workers) {
        if (w->thread.joinable())
            w->thread.join();
    }
}

void SshPool::submit(const HostTarget &target, Job job)
{
    Q_ASSERT_X(thread() == QThread::currentThread(), Q_FUNC_INFO, "SshPool is used from its own thread");
    std::lock_guard lock(d->mutex);
    if (d->stopping)
        return;
    const QString key = hostKeyOf(target);
    // A host whose session a worker keeps must go to that worker: wake them all and let it find the job.
    // Any idle worker can take any other job, so one wake-up is enough (not one per idle worker).
    const bool owned = d->owner.contains(key);
    d->queue.push_back({target, key, std::move(job), d->cancel});
    d->spawnWorkersIfNeeded();
    if (owned)
        d->wake.notify_all();
    else
        d->wake.notify_one();
}

void SshPool::cancelAll()
{
    Q_ASSERT_X(thread() == QThread::currentThread(), Q_FUNC_INFO, "SshPool is used from its own thread");
    bool nowIdle = false;
    CancelToken cancelled;
    {
        std::lock_guard lock(d->mutex);
        d->queue.clear();
        cancelled = std::exchange(d->cancel, CancelToken::create()); // later submits run normally
        nowIdle = d->running == 0;
    }
    cancelled.cancel(); // wakes only this pool's running jobs
    if (nowIdle) {
        d->idleCv.notify_all();
        QMetaObject::invokeMethod(
            this, [this] { emit idle(); }, Qt::QueuedConnection);
    }
}

int SshPool::pending() const
{
    std::lock_guard lock(d->mutex);
    return int(d->queue.size()) + d->running;
}

void SshPool::setMaxConcurrent(int count)
{
    Q_ASSERT_X(thread() == QThread::currentThread(), Q_FUNC_INFO, "SshPool is used from its own thread");
    std::lock_guard lock(d->mutex);
    d->maxConcurrent = std::max(1, count);
    d->spawnWorkersIfNeeded();
    d->wake.notify_all();
}

void SshPool::dropConnection(const QString &hostName)
{
    Q_ASSERT_X(thread() == QThread::currentThread(), Q_FUNC_INFO, "SshPool is used from its own thread");
    std::lock_guard lock(d->mutex);
    const auto it = d->owner.constFind(hostName);
    if (it == d->owner.constEnd())
        return;
    d->workers[size_t(it.value())]->dropRequests.insert(hostName);
    d->wake.notify_all();
}

bool SshPool::waitForIdle(int msecs)
{
    std::unique_lock lock(d->mutex);
    return d->idleCv.wait_for(lock, std::chrono::milliseconds(std::max(0, msecs)),
                              [this] { return d->queue.empty() && d->running == 0; });
}

} // namespace lw::ssh
