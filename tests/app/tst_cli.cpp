// layerwatch-cli analyze, run as a process on the demo captures: exit statuses, JSON, languages.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class tst_cli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run cli(const QStringList &args, const QString &locale = QStringLiteral("C.UTF-8"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.remove(QStringLiteral("LANGUAGE"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LAYERWATCH_CLI), args);
        if (!p.waitForFinished(60000))
            qFatal("layerwatch-cli did not finish");
        Run r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QString demo(const QString &host = QString())
    {
        return host.isEmpty() ? QStringLiteral(LAYERWATCH_DEMO_DIR)
                              : QStringLiteral(LAYERWATCH_DEMO_DIR "/") + host;
    }

    // A copy of a demo host whose files can be changed.
    static QString copyHost(const QTemporaryDir &tmp, const QString &host)
    {
        const QString to = tmp.filePath(host);
        QDir().mkpath(to);
        const QDir from(demo(host));
        for (const QString &name : from.entryList(QDir::Files))
            QFile::copy(from.filePath(name), to + QLatin1Char('/') + name);
        return to;
    }

    static void write(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    }

private slots:
    void demoHasFindings()
    {
        const Run r = cli({QStringLiteral("analyze"), demo()});
        QCOMPARE(r.exitCode, 1);
        for (const char *host : {"euler-node-07", "centos-build-02", "xfs-batch-03", "ubuntu-web-01"})
            QVERIFY2(r.out.contains(QLatin1String("Host: ") + QLatin1String(host)), host);
        QVERIFY(r.out.contains(QLatin1String("(shadowed-overlay-mounts)")));
        QVERIFY(r.out.contains(QLatin1String("(storage-driver-conflict)")));
        QVERIFY(r.out.contains(QLatin1String("(dtype-unsupported)")));
        QVERIFY(r.out.contains(QLatin1String("(low-space-copy-up)")));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void healthyHostExitsZero()
    {
        const Run r = cli({QStringLiteral("analyze"), demo(QStringLiteral("ubuntu-web-01")),
                           QStringLiteral("--fail-on"), QStringLiteral("info")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Findings: none")));
    }

    void failOnThreshold_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("expected");
        QTest::newRow("default (critical)") << QStringList() << 0;
        QTest::newRow("warning") << QStringList{QStringLiteral("--fail-on"), QStringLiteral("warning")} << 0;
        QTest::newRow("info") << QStringList{QStringLiteral("--fail-on=info")} << 1;
    }

    void failOnThreshold()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, expected);
        QTemporaryDir tmp;
        const QString host = copyHost(tmp, QStringLiteral("ubuntu-web-01"));
        write(host + QLatin1String("/overlay-params"), "index=N\nredirect_dir=Y\n"); // one info finding
        const Run r = cli(QStringList{QStringLiteral("analyze"), host} + extra);
        QCOMPARE(r.exitCode, expected);
        QVERIFY(r.out.contains(QLatin1String("(index-disabled)")));
    }

    void errorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("missing directory")
            << QStringList{QStringLiteral("analyze"), QStringLiteral("/nonexistent/captures")};
        QTest::newRow("no directory") << QStringList{QStringLiteral("analyze")};
        QTest::newRow("bad --fail-on") << QStringList{QStringLiteral("analyze"), demo(),
                                                      QStringLiteral("--fail-on"), QStringLiteral("fatal")};
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("analyze"), demo(), QStringLiteral("--frobnicate")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown language") << QStringList{QStringLiteral("analyze"), demo(),
                                                         QStringLiteral("--lang"), QStringLiteral("xx_YY")};
    }

    void errorsExitTwo()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void malformedMetaIsAnErrorNamingTheFile()
    {
        QTemporaryDir tmp;
        const QString host = copyHost(tmp, QStringLiteral("ubuntu-web-01"));
        copyHost(tmp, QStringLiteral("xfs-batch-03"));
        write(host + QLatin1String("/meta.json"), "{\"format\": 1, \"probes\": ");
        const Run r = cli({QStringLiteral("analyze"), tmp.path(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("ubuntu-web-01/meta.json")), qPrintable(r.err));
        // The readable host is still reported, the broken one is listed as an error.
        const QJsonArray hosts =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("hosts")).toArray();
        QCOMPARE(hosts.size(), 2);
        QCOMPARE(hosts.at(0).toObject().value(QLatin1String("host")).toString(),
                 QStringLiteral("xfs-batch-03"));
        QCOMPARE(hosts.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("error"));
    }

    void jsonParses()
    {
        const Run r = cli({QStringLiteral("analyze"), demo(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray hosts = doc.object().value(QLatin1String("hosts")).toArray();
        QCOMPARE(hosts.size(), 4);
        bool sawSeed = false;
        for (const QJsonValue &hv : hosts) {
            const QJsonObject h = hv.toObject();
            QCOMPARE(h.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(h.value(QLatin1String("checks")).toArray().size(), 13); // rules.cpp's ruleIds()
            if (h.value(QLatin1String("host")).toString() != QLatin1String("euler-node-07"))
                continue;
            const QJsonObject f = h.value(QLatin1String("findings")).toArray().at(0).toObject();
            QCOMPARE(f.value(QLatin1String("id")).toString(), QStringLiteral("shadowed-overlay-mounts"));
            QCOMPARE(f.value(QLatin1String("mounts")).toArray().size(), 30);
            QCOMPARE(f.value(QLatin1String("coveredBy")).toArray().size(), 1);
            QCOMPARE(f.value(QLatin1String("remediation")).toString(), QStringLiteral("fix-shadowed-mounts"));
            sawSeed = true;
        }
        QVERIFY(sawSeed);
    }

    void chineseTitles()
    {
        const Run zh = cli({QStringLiteral("analyze"), demo(QStringLiteral("euler-node-07")),
                            QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(zh.exitCode, 1);
        QVERIFY2(zh.out.contains(QStringLiteral("容器根文件系统被后来的挂载覆盖")),
                 qPrintable(zh.out.left(2000)));
        QVERIFY(zh.out.contains(QStringLiteral("主机")));
        QVERIFY(!zh.out.contains(QLatin1String("Container root filesystems are hidden")));
        QVERIFY(zh.out.contains(QLatin1String("(shadowed-overlay-mounts)"))); // IDs are never translated

        const Run json = cli({QStringLiteral("analyze"), demo(QStringLiteral("centos-build-02")),
                              QStringLiteral("--json"), QStringLiteral("--lang=zh_CN")});
        const QJsonObject f = QJsonDocument::fromJson(json.out.toUtf8())
                                  .object()
                                  .value(QLatin1String("hosts"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QLatin1String("findings"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
        QCOMPARE(f.value(QLatin1String("id")).toString(), QStringLiteral("storage-driver-conflict"));
        QCOMPARE(f.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QVERIFY2(f.value(QLatin1String("title")).toString().contains(QStringLiteral("存储驱动")),
                 qPrintable(f.value(QLatin1String("title")).toString()));

        const Run en = cli({QStringLiteral("analyze"), demo(QStringLiteral("euler-node-07")),
                            QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(en.out.contains(QLatin1String("Container root filesystems are hidden by a later mount")));
    }

    void systemLocalePicksTheLanguage()
    {
        const QStringList args{QStringLiteral("analyze"), demo(QStringLiteral("euler-node-07"))};
        QVERIFY(cli(args, QStringLiteral("zh_CN.UTF-8"))
                    .out.contains(QStringLiteral("容器根文件系统被后来的挂载覆盖")));
        QVERIFY(cli(args, QStringLiteral("en_US.UTF-8"))
                    .out.contains(QLatin1String("Container root filesystems")));
        // --lang wins over the system locale.
        QVERIFY(cli(args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")},
                    QStringLiteral("zh_CN.UTF-8"))
                    .out.contains(QLatin1String("Container root filesystems")));
    }

    // Issue #16 item 1: a copy of the catalog with an edited script and its new hash in the copy's own
    // manifest ran with --yes. Refused now before any host is contacted, naming the catalog's hash; once
    // the admin lists that hash, the plan says where the script comes from and that it differs.
    void editedCatalogIsRefusedUnlessTheAdminTrustsIt()
    {
        QTemporaryDir tmp;
        const QString catalog = tmp.filePath(QStringLiteral("catalog"));
        QVERIFY(QDir().mkpath(catalog));
        const QDir source(QStringLiteral(LAYERWATCH_SOURCE_DIR "/resources/remediation"));
        for (const QString &name : source.entryList(QDir::Files))
            QVERIFY(QFile::copy(source.filePath(name), QDir(catalog).filePath(name)));
        const QString scriptPath = QDir(catalog).filePath(QStringLiteral("enable-redirect-dir.sh"));
        QFile script(scriptPath);
        QVERIFY(script.open(QIODevice::ReadOnly));
        const QByteArray original = script.readAll();
        script.close();
        const QByteArray edited = original + "\ntouch /tmp/lw-edited-catalog\n";
        write(scriptPath, edited);
        const QByteArray oldHash = QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex();
        const QByteArray newHash = QCryptographicHash::hash(edited, QCryptographicHash::Sha256).toHex();
        QFile manifestFile(QDir(catalog).filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        QByteArray manifest = manifestFile.readAll();
        manifestFile.close();
        QVERIFY(manifest.contains(oldHash));
        manifest.replace(oldHash, newHash);
        write(manifestFile.fileName(), manifest);
        const QString manifestHash =
            QString::fromLatin1(QCryptographicHash::hash(manifest, QCryptographicHash::Sha256).toHex());
        const QString inventory = tmp.filePath(QStringLiteral("hosts"));
        write(inventory, "root@127.0.205.254:1\n"); // never contacted
        const QString noList = tmp.filePath(QStringLiteral("none.json"));
        const QStringList args{QStringLiteral("remediate"),
                               QStringLiteral("--script"),
                               QStringLiteral("enable-redirect-dir"),
                               QStringLiteral("--inventory"),
                               inventory,
                               QStringLiteral("--catalog"),
                               catalog,
                               QStringLiteral("--yes"),
                               QStringLiteral("--audit-log"),
                               tmp.filePath(QStringLiteral("audit.jsonl")),
                               QStringLiteral("--ssh-config"),
                               QStringLiteral("none"),
                               QStringLiteral("--connect-timeout"),
                               QStringLiteral("1")};
        const Run refused = cli(args + QStringList{QStringLiteral("--trusted-catalogs"), noList});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("Refused")) && refused.err.contains(manifestHash) &&
                     refused.err.contains(catalog),
                 qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QLatin1String("not probed")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("audit.jsonl"))));

        // Listed: planned (the host is unreachable, so exit 2), and the plan names catalog and hashes.
        const QString list = tmp.filePath(QStringLiteral("trusted.json"));
        write(list, QStringLiteral("{\"format\": 1, \"catalogs\": [{\"manifestSha256\": \"%1\", "
                                   "\"approvedBy\": \"alice\"}]}")
                        .arg(manifestHash)
                        .toUtf8());
        QFile::setPermissions(list, QFile::ReadOwner | QFile::WriteOwner);
        const Run trusted = cli(args + QStringList{QStringLiteral("--trusted-catalogs"), list});
        QVERIFY2(!trusted.err.contains(QLatin1String("Refused")), qPrintable(trusted.err));
        QVERIFY2(trusted.out.contains(catalog) && trusted.out.contains(manifestHash) &&
                     trusted.out.contains(QLatin1String("DIFFERS")) &&
                     trusted.out.contains(QString::fromLatin1(oldHash)) &&
                     trusted.out.contains(QString::fromLatin1(newHash)),
                 qPrintable(trusted.out));
    }

    // Issue #16 item 4: a capture's meta.json host name and its mountinfo reached the terminal raw.
    void hostBytesReachTheTerminalEscaped()
    {
        QTemporaryDir tmp;
        const QString host = copyHost(tmp, QStringLiteral("euler-node-07"));
        QFile metaFile(host + QLatin1String("/meta.json"));
        QVERIFY(metaFile.open(QIODevice::ReadOnly));
        QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        metaFile.close();
        meta.insert(QStringLiteral("host"), QStringLiteral("node\x1b[2J\x1b[H\nHost: fake"));
        write(host + QLatin1String("/meta.json"), QJsonDocument(meta).toJson());
        const Run r = cli({QStringLiteral("analyze"), host});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.out.contains(QChar(0x1b)) && !r.err.contains(QChar(0x1b)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Host: node\\x1b[2J\\x1b[H\\nHost: fake")), qPrintable(r.out));
        QCOMPARE(
            r.out.count(QRegularExpression(QStringLiteral("^Host: "), QRegularExpression::MultilineOption)),
            1); // the newline in the name did not start a second host
        const Run json = cli({QStringLiteral("analyze"), QStringLiteral("--json"), host});
        QVERIFY(json.out.contains(QLatin1String("node\\u001b[2J\\u001b[H\\nHost: fake")));
    }

    // Issue #16 item 10: --connect-timeout nan / --command-timeout nan were accepted (and nan never timed
    // out).
    void nonFiniteOrNonPositiveTimeoutsAreRefused_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        for (const char *option : {"--connect-timeout", "--command-timeout"}) {
            for (const char *value : {"nan", "NaN", "inf", "-inf", "0", "-1"})
                QTest::addRow("%s %s", option, value)
                    << QString::fromLatin1(option) << QString::fromLatin1(value);
        }
    }
    void nonFiniteOrNonPositiveTimeoutsAreRefused()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QTemporaryDir tmp;
        const QString inventory = tmp.filePath(QStringLiteral("hosts"));
        write(inventory, "root@127.0.205.254:1\n"); // never contacted
        const Run r = cli({QStringLiteral("probe"), QStringLiteral("--inventory"), inventory,
                           QStringLiteral("--ssh-config"), QStringLiteral("none"), option, value});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("Invalid timeout")), qPrintable(r.err));
    }

    // --format html|csv|json and --output: the same hosts in every format; a file is written whole.
    void reportFormats()
    {
        const Run json =
            cli({QStringLiteral("analyze"), demo(), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .object()
                     .value(QLatin1String("hosts"))
                     .toArray()
                     .size(),
                 4);
        const Run html = cli({QStringLiteral("analyze"), demo(), QStringLiteral("--format"),
                              QStringLiteral("html"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QCOMPARE(html.exitCode, 1);
        QVERIFY(html.out.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(html.out.contains(QLatin1String("<html lang=\"zh")));
        QCOMPARE(html.out.count(QLatin1String("data:image/svg+xml;base64,")), 3);
        for (const char *host : {"centos-build-02", "euler-node-07", "ubuntu-web-01", "xfs-batch-03"})
            QVERIFY(html.out.contains(QLatin1String(host)));
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("fleet.csv"));
        const Run csv = cli({QStringLiteral("analyze"), demo(), QStringLiteral("--format"),
                             QStringLiteral("csv"), QStringLiteral("--output"), file});
        QCOMPARE(csv.exitCode, 1);
        QVERIFY(csv.out.isEmpty());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFHost,Status,"));
        QVERIFY(bytes.contains("euler-node-07,ok,critical,"));
        const Run bad =
            cli({QStringLiteral("analyze"), demo(), QStringLiteral("--format"), QStringLiteral("pdf")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("pdf")));
        const Run unwritable = cli({QStringLiteral("analyze"), demo(), QStringLiteral("--output"),
                                    tmp.filePath(QStringLiteral("no/such/dir/r.txt"))});
        QCOMPARE(unwritable.exitCode, 2);
    }

    // archive writes one file for a ticket; analyze reads it with the same report as the directories.
    void archiveForATicket()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("euler.tar"));
        const Run written = cli({QStringLiteral("archive"), demo(QStringLiteral("euler-node-07")),
                                 QStringLiteral("--output"), file});
        QCOMPARE(written.exitCode, 0);
        const Run fromArchive = cli({QStringLiteral("analyze"), file, QStringLiteral("--json")});
        const Run fromDir =
            cli({QStringLiteral("analyze"), demo(QStringLiteral("euler-node-07")), QStringLiteral("--json")});
        QCOMPARE(fromArchive.exitCode, 1);
        QCOMPARE(fromArchive.out, fromDir.out);
        QCOMPARE(cli({QStringLiteral("archive"), demo()}).exitCode, 2); // no --output
    }

    void versionNamesLibsshAndQt()
    {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QLatin1String("layerwatch-cli ")));
        QVERIFY(lines.at(1).startsWith(QLatin1String("libssh 0.")));
        QVERIFY(lines.at(2).startsWith(QLatin1String("Qt ") + QLatin1String(qVersion())));
    }

    void helpExitsZero()
    {
        const Run r = cli({QStringLiteral("analyze"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--fail-on")));
        const Run list = cli({QStringLiteral("--help")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(QLatin1String("analyze")));
    }
};

QTEST_GUILESS_MAIN(tst_cli)
#include "tst_cli.moc"
