#include "capture.h"
#include "fleetchartswidget.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "hostdetailwidget.h"
#include "hostproblempanel.h"
#include "inventorydialog.h"
#include "mainwindow.h"
#include "rules.h"
#include "snapshotstore.h"
#include "sshsettingsdialog.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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

// The console on the demo fleet, with its own data directory.
MainWindowOptions demoOptions(const QTemporaryDir &data)
{
    MainWindowOptions options;
    options.demo = true;
    options.demoDir = demoDir;
    options.dataDir = data.path();
    return options;
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
    void connectingHostShowsConnectingAndStops();
    void firstStartSaysWhatToDo();
    void settingsSavedOnClose();
    void smallWindowInBothLanguages();
    void sshSettingsKeptPerDataDir();
    void sshSettingsReachableFromMenuAndProblemPage();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QDir(demoDir).filePath(coveredHost)).isDir(), qPrintable(demoDir));
}

void TestMainWindow::demoShowsCoveredHost()
{
    QTemporaryDir data;
    const MainWindowOptions options = demoOptions(data);
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
    // The count is of what the table shows: with only a healthy host left, nothing is critical.
    auto *count = window.findChild<QLabel *>(QStringLiteral("countLabel"));
    QVERIFY(count);
    window.filterProxy()->setSearchText(QStringLiteral("ubuntu-web-01"));
    QCOMPARE(window.filterProxy()->rowCount(), 1);
    QVERIFY2(!count->text().contains(QStringLiteral("critical")), qPrintable(count->text()));
    window.filterProxy()->setSearchText(coveredHost);
    QVERIFY2(count->text().endsWith(QStringLiteral(" · 1 critical")), qPrintable(count->text()));
    window.filterProxy()->setSearchText(QString());
    // Repair is an action with a tool's icon, not a check mark that reads as a toggle (#19).
    QAction *repair = window.findChild<QAction *>(QStringLiteral("actionRepair"));
    QVERIFY(repair && !repair->isCheckable());
    QCOMPARE(repair->icon().pixmap(32).toImage(),
             QIcon(QStringLiteral(":/icons/repair.png")).pixmap(32).toImage());
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
    const MainWindowOptions options = demoOptions(data);
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

// #19: a host whose SSH server never answers (a tarpit, a hung sshd) shows "connecting", not "queued";
// Stop ends it at once, and the status bar says what the stopped sweep did (not "Stopping..." forever).
void TestMainWindow::connectingHostShowsConnectingAndStops()
{
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(listener >= 0);
    const auto closeListener = qScopeGuard([listener] { ::close(listener); });
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    QVERIFY(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(listener, 16) == 0); // never accepted: the TCP handshake completes, SSH's never does
    QVERIFY(::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len) == 0);

    QTemporaryDir data;
    QFile inventory(data.filePath(QStringLiteral("hosts.txt")));
    QVERIFY(inventory.open(QIODevice::WriteOnly));
    inventory.write(QStringLiteral("127.0.0.1:%1\n").arg(ntohs(addr.sin_port)).toLatin1());
    inventory.close();
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = inventory.fileName();
    options.knownHostsFile = data.filePath(QStringLiteral("known_hosts"));
    options.sshConfigFile = QStringLiteral("none");
    MainWindow window(options);
    window.show();
    QVERIFY(window.waitUntilIdle(30000));
    FleetModel *model = window.fleetModel();
    QCOMPARE(model->rowCount(), 1);
    const QString host = model->hostRow(0).host;
    // Selected before any probe: a page that says so, with the buttons to probe it or edit its settings.
    window.selectHost(host);
    HostProblemPanel *panel = window.hostDetail()->problemPanel();
    QVERIFY(panel->isVisible());
    QVERIFY(panel->plainText().contains(QStringLiteral("Not probed yet")));
    QVERIFY(panel->button(HostAction::Probe)->isVisible());
    QVERIFY(panel->button(HostAction::EditSshSettings)->isVisible());
    panel->button(HostAction::Probe)->click(); // as probeAllWhenReady would
    QTRY_COMPARE_WITH_TIMEOUT(model->hostRow(0).status, HostStatus::Connecting, 5000);
    QCOMPARE(model->index(0, FleetModel::Status).data().toString(),
             hostStatusDisplayName(HostStatus::Connecting));
    QTRY_VERIFY(
        panel->plainText().contains(hostStatusDisplayName(HostStatus::Connecting))); // the page follows

    QAction *stop = window.findChild<QAction *>(QStringLiteral("actionStop"));
    QVERIFY(stop && stop->isEnabled());
    stop->trigger();
    QCOMPARE(model->hostRow(0).status, HostStatus::Cancelled);
    QVERIFY(!stop->isEnabled());
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Probe stopped: 0 of 1 host(s) ok")), qPrintable(message));
    QTest::qWait(300); // nothing late turns it back
    QCOMPARE(model->hostRow(0).status, HostStatus::Cancelled);
    QCOMPARE(window.statusBar()->currentMessage(), message);
    // The page says it was stopped and offers to probe again.
    QTRY_VERIFY(panel->plainText().contains(hostStatusDisplayName(HostStatus::Cancelled)));
    QVERIFY(panel->button(HostAction::Probe)->isVisible());
    // The summary follows a language switch (it stayed English in a Chinese window), and comes back.
    const auto restoreLanguage = qScopeGuard([] { MainWindow::switchLanguage(QStringLiteral("en")); });
    MainWindow::switchLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    const QString chinese = window.statusBar()->currentMessage();
    QVERIFY2(chinese != message && chinese.contains(QStringLiteral("0:00")) &&
                 std::any_of(chinese.cbegin(), chinese.cend(), [](QChar c) { return c.unicode() >= 0x4e00; }),
             qPrintable(chinese));
    MainWindow::switchLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(window.statusBar()->currentMessage(), message);
}

// #19: a first start (no inventory, no store) shows what to do instead of an empty table; the demo opens
// from there without touching the data directory, and the table comes back with hosts.
void TestMainWindow::firstStartSaysWhatToDo()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.dataDir = data.path();
    options.demoDir = demoDir;
    MainWindow window(options);
    window.show();
    QVERIFY(window.waitUntilIdle(30000));
    QCOMPARE(window.fleetModel()->rowCount(), 0);
    auto *empty = window.findChild<QWidget *>(QStringLiteral("emptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(!window.fleetView()->isVisible());
    for (const char *name : {"emptyImport", "emptyAdd", "emptyCapture", "emptyDemo"}) {
        auto *button = window.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button && button->isVisible() && !button->text().isEmpty(), name);
    }
    auto *demo = window.findChild<QPushButton *>(QStringLiteral("emptyDemo"));
    demo->click();
    QVERIFY(window.waitUntilIdle(30000));
    QVERIFY(window.fleetModel()->rowCount() > 0);
    QVERIFY(window.fleetView()->isVisible());
    QVERIFY(!empty->isVisible());
    QVERIFY(window.windowTitle().contains(QStringLiteral("(demo)")));
    QAction *probe = window.findChild<QAction *>(QStringLiteral("actionProbeAll"));
    QVERIFY(!probe || !probe->isEnabled()); // the demo probes nothing
    QVERIFY(!QFile::exists(QDir(data.path()).filePath(QStringLiteral("inventory.json"))));
    SnapshotStore store;
    QVERIFY(store.open(QDir(data.path()).filePath(QStringLiteral("snapshots.db"))).ok());
    QVERIFY(store.lastSnapshots().isEmpty()); // nothing of the demo was stored
}

void TestMainWindow::settingsSavedOnClose()
{
    QTemporaryDir data;
    const MainWindowOptions options = demoOptions(data);
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

// #19 items 6 and 8: at 1024x700 every part of the main screen keeps its place in both languages: the
// window keeps its width after a switch to Chinese (it grew to 1339 px), no filter label overlaps its
// neighbour, the count stays inside the window, the charts keep their legends (tabbed when narrow), and
// the table/detail divider stays where it is when the detail's tabs or the selected host change.
void TestMainWindow::smallWindowInBothLanguages()
{
    QTemporaryDir data;
    const MainWindowOptions options = demoOptions(data);
    MainWindow window(options);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.waitUntilIdle(30000));
    window.selectHost(coveredHost);
    QCoreApplication::processEvents();
    const auto restoreLanguage = qScopeGuard([] { MainWindow::switchLanguage(QStringLiteral("en")); });

    const auto rectIn = [&window](const QWidget *w) {
        return QRect(w->mapTo(&window, QPoint(0, 0)), w->size());
    };
    const auto checkLayout = [&](const QString &language) -> QString {
        QCoreApplication::processEvents();
        QTest::qWait(50);
        if (window.width() != 1024 || window.height() != 700)
            return QStringLiteral("%1: the window is %2x%3")
                .arg(language)
                .arg(window.width())
                .arg(window.height());
        // The filter bar, left to right: nothing overlaps, nothing leaves the window.
        QList<QWidget *> bar{window.findChild<QWidget *>(QStringLiteral("searchEdit"))};
        for (const char *name : {"statusFilter", "severityFilter", "findingFilter", "tagFilter"}) {
            auto *combo = window.findChild<QWidget *>(QLatin1String(name));
            if (!combo)
                return QStringLiteral("no %1").arg(QLatin1String(name));
            for (QLabel *label : window.findChildren<QLabel *>()) {
                if (label->buddy() == combo)
                    bar << label;
            }
            bar << combo;
        }
        bar << window.findChild<QWidget *>(QStringLiteral("countLabel"));
        for (int i = 0; i < bar.size(); ++i) {
            if (!bar.at(i))
                return QStringLiteral("a filter bar widget is missing");
            const QRect r = rectIn(bar.at(i));
            if (r.right() >= window.width())
                return QStringLiteral("%1: %2 leaves the window (%3)")
                    .arg(language, bar.at(i)->objectName())
                    .arg(r.right());
            if (i > 0 && rectIn(bar.at(i - 1)).right() >= r.left())
                return QStringLiteral("%1: %2 overlaps %3")
                    .arg(language, bar.at(i)->objectName(), bar.at(i - 1)->objectName());
            // a label shows its whole text
            if (auto *label = qobject_cast<QLabel *>(bar.at(i));
                label && label->width() <
                             label->fontMetrics().horizontalAdvance(label->text().remove(QLatin1Char('&'))))
                return QStringLiteral("%1: '%2' is clipped").arg(language, label->text());
        }
        auto *charts = window.findChild<FleetChartsWidget *>(QStringLiteral("fleetCharts"));
        if (!charts || (charts->width() < 840) != charts->isTabbed())
            return QStringLiteral("%1: the charts are %2 px wide and %3 tabbed")
                .arg(language)
                .arg(charts ? charts->width() : -1)
                .arg(charts && charts->isTabbed() ? QString() : QStringLiteral("not"));
        return QString();
    };
    QString problem = checkLayout(QStringLiteral("en"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The divider: the detail's tabs and the selection do not move it.
    auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    QTabWidget *tabs = window.hostDetail()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(20); // the layout request is posted
        QVERIFY2(splitter->sizes() == sizes,
                 qPrintable(QStringLiteral("tab %1 moved the divider: %2,%3 -> %4,%5 (detail's minimum %6)")
                                .arg(tabs->tabText(i))
                                .arg(sizes.value(0))
                                .arg(sizes.value(1))
                                .arg(splitter->sizes().value(0))
                                .arg(splitter->sizes().value(1))
                                .arg(window.hostDetail()->minimumSizeHint().width())));
    }
    tabs->setCurrentIndex(0);
    for (const QString &host : {QStringLiteral("ubuntu-web-01"), coveredHost}) {
        window.selectHost(host);
        QCoreApplication::processEvents();
        QVERIFY2(splitter->sizes() == sizes, qPrintable(host + QStringLiteral(" moved the divider")));
    }

    MainWindow::switchLanguage(QStringLiteral("zh_CN"));
    problem = checkLayout(QStringLiteral("zh_CN"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(20); // the layout request is posted
        QVERIFY2(
            splitter->sizes() == sizes,
            qPrintable(QStringLiteral("zh_CN: tab %1 moved the divider: %2,%3 -> %4,%5 (detail's minimum %6)")
                           .arg(i)
                           .arg(sizes.value(0))
                           .arg(sizes.value(1))
                           .arg(splitter->sizes().value(0))
                           .arg(splitter->sizes().value(1))
                           .arg(window.hostDetail()->minimumSizeHint().width())));
    }
    MainWindow::switchLanguage(QStringLiteral("en"));
    problem = checkLayout(QStringLiteral("en again"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// #16 item 11: the identity, known_hosts and ssh_config given on the command line are kept for the data
// directory: a restart with only --data-dir connects the same way (it used to fall back to ~/.ssh, and every
// host showed "host key unknown"). An option given again replaces the kept one. The known_hosts in use is
// always in the status bar.
void TestMainWindow::sshSettingsKeptPerDataDir()
{
    QTemporaryDir data;
    QFile identity(data.filePath(QStringLiteral("id_lab")));
    QVERIFY(identity.open(QIODevice::WriteOnly));
    identity.close();
    MainWindowOptions first;
    first.dataDir = data.path();
    first.knownHostsFile = data.filePath(QStringLiteral("lab_known_hosts"));
    first.identityFiles = {identity.fileName()};
    first.sshConfigFile = QStringLiteral("none");
    {
        MainWindow window(first);
        QVERIFY(window.waitUntilIdle(30000));
    }
    MainWindowOptions restart;
    restart.dataDir = data.path();
    {
        MainWindow window(restart);
        QVERIFY(window.waitUntilIdle(30000));
        const lw::ssh::SshOptions options = window.sshOptions();
        QCOMPARE(options.knownHostsFile, first.knownHostsFile);
        QCOMPARE(options.identityFiles, first.identityFiles);
        QCOMPARE(options.sshConfigFile, QStringLiteral("none"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("knownHostsStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(first.knownHostsFile), qPrintable(status->text()));
    }
    MainWindowOptions other = restart;
    other.knownHostsFile = data.filePath(QStringLiteral("other_known_hosts"));
    {
        MainWindow window(other);
        QCOMPARE(window.sshOptions().knownHostsFile, other.knownHostsFile); // the command line wins
        QCOMPARE(window.sshOptions().identityFiles, first.identityFiles);   // what it did not give is kept
    }
    MainWindow window(restart);
    QCOMPARE(window.sshOptions().knownHostsFile, other.knownHostsFile); // and is kept in its turn
}

// File > SSH settings (Ctrl+,) and a host's problem page ("Edit SSH settings") open the SSH settings; what
// is taken there is used and kept.
void TestMainWindow::sshSettingsReachableFromMenuAndProblemPage()
{
    QTemporaryDir data;
    QFile inventory(data.filePath(QStringLiteral("hosts.txt")));
    QVERIFY(inventory.open(QIODevice::WriteOnly));
    inventory.write("web1.invalid\n");
    inventory.close();
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = inventory.fileName();
    MainWindow window(options);
    window.show();
    QVERIFY(window.waitUntilIdle(30000));
    auto *action = window.findChild<QAction *>(QStringLiteral("actionSshSettings"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    const QString newFile = data.filePath(QStringLiteral("team_known_hosts"));
    bool seen = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = qobject_cast<SshSettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        dialog->findChild<QLineEdit *>(QStringLiteral("knownHostsFile"))->setText(newFile);
        dialog->accept();
    });
    action->trigger();
    QVERIFY(seen);
    QCOMPARE(window.sshOptions().knownHostsFile, newFile);
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("knownHostsStatus"))->text().contains(newFile));
    {
        QSettings kept(QDir(data.path()).filePath(QStringLiteral("layerwatch.ini")), QSettings::IniFormat);
        QCOMPARE(kept.value(QStringLiteral("ssh/knownHostsFile")).toString(), newFile);
    }

    window.selectHost(QStringLiteral("web1.invalid"));
    HostProblemPanel *panel = window.hostDetail()->problemPanel();
    QVERIFY(panel->button(HostAction::EditSshSettings)->isVisible());
    seen = false;
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = qobject_cast<SshSettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("editHostEntry"))); // its inventory entry too
        seen = true;
        dialog->reject();
    });
    panel->button(HostAction::EditSshSettings)->click();
    QVERIFY(seen);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
