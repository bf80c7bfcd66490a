// ProbeSweep against real sshd hosts of the lab (tests/lab): batching, statuses, reuse, cancel.
#include "../ssh/labfixture.h"
#include "credentials.h"
#include "diskusage.h"
#include "probebundle.h"
#include "probesweep.h"
#include "sshpool.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <unistd.h>

using namespace lw;

class TestProbeSweep : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sweep_batchesStatusesAndAnalysis();
    void sweep_secondSweepReusesConnections();
    void sweep_cancelStopsPromptly();
    void sweep_destroyedWhileJobsRun();
    void sweep_refreshOnKeptShell();
    void sweep_diskUsageWithoutDf();
    void bundle_isEmbedded();
    void hostsFromInventory_uniqueLabels();
    void sweep_sameAddressTwiceConnectsTwice();
    void sweep_stderrFloodIsCutOff();
    void sweep_oneFrameReplyIsNotOk();

private:
    QList<SweepHost> hosts(const QStringList &scenarios) const;
    ssh::SshOptions options() const;

    LabFixture m_lab;
    QMap<QString, QString> m_scenarioOf; // address -> scenario
};

void TestProbeSweep::initTestCase()
{
    LW_SKIP_UNLESS_LAB_CAN_RUN();
    const QString script = QFINDTESTDATA("../lab/lab.sh");
    QVERIFY(!script.isEmpty());
    QVERIFY2(m_lab.start(script, QStringLiteral("127.0.43.1"),
                         QStringLiteral("healthy,covered,unreachable,unknown-key,hung"), 10),
             qPrintable(m_lab.error()));
    QFile tsv(m_lab.file(QStringLiteral("hosts.tsv")));
    QVERIFY(tsv.open(QIODevice::ReadOnly));
    for (const QByteArray &line : tsv.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (line.startsWith('#') || fields.size() < 2)
            continue;
        m_scenarioOf.insert(QString::fromLatin1(fields.at(0)), QString::fromLatin1(fields.at(1)));
    }
    QCOMPARE(m_scenarioOf.size(), 10);
}

void TestProbeSweep::cleanupTestCase()
{
    m_lab.stop();
}

QList<SweepHost> TestProbeSweep::hosts(const QStringList &scenarios) const
{
    QList<SweepHost> list;
    for (auto it = m_scenarioOf.cbegin(); it != m_scenarioOf.cend(); ++it) {
        if (!scenarios.contains(it.value()))
            continue;
        SweepHost host;
        host.target.name = it.key();
        host.target.hostName = it.key();
        host.target.port = 22;
        host.target.user = QStringLiteral("root");
        host.tags = QStringList{it.value()};
        list.append(host);
    }
    return list;
}

ssh::SshOptions TestProbeSweep::options() const
{
    ssh::SshOptions o = m_lab.sshOptions();
    o.connectTimeoutMs = 3000;
    o.connectRetries = 0;
    o.commandTimeoutMs = 30000;
    return o;
}

void TestProbeSweep::sweep_batchesStatusesAndAnalysis()
{
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    sweep.setBatchIntervalMs(300);
    const QList<SweepHost> targets = hosts({QStringLiteral("healthy"), QStringLiteral("covered"),
                                            QStringLiteral("unreachable"), QStringLiteral("unknown-key")});
    QCOMPARE(targets.size(), 8);

    QList<HostResult> results;
    int batches = 0;
    bool wrongThread = false;
    connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &batch) {
        ++batches;
        results += batch;
        if (QThread::currentThread() != thread())
            wrongThread = true;
    });
    QSignalSpy progress(&sweep, &ProbeSweep::progress);
    QSignalSpy finished(&sweep, &ProbeSweep::finished);
    sweep.start(targets);
    QVERIFY(sweep.isRunning());
    QVERIFY(sweep.waitForFinished(120000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!wrongThread);
    QCOMPARE(results.size(), 8);
    QVERIFY2(batches < 8, qPrintable(QStringLiteral("%1 batches").arg(batches))); // batched, not one by one
    QCOMPARE(progress.last().at(0).toInt(), 8);
    QCOMPARE(progress.last().at(1).toInt(), 4);
    QCOMPARE(progress.last().at(2).toInt(), 8);
    QCOMPARE(sweep.done(), 8);
    QCOMPARE(sweep.failed(), 4);

    for (const HostResult &r : std::as_const(results)) {
        const QString scenario = m_scenarioOf.value(r.target.name);
        QCOMPARE(r.tags, QStringList{scenario});
        if (scenario == QLatin1String("healthy") || scenario == QLatin1String("covered")) {
            QCOMPARE(r.status, HostStatus::Ok);
            QVERIFY(r.snapshot && r.analysis);
            QCOMPARE(r.capture.host, r.target.name);
            QCOMPARE(r.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
            QCOMPARE(r.capture.probe(QStringLiteral("docker-info")).status, ProbeStatus::Ok);
            QVERIFY(r.bundleErrors.isEmpty());
            QStringList ids;
            for (const Finding &f : r.analysis->findings)
                ids << f.id;
            QCOMPARE(ids.contains(QStringLiteral("shadowed-overlay-mounts")),
                     scenario == QLatin1String("covered"));
        } else if (scenario == QLatin1String("unreachable")) {
            QCOMPARE(r.status, HostStatus::Unreachable);
            QVERIFY(!r.snapshot);
            QVERIFY(!r.message.isEmpty());
        } else {
            QCOMPARE(r.status, HostStatus::HostKeyUnknown);
            QVERIFY(r.hostKey.fingerprintSha256.startsWith(QLatin1String("SHA256:")));
            QCOMPARE(r.hostKey.keyType, QStringLiteral("ssh-ed25519"));
            QVERIFY(!r.snapshot);
        }
    }
}

void TestProbeSweep::sweep_secondSweepReusesConnections()
{
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    sweep.setBatchIntervalMs(20);
    const QList<SweepHost> targets = hosts({QStringLiteral("healthy"), QStringLiteral("covered")});
    QList<HostResult> results;
    connect(&sweep, &ProbeSweep::resultsReady, this,
            [&](const QList<HostResult> &batch) { results += batch; });
    auto sweepExpecting = [&](bool reused) {
        results.clear();
        sweep.start(targets);
        QVERIFY(sweep.waitForFinished(120000));
        QCOMPARE(results.size(), 4);
        for (const HostResult &r : std::as_const(results)) {
            QVERIFY(r.isOk());
            QVERIFY2(r.reusedConnection == reused, qPrintable(r.target.name));
        }
    };
    sweepExpecting(false);
    sweepExpecting(true);
    // A sweep that keeps nothing (the CLI's last one) still uses what was kept, then closes it.
    sweep.setKeepConnections(false);
    sweepExpecting(true);
    sweepExpecting(false);
}

void TestProbeSweep::sweep_cancelStopsPromptly()
{
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    // The hung hosts' daemon.json read takes the probe's full 5 s timeout.
    const QList<SweepHost> targets = hosts({QStringLiteral("hung")});
    QCOMPARE(targets.size(), 2);
    QList<HostResult> results;
    connect(&sweep, &ProbeSweep::resultsReady, this,
            [&](const QList<HostResult> &batch) { results += batch; });
    QSignalSpy finished(&sweep, &ProbeSweep::finished);
    sweep.start(targets);
    QTest::qWait(1500);
    QElapsedTimer timer;
    timer.start();
    sweep.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!sweep.isRunning());
    QVERIFY(pool.waitForIdle(10000));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QTest::qWait(300);
    QVERIFY(results.isEmpty()); // nothing of a cancelled sweep arrives later

    // Without cancelling, the hung host finishes with status timeout and its other probes ok.
    sweep.start(targets);
    QVERIFY(sweep.waitForFinished(60000));
    QCOMPARE(results.size(), 2);
    for (const HostResult &r : std::as_const(results)) {
        QCOMPARE(r.status, HostStatus::Timeout);
        QCOMPARE(r.capture.probe(QStringLiteral("daemon-json")).status, ProbeStatus::Timeout);
        QCOMPARE(r.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
        QVERIFY(r.snapshot);
    }
}

void TestProbeSweep::sweep_destroyedWhileJobsRun()
{
    // A sweep object deleted while its jobs still run (the console closed mid-sweep): the jobs end (their
    // results have nowhere to go), nothing calls into the gone object, and the pool serves the next sweep.
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    const QList<SweepHost> hung = hosts({QStringLiteral("hung"), QStringLiteral("healthy")});
    {
        auto sweep = std::make_unique<ProbeSweep>(&pool);
        sweep->setBatchIntervalMs(1);
        int delivered = 0;
        connect(sweep.get(), &ProbeSweep::resultsReady, this,
                [&](const QList<HostResult> &batch) { delivered += int(batch.size()); });
        sweep->start(hung);
        QTest::qWait(800); // the healthy hosts may be done, the hung ones are not
        sweep.reset();
        QVERIFY(delivered < int(hung.size()));
    }
    QVERIFY(pool.waitForIdle(15000));
    QTest::qWait(100); // queued calls of the jobs that ended meanwhile: dropped with the object
    ProbeSweep next(&pool);
    QList<HostResult> results;
    connect(&next, &ProbeSweep::resultsReady, this,
            [&](const QList<HostResult> &batch) { results += batch; });
    const QList<SweepHost> healthy = hosts({QStringLiteral("healthy")});
    next.start(healthy);
    QVERIFY(next.waitForFinished(60000));
    QCOMPARE(results.size(), healthy.size());
    for (const HostResult &r : std::as_const(results))
        QVERIFY2(r.isOk(), qPrintable(r.target.name + QLatin1String(": ") + r.message));
}

namespace {

QByteArray sshRun(const QString &config, const QString &host, const QString &command)
{
    QProcess p;
    p.start(QStringLiteral("ssh"), {QStringLiteral("-F"), config, host, command});
    p.waitForFinished(30000);
    return p.readAllStandardOutput();
}

QStringList findingIds(const HostResult &r)
{
    QStringList ids;
    if (r.analysis) {
        for (const Finding &f : r.analysis->findings)
            ids << f.id;
    }
    ids.sort();
    return ids;
}

} // namespace

void TestProbeSweep::sweep_refreshOnKeptShell()
{
    // The second sweep over the same pool asks the kept probe shells for a refresh: same findings, the
    // kernel config and dockerd's probes "unchanged"; a restarted dockerd and a new covering mount are seen.
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    sweep.setBatchIntervalMs(20);
    const QList<SweepHost> targets = hosts({QStringLiteral("healthy"), QStringLiteral("covered")});
    QMap<QString, HostResult> byHost;
    connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &batch) {
        for (const HostResult &r : batch)
            byHost.insert(r.target.name, r);
    });
    auto sweepOnce = [&] {
        byHost.clear();
        sweep.start(targets);
        QVERIFY(sweep.waitForFinished(120000));
        QCOMPARE(byHost.size(), targets.size());
    };
    sweepOnce();
    const QMap<QString, HostResult> first = byHost;
    for (const HostResult &r : first) {
        QVERIFY(r.isOk());
        QVERIFY(!r.refreshed);
        QVERIFY(r.unchangedProbes.isEmpty());
    }

    sweepOnce();
    for (const HostResult &r : std::as_const(byHost)) {
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QVERIFY(r.refreshed);
        QVERIFY(r.bundleErrors.isEmpty());
        for (const char *id : {"kernel-config", "docker-info", "dockerd-cmdline", "dockerd-execstart"}) {
            QVERIFY2(r.unchangedProbes.contains(QLatin1String(id)), id);
            // the kept data, not a placeholder
            QCOMPARE(r.capture.probe(QLatin1String(id)).status,
                     first[r.target.name].capture.probe(QLatin1String(id)).status);
            QCOMPARE(r.capture.probe(QLatin1String(id)).output,
                     first[r.target.name].capture.probe(QLatin1String(id)).output);
        }
        QVERIFY(!r.unchangedProbes.contains(QStringLiteral("mountinfo")));
        QCOMPARE(findingIds(r), findingIds(first[r.target.name]));
        QVERIFY(r.snapshot);
    }

    // One healthy host: dockerd restarted (new pid) and a tmpfs mounted over overlay2 (the seed's case).
    const QString config = m_lab.file(QStringLiteral("ssh_config"));
    QString changed;
    for (const SweepHost &h : targets) {
        if (h.tags == QStringList{QStringLiteral("healthy")}) {
            changed = h.target.name;
            break;
        }
    }
    QVERIFY(!changed.isEmpty());
    const QByteArray oldPid = sshRun(config, changed, QStringLiteral("pgrep -x dockerd")).trimmed();
    sshRun(config, changed,
           QStringLiteral("systemctl restart docker; mount -t tmpfs cover /var/lib/docker/overlay2"));
    const QByteArray newPid = sshRun(config, changed, QStringLiteral("pgrep -x dockerd")).trimmed();
    QVERIFY(!newPid.isEmpty());
    QVERIFY(newPid != oldPid);

    sweepOnce();
    for (const HostResult &r : std::as_const(byHost)) {
        QVERIFY2(r.isOk(), qPrintable(r.message));
        QVERIFY(r.refreshed);
        if (r.target.name == changed) {
            QVERIFY(!r.unchangedProbes.contains(QStringLiteral("docker-info")));
            QVERIFY(!r.unchangedProbes.contains(QStringLiteral("dockerd-cmdline")));
            QVERIFY(r.unchangedProbes.contains(QStringLiteral("kernel-config")));
            QCOMPARE(r.capture.probe(QStringLiteral("docker-info")).status, ProbeStatus::Ok);
            QVERIFY(findingIds(r).contains(QStringLiteral("shadowed-overlay-mounts")));
        } else {
            QCOMPARE(findingIds(r), findingIds(first[r.target.name]));
        }
    }
    sshRun(config, changed, QStringLiteral("umount /var/lib/docker/overlay2"));

    // A full probe on demand runs everything on the same shells.
    sweep.setFullProbe(true);
    sweepOnce();
    for (const HostResult &r : std::as_const(byHost)) {
        QVERIFY(r.isOk());
        QVERIFY(!r.refreshed);
        QVERIFY(r.unchangedProbes.isEmpty());
        QVERIFY(r.reusedConnection);
    }
}

void TestProbeSweep::sweep_diskUsageWithoutDf()
{
    // Disk usage comes from statvfs over the host's sftp-server (no df process), with df's rows: the same
    // filesystems, names and sizes as the host's own df. Where the host's SFTP cannot (here sftp-server is
    // /bin/false), the probe shell's df runs instead, on the first sweep and on the refreshes after it.
    const QString config = m_lab.file(QStringLiteral("ssh_config"));
    const QList<SweepHost> targets = hosts({QStringLiteral("healthy"), QStringLiteral("covered")});
    QVERIFY(targets.size() >= 2);
    auto rows = [](const QByteArray &df) {
        QStringList out;
        for (const DiskUsage &row : parseDf(df).rows)
            out << row.filesystem + u'|' + row.type + u'|' + QString::number(row.size) + u'|' +
                       row.mountPoint;
        return out;
    };
    QMap<QString, QStringList> real;
    for (const SweepHost &h : targets)
        real.insert(h.target.name, rows(sshRun(config, h.target.name, QStringLiteral("df -PT -B1"))));
    const QString broken = targets.first().target.name;
    const QString fakeDf = m_lab.file(QStringLiteral("fake-df"));
    {
        QFile script(fakeDf);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'Filesystem Type 1-blocks Used Available Capacity Mounted on'\n"
                     "echo 'lw-fallback tmpfs 1000 10 990 1% /lw-fallback'\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFile::ExeOwner));
    }

    ssh::NonInteractiveCredentials credentials;
    auto sweepTwice = [&](const std::function<void(const HostResult &, int)> &check) {
        ssh::SshPool pool(options(), &credentials);
        ProbeSweep sweep(&pool);
        sweep.setBatchIntervalMs(20);
        QList<HostResult> results;
        connect(&sweep, &ProbeSweep::resultsReady, this,
                [&](const QList<HostResult> &batch) { results += batch; });
        for (int round = 1; round <= 2; ++round) {
            results.clear();
            sweep.start(targets);
            QVERIFY(sweep.waitForFinished(120000));
            QCOMPARE(results.size(), targets.size());
            for (const HostResult &r : std::as_const(results)) {
                QVERIFY2(r.isOk(), qPrintable(r.target.name + QStringLiteral(": ") + r.message));
                QCOMPARE(r.refreshed, round == 2);
                QCOMPARE(r.capture.probe(QStringLiteral("df")).status, ProbeStatus::Ok);
                check(r, round);
            }
        }
    };

    // df itself broken on one host: its rows still come, so not from df
    sshRun(config, broken, QStringLiteral("mount --bind /bin/false \"$(command -v df)\""));
    sweepTwice([&](const HostResult &r, int) {
        QCOMPARE(rows(r.capture.probe(QStringLiteral("df")).output), real.value(r.target.name));
    });
    sshRun(config, broken, QStringLiteral("umount \"$(command -v df)\""));

    // A one-off sweep (nothing kept) has no sftp channel: the shell's df runs (the fake one, to tell them
    // apart); over kept connections the rows come from SFTP even with the fake df there.
    sshRun(config, broken, QStringLiteral("mount --bind '%1' \"$(command -v df)\"").arg(fakeDf));
    for (const bool keep : {false, true}) {
        ssh::SshPool pool(options(), &credentials);
        ProbeSweep sweep(&pool);
        sweep.setKeepConnections(keep);
        QList<HostResult> results;
        connect(&sweep, &ProbeSweep::resultsReady, this,
                [&](const QList<HostResult> &batch) { results += batch; });
        sweep.start(targets);
        QVERIFY(sweep.waitForFinished(120000));
        QCOMPARE(results.size(), targets.size());
        for (const HostResult &r : std::as_const(results)) {
            QVERIFY2(r.isOk(), qPrintable(r.target.name + QStringLiteral(": ") + r.message));
            QCOMPARE(r.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::Ok);
            QCOMPARE(r.capture.probe(QStringLiteral("kernel-config")).status, ProbeStatus::Ok);
            const QStringList got = rows(r.capture.probe(QStringLiteral("df")).output);
            if (r.target.name == broken && !keep)
                QCOMPARE(got, QStringList{QStringLiteral("lw-fallback|tmpfs|1000|/lw-fallback")});
            else
                QCOMPARE(got, real.value(r.target.name));
        }
    }
    sshRun(config, broken, QStringLiteral("umount \"$(command -v df)\""));

    // no SFTP on that host: df runs there (the fake one, to tell them apart), the others keep SFTP
    sshRun(
        config, broken,
        QStringLiteral(
            "mount --bind /bin/false /usr/lib/openssh/sftp-server && mount --bind '%1' \"$(command -v df)\"")
            .arg(fakeDf));
    sweepTwice([&](const HostResult &r, int) {
        const QStringList got = rows(r.capture.probe(QStringLiteral("df")).output);
        if (r.target.name == broken)
            QCOMPARE(got, QStringList{QStringLiteral("lw-fallback|tmpfs|1000|/lw-fallback")});
        else
            QCOMPARE(got, real.value(r.target.name));
    });
    sshRun(config, broken,
           QStringLiteral("umount \"$(command -v df)\"; umount /usr/lib/openssh/sftp-server"));
    QCOMPARE(rows(sshRun(config, broken, QStringLiteral("df -PT -B1"))), real.value(broken));

    // A refresh reads the mount table over SFTP in chunks sent at once: a table of many pages, one record
    // longer than a page (the kernel's read stops short before it), hostile names; byte for byte the
    // table a process on the host reads, and df as df.
    const QString big = targets.at(1).target.name;
    // 60 mounts with hostile names; every fourth on a path of 3 to 3.8 KB: records that may not fit in
    // what is left of the kernel's page-sized buffer, at different offsets of the table
    sshRun(config, big,
           QStringLiteral(
               "mkdir -p /mnt/lw-many && mount -t tmpfs lw-many /mnt/lw-many && L=$(printf %0250d 0) && "
               "S=$(printf %0100d 0) && i=0; while [ $i -lt 60 ]; do d=\"/mnt/lw-many/$i x'\\$(y)-$S\"; if [ "
               "$((i % 4)) = 0 ]; then "
               "d=/mnt/lw-many/long$i; j=0; while [ $j -lt $((12 + i / 4 % 4)) ]; do d=$d/$L; j=$((j+1)); "
               "done; fi; "
               "mkdir -p \"$d\" && mount -t tmpfs \"lw src $i\" \"$d\"; i=$((i+1)); done && "
               // and a source and mount point that are not UTF-8: statvfs must reach it by its bytes
               "d=\"/mnt/lw-many/bad-$(printf '\\377\\376')\" && mkdir -p \"$d\" && "
               "mount -t tmpfs \"lw-$(printf '\\376')\" \"$d\""));
    const QByteArray bigTable = sshRun(config, big, QStringLiteral("cat /proc/self/mountinfo"));
    QVERIFY2(bigTable.size() > 8 * 2048, qPrintable(QString::number(bigTable.size())));
    QVERIFY(bigTable.contains("/mnt/lw-many/long56/"));
    QVERIFY(bigTable.contains("/mnt/lw-many/bad-\377\376 "));
    const QStringList bigRows = rows(sshRun(config, big, QStringLiteral("df -PT -B1")));
    QVERIFY(bigRows.size() > 61);
    int seen = 0;
    sweepTwice([&](const HostResult &r, int round) {
        if (r.target.name != big)
            return;
        ++seen;
        if (round == 2)
            QCOMPARE(r.capture.probe(QStringLiteral("mountinfo")).output, bigTable);
        // the snapshot's tree is that table (parsed once, over SFTP, and handed to buildSnapshot)
        QVERIFY(r.snapshot && r.snapshot->mounts.isOk());
        QCOMPARE(r.snapshot->mounts.value.size(), int(bigTable.count('\n')));
        QCOMPARE(rows(r.capture.probe(QStringLiteral("df")).output), bigRows);
    });
    QCOMPARE(seen, 2);
    sshRun(config, big, QStringLiteral("umount -R /mnt/lw-many"));
    QCOMPARE(rows(sshRun(config, big, QStringLiteral("df -PT -B1"))), real.value(big));
}

void TestProbeSweep::bundle_isEmbedded()
{
    const QByteArray script = probeBundleScript();
    QFile file(QFINDTESTDATA("../../resources/probes/bundle.sh"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    // embedded compact: no comments, no indentation, under 60% of the file
    QCOMPARE(script, compactShellScript(text));
    QVERIFY(script.size() < text.size() * 6 / 10);
    QVERIFY(!script.contains("\n#"));
    // and it answers like the file, here, under sh (df's numbers may move between the two runs)
    auto runBundle = [](const QByteArray &body) {
        const QByteArray m = newBundleMarker();
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-s"), QStringLiteral("--"), QString::fromLatin1(m)});
        sh.write(body);
        sh.closeWriteChannel();
        if (!sh.waitForFinished(60000))
            return BundleParseResult();
        return parseBundleOutput(sh.readAllStandardOutput(), sh.readAllStandardError(), m);
    };
    // Two runs of this machine's state: tests running beside this one may change it in between (a status
    // that differs is run again, once, before it counts).
    BundleParseResult fromFile = runBundle(text);
    BundleParseResult fromCompact = runBundle(script);
    const auto sameStatuses = [&] {
        for (auto it = fromFile.capture.probes.cbegin(); it != fromFile.capture.probes.cend(); ++it) {
            if (fromCompact.capture.probes.value(it.key()).status != it->status)
                return false;
        }
        return true;
    };
    if (!sameStatuses()) {
        fromFile = runBundle(text);
        fromCompact = runBundle(script);
    }
    QVERIFY(fromFile.complete);
    QVERIFY(fromCompact.complete);
    QVERIFY(fromCompact.errors.isEmpty());
    QCOMPARE(fromCompact.capture.probes.keys(), fromFile.capture.probes.keys());
    for (auto it = fromFile.capture.probes.cbegin(); it != fromFile.capture.probes.cend(); ++it) {
        const ProbeOutput other = fromCompact.capture.probes.value(it.key());
        QVERIFY2(other.status == it->status,
                 qPrintable(it.key() + QLatin1String(": ") + probeStatusName(it->status) +
                            QLatin1String(" / ") + probeStatusName(other.status) + QLatin1Char('\n') +
                            QString::fromUtf8(it->errorOutput) + QString::fromUtf8(other.errorOutput)));
        if (it.key() != QLatin1String(ProbeId::DiskUsage))
            QCOMPARE(other.output, it->output);
    }
}

void TestProbeSweep::hostsFromInventory_uniqueLabels()
{
    // probe and remediate label hosts the same way: the name, then user@name:port, then name#n
    const Inventory inventory =
        parseInventory("root@web1:2222\nweb1\nweb1:2200\nweb2 db\n", InventoryFormat::Simple);
    QVERIFY(inventory.errors.isEmpty());
    const QList<SweepHost> hosts = sweepHostsFromInventory(inventory);
    QStringList labels;
    for (const SweepHost &h : hosts)
        labels << h.target.name;
    QCOMPARE(labels, (QStringList{QStringLiteral("web1"), QStringLiteral("web1#2"),
                                  QStringLiteral("web1:2200"), QStringLiteral("web2")}));
    // a renamed host still connects where its entry says: its name, with its own user and port
    QCOMPARE(hosts.at(0).target.port, 2222);
    QCOMPARE(hosts.at(0).target.user, QStringLiteral("root"));
    // (issue #16 item 6: the label is no host name; the ssh config is asked for the entry's own name)
    QCOMPARE(hosts.at(0).target.configAlias, QString());
    QCOMPARE(hosts.at(1).target.configAlias, QStringLiteral("web1"));
    QCOMPARE(hosts.at(1).target.hostName, QString());
    QCOMPARE(hosts.at(1).target.port, 0);
    QCOMPARE(hosts.at(2).target.configAlias, QStringLiteral("web1"));
    QCOMPARE(hosts.at(2).target.port, 2200);
    QCOMPARE(hosts.at(3).tags, QStringList{QStringLiteral("db")});
    // IPv6 with a port is labelled as OpenSSH writes it
    const QList<SweepHost> v6 =
        sweepHostsFromInventory(parseInventory("::1\n[::1]:2299\n", InventoryFormat::Simple));
    QCOMPARE(v6.at(1).target.name, QStringLiteral("[::1]:2299"));
    QCOMPARE(v6.at(1).target.configAlias, QStringLiteral("::1"));
}

// Issue #16 item 6: the same address twice, with another user or port ("root@host:22" and "host", as ssh and
// Ansible take them): the second entry failed with "Invalid host name" (its label "host#2" was used as the
// host name). Both connect.
void TestProbeSweep::sweep_sameAddressTwiceConnectsTwice()
{
    const QString address = hosts({QStringLiteral("healthy")}).first().target.name;
    const Inventory inventory =
        parseInventory(QStringLiteral("root@%1:22\n%1\n").arg(address).toUtf8(), InventoryFormat::Simple);
    QVERIFY(inventory.errors.isEmpty());
    const QList<SweepHost> targets = sweepHostsFromInventory(inventory);
    QCOMPARE(targets.size(), 2);
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    QList<HostResult> results;
    connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &b) { results += b; });
    sweep.start(targets);
    QVERIFY(sweep.waitForFinished(60000));
    QCOMPARE(results.size(), 2);
    for (const HostResult &r : std::as_const(results))
        QVERIFY2(r.isOk(), qPrintable(r.target.name + QLatin1String(": ") + r.message));
}

namespace {
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}
} // namespace

// Issue #16 item 9: 8 hosts writing 50 MB each to stderr took 1.28 GB of client memory; each reply was held
// whole up to the 64 MiB stdout cap. Error output is cut off at 1 MiB per reply and the host reported.
void TestProbeSweep::sweep_stderrFloodIsCutOff()
{
    QList<SweepHost> targets = hosts({QStringLiteral("healthy")});
    QVERIFY(targets.size() >= 2);
    targets = targets.mid(0, 2);
    const QString flooding = targets.first().target.name;
    const QString flood = m_lab.file(QStringLiteral("hosts/%1/state/stderr-flood").arg(flooding));
    QFile f(flood);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("12\n"); // MiB per docker call: a few calls stay under the old 64 MiB cap, and were held whole
    f.close();
    const auto unflood = qScopeGuard([&] { QFile::remove(flood); });
    const qint64 peakBefore = peakRssKiB();
    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    QList<HostResult> results;
    connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &b) { results += b; });
    sweep.start(targets);
    QVERIFY(sweep.waitForFinished(120000));
    QCOMPARE(results.size(), 2);
    for (const HostResult &r : std::as_const(results)) {
        if (r.target.name == flooding) {
            QCOMPARE(r.status, HostStatus::Error);
            QVERIFY2(r.message.contains(QLatin1String("error output exceeded")), qPrintable(r.message));
        } else {
            QVERIFY2(r.isOk(), qPrintable(r.message)); // the other host is not disturbed
        }
    }
    // Not the 50 MB (and its copies): at most the caps' worth.
    QVERIFY2(peakRssKiB() - peakBefore < 40 * 1024,
             qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(peakRssKiB() - peakBefore)));
}

// Issue #16 item 10: a hostile sshd whose "shell" answers the bundle with its header, one probe's frame and
// DONE was reported ok. The host is an error naming the probes it did not answer.
void TestProbeSweep::sweep_oneFrameReplyIsNotOk()
{
    const QList<SweepHost> targets = hosts({QStringLiteral("healthy")});
    QVERIFY(!targets.isEmpty());
    const SweepHost target = targets.last();
    const QString address = target.target.name;
    const QString fake = m_lab.file(QStringLiteral("one-frame.sh"));
    QFile script(fake);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "# reads the marker the client sends first, answers one frame and ends\n"
                 "while IFS= read -r line; do case $line in LW_M=*) M=${line#LW_M=}; break ;; esac; done\n"
                 "echo \"lw-kept-pid $$\"\n"
                 "printf '%s BUNDLE 2 0 0 full\\n%s P daemon-json 0 1 ok t 3\\n{}\\n\\n%s DONE\\n' \"$M\" "
                 "\"$M\" \"$M\"\n"
                 "printf '%s E daemon-json\\n%s E DONE\\n' \"$M\" \"$M\" >&2\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                  QFile::ExeOther));
    const QString config = m_lab.file(QStringLiteral("hosts/%1/sshd_config").arg(address));
    QFile configFile(config);
    QVERIFY(configFile.open(QIODevice::ReadOnly));
    const QByteArray original = configFile.readAll();
    configFile.close();
    const auto setConfig = [&](const QByteArray &text) {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QProcess hup; // sshd is PID 1 of the host: it re-reads its config on SIGHUP
        hup.start(QFINDTESTDATA("../lab/lab.sh"),
                  {QStringLiteral("exec"), QStringLiteral("--dir"), m_lab.dir(), address,
                   QStringLiteral("--"), QStringLiteral("kill"), QStringLiteral("-HUP"),
                   QStringLiteral("1")});
        QVERIFY(hup.waitForFinished(30000));
        QTest::qWait(1000);
    };
    setConfig(original + "ForceCommand " + fake.toUtf8() + "\n");
    const auto restore = qScopeGuard([&] { setConfig(original); });

    ssh::NonInteractiveCredentials credentials;
    ssh::SshPool pool(options(), &credentials);
    ProbeSweep sweep(&pool);
    QList<HostResult> results;
    connect(&sweep, &ProbeSweep::resultsReady, this, [&](const QList<HostResult> &b) { results += b; });
    sweep.start({target});
    QVERIFY(sweep.waitForFinished(60000));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().status, HostStatus::Error);
    QVERIFY2(results.first().message.contains(QLatin1String("lacks probe")) &&
                 results.first().message.contains(QLatin1String("docker-info")),
             qPrintable(results.first().message));
}

QTEST_GUILESS_MAIN(TestProbeSweep)
#include "tst_probesweep.moc"
