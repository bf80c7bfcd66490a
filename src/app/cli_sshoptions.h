#pragma once

#include "sshtypes.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace lw::cli {

// The SSH options every subcommand that connects shares: --identity, --known-hosts, --user, --ssh-config.
struct SshCliOptions
{
    SshCliOptions();
    QList<QCommandLineOption> all() const { return {identity, knownHosts, user, sshConfig}; }
    // Copies what the user gave into options (identity files, known_hosts, default user, ssh config).
    void applyTo(const QCommandLineParser &parser, ssh::SshOptions *options) const;

    QCommandLineOption identity;
    QCommandLineOption knownHosts;
    QCommandLineOption user;
    QCommandLineOption sshConfig;
};

} // namespace lw::cli
