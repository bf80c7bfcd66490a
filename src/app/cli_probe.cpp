// layerwatch-cli probe: runs the read-only probe bundle on every host of an inventory over SSH.
#include "cli_commands.h"
#include "cli_sshoptions.h"

#include "capture.h"
#include "credentials.h"
#include "inventory.h"
#include "knownhosts.h"
#include "probesweep.h"
#include "report.h"
#include "rules.h"
#include "sshpool.h"
#include "textescape.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <optional>

#include <unistd.h>

namespace lw::cli {

namespace {

// A timeout in seconds: finite, positive, at most a day. (toDouble() takes "nan" and "inf", and every
// comparison with NaN is false: a NaN passed the old range check and then never timed out.)
bool parseSeconds(const QString &text, int *msecs)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || !(seconds > 0) || seconds > 86400)
        return false;
    *msecs = std::max(1, int(std::ceil(seconds * 1000)));
    return true;
}

// What to do about a host key we do not know or that changed: never approved here, only explained.
QString hostKeyAdvice(const HostResult &result, const QString &knownHostsFile)
{
    const ssh::HostKeyInfo &key = result.hostKey;
    const QString line = key.knownHostsHost + QLatin1Char(' ') + key.keyType + QLatin1Char(' ') +
                         QString::fromLatin1(key.publicKeyBase64);
    if (result.sshStatus == ssh::SshStatus::HostKeyRevoked) {
        // A revoked key is known to be compromised: nothing here may suggest trusting it again.
        return CliTr::tr("The host key %1 %2 is REVOKED (@revoked in %3 or the global known_hosts): the host "
                         "presents a key that must not be trusted. Do not connect; find out why this key is "
                         "still in use and replace it on the host.")
            .arg(key.keyType, key.fingerprintSha256, knownHostsFile);
    }
    if (result.sshStatus == ssh::SshStatus::HostKeyChanged) {
        const QString expected = key.knownFingerprints.isEmpty()
                                     ? CliTr::tr("(none readable)")
                                     : key.knownFingerprints.join(QStringLiteral(", "));
        return CliTr::tr(
                   "The host key CHANGED: known_hosts holds %5, the server now presents %1 %2. This can "
                   "be an attack. If the change is expected (the host was reinstalled), remove the old "
                   "entry from %3 (%4) and add the new one after checking it.")
            .arg(key.keyType, key.fingerprintSha256, knownHostsFile,
                 ssh::KnownHosts::removeCommand(key.knownHostsHost, knownHostsFile), expected);
    }
    return CliTr::tr("Unknown host key %1 %2. Compare this fingerprint with the one the host shows "
                     "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console); only if they match, "
                     "add this line to %3: %4")
        .arg(key.keyType, key.fingerprintSha256, knownHostsFile, line);
}

int runProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Probes every host of an inventory over SSH with the read-only probe bundle (one channel, one round "
        "trip per host) and reports the findings like analyze.\n\nExit status: 0 no finding at or above "
        "--fail-on and every host probed; 1 such a finding on some host; 2 a host could not be probed "
        "(unreachable, auth-failed, host-key-unknown, host-key-changed, host-key-revoked, timeout, error), "
        "the inventory had errors, or the options were wrong. 2 wins over 1."));
    const SshCliOptions sshCli;
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"),
        CliTr::tr("Hosts to probe: one host a line ([user@]host[:port] "
                  "[tag ...]), an Ansible INI inventory or an ssh config."),
        QStringLiteral("file"));
    const QCommandLineOption formatOption(QStringLiteral("inventory-format"),
                                          CliTr::tr("auto, simple, ansible or ssh-config (default: auto)."),
                                          QStringLiteral("format"), QStringLiteral("auto"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               CliTr::tr("Hosts probed at the same time (default: 32)."),
                                               QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption connectTimeoutOption(QStringLiteral("connect-timeout"),
                                                  CliTr::tr("Seconds to connect and log in (default: 10)."),
                                                  QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption commandTimeoutOption(QStringLiteral("command-timeout"),
                                                  CliTr::tr("Seconds for the whole bundle (default: 60)."),
                                                  QStringLiteral("s"), QStringLiteral("60"));
    const ReportCliOptions reportOptions;
    const QCommandLineOption saveOption(
        QStringLiteral("save"), CliTr::tr("Also write each host's capture to DIR/<host>/ (read by analyze)."),
        QStringLiteral("dir"));
    const QCommandLineOption failOnOption(
        QStringLiteral("fail-on"),
        CliTr::tr("Exit with status 1 when a finding of at least this severity exists: info, warning or "
                  "critical (default: critical)."),
        QStringLiteral("severity"), QStringLiteral("critical"));
    const QCommandLineOption sudoOption(
        QStringLiteral("sudo"), CliTr::tr("Non-root users: read root-only probes through \"sudo -n\"."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           CliTr::tr("Also print the SSH layer's diagnostics on stderr."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        CliTr::tr("Language of the report: zh_CN or en."),
                                        QStringLiteral("language"));
    QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                    QStringLiteral("benchmark: sweeps in one process"), QStringLiteral("n"),
                                    QStringLiteral("1"));
    repeatOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // benchmark: sweeps after the first run every probe instead of a refresh on the kept probe shells
    QCommandLineOption fullOption(QStringLiteral("full"), QStringLiteral("benchmark: no refresh sweeps"));
    fullOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CliTr::tr("Show this help."));
    parser.addOptions({inventoryOption, formatOption, concurrencyOption, connectTimeoutOption,
                       commandTimeoutOption, saveOption, failOnOption, sudoOption, verboseOption, langOption,
                       repeatOption, fullOption, helpOption});
    parser.addOptions(sshCli.all());
    parser.addOptions(reportOptions.all());

    if (const std::optional<int> end = parseArguments(parser, args, helpOption))
        return *end;
    if (!parser.isSet(inventoryOption) || !parser.positionalArguments().isEmpty()) {
        err() << CliTr::tr("probe needs --inventory FILE and no other arguments.") << '\n'
              << parser.helpText();
        return ExitError;
    }
    if (!parser.isSet(verboseOption)) {
        // Each host's status line already says what went wrong; QT_LOGGING_RULES still overrides this.
        QLoggingCategory::setFilterRules(
            QStringLiteral("layerwatch.ssh.debug=false\nlayerwatch.ssh.info=false\n"
                           "layerwatch.ssh.warning=false"));
    }
    const std::optional<ReportFormat> reportFormat = reportOptions.chosen(parser);
    if (!reportFormat)
        return ExitError;
    const std::optional<Severity> failOn = severityFromName(parser.value(failOnOption));
    if (!failOn) {
        err() << CliTr::tr("Invalid --fail-on value \"%1\": use info, warning or critical.")
                     .arg(parser.value(failOnOption))
              << '\n';
        return ExitError;
    }
    bool ok = false;
    const int concurrency = parser.value(concurrencyOption).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 1024) {
        err()
            << CliTr::tr("Invalid --concurrency \"%1\": use 1 to 1024.").arg(parser.value(concurrencyOption))
            << '\n';
        return ExitError;
    }
    const int repeat = parser.value(repeatOption).toInt(&ok);
    if (!ok || repeat < 1 || repeat > 100) {
        err() << CliTr::tr("Invalid --repeat \"%1\".").arg(parser.value(repeatOption)) << '\n';
        return ExitError;
    }
    ssh::SshOptions options;
    if (!parseSeconds(parser.value(connectTimeoutOption), &options.connectTimeoutMs) ||
        !parseSeconds(parser.value(commandTimeoutOption), &options.commandTimeoutMs)) {
        err() << CliTr::tr("Invalid timeout: give seconds greater than 0.") << '\n';
        return ExitError;
    }
    options.hostDeadlineMs =
        options.connectTimeoutMs * (options.connectRetries + 1) + options.commandTimeoutMs + 10000;
    options.maxConcurrent = concurrency;
    sshCli.applyTo(parser, &options);

    InventoryFormat format = InventoryFormat::Auto;
    const QString formatName = parser.value(formatOption);
    if (formatName == QLatin1String("simple"))
        format = InventoryFormat::Simple;
    else if (formatName == QLatin1String("ansible"))
        format = InventoryFormat::Ansible;
    else if (formatName == QLatin1String("ssh-config"))
        format = InventoryFormat::SshConfig;
    else if (formatName != QLatin1String("auto")) {
        err() << CliTr::tr("Invalid --inventory-format \"%1\".").arg(formatName) << '\n';
        return ExitError;
    }
    const QString inventoryPath = parser.value(inventoryOption);
    QString readError;
    const Inventory inventory = readInventoryFile(inventoryPath, format, &readError);
    if (!readError.isEmpty()) {
        err() << CliTr::tr("Cannot read the inventory %1: %2").arg(inventoryPath, readError) << '\n';
        return ExitError;
    }
    for (const QList<ParseError> *list : {&inventory.errors, &inventory.notes}) {
        for (const ParseError &error : *list)
            err() << escapeControlCharacters(
                         CliTr::tr("%1:%2: %3").arg(inventoryPath).arg(error.line).arg(error.message))
                  << '\n';
    }
    if (inventory.hosts.isEmpty()) {
        err() << CliTr::tr("The inventory %1 names no host.").arg(inventoryPath) << '\n';
        return ExitError;
    }

    const QList<SweepHost> hosts = sweepHostsFromInventory(inventory);
    QHash<QString, qsizetype> order;
    for (qsizetype i = 0; i < hosts.size(); ++i)
        order.insert(hosts.at(i).target.name, i);

    const QString knownHostsShown = options.userKnownHostsFile();
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options, &credentials);
    ProbeSweep sweep(&pool);
    sweep.setUseSudo(parser.isSet(sudoOption));
    sweep.setFullProbe(parser.isSet(fullOption));
    sweep.setBatchIntervalMs(10); // no view to spare here: results (and the end of a sweep) without delay
    const bool showProgress = isatty(STDERR_FILENO);
    const bool json = *reportFormat == ReportFormat::Json;
    // HTML opens with the fleet's summary, so it is written at the end; so is a report to a file (--output,
    // whole or not at all). Text, JSON and CSV to stdout stream as before.
    const QString outputFile = parser.value(reportOptions.output);
    QByteArray buffered;
    HtmlReportWriter html;
    std::function<void(QByteArrayView)> sink = writeStdout;
    if (!outputFile.isEmpty())
        sink = [&buffered](QByteArrayView bytes) { buffered += bytes; };
    const QString saveDir = parser.isSet(saveOption) ? parser.value(saveOption) : QString();
    // Each host of the last round is reported (and its capture saved) as it comes, and its snapshot is
    // dropped then: a fleet of thousands does not hold thousands of parsed mount tables until the end.
    struct Rendered
    {
        QByteArray json;
        QString text;
        QByteArray csv;
        std::optional<HostReport> report; // HTML only: the summary needs each host in inventory order
        QString messages;                 // for stderr, in inventory order at the end
        bool failed = false;
        bool failing = false;
    };
    // Each host is printed as soon as every host before it in the inventory is (stdout only: stderr's
    // messages come at the end, in order, as before): only hosts waiting for an earlier, slower one are held.
    // Not while a progress line shares the terminal with it: then all of it comes at the end.
    const bool streamOut = !(showProgress && isatty(STDOUT_FILENO)) && outputFile.isEmpty();
    // A reader that goes away early (`| head`) must not kill the sweep half way: the rest is still probed
    // and saved (--save), and the failed write is reported at the end.
    std::signal(SIGPIPE, SIG_IGN);
    JsonReportWriter jsonOut(sink);
    if (*reportFormat == ReportFormat::Csv)
        sink(csvReportHeader());
    std::multimap<qsizetype, Rendered> waiting; // by the host's place in the inventory (a name twice: both)
    qsizetype nextPlace = 0;
    bool failing = false;
    bool probeFailed = !inventory.errors.isEmpty();
    QString messages;
    auto emitHost = [&](const Rendered &r) {
        messages += r.messages;
        probeFailed = probeFailed || r.failed;
        failing = failing || r.failing;
        switch (*reportFormat) {
        case ReportFormat::Json:
            jsonOut.addHost(r.json);
            break;
        case ReportFormat::Text:
            if (outputFile.isEmpty())
                out() << r.text;
            else
                sink(r.text.toUtf8());
            break;
        case ReportFormat::Csv:
            sink(r.csv);
            break;
        case ReportFormat::Html:
            html.addHost(*r.report);
            break;
        }
    };
    // Prints the waiting hosts that are next in order (all of them: at the end, whatever is missing).
    auto emitReady = [&](bool all) {
        while (!waiting.empty() && (all || waiting.begin()->first == nextPlace)) {
            nextPlace = waiting.begin()->first + 1;
            emitHost(waiting.begin()->second);
            waiting.erase(waiting.begin());
        }
    };
    bool lastRound = false;
    auto render = [&](const HostResult &result) {
        Rendered r;
        HostReport report;
        report.host = result.target.name;
        report.status = result.status;
        if (result.sshStatus == ssh::SshStatus::HostKeyUnknown ||
            result.sshStatus == ssh::SshStatus::HostKeyChanged ||
            result.sshStatus == ssh::SshStatus::HostKeyRevoked) {
            report.error = hostKeyAdvice(result, knownHostsShown);
            r.messages += escapeControlCharacters(result.target.name + QLatin1String(": ") + report.error) +
                          QLatin1Char('\n');
        } else {
            report.error = result.message;
        }
        r.failed = !result.isOk();
        if (result.snapshot)
            report.snapshot = *result.snapshot;
        if (result.analysis) {
            report.analysis = *result.analysis;
            if (const auto worst = report.analysis.worstSeverity(); worst && int(*worst) >= int(*failOn))
                r.failing = true;
        }
        if (!saveDir.isEmpty() && result.snapshot) {
            QString error;
            const QString dir = QDir(saveDir).filePath(result.target.name);
            if (!QDir().mkpath(saveDir) || !writeCapture(result.capture, dir, &error)) {
                r.messages += escapeControlCharacters(CliTr::tr("Cannot save the capture of %1 to %2: %3")
                                                          .arg(result.target.name, dir, error)) +
                              QLatin1Char('\n');
                r.failed = true;
            }
        }
        switch (*reportFormat) {
        case ReportFormat::Json:
            r.json = hostReportJsonBytes(report);
            break;
        case ReportFormat::Text:
            r.text = hostTextReport(report);
            break;
        case ReportFormat::Csv:
            r.csv = csvHostRows(report);
            break;
        case ReportFormat::Html:
            r.report = std::move(report);
            break;
        }
        return r;
    };
    QObject::connect(&sweep, &ProbeSweep::resultsReady, &sweep, [&](const QList<HostResult> &batch) {
        if (!lastRound)
            return;
        for (const HostResult &result : batch)
            waiting.emplace(order.value(result.target.name), render(result));
        if (streamOut) {
            emitReady(false);
            out().flush();
            std::fflush(stdout); // each batch whole to a pipe now, not when stdio's buffer fills
        }
    });
    if (showProgress) {
        QObject::connect(&sweep, &ProbeSweep::progress, &sweep, [](int done, int failed, int total) {
            err() << '\r' << CliTr::tr("probed %1/%2 hosts, %3 failed").arg(done).arg(total).arg(failed);
            err().flush();
        });
    }
    for (int round = 1; round <= repeat; ++round) {
        lastRound = round == repeat;
        // One sweep: each session closes when its host is done (its memory serves the next hosts). More
        // (--repeat, the GUI's refreshes measured): kept to the end, as the console keeps them.
        sweep.setKeepConnections(repeat > 1);
        QElapsedTimer wall;
        wall.start();
        sweep.start(hosts);
        sweep.waitForFinished(-1);
        if (showProgress)
            err() << '\n';
        if (repeat > 1)
            err() << QStringLiteral("sweep %1: %2 ms\n").arg(round).arg(wall.elapsed());
    }

    emitReady(true);
    if (json)
        jsonOut.finish();
    if (*reportFormat == ReportFormat::Html)
        sink(html.finish());
    out().flush();
    bool reportWritten = true;
    if (!outputFile.isEmpty())
        reportWritten = writeReportFile(outputFile, buffered);
    reportWritten = std::fflush(stdout) == 0 && !std::ferror(stdout) && reportWritten;
    const int writeError = errno; // of the failed write (stdio keeps no errno of its own)
    err() << messages;
    if (!reportWritten && outputFile.isEmpty())
        err() << CliTr::tr("Cannot write the report to the standard output: %1\n")
                     .arg(QString::fromLocal8Bit(std::strerror(writeError)));
    err().flush();
    if (probeFailed || !reportWritten)
        return ExitError;
    return failing ? ExitFindings : ExitOk;
}

QString probeSummary()
{
    return CliTr::tr("Probe hosts over SSH (read-only) and report findings");
}

const CliCommandRegistration registration({"probe", probeSummary, runProbe});

} // namespace
} // namespace lw::cli
