// The console probing real sshd hosts of the lab fleet (tests/lab): needs root; label "integration".
#include "fleetmodel.h"
#include "mainwindow.h"
#include "snapshotstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace lw;
using namespace lw::gui;

class TestMainWindowLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeAllFromTheConsole();
    void cleanupTestCase();

private:
    QTemporaryDir m_lab;
    QTemporaryDir m_home;
    bool m_started = false;
    const QString m_base = QStringLiteral("127.0.11.1");
};

void TestMainWindowLab::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("not root: the lab (tests/lab/lab.sh) starts sshd hosts in their own namespaces");
    QStandardPaths::setTestModeEnabled(true);
    const QString labScript = QStringLiteral(LAYERWATCH_SOURCE_DIR "/tests/lab/lab.sh");
    QProcess lab;
    lab.start(QStringLiteral("bash"), {labScript, QStringLiteral("start"), QStringLiteral("--dir"),
                                       m_lab.path(), QStringLiteral("--scenarios"),
                                       QStringLiteral("healthy,covered"), QStringLiteral("--base"), m_base});
    QVERIFY(lab.waitForFinished(180000));
    if (lab.exitCode() != 0)
        QSKIP(qPrintable(QStringLiteral("lab did not start: ") +
                         QString::fromLocal8Bit(lab.readAllStandardError())));
    m_started = true;
    // The console uses ~/.ssh like ssh does: give it the lab's key and known_hosts.
    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".ssh")));
    for (const char *file : {"id_ed25519", "id_ed25519.pub", "known_hosts"})
        QVERIFY(QFile::copy(QDir(m_lab.path()).filePath(QLatin1String(file)),
                            m_home.path() + QStringLiteral("/.ssh/") + QLatin1String(file)));
    QFile::setPermissions(m_home.path() + QStringLiteral("/.ssh/id_ed25519"),
                          QFile::ReadOwner | QFile::WriteOwner);
    qputenv("HOME", QFile::encodeName(m_home.path()));
}

void TestMainWindowLab::probeAllFromTheConsole()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = QDir(m_lab.path()).filePath(QStringLiteral("inventory"));
    MainWindow window(options);
    FleetModel *model = window.fleetModel();
    QCOMPARE(model->rowCount(), 2);
    window.probeAllWhenReady();
    auto settled = [model] {
        for (const HostRow &row : model->hostRows()) {
            if (row.status == HostStatus::NotProbed || isPendingHostStatus(row.status))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 120000);
    QVERIFY(window.waitUntilIdle(60000)); // the sweep is written to the store

    const QString healthy = m_base;
    const QString covered = QStringLiteral("127.0.11.2");
    const int h = model->rowOfHost(healthy);
    const int c = model->rowOfHost(covered);
    QVERIFY(h >= 0 && c >= 0);
    QCOMPARE(model->hostRow(h).status, HostStatus::Ok);
    QCOMPARE(model->hostRow(c).status, HostStatus::Ok);
    QVERIFY(!model->hostRow(h).worstSeverity.has_value() ||
            *model->hostRow(h).worstSeverity != Severity::Critical);
    QCOMPARE(model->hostRow(h).coveredMounts, 0);
    QCOMPARE(model->index(c, FleetModel::Host).data(FleetModel::SeverityRole).toInt(),
             int(Severity::Critical));
    QVERIFY(model->hostRow(c).coveredMounts > 0);
    QVERIFY(model->hostRow(c).findingIds.contains(QStringLiteral("shadowed-overlay-mounts")));

    SnapshotStore store;
    QVERIFY(store.open(QDir(data.path()).filePath(QStringLiteral("snapshots.db"))).ok());
    const QList<StoredSnapshot> last = store.lastSnapshots();
    QCOMPARE(last.size(), 2);
    QHash<QString, QByteArray> kernelConfig;
    for (const StoredSnapshot &s : last) {
        QCOMPARE(s.status, HostStatus::Ok);
        QVERIFY(!s.capture.probes.isEmpty());
        QVERIFY(s.dockerRootSize > 0);
        kernelConfig.insert(s.host, s.capture.probe(QStringLiteral("kernel-config")).output);
    }

    // Probe all again: the kept probe shells answer a refresh. The table shows the same, and the stored
    // capture has the kernel config the host reported unchanged (filled in from the first reply).
    window.probeAllWhenReady();
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 120000);
    QVERIFY(window.waitUntilIdle(60000));
    QCOMPARE(model->hostRow(h).status, HostStatus::Ok);
    QCOMPARE(model->hostRow(c).status, HostStatus::Ok);
    QVERIFY(model->hostRow(c).coveredMounts > 0);
    QCOMPARE(model->hostRow(h).coveredMounts, 0);
    QVERIFY(model->hostRow(c).findingIds.contains(QStringLiteral("shadowed-overlay-mounts")));
    // A refresh: the lab's docker saw one `docker info` per host (the first, full probe), not two.
    for (const QString &host : {healthy, covered}) {
        QFile calls(QDir(m_lab.path()).filePath(QStringLiteral("hosts/%1/calls.log").arg(host)));
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QCOMPARE(calls.readAll().count("docker info"), 1);
    }
    const QList<StoredSnapshot> again = store.lastSnapshots();
    QCOMPARE(again.size(), 2);
    for (const StoredSnapshot &s : again) {
        QCOMPARE(s.status, HostStatus::Ok);
        QCOMPARE(s.capture.probe(QStringLiteral("kernel-config")).status, ProbeStatus::Ok);
        QCOMPARE(s.capture.probe(QStringLiteral("kernel-config")).output, kernelConfig.value(s.host));
        QVERIFY(last.first().time <= s.time);
    }
}

void TestMainWindowLab::cleanupTestCase()
{
    if (!m_started)
        return;
    QProcess::execute(QStringLiteral("bash"),
                      {QStringLiteral(LAYERWATCH_SOURCE_DIR "/tests/lab/lab.sh"), QStringLiteral("stop"),
                       QStringLiteral("--dir"), m_lab.path()});
}

QTEST_MAIN(TestMainWindowLab)
#include "tst_mainwindow_lab.moc"
