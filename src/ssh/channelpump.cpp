#include "channelpump.h"

#include "sshtr.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>

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

int onChannelData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *userdata)
{
    static_cast<ChannelState *>(userdata)->receive(static_cast<const char *>(data), len, isStderr != 0);
    return int(len); // all of it, kept or not: the remote never blocks
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

} // namespace

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

ChannelPump::End ChannelPump::run(const std::function<bool()> &done, const CancelTokens &cancel,
                                  qint64 budgetMs, const QElapsedTimer &timer)
{
    EventPtr event(ssh_event_new());
    if (!event || ssh_event_add_session(event.get(), m_session) != SSH_OK)
        return End::PollFailed;
    CancelWake cancelWake(cancel);
    const bool wakeAdded = cancelWake.fd() >= 0 && ssh_event_add_fd(event.get(), cancelWake.fd(), POLLIN,
                                                                    &CancelWake::drain, nullptr) == SSH_OK;
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

void ChannelPump::writeSome()
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

} // namespace lw::ssh
