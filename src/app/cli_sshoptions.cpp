#include "cli_sshoptions.h"

#include "cli_commands.h"

namespace lw::cli {

SshCliOptions::SshCliOptions()
    : identity(QStringLiteral("identity"), CliTr::tr("Private key to try (repeatable)."),
               QStringLiteral("key")),
      knownHosts(QStringLiteral("known-hosts"), CliTr::tr("known_hosts file (default: ~/.ssh/known_hosts)."),
                 QStringLiteral("file")),
      user(QStringLiteral("user"), CliTr::tr("User for hosts that name none."), QStringLiteral("name")),
      sshConfig(QStringLiteral("ssh-config"),
                CliTr::tr("ssh config file, or \"none\" (default: ~/.ssh/config)."), QStringLiteral("file"))
{}

void SshCliOptions::applyTo(const QCommandLineParser &parser, ssh::SshOptions *options) const
{
    options->identityFiles = parser.values(identity);
    options->knownHostsFile = parser.value(knownHosts);
    options->sshConfigFile = parser.value(sshConfig);
    options->defaultUser = parser.value(user);
}

} // namespace lw::cli
