#include "sshtypes.h"

#include <QDir>

namespace lw::ssh {

QString defaultKnownHostsFile()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

QString SshOptions::userKnownHostsFile() const
{
    return knownHostsFile.isEmpty() ? defaultKnownHostsFile() : knownHostsFile;
}

QString sshStatusName(SshStatus status)
{
    switch (status) {
    case SshStatus::Ok:
        return QStringLiteral("ok");
    case SshStatus::Unreachable:
        return QStringLiteral("unreachable");
    case SshStatus::AuthFailed:
        return QStringLiteral("auth-failed");
    case SshStatus::HostKeyUnknown:
        return QStringLiteral("host-key-unknown");
    case SshStatus::HostKeyChanged:
        return QStringLiteral("host-key-changed");
    case SshStatus::HostKeyRevoked:
        return QStringLiteral("host-key-revoked");
    case SshStatus::Timeout:
        return QStringLiteral("timeout");
    case SshStatus::Error:
        break;
    }
    return QStringLiteral("error");
}

} // namespace lw::ssh
