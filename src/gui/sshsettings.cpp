#include "sshsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace lw::gui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SshSettings)
};

const QString none = QStringLiteral("none");

} // namespace

SshSettings SshSettings::load(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("ssh"));
    SshSettings s;
    s.identityFiles = settings.value(QStringLiteral("identityFiles")).toStringList();
    s.useAgent = settings.value(QStringLiteral("useAgent"), true).toBool();
    s.knownHostsFile = settings.value(QStringLiteral("knownHostsFile")).toString();
    s.sshConfigFile = settings.value(QStringLiteral("sshConfigFile")).toString();
    s.defaultUser = settings.value(QStringLiteral("defaultUser")).toString();
    settings.endGroup();
    return s;
}

void SshSettings::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("ssh"));
    settings.setValue(QStringLiteral("identityFiles"), identityFiles);
    settings.setValue(QStringLiteral("useAgent"), useAgent);
    settings.setValue(QStringLiteral("knownHostsFile"), knownHostsFile);
    settings.setValue(QStringLiteral("sshConfigFile"), sshConfigFile);
    settings.setValue(QStringLiteral("defaultUser"), defaultUser);
    settings.endGroup();
}

SshSettings SshSettings::overriddenBy(const QString &knownHosts, const QStringList &identities,
                                      const QString &sshConfig) const
{
    SshSettings s = *this;
    if (!knownHosts.isEmpty())
        s.knownHostsFile = QFileInfo(knownHosts).absoluteFilePath();
    if (!identities.isEmpty()) {
        s.identityFiles.clear();
        for (const QString &file : identities)
            s.identityFiles << QFileInfo(file).absoluteFilePath();
    }
    if (!sshConfig.isEmpty())
        s.sshConfigFile = sshConfig == none ? none : QFileInfo(sshConfig).absoluteFilePath();
    return s;
}

QStringList SshSettings::problems() const
{
    QStringList problems;
    for (const QString &file : identityFiles) {
        const QFileInfo info(file);
        if (!info.exists())
            problems << Tr::tr("The identity file %1 does not exist.").arg(file);
        else if (!info.isFile() || !info.isReadable())
            problems << Tr::tr("The identity file %1 is not a readable file.").arg(file);
    }
    if (!knownHostsFile.isEmpty()) {
        const QFileInfo info(knownHostsFile);
        if (info.exists() && !info.isFile())
            problems << Tr::tr("The known_hosts file %1 is not a file.").arg(knownHostsFile);
        else if (!info.exists() && !info.absoluteDir().exists())
            problems << Tr::tr("The folder of the known_hosts file %1 does not exist.").arg(knownHostsFile);
    }
    if (!sshConfigFile.isEmpty() && sshConfigFile != none) {
        const QFileInfo info(sshConfigFile);
        if (!info.exists())
            problems << Tr::tr("The ssh_config file %1 does not exist.").arg(sshConfigFile);
        else if (!info.isFile() || !info.isReadable())
            problems << Tr::tr("The ssh_config file %1 is not a readable file.").arg(sshConfigFile);
    }
    // What OpenSSH takes as a user name on the command line: no spaces, no '@', no control characters.
    static const QRegularExpression userName(QStringLiteral("^[^\\s@:/\\x00-\\x1f\\x7f]+$"));
    if (!defaultUser.isEmpty() && !userName.match(defaultUser).hasMatch())
        problems << Tr::tr("The user name \"%1\" is not valid.").arg(defaultUser);
    return problems;
}

QString SshSettings::effectiveKnownHostsFile() const
{
    return knownHostsFile.isEmpty() ? lw::ssh::defaultKnownHostsFile() : knownHostsFile;
}

void SshSettings::applyTo(lw::ssh::SshOptions &options) const
{
    options.knownHostsFile = effectiveKnownHostsFile();
    options.identityFiles = identityFiles;
    options.useAgent = useAgent;
    options.sshConfigFile = sshConfigFile;
    options.defaultUser = defaultUser;
}

bool SshSettings::operator==(const SshSettings &other) const
{
    return identityFiles == other.identityFiles && useAgent == other.useAgent &&
           knownHostsFile == other.knownHostsFile && sshConfigFile == other.sshConfigFile &&
           defaultUser == other.defaultUser;
}

} // namespace lw::gui
