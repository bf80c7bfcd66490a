// The console probing real sshd hosts of the lab fleet (tests/lab): needs root; label "integration".
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "hostdetailwidget.h"
#include "hostproblempanel.h"
#include "mainwindow.h"
#include "remediationdialog.h"
#include "snapshotstore.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QSignalSpy>
#include <QTimer>

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
    void failedHostsExplainThemselves();
    void repairedHostTellsTheTruthEverywhere();
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
    lab.start(QStringLiteral("bash"),
              {labScript, QStringLiteral("start"), QStringLiteral("--dir"), m_lab.path(),
               QStringLiteral("--scenarios"), QStringLiteral("healthy,covered,wrong-key"),
               QStringLiteral("--base"), m_base});
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
    QCOMPARE(model->rowCount(), 3);
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
    QCOMPARE(last.size(), 3);
    QHash<QString, QByteArray> kernelConfig;
    for (const StoredSnapshot &s : last) {
        if (s.host == QLatin1String("127.0.11.3")) { // wrong-key: refused, remembered as such
            QCOMPARE(s.status, HostStatus::AuthFailed);
            QVERIFY(s.message.contains(QStringLiteral("Tried:")));
            continue;
        }
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
    QCOMPARE(again.size(), 3);
    for (const StoredSnapshot &s : again) {
        if (s.host == QLatin1String("127.0.11.3"))
            continue;
        QCOMPARE(s.status, HostStatus::Ok);
        QCOMPARE(s.capture.probe(QStringLiteral("kernel-config")).status, ProbeStatus::Ok);
        QCOMPARE(s.capture.probe(QStringLiteral("kernel-config")).output, kernelConfig.value(s.host));
        QVERIFY(last.first().time <= s.time);
    }
}

// #19: a host that failed shows what was tried, the likely cause and what to do, with buttons; it sorts
// above healthy hosts in the default order.
void TestMainWindowLab::failedHostsExplainThemselves()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = QDir(m_lab.path()).filePath(QStringLiteral("inventory"));
    MainWindow window(options);
    window.show();
    FleetModel *model = window.fleetModel();
    const QString wrongKey = QStringLiteral("127.0.11.3");
    window.probeAllWhenReady();
    QTRY_COMPARE_WITH_TIMEOUT(model->hostRow(model->rowOfHost(wrongKey)).status, HostStatus::AuthFailed,
                              120000);

    // Worst first: the covered host on top, the refused login above the healthy host.
    QTRY_VERIFY_WITH_TIMEOUT(model->hostRow(model->rowOfHost(m_base)).status == HostStatus::Ok, 120000);
    QVERIFY(window.waitUntilIdle(60000));
    QStringList order;
    for (int i = 0; i < window.filterProxy()->rowCount(); ++i)
        order << window.filterProxy()->index(i, FleetModel::Host).data().toString();
    QCOMPARE(order, QStringList({QStringLiteral("127.0.11.2"), wrongKey, m_base}));

    // The refused login: who, with which keys, what the server accepts - in the tooltip and on the page.
    const QString tip =
        model->index(model->rowOfHost(wrongKey), FleetModel::Status).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("root@")) && tip.contains(QStringLiteral("id_ed25519")) &&
                 tip.contains(QStringLiteral("The server accepts: publickey")) &&
                 tip.contains(QStringLiteral("Likely cause")),
             qPrintable(tip));
    window.selectHost(wrongKey);
    HostProblemPanel *panel = window.hostDetail()->problemPanel();
    QVERIFY(panel->isVisible());
    QCOMPARE(window.hostDetail()->host(), wrongKey);
    QVERIFY(!window.hostDetail()->tabs()->isVisible()); // nothing was ever collected from it
    const QString page = panel->plainText();
    QVERIFY2(page.contains(QStringLiteral("authentication failed")) &&
                 page.contains(QStringLiteral("Tried:")) && page.contains(QStringLiteral("authorized_keys")),
             qPrintable(page));
    QVERIFY(panel->button(HostAction::Probe)->isVisible());
    QVERIFY(panel->button(HostAction::EditSshSettings)->isVisible());
    QVERIFY(!panel->button(HostAction::ReviewHostKey)->isVisible());
    // "Probe again" probes it again (and it fails the same way, with the same explanation).
    QSignalSpy staged(window.fleetModel(), &QAbstractItemModel::dataChanged);
    panel->button(HostAction::Probe)->click();
    QTRY_VERIFY_WITH_TIMEOUT(staged.size() > 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model->hostRow(model->rowOfHost(wrongKey)).status, HostStatus::AuthFailed,
                              60000);
    QVERIFY(window.waitUntilIdle(60000));
    QVERIFY(panel->plainText().contains(QStringLiteral("Tried:")));

    // A healthy host: its results, no problem page.
    window.selectHost(m_base);
    QVERIFY(window.hostDetail()->tabs()->isVisible());
    QVERIFY(!panel->isVisible());
}

// The journey of #19: repair the covered host from the console. Once the batch verified it, the table, the
// detail panel and the store show its new state (no cover), without a manual re-probe; a restart of the
// console with only its data directory shows the same.
void TestMainWindowLab::repairedHostTellsTheTruthEverywhere()
{
    QTemporaryDir data;
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = QDir(m_lab.path()).filePath(QStringLiteral("inventory"));
    const QString covered = QStringLiteral("127.0.11.2");
    {
        MainWindow window(options);
        window.resize(1280, 800);
        window.show();
        FleetModel *model = window.fleetModel();
        window.probeAllWhenReady();
        const auto coveredRow = [model, covered] { return model->hostRow(model->rowOfHost(covered)); };
        QTRY_VERIFY_WITH_TIMEOUT(coveredRow().status == HostStatus::Ok, 120000);
        QVERIFY(window.waitUntilIdle(60000));
        QVERIFY(coveredRow().findingIds.contains(QStringLiteral("shadowed-overlay-mounts")));
        window.selectHost(covered);
        QVERIFY(!window.hostDetail()->overviewText().contains(QStringLiteral("No problem found.")));

        // The operator approves fix-shadowed-mounts in the dialog the Repair action opens.
        // The operator picks fix-shadowed-mounts, runs the dry run the dialog asks for, then approves.
        bool approved = false;
        QString refusal;
        QTimer driver;
        driver.setInterval(50);
        RemediationDialog *dialog = nullptr;
        bool dryRunStarted = false;
        connect(&driver, &QTimer::timeout, this, [&] {
            if (!dialog) {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    if (auto *d = qobject_cast<RemediationDialog *>(w); d && d->isVisible())
                        dialog = d;
                }
                if (!dialog)
                    return;
                if (!dialog->selectScript(QStringLiteral("fix-shadowed-mounts"))) {
                    driver.stop();
                    refusal = QStringLiteral("script not selectable");
                    return dialog->reject();
                }
            }
            if (!dryRunStarted) {
                dialog->showPage(RemediationDialog::PreviewPage);
                auto *dry = dialog->findChild<QPushButton *>(QStringLiteral("runDryRun"));
                if (!dry || !dry->isEnabled())
                    return;
                dry->click();
                dryRunStarted = true;
                return;
            }
            dialog->showPage(RemediationDialog::ApprovalPage);
            if (!dialog->approveButton()->isEnabled())
                return; // the dry run is still running
            driver.stop();
            dialog->approveButton()->click();
            approved = true;
        });
        driver.start();
        QTimer::singleShot(120000, &driver, [&] {
            if (dialog && !approved) {
                driver.stop();
                refusal = QStringLiteral("approve never enabled: ") + dialog->previewText();
                dialog->reject();
            }
        });
        QAction *repair = window.findChild<QAction *>(QStringLiteral("actionRepair"));
        QVERIFY(repair && repair->isEnabled());
        repair->trigger();
        QVERIFY2(approved, qPrintable(refusal));

        // The batch dock: its title once (the dock's), a third of the window, the fleet still usable.
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("batchDock"));
        QVERIFY(dock && dock->isVisible());
        QTRY_VERIFY(dock->height() <= window.height() / 2);
        QVERIFY(window.fleetView()->viewport()->height() >= 6 * window.fleetView()->verticalHeader()->defaultSectionSize());
        int titled = 0;
        for (QLabel *label : dock->findChildren<QLabel *>())
            titled += label->isVisible() && label->text() == dock->windowTitle() ? 1 : 0;
        QCOMPARE(titled, 0);

        // No re-probe by hand: the batch's verification is the host's new state everywhere.
        QTRY_VERIFY_WITH_TIMEOUT(!coveredRow().findingIds.contains(QStringLiteral("shadowed-overlay-mounts")),
                                 180000);
        QCOMPARE(coveredRow().status, HostStatus::Ok);
        QCOMPARE(coveredRow().coveredMounts, 0);
        QVERIFY(!coveredRow().fromStore);
        QCOMPARE(window.hostDetail()->host(), covered);
        const QString shown = window.hostDetail()->overviewText();
        QVERIFY2(shown.contains(QStringLiteral("No problem found.")) &&
                     shown.contains(QStringLiteral("no overlay mount is hidden by a later mount")),
                 qPrintable(shown));
        QVERIFY(window.waitUntilIdle(60000));
    }
    // Only the data directory: the repaired state is what the console remembers.
    SnapshotStore store;
    QVERIFY(store.open(QDir(data.path()).filePath(QStringLiteral("snapshots.db"))).ok());
    bool found = false;
    for (const StoredSnapshot &s : store.lastSnapshots()) {
        if (s.host != covered)
            continue;
        found = true;
        QCOMPARE(s.status, HostStatus::Ok);
        QVERIFY(!s.findingIds.contains(QStringLiteral("shadowed-overlay-mounts")));
    }
    QVERIFY(found);
    MainWindow again(options);
    QVERIFY(again.waitUntilIdle(60000));
    const HostRow row = again.fleetModel()->hostRow(again.fleetModel()->rowOfHost(covered));
    QVERIFY(!row.findingIds.contains(QStringLiteral("shadowed-overlay-mounts")));
    QCOMPARE(row.coveredMounts, 0);
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
