#include "channeloutput.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace lw::ssh {

void ChannelOutput::receive(const char *bytes, uint32_t len, bool isStderr)
{
    QByteArray &buffer = isStderr ? err : out;
    if (expectPidLine && !isStderr) {
        const void *newline = std::memchr(bytes, '\n', len);
        const uint32_t take = newline ? uint32_t(static_cast<const char *>(newline) - bytes + 1) : len;
        pidLine.append(bytes, take);
        expectPidLine = !newline && pidLine.size() < 64;
        bytes += take;
        len -= take;
        if (len == 0)
            return;
    }
    const qint64 limit = isStderr && errCap >= 0 ? errCap : cap;
    const qint64 room = std::max<qint64>(0, limit - buffer.size());
    const qint64 keep = std::min<qint64>(room, len);
    if (keep > 0)
        buffer.append(bytes, keep);
    if (keep < static_cast<qint64>(len))
        truncated = true; // keep reading and discarding so the remote never blocks
    ++reads;
    if (onOutput && *onOutput)
        (*onOutput)(isStderr ? OutputStream::Stderr : OutputStream::Stdout, QByteArrayView(bytes, len));
}

void ChannelOutput::takeInto(ExecResult &result)
{
    result.stdoutData = std::exchange(out, QByteArray());
    result.stderrData = std::exchange(err, QByteArray());
    result.truncated = std::exchange(truncated, false);
    result.exitKnown = gotStatus || gotSignal;
    result.exitStatus = gotStatus ? exitStatus : -1;
    result.exitSignal = exitSignal;
}

} // namespace lw::ssh
