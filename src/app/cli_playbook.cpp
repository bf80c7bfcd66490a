// layerwatch-cli playbook probe|repair: Layerwatch's probes and reviewed repairs as Ansible playbooks.
#include "cli_commands.h"

#include "ansibleplaybook.h"
#include "capture.h"
#include "capturearchive.h"
#include "hostsnapshot.h"
#include "remediation.h"
#include "textescape.h"

#include <QCommandLineParser>
#include <QFile>
#include <QMap>

namespace lw::cli {

namespace {

int runProbePlaybook(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliTr::tr("Writes an Ansible playbook that runs the read-only probe bundle on every host and saves "
                  "each host's output; \"layerwatch-cli analyze DIR/results\" reads them back."));
    const QCommandLineOption outputOption(
        QStringLiteral("output"), CliTr::tr("Directory to write the playbook into."), QStringLiteral("dir"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CliTr::tr("Show this help."));
    parser.addOptions({outputOption, helpOption});
    if (const std::optional<int> end = parseArguments(parser, args, helpOption))
        return *end;
    if (!parser.isSet(outputOption) || !parser.positionalArguments().isEmpty()) {
        err() << CliTr::tr("playbook probe needs --output DIR and no other arguments.") << '\n'
              << parser.helpText();
        return ExitError;
    }
    QFile bundle(QStringLiteral(":/layerwatch/probes/bundle.sh"));
    const QByteArray script = bundle.open(QIODevice::ReadOnly) ? bundle.readAll() : QByteArray();
    QString error;
    if (!writePlaybookExport(exportProbePlaybook(script), parser.value(outputOption), &error)) {
        err() << error << '\n';
        return ExitError;
    }
    out() << CliTr::tr("Wrote %1/probe.yml. Run: ansible-playbook -i INVENTORY %1/probe.yml, then: "
                       "layerwatch-cli analyze %1/results")
                 .arg(parser.value(outputOption))
          << '\n';
    return ExitOk;
}

int runRepairPlaybook(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliTr::tr(
        "Writes an Ansible playbook that runs a reviewed repair script on the hosts of saved captures: the "
        "same script bytes, checked against the reviewed SHA-256 on each host before it runs, each host's "
        "parameters planned from its capture (host variables), the canary hosts first and then batches "
        "(serial, max_fail_percentage) as remediate's options say. Hosts without a valid plan are left out "
        "and named."));
    const QCommandLineOption scriptOption(QStringLiteral("script"), CliTr::tr("The repair script's ID."),
                                          QStringLiteral("id"));
    const QCommandLineOption capturesOption(
        QStringLiteral("captures"),
        CliTr::tr("Saved captures to plan from (probe --save, or the probe playbook's results)."),
        QStringLiteral("dir"));
    const QCommandLineOption outputOption(
        QStringLiteral("output"), CliTr::tr("Directory to write the playbook into."), QStringLiteral("dir"));
    const QCommandLineOption canaryOption(QStringLiteral("canary"),
                                          CliTr::tr("Hosts run first, alone (default: 1)."),
                                          QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch-size"), CliTr::tr("Hosts run at the same time after the canary (default: 5)."),
        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption maxFailuresOption(QStringLiteral("max-failures"),
                                               CliTr::tr("Stop after this many failed hosts (default: 1)."),
                                               QStringLiteral("k"), QStringLiteral("1"));
    const QCommandLineOption maxPercentOption(
        QStringLiteral("max-failure-percent"),
        CliTr::tr("Stop when this percentage of the hosts failed (default: no limit)."), QStringLiteral("p"),
        QStringLiteral("0"));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"), CliTr::tr("Run the script in dry-run mode on each host: it prints what "
                                             "it would do and changes nothing."));
    const QCommandLineOption paramOption(QStringLiteral("param"),
                                         CliTr::tr("An operator parameter of the script (repeatable)."),
                                         QStringLiteral("name=value"));
    const CatalogCliOptions catalogCli;
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CliTr::tr("Show this help."));
    parser.addOptions({scriptOption, capturesOption, outputOption, canaryOption, batchOption,
                       maxFailuresOption, maxPercentOption, dryRunOption, paramOption, helpOption});
    parser.addOptions(catalogCli.all());
    if (const std::optional<int> end = parseArguments(parser, args, helpOption))
        return *end;
    if (!parser.isSet(scriptOption) || !parser.isSet(capturesOption) || !parser.isSet(outputOption) ||
        !parser.positionalArguments().isEmpty()) {
        err() << CliTr::tr("playbook repair needs --script ID, --captures DIR and --output DIR.") << '\n'
              << parser.helpText();
        return ExitError;
    }
    AnsibleRollout rollout;
    if (!parseCount(parser.value(canaryOption), 0, 1000, &rollout.canaryCount) ||
        !parseCount(parser.value(batchOption), 1, 1000, &rollout.batchSize) ||
        !parseCount(parser.value(maxFailuresOption), 0, 100000, &rollout.maxFailures)) {
        err() << CliTr::tr("Invalid --canary, --batch-size or --max-failures: give a whole number in range.")
              << '\n';
        return ExitError;
    }
    bool ok = false;
    rollout.maxFailurePercent = parser.value(maxPercentOption).toDouble(&ok);
    if (!ok || rollout.maxFailurePercent < 0 || rollout.maxFailurePercent > 100) {
        err() << CliTr::tr("Invalid --max-failure-percent: use 0 to 100.") << '\n';
        return ExitError;
    }
    rollout.mode = parser.isSet(dryRunOption) ? RemediationMode::DryRun : RemediationMode::Run;

    const RemediationCatalog catalog = catalogCli.load(parser);
    const QString scriptId = parser.value(scriptOption);
    const RemediationScript *script = findScript(catalog, scriptId);
    if (!script)
        return ExitError;
    const std::optional<QMap<QString, QString>> given = operatorValues(*script, parser.values(paramOption));
    if (!given)
        return ExitError;
    const QMap<QString, QString> values = *given;

    const CaptureSetReadResult captures = readCaptureSource(parser.value(capturesOption));
    for (const QString &warning : captures.warnings)
        err() << CliTr::tr("warning: %1").arg(escapeControlCharacters(warning)) << '\n';
    for (const QString &error : captures.errors)
        err() << CliTr::tr("error: %1").arg(escapeControlCharacters(error)) << '\n';
    QList<RemediationPlan> plans;
    for (const RawCapture &capture : captures.captures) {
        RemediationPlan plan = planRemediation(*script, buildSnapshot(capture), values);
        plan.host = capture.host;
        if (!plan.isValid())
            err() << CliTr::tr("%1: no plan: %2")
                         .arg(escapeControlCharacters(plan.host), escapeControlCharacters(plan.error))
                  << '\n';
        plans.append(plan);
    }
    QString error;
    const PlaybookExport exported = exportRepairPlaybook(catalog, *script, plans, rollout);
    if (!writePlaybookExport(exported, parser.value(outputOption), &error)) {
        err() << error << '\n';
        return ExitError;
    }
    int planned = 0;
    for (const RemediationPlan &plan : std::as_const(plans))
        planned += plan.isValid() ? 1 : 0;
    out() << CliTr::tr("Wrote %1/repair.yml for %2 of %3 host(s). Run: ansible-playbook -i INVENTORY "
                       "%1/repair.yml")
                 .arg(parser.value(outputOption))
                 .arg(planned)
                 .arg(plans.size())
          << '\n';
    return captures.ok() && planned == plans.size() ? ExitOk : ExitFindings;
}

int runPlaybook(const QStringList &args)
{
    const QString what = args.value(1);
    QStringList rest = args.mid(2);
    rest.prepend(args.value(0) + QLatin1Char(' ') + what);
    if (what == QLatin1String("probe"))
        return runProbePlaybook(rest);
    if (what == QLatin1String("repair"))
        return runRepairPlaybook(rest);
    QTextStream &stream = what == QLatin1String("--help") || what == QLatin1String("-h") ? out() : err();
    stream << CliTr::tr(
                  "Usage: %1 probe --output DIR\n       %1 repair --script ID --captures DIR --output DIR "
                  "[options]\nRun \"%1 probe --help\" or \"%1 repair --help\" for the options.")
                  .arg(args.value(0))
           << '\n';
    return &stream == &out() ? ExitOk : ExitError;
}

QString playbookSummary()
{
    return CliTr::tr("Export the probes or a reviewed repair as an Ansible playbook");
}

const CliCommandRegistration registration({"playbook", playbookSummary, runPlaybook});

} // namespace
} // namespace lw::cli
