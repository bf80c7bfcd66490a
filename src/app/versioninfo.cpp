#include "versioninfo.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <libssh/libssh.h>

namespace lw {

namespace {

QString withBuildVersion(const QString &name, const QString &running, const QString &built)
{
    // The run-time string may carry more than the number ("0.10.4/openssl/zlib").
    if (running == built || running.startsWith(built + QLatin1Char('/')))
        return name + QLatin1Char(' ') + running;
    return name + QLatin1Char(' ') +
           QCoreApplication::translate("Layerwatch::App", "%1 (built with %2)").arg(running, built);
}

} // namespace

QString versionText(const QString &program)
{
    const QString libsshBuilt = QStringLiteral("%1.%2.%3")
                                    .arg(LIBSSH_VERSION_MAJOR)
                                    .arg(LIBSSH_VERSION_MINOR)
                                    .arg(LIBSSH_VERSION_MICRO);
    return program + QLatin1Char(' ') + QStringLiteral(LAYERWATCH_VERSION) + QLatin1Char('\n') +
           withBuildVersion(QStringLiteral("libssh"), QString::fromLatin1(ssh_version(0)), libsshBuilt) +
           QLatin1Char('\n') +
           withBuildVersion(QStringLiteral("Qt"), QString::fromLatin1(qVersion()),
                            QStringLiteral(QT_VERSION_STR)) +
           QLatin1Char('\n');
}

} // namespace lw
