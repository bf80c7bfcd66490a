#pragma once

#include "sshtypes.h"

#include <QString>
#include <QStringList>

class QSettings;

namespace lw::gui {

// How the console connects: kept per data directory (layerwatch.ini, group "ssh"), so that a restart with
// only --data-dir uses the identity, known_hosts and ssh_config it was given before. An option given on the
// command line replaces the kept one and is kept in its turn.
struct SshSettings
{
    QStringList identityFiles; // tried after the agent's keys, in this order
    bool useAgent = true;
    QString knownHostsFile; // empty: ~/.ssh/known_hosts
    QString sshConfigFile;  // empty: ~/.ssh/config; "none": no ssh_config at all
    QString defaultUser;    // empty: ssh_config's User, else the local user

    static SshSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    // The command line's options (each one given) over these.
    SshSettings overriddenBy(const QString &knownHostsFile, const QStringList &identityFiles,
                             const QString &sshConfigFile) const;
    // What is wrong with them, translated, one line each; empty when they can be used.
    QStringList problems() const;
    // The known_hosts file host keys are checked against and approved into.
    QString effectiveKnownHostsFile() const;
    void applyTo(lw::ssh::SshOptions &options) const;

    bool operator==(const SshSettings &other) const;
    bool operator!=(const SshSettings &other) const { return !(*this == other); }
};

} // namespace lw::gui
