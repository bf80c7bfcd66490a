#pragma once

// What one channel has sent so far: its stdout and stderr (kept up to a cap), the pid line of a kept
// command, and how the command ended. No libssh: the channel's callbacks (ChannelState, channelpump.h)
// feed it, and tests feed it without a server (tst_channeloutput).

#include "sshtypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <functional>

namespace lw::ssh {

struct ChannelOutput
{
    QByteArray out, err;
    qint64 cap = 0;     // per stream; past it data is still read (the remote never blocks) but not kept
    qint64 errCap = -1; // stderr's own cap where >= 0 (a flood of error output is no reply)
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

    // One read of len bytes from the channel: the pid line taken out, the rest kept up to the cap and shown
    // to onOutput (also past the cap).
    void receive(const char *bytes, uint32_t len, bool isStderr);
    // Moves the output read so far into the result, with what is known of the command's end.
    void takeInto(ExecResult &result);
};

} // namespace lw::ssh
