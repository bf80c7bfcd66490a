// Capture directories (docs/capture-layout.md): round trip, reading without meta.json, malformed
// meta.json, atomic writes, directories of several hosts.
#include "capture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace lw;

class tst_capture : public QObject
{
    Q_OBJECT

private:
    static RawCapture sample()
    {
        RawCapture c;
        c.host = QStringLiteral("node-1.example");
        c.collectedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 41, 12, 250), Qt::UTC);
        ProbeOutput ok;
        ok.status = ProbeStatus::Ok;
        ok.output = QByteArray("/usr/bin/dockerd\0-H\0fd://\0", 26); // binary, NUL-separated
        ok.exitCode = 0;
        ok.durationMs = 12;
        c.probes.insert(QString::fromLatin1(ProbeId::DockerdCmdline), ok);
        ProbeOutput truncated = ok;
        truncated.output = QByteArray(4096, 'x');
        truncated.truncated = true;
        truncated.durationMs = 1500;
        c.probes.insert(QString::fromLatin1(ProbeId::MountInfo), truncated);
        ProbeOutput absent;
        absent.status = ProbeStatus::Absent;
        absent.errorOutput = "cat: /etc/docker/daemon.json: No such file or directory\n";
        absent.exitCode = 1;
        absent.durationMs = 3;
        c.probes.insert(QString::fromLatin1(ProbeId::DaemonJson), absent);
        ProbeOutput timeout;
        timeout.status = ProbeStatus::Timeout;
        timeout.exitCode = -1;
        timeout.durationMs = 20000;
        c.probes.insert(QString::fromLatin1(ProbeId::DockerInfo), timeout);
        ProbeOutput noPerm;
        noPerm.status = ProbeStatus::NoPermission;
        noPerm.errorOutput = "sudo: a password is required\n";
        noPerm.exitCode = 1;
        noPerm.durationMs = 5;
        c.probes.insert(QString::fromLatin1(ProbeId::DockerStorage), noPerm);
        return c;
    }

    static QStringList entries(const QString &dir)
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    }

private slots:
    void roundTrip()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("node-1"));
        const RawCapture in = sample();
        QString error;
        QVERIFY2(writeCapture(in, dir, &error), qPrintable(error));
        QVERIFY(QFileInfo::exists(dir + QLatin1String("/meta.json")));
        QVERIFY(QFileInfo::exists(dir + QLatin1String("/dockerd-cmdline")));
        QVERIFY(QFileInfo::exists(dir + QLatin1String("/daemon-json.stderr")));
        QVERIFY(!QFileInfo::exists(dir + QLatin1String("/docker-info"))); // timed out: no data file

        const CaptureReadResult out = readCapture(dir);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QVERIFY2(out.warnings.isEmpty(), qPrintable(out.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(out.capture.host, in.host);
        QCOMPARE(out.capture.collectedAt, in.collectedAt);
        QCOMPARE(out.capture.probes.keys(), in.probes.keys());
        for (auto it = in.probes.cbegin(); it != in.probes.cend(); ++it) {
            const ProbeOutput got = out.capture.probe(it.key());
            QCOMPARE(got.status, it->status);
            QCOMPARE(got.output, it->output);
            QCOMPARE(got.errorOutput, it->errorOutput);
            QCOMPARE(got.exitCode, it->exitCode);
            QCOMPARE(got.durationMs, it->durationMs);
            QCOMPARE(got.truncated, it->truncated);
        }
        // Not collected probes stay not collected.
        QCOMPARE(out.capture.probe(QString::fromLatin1(ProbeId::DiskUsage)).status,
                 ProbeStatus::NotCollected);
    }

    void metaJsonFormat()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("h"));
        QVERIFY(writeCapture(sample(), dir));
        QFile meta(dir + QLatin1String("/meta.json"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
        QCOMPARE(o.value(QLatin1String("format")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("host")).toString(), QStringLiteral("node-1.example"));
        QCOMPARE(o.value(QLatin1String("collectedAt")).toString(),
                 QStringLiteral("2026-11-27T09:41:12.250Z"));
        const QJsonObject probes = o.value(QLatin1String("probes")).toObject();
        QCOMPARE(
            probes.value(QLatin1String("docker-info")).toObject().value(QLatin1String("status")).toString(),
            QStringLiteral("timeout"));
        QCOMPARE(probes.value(QLatin1String("docker-storage"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("no-permission"));
        const QJsonObject mi = probes.value(QLatin1String("mountinfo")).toObject();
        QCOMPARE(mi.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(mi.value(QLatin1String("truncated")).toBool(), true);
        QCOMPARE(mi.value(QLatin1String("durationMs")).toInt(), 1500);
        QCOMPARE(mi.value(QLatin1String("exitCode")).toInt(), 0);
    }

    void withoutMetaJson()
    {
        const QString dir = QFINDTESTDATA("data/capture/no-meta");
        const CaptureReadResult r = readCapture(dir);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.capture.host, QStringLiteral("no-meta"));
        QCOMPARE(r.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
        QCOMPARE(r.capture.probe(QStringLiteral("uname-r")).output, QByteArray("5.10.0-21-amd64\n"));
        QCOMPARE(r.capture.probe(QStringLiteral("docker-info")).errorOutput,
                 QByteArray("permission denied\n"));
        QCOMPARE(r.capture.probe(QStringLiteral("mountinfo")).status, ProbeStatus::NotCollected);
        QCOMPARE(r.capture.probes.size(), 2);
    }

    void malformedMetaJson_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("syntax") << "bad-meta"
                                << "meta.json";
        QTest::newRow("unknown status") << "bad-status"
                                        << "fine";
        QTest::newRow("path in probe id") << "traversal"
                                          << "../../etc/passwd";
    }

    void malformedMetaJson()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, mentions);
        const QString dir = QFINDTESTDATA(QStringLiteral("data/capture/") + fixture);
        QVERIFY(!dir.isEmpty());
        const CaptureReadResult r = readCapture(dir);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
        QVERIFY2(r.error.contains(QLatin1String("meta.json")), qPrintable(r.error));
    }

    void okProbeWithoutItsFileIsFailed()
    {
        const CaptureReadResult r = readCapture(QFINDTESTDATA("data/capture/missing-file"));
        QVERIFY(r.ok());
        QCOMPARE(r.capture.host, QStringLiteral("h2"));
        QCOMPARE(r.capture.probe(QStringLiteral("uname-r")).status, ProbeStatus::Ok);
        QCOMPARE(r.capture.probe(QStringLiteral("df")).status, ProbeStatus::Failed);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.constFirst().contains(QLatin1String("df")));
    }

    void notADirectory()
    {
        const CaptureReadResult r = readCapture(QStringLiteral("/nonexistent/layerwatch"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QLatin1String("/nonexistent/layerwatch")));
        const CaptureSetReadResult set = readCaptures(QStringLiteral("/nonexistent/layerwatch"));
        QVERIFY(!set.ok());
        QVERIFY(set.captures.isEmpty());
    }

    void failedWriteLeavesNothing()
    {
        QTemporaryDir tmp;
        RawCapture c = sample();
        ProbeOutput bad;
        bad.status = ProbeStatus::Ok;
        bad.output = "x";
        c.probes.insert(QStringLiteral("zz/../../escape"), bad); // sorted last: after real files were written
        const QString dir = tmp.filePath(QStringLiteral("node"));
        QString error;
        QVERIFY(!writeCapture(c, dir, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFileInfo::exists(dir));
        QCOMPARE(entries(tmp.path()), QStringList()); // no temporary directory left behind
    }

    void replacesAnExistingCaptureAtomically()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("node"));
        RawCapture first = sample();
        QVERIFY(writeCapture(first, dir));
        RawCapture second;
        second.host = QStringLiteral("node-again");
        ProbeOutput out;
        out.status = ProbeStatus::Ok;
        out.output = "6.1.0-13-amd64\n";
        second.probes.insert(QString::fromLatin1(ProbeId::KernelRelease), out);
        QString error;
        QVERIFY2(writeCapture(second, dir, &error), qPrintable(error));
        const CaptureReadResult r = readCapture(dir);
        QVERIFY(r.ok());
        QCOMPARE(r.capture.host, QStringLiteral("node-again"));
        QCOMPARE(r.capture.probes.keys(), QStringList{QStringLiteral("uname-r")}); // old files are gone
        QCOMPARE(entries(tmp.path()), QStringList{QStringLiteral("node")});
    }

    void refusesToOverwriteOtherDirectories()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(dir));
        QFile keep(dir + QLatin1String("/precious.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("keep me");
        keep.close();
        QString error;
        QVERIFY(!writeCapture(sample(), dir, &error));
        QVERIFY(error.contains(QLatin1String("not a capture directory")));
        QCOMPARE(entries(dir), QStringList{QStringLiteral("precious.txt")});
    }

    // Issue #16 item 3: DIR/<host> a symlink to another directory that looks like a capture: writing the
    // capture emptied the link's target (its files and subdirectories).
    void symlinkedHostDirectoryIsNeverFollowed()
    {
        QTemporaryDir tmp;
        const QString other = tmp.filePath(QStringLiteral("other"));
        QVERIFY(QDir().mkpath(other + QLatin1String("/sub")));
        for (const char *name : {"meta.json", "mountinfo", "precious.txt", "sub/deep.txt"}) {
            QFile f(other + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        }
        const QString save = tmp.filePath(QStringLiteral("save"));
        QVERIFY(QDir().mkpath(save));
        const QString link = save + QLatin1String("/node");
        QVERIFY(QFile::link(other, link));
        QString error;
        QVERIFY(!writeCapture(sample(), link, &error));
        QVERIFY2(error.contains(QLatin1String("symbolic link")), qPrintable(error));
        QCOMPARE(entries(other), (QStringList{QStringLiteral("meta.json"), QStringLiteral("mountinfo"),
                                              QStringLiteral("precious.txt"), QStringLiteral("sub")}));
        QCOMPARE(entries(other + QLatin1String("/sub")), QStringList{QStringLiteral("deep.txt")});
        QFile meta(other + QLatin1String("/meta.json"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        QCOMPARE(meta.readAll(), QByteArray("keep me"));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(entries(save), QStringList{QStringLiteral("node")}); // no temporary left behind
    }

    // A capture directory that also holds what Layerwatch did not write (a note, a subdirectory, a link
    // named like a probe file) is not replaced: replacing it would delete those.
    void captureWithForeignEntriesIsNotReplaced()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("node"));
        QVERIFY(writeCapture(sample(), dir));
        QVERIFY(QDir().mkpath(dir + QLatin1String("/notes")));
        QString error;
        QVERIFY(!writeCapture(sample(), dir, &error));
        QVERIFY2(error.contains(QLatin1String("notes")), qPrintable(error));
        QVERIFY(QDir().rmdir(dir + QLatin1String("/notes")));
        const QString outside = tmp.filePath(QStringLiteral("outside"));
        QFile o(outside);
        QVERIFY(o.open(QIODevice::WriteOnly));
        o.write("outside");
        o.close();
        QFile::remove(dir + QLatin1String("/uname-r"));
        QVERIFY(QFile::link(outside, dir + QLatin1String("/uname-r")));
        QVERIFY(!writeCapture(sample(), dir, &error));
        QVERIFY(QFileInfo::exists(outside));
        QVERIFY(QFile::remove(dir + QLatin1String("/uname-r")));
        QVERIFY2(writeCapture(sample(), dir, &error), qPrintable(error)); // only its own files: replaced
        QVERIFY(readCapture(dir).ok());
    }

    // Issue #16 item 8: analyze trusted file types and sizes. A FIFO meta.json hung it, a link to /dev/zero
    // aborted it, a 1.5 GB probe file took 6 GB; and a host directory it could not use was left out without a
    // word. Each such host is an error naming it; the others are read.
    void hostileFilesAreReportedPerHost()
    {
        QTemporaryDir tmp;
        const QString set = tmp.filePath(QStringLiteral("set"));
        QVERIFY(writeCapture(sample(), set + QLatin1String("/good")));
        QVERIFY(writeCapture(sample(), set + QLatin1String("/fifo")));
        QVERIFY(QFile::remove(set + QLatin1String("/fifo/meta.json")));
        QCOMPARE(::mkfifo(QFile::encodeName(set + QLatin1String("/fifo/meta.json")).constData(), 0600), 0);
        QVERIFY(writeCapture(sample(), set + QLatin1String("/zero")));
        QVERIFY(QFile::remove(set + QLatin1String("/zero/mountinfo")));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), set + QLatin1String("/zero/mountinfo")));
        QVERIFY(writeCapture(sample(), set + QLatin1String("/big")));
        {
            QFile big(set + QLatin1String("/big/mountinfo"));
            QVERIFY(big.open(QIODevice::ReadWrite));
            QVERIFY(big.resize(qint64(1536) << 20)); // sparse: 1.5 GB that take no disk
        }
        QVERIFY(QDir().mkpath(set + QLatin1String("/empty-host")));
        const QByteArray latin1 = QFile::encodeName(set) + "/h\xf6st"; // "höst" in Latin-1: not UTF-8
        QCOMPARE(::mkdir(latin1.constData(), 0700), 0);
        { // a capture in it, written through the raw name
            QFile meta(set + QLatin1String("/good/meta.json"));
            QVERIFY(meta.open(QIODevice::ReadOnly));
            const QByteArray bytes = meta.readAll();
            const int fd = ::open((latin1 + "/meta.json").constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
            QVERIFY(fd >= 0);
            QCOMPARE(::write(fd, bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
            ::close(fd);
        }

        QElapsedTimer timer;
        timer.start();
        const CaptureSetReadResult r = readCaptures(set);
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(r.captures.size(), 1);
        QCOMPARE(r.captures.first().host, QStringLiteral("node-1.example"));
        const QString errors = r.errors.join(QLatin1Char('\n'));
        QCOMPARE(r.errors.size(), 4);
        QVERIFY2(errors.contains(QLatin1String("fifo/meta.json is not a regular file")), qPrintable(errors));
        QVERIFY2(errors.contains(QLatin1String("zero/mountinfo is a symbolic link")), qPrintable(errors));
        QVERIFY2(errors.contains(QLatin1String("big/mountinfo is larger than")), qPrintable(errors));
        QVERIFY2(errors.contains(QLatin1String("not valid UTF-8")), qPrintable(errors));
        QCOMPARE(r.failedDirectories.size(), 4);
        // a directory without a capture may be no host at all: said, not an error
        QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("empty-host holds no capture")));
    }

    void readsADirectoryOfHosts()
    {
        QTemporaryDir tmp;
        RawCapture a = sample();
        a.host = QStringLiteral("alpha");
        RawCapture b = sample();
        b.host = QStringLiteral("beta");
        QVERIFY(writeCapture(b, tmp.filePath(QStringLiteral("beta"))));
        QVERIFY(writeCapture(a, tmp.filePath(QStringLiteral("alpha"))));
        // A half-written capture (hidden temporary directory) is ignored, an unrelated directory only warned
        // about.
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral(".gamma.tmp-abc123"))));
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("notes"))));
        CaptureSetReadResult set = readCaptures(tmp.path());
        QVERIFY2(set.ok(), qPrintable(set.errors.join(QLatin1Char('\n'))));
        QCOMPARE(set.captures.size(), 2);
        QCOMPARE(set.captures.at(0).host, QStringLiteral("alpha"));
        QCOMPARE(set.captures.at(1).host, QStringLiteral("beta"));

        // One single capture directory is read as one host.
        set = readCaptures(tmp.filePath(QStringLiteral("beta")));
        QCOMPARE(set.captures.size(), 1);

        // A broken host is an error naming it; the others are still read.
        QFile meta(tmp.filePath(QStringLiteral("beta/meta.json")));
        QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
        meta.write("{ not json");
        meta.close();
        set = readCaptures(tmp.path());
        QCOMPARE(set.captures.size(), 1);
        QCOMPARE(set.errors.size(), 1);
        QVERIFY(set.errors.constFirst().contains(QLatin1String("beta")));
        QCOMPARE(set.failedDirectories.size(), 1);

        // An empty directory holds no capture.
        QTemporaryDir empty;
        set = readCaptures(empty.path());
        QVERIFY(!set.ok());
        QVERIFY(set.captures.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_capture)
#include "tst_capture.moc"
