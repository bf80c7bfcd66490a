#include "remediationdialog.h"

#include "mainwindow.h"

#include "mountinfo.h"
#include "mounttree.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace lw;
using namespace lw::gui;

namespace {

// The seed's case (two container overlays, then an ext4 on the overlay2 directory) plus a later tmpfs on
// the docker root itself: two covers, to be unmounted most recent first.
const char *const NestedSeedMountinfo =
    "1 0 253:0 / / rw,relatime shared:1 - ext4 /dev/mapper/dm-root rw,seclabel,data=ordered\n"
    "40 1 0:40 / /var/lib/docker/overlay2/844fd3bca8e6/merged rw,relatime - overlay overlay "
    "rw,lowerdir=/var/lib/docker/overlay2/l/JL5P,upperdir=/var/lib/docker/overlay2/844fd3bca8e6/diff,"
    "workdir=/var/lib/docker/overlay2/844fd3bca8e6/work\n"
    "41 1 0:41 / /var/lib/docker/overlay2/1348136d32aa/merged rw,relatime - overlay overlay "
    "rw,lowerdir=/var/lib/docker/overlay2/l/AAAA,upperdir=/var/lib/docker/overlay2/1348136d32aa/diff,"
    "workdir=/var/lib/docker/overlay2/1348136d32aa/work\n"
    "42 1 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 rw,relatime - ext4 /dev/mapper/dm-root "
    "rw,seclabel,data=ordered\n"
    "43 1 0:50 / /var/lib/docker rw - tmpfs tmpfs rw\n";

const char *const HealthyMountinfo =
    "1 0 253:0 / / rw - ext4 /dev/vda1 rw\n"
    "40 1 0:40 / /var/lib/docker/overlay2/abc/merged rw - overlay overlay rw,lowerdir=/l\n";

RemediationCandidate candidate(const QString &host, const QByteArray &mountinfo, const QStringList &findings)
{
    RemediationCandidate c;
    c.host.target.name = host;
    c.host.snapshot.host = host;
    c.host.snapshot.mounts.status = ProbeStatus::Ok;
    c.host.snapshot.mounts.value =
        MountTree::build(parseMountInfo(mountinfo).mounts, QStringLiteral("/var/lib/docker"));
    // the workload: a running container on each overlay's layer (the plan keeps them running)
    c.host.snapshot.containers.status = ProbeStatus::Ok;
    const MountTree &tree = c.host.snapshot.mounts.value;
    for (int i = 0; i < tree.size(); ++i) {
        if (tree.layerId(i).isEmpty())
            continue;
        DockerContainer container;
        container.id = QString::number(i + 1).repeated(64).left(64);
        container.name = QStringLiteral("app-%1").arg(i + 1);
        container.state = QStringLiteral("running");
        container.running = true;
        container.restartPolicy = RestartPolicy::Always;
        container.layerId = tree.layerId(i);
        c.host.snapshot.containers.value.containers.append(container);
    }
    c.findingIds = findings;
    return c;
}

QList<RemediationCandidate> covered(int n)
{
    QList<RemediationCandidate> list;
    for (int i = 1; i <= n; ++i)
        list.append(candidate(QStringLiteral("node-%1").arg(i), NestedSeedMountinfo,
                              {QStringLiteral("shadowed-overlay-mounts")}));
    return list;
}

} // namespace

class tst_RemediationDialog : public QObject
{
    Q_OBJECT

private slots:
    // #19: a host whose last probe failed is listed as not eligible, with the reason; it cannot be ticked.
    void listsNotEligibleHostsWithTheReason()
    {
        QList<RemediationCandidate> list = covered(1);
        RemediationCandidate failed = candidate(QStringLiteral("node-down"), NestedSeedMountinfo,
                                                {QStringLiteral("shadowed-overlay-mounts")});
        failed.notEligible = QStringLiteral("not eligible: its last probe failed (timeout)");
        list.append(failed);
        RemediationDialog dialog(loadRemediationCatalog(), list);
        auto *table = dialog.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 2); // listed, not dropped
        QCOMPARE(dialog.checkedHosts(), QStringList{QStringLiteral("node-1")});
        dialog.setHostChecked(QStringLiteral("node-down"), true);
        QCOMPARE(dialog.checkedHosts(), QStringList{QStringLiteral("node-1")});
        dialog.showPage(RemediationDialog::HostsPage);
        bool reasonShown = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int col = 0; col < table->columnCount(); ++col) {
                if (table->item(row, col) && table->item(row, col)->text() == failed.notEligible)
                    reasonShown = true;
            }
        }
        QVERIFY(reasonShown);
        QCOMPARE(dialog.hosts().size(), 1);
        QCOMPARE(dialog.hosts().first().target.name, QStringLiteral("node-1"));
    }

    void prefillsHostsWithTheFinding()
    {
        QList<RemediationCandidate> list = covered(2);
        list.append(candidate(QStringLiteral("healthy"), HealthyMountinfo, {}));
        RemediationDialog dialog(loadRemediationCatalog(), list);
        QCOMPARE(dialog.scriptId(), QStringLiteral("fix-shadowed-mounts"));
        QCOMPARE(dialog.checkedHosts(), (QStringList{QStringLiteral("node-1"), QStringLiteral("node-2")}));
        // The operator may add a host anyway; it cannot be planned and is listed with the reason.
        dialog.setHostChecked(QStringLiteral("healthy"), true);
        dialog.showPage(RemediationDialog::PreviewPage);
        QCOMPARE(dialog.plans().size(), 3);
        QCOMPARE(dialog.runnableCount(), 2);
        const QString text = dialog.previewText();
        const int refused = text.indexOf(QLatin1String("Cannot be planned"));
        QVERIFY2(refused > 0, qPrintable(text));
        QVERIFY(text.indexOf(QLatin1String("healthy:"), refused) > refused);
        QVERIFY(!text.contains(QLatin1String("== healthy ==")));

        // The hosts page's Plan column (the 4th): each checked host its plan, an unchecked one nothing.
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("hostTable"));
        QVERIFY(table);
        auto planOf = [table](const QString &host) {
            for (int row = 0; row < table->rowCount(); ++row) {
                if (table->item(row, 0)->text() == host)
                    return table->item(row, 3)->text();
            }
            return QStringLiteral("(no row)");
        };
        QVERIFY2(planOf(QStringLiteral("node-1")).contains(QLatin1String("step")),
                 qPrintable(planOf(QStringLiteral("node-1"))));
        QVERIFY(planOf(QStringLiteral("node-2")).contains(QLatin1String("step")));
        const QString healthyPlan = planOf(QStringLiteral("healthy"));
        QVERIFY(!healthyPlan.isEmpty() && !healthyPlan.contains(QLatin1String("step")));
        dialog.setHostChecked(QStringLiteral("node-2"), false);
        dialog.showPage(RemediationDialog::PreviewPage);
        QCOMPARE(planOf(QStringLiteral("node-2")), QString());
        QVERIFY(planOf(QStringLiteral("node-1")).contains(QLatin1String("step")));
        QCOMPARE(dialog.plans().size(), 2);
    }

    // #16 item 4: the plan the admin approves shows a hostile name escaped, on one line: an ESC cannot
    // clear or recolour the text and a newline cannot forge a step or another host's header.
    void previewEscapesHostileNames()
    {
        // A container's name comes from the host (docker ps) and is named in the plan's steps.
        RemediationCandidate c = candidate(QStringLiteral("node-1"), NestedSeedMountinfo,
                                           {QStringLiteral("shadowed-overlay-mounts")});
        c.host.snapshot.containers.value.containers.first().name =
            QStringLiteral("app\x1b[2J\n== other ==\n  9. rm -rf /");
        RemediationDialog dialog(loadRemediationCatalog(), {c});
        dialog.showPage(RemediationDialog::PreviewPage);
        const QString text = dialog.previewText();
        QVERIFY2(text.contains(QLatin1String("app\\x1b[2J\\n== other ==\\n  9. rm -rf /")), qPrintable(text));
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(!text.contains(QLatin1String("\n== other ==")));
        QVERIFY(!text.contains(QLatin1String("\n  9. rm")));
    }

    void previewListsMountPointsInPlannedOrder()
    {
        RemediationDialog dialog(loadRemediationCatalog(), covered(1));
        dialog.showPage(RemediationDialog::PreviewPage);
        const QString text = dialog.previewText();
        QVERIFY(text.contains(QLatin1String("== node-1 ==")));
        // Most recent cover first: 43 on /var/lib/docker, then 42 on /var/lib/docker/overlay2.
        const int first = text.indexOf(QLatin1String("mount 43 (tmpfs from tmpfs) at /var/lib/docker."));
        const int second = text.indexOf(
            QLatin1String("mount 42 (ext4 from /dev/mapper/dm-root) at /var/lib/docker/overlay2."));
        QVERIFY2(first > 0 && second > 0, qPrintable(text));
        QVERIFY(first < second);
        // Numbered steps; the containers choice shows up as a step.
        QVERIFY(text.contains(QLatin1String(" 1. Check that the graph driver is overlay2")));
        // the workload: who runs, and that nothing stops unless docker must restart
        QVERIFY2(
            text.contains(QLatin1String("Record the 2 running container(s): app-2 (restart always), app-3 "
                                        "(restart always)")),
            qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Containers: none is stopped or restarted.")));
        dialog.setParameter(QStringLiteral("containers"), QStringLiteral("restart"));
        dialog.showPage(RemediationDialog::PreviewPage);
        QVERIFY(dialog.previewText().contains(
            QLatin1String("Restart the 2 running container(s) (docker restart)")));
        QCOMPARE(dialog.operatorValues().value(QStringLiteral("containers")), QStringLiteral("restart"));
    }

    void approveStaysDisabledUntilTypedCountMatches()
    {
        RemediationDialog dialog(loadRemediationCatalog(), covered(5));
        dialog.showPage(RemediationDialog::ApprovalPage);
        QCOMPARE(dialog.runnableCount(), 5);
        QPushButton *approve = dialog.approveButton();
        QLineEdit *typed = dialog.typedCountEdit();
        QVERIFY(!typed->isHidden());
        QVERIFY(!approve->isEnabled());
        QTest::keyClicks(typed, QStringLiteral("4"));
        QVERIFY(!approve->isEnabled());
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("five"));
        QVERIFY(!approve->isEnabled());
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("5"));
        QVERIFY(approve->isEnabled());
        // One host less: the count no longer matches.
        dialog.setHostChecked(QStringLiteral("node-5"), false);
        dialog.showPage(RemediationDialog::ApprovalPage);
        QVERIFY(!approve->isEnabled());
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("4"));
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const Approval a = dialog.approval();
        QCOMPARE(a.how, QStringLiteral("typed-count"));
        QCOMPARE(a.typedHostCount, 4);
        QCOMPARE(a.approvedHostCount, 4);
        QVERIFY(!a.approvedBy.isEmpty());
        QCOMPARE(dialog.hosts().size(), 4);
    }

    void fewHostsNeedNoTypedCount()
    {
        RemediationDialog dialog(loadRemediationCatalog(), covered(3));
        dialog.showPage(RemediationDialog::ApprovalPage);
        QVERIFY(dialog.typedCountEdit()->isHidden());
        QVERIFY(dialog.approveButton()->isEnabled());
        dialog.approveButton()->click();
        QCOMPARE(dialog.approval().how, QStringLiteral("dialog"));
        // Nothing was typed: no typed count is recorded, the number of hosts approved is.
        QCOMPARE(dialog.approval().typedHostCount, -1);
        QCOMPARE(dialog.approval().approvedHostCount, 3);
    }

    void refusedScriptCannotBeChosen()
    {
        QTemporaryDir dir;
        const QDir from(QStringLiteral(":/remediation"));
        for (const QString &name : from.entryList(QDir::Files)) {
            QVERIFY(QFile::copy(from.filePath(name), dir.filePath(name)));
            QFile::setPermissions(dir.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
        }
        QFile script(dir.filePath(QStringLiteral("fix-shadowed-mounts.sh")));
        QVERIFY(script.open(QIODevice::Append));
        script.write("\nrm -rf /var/lib/docker\n");
        script.close();

        RemediationDialog dialog(loadRemediationCatalog(dir.path()), covered(2));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.selectScript(QStringLiteral("fix-shadowed-mounts")));
        QVERIFY(dialog.scriptId() != QLatin1String("fix-shadowed-mounts"));
        QListWidget *list = dialog.scriptList();
        QListWidgetItem *refused = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("fix-shadowed-mounts"))
                refused = list->item(i);
        }
        QVERIFY(refused);
        QVERIFY(!(refused->flags() & Qt::ItemIsEnabled));
        QVERIFY2(refused->text().contains(QLatin1String("SHA-256")), qPrintable(refused->text()));
        // A click on it changes nothing.
        const QString before = dialog.scriptId();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(refused).center());
        QCOMPARE(dialog.scriptId(), before);
        // The other reviewed scripts are still usable.
        QVERIFY(dialog.selectScript(QStringLiteral("enable-redirect-dir")));
    }

    void rebootNeedsEachHostNameTyped()
    {
        RemediationDialog dialog(loadRemediationCatalog(), covered(2));
        QVERIFY(dialog.selectScript(QStringLiteral("migrate-and-reboot")));
        dialog.setHostChecked(QStringLiteral("node-2"), false);
        dialog.showPage(RemediationDialog::PreviewPage);
        QCOMPARE(dialog.runnableCount(), 0);
        dialog.setConfirmation(QStringLiteral("node-1"), QStringLiteral("node-2"));
        dialog.showPage(RemediationDialog::PreviewPage);
        QCOMPARE(dialog.runnableCount(), 0);
        QVERIFY(dialog.previewText().contains(QLatin1String("does not match")));
        dialog.setConfirmation(QStringLiteral("node-1"), QStringLiteral("node-1"));
        dialog.showPage(RemediationDialog::ApprovalPage);
        QCOMPARE(dialog.runnableCount(), 1);
        QVERIFY(dialog.approveButton()->isEnabled());
        QCOMPARE(dialog.operatorValues(QStringLiteral("node-1")).value(QStringLiteral("confirm-host")),
                 QStringLiteral("node-1"));
        // A second host makes the batch more than one reboot: refused in this dialog.
        dialog.setHostChecked(QStringLiteral("node-2"), true);
        dialog.setConfirmation(QStringLiteral("node-2"), QStringLiteral("node-2"));
        dialog.showPage(RemediationDialog::ApprovalPage);
        QCOMPARE(dialog.runnableCount(), 2);
        QVERIFY(!dialog.approveButton()->isEnabled());
    }

    // The hook in the main window: Repair... (Ctrl+E) is enabled with a selection and opens the dialog with
    // the selected hosts that have the finding checked.
    void mainWindowRepairActionOpensDialogForSelection()
    {
        const QString demoDir = QFINDTESTDATA("../../resources/demo");
        QVERIFY(!demoDir.isEmpty());
        QTemporaryDir data;
        MainWindowOptions options;
        options.demo = true;
        options.demoDir = demoDir;
        options.dataDir = data.path();
        MainWindow window(options);
        window.show();
        QVERIFY(window.waitUntilIdle(30000));
        auto *repair = window.findChild<QAction *>(QStringLiteral("actionRepair"));
        QVERIFY(repair);
        QCOMPARE(repair->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        window.fleetView()->clearSelection();
        QVERIFY(!repair->isEnabled());
        window.fleetView()->selectAll();
        QVERIFY(repair->isEnabled());

        QStringList checked;
        QString script;
        int candidates = 0;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<RemediationDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            checked = dialog->checkedHosts();
            script = dialog->scriptId();
            candidates = dialog->findChild<QTableWidget *>(QStringLiteral("hostTable"))->rowCount();
            dialog->reject();
        });
        repair->trigger();
        QCOMPARE(script, QStringLiteral("fix-shadowed-mounts"));
        QCOMPARE(candidates, window.fleetModel()->rowCount());
        QCOMPARE(checked, QStringList{QStringLiteral("euler-node-07")});
    }
};

QTEST_MAIN(tst_RemediationDialog)
#include "tst_remediationdialog.moc"
