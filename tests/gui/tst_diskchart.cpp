#include "diskchartwidget.h"
#include "fleetchartswidget.h"

#include "diskusage.h"

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
    void dockerRootHighlighted();
    void historyLine();
    void emptyAndClear();
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
    QCOMPARE(chart.unitBytes(), 1024.0 * 1024 * 1024);
    const QList<double> used = chart.usedValues();
    const QList<double> available = chart.availableValues();
    const QStringList categories = chart.barCategories();
    QCOMPARE(used.size(), rows.size());
    QCOMPARE(available.size(), rows.size());
    QCOMPARE(categories.size(), rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        QVERIFY2(qAbs(used.at(i) * chart.unitBytes() - double(rows.at(i).used)) < 1.0,
                 qPrintable(rows.at(i).mountPoint));
        QVERIFY2(qAbs(available.at(i) * chart.unitBytes() - double(rows.at(i).available)) < 1.0,
                 qPrintable(rows.at(i).mountPoint));
        QVERIFY(categories.at(i).startsWith(rows.at(i).mountPoint + QLatin1Char(' ')));
    }
    // 187904819200 bytes used on the docker filesystem = 175 GiB.
    QCOMPARE(qRound(used.at(2)), 175);
    QVERIFY(categories.at(2).contains(QStringLiteral("(88%)")));
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
    QVERIFY(chart.usedValues().isEmpty());
    QCOMPARE(chart.highlightedBar(), -1);
    chart.setData(dfFixture(), QStringLiteral("/var/lib/docker"), history(3));
    QVERIFY(!chart.usedValues().isEmpty());
    chart.clear();
    QVERIFY(chart.usedValues().isEmpty());
    QVERIFY(chart.barCategories().isEmpty());
    QCOMPARE(chart.historyPointCount(), 0);
    // Small disks are charted in MiB.
    const lw::DiskUsageTable small =
        lw::parseDf("Filesystem Type 1-blocks Used Available Capacity Mounted on\n"
                    "/dev/sda1 ext4 1048576000 524288000 524288000 50% /\n");
    chart.setData(small, QStringLiteral("/var/lib/docker"), {});
    QCOMPARE(chart.unitBytes(), 1024.0 * 1024);
    QCOMPARE(chart.usedValues(), (QList<double>{500.0}));
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

QTEST_MAIN(TestDiskChart)
#include "tst_diskchart.moc"
