#include "keychainstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <condition_variable>
#include <deque>
#include <mutex>

#ifdef LAYERWATCH_HAVE_KEYCHAIN
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QLibrary>
#include <qt6keychain/keychain.h>
#endif

Q_LOGGING_CATEGORY(lcKeychain, "layerwatch.gui.keychain")

namespace lw::gui {

namespace {

// How long one keychain job may take. Generous: a locked keyring may show its own unlock prompt.
constexpr std::chrono::seconds JobTimeout(30);
const QString IndexKey = QStringLiteral("index");

[[maybe_unused]] KeychainResult ok()
{
    return {};
}

KeychainResult failure(KeychainResult::Code code, const QString &message)
{
    KeychainResult r;
    r.code = code;
    r.message = message;
    return r;
}

[[maybe_unused]] bool inGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread();
}

// Runs operations one after another in the process-wide keychain thread. An operation may wait for a
// QtKeychain job in a nested event loop; operations posted meanwhile are queued, not interleaved, so that
// the read-modify-write of the index is never raced.
class KeychainRunner final : public QObject
{
public:
    static KeychainRunner *instance()
    {
        std::lock_guard lock(s_mutex);
        if (!s_instance) {
            auto *thread = new QThread;
            thread->setObjectName(QStringLiteral("layerwatch-keychain"));
            s_instance = new KeychainRunner;
            s_instance->moveToThread(thread);
            QObject::connect(thread, &QThread::finished, s_instance, &QObject::deleteLater);
            thread->start();
            s_thread = thread;
            // Stop with the application: QtKeychain's executor must not outlive its thread's event loop.
            qAddPostRoutine(&KeychainRunner::shutdown);
        }
        return s_instance;
    }

    void post(std::function<void()> op)
    {
        QMetaObject::invokeMethod(
            this,
            [this, op = std::move(op)]() mutable {
                m_queue.push_back(std::move(op));
                drain();
            },
            Qt::QueuedConnection);
    }

private:
    static void shutdown()
    {
        QThread *thread = nullptr;
        {
            std::lock_guard lock(s_mutex);
            thread = std::exchange(s_thread, nullptr);
            s_instance = nullptr;
        }
        if (!thread)
            return;
        thread->quit(); // also leaves a nested job loop: that job reports a time-out
        thread->wait();
        delete thread;
    }

    void drain()
    {
        if (m_running)
            return;
        m_running = true;
        while (!m_queue.empty()) {
            std::function<void()> op = std::move(m_queue.front());
            m_queue.pop_front();
            op();
        }
        m_running = false;
    }

    static inline std::mutex s_mutex;
    static inline KeychainRunner *s_instance = nullptr;
    static inline QThread *s_thread = nullptr;
    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
};

#ifdef LAYERWATCH_HAVE_KEYCHAIN

KeychainResult resultOf(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return ok();
    case QKeychain::EntryNotFound:
        return failure(KeychainResult::Code::NotFound, KeychainStore::tr("No such entry in the keychain."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return failure(KeychainResult::Code::Denied,
                       KeychainStore::tr("The system keychain denied access (%1).").arg(job.errorString()));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return failure(
            KeychainResult::Code::Unavailable,
            KeychainStore::tr("No system keychain service is available (%1).").arg(job.errorString()));
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return failure(KeychainResult::Code::Failed,
                   KeychainStore::tr("The system keychain reported an error: %1").arg(job.errorString()));
}

// Runs one job to its end in a nested event loop of the keychain thread.
KeychainResult runJob(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(JobTimeout, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (!finished) {
        // Still running inside QtKeychain: let it delete itself whenever it ends.
        job->setAutoDelete(true);
        return failure(
            KeychainResult::Code::TimedOut,
            KeychainStore::tr("The system keychain did not answer within %1 seconds (is it locked?).")
                .arg(JobTimeout.count()));
    }
    KeychainResult result = resultOf(*job);
    job->deleteLater();
    return result;
}

// libsecret reports an entry of a locked collection as simply not there (when the keyring cannot show its
// unlock prompt, e.g. without a display). Ask the Secret Service whether its default collection is locked,
// so that "nothing saved" and "locked" are not confused.
bool defaultCollectionLocked()
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    return qvariant_cast<QDBusVariant>(reply.arguments().constFirst()).variant().toBool();
}

KeychainResult readEntry(const QString &service, const QString &key, QByteArray *secret)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    const KeychainResult result = runJob(job);
    if (result.ok())
        *secret = job->binaryData();
    if (result.code == KeychainResult::Code::NotFound && defaultCollectionLocked())
        return failure(
            KeychainResult::Code::Denied,
            KeychainStore::tr("The system keychain is locked and could not be unlocked here; unlock it "
                              "(for example by logging in to the desktop) and try again."));
    return result;
}

KeychainResult writeEntry(const QString &service, const QString &key, const QByteArray &secret)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setBinaryData(secret);
    return runJob(job);
}

KeychainResult deleteEntry(const QString &service, const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setKey(key);
    return runJob(job);
}

KeychainResult readIndex(const QString &service, QStringList *keys)
{
    QByteArray data;
    KeychainResult result = readEntry(service, IndexKey, &data);
    if (result.code == KeychainResult::Code::NotFound)
        return ok();
    if (result.ok())
        *keys = QString::fromUtf8(data).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return result;
}

// Whether QtKeychain will find a Secret Service: it talks to it through libsecret, over the session bus.
KeychainResult checkService()
{
    QLibrary libsecret(QStringLiteral("secret-1"), 0);
    if (!libsecret.load())
        return failure(
            KeychainResult::Code::Unavailable,
            KeychainStore::tr("libsecret is not installed (Debian package libsecret-1-0); Layerwatch "
                              "needs it to reach the system keychain."));
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return failure(
            KeychainResult::Code::Unavailable,
            KeychainStore::tr("There is no D-Bus session bus, so no system keychain can be reached (%1).")
                .arg(bus.lastError().message()));
    const QString secrets = QStringLiteral("org.freedesktop.secrets");
    if (bus.interface()->isServiceRegistered(secrets).value())
        return ok();
    const QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListActivatableNames"));
    const QDBusMessage reply = bus.call(call, QDBus::Block, 5000);
    if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty() &&
        reply.arguments().constFirst().toStringList().contains(secrets))
        return ok();
    return failure(
        KeychainResult::Code::Unavailable,
        KeychainStore::tr("No keychain service (GNOME Keyring, KWallet) runs on the D-Bus session bus."));
}

#else

KeychainResult notCompiledIn()
{
    return failure(
        KeychainResult::Code::Unavailable,
        KeychainStore::tr("This build of Layerwatch has no system keychain support (QtKeychain)."));
}

#endif

} // namespace

// Everything the keychain thread may touch after the store is gone. Results for the GUI are posted to the
// store object while holding mutex, and the destructor clears `store` under the same mutex: a posted
// call is either queued before the store dies (and then dropped with it) or never posted.
struct KeychainStore::Shared
{
    struct PendingRead
    {
        std::mutex mutex;
        std::condition_variable done;
        bool finished = false;
        KeychainResult result;
        QByteArray secret;
    };

    QString service;
    QMutex mutex;
    KeychainStore *store = nullptr;
    Availability availability = Availability::Checking;
    QString unavailableReason;
    QHash<QString, std::shared_ptr<PendingRead>> reads;

    // Runs fn in the GUI thread, on the store, unless the store or the context is gone by then.
    void deliver(const QPointer<QObject> &context, std::function<void()> fn)
    {
        QMutexLocker lock(&mutex);
        if (!store)
            return;
        QMetaObject::invokeMethod(
            store,
            [context, fn = std::move(fn)] {
                if (context)
                    fn();
            },
            Qt::QueuedConnection);
    }
};

bool KeychainStore::compiledIn()
{
#ifdef LAYERWATCH_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString KeychainStore::defaultService()
{
    return QStringLiteral("layerwatch");
}

QString KeychainStore::passphraseKey(const QString &keyFile)
{
    return QStringLiteral("passphrase:") + keyFile;
}

QString KeychainStore::passwordKey(const QString &userAtHost)
{
    return QStringLiteral("password:") + userAtHost;
}

KeychainStore::KeychainStore(const QString &service, QObject *parent)
    : QObject(parent), d(std::make_shared<Shared>())
{
    d->service = service;
    d->store = this;
    recheckAvailability();
}

KeychainStore::~KeychainStore()
{
    QMutexLocker lock(&d->mutex);
    d->store = nullptr;
}

QString KeychainStore::service() const
{
    return d->service;
}

KeychainStore::Availability KeychainStore::availability() const
{
    QMutexLocker lock(&d->mutex);
    return d->availability;
}

QString KeychainStore::unavailableReason() const
{
    QMutexLocker lock(&d->mutex);
    return d->unavailableReason;
}

void KeychainStore::recheckAvailability()
{
#ifdef LAYERWATCH_HAVE_KEYCHAIN
    {
        QMutexLocker lock(&d->mutex);
        d->availability = Availability::Checking;
        d->unavailableReason.clear();
    }
    std::shared_ptr<Shared> shared = d;
    KeychainRunner::instance()->post([shared] {
        const KeychainResult result = checkService();
        if (!result.ok())
            qCInfo(lcKeychain) << "keychain unavailable:" << result.message;
        QMutexLocker lock(&shared->mutex);
        shared->availability = result.ok() ? Availability::Available : Availability::Unavailable;
        shared->unavailableReason = result.message;
        if (shared->store)
            QMetaObject::invokeMethod(shared->store, &KeychainStore::availabilityChanged,
                                      Qt::QueuedConnection);
    });
#else
    QMutexLocker lock(&d->mutex);
    d->availability = Availability::Unavailable;
    d->unavailableReason = notCompiledIn().message;
#endif
}

void KeychainStore::write(const QString &key, const QByteArray &secret, QObject *context,
                          std::function<void(const KeychainResult &)> done)
{
    std::shared_ptr<Shared> shared = d;
    const QPointer<QObject> guard(context);
#ifdef LAYERWATCH_HAVE_KEYCHAIN
    KeychainRunner::instance()->post(
        [shared, guard, key, secret = QByteArray(secret), done = std::move(done)]() mutable {
            KeychainResult result = writeEntry(shared->service, key, secret);
            secret.fill('\0');
            QStringList keys;
            if (result.ok())
                result = readIndex(shared->service, &keys);
            if (result.ok() && !keys.contains(key)) {
                keys.append(key);
                result = writeEntry(shared->service, IndexKey, keys.join(QLatin1Char('\n')).toUtf8());
            }
            shared->deliver(guard, [done, result] { done(result); });
        });
#else
    Q_UNUSED(key)
    Q_UNUSED(secret)
    shared->deliver(guard, [done = std::move(done)] { done(notCompiledIn()); });
#endif
}

void KeychainStore::forgetAll(QObject *context, std::function<void(const KeychainResult &, int)> done)
{
    std::shared_ptr<Shared> shared = d;
    const QPointer<QObject> guard(context);
#ifdef LAYERWATCH_HAVE_KEYCHAIN
    KeychainRunner::instance()->post([shared, guard, done = std::move(done)] {
        QStringList keys;
        KeychainResult result = readIndex(shared->service, &keys);
        int removed = 0;
        QStringList kept;
        for (const QString &key : std::as_const(keys)) {
            if (!result.ok()) {
                kept.append(key);
                continue;
            }
            const KeychainResult r = deleteEntry(shared->service, key);
            if (r.ok())
                ++removed;
            else if (r.code != KeychainResult::Code::NotFound) {
                result = r;
                kept.append(key);
            }
        }
        // The index lists what is still stored: a failed deletion can be retried later.
        if (result.ok() || !kept.isEmpty()) {
            const KeychainResult r =
                kept.isEmpty() ? deleteEntry(shared->service, IndexKey)
                               : writeEntry(shared->service, IndexKey, kept.join(QLatin1Char('\n')).toUtf8());
            if (result.ok() && !r.ok() && r.code != KeychainResult::Code::NotFound)
                result = r;
        }
        shared->deliver(guard, [done, result, removed] { done(result, removed); });
    });
#else
    shared->deliver(guard, [done = std::move(done)] { done(notCompiledIn(), 0); });
#endif
}

KeychainResult KeychainStore::readBlocking(const QString &key, QByteArray *secret,
                                           std::chrono::milliseconds timeout)
{
#ifdef LAYERWATCH_HAVE_KEYCHAIN
    if (inGuiThread())
        return failure(KeychainResult::Code::Failed,
                       tr("Internal error: the GUI thread must not wait for the system keychain."));
    const std::shared_ptr<Shared> shared = d; // this store may go away while we wait
    std::shared_ptr<Shared::PendingRead> pending;
    bool start = false;
    {
        QMutexLocker lock(&shared->mutex);
        if (shared->availability == Availability::Unavailable)
            return failure(KeychainResult::Code::Unavailable, shared->unavailableReason);
        pending = shared->reads.value(key);
        if (!pending) {
            pending = std::make_shared<Shared::PendingRead>();
            shared->reads.insert(key, pending);
            start = true;
        }
    }
    if (start) {
        KeychainRunner::instance()->post([shared, pending, key] {
            QByteArray data;
            const KeychainResult result = readEntry(shared->service, key, &data);
            {
                QMutexLocker lock(&shared->mutex);
                shared->reads.remove(key);
            }
            std::lock_guard lock(pending->mutex);
            pending->result = result;
            pending->secret = data;
            data.fill('\0');
            pending->finished = true;
            pending->done.notify_all();
        });
    }
    std::unique_lock lock(pending->mutex);
    if (!pending->done.wait_for(lock, timeout, [&] { return pending->finished; }))
        return failure(KeychainResult::Code::TimedOut,
                       KeychainStore::tr("The system keychain did not answer in "
                                         "time (is it locked?)."));
    if (pending->result.ok())
        *secret = pending->secret;
    return pending->result;
#else
    Q_UNUSED(key)
    Q_UNUSED(secret)
    Q_UNUSED(timeout)
    return notCompiledIn();
#endif
}

} // namespace lw::gui
