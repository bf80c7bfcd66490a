#include "hoststatus.h"

#include "coretr.h"

namespace lw {

namespace {

struct StatusName
{
    HostStatus status;
    const char *name;
};

// Stable names: written to the snapshot store and the JSON reports, never translated.
constexpr StatusName statusNames[] = {
    {HostStatus::NotProbed, ""},
    {HostStatus::Queued, "queued"},
    {HostStatus::Connecting, "connecting"},
    {HostStatus::Probing, "probing"},
    {HostStatus::Ok, "ok"},
    {HostStatus::Unreachable, "unreachable"},
    {HostStatus::AuthFailed, "auth-failed"},
    {HostStatus::HostKeyUnknown, "host-key-unknown"},
    {HostStatus::HostKeyChanged, "host-key-changed"},
    {HostStatus::HostKeyRevoked, "host-key-revoked"},
    {HostStatus::Timeout, "timeout"},
    {HostStatus::Cancelled, "cancelled"},
    {HostStatus::Error, "error"},
};

} // namespace

QString hostStatusName(HostStatus status)
{
    for (const StatusName &s : statusNames) {
        if (s.status == status)
            return QString::fromLatin1(s.name);
    }
    return QStringLiteral("error");
}

std::optional<HostStatus> hostStatusFromName(const QString &name)
{
    for (const StatusName &s : statusNames) {
        if (name == QLatin1String(s.name))
            return s.status;
    }
    return std::nullopt;
}

QString hostStatusDisplayName(HostStatus status)
{
    switch (status) {
    case HostStatus::NotProbed:
        return CoreTr::tr("not probed");
    case HostStatus::Queued:
        return CoreTr::tr("queued");
    case HostStatus::Connecting:
        return CoreTr::tr("connecting...");
    case HostStatus::Probing:
        return CoreTr::tr("probing...");
    case HostStatus::Ok:
        return CoreTr::tr("ok");
    case HostStatus::Unreachable:
        return CoreTr::tr("unreachable");
    case HostStatus::AuthFailed:
        return CoreTr::tr("authentication failed");
    case HostStatus::HostKeyUnknown:
        return CoreTr::tr("host key unknown");
    case HostStatus::HostKeyChanged:
        return CoreTr::tr("HOST KEY CHANGED");
    case HostStatus::HostKeyRevoked:
        return CoreTr::tr("HOST KEY REVOKED");
    case HostStatus::Timeout:
        return CoreTr::tr("timeout");
    case HostStatus::Cancelled:
        return CoreTr::tr("cancelled");
    case HostStatus::Error:
        break;
    }
    return CoreTr::tr("error");
}

int hostStatusAttention(HostStatus status)
{
    switch (status) {
    case HostStatus::HostKeyChanged:
    case HostStatus::HostKeyRevoked:
        return 9;
    case HostStatus::AuthFailed:
        return 8;
    case HostStatus::HostKeyUnknown:
        return 7;
    case HostStatus::Unreachable:
        return 6;
    case HostStatus::Timeout:
        return 5;
    case HostStatus::Error:
        return 4;
    case HostStatus::Cancelled:
        return 3;
    case HostStatus::Queued:
    case HostStatus::Connecting:
    case HostStatus::Probing:
        return 2;
    case HostStatus::Ok:
        return 1;
    case HostStatus::NotProbed:
        break;
    }
    return 0;
}

bool isPendingHostStatus(HostStatus status)
{
    return status == HostStatus::Queued || status == HostStatus::Connecting || status == HostStatus::Probing;
}

bool isFailedHostStatus(HostStatus status)
{
    return status != HostStatus::NotProbed && status != HostStatus::Ok && !isPendingHostStatus(status);
}

} // namespace lw
