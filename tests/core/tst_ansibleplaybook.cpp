// The Ansible export: the repair play runs remediationStdin()'s bytes through remediationCommand() with
// the plan's parameters, its failure limits stop where Layerwatch's do, host data stays data, and the probe
// playbook's saved results read back as captures.
#include "ansibleplaybook.h"
#include "capture.h"
#include "probebundle.h"
#include "remediation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lw;

class tst_ansibleplaybook : public QObject
{
    Q_OBJECT

private:
    static const RemediationCatalog &catalog()
    {
        static const RemediationCatalog c = loadRemediationCatalog();
        return c;
    }

    static HostSnapshot demoSnapshot(const QString &host)
    {
        const CaptureReadResult read = readCapture(QFINDTESTDATA("../../resources/demo/") + host);
        if (!read.ok())
            qFatal("fixture: demo %s", qPrintable(host));
        return buildSnapshot(read.capture);
    }

    static RemediationPlan seedPlan(const QString &host)
    {
        RemediationPlan plan = planRemediation(*catalog().script(QStringLiteral("fix-shadowed-mounts")),
                                               demoSnapshot(QStringLiteral("euler-node-07")));
        plan.host = host;
        return plan;
    }

    static QByteArray file(const PlaybookExport &e, const QString &path)
    {
        for (const ExportFile &f : e.files) {
            if (f.path == path)
                return f.content;
        }
        return QByteArray();
    }

    // The value of "name: value" in a vars file, unquoted.
    static QByteArray yamlValue(const QByteArray &yaml, const QByteArray &name)
    {
        for (const QByteArray &line : yaml.split('\n')) {
            if (line.startsWith(name + ": ")) {
                QByteArray v = line.mid(name.size() + 2);
                if (v.startsWith('"') && v.endsWith('"'))
                    v = v.mid(1, v.size() - 2);
                return v;
            }
        }
        return QByteArray();
    }

private slots:
    // Per batch: Ansible aborts when 100 * failed / batch > max_fail_percentage; Layerwatch stops when the
    // failures reach K, or P% of the hosts. Every combination decides the same.
    void maxFailPercentageStopsWhereLayerwatchStops()
    {
        for (int k = 0; k <= 6; ++k) {
            for (double p : {0.0, 10.0, 25.0, 33.3, 50.0, 99.0, 100.0}) {
                for (int batch = 1; batch <= 12; ++batch) {
                    AnsibleRollout r;
                    r.maxFailures = k;
                    r.maxFailurePercent = p;
                    const std::optional<double> mfp = ansibleMaxFailPercentage(r, batch);
                    QCOMPARE(mfp.has_value(), k > 0 || p > 0);
                    for (int failed = 0; failed <= batch; ++failed) {
                        const bool layerwatchStops =
                            (k > 0 && failed >= k) || (p > 0 && 100.0 * failed / batch >= p - 1e-9);
                        const bool ansibleAborts = mfp && 100.0 * failed / batch > *mfp;
                        QVERIFY2(layerwatchStops == ansibleAborts,
                                 qPrintable(QStringLiteral("K=%1 P=%2 batch=%3 failed=%4 mfp=%5")
                                                .arg(k)
                                                .arg(p)
                                                .arg(batch)
                                                .arg(failed)
                                                .arg(mfp.value_or(-1))));
                    }
                }
            }
        }
    }

    void repairPlaySendsTheSameBytesAndCommand()
    {
        const RemediationScript *script = catalog().script(QStringLiteral("fix-shadowed-mounts"));
        QVERIFY(script && script->verified);
        const RemediationPlan plan = seedPlan(QStringLiteral("euler-node-07"));
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        for (RemediationMode mode : {RemediationMode::Run, RemediationMode::DryRun}) {
            AnsibleRollout rollout;
            rollout.mode = mode;
            const PlaybookExport e = exportRepairPlaybook(catalog(), *script, {plan}, rollout);
            QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
            // the reviewed bytes, and the hashes the play checks them against
            QCOMPARE(file(e, QStringLiteral("files/prelude.sh")), catalog().prelude);
            QCOMPARE(file(e, QStringLiteral("files/fix-shadowed-mounts.sh")), script->body);
            const QByteArray vars = file(e, QStringLiteral("vars.yml"));
            QCOMPARE(yamlValue(vars, "lw_script_sha256"), script->sha256.toLatin1());
            QCOMPARE(yamlValue(vars, "lw_script_sha256"), sha256Hex(script->body).toLatin1());
            QCOMPARE(yamlValue(vars, "lw_prelude_sha256"), sha256Hex(catalog().prelude).toLatin1());
            const QByteArray hostVars = file(e, QStringLiteral("host_vars/euler-node-07.yml"));
            QCOMPARE(yamlValue(hostVars, "lw_parameters"), encodeRemediationParameters(plan.parameters));

            // The task's command with its variables filled in as Ansible does...
            const QByteArray tasks = file(e, QStringLiteral("tasks/run-reviewed-script.yml"));
            // A host that fails inside a block with an always section escapes max_fail_percentage
            // (ansible-core 2.14 counts it after the batch: test_ansible_lab saw the rollout go on); the
            // verdict is a plain task.
            QVERIFY(!tasks.contains("always:") && !tasks.contains("rescue:"));
            QVERIFY(tasks.trimmed().endsWith("when: lw_run.rc is defined and lw_run.rc != 0"));
            static const QRegularExpression cmdLine(QStringLiteral("\\n\\s+cmd: \"([^\\n]*)\"\\n"));
            const QRegularExpressionMatch m = cmdLine.match(QString::fromUtf8(tasks));
            QVERIFY(m.hasMatch());
            QByteArray cmd = m.captured(1).toUtf8();
            cmd.replace("{{ lw_script_file }}", yamlValue(vars, "lw_script_file"));
            cmd.replace("{{ lw_timeout | int }}", yamlValue(vars, "lw_timeout"));
            cmd.replace("{{ lw_mode }}", yamlValue(vars, "lw_mode"));
            cmd.replace("{{ lw_parameters }}", yamlValue(hostVars, "lw_parameters"));
            QCOMPARE(cmd, repairPlayShellCommand(*script, plan, mode));
            // ... runs remediationCommand with remediationStdin on its stdin.
            const qsizetype pipe = cmd.indexOf(" | ");
            QCOMPARE(cmd.mid(pipe + 3), remediationCommand(*script, plan, mode));
            QTemporaryDir dir;
            for (const QString &name :
                 {QStringLiteral("prelude.sh"), QStringLiteral("fix-shadowed-mounts.sh")}) {
                QFile f(dir.filePath(name));
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(file(e, QStringLiteral("files/") + name));
            }
            QProcess sh;
            sh.setWorkingDirectory(dir.path());
            sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), QString::fromUtf8(cmd.left(pipe))});
            QVERIFY(sh.waitForFinished());
            QCOMPARE(sh.readAllStandardOutput(), remediationStdin(catalog(), *script));

            const QJsonObject planJson =
                QJsonDocument::fromJson(file(e, QStringLiteral("plan.json"))).object();
            QCOMPARE(planJson.value(QLatin1String("hosts"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("command"))
                         .toString(),
                     QString::fromLatin1(remediationCommand(*script, plan, mode)));
        }
    }

    void canaryPlayThenBatches()
    {
        const RemediationScript *script = catalog().script(QStringLiteral("fix-shadowed-mounts"));
        RemediationPlan unplannable;
        unplannable.host = QStringLiteral("clean-host");
        unplannable.error = QStringLiteral("nothing to repair");
        AnsibleRollout rollout;
        rollout.canaryCount = 1;
        rollout.batchSize = 2;
        rollout.maxFailures = 1;
        const PlaybookExport e =
            exportRepairPlaybook(catalog(), *script,
                                 {seedPlan(QStringLiteral("a-1")), unplannable,
                                  seedPlan(QStringLiteral("b-2")), seedPlan(QStringLiteral("c-3"))},
                                 rollout);
        QVERIFY2(e.error.isEmpty(), qPrintable(e.error));
        const QByteArray play = file(e, QStringLiteral("repair.yml"));
        QVERIFY(play.contains("  hosts: [\"a-1\"]\n  gather_facts: false\n  become: \"{{ lw_become | "
                              "default(false) | bool }}\"\n  serial: 1\n  max_fail_percentage: 0\n"));
        QVERIFY(play.contains("  hosts: [\"b-2\", \"c-3\"]\n  gather_facts: false\n  become: \"{{ lw_become "
                              "| default(false) | bool }}\"\n  serial: 2\n  max_fail_percentage: 25\n"));
        QVERIFY(play.indexOf("a-1") < play.indexOf("b-2"));
        QVERIFY(!play.contains("clean-host"));
        QVERIFY(file(e, QStringLiteral("host_vars/clean-host.yml")).isEmpty());
        const QJsonArray refused = QJsonDocument::fromJson(file(e, QStringLiteral("plan.json")))
                                       .object()
                                       .value(QLatin1String("refused"))
                                       .toArray();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.at(0).toObject().value(QLatin1String("host")).toString(),
                 QStringLiteral("clean-host"));
    }

    // What hosts report is data: a step that holds Jinja or YAML is one quoted, !unsafe scalar.
    void hostDataStaysData()
    {
        const RemediationScript *script = catalog().script(QStringLiteral("fix-shadowed-mounts"));
        RemediationPlan plan = seedPlan(QStringLiteral("h-1"));
        plan.steps.append(
            QStringLiteral("unmount /x\nlw_parameters: \"{{ lookup('pipe', 'touch /tmp/pwned') }}\" \"q\\"));
        const PlaybookExport e = exportRepairPlaybook(catalog(), *script, {plan}, AnsibleRollout());
        const QByteArray hostVars = file(e, QStringLiteral("host_vars/h-1.yml"));
        QCOMPARE(hostVars.count("\nlw_parameters: "), 1);
        QCOMPARE(hostVars.count("\n  - !unsafe \""), plan.steps.size());
        QVERIFY(hostVars.contains(
            "unmount /x\\nlw_parameters: \\\"{{ lookup('pipe', 'touch /tmp/pwned') }}\\\" \\\"q\\\\\"\n"));
    }

    void refusals()
    {
        const RemediationScript *script = catalog().script(QStringLiteral("fix-shadowed-mounts"));
        RemediationScript tampered = *script;
        tampered.verified = false;
        tampered.refusal = QStringLiteral("hash mismatch");
        QVERIFY(
            !exportRepairPlaybook(catalog(), tampered, {seedPlan(QStringLiteral("h"))}, {}).error.isEmpty());
        QVERIFY(!exportRepairPlaybook(catalog(), *script, {seedPlan(QStringLiteral("../etc/x"))}, {})
                     .error.isEmpty());
        QVERIFY(
            !exportRepairPlaybook(catalog(), *script, {seedPlan(QStringLiteral("a b"))}, {}).error.isEmpty());
        RemediationPlan none;
        none.host = QStringLiteral("h");
        none.error = QStringLiteral("no");
        QVERIFY(!exportRepairPlaybook(catalog(), *script, {none}, {}).error.isEmpty());
        RemediationCatalog badPrelude = catalog();
        badPrelude.preludeVerified = false;
        QVERIFY(
            !exportRepairPlaybook(badPrelude, *script, {seedPlan(QStringLiteral("h"))}, {}).error.isEmpty());
        QString error;
        QTemporaryDir dir;
        QVERIFY(!writePlaybookExport(exportRepairPlaybook(catalog(), tampered, {}, {}), dir.path(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    // The probe playbook's result of the real bundle (run here, read-only, as the playbook's task runs it)
    // reads back as a capture with every probe.
    void probeResultsReadBack()
    {
        const QByteArray bundle = [] {
            QFile f(QFINDTESTDATA("../../resources/probes/bundle.sh"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!bundle.isEmpty());
        const PlaybookExport e = exportProbePlaybook(bundle);
        QCOMPARE(file(e, QStringLiteral("files/bundle.sh")), bundle);
        const QByteArray play = file(e, QStringLiteral("probe.yml"));
        QVERIFY(play.contains("cmd: \"sh -s -- {{ lw_marker }} 0 | base64 -w0\""));

        const QByteArray marker = newBundleMarker();
        QProcess sh;
        sh.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"),
                  QStringLiteral("sh -s -- %1 0 | base64 -w0").arg(QString::fromLatin1(marker))});
        sh.write(bundle);
        sh.closeWriteChannel();
        QVERIFY(sh.waitForFinished(60000));
        QTemporaryDir dir;
        const QJsonObject result{
            {QLatin1String("format"), QLatin1String("layerwatch-ansible-probe")},
            {QLatin1String("version"), 1},
            {QLatin1String("host"), QLatin1String("node-1")},
            {QLatin1String("marker"), QString::fromLatin1(marker)},
            {QLatin1String("rc"), sh.exitCode()},
            {QLatin1String("stdoutBase64"), QString::fromLatin1(sh.readAllStandardOutput())},
            {QLatin1String("stderr"), QString::fromUtf8(sh.readAllStandardError()).trimmed()},
            {QLatin1String("collectedAt"), QLatin1String("2026-12-06 13:40:01.123456")}};
        QFile out(dir.filePath(QStringLiteral("node-1.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(result).toJson());
        out.close();
        QFile other(dir.filePath(QStringLiteral("unrelated.json")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("{\"format\": \"something-else\"}");
        other.close();

        QVERIFY(isAnsibleProbeResultDirectory(dir.path()));
        QVERIFY(!isAnsibleProbeResultDirectory(QFINDTESTDATA("../../resources/demo")));
        const CaptureSetReadResult read = readCapturesOrProbeResults(dir.path());
        QVERIFY2(read.ok(), qPrintable(read.errors.join(QLatin1Char('\n'))));
        QCOMPARE(read.captures.size(), 1);
        const RawCapture &c = read.captures.constFirst();
        QCOMPARE(c.host, QStringLiteral("node-1"));
        QCOMPARE(c.collectedAt.date(), QDate(2026, 12, 6));
        QCOMPARE(c.probe(QString::fromLatin1(ProbeId::MountInfo)).status, ProbeStatus::Ok);
        QVERIFY(c.probe(QString::fromLatin1(ProbeId::MountInfo)).output.contains(" / / "));
        for (const QString &id : ProbeId::all())
            QVERIFY2(c.probes.contains(id), qPrintable(id));

        // a result cut short is an error naming the host, not a healthy host
        QJsonObject cut = result;
        cut.insert(QLatin1String("stdoutBase64"),
                   QString::fromLatin1(QByteArray::fromBase64(
                                           result.value(QLatin1String("stdoutBase64")).toString().toLatin1())
                                           .left(200)
                                           .toBase64()));
        QFile cutFile(dir.filePath(QStringLiteral("node-1.json")));
        QVERIFY(cutFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cutFile.write(QJsonDocument(cut).toJson());
        cutFile.close();
        const CaptureSetReadResult broken = readAnsibleProbeResults(dir.path());
        QCOMPARE(broken.captures.size(), 0);
        QCOMPARE(broken.errors.size(), 1);
        QVERIFY(broken.errors.constFirst().contains(QLatin1String("node-1")));
        QCOMPARE(QDir(broken.failedDirectories.constFirst()).dirName(), QStringLiteral("node-1"));
    }
};

QTEST_GUILESS_MAIN(tst_ansibleplaybook)
#include "tst_ansibleplaybook.moc"
