#include "sshconnection_p.h"

#include "keptcommand.h"
#include "remoteprograms.h"
#include "sshlog.h"
#include "sshtr.h"

#include <algorithm>
#include <atomic>

// SshConnection::execKept() and the kept channels it leaves open between requests.

namespace lw::ssh {

quint64 nextKeptSerial()
{
    static std::atomic<quint64> serial{0};
    return ++serial;
}

// Writes toWrite to the kept channel and reads its reply until request.complete() says it is whole (or the
// channel ends, a cancel, the budget); a child that request.overdueChild names is killed on the way.
KeptReply SshConnection::Private::readKeptReply(KeptChannel &kept, const KeptExecRequest &request,
                                                QByteArrayView toWrite, qint64 budgetMs,
                                                const QElapsedTimer &timer, const CancelTokens &cancel,
                                                KeptExecResult *result)
{
    ChannelState &state = kept.state;
    state.cap = request.maxOutputBytes > 0 ? request.maxOutputBytes : options.maxOutputBytes;
    state.errCap = request.maxStderrBytes > 0 ? request.maxStderrBytes : -1;
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
    KeptReply reply;
    QElapsedTimer sinceEof;
    ChannelPump pump(session.get(), kept.channel.get(), toWrite, false);
    QByteArray killChild; // asked for by request.overdueChild: killed between two runs of the pump
    auto done = [&] {
        if (state.reads != checkedReads && !state.truncated) {
            checkedReads = state.reads;
            reply.complete = request.complete(state.out, state.err);
        }
        if (reply.complete || state.truncated || pump.writeFailed() || state.closed)
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
    reply.end = pump.run(done, cancel, budgetMs, timer);
    while (reply.end == ChannelPump::End::Done && !killChild.isEmpty()) {
        const QByteArray parent = keptPid(state.pidLine);
        if (!parent.isEmpty()) {
            qCInfo(lcSsh) << target.name << "kept channel" << request.key << ": stopping child" << killChild;
            killRemoteChild(killChild, parent);
        }
        killChild.clear();
        reply.end = pump.run(done, cancel, budgetMs, timer);
    }
    state.onOutput = nullptr;
    reply.endedEarly = state.eof || state.closed;
    state.takeInto(*result);
    state.cap = options.maxOutputBytes; // for what arrives while idle
    state.errCap = -1;
    reply.written = pump.written();
    reply.writeFailed = pump.writeFailed();
    reply.writeError = pump.writeError();
    return reply;
}

namespace {

// Why a reply that was read to its end (End::Done) is still no reply.
QString keptFailureMessage(const KeptReply &reply, const KeptExecResult &result, qint64 cap, qint64 errCap)
{
    if (result.truncated && errCap > 0 && errCap < cap && result.stderrData.size() >= errCap)
        return SshTr::tr(
                   "The reply's error output exceeded its limit of %1 bytes: cut off, the rest not kept")
            .arg(errCap);
    if (result.truncated)
        return SshTr::tr("The reply exceeded the output limit of %1 bytes").arg(cap);
    if (reply.writeFailed && !reply.endedEarly)
        return SshTr::tr("Cannot write the request: %1").arg(reply.writeError);
    return SshTr::tr("The command ended before its reply was complete");
}

} // namespace

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
    const CancelTokens cancel = d->cancelTokens(request.cancel);

    for (bool mayReopen = true;; mayReopen = false) {
        KeptChannel *kept = d->usableKept(request.key);
        const bool reused = kept != nullptr;
        QByteArray toWrite = request.input;
        if (!kept) {
            const StartedCommand opened = d->openKept(this, request, sessionWasKept, &toWrite);
            if (opened.status != SshStatus::Ok)
                return finish(opened.status, opened.message);
            sessionWasKept = false;
            kept = d->kept.at(request.key).get();
        }
        const KeptReply reply = d->readKeptReply(*kept, request, toWrite, budgetMs, timer, cancel, &result);

        if (reply.end == ChannelPump::End::ConnectionLost) {
            d->drop();
            result.exitKnown = false;
            return finish(SshStatus::Error, pumpEndMessage(reply.end, timer.elapsed()));
        }
        if (reply.end == ChannelPump::End::Done && reply.complete) {
            result.reused = reused;
            result.serial = kept->serial;
            result.exitKnown = false;
            if (reply.endedEarly) // it answered and ended: nothing left to keep
                d->closeKept(request.key, false);
            return finish(SshStatus::Ok, QString());
        }
        if (reused && mayReopen && reply.written == 0 && (reply.endedEarly || reply.writeFailed) &&
            isConnected()) {
            // Closed by the server before this request reached it: open a new one, once.
            qCInfo(lcSsh) << d->target.name << "kept channel" << request.key
                          << "closed before the request was written, reopening";
            d->closeKept(request.key, false);
            result = KeptExecResult();
            request.complete(QByteArrayView(), QByteArrayView()); // the reply starts over (KeptExecRequest)
            continue;
        }

        const bool readToTheEnd = reply.end == ChannelPump::End::Done;
        const SshStatus status = readToTheEnd ? SshStatus::Error : pumpEndStatus(reply.end);
        const QString message = readToTheEnd ? keptFailureMessage(reply, result, cap, request.maxStderrBytes)
                                             : pumpEndMessage(reply.end, timer.elapsed());
        qCInfo(lcSsh) << d->target.name << "closing kept channel" << request.key << ":" << message;
        // No pid line: the command never started (a blocking rc file): its session is ended another way.
        const bool started = !keptPid(kept->state.pidLine).isEmpty();
        d->closeKept(request.key, !reply.endedEarly);
        if (!started && !readToTheEnd && isConnected())
            d->runStopCommand(stuckSessionsCommand(), QByteArrayLiteral("(sessions before their command)"));
        if (!isConnected())
            d->drop();
        return finish(status, message);
    }
}

KeptChannel *SshConnection::Private::usableKept(const QByteArray &key)
{
    const auto it = kept.find(key);
    if (it == kept.end())
        return nullptr;
    if (it->second->usable())
        return it->second.get();
    qCInfo(lcSsh) << target.name << "kept channel" << key << "was closed while idle, reopening";
    closeKept(key, false);
    return nullptr;
}

StartedCommand SshConnection::Private::openKept(SshConnection *q, const KeptExecRequest &request,
                                                bool sessionWasKept, QByteArray *toWrite)
{
    const KeptStart start = keptStart(request.command, request.launch);
    auto fresh = std::make_unique<KeptChannel>();
    fresh->state.expectPidLine = start.expectPidLine;
    StartedCommand started = startCommand(q, start.request, fresh->state, sessionWasKept, start.subsystem);
    if (!started.channel)
        return started;
    fresh->channel = std::move(started.channel);
    kept[request.key] = std::move(fresh); // from now on drop() closes it too
    *toWrite = keptOpeningInput(start, request);
    return started;
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
    runStopCommand(killGroupCommand(pid), pid); // pid is digits only (keptPid())
}

void SshConnection::Private::killRemoteChild(const QByteArray &pid, const QByteArray &parent)
{
    runStopCommand(killChildCommand(pid, parent), pid); // both digits only (BundleWatch / keptPid())
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
