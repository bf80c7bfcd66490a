#include "sshconnection_p.h"

#include "remoteprograms.h"

#include "sshlog.h"
#include "sshtr.h"

#include <poll.h>

#include <algorithm>
#include <utility>

// SshConnection: the session's life (kept, checked, dropped) and exec(). Connecting is in sshconnect.cpp,
// execKept and the kept channels in keptexec.cpp.

namespace lw::ssh {

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

ConnectResult SshConnection::Private::prepare(SshConnection *q, bool *sessionWasKept)
{
    *sessionWasKept = q->isConnected();
    if (*sessionWasKept && !q->checkAlive())
        qCInfo(lcSsh) << target.name << "kept session is gone, reconnecting";
    if (!q->isConnected())
        return q->connect();
    return makeResult(SshStatus::Ok, QString());
}

StartedCommand SshConnection::Private::startCommand(SshConnection *q, const QByteArray &command,
                                                    ChannelState &state, bool sessionWasKept, bool subsystem)
{
    StartedCommand started;
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
            started.status = cr.status;
            started.message = cr.message;
            return started;
        }
        s = session.get();
        channel.reset(ssh_channel_new(s));
        rc = channel ? ssh_channel_open_session(channel.get()) : SSH_ERROR;
    }
    if (rc != SSH_OK) {
        started.message = SshTr::tr("Cannot open a channel: %1").arg(libsshError(s));
        channel.reset();
        if (!ssh_is_connected(s))
            drop();
        return started;
    }
    state.attach(channel.get());
    const int requested = subsystem ? ssh_channel_request_subsystem(channel.get(), command.constData())
                                    : ssh_channel_request_exec(channel.get(), command.constData());
    if (requested != SSH_OK) {
        const QString error = libsshError(s);
        state.detach(channel.get());
        channel.reset();
        if (!ssh_is_connected(s)) {
            drop();
            started.message = SshTr::tr("Connection lost: %1").arg(error);
        } else {
            started.message = subsystem ? SshTr::tr("The server refused the subsystem %1: %2")
                                              .arg(QString::fromUtf8(command), error)
                                        : SshTr::tr("The server refused to run the command: %1").arg(error);
        }
        return started;
    }
    started.channel = std::move(channel);
    started.status = SshStatus::Ok;
    return started;
}

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
    StartedCommand started = d->startCommand(this, request.command, state, sessionWasKept);
    if (!started.channel)
        return finish(started.status, started.message);
    ChannelPtr channel = std::move(started.channel);
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
        else // the command may never have started (an rc file that blocks): end that session too
            d->runStopCommand(stuckSessionsCommand(), QByteArrayLiteral("(sessions before their command)"));
        return finish(pumpEndStatus(end), pumpEndMessage(end, timer.elapsed()));
    }
    channel.reset();
    return finish(SshStatus::Ok, result.exitKnown
                                     ? QString()
                                     : SshTr::tr("The server closed the channel without an exit status"));
}

} // namespace lw::ssh
