#include "capture.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "hostdetailwidget.h"
#include "inventorydialog.h"
#include "mainwindow.h"
#include "rules.h"
#include "snapshotstore.h"

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace lw;
using namespace lw::gui;

namespace {

const QString demoDir = QStringLiteral(LAYERWATCH_DEMO_DIR);
const QString coveredHost = QStringLiteral("euler-node-07");

int expectedHiddenMounts(const QString &host)
{
    const CaptureReadResult read = readCapture(QDir(demoDir).filePath(host));
    if (!read.ok())
        return -1;
    const HostSnapshot snapshot = buildSnapshot(read.capture);
    return snapshot.mounts.isOk() ? int(snapshot.mounts.value.hiddenMounts().size()) : -1;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoShowsCoveredHost();
    void lastKnownStateFromStoreIsStale();
    void corruptStoreIsReportedAndKept();
    void inventoryImportedAndSaved();
    void languageSwitchAtRunTime();
    void settingsSavedOnClose();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QDir(demoDir).filePath(coveredHost)).isDir(), qPrintable(demoDir));
}

void TestMainWindow::demoShowsCoveredHost()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.demo = true;
    options.demoDir = demoDir;
    options.dataDir = data.path();
    MainWindow window(options);
    window.show();
    QVERIFY(window.waitUntilIdle(30000));
    FleetModel *model = window.fleetModel();
    QCOMPARE(model->rowCount(), QDir(demoDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());

    const int row = model->rowOfHost(coveredHost);
    QVERIFY(row >= 0);
    // Worst hosts first by default; among critical ones the covered host leads, and it is selected.
    QCOMPARE(window.fleetView()->horizontalHeader()->sortIndicatorSection(), int(FleetModel::WorstFinding));
    QCOMPARE(window.filterProxy()->index(0, FleetModel::Host).data().toString(), coveredHost);
    QCOMPARE(window.hostDetail()->host(), coveredHost);
    const int hidden = expectedHiddenMounts(coveredHost);
    QVERIFY2(hidden > 0, "the demo's covered host must have hidden mounts");
    QCOMPARE(model->index(row, FleetModel::CoveredMounts).data().toString(), QString::number(hidden));
    QCOMPARE(model->index(row, FleetModel::CoveredMounts).data(FleetModel::SortRole).toInt(), hidden);
    QCOMPARE(model->index(row, FleetModel::Host).data(FleetModel::SeverityRole).toInt(),
             int(Severity::Critical));
    QVERIFY(model->index(row, FleetModel::WorstFinding)
                .data()
                .toString()
                .startsWith(severityDisplayName(Severity::Critical)));
    QVERIFY(model->hostRow(row).findingIds.contains(QString::fromLatin1(FindingId::ShadowedOverlayMounts)));
    // A healthy demo host shows no hidden mounts and no finding.
    const int healthy = model->rowOfHost(QStringLiteral("ubuntu-web-01"));
    QVERIFY(healthy >= 0);
    QCOMPARE(model->index(healthy, FleetModel::CoveredMounts).data().toString(), QStringLiteral("0"));
    QCOMPARE(model->index(healthy, FleetModel::Host).data(FleetModel::SeverityRole).toInt(), -1);

    // Filter by the finding: only the covered host is left; selecting it fills the detail panel.
    window.filterProxy()->setFindingIdFilter(QString::fromLatin1(FindingId::ShadowedOverlayMounts));
    QCOMPARE(window.filterProxy()->rowCount(), 1);
    window.selectHost(coveredHost);
    QCOMPARE(window.hostDetail()->host(), coveredHost);
    QVERIFY(
        window.hostDetail()->overviewText().contains(QString::fromLatin1(FindingId::ShadowedOverlayMounts)));

    // Sorting by covered mounts puts it first when descending (numbers as numbers).
    window.filterProxy()->clearFilters();
    window.fleetView()->sortByColumn(FleetModel::CoveredMounts, Qt::DescendingOrder);
    QCOMPARE(window.filterProxy()->index(0, FleetModel::Host).data().toString(), coveredHost);
    // The count beside the filters says how many hosts are critical.
    QTest::qWait(400); // the summary is refreshed on a short timer, not per batch
    bool countShown = false;
    for (const QLabel *label : window.findChildren<QLabel *>())
        countShown = countShown || label->text().endsWith(QStringLiteral(" · 3 critical"));
    QVERIFY(countShown);
    // Demo mode never writes a store.
    QVERIFY(!QFile::exists(QDir(data.path()).filePath(QStringLiteral("snapshots.db"))));
}

void TestMainWindow::lastKnownStateFromStoreIsStale()
{
    QTemporaryDir data;
    {
        SnapshotStore store;
        QVERIFY(store.open(QDir(data.path()).filePath(QStringLiteral("snapshots.db"))).ok());
        const CaptureReadResult read = readCapture(QDir(demoDir).filePath(coveredHost));
        QVERIFY(read.ok());
        const HostSnapshot snapshot = buildSnapshot(read.capture);
        StoredSnapshot stored;
        stored.host = coveredHost;
        stored.time = QDateTime::currentDateTimeUtc().addSecs(-60);
        stored.status = HostStatus::Ok;
        stored.capture = read.capture;
        summarize(stored, snapshot, analyze(snapshot));
        StoredSnapshot down;
        down.host = QStringLiteral("down.example");
        down.time = QDateTime::currentDateTimeUtc();
        down.status = HostStatus::Unreachable;
        down.message = QStringLiteral("Connection refused");
        QVERIFY(store.writeSweep({stored, down}));
    }
    MainWindowOptions options;
    options.dataDir = data.path();
    MainWindow window(options);
    QVERIFY(window.waitUntilIdle(30000));
    FleetModel *model = window.fleetModel();
    QCOMPARE(model->rowCount(), 2);
    const int row = model->rowOfHost(coveredHost);
    QVERIFY(row >= 0);
    QVERIFY(model->index(row, 0).data(FleetModel::StaleRole).toBool());
    QCOMPARE(model->index(row, FleetModel::CoveredMounts).data().toString(),
             QString::number(expectedHiddenMounts(coveredHost)));
    QCOMPARE(model->index(row, FleetModel::Host).data(FleetModel::SeverityRole).toInt(),
             int(Severity::Critical));
    const int downRow = model->rowOfHost(QStringLiteral("down.example"));
    QCOMPARE(model->index(downRow, FleetModel::Status).data(FleetModel::StatusRole).toString(),
             QStringLiteral("unreachable"));
    QVERIFY(model->index(downRow, FleetModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Connection refused")));
}

void TestMainWindow::corruptStoreIsReportedAndKept()
{
    QTemporaryDir data;
    const QString path = QDir(data.path()).filePath(QStringLiteral("snapshots.db"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x7f'));
    }
    MainWindowOptions options;
    options.dataDir = data.path();
    MainWindow window(options);
    QVERIFY(window.waitUntilIdle(30000));
    const QList<QMessageBox *> boxes = window.findChildren<QMessageBox *>();
    QCOMPARE(boxes.size(), 1);
    QVERIFY(boxes.constFirst()->text().contains(QStringLiteral(".corrupt-")));
    const QStringList kept =
        QDir(data.path()).entryList({QStringLiteral("snapshots.db.corrupt-*")}, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QFile keptFile(QDir(data.path()).filePath(kept.constFirst()));
    QVERIFY(keptFile.open(QIODevice::ReadOnly));
    QCOMPARE(keptFile.readAll(), QByteArray(4096, '\x7f'));
    QVERIFY(QFile::exists(path)); // a fresh store replaced it
}

void TestMainWindow::inventoryImportedAndSaved()
{
    QTemporaryDir data;
    const QString inventoryPath = QDir(data.path()).filePath(QStringLiteral("hosts.ini"));
    {
        QFile f(inventoryPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[web]\nweb1 ansible_host=10.0.0.1\nweb2 ansible_host=10.0.0.2 ansible_port=2222\n[db]\ndb1 "
                "ansible_user=admin\nweb1 "
                "ansible_host=10.0.0.1\n");
    }
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = inventoryPath;
    {
        MainWindow window(options);
        QVERIFY(window.waitUntilIdle(30000));
        QCOMPARE(window.fleetModel()->hosts(),
                 QStringList({QStringLiteral("web1"), QStringLiteral("web2"), QStringLiteral("db1")}));
        const int web1 = window.fleetModel()->rowOfHost(QStringLiteral("web1"));
        QCOMPARE(window.fleetModel()->hostRow(web1).tags,
                 QStringList({QStringLiteral("db"), QStringLiteral("web")}));
        QCOMPARE(window.fleetModel()->index(web1, FleetModel::Status).data().toString(),
                 QStringLiteral("not probed"));
        window.filterProxy()->setTagFilter(QStringLiteral("db"));
        QCOMPARE(window.filterProxy()->rowCount(), 2);
    }
    // Saved in the data dir: a second start without --inventory has the same hosts, ports and users.
    QString error;
    const QList<InventoryHost> saved =
        loadInventoryFile(QDir(data.path()).filePath(QStringLiteral("inventory.json")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(saved.size(), 3);
    QCOMPARE(saved[1].port, 2222);
    QCOMPARE(saved[2].user, QStringLiteral("admin"));
    options.inventoryFile.clear();
    MainWindow again(options);
    QVERIFY(again.waitUntilIdle(30000));
    QCOMPARE(again.fleetModel()->rowCount(), 3);
}

void TestMainWindow::languageSwitchAtRunTime()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.demo = true;
    options.demoDir = demoDir;
    options.dataDir = data.path();
    MainWindow window(options);
    QVERIFY(window.waitUntilIdle(30000));
    const QString english =
        window.fleetModel()->headerData(FleetModel::CoveredMounts, Qt::Horizontal).toString();
    QCOMPARE(english, QStringLiteral("Covered mounts"));
    MainWindow::switchLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    const QString chinese =
        window.fleetModel()->headerData(FleetModel::CoveredMounts, Qt::Horizontal).toString();
    QVERIFY2(chinese != english && chinese.contains(QChar(0x6302)), qPrintable(chinese)); // 挂
    QVERIFY(window.menuBar()->actions().constFirst()->text() != QStringLiteral("&File"));
    const QString title = window.windowTitle();
    QVERIFY2(!title.contains(QStringLiteral("host(s)")), qPrintable(title));
    MainWindow::switchLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(window.fleetModel()->headerData(FleetModel::CoveredMounts, Qt::Horizontal).toString(), english);
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));
}

void TestMainWindow::settingsSavedOnClose()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.demo = true;
    options.demoDir = demoDir;
    options.dataDir = data.path();
    {
        MainWindow window(options);
        window.show();
        QVERIFY(window.waitUntilIdle(30000));
        window.resize(1234, 777);
        window.fleetView()->horizontalHeader()->resizeSection(FleetModel::Host, 321);
        window.close();
    }
    QSettings settings(QDir(data.path()).filePath(QStringLiteral("layerwatch.ini")), QSettings::IniFormat);
    QVERIFY(settings.contains(QStringLiteral("window/geometry")));
    MainWindow window(options);
    QCOMPARE(window.fleetView()->horizontalHeader()->sectionSize(FleetModel::Host), 321);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
