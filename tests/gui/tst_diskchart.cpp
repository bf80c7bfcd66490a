#include "diskchartwidget.h"
#include "fleetchartswidget.h"

#include "diskusage.h"
#include "layeranalysis.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using lw::gui::DiskChartWidget;
using lw::gui::FleetChartRow;
using lw::gui::FleetChartsWidget;

namespace {

lw::DiskUsageTable dfFixture()
{
    QFile file(QFINDTESTDATA("data/df-docker-host.txt"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("df fixture missing");
    return lw::parseDf(file.readAll());
}

QList<lw::DiskHistoryPoint> history(int n)
{
    QList<lw::DiskHistoryPoint> points;
    const QDateTime start(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < n; ++i) {
        const qint64 size = qint64(200) << 30;
        const qint64 used = (qint64(150) << 30) + i * (qint64(5) << 30);
        points.append({start.addSecs(3600 * 6 * i), size, used, size - used});
    }
    return points;
}

} // namespace

class TestDiskChart : public QObject
{
    Q_OBJECT

private slots:
    void barsEqualDfRows();
    void smallFullDiskVisible();
    void coveredDockerRootFlagged();
    void dockerRootHighlighted();
    void historyLine();
    void emptyAndClear();
    void hostileMountPointIsText();
    void fleetUsageSortedWithThreshold();
    void fleetBarClickEmitsHostActivated();
    void fleetFindingCounts();
};

void TestDiskChart::barsEqualDfRows()
{
    const lw::DiskUsageTable df = dfFixture();
    QVERIFY(df.errors.isEmpty());
    QCOMPARE(df.rows.size(), 9);
    const QList<lw::DiskUsage> rows = DiskChartWidget::chartedRows(df);
    // Real filesystems only: /, /boot, /var/lib/docker/overlay2, /srv/data (no tmpfs, devtmpfs, overlay).
    QStringList mountPoints;
    for (const lw::DiskUsage &row : rows)
        mountPoints << row.mountPoint;
    QCOMPARE(mountPoints,
             (QStringList{QStringLiteral("/"), QStringLiteral("/boot"),
                          QStringLiteral("/var/lib/docker/overlay2"), QStringLiteral("/srv/data")}));

    DiskChartWidget chart;
    chart.setData(df, QStringLiteral("/var/lib/docker"), {});
    const QList<double> used = chart.usedPercents();
    const QList<double> available = chart.availablePercents();
    const QStringList categories = chart.barCategories();
    const QStringList tips = chart.barToolTips();
    QCOMPARE(used.size(), rows.size());
    QCOMPARE(available.size(), rows.size());
    QCOMPARE(categories.size(), rows.size());
    QCOMPARE(tips.size(), rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        // In percent of the filesystem's own size; the absolute figures in the label and the tooltip.
        QVERIFY2(qAbs(used.at(i) - 100.0 * double(rows.at(i).used) / double(rows.at(i).size)) < 1e-9,
                 qPrintable(rows.at(i).mountPoint));
        QVERIFY2(qAbs(available.at(i) - 100.0 * double(rows.at(i).available) / double(rows.at(i).size)) <
                     1e-9,
                 qPrintable(rows.at(i).mountPoint));
        // Line one: the mount point (marked if it holds the docker root); line two: the usage.
        const QString firstLine = categories.at(i).section(QLatin1String("<br>"), 0, 0);
        const QString mountPoint = rows.at(i).mountPoint.toHtmlEscaped();
        QVERIFY2(firstLine == mountPoint, qPrintable(categories.at(i)));
        QVERIFY2(categories.at(i).contains(lw::formatBytes(rows.at(i).size)), qPrintable(categories.at(i)));
        QVERIFY2(tips.at(i).contains(lw::formatBytes(rows.at(i).used)) &&
                     tips.at(i).contains(lw::formatBytes(rows.at(i).available)),
                 qPrintable(tips.at(i)));
    }
    // 187904819200 of 214748364800 bytes used on the docker filesystem: 88 %, of 200.0 GiB.
    QCOMPARE(qRound(used.at(2)), 88);
    QVERIFY2(categories.at(2).contains(QStringLiteral("88 % of ") + lw::formatBytes(rows.at(2).size)),
             qPrintable(categories.at(2)));
}

// #19: a nearly full small disk beside big ones is as visible as they are; the legend's colours are the
// bars'; the history is scaled to the docker root's filesystem.
void TestDiskChart::smallFullDiskVisible()
{
    const lw::DiskUsageTable df =
        lw::parseDf("Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
                    "/dev/sda1 ext4 270582939648 54116587929 216466351719 20% /\n"
                    "/dev/sdb1 ext4 57671680 54211379 3460301 94% /var/lib/docker\n");
    QVERIFY(df.errors.isEmpty());
    DiskChartWidget chart;
    QList<lw::DiskHistoryPoint> points;
    const QDateTime start(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < 4; ++i)
        points.append(
            {start.addSecs(3600 * i), 57671680, 40000000 + i * 4000000, 57671680 - 40000000 - i * 4000000});
    chart.setData(df, QStringLiteral("/var/lib/docker"), points);
    QCOMPARE(chart.usedPercents().size(), 2);
    QCOMPARE(qRound(chart.usedPercents().at(1)), 94); // not a sliver on a 0-300 GiB axis
    QCOMPARE(qRound(chart.usedPercents().at(0)), 20);
    QVERIFY(chart.barCategories().at(1).contains(QStringLiteral("55.0 MiB")));
    QCOMPARE(chart.highlightedBar(), 1);
    // Every bar colour is in the legend, under the name of what it shows.
    const QList<QPair<QString, QColor>> legend = chart.legend();
    QCOMPARE(legend.size(), 3);
    auto legendColour = [&legend](const QString &name) {
        for (const auto &[label, colour] : legend) {
            if (label == name)
                return colour;
        }
        return QColor();
    };
    QCOMPARE(chart.usedBarColor(1), legendColour(QStringLiteral("Used (docker root)")));
    QCOMPARE(chart.usedBarColor(0), legendColour(QStringLiteral("Used")));
    QVERIFY(chart.usedBarColor(0) != chart.usedBarColor(1));
    // The history's axis fits the 55 MiB filesystem, not the 252 GiB one.
    QVERIFY2(chart.historyAxisMaxBytes() >= 57671680.0 && chart.historyAxisMaxBytes() < 2 * 57671680.0,
             qPrintable(QString::number(chart.historyAxisMaxBytes())));
}

// #19: a docker root under a later mount (a tmpfs on /var/lib/docker) is flagged, not "0 % of 11.8 GiB".
void TestDiskChart::coveredDockerRootFlagged()
{
    const lw::DiskUsageTable df = lw::parseDf("Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
                                              "/dev/sda1 ext4 270582939648 54116587929 216466351719 20% /\n"
                                              "tmpfs tmpfs 12670000000 0 12670000000 0% /var/lib/docker\n");
    DiskChartWidget chart;
    chart.setData(df, QStringLiteral("/var/lib/docker"), {}, true);
    QCOMPARE(chart.barCategories().size(), 2); // the tmpfs is charted: it is where the root is
    QCOMPARE(chart.highlightedBar(), 1);
    QVERIFY2(chart.barCategories().at(1).contains(QStringLiteral("COVERED")),
             qPrintable(chart.barCategories().at(1)));
    QVERIFY2(chart.summaryText().contains(QStringLiteral("covers the docker root")),
             qPrintable(chart.summaryText()));
    bool legendSaysCovered = false;
    for (const auto &[label, colour] : chart.legend())
        legendSaysCovered = legendSaysCovered ||
                            (label.contains(QStringLiteral("Covered")) && colour == chart.usedBarColor(1));
    QVERIFY(legendSaysCovered);
}

void TestDiskChart::dockerRootHighlighted()
{
    DiskChartWidget chart;
    // The docker root's filesystem is the df row holding the path (as the rules and the store see it).
    chart.setData(dfFixture(), QStringLiteral("/srv/data/docker"), {});
    QCOMPARE(chart.highlightedBar(), 3);
    QVERIFY(chart.barCategories().at(3).contains(QStringLiteral("docker root")));
    QVERIFY(!chart.barCategories().at(0).contains(QStringLiteral("docker root")));
    chart.setData(dfFixture(), QStringLiteral("/var/lib/docker"), {});
    QCOMPARE(chart.highlightedBar(), 0);
    QVERIFY(chart.barCategories().at(0).contains(QStringLiteral("docker root")));
    QVERIFY(!chart.barCategories().at(3).contains(QStringLiteral("docker root")));
    chart.setData(dfFixture(), QString(), {});
    QCOMPARE(chart.highlightedBar(), -1);
}

void TestDiskChart::historyLine()
{
    DiskChartWidget chart;
    chart.setData(dfFixture(), QStringLiteral("/var/lib/docker"), history(5));
    QCOMPARE(chart.historyPointCount(), 5);
    chart.setData(dfFixture(), QStringLiteral("/var/lib/docker"), history(1));
    QCOMPARE(chart.historyPointCount(), 1);
    chart.setData(dfFixture(), QStringLiteral("/var/lib/docker"), {});
    QCOMPARE(chart.historyPointCount(), 0);
}

void TestDiskChart::emptyAndClear()
{
    DiskChartWidget chart;
    QVERIFY(chart.usedPercents().isEmpty());
    QCOMPARE(chart.highlightedBar(), -1);
    chart.setData(dfFixture(), QStringLiteral("/var/lib/docker"), history(3));
    QVERIFY(!chart.usedPercents().isEmpty());
    chart.clear();
    QVERIFY(chart.usedPercents().isEmpty());
    QVERIFY(chart.barCategories().isEmpty());
    QCOMPARE(chart.historyPointCount(), 0);
}

static QList<FleetChartRow> fleet()
{
    return {
        {QStringLiteral("web-1"), 0.42, {QStringLiteral("redirect-dir-disabled")}, 1},
        {QStringLiteral("db-1"),
         0.91,
         {QStringLiteral("low-space-copy-up"), QStringLiteral("redirect-dir-disabled")},
         1},
        {QStringLiteral("node-7"), -1, {}, -1},
        {QStringLiteral("ci-2"),
         0.97,
         {QStringLiteral("shadowed-overlay-mounts"), QStringLiteral("low-space-copy-up"),
          QStringLiteral("redirect-dir-disabled")},
         2},
        {QStringLiteral("cache-3"), 0.05, {}, -1},
    };
}

void TestDiskChart::fleetUsageSortedWithThreshold()
{
    FleetChartsWidget charts;
    QCOMPARE(charts.threshold(), 0.85);
    charts.setFleet(fleet());
    QCOMPARE(charts.usageHosts(), (QStringList{QStringLiteral("ci-2"), QStringLiteral("db-1"),
                                               QStringLiteral("web-1"), QStringLiteral("cache-3")}));
    const QList<double> percents = charts.usagePercents();
    QCOMPARE(percents.size(), 4);
    QCOMPARE(qRound(percents.at(0)), 97);
    QCOMPARE(qRound(percents.at(3)), 5);
    for (int i = 1; i < percents.size(); ++i)
        QVERIFY(percents.at(i - 1) >= percents.at(i));
    QCOMPARE(charts.overThresholdHosts(), (QStringList{QStringLiteral("ci-2"), QStringLiteral("db-1")}));
    charts.setThreshold(0.95);
    QCOMPARE(charts.overThresholdHosts(), (QStringList{QStringLiteral("ci-2")}));
    charts.setMaxBars(2);
    QCOMPARE(charts.usageHosts(), (QStringList{QStringLiteral("ci-2"), QStringLiteral("db-1")}));
}

void TestDiskChart::fleetBarClickEmitsHostActivated()
{
    FleetChartsWidget charts;
    charts.resize(1000, 600);
    charts.setFleet(fleet());
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QSignalSpy spy(&charts, &FleetChartsWidget::hostActivated);
    for (int i : {0, 2, 1}) {
        const QPoint pos = charts.usageBarCenter(i);
        QVERIFY(charts.usageChartViewport()->rect().contains(pos));
        QTest::mouseClick(charts.usageChartViewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(spy.size() > 0, true);
        QCOMPARE(spy.takeLast().at(0).toString(), charts.usageHosts().at(i));
    }
}

void TestDiskChart::fleetFindingCounts()
{
    FleetChartsWidget charts;
    charts.setFleet(fleet());
    QCOMPARE(charts.findingIds(),
             (QStringList{QStringLiteral("redirect-dir-disabled"), QStringLiteral("low-space-copy-up"),
                          QStringLiteral("shadowed-overlay-mounts")}));
    QCOMPARE(charts.findingHostCounts(), (QList<int>{3, 2, 1}));
    charts.setFleet({});
    QVERIFY(charts.findingIds().isEmpty());
    QVERIFY(charts.usageHosts().isEmpty());
}

// A mount point from a host is text: in the rich-text category label its markup is escaped, and neither
// the label nor the tooltip carries a raw control character (#16 item 4).
void TestDiskChart::hostileMountPointIsText()
{
    lw::DiskUsageTable df;
    lw::DiskUsage row;
    row.filesystem = QStringLiteral("/dev/sdb1\x1b[2J");
    row.type = QStringLiteral("ext4");
    row.size = 1 << 30;
    row.used = 1 << 29;
    row.available = 1 << 29;
    row.mountPoint = QStringLiteral("/mnt/<b>x</b>\x1b[2J\nfake");
    df.rows << row;
    DiskChartWidget chart;
    chart.setData(df, row.mountPoint, {});
    QCOMPARE(chart.barCategories().size(), 1);
    const QString label = chart.barCategories().constFirst();
    QVERIFY2(label.startsWith(QStringLiteral("/mnt/&lt;b&gt;x&lt;/b&gt;\\x1b[2J\\nfake<br>")),
             qPrintable(label));
    const QString tip = chart.barToolTips().constFirst();
    QVERIFY2(!tip.contains(QChar(0x1b)) && tip.contains(QStringLiteral("\\x1b[2J")), qPrintable(tip));
}

QTEST_MAIN(TestDiskChart)
#include "tst_diskchart.moc"
