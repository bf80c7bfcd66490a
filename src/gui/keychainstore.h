#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace lw::gui {

// Outcome of one keychain operation; message is translated, for the user.
struct [[nodiscard]] KeychainResult
{
    enum class Code { Ok, NotFound, Unavailable, Denied, TimedOut, Failed };
    Code code = Code::Ok;
    QString message;
    bool ok() const { return code == Code::Ok; }
};

// The secrets Layerwatch keeps in the system keychain (the Secret Service of GNOME Keyring or KWallet,
// through QtKeychain), all under one service name. Only what the user chose to remember is stored; an
// index entry lists the keys written, so that forgetAll() can delete exactly those.
//
// Threads: every QtKeychain job runs in one process-wide keychain thread, one operation at a time.
// QtKeychain queues its jobs in a global executor that must stay in one thread with an event loop; a
// thread of its own keeps that executor away from the GUI thread (never blocked by a slow or prompting
// keyring) and lets SSH worker threads wait for a read without waiting for the GUI thread, which may
// itself be waiting for them (SshPool joins its workers in the GUI thread).
//
// Without QtKeychain at build time (LAYERWATCH_KEYCHAIN=OFF or the package missing) the class still
// exists and reports itself unavailable, so callers need no #ifdef.
class KeychainStore final : public QObject
{
    Q_OBJECT

public:
    enum class Availability { Checking, Available, Unavailable };

    // True when this build has keychain support.
    static bool compiledIn();
    static QString defaultService();
    // Names of the entries, e.g. "passphrase:/home/ops/.ssh/id_ed25519", "password:root@node-1".
    static QString passphraseKey(const QString &keyFile);
    static QString passwordKey(const QString &userAtHost);

    // Checks at once (in the keychain thread) whether a keychain service can be reached.
    explicit KeychainStore(const QString &service = defaultService(), QObject *parent = nullptr);
    ~KeychainStore() override;

    QString service() const;
    Availability availability() const;
    // Why the keychain cannot be used (translated); empty while available or checking.
    QString unavailableReason() const;
    void recheckAvailability();

    // Asynchronous: done runs later in the GUI thread, and is dropped if context or this store is gone.
    void write(const QString &key, const QByteArray &secret, QObject *context,
               std::function<void(const KeychainResult &)> done);
    // Deletes every entry this service wrote, then the index; done gets how many secrets were deleted.
    void forgetAll(QObject *context, std::function<void(const KeychainResult &, int removed)> done);

    // For worker threads only: waits at most timeout for the read. Concurrent reads of one key share one
    // keychain job. Refuses (Failed) in the GUI thread, which must never wait for the keychain.
    KeychainResult readBlocking(const QString &key, QByteArray *secret,
                                std::chrono::milliseconds timeout = std::chrono::seconds(35));

signals:
    void availabilityChanged();

private:
    struct Shared;
    std::shared_ptr<Shared> d;
};

} // namespace lw::gui
