#pragma once

#include <QString>

#include <optional>

namespace lw {

// Where a host stands in the console and the reports: one enum from the sweep to the edges. Strings are
// made only at the edges: the stable name (JSON, the snapshot store, the CLI) and the translated display
// name.
enum class HostStatus {
    NotProbed,      // never probed in this data dir
    Queued,         // waiting for a connection slot
    Connecting,     // TCP/SSH handshake under way
    Probing,        // the bundle runs
    Ok,             // the bundle ran to its end (single probes carry their own statuses)
    Unreachable,    // connection refused, no route, DNS
    AuthFailed,     // no authentication method was accepted
    HostKeyUnknown, // the host's key is not in known_hosts: needs approval
    HostKeyChanged, // the key differs from known_hosts: refused
    HostKeyRevoked, // the key is marked @revoked
    Timeout,        // connect, the bundle or one of its probes timed out
    Cancelled,      // stopped by the user
    Error,          // anything else
};

// "", "queued", "connecting", "probing", "ok", "unreachable", "auth-failed", "host-key-unknown",
// "host-key-changed", "host-key-revoked", "timeout", "cancelled", "error"
QString hostStatusName(HostStatus status);
std::optional<HostStatus> hostStatusFromName(const QString &name);
QString hostStatusDisplayName(HostStatus status); // translated
// A probe that ended without a result: every status but not-probed, queued, connecting, probing and ok.
bool isFailedHostStatus(HostStatus status);
// How much a status needs the admin, for "worst first" orders: a changed or revoked key highest, then
// authentication, an unknown key, unreachable, timeout, error, cancelled; pending, ok and not probed lowest.
int hostStatusAttention(HostStatus status);
// Still under way: queued, connecting, probing.
bool isPendingHostStatus(HostStatus status);

} // namespace lw
