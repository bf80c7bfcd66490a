#include "capture.h"
#include "remediation.h"
#include "rules.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lw;

namespace {

// The seed's case as mountinfo: two container overlays, then an ext4 mounted on the overlay2 directory.
const char *const SeedMountinfo =
    "1 0 253:0 / / rw,relatime shared:1 - ext4 /dev/mapper/dm-root rw,seclabel,data=ordered\n"
    "40 1 0:40 / /var/lib/docker/overlay2/844fd3bca8e6/merged rw,relatime - overlay overlay "
    "rw,lowerdir=/var/lib/docker/overlay2/l/JL5P:/var/lib/docker/overlay2/l/ELRP,upperdir=/var/lib/docker/"
    "overlay2/844fd3bca8e6/diff,workdir=/var/lib/docker/overlay2/844fd3bca8e6/work\n"
    "41 1 0:41 / /var/lib/docker/overlay2/1348136d32aa/merged rw,relatime - overlay overlay "
    "rw,lowerdir=/var/lib/docker/overlay2/l/AAAA,upperdir=/var/lib/docker/overlay2/1348136d32aa/"
    "diff,workdir=/var/"
    "lib/docker/overlay2/1348136d32aa/work\n"
    "42 1 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 rw,relatime - ext4 /dev/mapper/dm-root "
    "rw,seclabel,data=ordered\n";

// A snapshot of the table; with containersKnown, one running container (restart policy no) for each overlay
// mount of a layer, named c1, c2, ... in table order.
HostSnapshot snapshotFrom(const QByteArray &mountinfo,
                          const QString &dockerRoot = QStringLiteral("/var/lib/docker"),
                          bool containersKnown = true)
{
    HostSnapshot s;
    s.host = QStringLiteral("node-1");
    s.mounts.status = ProbeStatus::Ok;
    s.mounts.value = MountTree::build(parseMountInfo(mountinfo).mounts, dockerRoot);
    if (containersKnown) {
        s.containers.status = ProbeStatus::Ok;
        for (int i = 0; i < s.mounts.value.size(); ++i) {
            const QString layer = s.mounts.value.layerId(i);
            if (layer.isEmpty())
                continue;
            DockerContainer c;
            c.id = QString::number(s.containers.value.containers.size() + 1).repeated(64).left(64);
            c.name = QStringLiteral("c%1").arg(s.containers.value.containers.size() + 1);
            c.state = QStringLiteral("running");
            c.running = true;
            c.restartPolicy = RestartPolicy::No;
            c.layerId = layer;
            s.containers.value.containers.append(c);
        }
    }
    return s;
}

QMap<QString, QByteArray> decodeParameters(const QByteArray &encoded,
                                           QList<QPair<QString, QByteArray>> *ordered)
{
    QMap<QString, QByteArray> first;
    const QByteArray lines = QByteArray::fromBase64(encoded);
    for (const QByteArray &line : lines.split('\n')) {
        if (line.isEmpty())
            continue;
        const int space = line.indexOf(' ');
        const QString name = QString::fromLatin1(line.left(space));
        const QByteArray value = QByteArray::fromBase64(line.mid(space + 1));
        ordered->append({name, value});
        if (!first.contains(name))
            first.insert(name, value);
    }
    return first;
}

bool copyCatalog(const QString &to)
{
    const QDir from(QStringLiteral(":/remediation"));
    for (const QString &name : from.entryList(QDir::Files)) {
        if (!QFile::copy(from.filePath(name), QDir(to).filePath(name)))
            return false;
        QFile::setPermissions(QDir(to).filePath(name), QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

void appendTo(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    f.write(bytes);
}

} // namespace

class tst_Remediation : public QObject
{
    Q_OBJECT

private slots:
    void builtInCatalogIsReviewed()
    {
        const RemediationCatalog catalog = loadRemediationCatalog();
        QVERIFY2(catalog.errors.isEmpty(), qPrintable(catalog.errors.join(QLatin1Char('\n'))));
        QVERIFY(catalog.preludeVerified);
        for (const char *id :
             {"fix-shadowed-mounts", "migrate-and-reboot", "fix-storage-driver-conflict",
              "enable-redirect-dir", "remove-orphaned-layers", "order-docker-after-mounts"}) {
            const RemediationScript *s = catalog.script(QString::fromLatin1(id));
            QVERIFY2(s, id);
            QVERIFY2(s->verified, qPrintable(s->refusal));
            QVERIFY(!s->titleEn.isEmpty());
            QVERIFY(!s->titleZh.isEmpty());
            QVERIFY(!s->riskEn.isEmpty());
        }
        QCOMPARE(catalog.scriptsFor(QStringLiteral("shadowed-overlay-mounts")).size(), 2);
    }

    void tamperedScriptIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(copyCatalog(dir.path()));
        appendTo(dir.filePath(QStringLiteral("fix-shadowed-mounts.sh")), "\nrm -rf /var/lib/docker\n");
        const RemediationCatalog catalog = loadRemediationCatalog(dir.path());
        const RemediationScript *tampered = catalog.script(QStringLiteral("fix-shadowed-mounts"));
        QVERIFY(tampered);
        QVERIFY(!tampered->verified);
        QVERIFY(tampered->refusal.contains(QLatin1String("SHA-256")));
        // The others are untouched and still usable.
        QVERIFY(catalog.script(QStringLiteral("enable-redirect-dir"))->verified);
        // A refused script cannot be planned.
        const RemediationPlan plan = planRemediation(*tampered, snapshotFrom(SeedMountinfo));
        QVERIFY(!plan.isValid());
        QVERIFY(plan.parameters.isEmpty());
    }

    void tamperedPreludeRefusesEverything()
    {
        QTemporaryDir dir;
        QVERIFY(copyCatalog(dir.path()));
        appendTo(dir.filePath(QStringLiteral("prelude.sh")), "\ntouch /tmp/x\n");
        const RemediationCatalog catalog = loadRemediationCatalog(dir.path());
        QVERIFY(!catalog.preludeVerified);
        for (const RemediationScript &s : catalog.scripts)
            QVERIFY(!s.verified);
    }

    // Issue #16 item 1: a copy with an edited script and its new hash written into the copy's own manifest
    // ran as "verified". Only the built-in manifest, or one the admin listed, is trusted.
    void editedCatalogWithItsOwnHashIsRefusedUnlessTrusted()
    {
        QTemporaryDir dir;
        QVERIFY(copyCatalog(dir.path()));
        const QString scriptPath = dir.filePath(QStringLiteral("fix-shadowed-mounts.sh"));
        appendTo(scriptPath, "\ntouch /tmp/lw-edited\n");
        QFile scriptFile(scriptPath);
        QVERIFY(scriptFile.open(QIODevice::ReadOnly));
        const QString editedHash = sha256Hex(scriptFile.readAll());
        const QString builtInHash =
            loadRemediationCatalog().script(QStringLiteral("fix-shadowed-mounts"))->sha256;
        const QString manifestPath = dir.filePath(QStringLiteral("manifest.json"));
        QFile manifest(manifestPath);
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QByteArray manifestBytes = manifest.readAll();
        manifest.close();
        QVERIFY(manifestBytes.contains(builtInHash.toLatin1()));
        manifestBytes.replace(builtInHash.toLatin1(), editedHash.toLatin1());
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(manifestBytes);
        manifest.close();
        const QString manifestHash = sha256Hex(manifestBytes);

        // No trust list: refused, with the catalog and its hash named.
        const RemediationCatalog untrusted = loadRemediationCatalog(dir.path());
        const RemediationScript *edited = untrusted.script(QStringLiteral("fix-shadowed-mounts"));
        QVERIFY(edited);
        QVERIFY(!edited->verified);
        QCOMPARE(edited->origin.trust, CatalogTrust::Untrusted);
        QVERIFY(edited->refusal.contains(manifestHash));
        QVERIFY(!untrusted.script(QStringLiteral("enable-redirect-dir"))->verified);
        QVERIFY(!planRemediation(*edited, snapshotFrom(SeedMountinfo)).isValid());

        // A trust list others may write trusts nothing.
        const QString listPath = dir.filePath(QStringLiteral("trusted.json"));
        QFile list(listPath);
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(
            QStringLiteral("{\"format\": 1, \"catalogs\": [{\"manifestSha256\": \"%1\", \"approvedBy\": "
                           "\"alice\", \"note\": \"ticket 42\"}]}")
                .arg(manifestHash)
                .toUtf8());
        list.close();
        QFile::setPermissions(listPath,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther);
        const TrustedCatalogList loose = loadTrustedCatalogs(listPath);
        QVERIFY(!loose.error.isEmpty());
        QVERIFY(!loadRemediationCatalog(dir.path(), loose)
                     .script(QStringLiteral("fix-shadowed-mounts"))
                     ->verified);
        // A symlink to the list is not followed.
        QFile::setPermissions(listPath, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(QFile::link(listPath, dir.filePath(QStringLiteral("link.json"))));
        QVERIFY(!loadTrustedCatalogs(dir.filePath(QStringLiteral("link.json"))).error.isEmpty());

        // Listed by the admin: it runs, and says everywhere where it comes from and that it differs.
        const TrustedCatalogList trusted = loadTrustedCatalogs(listPath);
        QVERIFY2(trusted.error.isEmpty(), qPrintable(trusted.error));
        const RemediationCatalog catalog = loadRemediationCatalog(dir.path(), trusted);
        const RemediationScript *script = catalog.script(QStringLiteral("fix-shadowed-mounts"));
        QVERIFY2(script->verified, qPrintable(script->refusal));
        QCOMPARE(script->origin.trust, CatalogTrust::TrustedList);
        QCOMPARE(script->origin.directory, dir.path());
        QCOMPARE(script->origin.manifestSha256, manifestHash);
        QCOMPARE(script->origin.builtInScriptSha256, builtInHash);
        QVERIFY(script->origin.trustedBy.contains(QLatin1String("alice")));
        const QString text = describeRemediationOrigin(*script).join(QLatin1Char('\n'));
        QVERIFY2(text.contains(dir.path()) && text.contains(manifestHash) &&
                     text.contains(QLatin1String("DIFFERS")) && text.contains(editedHash) &&
                     text.contains(builtInHash) && text.contains(QLatin1String("alice")),
                 qPrintable(text));
        const RemediationPlan plan = planRemediation(*script, snapshotFrom(SeedMountinfo));
        QVERIFY(plan.isValid());
        QCOMPARE(plan.origin.manifestSha256, manifestHash);
        QCOMPARE(plan.origin.directory, dir.path());

        // An unchanged copy is the built-in manifest: runs, and says so.
        QTemporaryDir same;
        QVERIFY(copyCatalog(same.path()));
        const RemediationScript *unchanged =
            loadRemediationCatalog(same.path()).script(QStringLiteral("fix-shadowed-mounts"));
        QVERIFY(unchanged->verified);
        QCOMPARE(unchanged->origin.trust, CatalogTrust::SameAsBuiltIn);
        QCOMPARE(loadRemediationCatalog().script(QStringLiteral("fix-shadowed-mounts"))->origin.trust,
                 CatalogTrust::BuiltIn);
    }

    // Issue #16 item 2: a mount made in place of the planned one got its mount ID and (a tmpfs) its device
    // number, and passed the re-check. The identity now also holds the mount's and the superblock's options
    // and the whole parent chain.
    void mountIdentityHoldsOptionsAndTheParentChain()
    {
        const QByteArray base =
            "1 0 253:0 / / rw,relatime - ext4 /dev/sda1 rw\n"
            "20 1 253:1 / /var/lib rw,relatime - ext4 /dev/sdb1 rw,data=ordered\n"
            "30 20 0:50 / /var/lib/docker/overlay2 rw,relatime - tmpfs lw-cover rw,mode=711\n";
        const auto identity = [](const QByteArray &table) {
            const MountTree tree =
                MountTree::build(parseMountInfo(table).mounts, QStringLiteral("/var/lib/docker"));
            return mountIdentity(tree, tree.indexOfId(30));
        };
        const QByteArray planned = identity(base);
        QCOMPARE(planned,
                 QByteArray("0:50 / /var/lib/docker/overlay2 rw,relatime tmpfs lw-cover rw,mode=711 | "
                            "253:1 / /var/lib rw,relatime ext4 /dev/sdb1 rw,data=ordered | "
                            "253:0 / / rw,relatime ext4 /dev/sda1 rw"));
        // the attack: same ID, same device, same source and type, other superblock options
        QVERIFY(identity(QByteArray(base).replace("mode=711", "mode=755")) != planned);
        QVERIFY(identity(QByteArray(base).replace("0:50 / /var/lib/docker/overlay2 rw,relatime",
                                                  "0:50 / /var/lib/docker/overlay2 ro,relatime")) != planned);
        // a grandparent that changed
        QVERIFY(identity(QByteArray(base).replace("/dev/sda1", "/dev/sdc1")) != planned);
    }

    // The prelude's lw_mount_ident prints, on the host, exactly what mountIdentity() planned: checked on this
    // machine's own mount table, mount by mount.
    void mountIdentityMatchesThePrelude()
    {
        QFile table(QStringLiteral("/proc/self/mountinfo"));
        QVERIFY(table.open(QIODevice::ReadOnly));
        const MountTree tree =
            MountTree::build(parseMountInfo(table.readAll()).mounts, QStringLiteral("/var/lib/docker"));
        const RemediationCatalog catalog = loadRemediationCatalog();
        QProcess sh;
        sh.start(QStringLiteral("sh"),
                 {QStringLiteral("-s"), QStringLiteral("--"), QStringLiteral("dry-run"), QString()});
        QVERIFY(sh.waitForStarted());
        sh.write(catalog.prelude +
                 "\nfor id in $(awk '{ print $1 }' /proc/self/mountinfo); do printf '%s\\t' \"$id\"; "
                 "lw_mount_ident \"$id\"; done\n");
        sh.closeWriteChannel();
        QVERIFY(sh.waitForFinished(30000));
        int compared = 0;
        for (const QByteArray &line : sh.readAllStandardOutput().split('\n')) {
            const qsizetype tab = line.indexOf('\t');
            if (tab < 0)
                continue;
            const int index = tree.indexOfId(line.left(tab).toInt());
            if (index < 0)
                continue; // mounted since
            QCOMPARE(line.mid(tab + 1), mountIdentity(tree, index));
            ++compared;
        }
        QVERIFY(compared >= tree.size() - 2);
    }

    void missingOrBrokenManifest()
    {
        QTemporaryDir dir;
        QVERIFY(!loadRemediationCatalog(dir.path()).errors.isEmpty());
        QFile f(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"format\": 1, ");
        f.close();
        const RemediationCatalog broken = loadRemediationCatalog(dir.path());
        QVERIFY(!broken.errors.isEmpty());
        QVERIFY(broken.scripts.isEmpty());
    }

    void seedCasePlan()
    {
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationPlan plan = planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")),
                                                     snapshotFrom(SeedMountinfo));
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QCOMPARE(plan.values(QStringLiteral("cover-id")), QStringList{QStringLiteral("42")});
        QCOMPARE(plan.values(QStringLiteral("cover-path")),
                 QStringList{QStringLiteral("/var/lib/docker/overlay2")});
        // the mount is named by more than its ID (Linux reuses IDs): device, root, mount point, type, source
        // and its parent's
        QCOMPARE(plan.values(QStringLiteral("cover-ident")),
                 QStringList{QStringLiteral(
                     "253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 rw,relatime ext4 "
                     "/dev/mapper/dm-root "
                     "rw,seclabel,data=ordered | 253:0 / / rw,relatime ext4 /dev/mapper/dm-root "
                     "rw,seclabel,data=ordered")});
        // the workload to keep: both containers, by ID; nothing leaked
        QCOMPARE(plan.values(QStringLiteral("running")).size(), 2);
        QCOMPARE(plan.values(QStringLiteral("leaked-id")), QStringList());
        QCOMPARE(plan.values(QStringLiteral("containers")), QStringList{QStringLiteral("keep")});
        QCOMPARE(plan.values(QStringLiteral("restart-docker")), QStringList{QStringLiteral("auto")});
        const QString steps = plan.steps.join(QLatin1Char('\n'));
        QVERIFY(steps.contains(QLatin1String("/var/lib/docker/overlay2")));
        QVERIFY(steps.contains(QLatin1String("c1 (restart no)")));
        QVERIFY2(steps.contains(QLatin1String("none is stopped")), qPrintable(steps));
        // live-restore unknown (no docker info): the plan says what a restart would stop
        QVERIFY2(steps.contains(QLatin1String("all 2 running container(s) stop")), qPrintable(steps));
    }

    void planRefusedWithoutTheContainers()
    {
        // Without the container list Layerwatch does not know the workload it must keep: no plan.
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationPlan plan =
            planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")),
                            snapshotFrom(SeedMountinfo, QStringLiteral("/var/lib/docker"), false));
        QVERIFY(!plan.isValid());
        QVERIFY(plan.error.contains(QLatin1String("containers")));
    }

    void leakedMountOfARemovedContainerIsUnmounted()
    {
        // The second layer's container was removed (while covered): its mount is leaked, not kept running.
        HostSnapshot s = snapshotFrom(SeedMountinfo);
        s.containers.value.containers.removeLast();
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationPlan plan =
            planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")), s);
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QCOMPARE(plan.values(QStringLiteral("leaked-id")), QStringList{QStringLiteral("41")});
        QCOMPARE(plan.values(QStringLiteral("leaked-layer")), QStringList{QStringLiteral("1348136d32aa")});
        QCOMPARE(plan.values(QStringLiteral("leaked-path")),
                 QStringList{QStringLiteral("/var/lib/docker/overlay2/1348136d32aa/merged")});
        QCOMPARE(plan.values(QStringLiteral("running")).size(), 1);
        // without any cover, a leaked mount alone is still worth the script
        const QByteArray uncovered =
            QByteArray(SeedMountinfo).left(QByteArray(SeedMountinfo).indexOf("42 1 253:0"));
        HostSnapshot u = snapshotFrom(uncovered);
        u.containers.value.containers.removeLast();
        const RemediationPlan onlyLeaked =
            planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")), u);
        QVERIFY2(onlyLeaked.isValid(), qPrintable(onlyLeaked.error));
        QCOMPARE(onlyLeaked.values(QStringLiteral("cover-id")), QStringList());
        QCOMPARE(onlyLeaked.values(QStringLiteral("leaked-id")), QStringList{QStringLiteral("41")});
    }

    void nestedCoversUnmountMostRecentFirst()
    {
        QByteArray text(SeedMountinfo);
        text += "43 1 0:50 / /var/lib/docker rw - tmpfs tmpfs rw\n";
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationPlan plan =
            planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")), snapshotFrom(text));
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QCOMPARE(plan.values(QStringLiteral("cover-id")),
                 (QStringList{QStringLiteral("43"), QStringLiteral("42")}));
    }

    void hostileMountPointCrossesAsData()
    {
        const QByteArray text =
            "1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
            "40 1 0:40 / /srv/a\\040b$(touch\\040/tmp/x)'c/overlay2/abc123/merged rw - overlay overlay "
            "rw,lowerdir=/l,upperdir=/u,workdir=/w\n"
            "42 1 0:42 / /srv/a\\040b$(touch\\040/tmp/x)'c/overlay2 rw - tmpfs tmpfs rw\n";
        const QString root = QStringLiteral("/srv/a b$(touch /tmp/x)'c");
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationScript *script = catalog.script(QStringLiteral("fix-shadowed-mounts"));
        const RemediationPlan plan = planRemediation(*script, snapshotFrom(text, root));
        QVERIFY2(plan.isValid(), qPrintable(plan.error));

        const QByteArray command = remediationCommand(*script, plan, RemediationMode::Run);
        QVERIFY(command.startsWith("timeout -k 10 "));
        const QByteArray encoded = command.mid(command.lastIndexOf(' ') + 1);
        // Nothing but base64 reaches the remote command line.
        for (char c : encoded)
            QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=');
        QList<QPair<QString, QByteArray>> ordered;
        const QMap<QString, QByteArray> params = decodeParameters(encoded, &ordered);
        QCOMPARE(params.value(QStringLiteral("cover-path")), (root + QStringLiteral("/overlay2")).toUtf8());
        QCOMPARE(params.value(QStringLiteral("cover-mp")),
                 QByteArray("/srv/a\\040b$(touch\\040/tmp/x)'c/overlay2"));
        QCOMPARE(params.value(QStringLiteral("docker-root")), root.toUtf8());
        QCOMPARE(ordered, plan.parameters);
    }

    void mountPointNotUtf8CrossesAsItsBytes()
    {
        // The script compares cover-mp with the host's mountinfo field byte for byte: a name that is not
        // UTF-8 must cross as its bytes (not as replacement characters), cover-path likewise.
        const QByteArray text = "1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
                                "40 1 0:40 / /srv/d\xff\\040x/overlay2/abc123/merged rw - overlay overlay "
                                "rw,lowerdir=/l,upperdir=/u,workdir=/w\n"
                                "42 1 0:42 / /srv/d\xff\\040x/overlay2 rw - tmpfs tmpfs rw\n";
        const QString root = QString::fromUtf8("/srv/d\xff x");
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationScript *script = catalog.script(QStringLiteral("fix-shadowed-mounts"));
        const RemediationPlan plan = planRemediation(*script, snapshotFrom(text, root));
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QMap<QString, QByteArray> params;
        for (const auto &[name, value] : plan.parameters)
            params.insert(name, value);
        QCOMPARE(params.value(QStringLiteral("cover-mp")), QByteArray("/srv/d\xff\\040x/overlay2"));
        QCOMPARE(params.value(QStringLiteral("cover-path")), QByteArray("/srv/d\xff x/overlay2"));
    }

    void nothingCoveredNothingPlanned()
    {
        const QByteArray text =
            "1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
            "40 1 0:40 / /var/lib/docker/overlay2/abc/merged rw - overlay overlay rw,lowerdir=/l\n";
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationPlan plan =
            planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")), snapshotFrom(text));
        QVERIFY(!plan.isValid());
        HostSnapshot unknown;
        QVERIFY(!planRemediation(*catalog.script(QStringLiteral("fix-shadowed-mounts")), unknown).isValid());
    }

    void storageDriverFixKeepsDaemonJson()
    {
        const QByteArray sysconfig =
            "# managed by hand\n"
            "DOCKER_STORAGE_OPTIONS=\"--storage-driver=overlay2 --storage-opt overlay2.size=10G\"\n"
            "OTHER='x y'\n";
        QString file, error;
        QByteArray content;
        QVERIFY2(renderStorageDriverFix(QStringLiteral("daemon-json"), "{\"storage-driver\":\"overlay2\"}",
                                        sysconfig, &file, &content, &error),
                 qPrintable(error));
        QCOMPARE(file, QStringLiteral("/etc/sysconfig/docker-storage"));
        QCOMPARE(content, QByteArray("# managed by hand\n"
                                     "DOCKER_STORAGE_OPTIONS=\"--storage-opt overlay2.size=10G\"\n"
                                     "OTHER='x y'\n"));
        // -s X form too
        QVERIFY(renderStorageDriverFix(QStringLiteral("daemon-json"), "{}",
                                       "DOCKER_STORAGE_OPTIONS='-s overlay2'\n", &file, &content, &error));
        QCOMPARE(content, QByteArray("DOCKER_STORAGE_OPTIONS=\"\"\n"));
        // Nothing to remove: refused with a reason.
        QVERIFY(!renderStorageDriverFix(QStringLiteral("daemon-json"), "{}", "DOCKER_STORAGE_OPTIONS=\"\"\n",
                                        &file, &content, &error));
        QVERIFY(!error.isEmpty());
        // A word that cannot be rewritten safely is left to the admin.
        QVERIFY(!renderStorageDriverFix(QStringLiteral("daemon-json"), "{}",
                                        "DOCKER_STORAGE_OPTIONS=\"-s overlay2 --x=$(id)\"\n", &file, &content,
                                        &error));
    }

    void storageDriverFixKeepsSysconfig()
    {
        QString file, error;
        QByteArray content;
        QVERIFY(renderStorageDriverFix(QStringLiteral("sysconfig"),
                                       "{\"storage-driver\": \"overlay2\", \"log-level\": \"warn\"}", {},
                                       &file, &content, &error));
        QCOMPARE(file, QStringLiteral("/etc/docker/daemon.json"));
        QVERIFY(!content.contains("storage-driver"));
        QVERIFY(content.contains("\"log-level\": \"warn\""));
        QVERIFY(
            !renderStorageDriverFix(QStringLiteral("sysconfig"), "{ broken", {}, &file, &content, &error));
    }

    void orphanedLayersOfARealEngine()
    {
        // A real dockerd 20.10 (tests/core/data/realdocker/README.md): the removed container's layer still
        // holds its leaked mount, so nothing can be removed yet; BuildKit's snapshots and the image layer
        // with a BuildKit-style name are never candidates.
        CaptureReadResult read = readCapture(QFINDTESTDATA("data/realdocker/leaked"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationScript *script = catalog.script(QStringLiteral("remove-orphaned-layers"));
        QVERIFY(script && script->verified);
        const RemediationPlan blocked = planRemediation(*script, buildSnapshot(read.capture));
        QVERIFY(!blocked.isValid());
        // (its -init directory too: a lower layer of the leaked overlay)
        QVERIFY2(blocked.error.contains(QLatin1String("fix-shadowed-mounts")), qPrintable(blocked.error));

        // After fix-shadowed-mounts unmounted the leaked mount: both directories of the removed container.
        const QByteArray layer = "1175b03b69deab565c3fee119a103c73288b11f68de9433246ba0ac1e1585b58";
        QByteArray table;
        for (const QByteArray &line : read.capture.probes[QStringLiteral("mountinfo")].output.split('\n')) {
            if (!line.isEmpty() && !line.contains(layer + "/merged"))
                table += line + '\n';
        }
        read.capture.probes[QStringLiteral("mountinfo")].output = table;
        const RemediationPlan plan = planRemediation(*script, buildSnapshot(read.capture));
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QCOMPARE(plan.values(QStringLiteral("layer")),
                 (QStringList{QString::fromLatin1(layer), QString::fromLatin1(layer + "-init")}));
        QCOMPARE(plan.values(QStringLiteral("docker-root")), QStringList{QStringLiteral("/var/lib/docker")});
        QCOMPARE(plan.values(QStringLiteral("holder-id")), QStringList{QStringLiteral("67")});
        QCOMPARE(plan.values(QStringLiteral("holder-ident")),
                 QStringList{QStringLiteral(
                     "254:0 /tmp/rd/host/var-lib-docker /var/lib/docker rw,relatime ext4 /dev/vda "
                     "rw,discard,resv_strict,resuid=65534,resgid=65534 | 254:0 / / rw,relatime ext4 "
                     "/dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534")});
        QVERIFY(plan.steps.join(QLatin1Char('\n')).contains(QLatin1String("(24.0 KiB)")));
    }

    void orphanedLayersNeverPlannedWhileCovered()
    {
        CaptureReadResult read = readCapture(QFINDTESTDATA("data/realdocker/covered"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationPlan plan = planRemediation(
            *catalog.script(QStringLiteral("remove-orphaned-layers")), buildSnapshot(read.capture));
        QVERIFY(!plan.isValid());
        QVERIFY2(plan.error.contains(QLatin1String("covers")), qPrintable(plan.error));
    }

    void orderingDropInForTheDockerRootsMount()
    {
        const QByteArray table = "1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
                                 "40 1 253:16 / /var/lib/docker rw - xfs /dev/vdb rw\n";
        HostSnapshot s = snapshotFrom(table);
        s.unitOrdering.status = ProbeStatus::Ok;
        s.unitOrdering.value =
            parseDockerUnitOrdering("ExecStart=\nRequiresMountsFor=\nAfter=network.target\n");
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationScript *script = catalog.script(QStringLiteral("order-docker-after-mounts"));
        RemediationPlan plan = planRemediation(*script, s);
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QCOMPARE(plan.values(QStringLiteral("mount-point")), QStringList{QStringLiteral("/var/lib/docker")});
        // already ordered (RequiresMountsFor of a path below the mount counts too): nothing to do
        s.unitOrdering.value = parseDockerUnitOrdering("RequiresMountsFor=/var/lib/docker/x\nAfter=\n");
        QVERIFY(!planRemediation(*script, s).isValid());
        s.unitOrdering.value = parseDockerUnitOrdering("RequiresMountsFor=\nAfter=var-lib-docker.mount\n");
        QVERIFY(!planRemediation(*script, s).isValid());
        // a mount point with characters a unit file would need escaped: by hand
        HostSnapshot odd = snapshotFrom("1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
                                        "40 1 253:16 / /srv/d\\040x rw - xfs /dev/vdb rw\n",
                                        QStringLiteral("/srv/d x"));
        odd.unitOrdering.status = ProbeStatus::Ok;
        odd.unitOrdering.value = parseDockerUnitOrdering("RequiresMountsFor=\nAfter=\n");
        plan = planRemediation(*script, odd);
        QVERIFY(!plan.isValid());
        QVERIFY2(plan.error.contains(QLatin1String("by hand")), qPrintable(plan.error));
    }

    void verifiedNeedsTheWorkloadBack()
    {
        const RemediationCatalog catalog = loadRemediationCatalog();
        const RemediationScript *script = catalog.script(QStringLiteral("fix-shadowed-mounts"));
        QVERIFY(script->verifyWorkload);
        const HostSnapshot before = snapshotFrom(SeedMountinfo);
        const QByteArray uncovered =
            QByteArray(SeedMountinfo).left(QByteArray(SeedMountinfo).indexOf("42 1 253:0"));
        HostSnapshot after = snapshotFrom(uncovered);
        after.dockerInfo.status = ProbeStatus::Ok;
        Analysis analysis = analyze(after);
        RepairVerdict v = judgeRepair(*script, before, &after, &analysis);
        QCOMPARE(v.verdict, QStringLiteral("gone"));
        // the second container stopped (docker's restart without live-restore, restart policy no)
        after.containers.value.containers[1].running = false;
        after.containers.value.containers[1].state = QStringLiteral("exited");
        analysis = analyze(after);
        v = judgeRepair(*script, before, &after, &analysis);
        QCOMPARE(v.verdict, QStringLiteral("workload-down"));
        QVERIFY2(v.problems.join(QLatin1Char(';')).contains(QLatin1String("c2 (restart no)")),
                 qPrintable(v.problems.join(QLatin1Char(';'))));
        QVERIFY(v.problems.join(QLatin1Char(';')).contains(QLatin1String("exited")));
        // docker down after the repair
        after.containers.value.containers[1].running = true;
        after.dockerInfo.status = ProbeStatus::Failed;
        analysis = analyze(after);
        QCOMPARE(judgeRepair(*script, before, &after, &analysis).verdict, QStringLiteral("workload-down"));
        // the cover still there
        HostSnapshot still = snapshotFrom(SeedMountinfo);
        still.dockerInfo.status = ProbeStatus::Ok;
        analysis = analyze(still);
        QCOMPARE(judgeRepair(*script, before, &still, &analysis).verdict, QStringLiteral("still-there"));
        // no re-probe
        QCOMPARE(judgeRepair(*script, before, nullptr, nullptr).verdict, QStringLiteral("unknown"));
    }

    void cancelCommandOnlyTakesDigits()
    {
        QVERIFY(remediationCancelCommand(QStringLiteral("1234")).contains("-- -1234"));
        QVERIFY(remediationCancelCommand(QStringLiteral("12; rm -rf /")).isEmpty());
        QVERIFY(remediationCancelCommand(QStringLiteral("0")).isEmpty());
        QVERIFY(remediationCancelCommand(QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Remediation)
#include "tst_remediation.moc"
