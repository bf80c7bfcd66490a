// layerwatch-cli: headless analyze (and, from their own files, probe and remediate).
#include "cli_commands.h"

#include "textescape.h"

#include "i18n.h"
#include "versioninfo.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>

namespace lw::cli {

QList<CliCommand> &commandRegistry()
{
    static QList<CliCommand> commands;
    return commands;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

bool parseCount(const QString &text, int min, int max, int *value)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max)
        return false;
    *value = v;
    return true;
}

RemediationCatalog CatalogCliOptions::load(const QCommandLineParser &parser) const
{
    const RemediationCatalog result =
        parser.isSet(catalog) ? loadRemediationCatalog(
                                    parser.value(catalog),
                                    loadTrustedCatalogs(parser.isSet(trusted) ? parser.value(trusted)
                                                                              : defaultTrustedCatalogsPath()))
                              : loadRemediationCatalog();
    for (const QString &e : result.errors)
        err() << escapeControlCharacters(e) << '\n';
    return result;
}

const RemediationScript *findScript(const RemediationCatalog &catalog, const QString &id)
{
    if (const RemediationScript *script = catalog.script(id))
        return script;
    QStringList ids;
    for (const RemediationScript &s : catalog.scripts)
        ids << s.id;
    err() << CliTr::tr("Unknown script \"%1\"; available: %2").arg(id, ids.join(QLatin1String(", "))) << '\n';
    return nullptr;
}

std::optional<QMap<QString, QString>> operatorValues(const RemediationScript &script,
                                                     const QStringList &assignments)
{
    const RemediationScript::OperatorValues given = script.operatorValues(assignments);
    if (given.rejected.isEmpty())
        return given.values;
    err() << CliTr::tr("\"%1\" is not a parameter the operator sets for %2.")
                 .arg(escapeControlCharacters(given.rejected), script.id)
          << '\n';
    return std::nullopt;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &args,
                                  const QCommandLineOption &help)
{
    if (!parser.parse(args)) {
        err() << parser.errorText() << '\n';
        return ExitError;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText();
        return ExitOk;
    }
    return std::nullopt;
}

void printReport(const QList<HostReport> &reports, bool json)
{
    if (!json) {
        out() << textReport(reports);
        out().flush();
        return;
    }
    out().flush();
    // one host's bytes at a time: the report of a big fleet is megabytes, and no one needs it whole here
    JsonReportWriter writer(writeStdout);
    for (const HostReport &r : reports)
        writer.addHost(hostReportJsonBytes(r));
    writer.finish();
    std::fflush(stdout);
}

std::optional<ReportFormat> ReportCliOptions::chosen(const QCommandLineParser &parser) const
{
    if (parser.isSet(json))
        return ReportFormat::Json;
    const std::optional<ReportFormat> f = reportFormatFromName(parser.value(format));
    if (!f)
        err() << CliTr::tr("Invalid --format \"%1\": use text, json, html or csv.").arg(parser.value(format))
              << '\n';
    return f;
}

QByteArray renderReport(const QList<HostReport> &reports, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return textReport(reports).toUtf8();
    case ReportFormat::Json:
        return jsonReport(reports);
    case ReportFormat::Html:
        return htmlReport(reports);
    case ReportFormat::Csv:
        return csvReport(reports);
    }
    return QByteArray();
}

bool writeReportFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err() << CliTr::tr("Cannot write the report to %1: %2").arg(path, file.errorString()) << '\n';
        return false;
    }
    return true;
}

void writeStdout(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

namespace {

// --lang must take effect before any subcommand builds its (translated) help, so it is read first.
QString languageArgument(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--lang") && i + 1 < args.size())
            return args.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return QString();
}

void printUsage(QTextStream &stream)
{
    stream << CliTr::tr("Usage: %1 <command> [options]").arg(QStringLiteral("layerwatch-cli")) << '\n'
           << '\n'
           << CliTr::tr("Commands:") << '\n';
    QList<CliCommand> commands = commandRegistry();
    std::sort(commands.begin(), commands.end(),
              [](const CliCommand &a, const CliCommand &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const CliCommand &c : std::as_const(commands))
        stream << "  " << QString::fromLatin1(c.name).leftJustified(12) << c.summary() << '\n';
    stream << '\n'
           << CliTr::tr("Run \"%1 <command> --help\" for the options of a command.")
                  .arg(QStringLiteral("layerwatch-cli"))
           << '\n';
    stream.flush();
}

} // namespace
} // namespace lw::cli

int main(int argc, char *argv[])
{
    using namespace lw::cli;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("layerwatch-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Layerwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LAYERWATCH_VERSION));

    const QStringList args = QCoreApplication::arguments();
    const QString language = languageArgument(args);
    if (!language.isEmpty() && !lw::availableLanguages().contains(language)) {
        err() << CliTr::tr("Unknown language \"%1\"; available: %2")
                     .arg(language, lw::availableLanguages().join(QLatin1String(", ")))
              << '\n';
        return ExitError;
    }
    lw::installTranslations(language);

    if (args.size() < 2) {
        printUsage(err());
        return ExitError;
    }
    const QString name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(out());
        return ExitOk;
    }
    if (name == QLatin1String("--version")) {
        out() << lw::versionText(QCoreApplication::applicationName());
        return ExitOk;
    }
    for (const CliCommand &c : std::as_const(commandRegistry())) {
        if (name == QLatin1String(c.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("layerwatch-cli ") + name);
            const int status = c.run(rest);
            out().flush();
            err().flush();
            return status;
        }
    }
    err() << CliTr::tr("Unknown command \"%1\".").arg(name) << '\n';
    printUsage(err());
    return ExitError;
}
