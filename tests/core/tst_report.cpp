// Reports: the JSON field names and values that scripts rely on, and the readable text report.
#include "capture.h"
#include "report.h"
#include "rules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace lw;

class tst_report : public QObject
{
    Q_OBJECT

private:
    static HostReport seedHost(HostStatus status = HostStatus::Ok)
    {
        CaptureReadResult read = readCapture(QFINDTESTDATA("data/rules/healthy"));
        if (!read.ok())
            qFatal("fixture: %s", qPrintable(read.error));
        RawCapture c = read.capture;
        c.host = QStringLiteral("euler-node-07");
        QFile mi(QFINDTESTDATA("data/rules/seed-mountinfo"));
        if (!mi.open(QIODevice::ReadOnly))
            qFatal("fixture seed-mountinfo");
        c.probes[QString::fromLatin1(ProbeId::MountInfo)].output = mi.readAll();
        ProbeOutput json;
        json.status = ProbeStatus::Ok;
        json.output = "{\n    \"storage-driver\": \"overlay2\"\n}\n";
        c.probes.insert(QString::fromLatin1(ProbeId::DaemonJson), json);
        c.probes.remove(QString::fromLatin1(ProbeId::DiskUsage)); // one unknown check
        HostReport r;
        r.host = c.host;
        r.status = status;
        r.snapshot = buildSnapshot(c);
        r.analysis = analyze(r.snapshot);
        return r;
    }

    static QSet<QString> keys(const QJsonObject &o)
    {
        const QStringList k = o.keys();
        return QSet<QString>(k.begin(), k.end());
    }

    static QSet<QString> set(std::initializer_list<const char *> names)
    {
        QSet<QString> s;
        for (const char *n : names)
            s.insert(QString::fromLatin1(n));
        return s;
    }

private slots:
    void jsonFieldsAndValues()
    {
        const QByteArray json = jsonReport({seedHost()});
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(keys(doc.object()), set({"hosts"}));
        const QJsonArray hosts = doc.object().value(QLatin1String("hosts")).toArray();
        QCOMPARE(hosts.size(), 1);
        const QJsonObject h = hosts.at(0).toObject();
        QCOMPARE(keys(h),
                 set({"host", "status", "kernel", "storageDriver", "mounts", "disks", "findings", "checks"}));
        QCOMPARE(h.value(QLatin1String("host")).toString(), QStringLiteral("euler-node-07"));
        QCOMPARE(h.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(h.value(QLatin1String("kernel")).toString(), QStringLiteral("5.15.0-91-generic"));

        const QJsonObject driver = h.value(QLatin1String("storageDriver")).toObject();
        QCOMPARE(keys(driver), set({"configured", "running", "sources"}));
        QCOMPARE(driver.value(QLatin1String("configured")).toString(), QStringLiteral("overlay2"));
        QCOMPARE(driver.value(QLatin1String("running")).toString(), QStringLiteral("overlay2"));
        const QJsonArray sources = driver.value(QLatin1String("sources")).toArray();
        QCOMPARE(sources.size(), 1);
        QCOMPARE(sources.at(0).toObject().value(QLatin1String("source")).toString(),
                 QStringLiteral("daemon-json"));

        const QJsonArray mounts = h.value(QLatin1String("mounts")).toArray();
        QCOMPARE(mounts.size(), 8);
        int shadowed = 0;
        for (const QJsonValue &v : mounts) {
            const QJsonObject m = v.toObject();
            QCOMPARE(keys(m),
                     set({"id", "parent", "mountPoint", "fsType", "source", "visibility", "coveredBy"}));
            const QString visibility = m.value(QLatin1String("visibility")).toString();
            QVERIFY(visibility == QLatin1String("visible") || visibility == QLatin1String("overmounted") ||
                    visibility == QLatin1String("shadowed"));
            if (visibility == QLatin1String("visible")) {
                QVERIFY(m.value(QLatin1String("coveredBy")).isNull());
            } else {
                ++shadowed;
                QCOMPARE(m.value(QLatin1String("coveredBy")).toInt(), 130);
            }
            if (m.value(QLatin1String("id")).toInt() == 120) {
                QCOMPARE(m.value(QLatin1String("parent")).toInt(), 22);
                QCOMPARE(m.value(QLatin1String("fsType")).toString(), QStringLiteral("overlay"));
                QCOMPARE(m.value(QLatin1String("source")).toString(), QStringLiteral("overlay"));
                QCOMPARE(visibility, QStringLiteral("shadowed"));
                QVERIFY(m.value(QLatin1String("mountPoint")).toString().endsWith(QLatin1String("/merged")));
            }
        }
        QCOMPARE(shadowed, 2);
        QCOMPARE(h.value(QLatin1String("disks")).toArray().size(), 0); // df not collected

        const QJsonArray findings = h.value(QLatin1String("findings")).toArray();
        QVERIFY(!findings.isEmpty());
        const QJsonObject f = findings.at(0).toObject();
        QCOMPARE(keys(f), set({"id", "severity", "title", "explanation", "mounts", "coveredBy", "remediation",
                               "evidence", "layers", "containers"}));
        QVERIFY(f.value(QLatin1String("explanation")).toString().contains(QLatin1String("not lost")));
        // the healthy host's containers use other layers: both hidden mounts are removed containers' (leaked)
        const QJsonArray containers = f.value(QLatin1String("containers")).toArray();
        QCOMPARE(containers.size(), 2);
        QCOMPARE(keys(containers.at(0).toObject()),
                 set({"id", "name", "state", "restartPolicy", "layer", "removed"}));
        QVERIFY(containers.at(0).toObject().value(QLatin1String("removed")).toBool());
        QVERIFY(containers.at(0).toObject().value(QLatin1String("name")).isNull());
        QCOMPARE(f.value(QLatin1String("layers")).toArray().size(), 2);
        QCOMPARE(f.value(QLatin1String("id")).toString(), QStringLiteral("shadowed-overlay-mounts"));
        QCOMPARE(f.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(f.value(QLatin1String("mounts")).toArray(), (QJsonArray{120, 122}));
        QCOMPARE(f.value(QLatin1String("coveredBy")).toArray(), QJsonArray{130});
        QCOMPARE(f.value(QLatin1String("remediation")).toString(), QStringLiteral("fix-shadowed-mounts"));
        QCOMPARE(f.value(QLatin1String("evidence")).toArray().size(), 3);
        QVERIFY(!f.value(QLatin1String("title")).toString().isEmpty());

        const QJsonArray checks = h.value(QLatin1String("checks")).toArray();
        QCOMPARE(checks.size(), ruleIds().size());
        bool sawUnknown = false;
        for (const QJsonValue &v : checks) {
            const QJsonObject c = v.toObject();
            QCOMPARE(keys(c), set({"id", "state", "reason"}));
            if (c.value(QLatin1String("id")).toString() == QLatin1String("low-space-copy-up")) {
                QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("unknown"));
                QVERIFY(c.value(QLatin1String("reason")).toString().contains(QLatin1String("df")));
                sawUnknown = true;
            }
        }
        QVERIFY(sawUnknown);
    }

    void jsonBytesAsQJsonDocumentWrites()
    {
        // Written directly (not through QJsonObject): the same bytes QJsonDocument writes, for hosts
        // with hostile names, an error, and none of the snapshot.
        HostReport hostile = seedHost();
        hostile.host = QStringLiteral("node \"7\"\n\t\u4e2d\\");
        hostile.error = QStringLiteral("quote \" backslash \\ \x01");
        HostReport unreachable;
        unreachable.host = QStringLiteral("db-9");
        unreachable.status = HostStatus::Unreachable;
        unreachable.error = QStringLiteral("connection refused");
        const QByteArray json = jsonReport({seedHost(), hostile, unreachable});
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json, doc.toJson(QJsonDocument::Indented));
        const QJsonArray hosts = doc.object().value(QLatin1String("hosts")).toArray();
        QCOMPARE(hosts.size(), 3);
        QCOMPARE(hosts.at(1).toObject().value(QLatin1String("host")).toString(), hostile.host);
        QCOMPARE(hosts.at(1).toObject().value(QLatin1String("error")).toString(), hostile.error);
        QCOMPARE(hosts.at(2).toObject(), hostReportJson(unreachable));
        QCOMPARE(hosts.at(0).toObject().value(QLatin1String("mounts")).toArray().size(), 8);
    }

    void remediationIsNullWhenNone()
    {
        HostReport r = seedHost();
        Finding f;
        f.id = QStringLiteral("shadowed-mounts");
        f.severity = Severity::Warning;
        r.analysis.findings = {f};
        const QJsonObject o = hostReportJson(r).value(QLatin1String("findings")).toArray().at(0).toObject();
        QVERIFY(o.value(QLatin1String("remediation")).isNull());
        QCOMPARE(o.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
    }

    void statusComesFromTheCaller()
    {
        HostReport unreachable;
        unreachable.host = QStringLiteral("db-9");
        unreachable.status = HostStatus::Unreachable;
        unreachable.error = QStringLiteral("connection refused");
        const QJsonObject o = hostReportJson(unreachable);
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("unreachable"));
        QCOMPARE(o.value(QLatin1String("error")).toString(), QStringLiteral("connection refused"));
        QVERIFY(o.value(QLatin1String("kernel")).isNull());
        QVERIFY(
            o.value(QLatin1String("storageDriver")).toObject().value(QLatin1String("configured")).isNull());
        QVERIFY(o.value(QLatin1String("storageDriver")).toObject().value(QLatin1String("running")).isNull());
        QCOMPARE(o.value(QLatin1String("mounts")).toArray().size(), 0);
        QVERIFY(lw::textReport({unreachable}).contains(QLatin1String("unreachable")));
    }

    void readableTextReport()
    {
        const QString text = lw::textReport({seedHost()});
        QVERIFY(text.contains(QLatin1String("Host: euler-node-07")));
        QVERIFY(text.contains(QLatin1String("Status: ok")));
        QVERIFY(text.contains(QLatin1String("Kernel: 5.15.0-91-generic")));
        QVERIFY(
            text.contains(QLatin1String("Storage driver configured: overlay2 in /etc/docker/daemon.json")));
        QVERIFY(text.contains(QLatin1String("Storage driver running: overlay2 (Docker 24.0.7)")));
        QVERIFY(text.contains(QLatin1String("Backing filesystem: extfs")));
        QVERIFY(text.contains(QLatin1String("[CRITICAL]")));
        QVERIFY(text.contains(QLatin1String("(shadowed-overlay-mounts)")));
        QVERIFY(
            text.contains(QLatin1String("130 22 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2")));
        QVERIFY(text.contains(QLatin1String("Remediation: fix-shadowed-mounts")));
        QVERIFY(
            text.contains(QLatin1String("844fd3bca8e616572935808061f009d106a8748dfd29a0a4025645457fa21785")));
        QVERIFY(text.contains(QLatin1String("low-space-copy-up: probe df was not collected")));
    }

    // Issue #16 item 4: bytes from a host (a host name in meta.json, a command's message, a mount's source
    // in mountinfo, a value of daemon.json) reached the terminal raw: ESC sequences could clear the screen
    // or rewrite earlier lines, a newline split a line. Escaped visibly in the text; exact in the JSON.
    void hostBytesAreEscapedInTheText()
    {
        // The same host twice: with hostile values, and with the same values minus the control characters.
        const auto build = [](const QString &host, const QString &error, const QByteArray &mountSource,
                              const QByteArray &driver) {
            HostReport r = seedHost();
            r.host = host;
            r.error = error;
            RawCapture c = r.snapshot.raw;
            QByteArray &mountinfo = c.probes[QString::fromLatin1(ProbeId::MountInfo)].output;
            const qsizetype line = mountinfo.indexOf("\n130 22 ");
            const qsizetype source = mountinfo.indexOf("/dev/mapper/dm-root", line);
            if (line < 0 || source < line)
                qFatal("fixture: no cover line 130");
            mountinfo.replace(source, qstrlen("/dev/mapper/dm-root"), mountSource);
            c.probes[QString::fromLatin1(ProbeId::DaemonJson)].output =
                "{\n    \"storage-driver\": \"" + driver + "\"\n}\n";
            r.snapshot = buildSnapshot(c);
            r.analysis = analyze(r.snapshot);
            return r;
        };
        const HostReport hostile =
            build(QStringLiteral("evil\x1b[2J\x1b[Hhost"),
                  QStringLiteral("boom\x1b]0;pwned\x07\nStatus: ok\r\u202e"),
                  "/dev/\x1b[2J\x1b[1;1Hevil\\012Host:\\040fake\xc2\x9b2J", "overlay2\\u001b[31m\\nred");
        const HostReport benign = build(QStringLiteral("evilhost"), QStringLiteral("boomStatus: ok"),
                                        "/dev/evilHost:\\040fake", "overlay2red");
        const QString text = lw::textReport({hostile});
        for (const QChar ch : text) {
            QVERIFY2(ch == QLatin1Char('\n') ||
                         (ch.unicode() >= 0x20 && ch.unicode() != 0x7f &&
                          !(ch.unicode() >= 0x80 && ch.unicode() < 0xa0) && ch.unicode() != 0x202e),
                     qPrintable(QStringLiteral("raw U+%1 in the text report").arg(ch.unicode(), 4, 16)));
        }
        QVERIFY2(text.contains(QLatin1String("Host: evil\\x1b[2J\\x1b[Hhost")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("boom\\x1b]0;pwned\\x07\\nStatus: ok\\r\\u202e")));
        QVERIFY2(text.contains(QLatin1String("/dev/\\x1b[2J\\x1b[1;1Hevil")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("overlay2\\x1b[31m\\nred")), qPrintable(text));
        // Not one line more than the harmless twin: nothing was split.
        QCOMPARE(text.count(QLatin1Char('\n')), lw::textReport({benign}).count(QLatin1Char('\n')));
        // The JSON keeps the exact values.
        const QJsonObject json = QJsonDocument::fromJson(hostReportJsonBytes(hostile)).object();
        QCOMPARE(json.value(QLatin1String("host")).toString(), hostile.host);
    }
};

QTEST_GUILESS_MAIN(tst_report)
#include "tst_report.moc"
