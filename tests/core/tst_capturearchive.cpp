// Capture archives: a round trip gives the same report, tar(1) reads ours and we read tar(1)'s, and an
// archive that tries to write outside its hosts' directories, holds links or is cut short is refused.
#include "capture.h"
#include "capturearchive.h"
#include "report.h"
#include "rules.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lw;

class tst_capturearchive : public QObject
{
    Q_OBJECT

private:
    static QByteArray reportOf(const CaptureSetReadResult &set)
    {
        QList<HostReport> reports;
        for (const RawCapture &c : set.captures) {
            HostReport r;
            r.host = c.host;
            r.snapshot = buildSnapshot(c);
            r.analysis = analyze(r.snapshot);
            reports.append(r);
        }
        return jsonReport(reports);
    }

    static bool tar(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("tar"), args);
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

private slots:
    void roundTripGivesTheSameReport()
    {
        const CaptureSetReadResult demo = readCaptures(QFINDTESTDATA("../../resources/demo"));
        QCOMPARE(demo.captures.size(), 4);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("fleet.tar"));
        QString error;
        QVERIFY2(writeCaptureArchive(demo.captures, path, &error), qPrintable(error));
        QVERIFY(isCaptureArchive(path));
        QVERIFY(!isCaptureArchive(QFINDTESTDATA("../../resources/demo")));
        const CaptureSetReadResult back = readCaptureSource(path);
        QVERIFY2(back.ok(), qPrintable(back.errors.join(QLatin1Char('\n'))));
        QCOMPARE(reportOf(back), reportOf(demo));
        // the same captures give the same bytes (no time stamps)
        const QString again = tmp.filePath(QStringLiteral("again.tar"));
        QVERIFY(writeCaptureArchive(demo.captures, again, &error));
        QFile a(path), b(again);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        // tar(1) unpacks it into capture directories
        QVERIFY(tar({QStringLiteral("-xf"), path, QStringLiteral("-C"), tmp.path()}));
        QVERIFY(isCaptureDirectory(tmp.filePath(QStringLiteral("euler-node-07"))));
    }

    void readsWhatTarWrites()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("one.tar"));
        QVERIFY(tar({QStringLiteral("--format=ustar"), QStringLiteral("-cf"), path, QStringLiteral("-C"),
                     QFINDTESTDATA("../../resources/demo"), QStringLiteral("euler-node-07")}));
        const CaptureSetReadResult read = readCaptureArchive(path);
        QVERIFY2(read.ok(), qPrintable(read.errors.join(QLatin1Char('\n'))));
        QCOMPARE(read.captures.size(), 1);
        QCOMPARE(read.captures.constFirst().host, QStringLiteral("euler-node-07"));
    }

    void refusesWhatIsNotACapture_data()
    {
        QTest::addColumn<QStringList>("tarArgs"); // run in a directory holding host/meta.json, x, link
        QTest::newRow("parent") << QStringList{QStringLiteral("-P"), QStringLiteral("host/../x")};
        QTest::newRow("absolute") << QStringList{QStringLiteral("-P"), QStringLiteral("TMP/x")};
        QTest::newRow("deeper") << QStringList{QStringLiteral("host/sub/f")};
        QTest::newRow("top-level file") << QStringList{QStringLiteral("x")};
        QTest::newRow("symlink") << QStringList{QStringLiteral("host/link")};
    }

    void refusesWhatIsNotACapture()
    {
        QFETCH(QStringList, tarArgs);
        QTemporaryDir tmp;
        QDir(tmp.path()).mkpath(QStringLiteral("host/sub"));
        for (const QString &name :
             {QStringLiteral("host/meta.json"), QStringLiteral("x"), QStringLiteral("host/sub/f")}) {
            QFile f(tmp.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(name == QLatin1String("host/meta.json")
                        ? "{\"format\": 1, \"host\": \"h\", \"probes\": {}}"
                        : "x");
        }
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), tmp.filePath(QStringLiteral("host/link"))));
        for (QString &arg : tarArgs)
            arg.replace(QLatin1String("TMP"), tmp.path());
        const QString path = tmp.filePath(QStringLiteral("bad.tar"));
        QVERIFY(tar(QStringList{QStringLiteral("--format=ustar"), QStringLiteral("-cf"), path,
                                QStringLiteral("-C"), tmp.path(), QStringLiteral("host/meta.json")} +
                    tarArgs));
        const CaptureSetReadResult read = readCaptureArchive(path);
        QVERIFY(!read.ok());
        QCOMPARE(read.captures.size(), 0);
        QVERIFY(read.errors.constFirst().contains(path));
    }

    void refusesATruncatedArchive()
    {
        const CaptureSetReadResult demo = readCaptures(QFINDTESTDATA("../../resources/demo/euler-node-07"));
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("cut.tar"));
        QString error;
        QVERIFY(writeCaptureArchive(demo.captures, path, &error));
        QFile f(path);
        QVERIFY(f.resize(f.size() / 2));
        const CaptureSetReadResult read = readCaptureArchive(path);
        QVERIFY(!read.ok());
        QCOMPARE(read.captures.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_capturearchive)
#include "tst_capturearchive.moc"
