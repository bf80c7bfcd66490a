// Containers, layer inventory, unit ordering: the parsers and the layer analysis (leaked mounts, orphaned
// layer directories), on captures of a real dockerd 20.10 (data/realdocker/README.md) and on hostile input.
#include "capture.h"
#include "dockerstate.h"
#include "hostsnapshot.h"
#include "layeranalysis.h"
#include "rules.h"

#include <QTest>

using namespace lw;

namespace {

const QString LeakedLayer =
    QStringLiteral("1175b03b69deab565c3fee119a103c73288b11f68de9433246ba0ac1e1585b58");

RawCapture realCapture(const char *name)
{
    CaptureReadResult read =
        readCapture(QFINDTESTDATA(QStringLiteral("data/realdocker/") + QLatin1String(name)));
    if (!read.ok())
        qFatal("cannot read %s: %s", name, qPrintable(read.error));
    return read.capture;
}

const Finding *findingOf(const Analysis &a, const char *id)
{
    for (const Finding &f : a.findings) {
        if (f.id == QLatin1String(id))
            return &f;
    }
    return nullptr;
}

RuleCheck checkOf(const Analysis &a, const char *id)
{
    for (const RuleCheck &c : a.checks) {
        if (c.ruleId == QLatin1String(id))
            return c;
    }
    return {};
}

} // namespace

class tst_DockerState : public QObject
{
    Q_OBJECT

private slots:
    void containersFromInspect()
    {
        const DockerContainers c =
            parseDockerContainers(realCapture("leaked").probe(QStringLiteral("docker-containers")).output);
        QVERIFY(c.errors.isEmpty());
        QCOMPARE(c.containers.size(), 2);
        const DockerContainer &web = c.containers.at(1);
        QCOMPARE(web.name, QStringLiteral("web2"));
        QCOMPARE(web.state, QStringLiteral("running"));
        QVERIFY(web.running);
        QCOMPARE(web.restartPolicy, RestartPolicy::Always);
        QVERIFY(web.restartsWithDaemon());
        QCOMPARE(web.image, QStringLiteral("lw/busybox:1"));
        QCOMPARE(web.layerId,
                 QStringLiteral("a24caf9122ec756d9fa6ee5cc23ec6f8e6dfbff33393889c520c912824535d82"));
        QCOMPARE(c.byId(web.id.left(12)), &web);
        QCOMPARE(c.byLayer(web.layerId), &web);
        QVERIFY(!web.paused);
        QVERIFY(!web.autoRemove);
        // its overlay's directories as the daemon names them: its own, its init layer, the image's one
        QCOMPARE(web.layerDirs.size(), 3);
        QVERIFY(web.layerDirs.contains(web.layerId + QLatin1String("-init")));
        QVERIFY(web.layerDirs.contains(
            QStringLiteral("47c4016190dc051959fe2ede5790e878d3f2da34a4a492e6162b139e3aae3202")));
        // the daemon's images, the BuildKit-built one with its BuildKit-style layer name
        QVERIFY(c.imagesKnown);
        QCOMPARE(c.images.size(), 2);
        QVERIFY(c.images.first().layerDirs.contains(QStringLiteral("h5v4lghhavczhlly0712krsuh")));
    }

    void containersFromPsWhileCovered()
    {
        // inspect fails while covered: docker ps, the layerdb's mount-ids and hostconfig.json's policies
        const DockerContainers c =
            parseDockerContainers(realCapture("covered").probe(QStringLiteral("docker-containers")).output);
        QVERIFY2(c.errors.isEmpty(), qPrintable(c.errors.value(0).message));
        QCOMPARE(c.containers.size(), 2);
        const DockerContainer *no = nullptr;
        for (const DockerContainer &x : c.containers) {
            if (x.name == QLatin1String("web-no"))
                no = &x;
        }
        QVERIFY(no);
        QVERIFY(no->running);
        QCOMPARE(no->restartPolicy, RestartPolicy::No);
        QVERIFY(!no->restartsWithDaemon());
        QCOMPARE(no->layerId,
                 QStringLiteral("6968215449a4be2ef109ee8303150fb0d4670e1b6f1783e457b345c1df07e4d1"));
    }

    void inspectRecordWinsOverPs()
    {
        const QByteArray id(64, 'a');
        const QByteArray text =
            "{\"Id\":\"" + id +
            "\",\"Name\":\"x\",\"State\":\"running\",\"Source\":\"ps\"}\n"
            "{\"Id\":\"" +
            id +
            "\",\"Name\":\"/x\",\"State\":\"running\",\"Running\":true,"
            "\"RestartPolicy\":\"unless-stopped\",\"MergedDir\":\"/r/overlay2/abc/merged\"}\n"
            "layer " +
            id + " zzz\n";
        const DockerContainers c = parseDockerContainers(text);
        QCOMPARE(c.containers.size(), 1);
        QCOMPARE(c.containers.first().layerId, QStringLiteral("abc"));
        QCOMPARE(c.containers.first().restartPolicy, RestartPolicy::UnlessStopped);
    }

    void hostileContainerLinesAreReported()
    {
        const DockerContainers c = parseDockerContainers("{\"Id\":\"../../etc\"}\nlayer x y z\nnot json\n"
                                                         "{\"Id\":\"" +
                                                         QByteArray(64, 'b') +
                                                         "\",\"Name\":\"/a\\u001b[2Jb\",\"MergedDir\":"
                                                         "\"/r/overlay2/../../x/merged\"}\n");
        QCOMPARE(c.errors.size(), 3);
        QCOMPARE(c.containers.size(), 1);
        QVERIFY(c.containers.first().layerId.isEmpty());                  // ".." is not a layer name
        QCOMPARE(c.containers.first().name, QStringLiteral("a\x1b[2Jb")); // data, escaped where shown
    }

    void layerInventory()
    {
        const DockerLayers l =
            parseDockerLayers(realCapture("leaked").probe(QStringLiteral("docker-layers")).output);
        QVERIFY(l.errors.isEmpty());
        QVERIFY(l.complete);
        QCOMPARE(l.root, QStringLiteral("/var/lib/docker"));
        QCOMPARE(l.directories.size(), 11); // 2 running containers x 2, the leaked layer x 2, 2 image layers,
                                            // 2 BuildKit snapshots, l
        QCOMPARE(l.buildKit, BuildKitState::Read);
        QVERIFY(l.buildKitNames.contains(QStringLiteral("qq01bcdprmzpqf1p7667qd0so")));
        QVERIFY(
            l.referenced(QStringLiteral("h5v4lghhavczhlly0712krsuh"))); // an image layer of a BuildKit build
        QVERIFY(!l.referenced(LeakedLayer));
        QCOMPARE(l.busy, 0);
    }

    void layerInventoryCutShortIsNotComplete()
    {
        const DockerLayers l = parseDockerLayers("root /x\ndir abc\ndir a/b\nref cache x\nbuildkit maybe\n");
        QVERIFY(!l.complete);
        QCOMPARE(l.directories, QStringList{QStringLiteral("abc")});
        QCOMPARE(l.errors.size(), 4); // a/b, the short ref, the unknown state, no end line
    }

    void sizesAndOrdering()
    {
        const LayerSizes sizes =
            parseLayerSizes("24\t/var/lib/docker/overlay2/abc\nx\t/y\n12\t/a b/overlay2/d-init\n");
        QCOMPARE(sizes.bytes.value(QStringLiteral("abc")), qint64(24 * 1024));
        QCOMPARE(sizes.bytes.value(QStringLiteral("d-init")), qint64(12 * 1024));
        QCOMPARE(sizes.errors.size(), 1);

        const DockerUnitOrdering o = parseDockerUnitOrdering(
            "ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd ; }\nRequiresMountsFor=/srv/docker\n"
            "After=network-online.target var-lib-docker.mount\n");
        QVERIFY(o.known);
        QVERIFY(o.waitsFor(QStringLiteral("/srv"))); // a parent of a required path
        QVERIFY(o.waitsFor(QStringLiteral("/srv/docker")));
        QVERIFY(!o.waitsFor(QStringLiteral("/srv/dock")));      // not a path prefix
        QVERIFY(o.waitsFor(QStringLiteral("/var/lib/docker"))); // After= its mount unit
        QVERIFY(!o.waitsFor(QStringLiteral("/data")));
        QVERIFY(!parseDockerUnitOrdering("ExecStart=x\n").known); // an older capture: unknown, not "none"
        QCOMPARE(systemdMountUnitName(QStringLiteral("/var/lib/docker")),
                 QStringLiteral("var-lib-docker.mount"));
        QCOMPARE(systemdMountUnitName(QStringLiteral("/srv/my-docker data/")),
                 QStringLiteral("srv-my\\x2ddocker\\x20data.mount"));
        QCOMPARE(systemdMountUnitName(QStringLiteral("/")), QStringLiteral("-.mount"));
    }

    void leakedMountAndOrphansOfARealEngine()
    {
        const HostSnapshot s = buildSnapshot(realCapture("leaked"));
        const LayerAnalysis a = analyzeLayers(s);
        QVERIFY(a.containersKnown);
        QCOMPARE(a.mounted.size(), 3);
        const QList<MountedLayer> leaked = a.leaked();
        QCOMPARE(leaked.size(), 1);
        QCOMPARE(leaked.first().layerId, LeakedLayer);
        QVERIFY(findingContainer(s, leaked.first()).removed);
        QCOMPARE(a.orphans.state, RuleState::Failed);
        QCOMPARE(a.orphans.directories, (QStringList{LeakedLayer, LeakedLayer + QLatin1String("-init")}));
        QCOMPARE(a.orphans.stillMounted, (QStringList{LeakedLayer, LeakedLayer + QLatin1String("-init")}));
        QCOMPARE(a.orphans.bytes, qint64(72 * 1024));

        const Analysis analysis = analyze(s);
        const Finding *l = findingOf(analysis, FindingId::LeakedOverlayMounts);
        QVERIFY(l);
        QCOMPARE(l->containers.size(), 1);
        QVERIFY(l->containers.first().removed);
        const Finding *o = findingOf(analysis, FindingId::OrphanedOverlayLayers);
        QVERIFY(o);
        QCOMPARE(o->bytes, qint64(72 * 1024));
        QCOMPARE(o->remediation, QStringLiteral("remove-orphaned-layers"));
        QCOMPARE(o->severity, Severity::Info); // under 1 GiB
    }

    void coveredRealEngineNamesItsContainers()
    {
        const Analysis a = analyze(buildSnapshot(realCapture("covered")));
        const Finding *f = findingOf(a, FindingId::ShadowedOverlayMounts);
        QVERIFY(f);
        QStringList running, removed;
        for (const FindingContainer &c : f->containers)
            (c.removed ? removed : running)
                .append(c.removed ? c.layerId : c.name + QLatin1Char('/') + c.restartPolicy);
        running.sort();
        QCOMPARE(running, (QStringList{QStringLiteral("web-no/no"), QStringLiteral("web2/always")}));
        QCOMPARE(removed.size(), 2); // the one removed before and `gone`, removed while covered
        QVERIFY(f->explanation.contains(QLatin1String("20.10.24")));
        QVERIFY(f->explanation.contains(QLatin1String("symlink")));
        // leaked mounts are known while covered, orphans are not (the directory seen is the cover's)
        QCOMPARE(checkOf(a, FindingId::LeakedOverlayMounts).state, RuleState::Failed);
        QCOMPARE(checkOf(a, FindingId::OrphanedOverlayLayers).state, RuleState::Unknown);
    }

    void orphansUnknownWhenTheInventoryCannotBeTrusted_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("why");
        QTest::newRow("pull in flight")
            << QByteArray("busy 0") << QByteArray("busy 1") << QStringLiteral("in progress");
        QTest::newRow("BuildKit unreadable")
            << QByteArray("buildkit ok") << QByteArray("buildkit unreadable") << QStringLiteral("BuildKit");
        QTest::newRow("a layerdb record unread")
            << QByteArray("busy 0") << QByteArray("unread mount abc\nbusy 0")
            << QStringLiteral("could not be read");
        QTest::newRow("named layer missing: covered")
            << QByteArray("dir 47c4016190dc051959fe2ede5790e878d3f2da34a4a492e6162b139e3aae3202\n")
            << QByteArray() << QStringLiteral("covered or damaged");
        QTest::newRow("cut short") << QByteArray("end\n") << QByteArray() << QStringLiteral("docker-layers");
    }

    void orphansUnknownWhenTheInventoryCannotBeTrusted()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, why);
        RawCapture c = realCapture("leaked");
        QByteArray &layers = c.probes[QStringLiteral("docker-layers")].output;
        QVERIFY(layers.contains(from));
        layers.replace(from, to);
        const LayerAnalysis a = analyzeLayers(buildSnapshot(c));
        QCOMPARE(a.orphans.state, RuleState::Unknown);
        QVERIFY2(a.orphans.why.contains(why), qPrintable(a.orphans.why));
    }

    void stoppedContainerStillMountedIsNotLeaked()
    {
        // A stopped container's mount may be docker's own (docker export, docker cp): only a mount that no
        // container has at all is leaked.
        RawCapture c = realCapture("leaked");
        QByteArray &list = c.probes[QStringLiteral("docker-containers")].output;
        list.replace("\"State\":\"running\",\"Running\":true", "\"State\":\"exited\",\"Running\":false");
        const LayerAnalysis a = analyzeLayers(buildSnapshot(c));
        QCOMPARE(a.leaked().size(), 1);
        QCOMPARE(a.leaked().first().layerId, LeakedLayer);
    }

    // The attacks a hostile review found (each failed before: the layer in use was removed).
    void imageLayerDatabaseCoveredIsNotAnOrphanLicence()
    {
        // A mount on /var/lib/docker/image hides the layer database without hiding any mount: the daemon
        // still names the image's layers, so the empty database is not believed.
        RawCapture c = realCapture("leaked");
        QByteArray &layers = c.probes[QStringLiteral("docker-layers")].output;
        QByteArray kept;
        for (const QByteArray &line : layers.split('\n')) {
            if (!line.startsWith("ref "))
                kept += line + '\n';
        }
        layers = kept;
        const LayerAnalysis a = analyzeLayers(buildSnapshot(c));
        QCOMPARE(a.orphans.state, RuleState::Unknown);
        QVERIFY2(a.orphans.why.contains(QLatin1String("does not name")), qPrintable(a.orphans.why));
    }

    void recordWithoutCacheIdIsUnread()
    {
        const DockerLayers l =
            parseDockerLayers("root /r\ndir abc\nodd 0\nunread cache 0123\nbusy 0\nbuildkit none\nend\n");
        QCOMPARE(l.unreadable, QStringList{QStringLiteral("cache 0123")});
    }

    void layerDirectoryBoundIntoAContainerIsKept()
    {
        // A layer-named directory bound into a running container as a volume is in use.
        RawCapture c = realCapture("leaked");
        QByteArray &list = c.probes[QStringLiteral("docker-containers")].output;
        list.replace("\"MountSources\":[]", "\"MountSources\":[\"/var/lib/docker/overlay2/" +
                                                LeakedLayer.toLatin1() + "-init/diff\"]");
        const LayerAnalysis a = analyzeLayers(buildSnapshot(c));
        QCOMPARE(a.orphans.directories, QStringList{LeakedLayer});
    }

    void imagesUnknownMakesOrphansUnknown()
    {
        RawCapture c = realCapture("leaked");
        c.probes[QStringLiteral("docker-containers")].output.replace("images ok", "images failed");
        QCOMPARE(analyzeLayers(buildSnapshot(c)).orphans.state, RuleState::Unknown);
    }
};

QTEST_GUILESS_MAIN(tst_DockerState)
#include "tst_dockerstate.moc"
