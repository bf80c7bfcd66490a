#pragma once

// The one I/O loop of exec() and execKept() (internal to src/ssh: it includes libssh): a channel's libssh
// callbacks feeding its ChannelOutput, and the pump that writes a channel's stdin while reading its output
// until the caller is done, the connection drops, a cancel or the time runs out.

#include "canceltoken.h"
#include "channeloutput.h"
#include "libsshhandles.h"
#include "sshtypes.h"

#include <QByteArrayView>
#include <QElapsedTimer>
#include <QString>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <functional>

namespace lw::ssh {

// A channel's output with the libssh callbacks that fill it. It must stay at one address while its
// callbacks are set: for exec() that is one command, for a kept channel the channel's whole life (data that
// arrives between two requests lands here and is prepended to the next request's reply).
struct ChannelState : ChannelOutput
{
    ssh_channel_callbacks_struct callbacks;

    ChannelState() = default;
    ChannelState(const ChannelState &) = delete;
    ChannelState &operator=(const ChannelState &) = delete;

    void attach(ssh_channel channel);
    void detach(ssh_channel channel) { ssh_remove_channel_callbacks(channel, &callbacks); }
};

// Writes `input` to a channel's stdin while reading its stdout and stderr together (both through the
// channel's ChannelState), until done() says so, the connection drops, a cancel, or the budget runs out.
// It sleeps in poll() until I/O, a cancel() of one of its tokens, or kCancelSliceMs (then it asks done()
// and the clock again).
class ChannelPump
{
public:
    enum class End { Done, ConnectionLost, Cancelled, TimedOut, PollFailed };

    ChannelPump(ssh_session session, ssh_channel channel, QByteArrayView input, bool eofAfterInput)
        : m_session(session), m_channel(channel), m_input(input), m_eofAfterInput(eofAfterInput)
    {}

    End run(const std::function<bool()> &done, const CancelTokens &cancel, qint64 budgetMs,
            const QElapsedTimer &timer);

    qsizetype written() const { return m_written; }
    bool writeFailed() const { return m_writeFailed; }
    QString writeError() const { return m_writeError; }

private:
    void writeSome();

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

// The message and status of a pump that did not end with Done (Done: empty, Ok).
QString pumpEndMessage(ChannelPump::End end, qint64 elapsedMs);
SshStatus pumpEndStatus(ChannelPump::End end);

} // namespace lw::ssh
