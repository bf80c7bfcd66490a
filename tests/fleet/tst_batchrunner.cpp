// BatchRunner on the real lab fleet (tests/lab): real sshd hosts, real mounts in private namespaces, the
// reviewed scripts as shipped. Each test uses its own hosts: a repair cannot be undone.
#include "../ssh/labfixture.h"

#include "auditlog.h"
#include "batchrunner.h"
#include "credentials.h"
#include "probesweep.h"
#include "remediation.h"
#include "sshpool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lw;

namespace {
// Host i of the lab gets scenario i.
const char *const kScenarios[] = {
    "covered",      // 0 canary + batch
    "nested",       // 1 canary + batch
    "hostile",      // 2 canary + batch
    "covered",      // 3 dry run
    "covered",      // 4 timeout (docker hangs)
    "covered",      // 5 cancel (docker hangs)
    "covered",      // 6 threshold (docker down: the script fails)
    "covered",      // 7 threshold
    "covered",      // 8 threshold
    "covered",      // 9 threshold
    "conflict",     // 10
    "redirect-off", // 11
    "covered",      // 12 canary fails -> the rest skipped
    "covered",      // 13
    "covered",      // 14 connection dropped mid-script
    "healthy",      // 15 pause/resume (enable-redirect-dir: already on, verified)
    "healthy",      // 16
    "healthy",      // 17
    "covered",      // 18 the cover replaced by another tmpfs that gets its mount ID (issue #16 item 2)
};
constexpr int kHosts = int(sizeof kScenarios / sizeof *kScenarios);
} // namespace

class tst_BatchRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusesTamperedScript();
    void refusesWithoutApprovalOrCount();
    void dryRunChangesNothing();
    void fixesShadowedMountsCanaryThenBatch();
    void fixesStorageDriverConflict();
    void enablesRedirectDir();
    void timeoutCutsOffAHungHost();
    void cancelLeavesNothingRunning();
    void stopsAtFailureThreshold();
    void failedCanaryStopsTheRollout();
    void droppedConnectionIsOutcomeUnknownAndNotRerun();
    void pauseHoldsTheNextWaveUntilResume();
    void mountReplacedUnderTheSameIdIsNotUnmounted();

private:
    ssh::SshOptions options() const;
    QString hostDir(int i) const { return m_lab.file(QStringLiteral("hosts/") + m_lab.address(i)); }
    QByteArray calls(int i) const;
    QByteArray ssh(int i, const QString &command) const;
    QList<BatchHost> hosts(const QList<int> &indexes) const;
    QList<QJsonObject> audit(const QString &event, const QString &host = QString()) const;
    // Runs a batch to its end; the runner's results.
    QList<HostRunResult> run(const QString &scriptId, const QList<int> &indexes, RolloutOptions rollout,
                             const QMap<QString, QString> &values = {}, BatchRunner **keep = nullptr);

    LabFixture m_lab;
    ssh::NonInteractiveCredentials m_credentials;
    std::unique_ptr<ssh::SshPool> m_pool;
    QTemporaryDir m_tmp;
    std::unique_ptr<AuditLog> m_audit;
    RemediationCatalog m_catalog;
    QHash<int, HostSnapshot> m_snapshots;
    QHash<int, QByteArray> m_mountinfoBefore;
};

ssh::SshOptions tst_BatchRunner::options() const
{
    ssh::SshOptions o = m_lab.sshOptions();
    o.commandTimeoutMs = 60000;
    o.hostDeadlineMs = 900000;
    o.maxConcurrent = 8;
    return o;
}

void tst_BatchRunner::initTestCase()
{
    LW_SKIP_UNLESS_LAB_CAN_RUN();
    const QString script = QFINDTESTDATA("../lab/lab.sh");
    QVERIFY2(!script.isEmpty(), "tests/lab/lab.sh not found");
    QStringList scenarios;
    for (const char *s : kScenarios)
        scenarios << QString::fromLatin1(s);
    QVERIFY2(m_lab.start(script, QStringLiteral("127.0.162.1"), scenarios.join(QLatin1Char(',')), kHosts),
             qPrintable(m_lab.error()));
    m_pool = std::make_unique<ssh::SshPool>(options(), &m_credentials);
    m_audit = std::make_unique<AuditLog>(m_tmp.filePath(QStringLiteral("audit.jsonl")));
    m_catalog = loadRemediationCatalog(QFINDTESTDATA("../../resources/remediation"));
    QVERIFY2(m_catalog.errors.isEmpty(), qPrintable(m_catalog.errors.join(QLatin1Char('\n'))));

    // The last probe of every host: the plans are made from it, as in the GUI and the CLI.
    ProbeSweep sweep(m_pool.get());
    QList<SweepHost> sweepHosts;
    for (int i = 0; i < kHosts; ++i) {
        SweepHost h;
        h.target.name = m_lab.address(i);
        sweepHosts << h;
    }
    QList<HostResult> results;
    connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &b) { results += b; });
    sweep.start(sweepHosts);
    QVERIFY(sweep.waitForFinished(120000));
    QCOMPARE(results.size(), kHosts);
    for (const HostResult &r : results) {
        QVERIFY2(r.isOk() && r.snapshot, qPrintable(r.target.name + QLatin1Char(' ') + r.message));
        const int i = int(r.target.name.section(QLatin1Char('.'), 3).toInt() - 1);
        m_snapshots.insert(i, *r.snapshot);
    }
    for (int i = 0; i < kHosts; ++i)
        m_mountinfoBefore.insert(i, ssh(i, QStringLiteral("cat /proc/self/mountinfo")));
}

void tst_BatchRunner::cleanupTestCase()
{
    m_pool.reset();
    m_lab.stop();
}

QByteArray tst_BatchRunner::calls(int i) const
{
    QFile f(hostDir(i) + QStringLiteral("/calls.log"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray tst_BatchRunner::ssh(int i, const QString &command) const
{
    QProcess p;
    p.start(QStringLiteral("ssh"),
            {QStringLiteral("-F"), m_lab.file(QStringLiteral("ssh_config")), m_lab.address(i), command});
    p.waitForFinished(30000);
    return p.readAllStandardOutput();
}

QList<BatchHost> tst_BatchRunner::hosts(const QList<int> &indexes) const
{
    QList<BatchHost> list;
    for (int i : indexes) {
        BatchHost h;
        h.target.name = m_lab.address(i);
        h.snapshot = m_snapshots.value(i);
        list << h;
    }
    return list;
}

QList<QJsonObject> tst_BatchRunner::audit(const QString &event, const QString &host) const
{
    QList<QJsonObject> out;
    const AuditLog::ReadResult read = AuditLog::read(m_audit->path());
    for (const QJsonObject &r : read.records) {
        if (r.value(QLatin1String("event")).toString() == event &&
            (host.isEmpty() || r.value(QLatin1String("host")).toString() == host))
            out << r;
    }
    return out;
}

QList<HostRunResult> tst_BatchRunner::run(const QString &scriptId, const QList<int> &indexes,
                                          RolloutOptions rollout, const QMap<QString, QString> &values,
                                          BatchRunner **keep)
{
    BatchRunner runner(m_pool.get(), m_audit.get());
    Approval approval{QStringLiteral("tester"), QStringLiteral("typed-count"), int(indexes.size())};
    QString error;
    if (!runner.start(m_catalog, scriptId, hosts(indexes), values, rollout, approval, &error)) {
        qWarning() << "refused:" << error;
        return {};
    }
    if (!runner.waitForFinished(300000))
        qWarning() << "batch did not finish";
    Q_UNUSED(keep);
    return runner.results();
}

void tst_BatchRunner::refusesTamperedScript()
{
    // A copy of the catalog with one byte changed in a script: refused before anything runs.
    QTemporaryDir copy;
    for (const QString &name : QDir(m_catalog.directory).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_catalog.directory).filePath(name), copy.filePath(name)));
    QFile script(copy.filePath(QStringLiteral("fix-shadowed-mounts.sh")));
    QVERIFY(script.open(QIODevice::Append));
    script.write("touch /tmp/lw-tampered\n");
    script.close();
    const RemediationCatalog tampered = loadRemediationCatalog(copy.path());
    const QByteArray callsBefore = calls(0);
    BatchRunner runner(m_pool.get(), m_audit.get());
    QSignalSpy states(&runner, &BatchRunner::hostStateChanged);
    QString error;
    QVERIFY(!runner.start(tampered, QStringLiteral("fix-shadowed-mounts"), hosts({0}), {}, {},
                          {QStringLiteral("tester"), QStringLiteral("--yes"), 1}, &error));
    QVERIFY2(error.contains(QLatin1String("SHA-256")), qPrintable(error));
    QVERIFY(!runner.isRunning());
    QCOMPARE(states.count(), 0);
    QTest::qWait(300);
    QCOMPARE(calls(0), callsBefore);
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/lw-tampered")));
}

void tst_BatchRunner::refusesWithoutApprovalOrCount()
{
    BatchRunner runner(m_pool.get(), m_audit.get());
    QString error;
    QVERIFY(!runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts({6}), {}, {}, Approval(),
                          &error));
    QVERIFY(!error.isEmpty());
    // Four hosts: the typed count must be there and right.
    const QList<int> four{6, 7, 8, 9};
    QVERIFY(!runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts(four), {}, {},
                          {QStringLiteral("tester"), QStringLiteral("--yes"), -1}, &error));
    QVERIFY2(error.contains(QLatin1String("4")), qPrintable(error));
    QVERIFY(!runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts(four), {}, {},
                          {QStringLiteral("tester"), QStringLiteral("typed-count"), 3}, &error));
    QVERIFY(!runner.isRunning());
    QVERIFY(!runner.start(m_catalog, QStringLiteral("no-such-script"), hosts({6}), {}, {},
                          {QStringLiteral("tester"), QStringLiteral("--yes"), 1}, &error));
    for (int i : four)
        QVERIFY2(!calls(i).contains("umount") && audit(QStringLiteral("started"), m_lab.address(i)).isEmpty(),
                 "a refused batch ran something");
}

void tst_BatchRunner::dryRunChangesNothing()
{
    RolloutOptions rollout;
    rollout.dryRun = true;
    BatchRunner runner(m_pool.get(), m_audit.get());
    QByteArray live;
    connect(&runner, &BatchRunner::hostOutput, this,
            [&live](const QString &, ssh::OutputStream, const QByteArray &b) { live += b; });
    QString error;
    // Dry runs need no typed count.
    QVERIFY2(runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts({3}), {}, rollout,
                          {QStringLiteral("tester"), QStringLiteral("dry-run"), -1}, &error),
             qPrintable(error));
    QVERIFY(runner.waitForFinished(120000));
    const HostRunResult r = runner.results().first();
    QCOMPARE(hostRunStateName(r.state), QStringLiteral("succeeded"));
    QVERIFY(r.stdoutData.contains("LW-WOULD-RUN 'umount' '--' '/var/lib/docker/overlay2'"));
    // docker is restarted only if a real run finds it must (the dry run says so, and does not test it)
    QVERIFY(r.stdoutData.contains("a real run restarts docker only if it does not answer"));
    QVERIFY(!r.stdoutData.contains("LW-RUN"));
    QVERIFY(live.contains("LW-WOULD-RUN 'umount'"));
    QCOMPARE(ssh(3, QStringLiteral("cat /proc/self/mountinfo")), m_mountinfoBefore.value(3));
    const QByteArray c = calls(3);
    for (const char *change :
         {"\ndocker restart ", "\nsystemctl restart ", "\ndocker rm ", "\ndocker create ", "\ndocker stop "})
        QVERIFY2(!(QByteArray("\n") + c).contains(change), c.constData());
    QCOMPARE(
        audit(QStringLiteral("finished"), m_lab.address(3)).first().value(QLatin1String("mode")).toString(),
        QStringLiteral("dry-run"));
}

void tst_BatchRunner::fixesShadowedMountsCanaryThenBatch()
{
    const QList<int> indexes{0, 1, 2};
    for (int i : indexes)
        QVERIFY(ssh(i, QStringLiteral("cat /proc/self/mountinfo")).contains(" - tmpfs lw-cover"));
    QFile::remove(QStringLiteral("/tmp/lw-pwned-") + m_lab.address(2));

    RolloutOptions rollout;
    rollout.canaryCount = 1;
    rollout.batchSize = 2;
    BatchRunner runner(m_pool.get(), m_audit.get());
    QStringList order; // host:state as the signals came
    QHash<QString, QByteArray> live;
    connect(&runner, &BatchRunner::hostStateChanged, this, [&order](const QString &h, HostRunState s) {
        order << h + QLatin1Char(':') + hostRunStateName(s);
    });
    connect(&runner, &BatchRunner::hostOutput, this,
            [&live](const QString &h, ssh::OutputStream, const QByteArray &b) { live[h] += b; });
    QString error;
    QVERIFY2(runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts(indexes), {}, rollout,
                          {QStringLiteral("tester"), QStringLiteral("typed-count"), 3}, &error),
             qPrintable(error));
    QVERIFY(runner.waitForFinished(300000));
    const QList<HostRunResult> results = runner.results();
    for (const HostRunResult &r : results) {
        QVERIFY2(r.state == HostRunState::Verified,
                 qPrintable(r.host + QLatin1Char(' ') + hostRunStateName(r.state) + QLatin1Char(' ') +
                            r.message + QString::fromUtf8(r.stderrData)));
        QCOMPARE(r.verification, QStringLiteral("gone"));
        QVERIFY(!r.pgid.isEmpty());
        QVERIFY(live.value(r.host).contains("LW-DONE"));
    }
    QVERIFY(results.at(0).canary);
    QVERIFY(!results.at(1).canary);
    // The canary was done (verified) before the others started.
    const int canaryVerified = int(order.indexOf(m_lab.address(0) + QStringLiteral(":verified")));
    QVERIFY(canaryVerified >= 0);
    QVERIFY(order.indexOf(m_lab.address(1) + QStringLiteral(":running")) > canaryVerified);
    QVERIFY(order.indexOf(m_lab.address(2) + QStringLiteral(":running")) > canaryVerified);

    for (int i : indexes) {
        const QByteArray mi = ssh(i, QStringLiteral("cat /proc/self/mountinfo"));
        QVERIFY2(!mi.contains(" - tmpfs lw-cover"), mi.constData()); // covers gone (lw-cover, lw-cover2)
        QVERIFY(mi.count(" - overlay overlay ") >= 3);               // the merged overlays visible again
        // the workload kept running: no container and no docker restart (the fake engine answers and
        // creates a container once the covers are gone), every container still running
        const QByteArray c = QByteArray("\n") + calls(i);
        QVERIFY2(!c.contains("\ndocker restart ") && !c.contains("\nsystemctl restart docker"),
                 c.constData());
        QVERIFY(c.contains("\ndocker create "));
        QFile containers(hostDir(i) + QStringLiteral("/state/containers"));
        QVERIFY(containers.open(QIODevice::ReadOnly));
        for (const QByteArray &line : containers.readAll().split('\n')) {
            if (!line.isEmpty())
                QVERIFY2(line.endsWith("\trunning"), line.constData());
        }
        QVERIFY(results.at(indexes.indexOf(i)).stdoutData.contains("LW-VERIFY ok: no cover"));
    }
    // nested: the cover on /var/lib/docker (made last) is unmounted before the one on .../overlay2.
    const QByteArray out = results.at(1).stdoutData;
    const qsizetype outer = out.indexOf("LW-RUN 'umount' '--' '/var/lib/docker'\n");
    const qsizetype inner = out.indexOf("LW-RUN 'umount' '--' '/var/lib/docker/overlay2'\n");
    QVERIFY2(outer >= 0 && inner > outer, out.constData());
    // hostile: repaired, and not one of its strings ran as code.
    QVERIFY(results.at(2).stdoutData.contains("LW-RUN 'umount' '--' '/var/lib/docker/-lw data/it'\\''s $("));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/lw-pwned-") + m_lab.address(2)));

    // The audit log: started, finished, verified for each host, with the approval and plan digest.
    for (int i : indexes) {
        const QList<QJsonObject> started = audit(QStringLiteral("started"), m_lab.address(i));
        QCOMPARE(started.size(), 1);
        const QJsonObject approval = started.first().value(QLatin1String("approval")).toObject();
        QCOMPARE(approval.value(QLatin1String("by")).toString(), QStringLiteral("tester"));
        QCOMPARE(approval.value(QLatin1String("planDigest")).toString().size(), 64);
        QCOMPARE(started.first().value(QLatin1String("scriptSha256")).toString(),
                 m_catalog.script(QStringLiteral("fix-shadowed-mounts"))->sha256);
        // Issue #16 item 1: the catalog the script came from, its manifest's hash and trust are recorded.
        const QJsonObject catalog = started.first().value(QLatin1String("catalog")).toObject();
        QCOMPARE(catalog.value(QLatin1String("directory")).toString(), m_catalog.directory);
        QCOMPARE(catalog.value(QLatin1String("manifestSha256")).toString(), m_catalog.origin.manifestSha256);
        QCOMPARE(catalog.value(QLatin1String("trust")).toString(), QStringLiteral("same-as-built-in"));
        QCOMPARE(catalog.value(QLatin1String("differsFromBuiltIn")).toBool(true), false);
        QCOMPARE(approval.value(QLatin1String("manifestSha256")).toString(), m_catalog.origin.manifestSha256);
        const QList<QJsonObject> finished = audit(QStringLiteral("finished"), m_lab.address(i));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().value(QLatin1String("exitStatus")).toInt(), 0);
        QCOMPARE(finished.first().value(QLatin1String("outputSha256")).toString(),
                 results.at(indexes.indexOf(i)).outputSha256);
        const QList<QJsonObject> verified = audit(QStringLiteral("verified"), m_lab.address(i));
        QCOMPARE(verified.size(), 1);
        QCOMPARE(verified.first().value(QLatin1String("result")).toString(), QStringLiteral("gone"));
    }
    QCOMPARE(audit(QStringLiteral("batch-finished")).last().value(QLatin1String("failures")).toInt(), 0);
}

void tst_BatchRunner::fixesStorageDriverConflict()
{
    const QList<HostRunResult> results = run(QStringLiteral("fix-storage-driver-conflict"), {10}, {});
    QCOMPARE(results.size(), 1);
    QVERIFY2(results.first().state == HostRunState::Verified,
             qPrintable(hostRunStateName(results.first().state) + results.first().message));
    QFile sysconfig(hostDir(10) + QStringLiteral("/etc/sysconfig/docker-storage"));
    QVERIFY(sysconfig.open(QIODevice::ReadOnly));
    const QByteArray now = sysconfig.readAll();
    QVERIFY2(!now.contains("storage-driver"), now.constData());
    const QStringList backups = QDir(hostDir(10) + QStringLiteral("/etc/sysconfig"))
                                    .entryList({QStringLiteral("docker-storage.layerwatch-*")}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QFile backup(hostDir(10) + QStringLiteral("/etc/sysconfig/") + backups.first());
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QVERIFY(backup.readAll().contains("--storage-driver"));
    QVERIFY(calls(10).contains("systemctl restart docker"));
}

void tst_BatchRunner::enablesRedirectDir()
{
    QCOMPARE(ssh(11, QStringLiteral("cat /sys/module/overlay/parameters/redirect_dir")).trimmed(),
             QByteArray("N"));
    const QList<HostRunResult> results = run(QStringLiteral("enable-redirect-dir"), {11}, {},
                                             {{QStringLiteral("persist"), QStringLiteral("yes")}});
    QCOMPARE(results.size(), 1);
    QVERIFY2(results.first().state == HostRunState::Verified,
             qPrintable(hostRunStateName(results.first().state) + results.first().message));
    QCOMPARE(ssh(11, QStringLiteral("cat /sys/module/overlay/parameters/redirect_dir")).trimmed(),
             QByteArray("Y"));
    QCOMPARE(ssh(11, QStringLiteral("cat /etc/modprobe.d/layerwatch-overlay.conf")),
             QByteArray("options overlay redirect_dir=on\n"));
}

void tst_BatchRunner::timeoutCutsOffAHungHost()
{
    QFile hang(hostDir(4) + QStringLiteral("/state/hang"));
    QVERIFY(hang.open(QIODevice::WriteOnly));
    hang.write("300\n");
    hang.close();
    RolloutOptions rollout;
    rollout.timeoutSec = 5;
    QElapsedTimer timer;
    timer.start();
    const QList<HostRunResult> results = run(QStringLiteral("fix-shadowed-mounts"), {4}, rollout);
    QFile::remove(hang.fileName());
    QCOMPARE(results.size(), 1);
    const HostRunResult &r = results.first();
    QVERIFY2(r.state == HostRunState::TimedOut, qPrintable(hostRunStateName(r.state) + r.message));
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY(r.exitKnown && (r.exitStatus == 124 || r.exitStatus == 137));
    // Nothing of the run is left on the host, the covers are untouched.
    QTest::qWait(500);
    const QByteArray ps = ssh(4, QStringLiteral("ps -eo pid,pgid,args"));
    QVERIFY2(!ps.contains("sleep 300") && !ps.contains("sh -s -- run"), ps.constData());
    QCOMPARE(ssh(4, QStringLiteral("cat /proc/self/mountinfo")), m_mountinfoBefore.value(4));
    QCOMPARE(
        audit(QStringLiteral("finished"), m_lab.address(4)).first().value(QLatin1String("state")).toString(),
        QStringLiteral("timed-out"));
}

void tst_BatchRunner::cancelLeavesNothingRunning()
{
    QFile hang(hostDir(5) + QStringLiteral("/state/hang"));
    QVERIFY(hang.open(QIODevice::WriteOnly));
    hang.write("300\n");
    hang.close();
    BatchRunner runner(m_pool.get(), m_audit.get());
    QByteArray live;
    connect(&runner, &BatchRunner::hostOutput, this,
            [&live](const QString &, ssh::OutputStream, const QByteArray &b) { live += b; });
    QString error;
    QVERIFY(runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts({5}), {}, {},
                         {QStringLiteral("tester"), QStringLiteral("typed-count"), 1}, &error));
    QTRY_VERIFY_WITH_TIMEOUT(live.contains("LW-STEP 1"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(ssh(5, QStringLiteral("ps -eo args")).contains("sleep 300"), 10000);
    runner.cancel();
    QVERIFY(runner.waitForFinished(60000));
    QFile::remove(hang.fileName());
    const HostRunResult r = runner.results().first();
    QVERIFY2(r.state == HostRunState::Cancelled, qPrintable(hostRunStateName(r.state) + r.message));
    QVERIFY2(r.message.contains(r.pgid) && !r.pgid.isEmpty(), qPrintable(r.message));
    const QByteArray ps = ssh(5, QStringLiteral("ps -eo pid,pgid,args"));
    QVERIFY2(!ps.contains("sleep 300") && !ps.contains("sh -s -- run") && !ps.contains("timeout -k"),
             ps.constData());
    QCOMPARE(ssh(5, QStringLiteral("cat /proc/self/mountinfo")), m_mountinfoBefore.value(5));
    QCOMPARE(audit(QStringLiteral("started"), m_lab.address(5)).size(), 1);
    QCOMPARE(
        audit(QStringLiteral("finished"), m_lab.address(5)).first().value(QLatin1String("state")).toString(),
        QStringLiteral("cancelled"));
    QVERIFY(!audit(QStringLiteral("cancel-requested")).isEmpty());
}

void tst_BatchRunner::stopsAtFailureThreshold()
{
    // Docker is down on all four: the script stops at step 1 (docker info fails).
    for (int i : {6, 7, 8, 9}) {
        QFile docker(hostDir(i) + QStringLiteral("/state/docker"));
        QVERIFY(docker.open(QIODevice::WriteOnly));
        docker.write("inactive\n");
    }
    QHash<int, QByteArray> before;
    for (int i : {6, 7, 8, 9})
        before.insert(i, calls(i));
    RolloutOptions rollout;
    rollout.canaryCount = 0;
    rollout.batchSize = 1;
    rollout.maxFailures = 2;
    const QList<HostRunResult> results = run(QStringLiteral("fix-shadowed-mounts"), {6, 7, 8, 9}, rollout);
    QCOMPARE(results.size(), 4);
    QCOMPARE(hostRunStateName(results.at(0).state), QStringLiteral("failed"));
    QCOMPARE(hostRunStateName(results.at(1).state), QStringLiteral("failed"));
    QVERIFY(results.at(0).message.contains(QLatin1String("docker info failed")));
    QCOMPARE(hostRunStateName(results.at(2).state), QStringLiteral("skipped"));
    QCOMPARE(hostRunStateName(results.at(3).state), QStringLiteral("skipped"));
    QVERIFY(calls(6) != before.value(6));
    QVERIFY(calls(7) != before.value(7));
    QCOMPARE(calls(8), before.value(8)); // never ran
    QCOMPARE(calls(9), before.value(9));
    QVERIFY(audit(QStringLiteral("started"), m_lab.address(8)).isEmpty());
    QCOMPARE(audit(QStringLiteral("skipped"), m_lab.address(8)).size(), 1);
    QVERIFY(
        audit(QStringLiteral("batch-finished")).last().value(QLatin1String("stoppedByThreshold")).toBool());
}

void tst_BatchRunner::failedCanaryStopsTheRollout()
{
    QFile docker(hostDir(12) + QStringLiteral("/state/docker"));
    QVERIFY(docker.open(QIODevice::WriteOnly));
    docker.write("inactive\n");
    docker.close();
    const QByteArray before = calls(13);
    RolloutOptions rollout; // canary 1, no failure limit
    const QList<HostRunResult> results = run(QStringLiteral("fix-shadowed-mounts"), {12, 13}, rollout);
    QCOMPARE(results.size(), 2);
    QVERIFY(results.at(0).canary);
    QCOMPARE(hostRunStateName(results.at(0).state), QStringLiteral("failed"));
    QCOMPARE(hostRunStateName(results.at(1).state), QStringLiteral("skipped"));
    QCOMPARE(calls(13), before);
    QVERIFY(audit(QStringLiteral("batch-finished")).last().value(QLatin1String("canaryFailed")).toBool());
}

void tst_BatchRunner::droppedConnectionIsOutcomeUnknownAndNotRerun()
{
    QFile hang(hostDir(14) + QStringLiteral("/state/hang"));
    QVERIFY(hang.open(QIODevice::WriteOnly));
    hang.write("300\n");
    hang.close();
    BatchRunner runner(m_pool.get(), m_audit.get());
    QByteArray live;
    connect(&runner, &BatchRunner::hostOutput, this,
            [&live](const QString &, ssh::OutputStream, const QByteArray &b) { live += b; });
    QString error;
    QVERIFY(runner.start(m_catalog, QStringLiteral("fix-shadowed-mounts"), hosts({14}), {}, {},
                         {QStringLiteral("tester"), QStringLiteral("typed-count"), 1}, &error));
    QTRY_VERIFY_WITH_TIMEOUT(live.contains("LW-STEP 1"), 30000);
    // Kill the sshd of the runner's session from a second session (not our own sshd: our shell's parent).
    ssh(14, QStringLiteral("me=$(ps -o ppid= -p $$); for p in $(pgrep -f 'sshd: root@notty'); do "
                           "[ \"$p\" -eq \"$me\" ] || kill -9 \"$p\"; done"));
    QVERIFY(runner.waitForFinished(60000));
    QFile::remove(hang.fileName());
    const HostRunResult r = runner.results().first();
    QVERIFY2(r.state == HostRunState::OutcomeUnknown, qPrintable(hostRunStateName(r.state) + r.message));
    QTest::qWait(500);
    QCOMPARE(audit(QStringLiteral("started"), m_lab.address(14)).size(), 1); // never re-run
    QCOMPARE(calls(14).count("docker info --format \\{\\{.Driver\\}\\}"), qsizetype(1));
    const QJsonObject finished = audit(QStringLiteral("finished"), m_lab.address(14)).first();
    QCOMPARE(finished.value(QLatin1String("state")).toString(), QStringLiteral("outcome-unknown"));
    QCOMPARE(finished.value(QLatin1String("exit")).toString(), QStringLiteral("unknown"));
}

void tst_BatchRunner::pauseHoldsTheNextWaveUntilResume()
{
    RolloutOptions rollout;
    rollout.canaryCount = 1;
    rollout.batchSize = 1;
    BatchRunner runner(m_pool.get(), m_audit.get());
    QSignalSpy pausedSpy(&runner, &BatchRunner::pausedChanged);
    QSignalSpy finishedHosts(&runner, &BatchRunner::hostFinished);
    QString error;
    QVERIFY(runner.start(m_catalog, QStringLiteral("enable-redirect-dir"), hosts({15, 16, 17}), {}, rollout,
                         {QStringLiteral("tester"), QStringLiteral("typed-count"), 3}, &error));
    QTRY_VERIFY_WITH_TIMEOUT(runner.results().at(0).state == HostRunState::Running, 10000);
    runner.pause(); // the canary is already running; nothing after it may start
    QVERIFY(runner.isPaused());
    QCOMPARE(pausedSpy.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finishedHosts.count(), 1, 60000);
    QTest::qWait(1500);
    QCOMPARE(finishedHosts.count(), 1);
    QList<HostRunResult> results = runner.results();
    QCOMPARE(hostRunStateName(results.at(0).state), QStringLiteral("verified"));
    QCOMPARE(hostRunStateName(results.at(1).state), QStringLiteral("pending"));
    QVERIFY(audit(QStringLiteral("started"), m_lab.address(16)).isEmpty());
    runner.resume();
    QVERIFY(runner.waitForFinished(120000));
    results = runner.results();
    for (const HostRunResult &r : results)
        QCOMPARE(hostRunStateName(r.state), QStringLiteral("verified"));
    QCOMPARE(audit(QStringLiteral("paused")).size(), 1);
    QCOMPARE(audit(QStringLiteral("resumed")).size(), 1);
}

// Issue #16 item 2: between plan and run the cover is unmounted and another tmpfs mounted in its place.
// Linux gives the new mount the old one's ID and (an anonymous device) its device number; source, type, root,
// mount point and parent are the same too. Only its superblock options differ (mode=755): the script must
// refuse it, not unmount a mount nobody approved and report "verified".
void tst_BatchRunner::mountReplacedUnderTheSameIdIsNotUnmounted()
{
    const QString point = QStringLiteral("/var/lib/docker/overlay2");
    const auto coverLine = [point](const QByteArray &table) {
        for (const QByteArray &line : table.split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() > 4 && f.at(4) == point.toUtf8() && line.contains(" - tmpfs lw-cover "))
                return line;
        }
        return QByteArray();
    };
    // IDs (and anonymous devices) are given lowest free first, machine-wide: a cover made just now has the
    // lowest free ID, and a mount made right after it is unmounted gets it again, unless another process
    // took it in between. So: make the cover, plan from a probe, replace it; again if the ID moved.
    QByteArray planned, replaced;
    for (int attempt = 0; attempt < 10 && replaced.isEmpty(); ++attempt) {
        ssh(18, QStringLiteral("umount %1 && mount -t tmpfs -o mode=711 lw-cover %1").arg(point));
        ProbeSweep sweep(m_pool.get());
        SweepHost h;
        h.target.name = m_lab.address(18);
        QList<HostResult> probed;
        connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &b) { probed += b; });
        sweep.setFullProbe(true);
        sweep.start({h});
        QVERIFY(sweep.waitForFinished(60000));
        QVERIFY(probed.size() == 1 && probed.first().snapshot);
        m_snapshots.insert(18, *probed.first().snapshot);
        planned = coverLine(probed.first().capture.probe(QString::fromLatin1(ProbeId::MountInfo)).output);
        QVERIFY(!planned.isEmpty());
        const QByteArray now = coverLine(ssh(
            18, QStringLiteral(
                    "umount %1 2>&1 && mount -t tmpfs -o mode=755 lw-cover %1 && cat /proc/self/mountinfo")
                    .arg(point)));
        const QList<QByteArray> f = now.split(' ');
        const QList<QByteArray> p = planned.split(' ');
        if (f.size() > 3 && f.at(0) == p.at(0) && f.at(2) == p.at(2))
            replaced = now;
    }
    if (replaced.isEmpty())
        QSKIP("the kernel gave the new tmpfs another mount ID or device in 10 tries: nothing to show here");
    QVERIFY2(replaced != planned && replaced.contains("mode=755"), replaced.constData());

    const QList<HostRunResult> results = run(QStringLiteral("fix-shadowed-mounts"), {18}, RolloutOptions());
    QCOMPARE(results.size(), 1);
    QCOMPARE(hostRunStateName(results.first().state), QStringLiteral("failed"));
    QVERIFY2(results.first().stderrData.contains("is not the mount of the plan"),
             results.first().stderrData.constData());
    QVERIFY(!results.first().stdoutData.contains("LW-RUN 'umount'"));
    QCOMPARE(coverLine(ssh(18, QStringLiteral("cat /proc/self/mountinfo"))), replaced); // still mounted
}

QTEST_GUILESS_MAIN(tst_BatchRunner)
#include "tst_batchrunner.moc"
