#pragma once

#include "sshtypes.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace lw::ssh {

// Where a worker gets secrets. Called in worker threads; must never block on a terminal. The GUI's
// implementation queues a request for the user; nullopt means "not available" and the method is skipped.
class CredentialProvider
{
public:
    virtual ~CredentialProvider();
    virtual std::optional<QByteArray> passphrase(const HostTarget &target, const QString &keyFile) = 0;
    // Also used per keyboard-interactive prompt (echo off).
    virtual std::optional<QByteArray> password(const HostTarget &target, const QString &prompt) = 0;
};

// For the CLI: never asks, so a key with a passphrase or a password-only host fails fast.
class NonInteractiveCredentials : public CredentialProvider
{
public:
    std::optional<QByteArray> passphrase(const HostTarget &target, const QString &keyFile) override;
    std::optional<QByteArray> password(const HostTarget &target, const QString &prompt) override;
};

} // namespace lw::ssh
