#include "credentials.h"

namespace lw::ssh {

CredentialProvider::~CredentialProvider() = default;

std::optional<QByteArray> NonInteractiveCredentials::passphrase(const HostTarget &, const QString &)
{
    return std::nullopt;
}

std::optional<QByteArray> NonInteractiveCredentials::password(const HostTarget &, const QString &)
{
    return std::nullopt;
}

} // namespace lw::ssh
