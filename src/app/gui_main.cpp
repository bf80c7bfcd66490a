// layerwatch: the console. Options only; everything real is in src/gui and below.
#include "i18n.h"
#include "mainwindow.h"
#include "versioninfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// The demo captures: next to an installed binary (share/layerwatch/demo), else the source tree's.
QString findDemoDir()
{
    const QString env = qEnvironmentVariable("LAYERWATCH_DEMO_DIR");
    if (!env.isEmpty())
        return env;
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/layerwatch/demo"));
    if (QFileInfo(installed).isDir())
        return QDir::cleanPath(installed);
    return QStringLiteral(LAYERWATCH_SOURCE_DEMO_DIR);
}

// An option's value before the parser runs (it needs the language for --help): `--NAME VALUE` or
// `--NAME=VALUE`, the last one given; empty if none.
QString earlyOption(const QStringList &args, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    QString value;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == flag && i + 1 < args.size())
            value = args.at(++i);
        else if (args.at(i).startsWith(flag + QLatin1Char('=')))
            value = args.at(i).mid(flag.size() + 1);
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    // --version answers without a display (QApplication would need one): the versions in use, as the CLI's.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::fputs(lw::versionText(QStringLiteral("layerwatch")).toLocal8Bit().constData(), stdout);
            return 0;
        }
    }
    // --help as well (translated, so after the language is known): without a display a QCoreApplication
    // is enough to print it, and QApplication would abort without one.
    bool helpOnly = false;
    for (int i = 1; i < argc; ++i) {
        for (const char *help : {"-h", "--help", "--help-all", "-?"})
            helpOnly = helpOnly || std::strcmp(argv[i], help) == 0;
    }
    std::unique_ptr<QCoreApplication> application;
    if (helpOnly)
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    if (!helpOnly)
        QGuiApplication::setDesktopFileName(QStringLiteral("org.layerwatch.Layerwatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("Layerwatch"));
    QCoreApplication::setApplicationName(QStringLiteral("Layerwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LAYERWATCH_VERSION));

    // The language comes first: --help must already be translated.
    const QStringList args = QCoreApplication::arguments();
    QString language = earlyOption(args, QStringLiteral("lang"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Layerwatch::App", "Layerwatch console: inspects Docker overlay2 hosts over SSH."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("Layerwatch::App", "User interface language (zh_CN or en)."),
        QStringLiteral("language"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate("Layerwatch::App",
                                    "Show the demo fleet (shipped captures; no network, nothing stored)."));
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"),
        QCoreApplication::translate(
            "Layerwatch::App", "Import hosts from an inventory file (plain list, Ansible INI, ssh config)."),
        QStringLiteral("file"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("Layerwatch::App",
                                    "Keep the inventory, snapshot history and settings in this directory."),
        QStringLiteral("dir"));
    const QCommandLineOption probeOption(
        QStringLiteral("probe"),
        QCoreApplication::translate("Layerwatch::App", "Probe every host right after start."));
    const QCommandLineOption identityOption(
        QStringLiteral("identity"),
        QCoreApplication::translate("Layerwatch::App",
                                    "Private key file for SSH (repeatable; default: the agent and ~/.ssh)."),
        QStringLiteral("file"));
    const QCommandLineOption knownHostsOption(
        QStringLiteral("known-hosts"),
        QCoreApplication::translate("Layerwatch::App",
                                    "known_hosts file to use instead of ~/.ssh/known_hosts."),
        QStringLiteral("file"));
    const QCommandLineOption sshConfigOption(
        QStringLiteral("ssh-config"),
        QCoreApplication::translate("Layerwatch::App",
                                    "ssh config file to read instead of ~/.ssh/config, or none."),
        QStringLiteral("file"));
    parser.addOptions({langOption, demoOption, inventoryOption, dataDirOption, probeOption, identityOption,
                       knownHostsOption, sshConfigOption});

    lw::gui::MainWindowOptions options;
    // Without --lang: the language chosen last time in the Language menu, else the system's.
    if (language.isEmpty()) {
        const std::unique_ptr<QSettings> settings(
            lw::gui::MainWindow::openSettings(earlyOption(args, QStringLiteral("data-dir"))));
        language = settings->value(QStringLiteral("language")).toString();
    }
    lw::gui::MainWindow::switchLanguage(language);

    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate("Layerwatch::App", "Unexpected argument: %1")
                               .arg(parser.positionalArguments().constFirst())));
        return 2;
    }
    if (parser.isSet(langOption)) {
        const QString lang = parser.value(langOption);
        if (lang != QLatin1String("en") && !lw::availableLanguages().contains(lang)) {
            fprintf(stderr, "%s\n",
                    qPrintable(
                        QCoreApplication::translate("Layerwatch::App", "Unknown language %1; available: %2")
                            .arg(lang, lw::availableLanguages().join(QStringLiteral(", ")))));
            return 2;
        }
    }
    options.demo = parser.isSet(demoOption);
    options.demoDir = findDemoDir();
    options.inventoryFile = parser.value(inventoryOption);
    options.dataDir = parser.value(dataDirOption);
    options.identityFiles = parser.values(identityOption);
    options.knownHostsFile = parser.value(knownHostsOption);
    options.sshConfigFile = parser.value(sshConfigOption);
    if (!options.inventoryFile.isEmpty() && !QFileInfo(options.inventoryFile).isReadable()) {
        fprintf(stderr, "%s\n",
                qPrintable(QCoreApplication::translate("Layerwatch::App", "Cannot read the inventory %1")
                               .arg(options.inventoryFile)));
        return 2;
    }

    lw::gui::MainWindow window(options);
    window.show();
    if (parser.isSet(probeOption) && !options.demo)
        window.probeAllWhenReady();
    return app.exec();
}
