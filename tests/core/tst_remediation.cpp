#include "remediation.h"

#include <QDir>
#include <QFile>
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

HostSnapshot snapshotFrom(const QByteArray &mountinfo,
                          const QString &dockerRoot = QStringLiteral("/var/lib/docker"))
{
    HostSnapshot s;
    s.host = QStringLiteral("node-1");
    s.mounts.status = ProbeStatus::Ok;
    s.mounts.value = MountTree::build(parseMountInfo(mountinfo).mounts, dockerRoot);
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
        for (const char *id : {"fix-shadowed-mounts", "migrate-and-reboot", "fix-storage-driver-conflict",
                               "enable-redirect-dir"}) {
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
        QCOMPARE(plan.values(QStringLiteral("layer")),
                 (QStringList{QStringLiteral("844fd3bca8e6"), QStringLiteral("1348136d32aa")}));
        QCOMPARE(plan.values(QStringLiteral("containers")), QStringList{QStringLiteral("restart")});
        QVERIFY(plan.steps.join(QLatin1Char('\n')).contains(QLatin1String("/var/lib/docker/overlay2")));
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
