// layerwatch-cli analyze DIR: offline analysis of saved captures.
#include "cli_commands.h"

#include "ansibleplaybook.h"
#include "capture.h"
#include "capturearchive.h"
#include "hostsnapshot.h"
#include "report.h"
#include "rules.h"
#include "textescape.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace lw::cli {

namespace {

int runAnalyze(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliTr::tr("Analyzes saved captures (one host's capture directory, or a directory of them) and "
                  "reports the findings."));
    parser.addPositionalArgument(
        QStringLiteral("DIR"),
        CliTr::tr("A capture directory, a directory of host captures, a capture archive (layerwatch-cli "
                  "archive) or the results of the probe playbook."));
    const ReportCliOptions reportOptions;
    const QCommandLineOption failOnOption(
        QStringLiteral("fail-on"),
        CliTr::tr(
            "Exit with status 1 when a finding of at least this severity exists: info, warning or critical "
            "(default: critical)."),
        QStringLiteral("severity"), QStringLiteral("critical"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        CliTr::tr("Language of the report: zh_CN or en."),
                                        QStringLiteral("language"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CliTr::tr("Show this help."));
    parser.addOptions(reportOptions.all());
    parser.addOption(failOnOption);
    parser.addOption(langOption);
    parser.addOption(helpOption);

    if (const std::optional<int> end = parseArguments(parser, args, helpOption))
        return *end;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err() << CliTr::tr("analyze needs exactly one capture directory.") << '\n' << parser.helpText();
        return ExitError;
    }
    const std::optional<ReportFormat> format = reportOptions.chosen(parser);
    if (!format)
        return ExitError;
    const std::optional<Severity> failOn = severityFromName(parser.value(failOnOption));
    if (!failOn) {
        err() << CliTr::tr("Invalid --fail-on value \"%1\": use info, warning or critical.")
                     .arg(parser.value(failOnOption))
              << '\n';
        return ExitError;
    }

    // Saved captures, an archive of them, or the results of the probe playbook (layerwatch-cli playbook
    // probe).
    const QString source = positional.constFirst();
    const CaptureSetReadResult captures = readCaptureSource(source);
    for (const QString &warning : captures.warnings)
        err() << CliTr::tr("warning: %1").arg(escapeControlCharacters(warning)) << '\n';
    for (const QString &error : captures.errors)
        err() << CliTr::tr("error: %1").arg(escapeControlCharacters(error)) << '\n';
    if (captures.captures.isEmpty())
        return ExitError;

    QList<HostReport> reports;
    bool failing = false;
    for (const RawCapture &capture : captures.captures) {
        HostReport report;
        report.snapshot = buildSnapshot(capture);
        report.analysis = analyze(report.snapshot);
        report.host = capture.host;
        report.status = HostStatus::Ok;
        if (const auto worst = report.analysis.worstSeverity(); worst && int(*worst) >= int(*failOn))
            failing = true;
        reports.append(std::move(report));
    }
    for (qsizetype i = 0; i < captures.failedDirectories.size(); ++i) {
        HostReport report;
        report.host = QDir(QDir::cleanPath(captures.failedDirectories.at(i))).dirName();
        report.status = HostStatus::Error;
        report.error = captures.errors.value(i);
        reports.append(std::move(report));
    }

    if (parser.isSet(reportOptions.output)) {
        if (!writeReportFile(parser.value(reportOptions.output), renderReport(reports, *format)))
            return ExitError;
    } else if (*format == ReportFormat::Text || *format == ReportFormat::Json) {
        printReport(reports, *format == ReportFormat::Json);
    } else {
        out().flush();
        writeStdout(renderReport(reports, *format));
        std::fflush(stdout);
    }

    if (!captures.ok())
        return ExitError;
    return failing ? ExitFindings : ExitOk;
}

QString analyzeSummary()
{
    return CliTr::tr("Analyze saved captures and report findings");
}

const CliCommandRegistration registration({"analyze", analyzeSummary, runAnalyze});

} // namespace
} // namespace lw::cli
