// The console probing real sshd hosts of the lab fleet (tests/lab): needs root; label "integration".
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "hostdetailwidget.h"
#include "hostkeydialog.h"
#include "hostproblempanel.h"
#include "mainwindow.h"
#include "remediationdialog.h"
#include "snapshotstore.h"

#include "../ssh/labfixture.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace lw;
using namespace lw::gui;

namespace {

// The console on a lab of its own, with a copy of its known_hosts in the data dir (the tests add to it),
// its key and no ssh_config.
MainWindowOptions ownKnownHostsOptions(const LabFixture &lab, const QTemporaryDir &data)
{
    MainWindowOptions options;
    options.dataDir = data.path();
    options.inventoryFile = lab.file(QStringLiteral("inventory"));
    options.knownHostsFile = data.filePath(QStringLiteral("known_hosts"));
    if (!QFile::copy(lab.file(QStringLiteral("known_hosts")), options.knownHostsFile))
        qWarning("cannot copy the lab's known_hosts");
    options.identityFiles = {lab.file(QStringLiteral("id_ed25519"))};
    options.sshConfigFile = QStringLiteral("none");
    return options;
}

} // namespace

class TestMainWindowLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeAllFromTheConsole();
    void failedHostsExplainThemselves();
    void repairedHostTellsTheTruthEverywhere();
    void hostKeysOfASweepInOneDialog();
    void stoppedSweepAsksNothing();
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
        QVERIFY(window.fleetView()->viewport()->height() >=
                6 * window.fleetView()->verticalHeader()->defaultSectionSize());
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

// #16 item 11: a sweep that meets two unknown keys and a changed one asks once, in one dialog that lists them
// all with their fingerprints (the changed one beside the key known_hosts expects); Reject is its default;
// the ticked host is trusted into the known_hosts in use and probed again, the other stays unknown. Before,
// this was three modal dialogs in a row, the first two with "Trust and connect".
void TestMainWindowLab::hostKeysOfASweepInOneDialog()
{
    LabFixture keysLab;
    QVERIFY2(keysLab.start(QStringLiteral(LAYERWATCH_SOURCE_DIR "/tests/lab/lab.sh"),
                           QStringLiteral("127.0.11.9"),
                           QStringLiteral("unknown-key,unknown-key,changed-key")),
             qPrintable(keysLab.error()));
    const QString first = keysLab.address(0);
    const QString second = keysLab.address(1);
    const QString changed = keysLab.address(2);

    QTemporaryDir data;
    const MainWindowOptions options = ownKnownHostsOptions(keysLab, data);
    QVERIFY(QFileInfo::exists(options.knownHostsFile));
    MainWindow window(options);
    window.show();
    FleetModel *model = window.fleetModel();
    QCOMPARE(model->rowCount(), 3);

    int dialogs = 0;
    QStringList unknownRows;
    QString changedExpected;
    QString text;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, &window, [&] {
        auto *dialog = qobject_cast<HostKeyDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ++dialogs;
        text = dialog->plainText();
        QTableWidget *unknown = dialog->unknownTable();
        for (int row = 0; unknown && row < unknown->rowCount(); ++row)
            unknownRows << unknown->item(row, 0)->text() + QLatin1Char(' ') + unknown->item(row, 2)->text();
        if (dialog->changedTable() && dialog->changedTable()->rowCount() == 1)
            changedExpected = dialog->changedTable()->item(0, 0)->text() + QLatin1Char(' ') +
                              dialog->changedTable()->item(0, 1)->text();
        if (!unknown || !dialog->rejectButton()->isDefault()) {
            dialog->reject();
            return;
        }
        for (int row = 0; row < unknown->rowCount(); ++row) {
            if (unknown->item(row, 0)->text() == first)
                unknown->item(row, 0)->setCheckState(Qt::Checked);
        }
        if (dialog->trustButton()->isEnabled())
            dialog->trustButton()->click();
        else
            dialog->reject();
    });
    poll.start();
    window.probeAllWhenReady();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOfHost(first) >= 0 &&
                                 model->hostRow(model->rowOfHost(first)).status == HostStatus::Ok,
                             120000);
    QVERIFY(window.waitUntilIdle(60000));
    QTest::qWait(500); // a late second dialog would show now
    QCOMPARE(dialogs, 1);
    QCOMPARE(unknownRows.size(), 2);
    for (const QString &host : {first, second}) {
        QVERIFY2(std::any_of(unknownRows.cbegin(), unknownRows.cend(),
                             [&host](const QString &row) {
                                 return row.startsWith(host + QStringLiteral(" SHA256:"));
                             }),
                 qPrintable(unknownRows.join(u',')));
    }
    QVERIFY2(changedExpected.startsWith(changed + QStringLiteral(" ssh-ed25519 SHA256:")),
             qPrintable(changedExpected));
    QVERIFY2(text.contains(QStringLiteral("ssh-keygen -R %1 -f %2").arg(changed, options.knownHostsFile)),
             qPrintable(text));
    QCOMPARE(model->hostRow(model->rowOfHost(second)).status, HostStatus::HostKeyUnknown);
    QCOMPARE(model->hostRow(model->rowOfHost(changed)).status, HostStatus::HostKeyChanged);
    QFile knownHosts(options.knownHostsFile);
    QVERIFY(knownHosts.open(QIODevice::ReadOnly));
    const QByteArray approved = knownHosts.readAll();
    QVERIFY(approved.contains(first.toLatin1() + ' '));
    QVERIFY(!approved.contains(second.toLatin1() + ' '));
}

// #16 item 12: the admin stops a sweep in which a changed and an unknown key were met (a blackhole host keeps
// it running): no host-key dialog follows, the hosts keep their status. Before, the dialogs came anyway.
void TestMainWindowLab::stoppedSweepAsksNothing()
{
    LabFixture keysLab;
    QVERIFY2(keysLab.start(QStringLiteral(LAYERWATCH_SOURCE_DIR "/tests/lab/lab.sh"),
                           QStringLiteral("127.0.11.13"),
                           QStringLiteral("changed-key,unknown-key,blackhole")),
             qPrintable(keysLab.error()));
    const QString changed = keysLab.address(0);
    const QString unknown = keysLab.address(1);
    const QString blackhole = keysLab.address(2);

    QTemporaryDir data;
    const MainWindowOptions options = ownKnownHostsOptions(keysLab, data);
    QVERIFY(QFileInfo::exists(options.knownHostsFile));
    MainWindow window(options);
    window.show();
    FleetModel *model = window.fleetModel();
    QCOMPARE(model->rowCount(), 3);
    int dialogs = 0;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, &window, [&] {
        if (auto *dialog = qobject_cast<HostKeyDialog *>(QApplication::activeModalWidget())) {
            ++dialogs;
            dialog->reject();
        }
    });
    poll.start();
    window.probeAllWhenReady();
    const auto status = [model](const QString &host) {
        return model->hostRow(model->rowOfHost(host)).status;
    };
    QTRY_VERIFY_WITH_TIMEOUT(status(changed) == HostStatus::HostKeyChanged &&
                                 status(unknown) == HostStatus::HostKeyUnknown,
                             60000);
    QVERIFY(isPendingHostStatus(status(blackhole))); // the sweep still runs
    QAction *stopAction = window.findChild<QAction *>(QStringLiteral("actionStop"));
    QVERIFY(stopAction && stopAction->isEnabled());
    stopAction->trigger();
    QTest::qWait(1500);
    QCOMPARE(dialogs, 0);
    QCOMPARE(status(changed), HostStatus::HostKeyChanged);
    QCOMPARE(status(unknown), HostStatus::HostKeyUnknown);
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
