#pragma once

#include "credentials.h"
#include "sshtypes.h"

#include <memory>

namespace lw::ssh {

// One libssh session to one host. NOT thread-safe: it lives in the thread that created it for its whole life
// (libssh's threading rule), normally an SshPool worker; every member asserts that (docs/threads.md). Only a
// CancelToken reaches it from another thread.
class SshConnection
{
public:
    SshConnection(HostTarget target, SshOptions options, CredentialProvider *credentials);
    ~SshConnection();
    SshConnection(const SshConnection &) = delete;
    SshConnection &operator=(const SshConnection &) = delete;

    // Connects, verifies the host key against our known_hosts (unknown/changed -> nothing runs) and
    // authenticates. Transport errors before authentication are retried (options.connectRetries).
    // On an already connected session this is a cheap no-op returning Ok. cancel: the caller's token, seen
    // while connecting (besides the pool job's); its cancel() ends even a blocking handshake at once.
    [[nodiscard]] ConnectResult connect(const CancelToken &cancel = CancelToken());
    bool isConnected() const;
    // Runs one command on a new channel. Connects first if needed (errors then come back as the
    // result's status/message).
    [[nodiscard]] ExecResult exec(const ExecRequest &request);
    // One request on the kept channel named request.key: writes request.input to the command already
    // running there and reads stdout and stderr until request.complete() says the reply is complete
    // (status Ok, exitKnown false, reused true). Opens the channel first (command, then openInput) if
    // there is none, or if the server closed it while idle (then once, reused false). The channel is
    // kept only after a complete reply: a timeout, cancel, output over the cap, an end of the command
    // before its reply was complete or a transport error close it (TERM, EOF, close), and the next call
    // opens a new one. Connects first if needed, as exec() does.
    [[nodiscard]] KeptExecResult execKept(const KeptExecRequest &request);
    // Sends EOF and closes the kept channel (its remote command sees the end of its input). No-op if none.
    void closeKept(const QByteArray &key);
    // True if a kept channel for key is open and idle (as far as this side has seen).
    bool hasKept(const QByteArray &key) const;
    // The serial of the open kept channel for key (see KeptExecResult::serial), 0 if none.
    quint64 keptSerial(const QByteArray &key) const;
    // The caller's own data about the open kept channel for key (e.g. what its last reply said): it lives
    // and dies with that channel (closeKept, a failed request, a reopen, disconnect, the destructor).
    // setKeptData is a no-op when no such channel is open; keptData then returns null.
    void setKeptData(const QByteArray &key, std::shared_ptr<void> data);
    std::shared_ptr<void> keptData(const QByteArray &key) const;
    // Closes the kept channels, then the session.
    void disconnect();
    const HostTarget &target() const;

    // Checks a kept session (sends a keepalive if it was idle longer than keepAliveIntervalSec); false
    // (and disconnected, kept channels with it) if the server is gone. Used by the pool before reusing a
    // session. Kept channels the server closed meanwhile are noticed here and reopened by execKept.
    bool checkAlive();
    // How many times this object completed an SSH handshake (for tests and statistics).
    int handshakeCount() const;

private:
    friend class SshPool;
    // Per pool job: the pool's cancel token (checked besides ExecRequest::cancel), and the host deadline
    // restarts.
    void beginPoolJob(CancelToken cancel);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace lw::ssh
