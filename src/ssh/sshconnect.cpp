#include "sshconnection_p.h"

#include "sshconfigscan.h"
#include "sshlog.h"
#include "sshtr.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QThread>

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

// SshConnection::connect(): the session's options, the TCP connection and SSH handshake (cancellable while
// libssh blocks), the host key check and authentication.

namespace lw::ssh {

// An SSH handshake blocking in libssh (connectOnce), registered with the tokens that concern it: a cancel()
// of one of them shuts the socket down, in the cancelling thread, which ends libssh's wait at once. It shuts
// down a duplicate of libssh's descriptor, so a socket libssh has closed meanwhile can never be mistaken for
// another one.
class HandshakeWatch
{
public:
    HandshakeWatch(int fd, const CancelTokens &tokens)
        : m_fd(fd >= 0 ? ::fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1),
          m_wait(m_fd >= 0 ? std::make_optional<CancelWait>(tokens, &HandshakeWatch::wake, this)
                           : std::nullopt)
    {}
    ~HandshakeWatch()
    {
        m_wait.reset(); // no cancel() touches the descriptor from here on
        if (m_fd >= 0)
            ::close(m_fd);
    }
    HandshakeWatch(const HandshakeWatch &) = delete;
    HandshakeWatch &operator=(const HandshakeWatch &) = delete;
    bool watching() const { return m_fd >= 0; }

private:
    // Reading ends: libssh's wait sees the end of the stream at once. Not writing: over a ProxyCommand libssh
    // writes with write(), which a shut peer would answer with SIGPIPE.
    static void wake(void *self) { ::shutdown(static_cast<HandshakeWatch *>(self)->m_fd, SHUT_RD); }

    int m_fd;
    std::optional<CancelWait> m_wait;
};

namespace {

struct PassphraseRequest
{
    CredentialProvider *credentials = nullptr;
    const HostTarget *target = nullptr;
    QString keyFile;
    bool asked = false;
};

// For the first, silent import of a key file: an encrypted key fails here and goes the asking way.
int refusePassphrase(const char *, char *, size_t, int, int, void *)
{
    return -1;
}

// A key file without a passphrase, imported once per worker thread while the file stays the same (its
// fileSignature): a sweep would otherwise read and decode it again for every host. nullptr when it cannot be
// imported without a passphrase (or at all): the caller goes the asking way, and such keys are never kept.
ssh_key cachedPlainKey(const QString &file)
{
    struct Cached
    {
        QByteArray signature;
        KeyPtr key;
    };
    thread_local std::map<QString, Cached> cache;
    bool settled = false;
    const QByteArray signature = fileSignature({file}, &settled);
    const auto it = cache.find(file);
    if (it != cache.end() && settled && it->second.signature == signature)
        return it->second.key.get();
    if (it != cache.end())
        cache.erase(it);
    ssh_key raw = nullptr;
    const QByteArray path = QFile::encodeName(file);
    if (ssh_pki_import_privkey_file(path.constData(), nullptr, refusePassphrase, nullptr, &raw) != SSH_OK ||
        !raw)
        return nullptr;
    Cached &slot = cache[file];
    slot.signature = settled ? signature : QByteArray(); // changed just now: read again next time
    slot.key.reset(raw);
    return raw;
}

// What libssh works out for every new session (ssh_options_apply: the account's home directory by
// getpwuid_r, i.e. /etc/passwd read through NSS each time, or $HOME without an account entry, + "/.ssh"),
// looked up once per process and given to each session as SSH_OPTIONS_SSH_DIR: the same directory. (Where
// the account has no passwd entry, libssh read $HOME for every session; a $HOME changed while the process
// runs is not followed here.)
const QByteArray &libsshDefaultSshDir()
{
    static const QByteArray dir = [] {
        const QByteArray home =
            accountHomeDir().isEmpty() ? qgetenv("HOME") : QFile::encodeName(accountHomeDir());
        return home.isEmpty() ? QByteArray() : home + "/.ssh";
    }();
    return dir;
}

int passphraseCallback(const char *, char *buf, size_t len, int, int, void *userdata)
{
    auto *req = static_cast<PassphraseRequest *>(userdata);
    if (req->asked || !req->credentials || len == 0)
        return -1; // one attempt per key
    req->asked = true;
    std::optional<QByteArray> secret = req->credentials->passphrase(*req->target, req->keyFile);
    if (!secret || static_cast<size_t>(secret->size()) >= len)
        return -1;
    std::memcpy(buf, secret->constData(), secret->size());
    buf[secret->size()] = '\0';
    secret->fill('\0');
    return 0;
}

void setSessionTimeout(ssh_session s, int ms)
{
    const long sec = ms / 1000;
    const long usec = (ms % 1000) * 1000L;
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &sec);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &usec);
}

} // namespace

ConnectResult SshConnection::connect(const CancelToken &cancel)
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    ensureLibsshReadyInThisThread();
    if (isConnected())
        return makeResult(SshStatus::Ok, QString());
    d->connectCancel = cancel;
    const auto clearCancel = qScopeGuard([this] { d->connectCancel = CancelToken(); });
    d->drop();
    d->hostClock.restart();
    const int attempts = 1 + std::max(0, d->options.connectRetries);
    ConnectResult result;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        bool retryable = false;
        result = d->connectOnce(&retryable);
        if (result.status == SshStatus::Ok || !retryable || attempt == attempts)
            break;
        // Jittered backoff so that a fleet restarted at once does not reconnect in lockstep.
        const int delayMs = 150 * attempt + int(QRandomGenerator::global()->bounded(250));
        qCInfo(lcSsh) << d->target.name << "transport error before auth, retrying in" << delayMs
                      << "ms:" << result.message;
        QElapsedTimer wait;
        wait.start();
        while (wait.elapsed() < delayMs) {
            if (d->cancelled())
                return makeResult(SshStatus::Error, SshTr::tr("Cancelled"));
            QThread::msleep(std::min<qint64>(50, delayMs - wait.elapsed() + 1));
        }
    }
    if (result.status == SshStatus::Ok) {
        d->connected = true;
        d->lastUse.restart();
    } else {
        d->drop();
    }
    return result;
}

ConnectResult SshConnection::Private::connectOnce(bool *retryable)
{
    *retryable = false;
    knownHostEntries.reset(); // read again for each connection (a key may have been approved since)
    session.reset(ssh_new());
    if (!session)
        return makeResult(SshStatus::Error, SshTr::tr("Cannot create an SSH session"));

    const QString alias = !target.configAlias.isEmpty() ? target.configAlias
                          : target.name.isEmpty()       ? target.hostName
                                                        : target.name;
    if (!isSafeHostToken(alias) || (!target.hostName.isEmpty() && !isSafeHostToken(target.hostName)) ||
        (!target.user.isEmpty() && !isSafeHostToken(target.user)))
        return makeResult(SshStatus::Error, SshTr::tr("Invalid host name or user: %1").arg(alias));
    const int connectMs =
        int(std::max<qint64>(1, std::min<qint64>(options.connectTimeoutMs, hostRemainingMs())));
    if (ConnectResult configured = configureSession(alias, connectMs); configured.status != SshStatus::Ok)
        return configured;
    readResolvedTarget(alias);
    offerHostKeyAlgorithms();
    if (ConnectResult shaken = handshake(alias, connectMs, retryable); shaken.status != SshStatus::Ok)
        return shaken;
    ConnectResult keyResult = verifyHostKey();
    if (keyResult.status != SshStatus::Ok)
        return keyResult;
    return authenticate();
}

ConnectResult SshConnection::Private::configureSession(const QString &alias, int connectMs)
{
    ssh_session s = session.get();
    const QByteArray aliasUtf8 = alias.toUtf8();
    ssh_options_set(s, SSH_OPTIONS_HOST, aliasUtf8.constData());
    if (const QByteArray &sshDir = libsshDefaultSshDir(); !sshDir.isEmpty())
        ssh_options_set(s, SSH_OPTIONS_SSH_DIR, sshDir.constData());
    const bool useConfig = options.sshConfigFile != QStringLiteral("none");
    if (useConfig) {
        const QByteArray config = QFile::encodeName(options.sshConfigFile);
        if (ssh_options_parse_config(s, options.sshConfigFile.isEmpty() ? nullptr : config.constData()) != 0)
            return makeResult(SshStatus::Error,
                              SshTr::tr("Cannot parse the SSH configuration: %1").arg(libsshError(s)));
    }
    const int no = 0;
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &no); // parsed once, above, or not at all
    if (!target.hostName.isEmpty()) {
        const QByteArray h = target.hostName.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_HOST, h.constData());
    }
    if (target.port > 0) {
        const unsigned int p = unsigned(target.port);
        ssh_options_set(s, SSH_OPTIONS_PORT, &p);
    }
    if (!target.user.isEmpty()) {
        const QByteArray u = target.user.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_USER, u.constData());
    } else if (!options.defaultUser.isEmpty()) {
        // libssh has a user here only if the config named one; that one wins over our default.
        char *configured = nullptr;
        const bool fromConfig = ssh_options_get(s, SSH_OPTIONS_USER, &configured) == SSH_OK && configured;
        LibsshString holder(configured);
        if (!fromConfig) {
            const QByteArray u = options.defaultUser.toUtf8();
            ssh_options_set(s, SSH_OPTIONS_USER, u.constData());
        }
    }
    // Our own policy wins over whatever the config said.
    const int strict = 1;
    ssh_options_set(s, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict);
    setSessionTimeout(s, connectMs);
    const int nodelay = 1;
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);

    return makeResult(SshStatus::Ok, QString());
}

void SshConnection::Private::readResolvedTarget(const QString &alias)
{
    ssh_session s = session.get();
    char *h = nullptr;
    if (ssh_options_get(s, SSH_OPTIONS_HOST, &h) == SSH_OK && h) {
        LibsshString holder(h);
        host = QString::fromUtf8(h);
    } else {
        host = alias;
    }
    unsigned int p = 22;
    port = ssh_options_get_port(s, &p) == SSH_OK ? int(p) : 22;
    char *u = nullptr;
    if (ssh_options_get(s, SSH_OPTIONS_USER, &u) == SSH_OK && u) {
        LibsshString holder(u);
        user = QString::fromUtf8(u);
    }
}

void SshConnection::Private::offerHostKeyAlgorithms()
{
    ssh_session s = session.get();
    // Host keys are checked by us (verifyHostKey). libssh reads the known_hosts files on every connection
    // only to offer the host's known key types first: with a fleet and a long, hashed known_hosts that is
    // a parse (and an HMAC a hashed line) per host. Our parse is cached, so the order comes from it and
    // libssh reads no file - unless an ssh config sets HostKeyAlgorithms: that list libssh keeps and orders.
    const QStringList khFiles = knownHostsFiles();
    bool ordered = false;
    if (!hostKeyAlgorithmsConfigured(options.sshConfigFile)) {
        const QByteArray order = hostKeyAlgorithmOrder(knownForHost().keyTypes(host, port));
        ordered = ssh_options_set(s, SSH_OPTIONS_HOSTKEYS, order.constData()) == SSH_OK;
    }
    const QByteArray kh = ordered ? QByteArray("/dev/null") : QFile::encodeName(khFiles.value(0));
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, kh.constData());
    const QByteArray gkh =
        ordered ? QByteArray("/dev/null") : QFile::encodeName(khFiles.value(1, QStringLiteral("/dev/null")));
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, gkh.constData());
}

ConnectResult SshConnection::Private::handshake(const QString &alias, int connectMs, bool *retryable)
{
    ssh_session s = session.get();
    // The TCP connection (or the proxy command's start) non-blocking, so that a cancel is seen within 100 ms
    // even while a black-holed host eats the whole connect timeout; we block in poll() on the socket, never
    // spin. The SSH handshake after it below.
    QElapsedTimer connectClock;
    connectClock.start();
    ssh_set_blocking(s, 0);
    int rc = SSH_AGAIN;
    std::optional<HandshakeWatch> watch; // the blocking handshake's: a cancel shuts the socket down
    if (std::optional<ConnectResult> early = connectTcp(alias, connectMs, connectClock, &watch, &rc))
        return *early;
    if (rc == SSH_AGAIN) {
        if (std::optional<ConnectResult> early = finishHandshake(alias, connectMs, connectClock, &watch, &rc))
            return *early;
    }
    ssh_set_blocking(s, 1);
    if (rc != SSH_OK)
        return connectFailure(alias, retryable);
    ++handshakes;
    return makeResult(SshStatus::Ok, QString());
}

std::optional<ConnectResult> SshConnection::Private::connectTcp(const QString &alias, int connectMs,
                                                                const QElapsedTimer &connectClock,
                                                                std::optional<HandshakeWatch> *watch, int *rc)
{
    ssh_session s = session.get();
    bool tcpConnected = false;
    bool stepHandshake = false; // no watch to be had: the handshake stepped from here as well
    for (;;) {
        *rc = ssh_connect(s);
        if (*rc != SSH_AGAIN)
            return std::nullopt;
        if (cancelled()) {
            ssh_set_blocking(s, 1);
            return makeResult(SshStatus::Error, SshTr::tr("Cancelled"));
        }
        const qint64 left = connectMs - connectClock.elapsed();
        if (left <= 0)
            return connectTimedOut(alias, connectClock);
        pollfd pfd{ssh_get_fd(s), POLLIN, 0};
        if (pfd.fd < 0) {
            QThread::msleep(10);
            continue;
        }
        if (!tcpConnected) { // once it is, it stays so: no need to ask again at every step
            sockaddr_storage peer;
            socklen_t peerLen = sizeof peer;
            tcpConnected = ::getpeername(pfd.fd, reinterpret_cast<sockaddr *>(&peer), &peerLen) == 0 ||
                           errno != ENOTCONN;
        }
        if (tcpConnected && !stepHandshake) {
            watch->emplace(pfd.fd, cancelTokens());
            if ((*watch)->watching())
                return std::nullopt;
            watch->reset();
            stepHandshake = true;
        }
        if (!tcpConnected || (ssh_get_poll_flags(s) & SSH_WRITE_PENDING))
            pfd.events |= POLLOUT;
        ::poll(&pfd, 1, int(std::min<qint64>(left, 100)));
    }
}

std::optional<ConnectResult> SshConnection::Private::finishHandshake(const QString &alias, int connectMs,
                                                                     const QElapsedTimer &connectClock,
                                                                     std::optional<HandshakeWatch> *watch,
                                                                     int *rc)
{
    ssh_session s = session.get();
    // Connected: the rest of the handshake blocking in libssh, which steps it with its own poll (stepped
    // from here, one ssh_connect call per packet, it cost ~0.3 ms more client CPU a host), within what is
    // left of the connect timeout. A cancel shuts the socket down under it (HandshakeWatch).
    const qint64 left = connectMs - connectClock.elapsed();
    if (left <= 0)
        return connectTimedOut(alias, connectClock);
    const long leftSec = long(left / 1000);
    const long leftUsec = long(left % 1000) * 1000L;
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &leftSec);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &leftUsec);
    ssh_set_blocking(s, 1);
    *rc = cancelled() ? SSH_ERROR : ssh_connect(s);
    watch->reset();
    setSessionTimeout(s, connectMs); // the session's own again (authentication uses it)
    if (cancelled())
        return makeResult(SshStatus::Error, SshTr::tr("Cancelled"));
    return std::nullopt;
}

QString SshConnection::Private::endpoint(const QString &alias) const
{
    const QString address = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    if (host.isEmpty() || host == alias)
        return QStringLiteral("%1:%2").arg(address.isEmpty() ? alias : address).arg(port);
    return QStringLiteral("%1 (%2:%3)").arg(alias, address).arg(port);
}

ConnectResult SshConnection::Private::connectTimedOut(const QString &alias, const QElapsedTimer &connectClock)
{
    ssh_set_blocking(session.get(), 1);
    qCInfo(lcSsh) << target.name << "connect timed out after" << connectClock.elapsed() << "ms";
    return makeResult(SshStatus::Timeout,
                      SshTr::tr("Connection to %1 timed out after %2 s")
                          .arg(endpoint(alias), QLocale().toString(connectClock.elapsed() / 1000.0, 'f', 1)));
}

ConnectResult SshConnection::Private::connectFailure(const QString &alias, bool *retryable)
{
    const QString error = libsshError(session.get());
    const QString lower = error.toLower();
    qCInfo(lcSsh) << target.name << "connect failed:" << error;
    if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        return makeResult(SshStatus::Timeout, SshTr::tr("Connection to %1 timed out").arg(endpoint(alias)));
    if (lower.contains(QLatin1String("resolve")) || lower.contains(QLatin1String("name or service")) ||
        lower.contains(QLatin1String("no route")) || lower.contains(QLatin1String("unreachable")) ||
        lower.contains(QLatin1String("refused"))) {
        *retryable = lower.contains(QLatin1String("refused"));
        return makeResult(SshStatus::Unreachable,
                          SshTr::tr("%1 is unreachable: %2").arg(endpoint(alias), error));
    }
    // Reset or closed during banner exchange / key exchange: transient, worth another try.
    *retryable = true;
    return makeResult(SshStatus::Error, SshTr::tr("Connection to %1 failed: %2").arg(endpoint(alias), error));
}

ConnectResult SshConnection::Private::verifyHostKey()
{
    ssh_session s = session.get();
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(s, &rawKey) != SSH_OK || !rawKey)
        return makeResult(SshStatus::Error, SshTr::tr("The server sent no host key: %1").arg(libsshError(s)));
    KeyPtr key(rawKey);

    HostKeyInfo info;
    info.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    char *b64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key.get(), &b64) != SSH_OK || !b64)
        return makeResult(SshStatus::Error, SshTr::tr("Cannot read the server's host key"));
    {
        LibsshString holder(b64);
        info.publicKeyBase64 = QByteArray(b64);
    }
    unsigned char *rawHash = nullptr;
    size_t hashLen = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &rawHash, &hashLen) != 0 || !rawHash)
        return makeResult(SshStatus::Error, SshTr::tr("Cannot hash the server's host key"));
    HashPtr hash(rawHash);
    info.fingerprintSha256 =
        QStringLiteral("SHA256:") +
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(hash.get()), qsizetype(hashLen))
                                .toBase64(QByteArray::OmitTrailingEquals));
    info.knownHostsHost = KnownHosts::hostPattern(host.toLower(), port);

    const KnownHosts &known = knownForHost();
    const KnownHosts::Match match =
        known.check(host, port, info.keyType.toLatin1(), QByteArray::fromBase64(info.publicKeyBase64));
    ConnectResult r;
    r.hostKey = info;
    switch (match) {
    case KnownHosts::Match::Known:
        r.status = SshStatus::Ok;
        return r;
    case KnownHosts::Match::Unknown:
        r.status = SshStatus::HostKeyUnknown;
        r.message = SshTr::tr("The host key of %1 is not known (%2 %3)")
                        .arg(info.knownHostsHost, info.keyType, info.fingerprintSha256);
        break;
    case KnownHosts::Match::Changed:
        r.status = SshStatus::HostKeyChanged;
        r.hostKey.knownFingerprints = known.knownFingerprints(host, port);
        r.message = SshTr::tr("The host key of %1 has CHANGED (now %2 %3); refusing to connect")
                        .arg(info.knownHostsHost, info.keyType, info.fingerprintSha256);
        break;
    case KnownHosts::Match::Revoked:
        r.status = SshStatus::HostKeyRevoked;
        r.message = SshTr::tr("The host key of %1 is REVOKED (%2 %3); refusing to connect")
                        .arg(info.knownHostsHost, info.keyType, info.fingerprintSha256);
        break;
    }
    qCWarning(lcSsh).noquote() << r.message;
    return r; // the caller drops the session: nothing runs on an unverified host
}

const KnownHosts &SshConnection::Private::knownForHost()
{
    if (!knownHostEntries)
        knownHostEntries = KnownHosts::load(knownHostsFiles()).forHost(host, port);
    return *knownHostEntries;
}

QStringList SshConnection::Private::knownHostsFiles() const
{
    QStringList files;
    files << options.userKnownHostsFile();
    if (!options.globalKnownHostsFile.isEmpty())
        files << options.globalKnownHostsFile;
    return files;
}

QStringList SshConnection::Private::identityFiles()
{
    keyProblems.clear();
    QStringList named; // given by the user: a missing one is said
    for (const QString &f : options.identityFiles)
        named << expandHome(f);
    if (options.sshConfigFile != QStringLiteral("none")) {
        QStringList homes{QDir::homePath()};
        if (!accountHomeDir().isEmpty() && !homes.contains(accountHomeDir()))
            homes << accountHomeDir();
        const QString alias = !target.configAlias.isEmpty() ? target.configAlias
                              : target.name.isEmpty()       ? target.hostName
                                                            : target.name;
        named += sshConfigIdentityFiles(sshConfigFilesLibsshReads(options.sshConfigFile, homes),
                                        {alias, host, user, port});
    }
    named.removeDuplicates();
    QStringList files;
    for (const QString &f : std::as_const(named)) {
        if (QFileInfo(f).isFile())
            files << f;
        else
            keyProblems << SshTr::tr("key %1: no such file").arg(f);
    }
    if (named.isEmpty()) {
        // OpenSSH's defaults, only where nothing was named; a missing default is nobody's concern
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
            const QString f = QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name);
            if (QFileInfo(f).isFile())
                files << f;
        }
    }
    return files;
}

namespace {

QString homeRelative(const QString &path)
{
    const QString home = QDir::homePath() + QLatin1Char('/');
    return path.startsWith(home) ? QStringLiteral("~/") + path.mid(home.size()) : path;
}

// "Authentication as root@web1 failed: no method was accepted. Tried: the SSH agent, ~/.ssh/id_ed25519. The
// server accepts: publickey." - what the admin needs to see which key, user or agent is missing.
QString authFailedMessage(const QString &who, int methods, bool listed, bool agentTried, bool agentUsable,
                          const QStringList &keysTried, const QStringList &keyProblems, bool passwordTried,
                          bool kbdintTried)
{
    QStringList tried;
    if (agentTried)
        tried << SshTr::tr("the SSH agent");
    for (const QString &key : keysTried)
        tried << homeRelative(key);
    if (passwordTried)
        tried << SshTr::tr("a password");
    if (kbdintTried)
        tried << SshTr::tr("keyboard-interactive");
    QStringList notTried;
    if (!agentUsable)
        notTried << SshTr::tr("no SSH agent (SSH_AUTH_SOCK is not set)");
    if (keysTried.isEmpty() && keyProblems.isEmpty())
        notTried << SshTr::tr("no key file (none given, none in ~/.ssh)");
    QStringList accepted;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        accepted << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        accepted << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        accepted << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        accepted << QStringLiteral("hostbased");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        accepted << QStringLiteral("gssapi-with-mic");
    const QString separator = SshTr::tr(", ");
    QString text = SshTr::tr("Authentication as %1 failed: no method was accepted.").arg(who);
    text += QLatin1Char(' ') +
            SshTr::tr("Tried: %1.").arg(tried.isEmpty() ? SshTr::tr("nothing") : tried.join(separator));
    if (!notTried.isEmpty())
        text += QLatin1Char(' ') + SshTr::tr("Not available: %1.").arg(notTried.join(separator));
    if (!keyProblems
             .isEmpty()) // named files that could not be offered: missing, readable by others, encrypted
        text += QLatin1Char(' ') + SshTr::tr("Not used: %1.").arg(keyProblems.join(SshTr::tr("; ")));
    if (listed)
        text +=
            QLatin1Char(' ') + SshTr::tr("The server accepts: %1.")
                                   .arg(accepted.isEmpty() ? SshTr::tr("nothing") : accepted.join(separator));
    return text;
}

} // namespace

ConnectResult SshConnection::Private::authenticate()
{
    ssh_session s = session.get();
    const QString who = user + QLatin1Char('@') + host;
    bool agentTried = false, passwordTried = false, kbdintTried = false;
    QStringList keysVisited, keysTried;
    const QStringList keys = identityFiles();
    const bool agentUsable = options.useAgent && qEnvironmentVariableIsSet("SSH_AUTH_SOCK");
    // The server's list of methods comes with its first "failure" reply. Keys and the agent go first
    // without asking for it ("none" costs a round trip, on both sides); before a password or a
    // keyboard-interactive prompt, which ask the user, the list must be the server's.
    int methods = SSH_AUTH_METHOD_PUBLICKEY;
    bool listed = false;

    // One attempt per method (and per key file); SSH_AUTH_PARTIAL re-reads the list and goes on.
    for (;;) {
        int rc = SSH_AUTH_DENIED;
        bool attempted = false;
        if (!attempted && (methods & SSH_AUTH_METHOD_PUBLICKEY) && agentUsable && !agentTried) {
            agentTried = true;
            // As OpenSSH: the agent's keys first, then the identity files. An agent with no keys (nothing is
            // sent to the server) or a stale SSH_AUTH_SOCK (libssh: an error, the session is fine) must not
            // end the attempt before the files were offered.
            const int agent = ssh_userauth_agent(s, nullptr);
            if (agent == SSH_AUTH_ERROR && ssh_is_connected(s)) {
                qCInfo(lcSsh) << target.name << "ssh-agent not usable:" << libsshError(s);
            } else {
                attempted = true;
                rc = agent;
            }
        }
        if (!attempted && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
            if (const std::optional<int> offered = tryIdentityFiles(keys, &keysVisited, &keysTried)) {
                attempted = true;
                rc = *offered;
            }
        }
        if (!attempted && !listed) {
            // no key or agent (left), nothing refused yet: "none" fetches the server's list
            const int none = ssh_userauth_none(s, nullptr);
            if (none == SSH_AUTH_SUCCESS)
                return makeResult(SshStatus::Ok, QString());
            if (none == SSH_AUTH_ERROR)
                return makeResult(SshStatus::Error,
                                  SshTr::tr("Authentication with %1 failed: %2").arg(who, libsshError(s)));
            methods = ssh_userauth_list(s, nullptr);
            listed = true;
        }
        if (!attempted && (methods & SSH_AUTH_METHOD_PASSWORD) && !passwordTried) {
            passwordTried = true;
            if (credentials) {
                std::optional<QByteArray> pw =
                    credentials->password(target, SshTr::tr("Password for %1:").arg(who));
                if (pw) {
                    attempted = true;
                    rc = ssh_userauth_password(s, nullptr, pw->constData());
                    pw->fill('\0');
                }
            }
        }
        if (!attempted && (methods & SSH_AUTH_METHOD_INTERACTIVE) && !kbdintTried && credentials) {
            kbdintTried = attempted = true;
            rc = tryKeyboardInteractive();
        }
        if (!attempted)
            return makeResult(SshStatus::AuthFailed,
                              authFailedMessage(who, methods, listed, agentTried, agentUsable, keysTried,
                                                keyProblems, passwordTried, kbdintTried));
        switch (rc) {
        case SSH_AUTH_SUCCESS:
            return makeResult(SshStatus::Ok, QString());
        case SSH_AUTH_PARTIAL:
        case SSH_AUTH_DENIED:
            // the failure reply lists the methods that may continue (after a partial success: the next).
            // No list: no request reached the server (an agent without keys); what we assumed stays.
            if (const int list = ssh_userauth_list(s, nullptr); list != 0 || listed) {
                methods = list;
                listed = true;
            }
            break;
        case SSH_AUTH_ERROR:
            return makeResult(SshStatus::Error,
                              SshTr::tr("Authentication with %1 failed: %2").arg(who, libsshError(s)));
        default:
            break;
        }
    }
}

std::optional<int> SshConnection::Private::tryIdentityFiles(const QStringList &keys, QStringList *visited,
                                                            QStringList *offered)
{
    ssh_session s = session.get();
    for (const QString &file : keys) {
        if (visited->contains(file))
            continue;
        *visited << file;
        const QByteArray path = QFile::encodeName(file);
        const QByteArray pubPath = QFile::encodeName(file + QStringLiteral(".pub"));
        // As OpenSSH (sshkey_perm_ok): a private key of ours that others may read is not used.
        struct stat st = {};
        if (::stat(path.constData(), &st) == 0 && st.st_uid == ::getuid() && (st.st_mode & 077) != 0) {
            keyProblems << SshTr::tr("key %1: readable by others (mode %2), ignored as OpenSSH ignores it")
                               .arg(file)
                               .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0'));
            qCWarning(lcSsh).noquote() << keyProblems.last();
            continue;
        }
        // A key without a passphrase is offered signed at once: asking the server first only
        // matters where the answer saves a passphrase prompt.
        if (const ssh_key plain = cachedPlainKey(file)) {
            *offered << file;
            return ssh_userauth_publickey(s, nullptr, plain);
        }
        ssh_key rawPub = nullptr;
        if (QFileInfo::exists(file + QStringLiteral(".pub")) &&
            ssh_pki_import_pubkey_file(pubPath.constData(), &rawPub) == SSH_OK) {
            // Ask the server first, so that a passphrase is only requested for a key it accepts.
            KeyPtr pub(rawPub);
            *offered << file;
            const int offer = ssh_userauth_try_publickey(s, nullptr, pub.get());
            if (offer == SSH_AUTH_ERROR)
                return offer;
            if (offer != SSH_AUTH_SUCCESS)
                continue;
        }
        PassphraseRequest req{credentials, &target, file, false};
        ssh_key rawPriv = nullptr;
        if (ssh_pki_import_privkey_file(path.constData(), nullptr, passphraseCallback, &req, &rawPriv) !=
                SSH_OK ||
            !rawPriv) {
            qCInfo(lcSsh) << target.name << "cannot use key" << file
                          << (req.asked ? "(passphrase missing or wrong)" : "");
            keyProblems
                << (req.asked ? SshTr::tr("key %1: encrypted, and no (right) passphrase was given").arg(file)
                              : SshTr::tr("key %1: not a private key libssh can read").arg(file));
            continue;
        }
        KeyPtr priv(rawPriv);
        if (!offered->contains(file))
            *offered << file;
        return ssh_userauth_publickey(s, nullptr, priv.get());
    }
    return std::nullopt;
}

int SshConnection::Private::tryKeyboardInteractive()
{
    ssh_session s = session.get();
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int round = 0; rc == SSH_AUTH_INFO && round < 8; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(s);
        bool answered = true;
        for (int i = 0; i < prompts && answered; ++i) {
            char echo = 0;
            const char *prompt = ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo);
            std::optional<QByteArray> answer =
                credentials->password(target, QString::fromUtf8(prompt ? prompt : ""));
            if (!answer) {
                answered = false;
                break;
            }
            ssh_userauth_kbdint_setanswer(s, unsigned(i), answer->constData());
            answer->fill('\0');
        }
        if (!answered) {
            rc = SSH_AUTH_DENIED;
            break;
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    if (rc == SSH_AUTH_INFO)
        rc = SSH_AUTH_DENIED;
    return rc;
}

} // namespace lw::ssh
