#include "hostdetailwidget.h"
#include "hostproblempanel.h"

#include "diskchartwidget.h"
#include "mountgraphview.h"
#include "mounttablemodel.h"

#include "hostsnapshot.h"
#include "rules.h"

#include <QCheckBox>
#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

using lw::gui::HostDetailWidget;
using lw::gui::MountTableModel;

namespace {

QByteArray fixture(const QString &relative)
{
    QFile file(QFINDTESTDATA(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture missing: %s", qPrintable(relative));
    return file.readAll();
}

void put(lw::RawCapture &capture, const char *id, const QByteArray &output,
         lw::ProbeStatus status = lw::ProbeStatus::Ok)
{
    lw::ProbeOutput probe;
    probe.status = status;
    probe.output = output;
    probe.exitCode = status == lw::ProbeStatus::Ok ? 0 : 1;
    probe.durationMs = 17;
    capture.probes.insert(QLatin1String(id), probe);
}

// The seed's failure: the container overlays under /var/lib/docker/overlay2 covered by a later ext4 mount.
lw::RawCapture seedCapture()
{
    lw::RawCapture capture;
    capture.host = QStringLiteral("node-a.example");
    capture.collectedAt = QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC);
    put(capture, lw::ProbeId::MountInfo,
        fixture(QStringLiteral("../core/data/mountinfo/seed-covered.mountinfo")));
    put(capture, lw::ProbeId::DiskUsage, fixture(QStringLiteral("data/df-docker-host.txt")));
    put(capture, lw::ProbeId::KernelRelease, "5.10.0-21-amd64\n");
    put(capture, lw::ProbeId::DockerInfo,
        fixture(QStringLiteral("../core/data/dockerinfo/docker24-overlay2-xfs-nodtype.json")));
    put(capture, lw::ProbeId::DaemonJson, "{\"storage-driver\": \"overlay2\"}\n");
    put(capture, lw::ProbeId::DockerStorage, {}, lw::ProbeStatus::Absent);
    put(capture, lw::ProbeId::OverlayParams, "redirect_dir=N\nindex=N\nmetacopy=N\n");
    put(capture, lw::ProbeId::KernelConfig, {}, lw::ProbeStatus::NoPermission);
    capture.probes[QLatin1String(lw::ProbeId::KernelConfig)].errorOutput =
        "cat: /proc/config.gz: Permission denied\n";
    return capture;
}

} // namespace

class TestHostDetail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void overviewShowsFactsFindingsAndUnknowns();
    void showMountSelectsEverywhere();
    void tableSelectionDrivesGraphAndPanel();
    void dockerRootOnlyFiltersGraphAndTable();
    void overviewLinkOpensMount();
    void diskTabCharted();
    void rawTabShowsProbeOutput();
    void clearHidesEverything();
    void retranslatesOnLanguageChange();
    void problemPageAndBanner();
    void hostileTextShownEscaped();

private:
    lw::HostSnapshot m_snapshot;
    lw::Analysis m_analysis;
};

void TestHostDetail::initTestCase()
{
    m_snapshot = lw::buildSnapshot(seedCapture());
    m_analysis = lw::analyze(m_snapshot);
    QVERIFY(m_snapshot.mounts.isOk());
    QVERIFY(m_snapshot.mounts.value.size() > 20);
    bool shadowed = false;
    for (const lw::Finding &f : std::as_const(m_analysis.findings))
        shadowed |= f.id == QLatin1String(lw::FindingId::ShadowedOverlayMounts);
    QVERIFY(shadowed);
}

void TestHostDetail::overviewShowsFactsFindingsAndUnknowns()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    QVERIFY(widget.tabs()->isVisibleTo(&widget));
    QCOMPARE(widget.tabs()->count(), 4);
    const QString text = widget.overviewText();
    QVERIFY(text.contains(QStringLiteral("node-a.example")));
    QVERIFY(text.contains(QStringLiteral("5.10.0-21-amd64")));
    QVERIFY(text.contains(QStringLiteral("/etc/docker/daemon.json")));
    QVERIFY(text.contains(QStringLiteral("xfs")));
    QVERIFY(text.contains(m_snapshot.dockerRoot()));
    const lw::DiskUsage *rootFs = m_snapshot.disks.value.filesystemOf(m_snapshot.dockerRoot());
    QVERIFY(rootFs);
    QVERIFY(text.contains(QString::number(rootFs->usedRatio() * 100, 'f', 1) + QLatin1Char('%'))); // from df
    QVERIFY(text.contains(QStringLiteral("redirect_dir")));
    for (const lw::Finding &f : std::as_const(m_analysis.findings)) {
        QVERIFY2(text.contains(f.id), qPrintable(f.id));
        QVERIFY2(text.contains(f.title), qPrintable(f.title));
        if (!f.remediation.isEmpty())
            QVERIFY2(text.contains(f.remediation), qPrintable(f.remediation));
        for (const QString &line : f.evidence.mid(0, 8)) // the overview shows the first 8 lines
            QVERIFY2(text.contains(line.trimmed()), qPrintable(line));
    }
    int unknown = 0;
    for (const lw::RuleCheck &c : std::as_const(m_analysis.checks)) {
        QVERIFY2(text.contains(c.ruleId), qPrintable(c.ruleId));
        unknown += c.state == lw::RuleState::Unknown ? 1 : 0;
    }
    if (unknown > 0)
        QVERIFY(text.contains(QStringLiteral("unknown")));
    // Findings are listed most severe first, as analyze() ordered them.
    const int shadowedAt = text.indexOf(QLatin1String(lw::FindingId::ShadowedOverlayMounts));
    QVERIFY(shadowedAt > 0);
}

void TestHostDetail::showMountSelectsEverywhere()
{
    HostDetailWidget widget;
    widget.resize(1200, 800);
    widget.show();
    widget.setHost(m_snapshot, m_analysis, {});
    widget.showMount(904);
    QCOMPARE(widget.tabs()->currentIndex(), int(HostDetailWidget::MountsTab));
    QCOMPARE(widget.mountGraph()->selectedMount(), 904);
    QCOMPARE(widget.mountTable()->currentIndex().data(MountTableModel::MountIdRole).toInt(), 904);
    const QString details = widget.mountDetailsText();
    QVERIFY(details.contains(QStringLiteral("/var/lib/docker/overlay2/l/E5C0CD7551405B351D7E497685")));
    QVERIFY(details.contains(QStringLiteral("shared:404")));
    QVERIFY(details.contains(QStringLiteral("/dev/mapper/dm-root"))); // its cover
}

void TestHostDetail::tableSelectionDrivesGraphAndPanel()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    QTableView *table = widget.mountTable();
    QModelIndex target;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        const QModelIndex index = table->model()->index(r, 0);
        if (index.data(MountTableModel::MountIdRole).toInt() == 951)
            target = index;
    }
    QVERIFY(target.isValid());
    table->setCurrentIndex(target);
    QCOMPARE(widget.mountGraph()->selectedMount(), 951);
    QVERIFY(widget.mountDetailsText().contains(
        QStringLiteral("34f72069351661b37e582644f26c0da99b0da0b06f70a2aaa523c88e08e54b9c")));
    // Hidden mounts come first in the table.
    QVERIFY(table->model()->index(0, 0).data(MountTableModel::HiddenRole).toBool());
}

void TestHostDetail::dockerRootOnlyFiltersGraphAndTable()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    QCheckBox *dockerOnly = nullptr;
    for (QCheckBox *box : widget.findChildren<QCheckBox *>()) {
        if (box->objectName() == QLatin1String("dockerRootOnly"))
            dockerOnly = box;
    }
    QVERIFY(dockerOnly);
    const int all = widget.mountGraph()->nodeCount();
    QCOMPARE(widget.mountTable()->model()->rowCount(), all);
    dockerOnly->setChecked(true);
    QVERIFY(widget.mountGraph()->nodeCount() < all);
    QCOMPARE(widget.mountTable()->model()->rowCount(), widget.mountGraph()->nodeCount());
    // A new snapshot of the same host keeps the filter.
    widget.setHost(m_snapshot, m_analysis, {});
    QVERIFY(widget.mountGraph()->nodeCount() < all);
    QCOMPARE(widget.mountTable()->model()->rowCount(), widget.mountGraph()->nodeCount());
    // Asking for a mount outside the filter turns the filter off rather than showing nothing.
    widget.showMount(24);
    QVERIFY(!dockerOnly->isChecked());
    QCOMPARE(widget.mountGraph()->selectedMount(), 24);
}

void TestHostDetail::overviewLinkOpensMount()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    auto *browser = qobject_cast<QTextBrowser *>(widget.tabs()->widget(HostDetailWidget::OverviewTab));
    QVERIFY(browser);
    QVERIFY(browser->toHtml().contains(QStringLiteral("lw-mount:904")));
    emit browser->anchorClicked(QUrl(QStringLiteral("lw-mount:950")));
    QCOMPARE(widget.tabs()->currentIndex(), int(HostDetailWidget::MountsTab));
    QCOMPARE(widget.mountGraph()->selectedMount(), 950);
}

void TestHostDetail::diskTabCharted()
{
    HostDetailWidget widget;
    QList<lw::DiskHistoryPoint> history;
    for (int i = 0; i < 4; ++i)
        history.append({QDateTime(QDate(2026, 11, 20 + i), QTime(9, 0), Qt::UTC), qint64(200) << 30,
                        (qint64(170) + i) << 30, (qint64(30) - i) << 30});
    widget.setHost(m_snapshot, m_analysis, history);
    QCOMPARE(widget.diskChart()->usedPercents().size(), 4);
    QCOMPARE(widget.diskChart()->highlightedBar(), 0); // "/" holds /var/lib/docker
    QCOMPARE(widget.diskChart()->historyPointCount(), 4);
}

void TestHostDetail::rawTabShowsProbeOutput()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    widget.showProbe(QLatin1String(lw::ProbeId::KernelRelease));
    QCOMPARE(widget.tabs()->currentIndex(), int(HostDetailWidget::RawTab));
    QCOMPARE(widget.rawText(), QStringLiteral("5.10.0-21-amd64\n"));
    widget.showProbe(QLatin1String(lw::ProbeId::MountInfo));
    QCOMPARE(widget.rawText().toUtf8(),
             fixture(QStringLiteral("../core/data/mountinfo/seed-covered.mountinfo")));
    widget.showProbe(QLatin1String(lw::ProbeId::KernelConfig));
    QVERIFY(widget.rawText().isEmpty());
    const QList<QLabel *> labels = widget.findChildren<QLabel *>();
    bool headerShown = false;
    for (QLabel *label : labels)
        headerShown |= label->text().contains(QStringLiteral("no-permission")) &&
                       label->text().contains(QStringLiteral("17 ms"));
    QVERIFY(headerShown);

    // Probes a refresh reported unchanged say so in the list (and why, in the tooltip).
    lw::HostSnapshot refreshed = m_snapshot;
    refreshed.raw.unchanged = {QLatin1String(lw::ProbeId::DockerInfo)};
    widget.setHost(refreshed, m_analysis, {});
    QListWidget *list = widget.findChild<QListWidget *>();
    QVERIFY(list);
    int marked = 0;
    for (int i = 0; i < list->count(); ++i) {
        const bool unchanged = list->item(i)->text().contains(QStringLiteral("unchanged"));
        marked += unchanged;
        QCOMPARE(unchanged,
                 list->item(i)->data(Qt::UserRole).toString() == QLatin1String(lw::ProbeId::DockerInfo));
        QCOMPARE(list->item(i)->toolTip().isEmpty(), !unchanged);
    }
    QCOMPARE(marked, 1);
    QVERIFY(list->minimumWidth() >= list->sizeHintForColumn(0)); // no entry cut
}

void TestHostDetail::clearHidesEverything()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    QCOMPARE(widget.host(), QStringLiteral("node-a.example"));
    widget.clear();
    QVERIFY(!widget.tabs()->isVisibleTo(&widget));
    QCOMPARE(widget.mountGraph()->nodeCount(), 0);
    QCOMPARE(widget.mountTable()->model()->rowCount(), 0);
    QVERIFY(widget.overviewText().isEmpty());
    QVERIFY(widget.host().isEmpty());
}

void TestHostDetail::retranslatesOnLanguageChange()
{
    HostDetailWidget widget;
    widget.setHost(m_snapshot, m_analysis, {});
    widget.showMount(904);
    QCOMPARE(widget.tabs()->tabText(HostDetailWidget::MountsTab), QStringLiteral("Mounts"));
    QVERIFY(widget.overviewText().contains(QStringLiteral("Findings")));

    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/layerwatch_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    // A running application posts LanguageChange to every top-level widget; QTest runs no event loop.
    QEvent languageChange(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&widget, &languageChange);
    QCOMPARE(widget.tabs()->tabText(HostDetailWidget::MountsTab), QStringLiteral("挂载"));
    QVERIFY(widget.overviewText().contains(QStringLiteral("发现的问题")));
    QVERIFY(widget.mountDetailsText().contains(QStringLiteral("挂载点"))); // the side panel too
    QCOMPARE(widget.mountGraph()->selectedMount(), 904);                   // and the selection is kept

    QCoreApplication::removeTranslator(&chinese);
    QCoreApplication::sendEvent(&widget, &languageChange);
    QCOMPARE(widget.tabs()->tabText(HostDetailWidget::MountsTab), QStringLiteral("Mounts"));
}

// #19: a host without results gets a page saying why and what to do; a host whose last probe failed keeps
// its older results under a banner. Both follow the language.
void TestHostDetail::problemPageAndBanner()
{
    HostDetailWidget widget;
    widget.resize(900, 600);
    widget.show();
    lw::gui::HostProblemPanel *panel = widget.problemPanel();
    QSignalSpy actions(&widget, &HostDetailWidget::hostActionRequested);

    const QString changed = QStringLiteral("The host key of web1 has CHANGED (now ssh-ed25519 SHA256:abc)");
    widget.setProblem(QStringLiteral("web1"), lw::explainHostStatus(lw::HostStatus::HostKeyChanged, changed));
    QCOMPARE(widget.host(), QStringLiteral("web1"));
    QVERIFY(panel->isVisible());
    QVERIFY(!widget.tabs()->isVisible());
    QString text = panel->plainText();
    QVERIFY2(text.contains(changed) && text.contains(QStringLiteral("intercepting")) &&
                 text.contains(QStringLiteral("ssh-keygen -R")),
             qPrintable(text));
    QVERIFY(panel->button(lw::HostAction::ReviewHostKey)->isVisible());
    QVERIFY(!panel->button(lw::HostAction::Probe)->isVisible()); // a changed key is not "retried"
    panel->button(lw::HostAction::ReviewHostKey)->click();
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.first().at(0).toString(), QStringLiteral("web1"));
    QCOMPARE(actions.first().at(1).value<lw::HostAction>(), lw::HostAction::ReviewHostKey);

    // Never probed: the page says so and offers to probe.
    widget.setProblem(QStringLiteral("web2"), lw::explainHostStatus(lw::HostStatus::NotProbed, QString()));
    QVERIFY(panel->plainText().contains(QStringLiteral("Not probed yet")));
    QVERIFY(panel->button(lw::HostAction::Probe)->isVisible());

    // Older results and a failed probe: the results stay, the failure is a banner above them.
    widget.setHost(m_snapshot, m_analysis, {});
    QVERIFY(!panel->isVisible()); // web2's page is gone with another host's results
    widget.setProblem(m_snapshot.host, lw::explainHostStatus(lw::HostStatus::Timeout,
                                                             QStringLiteral("Connection to x:22 timed out")));
    QVERIFY(panel->isVisible());
    QVERIFY(widget.tabs()->isVisible());
    QVERIFY(panel->plainText().contains(QStringLiteral("earlier probe")));
    QVERIFY(panel->height() < widget.height() / 2);
    widget.clearProblem();
    QVERIFY(!panel->isVisible());
    QVERIFY(widget.tabs()->isVisible());

    // The page follows the language: cause and steps are made again, the error stays as reported.
    widget.clear();
    widget.setProblem(QStringLiteral("web3"),
                      lw::explainHostStatus(lw::HostStatus::AuthFailed, QStringLiteral("denied")));
    const QString english = panel->plainText();
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/layerwatch_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    QEvent languageChange(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&widget, &languageChange);
    const QString chineseText = panel->plainText();
    QVERIFY(chineseText.contains(QStringLiteral("denied")));
    QVERIFY2(!chineseText.contains(QStringLiteral("Likely cause")) &&
                 !chineseText.contains(QStringLiteral("authorized_keys on")),
             qPrintable(chineseText));
    QCoreApplication::removeTranslator(&chinese);
    QCoreApplication::sendEvent(&widget, &languageChange);
    QCOMPARE(panel->plainText(), english);
}

// #16 item 4: a mount point with ESC and a newline (mountinfo's \\033 and \\012) and an error message with
// ESC reach no widget raw: the Overview, the mount table, the graph's nodes, the mount panel and the problem
// page show \\x1b and \\n instead, so nothing can clear, hide or split a line.
void TestHostDetail::hostileTextShownEscaped()
{
    lw::RawCapture capture = seedCapture();
    capture.probes[QLatin1String(lw::ProbeId::MountInfo)].output +=
        "990 29 0:99 / /var/lib/docker/evil\\033[2J\\012fake-line rw,relatime - tmpfs evil\\033]0;x\\007 "
        "rw\n";
    capture.probes[QLatin1String(lw::ProbeId::DaemonJson)].output =
        "{\"storage-driver\": \"overlay2\", \"data-root\": \"/var/lib/docker\\u001b[2J\"}\n";
    const lw::HostSnapshot snapshot = lw::buildSnapshot(capture);
    const lw::Analysis analysis = lw::analyze(snapshot);
    const QString hostilePoint = QStringLiteral("/var/lib/docker/evil\x1b[2J\nfake-line");
    bool parsed = false;
    for (const lw::MountEntry &m : snapshot.mounts.value.mounts())
        parsed |= m.mountPoint == hostilePoint;
    QVERIFY(parsed); // the exact value is kept (JSON, parameters); only what is shown is escaped

    HostDetailWidget widget;
    widget.setHost(snapshot, analysis, {});
    const auto raw = [](const QString &text) {
        return text.contains(QChar(0x1b)) || text.contains(QChar(0x07)) ||
               text.contains(QStringLiteral("\nfake-line"));
    };
    const QString overview = widget.overviewText();
    QVERIFY2(!raw(overview), qPrintable(overview.left(2000)));

    QAbstractItemModel *table = widget.mountTable()->model();
    int shownAt = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                const QString text = table->index(row, column).data(role).toString();
                QVERIFY2(!raw(text), qPrintable(text));
            }
        }
        if (table->index(row, 0).data(MountTableModel::MountIdRole).toInt() == 990)
            shownAt = row;
    }
    QVERIFY(shownAt >= 0);
    widget.showMount(990);
    const QString details = widget.mountDetailsText();
    QVERIFY2(!raw(details), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("evil\\x1b[2J\\nfake-line")), qPrintable(details));

    int nodes = 0;
    for (QGraphicsItem *item : widget.mountGraph()->scene()->items()) {
        QVERIFY2(!raw(item->toolTip()), qPrintable(item->toolTip()));
        nodes += item->toolTip().contains(QStringLiteral("evil\\x1b[2J\\nfake-line")) ? 1 : 0;
    }
    QVERIFY(nodes >= 1 || !widget.mountGraph()->shownMountIds().contains(990));

    widget.setProblem(QStringLiteral("web\x1b[2Jhost"),
                      lw::explainHostStatus(lw::HostStatus::Unreachable,
                                            QStringLiteral("connect: \x1b[31mNo route\x1b[0m\nforged line")));
    const QString problem = widget.problemPanel()->plainText();
    QVERIFY2(!problem.contains(QChar(0x1b)) && !problem.contains(QStringLiteral("\nforged")),
             qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("\\x1b[31mNo route")), qPrintable(problem));
}

QTEST_MAIN(TestHostDetail)
#include "tst_hostdetail.moc"
