#include "sshconnection.h"

#include "canceltoken.h"
#include "knownhosts.h"
#include "ownerthread.h"
#include "sshlog.h"
#include "sshtr.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <poll.h>
#include <pwd.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fcntl.h>

#include <cerrno>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace lw::ssh {

namespace {

// An eventfd in the pump's ssh_event, registered with the tokens the pump answers to: a cancel() of one of
// them writes it, and the pump's poll() returns at once.
class CancelWake
{
public:
    explicit CancelWake(const CancelTokens &tokens)
        : m_fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
          m_wait(m_fd >= 0 ? std::make_optional<CancelWait>(tokens, &CancelWake::wake, this) : std::nullopt)
    {}
    ~CancelWake()
    {
        m_wait.reset(); // no cancel() writes the descriptor from here on
        if (m_fd >= 0)
            ::close(m_fd);
    }
    CancelWake(const CancelWake &) = delete;
    CancelWake &operator=(const CancelWake &) = delete;
    int fd() const { return m_fd; }
    static int drain(socket_t fd, int, void *)
    {
        eventfd_t value;
        ::eventfd_read(fd, &value);
        return 0;
    }

private:
    static void wake(void *self) { ::eventfd_write(static_cast<CancelWake *>(self)->m_fd, 1); }

    int m_fd;
    std::optional<CancelWait> m_wait;
};

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

struct SessionDeleter
{
    void operator()(ssh_session s) const
    {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
};
struct KeyDeleter
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
struct ChannelDeleter
{
    void operator()(ssh_channel c) const { ssh_channel_free(c); }
};
struct EventDeleter
{
    void operator()(ssh_event e) const { ssh_event_free(e); }
};
struct CharDeleter
{
    void operator()(char *p) const { ssh_string_free_char(p); }
};
struct HashDeleter
{
    void operator()(unsigned char *p) const { ssh_clean_pubkey_hash(&p); }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;
using EventPtr = std::unique_ptr<ssh_event_struct, EventDeleter>;
using LibsshString = std::unique_ptr<char, CharDeleter>;
using HashPtr = std::unique_ptr<unsigned char, HashDeleter>;

QString libsshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s));
}

// Host names and users end up in ProxyCommand %h/%r expansions, which libssh runs through /bin/sh:
// accept only what a host name or user can be, never shell syntax.
bool isSafeHostToken(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('-')))
        return false;
    for (QChar c : s) {
        const bool ok = c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') ||
                        c == QLatin1Char('_') || c == QLatin1Char(':') || c == QLatin1Char('%');
        if (!ok)
            return false;
    }
    return true;
}

QString expandHome(QString path)
{
    path.replace(QStringLiteral("%d"), QDir::homePath());
    if (path.startsWith(QStringLiteral("~/")))
        path = QDir::homePath() + path.mid(1);
    return path;
}

// The account's home directory from the passwd database (getpwuid_r: NSS, /etc/passwd), looked up once per
// process; empty without an entry.
const QString &accountHomeDir()
{
    static const QString home = [] {
        passwd account{};
        passwd *found = nullptr;
        char buffer[4096];
        if (::getpwuid_r(::getuid(), &account, buffer, sizeof buffer, &found) == 0 && found && found->pw_dir)
            return QFile::decodeName(found->pw_dir);
        return QString();
    }();
    return home;
}

// Whether an ssh config file libssh reads for this session (with its Includes) sets HostKeyAlgorithms.
// Looked at by name only, and "yes" whenever in doubt (an Include we cannot follow, too many files): a
// "yes" merely leaves the order to libssh, a wrong "no" would replace the user's list with ours. Cached
// for a few seconds (a sweep asks once per host).
bool hostKeyAlgorithmsConfigured(const QString &sshConfigFile)
{
    if (sshConfigFile == QLatin1String("none"))
        return false;
    static std::mutex cacheMutex;
    static QString cachedFor;
    static QElapsedTimer cachedAt;
    static bool cached = false;
    {
        std::lock_guard lock(cacheMutex);
        if (cachedAt.isValid() && cachedFor == sshConfigFile && cachedAt.elapsed() < 10000)
            return cached;
    }
    // (file, the directory its relative Includes are in), in the order libssh reads them: the user's file
    // (under $HOME and under the account's home, should they differ), then the system's (Debian's libssh
    // reads /etc/ssh/ssh_config; other builds /etc/libssh/libssh_client.config)
    std::deque<std::pair<QString, QString>> pending;
    QStringList homes{QDir::homePath()};
    if (!accountHomeDir().isEmpty() && !homes.contains(accountHomeDir()))
        homes << accountHomeDir();
    if (sshConfigFile.isEmpty()) {
        for (const QString &home : std::as_const(homes))
            pending.emplace_back(home + QStringLiteral("/.ssh/config"), home + QStringLiteral("/.ssh"));
        pending.emplace_back(QStringLiteral("/etc/ssh/ssh_config"), QStringLiteral("/etc/ssh"));
        pending.emplace_back(QStringLiteral("/etc/libssh/libssh_client.config"),
                             QStringLiteral("/etc/libssh"));
    } else {
        pending.emplace_back(expandHome(sshConfigFile), homes.first() + QStringLiteral("/.ssh"));
    }
    QSet<QString> seen;
    bool configured = false;
    while (!configured && !pending.empty()) {
        const auto [path, base] = pending.front();
        pending.pop_front();
        if (seen.contains(path))
            continue;
        seen.insert(path);
        if (seen.size() > 64) {
            configured = true; // more than anyone writes: in doubt
            break;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.read(1 << 20).split('\n');
        for (const QByteArray &raw : lines) {
            const QByteArray line = raw.trimmed().toLower();
            if (line.startsWith("hostkeyalgorithms")) {
                configured = true;
                break;
            }
            if (!line.startsWith("include") || line.size() < 8 ||
                !(line[7] == ' ' || line[7] == '\t' || line[7] == '='))
                continue;
            for (const QByteArray &word : raw.trimmed().mid(8).simplified().split(' ')) {
                QString pattern = expandHome(QString::fromUtf8(word));
                if (!pattern.startsWith(u'/'))
                    pattern = base + u'/' + pattern;
                const QFileInfo info(pattern);
                const QString dir = info.path();
                if (word.contains('"') || dir.contains(u'*') || dir.contains(u'?') || dir.contains(u'[')) {
                    configured = true; // quotes, or wildcards above the file name: not followed here
                    break;
                }
                const QStringList matches = QDir(dir).entryList(
                    {info.fileName()}, QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
                for (const QString &match : matches)
                    pending.emplace_back(dir + u'/' + match, base);
            }
            if (configured)
                break;
        }
    }
    std::lock_guard lock(cacheMutex);
    cachedFor = sshConfigFile;
    cachedAt.start();
    cached = configured;
    return configured;
}

// The host key algorithms to offer: those of the keys known for the host first (an RSA key: its SHA-2
// signatures), then libssh 0.10's default list.
QByteArray hostKeyAlgorithmOrder(const QList<QByteArray> &knownTypes)
{
    static const QList<QByteArray> defaults{"ssh-ed25519",
                                            "ecdsa-sha2-nistp521",
                                            "ecdsa-sha2-nistp384",
                                            "ecdsa-sha2-nistp256",
                                            "sk-ssh-ed25519@openssh.com",
                                            "sk-ecdsa-sha2-nistp256@openssh.com",
                                            "rsa-sha2-512",
                                            "rsa-sha2-256"};
    QList<QByteArray> order;
    for (const QByteArray &type : knownTypes) {
        const QList<QByteArray> algorithms =
            type == "ssh-rsa" ? QList<QByteArray>{"rsa-sha2-512", "rsa-sha2-256"} : QList<QByteArray>{type};
        for (const QByteArray &a : algorithms) {
            if (defaults.contains(a) && !order.contains(a))
                order << a;
        }
    }
    for (const QByteArray &a : defaults) {
        if (!order.contains(a))
            order << a;
    }
    return order.join(',');
}

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

// What libssh's callbacks have seen on one channel. It must stay at one address while its callbacks are
// set: for exec() that is one command, for a kept channel the channel's whole life (data that arrives
// between two requests lands here and is prepended to the next request's reply).
struct ChannelState
{
    QByteArray out, err;
    qint64 cap = 0; // per stream; past it data is still read (the remote never blocks) but not kept
    bool truncated = false;
    const std::function<void(OutputStream, QByteArrayView)> *onOutput = nullptr;
    quint64 reads = 0; // data callbacks so far
    // A kept command first prints one line of its own on stdout (kKeptPidTag and its pid): taken out here,
    // before anyone sees the stream.
    bool expectPidLine = false;
    QByteArray pidLine;
    bool eof = false;
    bool closed = false;
    bool gotStatus = false;
    bool gotSignal = false;
    int exitStatus = -1;
    QString exitSignal;
    ssh_channel_callbacks_struct callbacks;

    ChannelState() = default;
    ChannelState(const ChannelState &) = delete;
    ChannelState &operator=(const ChannelState &) = delete;

    void attach(ssh_channel channel);
    void detach(ssh_channel channel) { ssh_remove_channel_callbacks(channel, &callbacks); }
    // Moves the output read so far into the result, with what is known of the command's end.
    void takeInto(ExecResult &result)
    {
        result.stdoutData = std::exchange(out, QByteArray());
        result.stderrData = std::exchange(err, QByteArray());
        result.truncated = std::exchange(truncated, false);
        result.exitKnown = gotStatus || gotSignal;
        result.exitStatus = gotStatus ? exitStatus : -1;
        result.exitSignal = exitSignal;
    }
};

int onChannelData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *userdata)
{
    auto *st = static_cast<ChannelState *>(userdata);
    QByteArray &buffer = isStderr ? st->err : st->out;
    const char *bytes = static_cast<const char *>(data);
    const uint32_t consumed = len;
    if (st->expectPidLine && !isStderr) {
        const void *newline = std::memchr(bytes, '\n', len);
        const uint32_t take = newline ? uint32_t(static_cast<const char *>(newline) - bytes + 1) : len;
        st->pidLine.append(bytes, take);
        st->expectPidLine = !newline && st->pidLine.size() < 64;
        bytes += take;
        len -= take;
        if (len == 0)
            return int(consumed);
    }
    const qint64 room = std::max<qint64>(0, st->cap - buffer.size());
    const qint64 keep = std::min<qint64>(room, len);
    if (keep > 0)
        buffer.append(bytes, keep);
    if (keep < static_cast<qint64>(len))
        st->truncated = true; // keep reading and discarding so the remote never blocks
    ++st->reads;
    if (st->onOutput && *st->onOutput)
        (*st->onOutput)(isStderr ? OutputStream::Stderr : OutputStream::Stdout, QByteArrayView(bytes, len));
    return static_cast<int>(consumed);
}

void onChannelEof(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ChannelState *>(userdata)->eof = true;
}

void onChannelClose(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ChannelState *>(userdata)->closed = true;
}

void onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
{
    auto *st = static_cast<ChannelState *>(userdata);
    st->gotStatus = true;
    st->exitStatus = status;
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *,
                  void *userdata)
{
    auto *st = static_cast<ChannelState *>(userdata);
    st->gotSignal = true;
    st->exitSignal = QString::fromUtf8(signal ? signal : "");
}

void ChannelState::attach(ssh_channel channel)
{
    std::memset(&callbacks, 0, sizeof callbacks);
    callbacks.userdata = this;
    callbacks.channel_data_function = onChannelData;
    callbacks.channel_eof_function = onChannelEof;
    callbacks.channel_close_function = onChannelClose;
    callbacks.channel_exit_status_function = onExitStatus;
    callbacks.channel_exit_signal_function = onExitSignal;
    ssh_callbacks_init(&callbacks);
    ssh_set_channel_callbacks(channel, &callbacks);
}

// Writes `input` to a channel's stdin while reading its stdout and stderr together (both through the
// channel's ChannelState), until done() says so, the connection drops, a cancel, or the budget runs out.
// The one I/O loop of exec() and execKept().
class ChannelPump
{
public:
    enum class End { Done, ConnectionLost, Cancelled, TimedOut, PollFailed };

    ChannelPump(ssh_session session, ssh_channel channel, QByteArrayView input, bool eofAfterInput)
        : m_session(session), m_channel(channel), m_input(input), m_eofAfterInput(eofAfterInput)
    {}

    End run(const std::function<bool()> &done, const CancelTokens &cancel, qint64 budgetMs,
            const QElapsedTimer &timer)
    {
        EventPtr event(ssh_event_new());
        if (!event || ssh_event_add_session(event.get(), m_session) != SSH_OK)
            return End::PollFailed;
        CancelWake cancelWake(cancel);
        const bool wakeAdded =
            cancelWake.fd() >= 0 &&
            ssh_event_add_fd(event.get(), cancelWake.fd(), POLLIN, &CancelWake::drain, nullptr) == SSH_OK;
        End end = End::Done;
        for (;;) {
            if (!m_inputDone)
                writeSome();
            if (done())
                break;
            if (m_connectionLost || !ssh_is_connected(m_session) ||
                (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
                end = End::ConnectionLost;
                break;
            }
            if (cancel.isCancelled()) {
                end = End::Cancelled;
                break;
            }
            const qint64 left = budgetMs - timer.elapsed();
            if (left <= 0) {
                end = End::TimedOut;
                break;
            }
            // Blocks in poll() until I/O, a cancel (CancelWake) or the slice (without an eventfd, a cancel is
            // still seen within kCancelSliceMs). No spinning.
            if (ssh_event_dopoll(event.get(), int(std::min<qint64>(left, kCancelSliceMs))) == SSH_ERROR &&
                !ssh_is_connected(m_session)) {
                end = End::ConnectionLost;
                break;
            }
        }
        if (wakeAdded)
            ssh_event_remove_fd(event.get(), cancelWake.fd());
        ssh_event_remove_session(event.get(), m_session);
        return end;
    }

    qsizetype written() const { return m_written; }
    bool writeFailed() const { return m_writeFailed; }
    QString writeError() const { return m_writeError; }

private:
    void writeSome()
    {
        // Never write more than the window: a blocking write could wait for a remote that is itself
        // blocked on output we are not reading.
        const qsizetype left = m_input.size() - m_written;
        const qsizetype chunk =
            std::min<qsizetype>({left, qsizetype(ssh_channel_window_size(m_channel)), qsizetype(32768)});
        if (chunk > 0) {
            const int written = ssh_channel_write(m_channel, m_input.data() + m_written, uint32_t(chunk));
            if (written == SSH_ERROR) {
                m_connectionLost = !ssh_is_connected(m_session);
                m_writeFailed = true;
                m_writeError = libsshError(m_session);
                m_inputDone = true; // the remote may have closed stdin on purpose; keep reading
                return;
            }
            m_written += written;
        }
        if (m_written >= m_input.size()) {
            if (m_eofAfterInput)
                ssh_channel_send_eof(m_channel);
            m_inputDone = true;
        }
    }

    ssh_session m_session;
    ssh_channel m_channel;
    QByteArrayView m_input;
    bool m_eofAfterInput;
    qsizetype m_written = 0;
    bool m_inputDone = false;
    bool m_writeFailed = false;
    bool m_connectionLost = false;
    QString m_writeError;
};

QString pumpEndMessage(ChannelPump::End end, qint64 elapsedMs)
{
    switch (end) {
    case ChannelPump::End::Done:
        break;
    case ChannelPump::End::ConnectionLost:
        return SshTr::tr("Connection lost");
    case ChannelPump::End::Cancelled:
        return SshTr::tr("Cancelled");
    case ChannelPump::End::TimedOut:
        return SshTr::tr("The command timed out after %1 ms").arg(elapsedMs);
    case ChannelPump::End::PollFailed:
        return SshTr::tr("Cannot poll the SSH session");
    }
    return QString();
}

SshStatus pumpEndStatus(ChannelPump::End end)
{
    return end == ChannelPump::End::Done       ? SshStatus::Ok
           : end == ChannelPump::End::TimedOut ? SshStatus::Timeout
                                               : SshStatus::Error;
}

// A kept command runs as `echo <tag>$$; exec sh -c '<command>'`: sshd made that shell a process group
// leader, and its pid is what a timeout or cancel needs to stop the command. OpenSSH ignores "signal"
// channel requests in many versions (9.2: "session signalling requires privilege separation"), and closing
// the channel does not stop a command that is busy (it only sees EOF or EPIPE when it next reads or
// writes), so we kill the group from a second channel.
constexpr char kKeptPidTag[] = "lw-kept-pid ";

// Only letters, digits, blanks and - _ . / = : no character a shell would treat specially.
bool isPlainWords(const QByteArray &command)
{
    for (char c : command) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == '=';
        if (!plain)
            return false;
    }
    return !command.trimmed().isEmpty();
}

QByteArray shellQuote(const QByteArray &s)
{
    QByteArray quoted = s;
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

// The pid from a kept command's first line, or empty if that line is not what our wrapper prints.
QByteArray keptPid(const QByteArray &pidLine)
{
    if (!pidLine.startsWith(kKeptPidTag) || !pidLine.endsWith('\n'))
        return QByteArray();
    const QByteArray pid = pidLine.mid(qsizetype(sizeof kKeptPidTag) - 1).chopped(1);
    bool ok = false;
    const qint64 value = pid.toLongLong(&ok);
    return ok && value > 1 && pid == QByteArray::number(value) ? pid : QByteArray();
}

// A kept channel and its state; the channel is declared last so that it goes (and its callbacks with it)
// before the state they point to.
std::atomic<quint64> g_keptSerial{0};

struct KeptChannel
{
    ChannelState state;
    ChannelPtr channel;
    quint64 serial = ++g_keptSerial;
    std::shared_ptr<void> callerData; // SshConnection::setKeptData: dies with the channel

    KeptChannel() = default;
    KeptChannel(const KeptChannel &) = delete;
    KeptChannel &operator=(const KeptChannel &) = delete;
    ~KeptChannel()
    {
        // libssh keeps a freed channel until the server's close arrives, and would still call its
        // callbacks for what comes before that.
        if (channel)
            state.detach(channel.get());
    }

    // Open and idle as far as we have seen, with no unread overflow from between two requests.
    bool usable() const
    {
        return channel && !state.eof && !state.closed && !state.truncated &&
               ssh_channel_is_open(channel.get());
    }
};

} // namespace

struct SshConnection::Private
{
    OwnerThread owner; // the thread that made the connection: the only one that may use it
    HostTarget target;
    SshOptions options;
    CredentialProvider *credentials = nullptr;
    SessionPtr session;
    bool connected = false;
    int handshakes = 0;
    QString host; // resolved (after ~/.ssh/config)
    int port = 22;
    QString user;
    QElapsedTimer lastUse;
    QElapsedTimer hostClock;   // for hostDeadlineMs; restarted per pool job and per fresh connect
    CancelToken poolCancel;    // the running pool job's (beginPoolJob)
    CancelToken execCancel;    // the running exec()'s request's, seen by its connect()
    CancelToken connectCancel; // the token of connect()'s caller, while it runs

    // Every token that cancels this connection's work now: a request's own and the three above. What a
    // blocking handshake's HandshakeWatch and an exec's ChannelPump answer to.
    CancelTokens cancelTokens(const CancelToken &requestCancel = CancelToken()) const
    {
        return {requestCancel, poolCancel, execCancel, connectCancel};
    }
    bool cancelled(const CancelToken &requestCancel = CancelToken()) const
    {
        return requestCancel.isCancelled() || poolCancel.isCancelled() || execCancel.isCancelled() ||
               connectCancel.isCancelled();
    }
    qint64 hostRemainingMs() const
    {
        return options.hostDeadlineMs > 0 ? options.hostDeadlineMs - hostClock.elapsed() : 1LL << 40;
    }

    // Keyed by KeptExecRequest::key. Declared after the session: they go first (a channel must be freed
    // before its session).
    std::map<QByteArray, std::unique_ptr<KeptChannel>> kept;

    ConnectResult connectOnce(bool *retryable);
    ConnectResult verifyHostKey();
    ConnectResult authenticate();
    QStringList identityFiles() const;
    QStringList knownHostsFiles() const; // the user's (or --known-hosts), then the global one
    // The known_hosts entries for this connection's host and port, read and matched once per connection
    // (the host key order and the host key check both use them).
    const KnownHosts &knownForHost();
    std::optional<KnownHosts> knownHostEntries;
    bool sessionAlive();
    // Connects, or checks the kept session and reconnects if it died. *sessionWasKept: the session was
    // already connected (a failure to open a channel on it may then be a silent death).
    ConnectResult prepare(SshConnection *q, bool *sessionWasKept);
    // Opens a session channel, sets state's callbacks on it and starts command (subsystem: the subsystem
    // of that name). On a kept session that died silently, reconnects once: nothing ran yet. nullptr (and
    // *status, *message) on failure.
    ChannelPtr startCommand(SshConnection *q, const QByteArray &command, ChannelState &state,
                            bool sessionWasKept, SshStatus *status, QString *message, bool subsystem = false);
    // Sends EOF and closes; terminate: also stops the command (TERM to its process group).
    void closeKept(const QByteArray &key, bool terminate);
    void killRemoteGroup(const QByteArray &pid);
    void killRemoteChild(const QByteArray &pid, const QByteArray &parent);
    // Runs command on a second channel of this session without waiting for it (the two kills above).
    void runStopCommand(const QByteArray &command, const QByteArray &pid);
    void drop()
    {
        // Closing the connection ends every channel on it: sshd closes their commands' input, as an EOF
        // would, so the kept commands end. Closing each channel first only cost an EOF, a close and a wait
        // for the socket per channel. ssh_disconnect frees the channels itself, so they are let go here.
        if (session && ssh_is_connected(session.get())) {
            for (auto &[key, k] : kept) {
                if (k->channel) {
                    k->state.detach(k->channel.get());
                    (void)k->channel.release();
                }
            }
            ssh_disconnect(session.get());
        }
        kept.clear();
        session.reset();
        connected = false;
    }
};

namespace {

ConnectResult makeResult(SshStatus status, const QString &message)
{
    ConnectResult r;
    r.status = status;
    r.message = message;
    return r;
}

} // namespace

SshConnection::SshConnection(HostTarget target, SshOptions options, CredentialProvider *credentials)
    : d(std::make_unique<Private>())
{
    d->target = std::move(target);
    d->options = std::move(options);
    d->credentials = credentials;
    d->hostClock.start();
    d->lastUse.start();
}

SshConnection::~SshConnection()
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    d->drop(); // kept channels first, then the session
}

const HostTarget &SshConnection::target() const
{
    return d->target;
}

bool SshConnection::isConnected() const
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    return d->connected && d->session && ssh_is_connected(d->session.get());
}

int SshConnection::handshakeCount() const
{
    return d->handshakes;
}

void SshConnection::beginPoolJob(CancelToken cancel)
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    d->poolCancel = std::move(cancel);
    d->hostClock.restart();
}

void SshConnection::disconnect()
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    d->drop();
}

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
    ssh_session s = session.get();
    if (!s)
        return makeResult(SshStatus::Error, SshTr::tr("Cannot create an SSH session"));

    const QString alias = target.name.isEmpty() ? target.hostName : target.name;
    if (!isSafeHostToken(alias) || (!target.hostName.isEmpty() && !isSafeHostToken(target.hostName)) ||
        (!target.user.isEmpty() && !isSafeHostToken(target.user)))
        return makeResult(SshStatus::Error, SshTr::tr("Invalid host name or user: %1").arg(alias));

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
    const int connectMs =
        int(std::max<qint64>(1, std::min<qint64>(options.connectTimeoutMs, hostRemainingMs())));
    const long sec = connectMs / 1000;
    const long usec = (connectMs % 1000) * 1000L;
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &sec);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &usec);
    const int nodelay = 1;
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);

    {
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

    // The TCP connection (or the proxy command's start) non-blocking, so that a cancel is seen within 100 ms
    // even while a black-holed host eats the whole connect timeout; we block in poll() on the socket, never
    // spin. The SSH handshake after it below.
    QElapsedTimer connectClock;
    connectClock.start();
    ssh_set_blocking(s, 0);
    int rc = SSH_AGAIN;
    bool tcpConnected = false;
    std::optional<HandshakeWatch> watch; // the blocking handshake's: a cancel shuts the socket down
    bool stepHandshake = false;          // no watch to be had: the handshake stepped from here as well
    const auto timedOut = [&] {
        ssh_set_blocking(s, 1);
        qCInfo(lcSsh) << target.name << "connect timed out after" << connectClock.elapsed() << "ms";
        return makeResult(SshStatus::Timeout, SshTr::tr("Connection to %1 timed out").arg(alias));
    };
    for (;;) {
        rc = ssh_connect(s);
        if (rc != SSH_AGAIN)
            break;
        if (cancelled()) {
            ssh_set_blocking(s, 1);
            return makeResult(SshStatus::Error, SshTr::tr("Cancelled"));
        }
        const qint64 left = connectMs - connectClock.elapsed();
        if (left <= 0)
            return timedOut();
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
            watch.emplace(pfd.fd, cancelTokens());
            if (watch->watching())
                break;
            watch.reset();
            stepHandshake = true;
        }
        if (!tcpConnected || (ssh_get_poll_flags(s) & SSH_WRITE_PENDING))
            pfd.events |= POLLOUT;
        ::poll(&pfd, 1, int(std::min<qint64>(left, 100)));
    }
    if (rc == SSH_AGAIN) {
        // Connected: the rest of the handshake blocking in libssh, which steps it with its own poll (stepped
        // from here, one ssh_connect call per packet, it cost ~0.3 ms more client CPU a host), within what is
        // left of the connect timeout. A cancel shuts the socket down under it (HandshakeWatch).
        const qint64 left = connectMs - connectClock.elapsed();
        if (left <= 0)
            return timedOut();
        const long leftSec = long(left / 1000);
        const long leftUsec = long(left % 1000) * 1000L;
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &leftSec);
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &leftUsec);
        ssh_set_blocking(s, 1);
        rc = cancelled() ? SSH_ERROR : ssh_connect(s);
        watch.reset();
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &sec); // the session's own again (authentication uses it)
        ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &usec);
        if (cancelled())
            return makeResult(SshStatus::Error, SshTr::tr("Cancelled"));
    }
    ssh_set_blocking(s, 1);
    if (rc != SSH_OK) {
        const QString error = libsshError(s);
        const QString lower = error.toLower();
        qCInfo(lcSsh) << target.name << "connect failed:" << error;
        if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
            return makeResult(SshStatus::Timeout, SshTr::tr("Connection to %1 timed out").arg(alias));
        if (lower.contains(QLatin1String("resolve")) || lower.contains(QLatin1String("name or service")) ||
            lower.contains(QLatin1String("no route")) || lower.contains(QLatin1String("unreachable")) ||
            lower.contains(QLatin1String("refused"))) {
            *retryable = lower.contains(QLatin1String("refused"));
            return makeResult(SshStatus::Unreachable, SshTr::tr("%1 is unreachable: %2").arg(alias, error));
        }
        // Reset or closed during banner exchange / key exchange: transient, worth another try.
        *retryable = true;
        return makeResult(SshStatus::Error, SshTr::tr("Connection to %1 failed: %2").arg(alias, error));
    }
    ++handshakes;

    ConnectResult keyResult = verifyHostKey();
    if (keyResult.status != SshStatus::Ok)
        return keyResult;
    return authenticate();
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
        r.message = SshTr::tr("The host key of %1 has CHANGED (now %2 %3); refusing to connect")
                        .arg(info.knownHostsHost, info.keyType, info.fingerprintSha256);
        break;
    case KnownHosts::Match::Revoked:
        r.status = SshStatus::HostKeyChanged;
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

QStringList SshConnection::Private::identityFiles() const
{
    QStringList files;
    for (const QString &f : options.identityFiles)
        files << expandHome(f);
    if (options.sshConfigFile != QStringLiteral("none")) {
        char *configured = nullptr;
        if (ssh_options_get(session.get(), SSH_OPTIONS_IDENTITY, &configured) == SSH_OK && configured) {
            LibsshString holder(configured);
            files << expandHome(QString::fromUtf8(configured));
        }
    }
    if (options.identityFiles.isEmpty()) {
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"})
            files << QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name);
    }
    files.removeDuplicates();
    QStringList existing;
    for (const QString &f : std::as_const(files)) {
        if (QFileInfo(f).isFile())
            existing << f;
    }
    return existing;
}

ConnectResult SshConnection::Private::authenticate()
{
    ssh_session s = session.get();
    const QString who = user + QLatin1Char('@') + host;
    bool agentTried = false, passwordTried = false, kbdintTried = false;
    QStringList keysTried;
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
            agentTried = attempted = true;
            rc = ssh_userauth_agent(s, nullptr);
        }
        if (!attempted && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
            for (const QString &file : keys) {
                if (keysTried.contains(file))
                    continue;
                keysTried << file;
                const QByteArray path = QFile::encodeName(file);
                const QByteArray pubPath = QFile::encodeName(file + QStringLiteral(".pub"));
                // A key without a passphrase is offered signed at once: asking the server first only
                // matters where the answer saves a passphrase prompt.
                if (const ssh_key plain = cachedPlainKey(file)) {
                    attempted = true;
                    rc = ssh_userauth_publickey(s, nullptr, plain);
                    break;
                }
                ssh_key rawPub = nullptr;
                if (QFileInfo::exists(file + QStringLiteral(".pub")) &&
                    ssh_pki_import_pubkey_file(pubPath.constData(), &rawPub) == SSH_OK) {
                    // Ask the server first, so that a passphrase is only requested for a key it accepts.
                    KeyPtr pub(rawPub);
                    const int offer = ssh_userauth_try_publickey(s, nullptr, pub.get());
                    if (offer == SSH_AUTH_ERROR) {
                        rc = offer;
                        attempted = true;
                        break;
                    }
                    if (offer != SSH_AUTH_SUCCESS)
                        continue;
                }
                PassphraseRequest req{credentials, &target, file, false};
                ssh_key rawPriv = nullptr;
                if (ssh_pki_import_privkey_file(path.constData(), nullptr, passphraseCallback, &req,
                                                &rawPriv) != SSH_OK ||
                    !rawPriv) {
                    qCInfo(lcSsh) << target.name << "cannot use key" << file
                                  << (req.asked ? "(passphrase missing or wrong)" : "");
                    continue;
                }
                KeyPtr priv(rawPriv);
                attempted = true;
                rc = ssh_userauth_publickey(s, nullptr, priv.get());
                break;
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
            rc = ssh_userauth_kbdint(s, nullptr, nullptr);
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
        }
        if (!attempted)
            return makeResult(SshStatus::AuthFailed,
                              SshTr::tr("Authentication with %1 failed: no method was accepted").arg(who));
        switch (rc) {
        case SSH_AUTH_SUCCESS:
            return makeResult(SshStatus::Ok, QString());
        case SSH_AUTH_PARTIAL:
        case SSH_AUTH_DENIED:
            // the failure reply lists the methods that may continue (after a partial success: the next)
            methods = ssh_userauth_list(s, nullptr);
            listed = true;
            break;
        case SSH_AUTH_ERROR:
            return makeResult(SshStatus::Error,
                              SshTr::tr("Authentication with %1 failed: %2").arg(who, libsshError(s)));
        default:
            break;
        }
    }
}

bool SshConnection::Private::sessionAlive()
{
    if (!connected || !session || !ssh_is_connected(session.get()))
        return false;
    // A server that went away leaves the socket readable (EOF/RST): let libssh see that now, cheaply.
    pollfd pfd{ssh_get_fd(session.get()), POLLIN, 0};
    if (pfd.fd >= 0 && ::poll(&pfd, 1, 0) > 0) {
        EventPtr event(ssh_event_new());
        if (event && ssh_event_add_session(event.get(), session.get()) == SSH_OK) {
            ssh_event_dopoll(event.get(), 0);
            ssh_event_remove_session(event.get(), session.get());
        }
    }
    return ssh_is_connected(session.get()) &&
           !(ssh_get_status(session.get()) & (SSH_CLOSED | SSH_CLOSED_ERROR));
}

bool SshConnection::checkAlive()
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    if (!d->sessionAlive()) {
        d->drop();
        return false;
    }
    if (d->options.keepAliveIntervalSec > 0 &&
        d->lastUse.elapsed() > d->options.keepAliveIntervalSec * 1000LL) {
        if (ssh_send_ignore(d->session.get(), "") != SSH_OK || !d->sessionAlive()) {
            d->drop();
            return false;
        }
    }
    return true;
}

namespace {

// Clears the running exec's cancel token (seen by its connect()) when the exec returns.
struct ExecCancelScope
{
    CancelToken &slot;
    ExecCancelScope(CancelToken &s, const CancelToken &token) : slot(s) { slot = token; }
    ~ExecCancelScope() { slot = CancelToken(); }
    ExecCancelScope(const ExecCancelScope &) = delete;
    ExecCancelScope &operator=(const ExecCancelScope &) = delete;
};

} // namespace

ConnectResult SshConnection::Private::prepare(SshConnection *q, bool *sessionWasKept)
{
    *sessionWasKept = q->isConnected();
    if (*sessionWasKept && !q->checkAlive())
        qCInfo(lcSsh) << target.name << "kept session is gone, reconnecting";
    if (!q->isConnected())
        return q->connect();
    return makeResult(SshStatus::Ok, QString());
}

ChannelPtr SshConnection::Private::startCommand(SshConnection *q, const QByteArray &command,
                                                ChannelState &state, bool sessionWasKept, SshStatus *status,
                                                QString *message, bool subsystem)
{
    *status = SshStatus::Error;
    ssh_session s = session.get();
    ChannelPtr channel(ssh_channel_new(s));
    int rc = channel ? ssh_channel_open_session(channel.get()) : SSH_ERROR;
    if (rc != SSH_OK && sessionWasKept) {
        // The kept session died silently. Nothing ran yet, so one fresh connection is safe.
        qCInfo(lcSsh) << target.name << "channel open failed on a kept session, reconnecting";
        channel.reset();
        drop();
        const ConnectResult cr = q->connect();
        if (cr.status != SshStatus::Ok) {
            *status = cr.status;
            *message = cr.message;
            return nullptr;
        }
        s = session.get();
        channel.reset(ssh_channel_new(s));
        rc = channel ? ssh_channel_open_session(channel.get()) : SSH_ERROR;
    }
    if (rc != SSH_OK) {
        *message = SshTr::tr("Cannot open a channel: %1").arg(libsshError(s));
        channel.reset();
        if (!ssh_is_connected(s))
            drop();
        return nullptr;
    }
    state.attach(channel.get());
    const int started = subsystem ? ssh_channel_request_subsystem(channel.get(), command.constData())
                                  : ssh_channel_request_exec(channel.get(), command.constData());
    if (started != SSH_OK) {
        const QString error = libsshError(s);
        state.detach(channel.get());
        channel.reset();
        if (!ssh_is_connected(s)) {
            drop();
            *message = SshTr::tr("Connection lost: %1").arg(error);
        } else {
            *message = subsystem ? SshTr::tr("The server refused the subsystem %1: %2")
                                       .arg(QString::fromUtf8(command), error)
                                 : SshTr::tr("The server refused to run the command: %1").arg(error);
        }
        return nullptr;
    }
    return channel;
}

void SshConnection::Private::closeKept(const QByteArray &key, bool terminate)
{
    const auto it = kept.find(key);
    if (it == kept.end())
        return;
    KeptChannel &k = *it->second;
    const bool live = session && ssh_is_connected(session.get());
    if (k.channel && live && !k.state.closed && ssh_channel_is_open(k.channel.get()))
        ssh_channel_close(k.channel.get()); // EOF, then close
    // The command may be busy (mid-reply): EOF alone would not stop it.
    const QByteArray pid = terminate && live && !k.state.closed ? keptPid(k.state.pidLine) : QByteArray();
    kept.erase(it);
    if (!pid.isEmpty())
        killRemoteGroup(pid);
}

void SshConnection::Private::runStopCommand(const QByteArray &command, const QByteArray &pid)
{
    ssh_session s = session.get();
    ChannelPtr channel(ssh_channel_new(s));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK ||
        ssh_channel_request_exec(channel.get(), command.constData()) != SSH_OK) {
        qCInfo(lcSsh) << target.name << "cannot stop process" << pid << libsshError(s);
        return;
    }
    // no need to wait for it: sshd has started it when the request succeeds
}

void SshConnection::Private::killRemoteGroup(const QByteArray &pid)
{
    // pid is digits only (keptPid()); TERM the group, or the process if it is no group leader after all
    runStopCommand("kill -TERM -" + pid + " 2>/dev/null || kill -TERM " + pid + " 2>/dev/null", pid);
}

void SshConnection::Private::killRemoteChild(const QByteArray &pid, const QByteArray &parent)
{
    // Both are digits only (BundleWatch / keptPid()). Only a child of the kept command is stopped (a pid
    // reused since is left alone), with everything it started (a script's `sleep` would keep the output pipe
    // open): stopped first, so the tree holds still while /proc is read, then killed. sh -c, so that any
    // login shell runs the same words (no quote, backslash or ! inside).
    const QByteArray command =
        "exec sh -c 'pp() { st=; { read -r st </proc/$1/stat; } 2>/dev/null || return 1; "
        "set -- ${st##*) }; P=$2; }; pp $1 && [ \"$P\" = \"$2\" ] || exit 0; kill -STOP $1; all=\" $1 \"; "
        "n=0; while [ $n != ${#all} ]; do n=${#all}; for d in /proc/[0-9]*; do q=${d#/proc/}; "
        "case $all in *\" $q \"*) continue ;; esac; pp $q && case $all in *\" $P \"*) all=\"$all$q \" ;; "
        "esac; done; done; kill -KILL $all' sh " +
        pid + ' ' + parent;
    runStopCommand(command, pid);
}

QByteArray keptCommandLine(const QByteArray &command, bool plainWords)
{
    const QByteArray head = QByteArray("exec sh -c 'echo ") + kKeptPidTag + "$$; ";
    if (plainWords) // sh becomes the command itself: no second shell
        return head + "exec \"$@\"' sh " + command;
    return head + "eval \"$1\"' sh " + shellQuote(command);
}

QByteArray keptStdinShellCommandLine(const QByteArray &command)
{
    // Plain words and `exec` mean the same to sh, bash, zsh, tcsh and fish: the login shell becomes the
    // command, keeping its pid (the process group that a timeout or cancel kills).
    return "exec " + command;
}

QByteArray keptStdinShellPrologue()
{
    return QByteArray("echo ") + kKeptPidTag + "$$\n";
}

namespace {

// How exec() and execKept() end: status, message and duration set, the session counted as used.
template<typename Result>
auto resultFinisher(Result &result, const QElapsedTimer &timer, QElapsedTimer &lastUse)
{
    return [&result, &timer, &lastUse](SshStatus status, const QString &message) {
        result.status = status;
        result.message = message;
        result.durationMs = timer.elapsed();
        lastUse.restart();
        return result;
    };
}

} // namespace

ExecResult SshConnection::exec(const ExecRequest &request)
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    ensureLibsshReadyInThisThread();
    QElapsedTimer timer;
    timer.start();
    ExecResult result;
    const auto finish = resultFinisher(result, timer, d->lastUse);
    if (d->cancelled(request.cancel))
        return finish(SshStatus::Error, SshTr::tr("Cancelled"));
    const ExecCancelScope scope(d->execCancel, request.cancel);

    bool sessionWasKept = false;
    const ConnectResult cr = d->prepare(this, &sessionWasKept);
    if (cr.status != SshStatus::Ok)
        return finish(cr.status, cr.message);

    ChannelState state;
    state.cap = request.maxOutputBytes > 0 ? request.maxOutputBytes : d->options.maxOutputBytes;
    state.onOutput = &request.onOutput;
    SshStatus startStatus = SshStatus::Error;
    QString startMessage;
    ChannelPtr channel =
        d->startCommand(this, request.command, state, sessionWasKept, &startStatus, &startMessage);
    if (!channel)
        return finish(startStatus, startMessage);
    ssh_session s = d->session.get();

    const int timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : d->options.commandTimeoutMs;
    const qint64 budgetMs = std::min<qint64>(timeoutMs > 0 ? timeoutMs : 1LL << 40, d->hostRemainingMs());
    ChannelPump pump(s, channel.get(), request.stdinData, true);
    const ChannelPump::End end =
        pump.run([&] { return state.closed; }, d->cancelTokens(request.cancel), budgetMs, timer);
    state.detach(channel.get());
    state.takeInto(result);

    if (end == ChannelPump::End::ConnectionLost) {
        channel.reset();
        d->drop();
        result.exitKnown = false;
        return finish(SshStatus::Error, pumpEndMessage(end, timer.elapsed()));
    }
    if (end != ChannelPump::End::Done) {
        // A timeout is not EOF: ask the remote to stop it, close our side and do not wait for it.
        ssh_channel_request_send_signal(channel.get(), "TERM");
        ssh_channel_close(channel.get());
        channel.reset();
        result.exitKnown = false;
        if (!ssh_is_connected(s))
            d->drop();
        return finish(pumpEndStatus(end), pumpEndMessage(end, timer.elapsed()));
    }
    channel.reset();
    return finish(SshStatus::Ok, result.exitKnown
                                     ? QString()
                                     : SshTr::tr("The server closed the channel without an exit status"));
}

KeptExecResult SshConnection::execKept(const KeptExecRequest &request)
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    ensureLibsshReadyInThisThread();
    QElapsedTimer timer;
    timer.start();
    KeptExecResult result;
    const auto finish = resultFinisher(result, timer, d->lastUse);
    if (request.key.isEmpty() || request.command.isEmpty() || !request.complete)
        return finish(SshStatus::Error,
                      SshTr::tr("A kept command needs a key, a command and a completion check"));
    if (d->cancelled(request.cancel))
        return finish(SshStatus::Error, SshTr::tr("Cancelled"));
    const ExecCancelScope scope(d->execCancel, request.cancel);

    bool sessionWasKept = false;
    const ConnectResult cr = d->prepare(this, &sessionWasKept); // also sees closes that came while idle
    if (cr.status != SshStatus::Ok)
        return finish(cr.status, cr.message);

    const qint64 cap = request.maxOutputBytes > 0 ? request.maxOutputBytes : d->options.maxOutputBytes;
    const int timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : d->options.commandTimeoutMs;
    const qint64 budgetMs = std::min<qint64>(timeoutMs > 0 ? timeoutMs : 1LL << 40, d->hostRemainingMs());
    const CancelTokens cancelled = d->cancelTokens(request.cancel);

    for (bool mayReopen = true;; mayReopen = false) {
        KeptChannel *kept = nullptr;
        if (const auto it = d->kept.find(request.key); it != d->kept.end()) {
            kept = it->second.get();
            if (!kept->usable()) {
                qCInfo(lcSsh) << d->target.name << "kept channel" << request.key
                              << "was closed while idle, reopening";
                d->closeKept(request.key, false);
                kept = nullptr;
            }
        }
        const bool reused = kept != nullptr;
        QByteArray toWrite = request.input;
        if (!kept) {
            auto fresh = std::make_unique<KeptChannel>();
            fresh->state.expectPidLine = request.launch != KeptLaunch::Subsystem;
            SshStatus startStatus = SshStatus::Error;
            QString startMessage;
            const bool subsystem = request.launch == KeptLaunch::Subsystem;
            const bool plainWords = !subsystem && isPlainWords(request.command);
            const bool stdinShell = request.launch == KeptLaunch::StdinShell && plainWords;
            const QByteArray wrapped =
                subsystem    ? request.command
                : stdinShell ? keptStdinShellCommandLine(request.command)
                             : keptCommandLine(request.command,
                                               request.launch == KeptLaunch::PlainCommand && plainWords);
            fresh->channel = d->startCommand(this, wrapped, fresh->state, sessionWasKept, &startStatus,
                                             &startMessage, subsystem);
            if (!fresh->channel)
                return finish(startStatus, startMessage);
            sessionWasKept = false;
            kept = fresh.get();
            d->kept[request.key] = std::move(fresh); // from now on drop() closes it too
            // One buffer for what opens the channel (the probe bundle's script is some 14 KB a host).
            const QByteArray prologue = stdinShell ? keptStdinShellPrologue() : QByteArray();
            toWrite.clear();
            toWrite.reserve(prologue.size() + request.openInput.size() +
                            (request.answersOnOpen ? 0 : request.input.size()));
            toWrite.append(prologue).append(request.openInput);
            if (!request.answersOnOpen)
                toWrite.append(request.input);
        }

        ChannelState &state = kept->state;
        state.cap = cap;
        state.truncated = false;
        state.onOutput = &request.onOutput;
        // Leftovers of the last reply are this reply's first bytes (see KeptExecRequest::complete).
        if (request.onOutput) {
            if (!state.out.isEmpty())
                request.onOutput(OutputStream::Stdout, state.out);
            if (!state.err.isEmpty())
                request.onOutput(OutputStream::Stderr, state.err);
        }
        const bool hadLeftovers = !state.out.isEmpty() || !state.err.isEmpty();
        quint64 checkedReads = hadLeftovers ? state.reads - 1 : state.reads;
        bool complete = false;
        QElapsedTimer sinceEof;
        ChannelPump pump(d->session.get(), kept->channel.get(), toWrite, false);
        QByteArray killChild; // asked for by request.overdueChild: killed between two runs of the pump
        auto done = [&] {
            if (state.reads != checkedReads && !state.truncated) {
                checkedReads = state.reads;
                complete = request.complete(state.out, state.err);
            }
            if (complete || state.truncated || pump.writeFailed() || state.closed)
                return true;
            if (request.overdueChild) {
                killChild = request.overdueChild();
                if (!killChild.isEmpty())
                    return true;
            }
            if (!state.eof)
                return false;
            // The command's output ended before its reply did: wait briefly for how it ended.
            if (!sinceEof.isValid())
                sinceEof.start();
            return state.gotStatus || state.gotSignal || sinceEof.elapsed() > kCancelSliceMs;
        };
        ChannelPump::End end = pump.run(done, cancelled, budgetMs, timer);
        while (end == ChannelPump::End::Done && !killChild.isEmpty()) {
            const QByteArray parent = keptPid(state.pidLine);
            if (!parent.isEmpty()) {
                qCInfo(lcSsh) << d->target.name << "kept channel" << request.key << ": stopping child"
                              << killChild;
                d->killRemoteChild(killChild, parent);
            }
            killChild.clear();
            end = pump.run(done, cancelled, budgetMs, timer);
        }
        state.onOutput = nullptr;
        const bool endedEarly = state.eof || state.closed;
        state.takeInto(result);
        state.cap = d->options.maxOutputBytes; // for what arrives while idle

        if (end == ChannelPump::End::ConnectionLost) {
            d->drop();
            result.exitKnown = false;
            return finish(SshStatus::Error, pumpEndMessage(end, timer.elapsed()));
        }
        if (end == ChannelPump::End::Done && complete) {
            result.reused = reused;
            result.serial = kept->serial;
            result.exitKnown = false;
            if (endedEarly) // it answered and ended: nothing left to keep
                d->closeKept(request.key, false);
            return finish(SshStatus::Ok, QString());
        }
        if (reused && mayReopen && pump.written() == 0 && (endedEarly || pump.writeFailed()) &&
            isConnected()) {
            // Closed by the server before this request reached it: open a new one, once.
            qCInfo(lcSsh) << d->target.name << "kept channel" << request.key
                          << "closed before the request was written, reopening";
            d->closeKept(request.key, false);
            result = KeptExecResult();
            request.complete(QByteArrayView(), QByteArrayView()); // the reply starts over (KeptExecRequest)
            continue;
        }

        SshStatus status = pumpEndStatus(end);
        QString message = pumpEndMessage(end, timer.elapsed());
        if (end == ChannelPump::End::Done) {
            status = SshStatus::Error;
            if (result.truncated)
                message = SshTr::tr("The reply exceeded the output limit of %1 bytes").arg(cap);
            else if (pump.writeFailed() && !endedEarly)
                message = SshTr::tr("Cannot write the request: %1").arg(pump.writeError());
            else
                message = SshTr::tr("The command ended before its reply was complete");
        }
        qCInfo(lcSsh) << d->target.name << "closing kept channel" << request.key << ":" << message;
        d->closeKept(request.key, !endedEarly);
        if (!isConnected())
            d->drop();
        return finish(status, message);
    }
}

void SshConnection::closeKept(const QByteArray &key)
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    d->closeKept(key, false);
}

bool SshConnection::hasKept(const QByteArray &key) const
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    const auto it = d->kept.find(key);
    return it != d->kept.end() && it->second->usable();
}

void SshConnection::setKeptData(const QByteArray &key, std::shared_ptr<void> data)
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    const auto it = d->kept.find(key);
    if (it != d->kept.end() && it->second->usable())
        it->second->callerData = std::move(data);
}

std::shared_ptr<void> SshConnection::keptData(const QByteArray &key) const
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    const auto it = d->kept.find(key);
    return it != d->kept.end() && it->second->usable() ? it->second->callerData : nullptr;
}

quint64 SshConnection::keptSerial(const QByteArray &key) const
{
    LW_ASSERT_OWNER_THREAD(d->owner);
    const auto it = d->kept.find(key);
    return it != d->kept.end() && it->second->usable() ? it->second->serial : 0;
}

} // namespace lw::ssh
