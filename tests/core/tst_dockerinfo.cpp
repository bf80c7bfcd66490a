#include "dockerinfo.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lw;

class tst_DockerInfo : public QObject
{
    Q_OBJECT

private:
    static QByteArray fixture(const char *name)
    {
        QFile file(QFINDTESTDATA(u"data/dockerinfo/"_s + QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        return file.readAll();
    }

private slots:
    void docker24Overlay2OnXfsWithoutDType()
    {
        const DockerInfo info = parseDockerInfo(fixture("docker24-overlay2-xfs-nodtype.json"));
        QVERIFY2(info.valid, qPrintable(info.error.message));
        QCOMPARE(info.driver, u"overlay2"_s);
        QVERIFY(info.isOverlayDriver());
        QCOMPARE(info.driverStatus.size(), 5);
        QCOMPARE(info.driverStatus.at(0), (QPair<QString, QString>(u"Backing Filesystem"_s, u"xfs"_s)));
        QCOMPARE(info.driverStatus.at(4), (QPair<QString, QString>(u"userxattr"_s, u"false"_s)));
        QCOMPARE(info.backingFilesystem(), std::optional<QString>(u"xfs"_s));
        QCOMPARE(info.supportsDType(), std::optional<bool>(false));
        QCOMPARE(info.nativeOverlayDiff(), std::optional<bool>(true));
        QCOMPARE(info.usingMetacopy(), std::optional<bool>(false));
        QCOMPARE(info.dockerRootDir, u"/var/lib/docker"_s);
        QCOMPARE(info.serverVersion, u"24.0.7"_s);
        QCOMPARE(info.kernelVersion, u"3.10.0-1160.108.1.el7.x86_64"_s);
        QCOMPARE(info.warnings.size(), 2);
        QVERIFY(info.warnings.first().startsWith(
            u"WARNING: overlay2: the backing xfs filesystem is formatted without "
            "d_type support"_s));
        QVERIFY(info.warnings.first().contains(u"\n         Reformat the filesystem with ftype=1"_s));
        QCOMPARE(info.warnings.at(1), u"WARNING: bridge-nf-call-ip6tables is disabled"_s);
    }

    void docker27ContainerdImageStore()
    {
        const DockerInfo info = parseDockerInfo(fixture("docker27-containerd-overlayfs.json"));
        QVERIFY2(info.valid, qPrintable(info.error.message));
        QCOMPARE(info.driver, u"overlayfs"_s);
        QVERIFY(info.isOverlayDriver());
        QCOMPARE(info.driverStatus,
                 (QList<QPair<QString, QString>>{{u"driver-type"_s, u"io.containerd.snapshotter.v1"_s}}));
        QVERIFY(!info.backingFilesystem());
        QVERIFY(!info.supportsDType());
        QVERIFY(!info.nativeOverlayDiff());
        QVERIFY(!info.usingMetacopy());
        QCOMPARE(info.serverVersion, u"27.3.1"_s);
        QCOMPARE(info.kernelVersion, u"6.1.0-26-amd64"_s);
        QVERIFY(info.warnings.isEmpty()); // "Warnings": null
    }

    void daemonDownProse()
    {
        const DockerInfo info = parseDockerInfo(fixture("daemon-down.txt"));
        QVERIFY(!info.valid);
        QVERIFY2(
            info.error.message.contains(
                u"Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"_s),
            qPrintable(info.error.message));
    }

    void daemonDownServerErrors()
    {
        const DockerInfo info = parseDockerInfo(fixture("docker27-server-errors.json"));
        QVERIFY(!info.valid);
        QVERIFY2(info.error.message.contains(u"Cannot connect to the Docker daemon"_s),
                 qPrintable(info.error.message));
    }

    void otherDrivers()
    {
        const DockerInfo devicemapper = parseDockerInfo(
            R"({"Driver":"devicemapper","DriverStatus":[["Pool Name","docker-253:0-1234-pool"],["Backing Filesystem","xfs"]]})");
        QVERIFY(devicemapper.valid);
        QVERIFY(!devicemapper.isOverlayDriver());
        QCOMPARE(devicemapper.backingFilesystem(), std::optional<QString>(u"xfs"_s));
        QVERIFY(
            !parseDockerInfo(R"({"Driver":"overlay"})").isOverlayDriver()); // the legacy driver, not overlay2
        QVERIFY(!parseDockerInfo(R"({"Driver":"vfs","DriverStatus":null})").isOverlayDriver());
        // A d_type value that is neither true nor false is unknown, not false.
        const DockerInfo odd =
            parseDockerInfo(R"({"Driver":"overlay2","DriverStatus":[["Supports d_type","maybe"]]})");
        QVERIFY(odd.valid);
        QVERIFY(!odd.supportsDType());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("blank") << QByteArray(" \n") << 0;
        QTest::newRow("array") << QByteArray("[]") << 0;
        QTest::newRow("truncated") << QByteArray("{\"Driver\":\"overlay2\",\n\"DriverStatus\":[[\"a\"") << 2;
        QTest::newRow("no driver") << QByteArray("{\"ServerVersion\":\"24.0.7\"}") << 0;
        QTest::newRow("driver number") << QByteArray("{\"Driver\":2}") << 0;
        QTest::newRow("status object") << QByteArray("{\"Driver\":\"overlay2\",\"DriverStatus\":{}}") << 0;
        QTest::newRow("status triple")
            << QByteArray("{\"Driver\":\"overlay2\",\"DriverStatus\":[[\"a\",\"b\",\"c\"]]}") << 0;
        QTest::newRow("status number")
            << QByteArray("{\"Driver\":\"overlay2\",\"DriverStatus\":[[\"a\",1]]}") << 0;
        QTest::newRow("warnings string") << QByteArray("{\"Driver\":\"overlay2\",\"Warnings\":\"w\"}") << 0;
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const DockerInfo info = parseDockerInfo(text);
        QVERIFY(!info.valid);
        QVERIFY(!info.error.message.isEmpty());
        QCOMPARE(info.error.line, line);
    }

    void longProseIsShortened()
    {
        const QByteArray prose = "error during connect: " + QByteArray(5000, 'x');
        const DockerInfo info = parseDockerInfo(prose);
        QVERIFY(!info.valid);
        QVERIFY(info.error.message.contains(u"error during connect"_s));
        QVERIFY(info.error.message.size() < 500);
    }
};

QTEST_GUILESS_MAIN(tst_DockerInfo)
#include "tst_dockerinfo.moc"
