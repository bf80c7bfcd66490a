#pragma once

#include "canceltoken.h"
#include "mountinfo.h"
#include "probeoutput.h"

#include <optional>

namespace lw {

namespace ssh {
class SshConnection;
}

struct SftpMounts
{
    ProbeOutput mountinfo;
    MountInfo parsedMountInfo; // mountinfo's output, parsed (for df's rows; buildSnapshot need not again)
    // None: a mount in the table could block statfs, or the table did not parse: df runs on the host.
    std::optional<ProbeOutput> df;
    std::optional<ProbeOutput> kernelConfig; // /proc/config.gz, inflated (asked for, and there)
};

// The mount table and disk usage without a process on the host (docs/probes.md, "The mount table and disk
// usage over SFTP"). The host's sftp-server runs on its own kept channel of the connection and holds
// /proc/self/mountinfo open; df's rows are rebuilt from one statvfs@openssh.com per filesystem df would
// list; kernelConfig: also /proc/config.gz, inflated here. Every request of a step goes out at once: a
// refresh is one round trip while the mount points stay the same (their statvfs go out with the reads of
// the table), a first probe two. nullopt where the host's SFTP cannot do it
// (*unsupported: no subsystem or no statvfs extension; not to be asked again on this connection) or
// answered out of step (the channel is closed; the next call starts a new server): the caller asks the
// probe shell instead.
// kernelConfig may be left out (the result has none) where the server's handles are not as predicted.
std::optional<SftpMounts> mountsOverSftp(ssh::SshConnection &connection, bool kernelConfig,
                                         const ssh::CancelToken &cancel, int timeoutMs, bool *unsupported);

// A gzip stream inflated (at most maxBytes + 1 bytes: more is cut, *truncated); nullopt if it is not whole
// and valid gzip.
std::optional<QByteArray> gunzip(const QByteArray &compressed, qsizetype maxBytes, bool *truncated);

} // namespace lw
