#pragma once

#include "fleetreport.h"
#include "remediation.h"
#include "report.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace lw::cli {

// Translation context of layerwatch-cli.
struct CliTr
{
    Q_DECLARE_TR_FUNCTIONS(Layerwatch::Cli)
};

// Exit statuses shared by every subcommand.
enum ExitStatus { ExitOk = 0, ExitFindings = 1, ExitError = 2 };

// One subcommand of layerwatch-cli. A new subcommand lives in its own cli_<name>.cpp that defines a
// static CliCommandRegistration; cli_main.cpp needs no change (only the source list in CMakeLists.txt).
struct CliCommand
{
    const char *name;
    QString (*summary)();                // translated one-line description for the command list
    int (*run)(const QStringList &args); // args[0] is "layerwatch-cli <name>", then its arguments
};

QList<CliCommand> &commandRegistry();

struct CliCommandRegistration
{
    explicit CliCommandRegistration(const CliCommand &command) { commandRegistry().append(command); }
};

// UTF-8 streams for the CLI's output (stdout: the report, stderr: errors and warnings).
QTextStream &out();
QTextStream &err();

// Prints analyze's report on stdout: JSON (UTF-8 bytes as they are, no round trip through QString) or text.
void printReport(const QList<HostReport> &reports, bool json);
// The options of the report's form that analyze and probe share: --format text|json|html|csv, --json (the
// same as --format json) and --output FILE.
struct ReportCliOptions
{
    QCommandLineOption format{
        QStringLiteral("format"),
        CliTr::tr("Report format: text, json, html (with charts) or csv (default: text)."),
        QStringLiteral("format"), QStringLiteral("text")};
    QCommandLineOption json{QStringLiteral("json"), CliTr::tr("Print the report as JSON.")};
    QCommandLineOption output{QStringLiteral("output"),
                              CliTr::tr("Write the report to this file instead of the standard output."),
                              QStringLiteral("file")};
    QList<QCommandLineOption> all() const { return {format, json, output}; }
    // The chosen format; nullopt (and a message on stderr) when --format names none.
    std::optional<ReportFormat> chosen(const QCommandLineParser &parser) const;
};
// The whole report in one format.
QByteArray renderReport(const QList<HostReport> &reports, ReportFormat format);
// Writes a report file whole or not at all (QSaveFile); false with a message on stderr.
bool writeReportFile(const QString &path, const QByteArray &bytes);

// Parses a subcommand's arguments: an error is printed (exit status ExitError), --help prints the help
// (ExitOk); nullopt when the command goes on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &args,
                                  const QCommandLineOption &help);

// --catalog DIR and --trusted-catalogs FILE, which remediate and playbook repair share: the catalog they name
// (the built-in one without --catalog; another only if the trusted-catalogs list approves its manifest).
struct CatalogCliOptions
{
    QCommandLineOption catalog{
        QStringLiteral("catalog"),
        CliTr::tr("Directory of the reviewed scripts and manifest.json (default: the built-in copy). It runs "
                  "only if its manifest is the built-in one or its SHA-256 is in the trusted-catalogs list."),
        QStringLiteral("dir")};
    QCommandLineOption trusted{QStringLiteral("trusted-catalogs"),
                               CliTr::tr("The admin's list of approved catalogs for --catalog (default: %1).")
                                   .arg(defaultTrustedCatalogsPath()),
                               QStringLiteral("file")};
    QList<QCommandLineOption> all() const { return {catalog, trusted}; }
    // The catalog, its errors printed on stderr (escaped).
    RemediationCatalog load(const QCommandLineParser &parser) const;
};
// The script of that ID; nullptr, with the IDs there are, on stderr.
const RemediationScript *findScript(const RemediationCatalog &catalog, const QString &id);

// The operator's --param name=value values for the script; nullopt, with the one it does not take on stderr.
std::optional<QMap<QString, QString>> operatorValues(const RemediationScript &script,
                                                     const QStringList &assignments);

// A whole number from min to max (an option's value); false, and *value untouched, otherwise.
bool parseCount(const QString &text, int min, int max, int *value);

// Bytes to stdout as they are, through stdio's buffer (not through out(): flush that first if it was used).
void writeStdout(QByteArrayView bytes);

} // namespace lw::cli
