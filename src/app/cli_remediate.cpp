// layerwatch-cli remediate: probes the hosts (read-only), plans a reviewed repair script per host, and
// only with --yes runs it as a supervised batch (canary, batches, failure limits, audit log).
#include "cli_commands.h"
#include "cli_sshoptions.h"

#include "auditlog.h"
#include "batchrunner.h"
#include "credentials.h"
#include "inventory.h"
#include "probesweep.h"
#include "remediation.h"
#include "sshpool.h"
#include "textescape.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <csignal>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

namespace lw::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted = true;
    // A second Ctrl-C ends the program at once (the remote process groups may then outlive it).
    std::signal(SIGINT, SIG_DFL);
}

// Prints a host's live output line by line, each line prefixed with the host (stderr lines marked "!").
class LivePrinter
{
public:
    explicit LivePrinter(QTextStream &stream) : m_stream(stream) {}
    void add(const QString &host, ssh::OutputStream stream, const QByteArray &bytes)
    {
        QByteArray &buffer = m_partial[key(host, stream)];
        buffer += bytes;
        // Whole lines out, the rest moved to the front once (not once per line).
        qsizetype start = 0;
        qsizetype nl;
        while ((nl = buffer.indexOf('\n', start)) >= 0) {
            print(host, stream, buffer.sliced(start, nl - start));
            start = nl + 1;
        }
        buffer.remove(0, start);
    }
    void flush(const QString &host)
    {
        for (ssh::OutputStream s : {ssh::OutputStream::Stdout, ssh::OutputStream::Stderr}) {
            QByteArray &buffer = m_partial[key(host, s)];
            if (!buffer.isEmpty())
                print(host, s, buffer);
            buffer.clear();
        }
    }

private:
    static QString key(const QString &host, ssh::OutputStream s)
    {
        return host + (s == ssh::OutputStream::Stderr ? QStringLiteral("\x01e") : QStringLiteral("\x01o"));
    }
    void print(const QString &host, ssh::OutputStream s, const QByteArray &line)
    {
        // Remote bytes are data: every control character is shown escaped (\x1b, \r, ...).
        m_stream << '[' << escapeControlCharacters(host) << (s == ssh::OutputStream::Stderr ? "] ! " : "]   ")
                 << escapeControlCharacters(QString::fromUtf8(line)) << '\n';
        m_stream.flush();
    }
    QTextStream &m_stream;
    QHash<QString, QByteArray> m_partial;
};

QJsonObject planJson(const RemediationPlan &plan)
{
    QJsonObject o{{QStringLiteral("host"), plan.host}, {QStringLiteral("valid"), plan.isValid()}};
    if (!plan.isValid())
        o.insert(QStringLiteral("error"), plan.error);
    o.insert(QStringLiteral("steps"), QJsonArray::fromStringList(plan.steps));
    QJsonArray covers;
    for (const QString &path : plan.values(QStringLiteral("cover-path")))
        covers.append(path);
    if (!covers.isEmpty())
        o.insert(QStringLiteral("unmountOrder"), covers);
    return o;
}

QJsonObject originJson(const RemediationScript &script)
{
    const RemediationOrigin &o = script.origin;
    return {{QStringLiteral("directory"), o.directory},
            {QStringLiteral("manifestSha256"), o.manifestSha256},
            {QStringLiteral("trust"), catalogTrustName(o.trust)},
            {QStringLiteral("trustedBy"), o.trustedBy},
            {QStringLiteral("builtInScriptSha256"), o.builtInScriptSha256},
            {QStringLiteral("differsFromBuiltIn"), o.builtInScriptSha256 != script.sha256}};
}

// The remediate command's run, step by step: options, the script, the hosts, then 1. probe, 2. plan,
// 3. approval and the batch, 4. the summary. Each step returns an exit status to stop with, or nothing to
// go on; what the steps share is kept here.
class RemediateCommand
{
public:
    RemediateCommand();
    ~RemediateCommand();
    int run(const QStringList &args);

private:
    using Step = std::optional<int>; // an exit status ends the command; nullopt: the next step
    Step parseOptions(const QStringList &args);
    Step loadScript();
    Step loadHosts();
    Step probe();
    Step plan();
    Step runBatch();
    int summarize();
    void watchInterrupts();
    QJsonObject plansOnly() const;

    QCommandLineParser parser;
    const SshCliOptions sshCli;
    const CatalogCliOptions catalogCli;
    QCommandLineOption scriptOption{QStringLiteral("script")};
    QCommandLineOption inventoryOption{QStringLiteral("inventory")};
    QCommandLineOption canaryOption{QStringLiteral("canary")};
    QCommandLineOption batchOption{QStringLiteral("batch-size")};
    QCommandLineOption maxFailuresOption{QStringLiteral("max-failures")};
    QCommandLineOption maxPercentOption{QStringLiteral("max-failure-percent")};
    QCommandLineOption dryRunOption{QStringLiteral("dry-run")};
    QCommandLineOption yesOption{QStringLiteral("yes")};
    QCommandLineOption confirmOption{QStringLiteral("confirm-hosts")};
    QCommandLineOption paramOption{QStringLiteral("param")};
    QCommandLineOption auditOption{QStringLiteral("audit-log")};
    QCommandLineOption timeoutOption{QStringLiteral("timeout")};
    QCommandLineOption connectTimeoutOption{QStringLiteral("connect-timeout")};
    QCommandLineOption jsonOption{QStringLiteral("json")};
    QCommandLineOption langOption{QStringLiteral("lang")};
    QCommandLineOption helpOption{QStringLiteral("help")};

    RolloutOptions rollout;
    int connectSeconds = 10;
    bool json = false;
    QTextStream *live = nullptr;
    RemediationCatalog catalog;
    QString scriptId;
    const RemediationScript *script = nullptr;
    QMap<QString, QString> values;
    QList<SweepHost> sweepHosts;
    ssh::NonInteractiveCredentials credentials;
    std::unique_ptr<ssh::SshPool> pool;

    // Ctrl-C: during the probe it stops (nothing was changed); during the batch it cancels the batch.
    bool interruptsWatched = false;
    struct sigaction previousAction = {};
    std::function<void()> interruptAction;
    QTimer interruptPoll;

    QList<BatchHost> hosts;
    QStringList unprobed;
    QList<RemediationPlan> plans;
    QJsonArray plansJson;
    int runnable = 0;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<BatchRunner> runner;
};

RemediateCommand::RemediateCommand()
{
    parser.setApplicationDescription(CliTr::tr(
        "Plans a reviewed repair script for every host of an inventory from the hosts' own probe results "
        "(probed first, read-only) and prints the plan. Only with --yes does it run the script, as a "
        "supervised batch: the canary host(s) first, then batches, stopping at the failure limit; each "
        "host is re-probed afterwards to verify the finding is gone. Every step is written to the audit "
        "log. Ctrl-C cancels: running scripts are ended on their hosts, the rest is skipped.\n\nExit "
        "status: 0 every host verified (or, without --yes, the plan was printed); 1 some host failed, was "
        "not fixed, refused, skipped or cancelled; 2 errors (options, a script that is not the reviewed "
        "one, a missing approval, hosts that could not be probed, an unknown outcome)."));
    scriptOption = QCommandLineOption(QStringLiteral("script"), CliTr::tr("The repair script's ID."),
                                      QStringLiteral("id"));
    inventoryOption = QCommandLineOption(QStringLiteral("inventory"), CliTr::tr("Hosts, as for probe."),
                                         QStringLiteral("file"));
    canaryOption =
        QCommandLineOption(QStringLiteral("canary"), CliTr::tr("Hosts run first, alone (default: 1)."),
                           QStringLiteral("n"), QStringLiteral("1"));
    batchOption = QCommandLineOption(QStringLiteral("batch-size"),
                                     CliTr::tr("Hosts run at the same time after the canary (default: 5)."),
                                     QStringLiteral("n"), QStringLiteral("5"));
    maxFailuresOption = QCommandLineOption(QStringLiteral("max-failures"),
                                           CliTr::tr("Stop after this many failed hosts (default: 1)."),
                                           QStringLiteral("k"), QStringLiteral("1"));
    maxPercentOption =
        QCommandLineOption(QStringLiteral("max-failure-percent"),
                           CliTr::tr("Stop when this percentage of the hosts failed (default: no limit)."),
                           QStringLiteral("p"), QStringLiteral("0"));
    dryRunOption = QCommandLineOption(QStringLiteral("dry-run"),
                                      CliTr::tr("Run the script in dry-run mode on each host: it prints what "
                                                "it would do and changes nothing."));
    yesOption = QCommandLineOption(QStringLiteral("yes"), CliTr::tr("Run the batch (approval)."));
    confirmOption = QCommandLineOption(
        QStringLiteral("confirm-hosts"),
        CliTr::tr("With --yes and more than 3 hosts to change: their number, as a typed confirmation."),
        QStringLiteral("n"));
    paramOption = QCommandLineOption(QStringLiteral("param"),
                                     CliTr::tr("An operator parameter of the script (repeatable)."),
                                     QStringLiteral("name=value"));
    auditOption = QCommandLineOption(QStringLiteral("audit-log"),
                                     CliTr::tr("Audit log file (default: %1).").arg(AuditLog::defaultPath()),
                                     QStringLiteral("file"));
    timeoutOption = QCommandLineOption(
        QStringLiteral("timeout"),
        CliTr::tr("Seconds a script may run on a host, at most the manifest's (default: the manifest's)."),
        QStringLiteral("s"));
    connectTimeoutOption = QCommandLineOption(QStringLiteral("connect-timeout"),
                                              CliTr::tr("Seconds to connect and log in (default: 10)."),
                                              QStringLiteral("s"), QStringLiteral("10"));
    jsonOption = QCommandLineOption(
        QStringLiteral("json"), CliTr::tr("Print the plans and results as JSON (live output on stderr)."));
    langOption = QCommandLineOption(QStringLiteral("lang"), CliTr::tr("Language: zh_CN or en."),
                                    QStringLiteral("language"));
    helpOption =
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, CliTr::tr("Show this help."));
    parser.addOptions({scriptOption, inventoryOption, canaryOption, batchOption, maxFailuresOption,
                       maxPercentOption, dryRunOption, yesOption, confirmOption, paramOption, auditOption,
                       timeoutOption, connectTimeoutOption, jsonOption, langOption, helpOption});
    parser.addOptions(sshCli.all());
    parser.addOptions(catalogCli.all());
}

RemediateCommand::~RemediateCommand()
{
    if (interruptsWatched)
        sigaction(SIGINT, &previousAction, nullptr);
}

int RemediateCommand::run(const QStringList &args)
{
    if (const Step end = parseOptions(args))
        return *end;
    if (const Step end = loadScript())
        return *end;
    if (const Step end = loadHosts())
        return *end;
    watchInterrupts();
    if (const Step end = probe())
        return *end;
    if (const Step end = plan())
        return *end;
    if (const Step end = runBatch())
        return *end;
    return summarize();
}

RemediateCommand::Step RemediateCommand::parseOptions(const QStringList &args)
{
    if (const std::optional<int> end = parseArguments(parser, args, helpOption))
        return *end;
    if (!parser.isSet(scriptOption) || !parser.isSet(inventoryOption) ||
        !parser.positionalArguments().isEmpty()) {
        err() << CliTr::tr("remediate needs --script ID and --inventory FILE and no other arguments.") << '\n'
              << parser.helpText();
        return ExitError;
    }

    if (!parseCount(parser.value(canaryOption), 0, 1000, &rollout.canaryCount) ||
        !parseCount(parser.value(batchOption), 1, 1000, &rollout.batchSize) ||
        !parseCount(parser.value(maxFailuresOption), 0, 100000, &rollout.maxFailures) ||
        !parseCount(parser.value(connectTimeoutOption), 1, 600, &connectSeconds)) {
        err() << CliTr::tr(
                     "Invalid --canary, --batch-size, --max-failures or --connect-timeout: give a whole "
                     "number in range.")
              << '\n';
        return ExitError;
    }
    bool ok = false;
    rollout.maxFailurePercent = parser.value(maxPercentOption).toDouble(&ok);
    if (!ok || !std::isfinite(rollout.maxFailurePercent) || rollout.maxFailurePercent < 0 ||
        rollout.maxFailurePercent > 100) {
        err() << CliTr::tr("Invalid --max-failure-percent: use 0 to 100.") << '\n';
        return ExitError;
    }
    if (parser.isSet(timeoutOption) &&
        !parseCount(parser.value(timeoutOption), 1, 86400, &rollout.timeoutSec)) {
        err() << CliTr::tr("Invalid --timeout: give seconds.") << '\n';
        return ExitError;
    }
    rollout.dryRun = parser.isSet(dryRunOption);
    json = parser.isSet(jsonOption);
    live = json ? &err() : &out();

    return std::nullopt;
}

// The script first: a script that is not the reviewed one is refused before any host is touched.
RemediateCommand::Step RemediateCommand::loadScript()
{
    catalog = catalogCli.load(parser);
    scriptId = parser.value(scriptOption);
    script = findScript(catalog, scriptId);
    if (!script)
        return ExitError;
    if (!script->verified) {
        err() << CliTr::tr("Refused: %1").arg(escapeControlCharacters(script->refusal)) << '\n';
        for (const QString &line : describeRemediationOrigin(*script))
            err() << escapeControlCharacters(line) << '\n';
        return ExitError;
    }
    const std::optional<QMap<QString, QString>> given = operatorValues(*script, parser.values(paramOption));
    if (!given)
        return ExitError;
    values = *given;

    return std::nullopt;
}

RemediateCommand::Step RemediateCommand::loadHosts()
{
    const QString inventoryPath = parser.value(inventoryOption);
    QString readError;
    const Inventory inventory = readInventoryFile(inventoryPath, InventoryFormat::Auto, &readError);
    if (!readError.isEmpty()) {
        err() << CliTr::tr("Cannot read the inventory %1: %2").arg(inventoryPath, readError) << '\n';
        return ExitError;
    }
    for (const QList<ParseError> *list : {&inventory.errors, &inventory.notes}) {
        for (const ParseError &e : *list)
            err() << escapeControlCharacters(
                         CliTr::tr("%1:%2: %3").arg(inventoryPath).arg(e.line).arg(e.message))
                  << '\n';
    }
    if (inventory.hosts.isEmpty() || !inventory.errors.isEmpty()) {
        err() << CliTr::tr("The inventory must name hosts and have no errors.") << '\n';
        return ExitError;
    }
    sweepHosts = sweepHostsFromInventory(inventory);

    ssh::SshOptions options;
    options.connectTimeoutMs = connectSeconds * 1000;
    options.commandTimeoutMs = 120000;
    const int scriptSeconds =
        rollout.timeoutSec > 0 ? std::min(rollout.timeoutSec, script->timeoutSec) : script->timeoutSec;
    options.hostDeadlineMs = options.connectTimeoutMs * (options.connectRetries + 1) +
                             std::max(options.commandTimeoutMs, (scriptSeconds + 60) * 1000);
    sshCli.applyTo(parser, &options);
    options.maxConcurrent = std::max(rollout.batchSize, std::max(rollout.canaryCount, 8));
    pool = std::make_unique<ssh::SshPool>(options, &credentials);

    return std::nullopt;
}

// Ctrl-C: during the probe it stops (nothing was changed); during the batch it cancels the batch.
void RemediateCommand::watchInterrupts()
{
    g_interrupted = false;
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previousAction);
    interruptsWatched = true;
    QObject::connect(&interruptPoll, &QTimer::timeout, &interruptPoll, [this] {
        if (!g_interrupted)
            return;
        interruptPoll.stop();
        if (interruptAction)
            interruptAction();
    });
    interruptPoll.start(100);
}

RemediateCommand::Step RemediateCommand::probe()
{
    // 1. Probe (read-only): the plans are made from each host's own mount table and files.
    ProbeSweep sweep(pool.get());
    QHash<QString, HostResult> probed;
    QObject::connect(&sweep, &ProbeSweep::resultsReady, &sweep, [&probed](const QList<HostResult> &batch) {
        for (const HostResult &r : batch)
            probed.insert(r.target.name, r);
    });
    interruptAction = [&sweep] {
        err() << CliTr::tr("Interrupted while probing: nothing was changed.") << '\n';
        sweep.cancel();
    };
    sweep.start(sweepHosts);
    sweep.waitForFinished(-1);
    interruptAction = nullptr;
    if (g_interrupted)
        return ExitError;
    for (const SweepHost &s : std::as_const(sweepHosts)) {
        const HostResult r = probed.value(s.target.name);
        if (!r.snapshot) {
            err() << CliTr::tr("%1: not probed (%2): %3")
                         .arg(escapeControlCharacters(s.target.name), hostStatusName(r.status),
                              escapeControlCharacters(r.message))
                  << '\n';
            unprobed << s.target.name;
            continue;
        }
        if (!r.isOk())
            err() << CliTr::tr("%1: probe incomplete (%2): %3")
                         .arg(escapeControlCharacters(s.target.name), hostStatusName(r.status),
                              escapeControlCharacters(r.message))
                  << '\n';
        hosts.append({s.target, *r.snapshot});
    }

    return std::nullopt;
}

QJsonObject RemediateCommand::plansOnly() const
{
    return {{QStringLiteral("script"), script->id},
            {QStringLiteral("scriptSha256"), script->sha256},
            {QStringLiteral("catalog"), originJson(*script)},
            {QStringLiteral("plans"), plansJson}};
}

RemediateCommand::Step RemediateCommand::plan()
{
    // 2. Plan.
    plans = BatchRunner::planAll(*script, hosts, values);
    runnable = 0;
    for (const RemediationPlan &plan : plans)
        runnable += plan.isValid() ? 1 : 0;
    plansJson = QJsonArray();
    if (!json) {
        out() << CliTr::tr("Script %1 (%2), SHA-256 %3").arg(script->id, script->title(), script->sha256)
              << '\n'
              << CliTr::tr("Risk: %1").arg(script->risk()) << '\n';
        for (const QString &line : describeRemediationOrigin(*script))
            out() << escapeControlCharacters(line) << '\n';
    }
    for (const RemediationPlan &plan : plans) {
        plansJson.append(planJson(plan));
        if (json)
            continue;
        // The text the operator approves: a value from the host (a mount point with a newline or an ESC
        // sequence) is shown escaped, never as a second line or a terminal command. planJson keeps it exact.
        out() << '\n' << escapeControlCharacters(plan.host) << ": ";
        if (!plan.isValid()) {
            out() << CliTr::tr("no plan: %1").arg(escapeControlCharacters(plan.error)) << '\n';
            continue;
        }
        out() << CliTr::tr("plan") << '\n';
        for (int i = 0; i < plan.steps.size(); ++i)
            out() << "  " << (i + 1) << ". " << escapeControlCharacters(plan.steps.at(i)) << '\n';
    }
    if (!json) {
        out() << '\n'
              << CliTr::tr("%1 of %2 host(s) have a plan; plan digest %3.")
                     .arg(runnable)
                     .arg(sweepHosts.size())
                     .arg(BatchRunner::planDigest(plans))
              << '\n';
        out().flush();
    }
    if (!parser.isSet(yesOption) && !rollout.dryRun) {
        if (json)
            out() << QJsonDocument(plansOnly()).toJson();
        else
            out() << CliTr::tr(
                         "Nothing was changed. Add --dry-run to see each host's dry run, --yes to run it.")
                  << '\n';
        return unprobed.isEmpty() ? ExitOk : ExitError;
    }
    if (runnable == 0) {
        err() << CliTr::tr("No host has a valid plan: nothing to run.") << '\n';
        if (json)
            out() << QJsonDocument(plansOnly()).toJson();
        return parser.isSet(yesOption) || !unprobed.isEmpty() ? ExitError : ExitOk;
    }

    return std::nullopt;
}

RemediateCommand::Step RemediateCommand::runBatch()
{
    // 3. Approval and the supervised batch (a dry run without --yes changes nothing: approved as such).
    Approval approval;
    approval.approvedBy = localUserName();
    approval.approvedHostCount = runnable;
    if (parser.isSet(yesOption)) {
        approval.how = QStringLiteral("--yes");
        if (parser.isSet(confirmOption)) {
            if (!parseCount(parser.value(confirmOption), 0, 1000000, &approval.typedHostCount)) {
                err() << CliTr::tr("Invalid --confirm-hosts.") << '\n';
                return ExitError;
            }
        }
        if (!rollout.dryRun && runnable > 3 && approval.typedHostCount != runnable) {
            err() << CliTr::tr("This changes %1 hosts: confirm with --confirm-hosts %1.").arg(runnable)
                  << '\n';
            return ExitError;
        }
    } else {
        approval.how = QStringLiteral("dry-run without --yes");
    }
    audit = std::make_unique<AuditLog>(parser.value(auditOption));
    runner = std::make_unique<BatchRunner>(pool.get(), audit.get());
    QTextStream &live = *this->live;
    LivePrinter printer(live);
    QObject::connect(runner.get(), &BatchRunner::hostOutput, runner.get(),
                     [&printer](const QString &host, ssh::OutputStream s, const QByteArray &b) {
                         printer.add(host, s, b);
                     });
    QObject::connect(runner.get(), &BatchRunner::hostStateChanged, runner.get(),
                     [&live, &printer](const QString &host, HostRunState state, const QString &message) {
                         if (state == HostRunState::Pending || state == HostRunState::Planning)
                             return;
                         if (isFinalHostRunState(state))
                             printer.flush(host);
                         live << "== " << escapeControlCharacters(host) << ": " << hostRunStateName(state);
                         if (!message.isEmpty())
                             live << " - " << escapeControlCharacters(message.trimmed());
                         live << '\n';
                         live.flush();
                     });
    QObject::connect(runner.get(), &BatchRunner::auditError, runner.get(), [](const QString &message) {
        err() << CliTr::tr("Audit log: %1").arg(message) << '\n';
    });
    // The printer and the stream are this step's: nothing may reach them once it is over, however it ends.
    const auto disconnect =
        qScopeGuard([this] { QObject::disconnect(runner.get(), nullptr, nullptr, nullptr); });
    QString error;
    if (!runner->start(catalog, scriptId, hosts, values, rollout, approval, &error)) {
        err() << CliTr::tr("Refused: %1").arg(escapeControlCharacters(error)) << '\n';
        return ExitError;
    }
    interruptAction = [this] {
        err() << CliTr::tr("Interrupted: cancelling; running scripts are being ended on their hosts.")
              << '\n';
        runner->cancel();
    };
    if (g_interrupted)
        interruptPoll.start(0);
    runner->waitForFinished(-1);
    interruptPoll.stop();
    interruptAction = nullptr;
    return std::nullopt;
}

int RemediateCommand::summarize()
{
    // 4. Summary.
    const QList<HostRunResult> results = runner->results();
    const BatchSummary summary = runner->summary();
    bool allGood = unprobed.isEmpty();
    bool unknown = !unprobed.isEmpty();
    QJsonArray resultsJson;
    for (const HostRunResult &r : results) {
        const bool good =
            rollout.dryRun ? r.state == HostRunState::Succeeded : r.state == HostRunState::Verified;
        allGood = allGood && good;
        unknown = unknown || r.state == HostRunState::OutcomeUnknown;
        QJsonObject o{{QStringLiteral("host"), r.host},
                      {QStringLiteral("state"), hostRunStateName(r.state)},
                      {QStringLiteral("canary"), r.canary},
                      {QStringLiteral("durationMs"), r.durationMs},
                      {QStringLiteral("message"), r.message.trimmed()},
                      {QStringLiteral("outputSha256"), r.outputSha256}};
        if (r.exitKnown)
            o.insert(QStringLiteral("exitStatus"), r.exitStatus);
        if (!r.verification.isEmpty())
            o.insert(QStringLiteral("verification"), r.verification);
        resultsJson.append(o);
    }
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("script"), script->id},
                                           {QStringLiteral("scriptSha256"), script->sha256},
                                           {QStringLiteral("catalog"), originJson(*script)},
                                           {QStringLiteral("mode"), rollout.dryRun ? QStringLiteral("dry-run")
                                                                                   : QStringLiteral("run")},
                                           {QStringLiteral("batch"), runner->batchId()},
                                           {QStringLiteral("auditLog"), audit->path()},
                                           {QStringLiteral("cancelled"), summary.cancelled},
                                           {QStringLiteral("plans"), plansJson},
                                           {QStringLiteral("results"), resultsJson}})
                     .toJson();
    } else {
        out() << '\n' << CliTr::tr("Summary (batch %1):").arg(runner->batchId()) << '\n';
        for (const HostRunResult &r : results) {
            out() << "  " << escapeControlCharacters(r.host) << "  " << hostRunStateName(r.state);
            if (r.exitKnown)
                out() << "  " << CliTr::tr("exit %1").arg(r.exitStatus);
            if (r.durationMs > 0)
                out() << "  " << CliTr::tr("%1 s").arg(r.durationMs / 1000.0, 0, 'f', 1);
            if (!r.message.isEmpty())
                out() << "  " << escapeControlCharacters(r.message.trimmed());
            out() << '\n';
        }
        for (const QString &host : std::as_const(unprobed))
            out() << "  " << escapeControlCharacters(host) << "  " << CliTr::tr("not probed") << '\n';
        if (summary.cancelled)
            out() << CliTr::tr("The batch was cancelled.") << '\n';
        if (summary.canaryFailed)
            out() << CliTr::tr("The canary did not succeed: the other hosts were skipped.") << '\n';
        if (summary.stoppedByThreshold)
            out() << CliTr::tr("The batch stopped at its failure limit.") << '\n';
        if (rollout.dryRun)
            out() << CliTr::tr("Dry run: nothing was changed.") << '\n';
        out() << CliTr::tr("Audit log: %1").arg(audit->path()) << '\n';
    }
    out().flush();
    if (unknown)
        return ExitError;
    return allGood ? ExitOk : ExitFindings;
}

int runRemediate(const QStringList &args)
{
    RemediateCommand command;
    return command.run(args);
}

QString remediateSummary()
{
    return CliTr::tr("Plan a reviewed repair script per host and, with --yes, run it as a supervised batch");
}

const CliCommandRegistration registration({"remediate", remediateSummary, runRemediate});

} // namespace
} // namespace lw::cli
