#pragma once

// SshConnection's insides, shared by the files that implement it (internal to src/ssh: it includes libssh):
// sshconnection.cpp (the session, exec), sshconnect.cpp (connect, host key, authentication) and keptexec.cpp
// (execKept and the kept channels).

#include "canceltoken.h"
#include "channelpump.h"
#include "knownhosts.h"
#include "libsshhandles.h"
#include "ownerthread.h"
#include "sshconnection.h"

#include <QElapsedTimer>
#include <QStringList>

#include <libssh/libssh.h>

#include <map>
#include <memory>
#include <optional>

namespace lw::ssh {

class HandshakeWatch; // sshconnect.cpp

// Names a new kept command (KeptExecResult::serial): unique in this process, never 0.
quint64 nextKeptSerial();

// A kept channel and its state; the channel is declared last so that it goes (and its callbacks with it)
// before the state they point to.
struct KeptChannel
{
    ChannelState state;
    ChannelPtr channel;
    quint64 serial = nextKeptSerial();
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

// How one request's reply was read from a kept channel (execKept).
struct KeptReply
{
    ChannelPump::End end = ChannelPump::End::Done;
    bool complete = false;   // request.complete() said so
    bool endedEarly = false; // the command's output ended or its channel closed
    qsizetype written = 0;
    bool writeFailed = false;
    QString writeError;
};

// A channel with its command started, or why not.
struct StartedCommand
{
    ChannelPtr channel; // null on failure
    SshStatus status = SshStatus::Error;
    QString message; // translated; set on failure
};

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

    // connect(): one attempt (connectOnce) in four steps.
    [[nodiscard]] ConnectResult connectOnce(bool *retryable);
    [[nodiscard]] ConnectResult configureSession(const QString &alias, int connectMs);
    void readResolvedTarget(const QString &alias);
    void offerHostKeyAlgorithms();
    [[nodiscard]] ConnectResult handshake(const QString &alias, int connectMs, bool *retryable);
    // handshake()'s parts: the TCP connection stepped from here (nullopt: go on, *rc from ssh_connect), the
    // rest blocking in libssh under a HandshakeWatch, and the results that end it.
    std::optional<ConnectResult> connectTcp(const QString &alias, int connectMs,
                                            const QElapsedTimer &connectClock,
                                            std::optional<HandshakeWatch> *watch, int *rc);
    std::optional<ConnectResult> finishHandshake(const QString &alias, int connectMs,
                                                 const QElapsedTimer &connectClock,
                                                 std::optional<HandshakeWatch> *watch, int *rc);
    // "web1 (10.0.0.5:22)" or "web1:22": where the connection went, for messages.
    QString endpoint(const QString &alias) const;
    ConnectResult connectTimedOut(const QString &alias, const QElapsedTimer &connectClock);
    ConnectResult connectFailure(const QString &alias, bool *retryable);
    [[nodiscard]] ConnectResult verifyHostKey();
    [[nodiscard]] ConnectResult authenticate();
    // authenticate()'s methods: an SSH_AUTH_* code (tryIdentityFiles: nullopt, no key was offered).
    // visited: the files looked at (each once); offered: those sent to the server (not a key refused here).
    std::optional<int> tryIdentityFiles(const QStringList &keys, QStringList *visited, QStringList *offered);
    int tryKeyboardInteractive();
    // The key files to offer, in OpenSSH's order: --identity, then every IdentityFile line of the ssh config
    // that applies, else the default names. Files that were named but cannot be used are in keyProblems.
    QStringList identityFiles();
    QStringList keyProblems; // translated, one per key file named but not usable; said when auth fails
    QStringList knownHostsFiles() const; // the user's (or --known-hosts), then the global one
    // The known_hosts entries for this connection's host and port, read and matched once per connection
    // (the host key order and the host key check both use them).
    const KnownHosts &knownForHost();
    std::optional<KnownHosts> knownHostEntries;
    bool sessionAlive();
    // Connects, or checks the kept session and reconnects if it died. *sessionWasKept: the session was
    // already connected (a failure to open a channel on it may then be a silent death).
    [[nodiscard]] ConnectResult prepare(SshConnection *q, bool *sessionWasKept);
    // Opens a session channel, sets state's callbacks on it and starts command (subsystem: the subsystem
    // of that name). On a kept session that died silently, reconnects once: nothing ran yet.
    [[nodiscard]] StartedCommand startCommand(SshConnection *q, const QByteArray &command,
                                              ChannelState &state, bool sessionWasKept,
                                              bool subsystem = false);
    // execKept()'s steps: the kept channel for key if it is still usable (else closed and null); a new one
    // opened for request (and what to write to it first).
    KeptChannel *usableKept(const QByteArray &key);
    // Writes toWrite to the kept channel and reads its reply until request.complete() says it is whole (or
    // the channel ends, a cancel, the budget), into *result; a child that request.overdueChild names is
    // killed on the way.
    KeptReply readKeptReply(KeptChannel &kept, const KeptExecRequest &request, QByteArrayView toWrite,
                            qint64 budgetMs, const QElapsedTimer &timer, const CancelTokens &cancel,
                            KeptExecResult *result);
    [[nodiscard]] StartedCommand openKept(SshConnection *q, const KeptExecRequest &request,
                                          bool sessionWasKept, QByteArray *toWrite);
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

inline ConnectResult makeResult(SshStatus status, const QString &message)
{
    ConnectResult r;
    r.status = status;
    r.message = message;
    return r;
}

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

// Sets the running exec's cancel token (seen by its connect()) for the exec's duration.
struct ExecCancelScope
{
    CancelToken &slot;
    ExecCancelScope(CancelToken &s, const CancelToken &token) : slot(s) { slot = token; }
    ~ExecCancelScope() { slot = CancelToken(); }
    ExecCancelScope(const ExecCancelScope &) = delete;
    ExecCancelScope &operator=(const ExecCancelScope &) = delete;
};

} // namespace lw::ssh
