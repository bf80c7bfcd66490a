// Rules -> findings: one fixture per rule (healthy base capture + the probe that makes it fire), and the
// unknown cases: a rule whose input is missing reports Unknown, never Passed.
#include "capture.h"
#include "hostfacts.h"
#include "hostsnapshot.h"
#include "layeranalysis.h"
#include "rules.h"

#include <QFile>
#include <QTest>

using namespace lw;

namespace {

QString id(const char *findingId)
{
    return QString::fromLatin1(findingId);
}

} // namespace

class tst_rules : public QObject
{
    Q_OBJECT

private:
    RawCapture healthy()
    {
        const QString dir = QFINDTESTDATA("data/rules/healthy");
        CaptureReadResult read = readCapture(dir);
        if (!read.ok())
            qFatal("cannot read the healthy fixture: %s", qPrintable(read.error));
        return read.capture;
    }

    static QByteArray fixture(const QString &name)
    {
        QFile file(QFINDTESTDATA(QStringLiteral("data/rules/") + name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return file.readAll();
    }

    static void set(RawCapture &c, const char *probeId, const QByteArray &output,
                    ProbeStatus status = ProbeStatus::Ok)
    {
        ProbeOutput out;
        out.status = status;
        out.output = output;
        out.exitCode = status == ProbeStatus::Ok ? 0 : 1;
        c.probes.insert(QString::fromLatin1(probeId), out);
    }

    static QByteArray rawOf(const RawCapture &c, const char *probeId)
    {
        return c.probes.value(QString::fromLatin1(probeId)).output;
    }

    static void drop(RawCapture &c, const char *probeId) { c.probes.remove(QString::fromLatin1(probeId)); }

    static RuleCheck check(const Analysis &a, const char *findingId)
    {
        for (const RuleCheck &c : a.checks) {
            if (c.ruleId == QLatin1String(findingId))
                return c;
        }
        qFatal("no check %s", findingId);
        return {};
    }

    static const Finding *finding(const Analysis &a, const char *findingId)
    {
        for (const Finding &f : a.findings) {
            if (f.id == QLatin1String(findingId))
                return &f;
        }
        return nullptr;
    }

    static Analysis run(const RawCapture &c, const AnalysisOptions &opts = {})
    {
        return analyze(buildSnapshot(c), opts);
    }

    static QByteArray dockerInfo(const QString &driver, const QString &backing, const QString &dtype,
                                 const QString &kernel = QStringLiteral("5.15.0-91-generic"))
    {
        return QStringLiteral("{\"Driver\":\"%1\",\"DriverStatus\":[[\"Backing Filesystem\",\"%2\"],"
                              "[\"Supports d_type\",\"%3\"]],\"DockerRootDir\":\"/var/lib/docker\","
                              "\"KernelVersion\":\"%4\",\"ServerVersion\":\"24.0.7\"}")
            .arg(driver, backing, dtype, kernel)
            .toUtf8();
    }

private slots:
    // #19: the docker root on a mount that covers docker's own (a tmpfs on /var/lib/docker) makes df's
    // figures there not docker's; a cover deeper down (on overlay2) leaves the root's filesystem docker's.
    void dockerRootDiskOnACover()
    {
        const QByteArray overlays =
            "1 0 253:0 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
            "40 1 0:40 / /var/lib/docker/overlay2/aaa/merged rw - overlay overlay rw,lowerdir=/l\n";
        RawCapture c = healthy();
        set(c, ProbeId::MountInfo, overlays + "50 1 0:50 / /var/lib/docker rw - tmpfs tmpfs rw\n");
        DockerRootDisk disk = dockerRootDisk(buildSnapshot(c));
        QVERIFY(disk.covered);
        set(c, ProbeId::MountInfo,
            overlays +
                "50 1 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 rw - ext4 /dev/vda1 rw\n");
        disk = dockerRootDisk(buildSnapshot(c));
        QVERIFY(!disk.covered);
        QVERIFY(dockerRootCovered(buildSnapshot(c))); // part of it is covered: the Overview says so
        set(c, ProbeId::MountInfo, overlays);
        disk = dockerRootDisk(buildSnapshot(c));
        QVERIFY(!disk.covered);
        QVERIFY(disk.filesystem.has_value());
    }

    void healthyHostPassesEveryRule()
    {
        const Analysis a = run(healthy());
        QCOMPARE(a.checks.size(), ruleIds().size());
        for (int i = 0; i < a.checks.size(); ++i) {
            QCOMPARE(a.checks.at(i).ruleId, ruleIds().at(i));
            QVERIFY2(a.checks.at(i).state == RuleState::Passed,
                     qPrintable(a.checks.at(i).ruleId + QLatin1String(": ") + a.checks.at(i).reason));
        }
        QVERIFY(a.findings.isEmpty());
        QVERIFY(!a.worstSeverity());
        QCOMPARE(a.unknownCount(), 0);
    }

    void emptyCaptureIsUnknownNeverPassed()
    {
        RawCapture empty;
        empty.host = QStringLiteral("nothing");
        const Analysis a = run(empty);
        QCOMPARE(a.checks.size(), ruleIds().size());
        for (const RuleCheck &c : a.checks) {
            QVERIFY2(c.state == RuleState::Unknown, qPrintable(c.ruleId));
            QVERIFY2(!c.reason.isEmpty(), qPrintable(c.ruleId));
        }
        QVERIFY(a.findings.isEmpty());
        QCOMPARE(a.unknownCount(), int(ruleIds().size()));
    }

    void missingProbeMakesItsRulesUnknown_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("rules");
        const int statuses[] = {int(ProbeStatus::NotCollected), int(ProbeStatus::Failed),
                                int(ProbeStatus::Timeout), int(ProbeStatus::NoPermission)};
        for (int st : statuses) {
            const QString s = probeStatusName(ProbeStatus(st));
            QTest::addRow("mountinfo %s", qPrintable(s))
                << id(ProbeId::MountInfo) << st
                << QStringList{id(FindingId::ShadowedOverlayMounts), id(FindingId::ShadowedMounts)};
            QTest::addRow("df %s", qPrintable(s))
                << id(ProbeId::DiskUsage) << st << QStringList{id(FindingId::LowSpaceCopyUp)};
            QTest::addRow("daemon-json %s", qPrintable(s))
                << id(ProbeId::DaemonJson) << st << QStringList{id(FindingId::StorageDriverConflict)};
            QTest::addRow("docker-info %s", qPrintable(s))
                << id(ProbeId::DockerInfo) << st << QStringList{id(FindingId::DTypeUnsupported)};
            QTest::addRow("docker-containers %s", qPrintable(s))
                << id(ProbeId::DockerContainers) << st
                << QStringList{id(FindingId::LeakedOverlayMounts), id(FindingId::OrphanedOverlayLayers)};
            QTest::addRow("docker-layers %s", qPrintable(s))
                << id(ProbeId::DockerLayers) << st << QStringList{id(FindingId::OrphanedOverlayLayers)};
        }
    }

    void coveredLayerSymptomFollowsTheEngine_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("bindOfTheSameFilesystem");
        QTest::addColumn<QStringList>("says");
        QTest::addColumn<QStringList>("doesNotSay");
        const QString invalid = QStringLiteral("invalid argument");
        const QString busy = QStringLiteral("device or resource busy");
        const QString symlink = QStringLiteral("symlink ../<id>-init/diff");
        QTest::newRow("17.06: invalid argument")
            << "17.06.2-ce" << false << QStringList{invalid} << QStringList{busy, symlink};
        QTest::newRow("20.10 tmpfs: silent leak, docker run fails")
            << "20.10.24+dfsg1" << false << QStringList{symlink} << QStringList{invalid, busy};
        QTest::newRow("20.10 bind: busy")
            << "20.10.24+dfsg1" << true << QStringList{busy} << QStringList{invalid, symlink};
        QTest::newRow("18.09: busy, vendor builds invalid argument")
            << "18.09.0" << true << QStringList{busy, invalid} << QStringList{symlink};
        QTest::newRow("unknown: all of them")
            << "" << false << QStringList{busy, invalid, symlink} << QStringList{};
    }

    void coveredLayerSymptomFollowsTheEngine()
    {
        QFETCH(QString, version);
        QFETCH(bool, bindOfTheSameFilesystem);
        QFETCH(QStringList, says);
        QFETCH(QStringList, doesNotSay);
        RawCapture c = healthy();
        QByteArray table = fixture(QStringLiteral("seed-mountinfo"));
        if (!bindOfTheSameFilesystem)
            table.replace("253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2",
                          "0:99 / /var/lib/docker/overlay2");
        set(c, ProbeId::MountInfo, table);
        QByteArray info = rawOf(c, ProbeId::DockerInfo);
        info.replace("\"ServerVersion\":\"24.0.7\"", "\"ServerVersion\":\"" + version.toUtf8() + "\"");
        set(c, ProbeId::DockerInfo, info);
        const Finding *f = finding(run(c), FindingId::ShadowedOverlayMounts);
        QVERIFY(f);
        for (const QString &text : says) {
            if (!f->explanation.contains(text))
                qWarning().noquote() << f->explanation;
            QVERIFY2(f->explanation.contains(text), qPrintable(text));
        }
        for (const QString &text : doesNotSay)
            QVERIFY2(!f->explanation.contains(text),
                     qPrintable(text + QLatin1String(" | ") + f->explanation));
    }

    void missingProbeMakesItsRulesUnknown()
    {
        QFETCH(QString, probe);
        QFETCH(int, status);
        QFETCH(QStringList, rules);
        RawCapture c = healthy();
        if (ProbeStatus(status) == ProbeStatus::NotCollected) {
            c.probes.remove(probe);
        } else {
            c.probes[probe].status = ProbeStatus(status);
            c.probes[probe].output.clear();
        }
        const Analysis a = run(c);
        for (const QString &rule : rules) {
            const RuleCheck ck = check(a, rule.toLatin1().constData());
            QCOMPARE(ck.state, RuleState::Unknown);
            QVERIFY2(ck.reason.contains(probe), qPrintable(ck.reason)); // names the missing probe
        }
    }

    void unparsableInputIsUnknown()
    {
        RawCapture c = healthy();
        set(c, ProbeId::DaemonJson, "{ \"storage-driver\": \"overlay2\", ");
        set(c, ProbeId::DockerInfo, "Cannot connect to the Docker daemon");
        set(c, ProbeId::MountInfo, "garbage\n");
        const HostSnapshot s = buildSnapshot(c);
        QCOMPARE(s.daemonJson.status, ProbeStatus::Failed);
        QVERIFY(!s.daemonJson.errors.isEmpty());
        QCOMPARE(s.dockerInfo.status, ProbeStatus::Failed);
        QCOMPARE(s.mounts.status, ProbeStatus::Failed);
        const Analysis a = analyze(s);
        QCOMPARE(check(a, FindingId::StorageDriverConflict).state, RuleState::Unknown);
        QCOMPARE(check(a, FindingId::DTypeUnsupported).state, RuleState::Unknown);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Unknown);
    }

    void shadowedOverlayMountsLikeTheSeed()
    {
        RawCapture c = healthy();
        set(c, ProbeId::MountInfo, fixture(QStringLiteral("seed-mountinfo")));
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Failed);
        const Finding *f = finding(a, FindingId::ShadowedOverlayMounts);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Critical);
        QCOMPARE(f->mountIds, (QList<int>{120, 122}));
        QCOMPARE(f->coveredBy, QList<int>{130}); // one cover, listed once
        QCOMPARE(f->layerIds,
                 (QStringList{
                     QStringLiteral("844fd3bca8e616572935808061f009d106a8748dfd29a0a4025645457fa21785"),
                     QStringLiteral("2b0c6c0e4ea4ad3b0a1a6bd3a3a7f6dcd85b4c2e1b7fd1b9d0b2a7e0f5c3d9e1")}));
        QCOMPARE(f->remediation, QStringLiteral("fix-shadowed-mounts"));
        QCOMPARE(f->evidence.size(), 3);
        QVERIFY(
            f->evidence.at(0).startsWith(QLatin1String("120 22 0:60 / /var/lib/docker/overlay2/844fd3bc")));
        QCOMPARE(f->evidence.at(2),
                 QStringLiteral("130 22 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 "
                                "rw,relatime shared:1 - ext4 /dev/mapper/dm-root "
                                "rw,seclabel,data=ordered"));
        // The seed's cover is a bind of the docker root's own filesystem (253:0): on this engine (24.0.7)
        // docker rm fails with "device or resource busy"; the guide's "invalid argument" is older engines'.
        QVERIFY2(f->explanation.contains(QLatin1String("device or resource busy")),
                 qPrintable(f->explanation));
        QVERIFY(f->explanation.contains(QLatin1String("not lost")));
        // the healthy host's containers use other layers: both hidden mounts are removed containers'
        QCOMPARE(f->containers.size(), 2);
        QVERIFY(f->containers.at(0).removed && f->containers.at(1).removed);
        QVERIFY(!f->title.isEmpty());
        // The shm mount is under /var/lib/docker/containers, not covered.
        QCOMPARE(check(a, FindingId::ShadowedMounts).state, RuleState::Passed);
        QVERIFY(!finding(a, FindingId::ShadowedMounts));
        QCOMPARE(a.worstSeverity(), std::optional<Severity>(Severity::Critical));
    }

    void shadowedOtherMounts()
    {
        RawCapture c = healthy();
        set(c, ProbeId::MountInfo, fixture(QStringLiteral("hidden-tmpfs-mountinfo")));
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Passed);
        QCOMPARE(check(a, FindingId::ShadowedMounts).state, RuleState::Failed);
        const Finding *f = finding(a, FindingId::ShadowedMounts);
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QCOMPARE(f->mountIds, QList<int>{40});
        QCOMPARE(f->coveredBy, QList<int>{41});
        QVERIFY(f->remediation.isEmpty());
        QCOMPARE(f->evidence.size(), 2);
    }

    // Issue #17: a healthy Debian 12 host and a healthy systemd host (automount points with their file
    // systems mounted on them) raise no covered-mount finding.
    void healthyHostTablesHideNothing_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("debian12-docker") << QStringLiteral("debian12-docker.mountinfo");
        QTest::newRow("systemd-automounts") << QStringLiteral("systemd-automounts.mountinfo");
    }

    void healthyHostTablesHideNothing()
    {
        QFETCH(QString, table);
        QFile file(QFINDTESTDATA(QStringLiteral("data/hosts/") + table));
        QVERIFY(file.open(QIODevice::ReadOnly));
        RawCapture c = healthy();
        set(c, ProbeId::MountInfo, file.readAll());
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedMounts).state, RuleState::Passed);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Passed);
        QVERIFY(!finding(a, FindingId::ShadowedMounts));
    }

    // A line util-linux reads (a cifs unc= with unescaped spaces) is no unreadable line: the checks stay
    // decided.
    void cifsLineWithSpacesKeepsChecksDecided()
    {
        RawCapture c = healthy();
        set(c, ProbeId::MountInfo,
            rawOf(c, ProbeId::MountInfo) +
                "931 22 0:93 / /srv/team rw,relatime - cifs //nas/Team\\040Share/ rw,vers=1.0,"
                "unc=\\\\nas\\Team Share,username=ops,uid=0\n");
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedMounts).state, RuleState::Passed);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Passed);
    }

    // A tmpfs mounted on / of the namespace: the probe's shell, rooted at the old /, still sees every
    // mount; only the tmpfs itself is out of its reach, and the finding says why.
    void mountOnNamespaceRoot()
    {
        RawCapture c = healthy();
        const QByteArray table = rawOf(c, ProbeId::MountInfo);
        const qsizetype rootLine = table.indexOf(" / / ");
        QVERIFY(rootLine > 0);
        const QByteArray rootId = table.mid(table.lastIndexOf('\n', rootLine) + 1).split(' ').first();
        set(c, ProbeId::MountInfo, table + "990 " + rootId + " 0:99 / / rw,relatime - tmpfs lwroot rw\n");
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Passed);
        const Finding *f = finding(a, FindingId::ShadowedMounts);
        QVERIFY(f);
        QCOMPARE(f->mountIds, QList<int>{990});
        QCOMPARE(f->coveredBy, QList<int>{rootId.toInt()});
        QVERIFY2(f->explanation.contains(QLatin1String("on / of the mount namespace")),
                 qPrintable(f->explanation));
    }

    void truncatedMountinfoIsNotHealthy()
    {
        RawCapture c = healthy();
        c.probes[QString::fromLatin1(ProbeId::MountInfo)].truncated = true;
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Unknown);
    }

    void unreadableMountinfoLinesAreNotHealthy()
    {
        RawCapture c = healthy();
        c.probes[QString::fromLatin1(ProbeId::MountInfo)].output += "999 22 garbage\n";
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::ShadowedOverlayMounts).state, RuleState::Unknown);
        QVERIFY(check(a, FindingId::ShadowedOverlayMounts).reason.contains(QLatin1String("line")));
        // A finding is still reported when the readable lines show it.
        set(c, ProbeId::MountInfo, fixture(QStringLiteral("seed-mountinfo")) + "999 22 garbage\n");
        QCOMPARE(check(run(c), FindingId::ShadowedOverlayMounts).state, RuleState::Failed);
    }

    void driverConflict_data()
    {
        QTest::addColumn<QByteArray>("daemonJson");
        QTest::addColumn<int>("daemonJsonStatus");
        QTest::addColumn<QByteArray>("dockerStorage");
        QTest::addColumn<int>("dockerStorageStatus");
        QTest::addColumn<QByteArray>("cmdline");
        QTest::addColumn<int>("cmdlineStatus");
        QTest::addColumn<int>("execStartStatus");
        QTest::addColumn<int>("expected");
        const int ok = int(ProbeStatus::Ok), absent = int(ProbeStatus::Absent),
                  nc = int(ProbeStatus::NotCollected);
        const QByteArray json = "{\n  \"storage-driver\": \"overlay2\"\n}\n";
        const QByteArray plainCmd("/usr/bin/dockerd\0-H\0fd://\0", 27);
        const QByteArray flagCmd("/usr/bin/dockerd\0-s\0overlay2\0", 29);
        QTest::newRow("same value in daemon.json and docker-storage")
            << json << ok << QByteArray("DOCKER_STORAGE_OPTIONS=\"--storage-driver=overlay2\"\n") << ok
            << plainCmd << absent << nc << int(RuleState::Failed);
        QTest::newRow("daemon.json and -s flag")
            << json << ok << QByteArray() << absent << flagCmd << ok << ok << int(RuleState::Failed);
        QTest::newRow("daemon.json only")
            << json << ok << QByteArray() << absent << plainCmd << ok << ok << int(RuleState::Passed);
        QTest::newRow("flag only") << QByteArray("{}") << ok << QByteArray() << absent << flagCmd << ok << ok
                                   << int(RuleState::Passed);
        QTest::newRow("no daemon.json") << QByteArray() << absent << QByteArray() << absent << flagCmd << ok
                                        << ok << int(RuleState::Passed);
        QTest::newRow("daemon.json not collected")
            << QByteArray() << nc << QByteArray() << absent << flagCmd << ok << ok << int(RuleState::Unknown);
        QTest::newRow("flags unknown")
            << json << ok << QByteArray() << absent << QByteArray() << nc << nc << int(RuleState::Unknown);
        QTest::newRow("docker-storage unknown")
            << json << ok << QByteArray() << nc << plainCmd << ok << ok << int(RuleState::Unknown);
    }

    void driverConflict()
    {
        QFETCH(QByteArray, daemonJson);
        QFETCH(int, daemonJsonStatus);
        QFETCH(QByteArray, dockerStorage);
        QFETCH(int, dockerStorageStatus);
        QFETCH(QByteArray, cmdline);
        QFETCH(int, cmdlineStatus);
        QFETCH(int, execStartStatus);
        QFETCH(int, expected);
        RawCapture c = healthy();
        set(c, ProbeId::DaemonJson, daemonJson, ProbeStatus(daemonJsonStatus));
        set(c, ProbeId::DockerStorage, dockerStorage, ProbeStatus(dockerStorageStatus));
        set(c, ProbeId::DockerdCmdline, cmdline, ProbeStatus(cmdlineStatus));
        if (ProbeStatus(execStartStatus) != ProbeStatus::Ok)
            drop(c, ProbeId::DockerdExecStart);
        for (const char *p : {ProbeId::DaemonJson, ProbeId::DockerStorage, ProbeId::DockerdCmdline}) {
            if (c.probes.value(QString::fromLatin1(p)).status == ProbeStatus::NotCollected)
                drop(c, p);
        }
        const Analysis a = run(c);
        const RuleCheck ck = check(a, FindingId::StorageDriverConflict);
        QVERIFY2(int(ck.state) == expected, qPrintable(ck.reason));
        const Finding *f = finding(a, FindingId::StorageDriverConflict);
        QCOMPARE(f != nullptr, ck.state == RuleState::Failed);
        if (f) {
            QCOMPARE(f->severity, Severity::Critical);
            QCOMPARE(f->remediation, QStringLiteral("fix-storage-driver-conflict"));
            QCOMPARE(f->evidence.size(), 2);
            QCOMPARE(f->evidence.at(0), QStringLiteral("daemon-json: \"storage-driver\": \"overlay2\""));
            QVERIFY(f->evidence.at(1).contains(QLatin1String("overlay2")));
            QVERIFY(f->explanation.contains(
                QLatin1String("specified both as a flag and in the configuration file")));
        }
    }

    void dockerStorageNotUsedByTheUnit()
    {
        // A leftover /etc/sysconfig/docker-storage that the unit's ExecStart never passes to dockerd.
        RawCapture c = healthy(); // ExecStart: /usr/bin/dockerd -H fd:// --containerd=...
        set(c, ProbeId::DaemonJson, "{\"storage-driver\": \"overlay2\"}");
        set(c, ProbeId::DockerStorage, "DOCKER_STORAGE_OPTIONS=\"--storage-driver=overlay2\"\n");
        QCOMPARE(check(run(c), FindingId::StorageDriverConflict).state, RuleState::Passed);
        // The RHEL-style unit passes it: conflict.
        set(c, ProbeId::DockerdExecStart,
            "ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd $OPTIONS $DOCKER_STORAGE_OPTIONS ; "
            "ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n");
        QCOMPARE(check(run(c), FindingId::StorageDriverConflict).state, RuleState::Failed);
        // ExecStart unknown: the file is assumed to reach dockerd.
        drop(c, ProbeId::DockerdExecStart);
        QCOMPARE(check(run(c), FindingId::StorageDriverConflict).state, RuleState::Failed);
    }

    void driverNotOverlay2()
    {
        RawCapture c = healthy();
        set(c, ProbeId::DockerInfo,
            dockerInfo(QStringLiteral("devicemapper"), QStringLiteral("xfs"), QStringLiteral("true")));
        Analysis a = run(c);
        QCOMPARE(check(a, FindingId::StorageDriverNotOverlay2).state, RuleState::Failed);
        QCOMPARE(finding(a, FindingId::StorageDriverNotOverlay2)->severity, Severity::Warning);
        QVERIFY(finding(a, FindingId::StorageDriverNotOverlay2)
                    ->evidence.constFirst()
                    .contains(QLatin1String("devicemapper")));

        set(c, ProbeId::DockerInfo,
            dockerInfo(QStringLiteral("overlayfs"), QStringLiteral("extfs"), QStringLiteral("true")));
        a = run(c);
        QCOMPARE(check(a, FindingId::StorageDriverNotOverlay2).state, RuleState::Passed);

        // docker info missing: the configuration decides, and without any it is unknown.
        drop(c, ProbeId::DockerInfo);
        a = run(c);
        QCOMPARE(check(a, FindingId::StorageDriverNotOverlay2).state, RuleState::Unknown);
        set(c, ProbeId::DaemonJson, "{\"storage-driver\": \"vfs\"}");
        a = run(c);
        QCOMPARE(check(a, FindingId::StorageDriverNotOverlay2).state, RuleState::Failed);
        set(c, ProbeId::DaemonJson, "{\"storage-driver\": \"overlay2\"}");
        a = run(c);
        QCOMPARE(check(a, FindingId::StorageDriverNotOverlay2).state, RuleState::Passed);
    }

    void kernelTooOld_data()
    {
        QTest::addColumn<QByteArray>("release");
        QTest::addColumn<bool>("tooOld");
        QTest::newRow("el7 before 514") << QByteArray("3.10.0-327.el7.x86_64\n") << true;
        QTest::newRow("el7 514") << QByteArray("3.10.0-514.el7.x86_64\n") << false;
        QTest::newRow("el7 1160") << QByteArray("3.10.0-1160.el7.x86_64\n") << false;
        QTest::newRow("3.18 native") << QByteArray("3.18.0-1-generic\n") << true;
        QTest::newRow("4.0") << QByteArray("4.0.0\n") << false;
        QTest::newRow("openEuler 4.19") << QByteArray("4.19.90-2102.2.0.0062.oe1.aarch64\n") << false;
    }

    void kernelTooOld()
    {
        QFETCH(QByteArray, release);
        QFETCH(bool, tooOld);
        RawCapture c = healthy();
        set(c, ProbeId::KernelRelease, release);
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::KernelTooOld).state, tooOld ? RuleState::Failed : RuleState::Passed);
        if (tooOld) {
            QCOMPARE(finding(a, FindingId::KernelTooOld)->severity, Severity::Critical);
            QVERIFY(finding(a, FindingId::KernelTooOld)
                        ->evidence.constFirst()
                        .contains(QString::fromUtf8(release.trimmed())));
        }
    }

    void kernelFromDockerInfoWhenUnameIsMissing()
    {
        RawCapture c = healthy();
        drop(c, ProbeId::KernelRelease);
        set(c, ProbeId::DockerInfo,
            dockerInfo(QStringLiteral("overlay2"), QStringLiteral("extfs"), QStringLiteral("true"),
                       QStringLiteral("3.10.0-229.el7.x86_64")));
        QCOMPARE(check(run(c), FindingId::KernelTooOld).state, RuleState::Failed);
        drop(c, ProbeId::DockerInfo);
        const RuleCheck ck = check(run(c), FindingId::KernelTooOld);
        QCOMPARE(ck.state, RuleState::Unknown);
        QVERIFY(ck.reason.contains(QLatin1String("uname-r")));
    }

    void redirectDir()
    {
        RawCapture c = healthy();
        set(c, ProbeId::OverlayParams, "index=Y\nredirect_dir=N\n");
        Analysis a = run(c);
        QCOMPARE(check(a, FindingId::RedirectDirDisabled).state, RuleState::Failed);
        const Finding *f = finding(a, FindingId::RedirectDirDisabled);
        QCOMPARE(f->severity, Severity::Warning);
        QCOMPARE(f->remediation, QStringLiteral("enable-redirect-dir"));
        QCOMPARE(f->evidence, QStringList{QStringLiteral("/sys/module/overlay/parameters/redirect_dir=N")});
        QVERIFY(f->explanation.contains(QLatin1String("EXDEV")));

        // No parameter: the kernel has no redirect_dir at all; no script can switch it on.
        set(c, ProbeId::OverlayParams, "index=Y\n");
        set(c, ProbeId::KernelConfig,
            "CONFIG_OVERLAY_FS=m\n# CONFIG_OVERLAY_FS_REDIRECT_DIR is not set\nCONFIG_OVERLAY_FS_INDEX=y\n");
        a = run(c);
        QCOMPARE(check(a, FindingId::RedirectDirDisabled).state, RuleState::Failed);
        QVERIFY(finding(a, FindingId::RedirectDirDisabled)->remediation.isEmpty());
        QVERIFY(finding(a, FindingId::RedirectDirDisabled)
                    ->evidence.constFirst()
                    .contains(QLatin1String("# CONFIG_OVERLAY_FS_REDIRECT_DIR is not set")));

        set(c, ProbeId::OverlayParams, "redirect_dir=Y\n");
        QCOMPARE(check(run(c), FindingId::RedirectDirDisabled).state, RuleState::Passed);

        drop(c, ProbeId::OverlayParams);
        drop(c, ProbeId::KernelConfig);
        const RuleCheck ck = check(run(c), FindingId::RedirectDirDisabled);
        QCOMPARE(ck.state, RuleState::Unknown);
        QVERIFY(ck.reason.contains(QLatin1String("overlay-params")));
        QVERIFY(ck.reason.contains(QLatin1String("kernel-config")));
    }

    void indexDisabled()
    {
        RawCapture c = healthy();
        set(c, ProbeId::OverlayParams, "index=N\nredirect_dir=Y\n");
        const Analysis a = run(c);
        QCOMPARE(check(a, FindingId::IndexDisabled).state, RuleState::Failed);
        const Finding *f = finding(a, FindingId::IndexDisabled);
        QCOMPARE(f->severity, Severity::Info);
        QVERIFY(f->remediation.isEmpty());
        QVERIFY(f->explanation.contains(QLatin1String("forward compatible")));
        QCOMPARE(check(a, FindingId::RedirectDirDisabled).state, RuleState::Passed);
    }

    void backingFilesystem_data()
    {
        QTest::addColumn<QString>("backing");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<int>("backingState");
        QTest::addColumn<int>("dtypeState");
        QTest::newRow("extfs") << "extfs"
                               << "true" << int(RuleState::Passed) << int(RuleState::Passed);
        QTest::newRow("xfs ftype=1") << "xfs"
                                     << "true" << int(RuleState::Passed) << int(RuleState::Passed);
        QTest::newRow("xfs ftype=0") << "xfs"
                                     << "false" << int(RuleState::Failed) << int(RuleState::Failed);
        QTest::newRow("btrfs") << "btrfs"
                               << "true" << int(RuleState::Failed) << int(RuleState::Passed);
    }

    void backingFilesystem()
    {
        QFETCH(QString, backing);
        QFETCH(QString, dtype);
        QFETCH(int, backingState);
        QFETCH(int, dtypeState);
        RawCapture c = healthy();
        set(c, ProbeId::DockerInfo, dockerInfo(QStringLiteral("overlay2"), backing, dtype));
        const Analysis a = run(c);
        QCOMPARE(int(check(a, FindingId::BackingFsNotRecommended).state), backingState);
        QCOMPARE(int(check(a, FindingId::DTypeUnsupported).state), dtypeState);
        if (const Finding *f = finding(a, FindingId::BackingFsNotRecommended)) {
            QCOMPARE(f->severity, Severity::Warning);
            QVERIFY(f->evidence.constFirst().contains(backing));
        }
        if (const Finding *f = finding(a, FindingId::DTypeUnsupported)) {
            QCOMPARE(f->severity, Severity::Critical);
            QVERIFY(f->evidence.contains(QStringLiteral("docker-info: Supports d_type: false")));
        }
    }

    void lowSpace_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("available");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("severity");
        const qint64 GiB = qint64(1) << 30;
        QTest::newRow("half free") << 200 * GiB << 100 * GiB << int(RuleState::Passed) << -1;
        QTest::newRow("8% free") << 200 * GiB << 16 * GiB << int(RuleState::Failed) << int(Severity::Warning);
        QTest::newRow("15% but 3 GiB")
            << 20 * GiB << 3 * GiB << int(RuleState::Failed) << int(Severity::Warning);
        QTest::newRow("1% free") << 1000 * GiB << 10 * GiB << int(RuleState::Failed)
                                 << int(Severity::Critical);
    }

    void lowSpace()
    {
        QFETCH(qint64, size);
        QFETCH(qint64, available);
        QFETCH(int, state);
        QFETCH(int, severity);
        RawCapture c = healthy();
        const QByteArray row = QStringLiteral("/dev/sdb1 ext4 %1 %2 %3 50% /var/lib/docker")
                                   .arg(size)
                                   .arg(size - available)
                                   .arg(available)
                                   .toUtf8();
        set(c, ProbeId::DiskUsage,
            "Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
            "/dev/sda2 ext4 250375106560 61448343552 188926763008 25% /\n" +
                row + "\n");
        const Analysis a = run(c);
        QCOMPARE(int(check(a, FindingId::LowSpaceCopyUp).state), state);
        const Finding *f = finding(a, FindingId::LowSpaceCopyUp);
        QCOMPARE(f != nullptr, severity >= 0);
        if (f) {
            QCOMPARE(int(f->severity), severity);
            QCOMPARE(f->evidence, QStringList{QStringLiteral("df: ") + QString::fromUtf8(row)});
        }
    }

    void lowSpaceThresholdsAreOptions()
    {
        RawCapture c = healthy(); // 75% free on /
        AnalysisOptions opts;
        opts.lowSpaceFreeRatio = 0.80;
        QCOMPARE(check(run(c, opts), FindingId::LowSpaceCopyUp).state, RuleState::Failed);
        QCOMPARE(check(run(c), FindingId::LowSpaceCopyUp).state, RuleState::Passed);
    }

    void findingsAreMostSevereFirst()
    {
        RawCapture c = healthy();
        set(c, ProbeId::OverlayParams, "index=N\nredirect_dir=N\n");
        set(c, ProbeId::MountInfo, fixture(QStringLiteral("seed-mountinfo")));
        set(c, ProbeId::DockerInfo,
            dockerInfo(QStringLiteral("overlay2"), QStringLiteral("xfs"), QStringLiteral("false")));
        const Analysis a = run(c);
        QVERIFY(a.findings.size() >= 4);
        for (int i = 1; i < a.findings.size(); ++i)
            QVERIFY(int(a.findings.at(i - 1).severity) >= int(a.findings.at(i).severity));
        QCOMPARE(a.findings.constFirst().id, id(FindingId::ShadowedOverlayMounts));
        QCOMPARE(a.findings.constLast().id, id(FindingId::IndexDisabled));
    }

    void dockerRootFallbacks()
    {
        RawCapture c = healthy();
        QCOMPARE(buildSnapshot(c).dockerRoot(), QStringLiteral("/var/lib/docker"));
        set(c, ProbeId::DockerInfo, "{\"Driver\":\"overlay2\",\"DockerRootDir\":\"/data/docker\"}");
        QCOMPARE(buildSnapshot(c).dockerRoot(), QStringLiteral("/data/docker"));
        drop(c, ProbeId::DockerInfo);
        set(c, ProbeId::DaemonJson, "{\"data-root\": \"/srv/docker\"}");
        QCOMPARE(buildSnapshot(c).dockerRoot(), QStringLiteral("/srv/docker"));
        // The overlay mounts under a non-default root map to layers through it.
        set(c, ProbeId::MountInfo,
            QString::fromUtf8(fixture(QStringLiteral("seed-mountinfo")))
                .replace(QLatin1String("/var/lib/docker"), QLatin1String("/srv/docker"))
                .toUtf8());
        const Analysis a = run(c);
        QVERIFY(finding(a, FindingId::ShadowedOverlayMounts));
        QCOMPARE(finding(a, FindingId::ShadowedOverlayMounts)->layerIds.size(), 2);
    }

    void absentConfigurationIsAFact()
    {
        const HostSnapshot s = buildSnapshot(healthy());
        QCOMPARE(s.daemonJson.status, ProbeStatus::Absent);
        QVERIFY(s.daemonJson.isKnown());
        QCOMPARE(s.dockerStorage.status, ProbeStatus::Absent);
        QCOMPARE(s.mounts.status, ProbeStatus::Ok);
        QVERIFY(s.mounts.value.size() > 20);
    }
};

QTEST_GUILESS_MAIN(tst_rules)
#include "tst_rules.moc"
