// The fleet charts follow a sweep in place and cheaply: the right bars after several batches and after a
// host is removed, at most one refresh per interval while changes stream in, none while hidden.
#include "fleetchartswidget.h"

#include <QAbstractSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QGraphicsTextItem>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using lw::gui::FleetChartRow;
using lw::gui::FleetChartsWidget;

namespace {

// A fleet like a sweep delivers it: host i has a usage that is not in name order, every third host is
// over 85%, some hosts have no known usage, and findings spread unevenly.
FleetChartRow host(int i)
{
    FleetChartRow row;
    row.host = QStringLiteral("node-%1").arg(i, 4, 10, QLatin1Char('0'));
    row.dockerRootUsedRatio = i % 11 == 0 ? -1 : double((i * 37) % 100) / 100.0;
    if (i % 2 == 0)
        row.findingIds.append(QStringLiteral("index-disabled"));
    if (i % 5 == 0)
        row.findingIds.append(QStringLiteral("shadowed-overlay-mounts"));
    if (i % 7 == 0)
        row.findingIds.append(QStringLiteral("storage-driver-not-overlay2")); // the longest ID
    if (i % 13 == 0)
        row.findingIds.append(QStringLiteral("backing-fs-not-recommended"));
    return row;
}

// What the charts must show for `rows`, computed independently of the widget.
struct Expected
{
    QStringList hosts;      // fullest first, at most maxBars
    QStringList overHosts;  // those of `hosts` at or over the threshold
    QStringList findingIds; // most common first, ties by ID
    QList<int> findingCounts;
};

Expected expected(const QList<FleetChartRow> &rows, int maxBars, double threshold = 0.85)
{
    QList<FleetChartRow> known;
    for (const FleetChartRow &row : rows) {
        if (row.dockerRootUsedRatio >= 0)
            known.append(row);
    }
    std::sort(known.begin(), known.end(), [](const FleetChartRow &a, const FleetChartRow &b) {
        return a.dockerRootUsedRatio != b.dockerRootUsedRatio ? a.dockerRootUsedRatio > b.dockerRootUsedRatio
                                                              : a.host < b.host;
    });
    Expected e;
    for (int i = 0; i < std::min(maxBars, int(known.size())); ++i) {
        e.hosts.append(known.at(i).host);
        if (known.at(i).dockerRootUsedRatio >= threshold)
            e.overHosts.append(known.at(i).host);
    }
    QMap<QString, int> counts;
    for (const FleetChartRow &row : rows) {
        for (const QString &id : row.findingIds)
            ++counts[id];
    }
    QList<QPair<QString, int>> sorted;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[id, count] : sorted) {
        e.findingIds.append(id);
        e.findingCounts.append(count);
    }
    return e;
}

QList<QAbstractSeries *> allSeries(const FleetChartsWidget &charts)
{
    QList<QAbstractSeries *> series;
    for (QChartView *view : charts.findChildren<QChartView *>())
        series += view->chart()->series();
    return series;
}

QList<QAbstractAxis *> allAxes(const FleetChartsWidget &charts)
{
    QList<QAbstractAxis *> axes;
    for (QChartView *view : charts.findChildren<QChartView *>())
        axes += view->chart()->axes();
    return axes;
}

// The labels QtCharts drew, after it elided what did not fit (it elides with "...").
QStringList visibleLabels(const FleetChartsWidget &charts)
{
    QStringList labels;
    for (QChartView *view : charts.findChildren<QChartView *>()) {
        for (QGraphicsItem *item : view->scene()->items()) {
            if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                labels.append(text->toPlainText());
        }
    }
    return labels;
}

} // namespace

class TestFleetCharts : public QObject
{
    Q_OBJECT

private slots:
    void batchesThenRemoval();
    void coalescesWhileChangesStream();
    void hiddenDoesNoWork();
    void labelsNotElided();
};

void TestFleetCharts::batchesThenRemoval()
{
    FleetChartsWidget charts;
    charts.setMinRefreshInterval(0); // every setFleet shows at once: this test is about what is shown
    charts.setMaxBars(12);
    charts.resize(1000, 700);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    const QList<QAbstractSeries *> series = allSeries(charts);
    const QList<QAbstractAxis *> axes = allAxes(charts);
    QCOMPARE(series.size(), 3); // usage below/over (one stacked series), threshold line, findings
    QCOMPARE(axes.size(), 4);

    QList<FleetChartRow> fleet;
    for (int batch = 0; batch < 6; ++batch) {
        for (int i = 0; i < 25; ++i)
            fleet.append(host(batch * 25 + i + 1));
        charts.setFleet(fleet);
        const Expected e = expected(fleet, 12);
        QCOMPARE(charts.usageHosts(), e.hosts);
        QCOMPARE(charts.overThresholdHosts(), e.overHosts);
        QCOMPARE(charts.findingIds(), e.findingIds);
        QCOMPARE(charts.findingHostCounts(), e.findingCounts);
        const QList<double> percents = charts.usagePercents();
        QCOMPARE(percents.size(), e.hosts.size());
        QVERIFY(std::is_sorted(percents.rbegin(), percents.rend()));
        QTest::qWait(20); // let QtCharts lay out and paint between batches, as in a sweep
    }
    // Updated in place: the same series and axes throughout.
    QCOMPARE(allSeries(charts), series);
    QCOMPARE(allAxes(charts), axes);

    // The fullest host leaves the fleet (e.g. removed from the inventory).
    const QString fullest = charts.usageHosts().first();
    fleet.erase(
        std::remove_if(fleet.begin(), fleet.end(), [&](const FleetChartRow &r) { return r.host == fullest; }),
        fleet.end());
    charts.setFleet(fleet);
    const Expected e = expected(fleet, 12);
    QVERIFY(!charts.usageHosts().contains(fullest));
    QCOMPARE(charts.usageHosts(), e.hosts);
    QCOMPARE(charts.findingHostCounts(), e.findingCounts);

    // The bars are where the hosts are: clicking the top and the bottom one activates them.
    QSignalSpy spy(&charts, &FleetChartsWidget::hostActivated);
    QTest::qWait(50);
    for (int i : {0, int(charts.usageHosts().size()) - 1}) {
        QTest::mouseClick(charts.usageChartViewport(), Qt::LeftButton, {}, charts.usageBarCenter(i));
        QVERIFY(!spy.isEmpty());
        QCOMPARE(spy.takeLast().at(0).toString(), charts.usageHosts().at(i));
    }

    // Down to one host, then none.
    charts.setFleet({host(3)});
    QCOMPARE(charts.usageHosts(), QStringList{host(3).host});
    charts.setFleet({});
    QVERIFY(charts.usageHosts().isEmpty());
    QVERIFY(charts.findingIds().isEmpty());
    QCOMPARE(allSeries(charts), series);
}

void TestFleetCharts::coalescesWhileChangesStream()
{
    FleetChartsWidget charts;
    charts.resize(1000, 700);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QCOMPARE(charts.minRefreshInterval(), 1000);
    QTest::qWait(1100); // a quiet spell since the refresh of showing
    const int start = charts.refreshCount();

    // A sweep: a new batch every 100 ms for 2.5 s.
    QList<FleetChartRow> fleet;
    QElapsedTimer clock;
    clock.start();
    int batches = 0;
    while (clock.elapsed() < 2500) {
        for (int i = 0; i < 10; ++i)
            fleet.append(host(batches * 10 + i + 1));
        charts.setFleet(fleet);
        ++batches;
        if (batches == 1) // the first change after a quiet spell shows at once
            QCOMPARE(charts.refreshCount(), start + 1);
        QTest::qWait(100);
    }
    const int during = charts.refreshCount() - start;
    QVERIFY2(batches >= 5, qPrintable(QString::number(batches)));
    // At most one per second, plus the first: 2.5 s -> at most 4 (a slow machine only does fewer).
    QVERIFY2(during <= 1 + int(clock.elapsed() / 1000) + 1,
             qPrintable(QStringLiteral("%1 refreshes for %2 batches").arg(during).arg(batches)));
    QVERIFY2(during < batches,
             qPrintable(QStringLiteral("%1 refreshes for %2 batches").arg(during).arg(batches)));

    // The last batch shows within the interval without anyone reading the charts: reading them a second
    // later finds them up to date (no refresh on reading), and nothing else happens meanwhile.
    QTest::qWait(1200);
    const int settled = charts.refreshCount();
    QCOMPARE(charts.findingHostCounts(), expected(fleet, 40).findingCounts);
    QCOMPARE(charts.usageHosts(), expected(fleet, 40).hosts.mid(0, charts.usageHosts().size()));
    QCOMPARE(charts.refreshCount(), settled);
    QTest::qWait(1200);
    QCOMPARE(charts.refreshCount(), settled);

    // refreshNow (e.g. at the end of a sweep) does not wait for the interval.
    fleet.append(host(9999));
    charts.setFleet(fleet);
    charts.setFleet(fleet);
    charts.refreshNow();
    const int now = charts.refreshCount();
    QTest::qWait(1200);
    QCOMPARE(charts.refreshCount(), now);
}

void TestFleetCharts::hiddenDoesNoWork()
{
    QWidget window;
    auto *charts = new FleetChartsWidget(&window);
    window.resize(1000, 700);
    charts->resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    charts->hide();
    const int start = charts->refreshCount();

    QList<FleetChartRow> fleet;
    for (int batch = 0; batch < 20; ++batch) {
        for (int i = 0; i < 50; ++i)
            fleet.append(host(batch * 50 + i + 1));
        charts->setFleet(fleet);
        charts->setThreshold(batch % 2 ? 0.85 : 0.9);
        QTest::qWait(5);
    }
    QTest::qWait(1200);
    QCOMPARE(charts->refreshCount(), start); // hidden: nothing at all

    charts->show(); // once, with everything that came meanwhile
    QCOMPARE(charts->refreshCount(), start + 1);
    QTest::qWait(1200);
    QCOMPARE(charts->refreshCount(), start + 1);
    QCOMPARE(charts->findingHostCounts(), expected(fleet, 40).findingCounts);
    QCOMPARE(charts->usageHosts(), expected(fleet, 40).hosts.mid(0, charts->usageHosts().size()));
    QVERIFY(!charts->usageHosts().isEmpty());

    // A widget never shown does nothing until it is read.
    FleetChartsWidget never;
    never.setFleet(fleet);
    never.setFleet(fleet);
    QCOMPARE(never.refreshCount(), 0);
    QCOMPARE(never.usageHosts(), expected(fleet, 40).hosts);
    QCOMPARE(never.refreshCount(), 1);
}

void TestFleetCharts::labelsNotElided()
{
    // The console's proportions: a short, wide strip under the fleet table.
    FleetChartsWidget charts;
    charts.resize(1000, 280);
    QList<FleetChartRow> fleet;
    for (int i = 1; i <= 2000; ++i)
        fleet.append(host(i));
    charts.setFleet(fleet);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QTest::qWait(1200); // the usage chart labels as many hosts as its height allows, after its layout
    QVERIFY(!charts.usageHosts().isEmpty());
    QVERIFY(charts.usageHosts().size() < 40); // not all 40: they would not fit
    QTest::qWait(50);
    const QStringList labels = visibleLabels(charts);
    for (const QString &host : charts.usageHosts())
        QVERIFY2(labels.contains(host), qPrintable(host));
    for (const QString &id : charts.findingIds())
        QVERIFY2(labels.contains(id), qPrintable(id));
    for (const QString &label : labels)
        QVERIFY2(!label.contains(QLatin1String("...")), qPrintable(label));

    // Taller: more hosts fit, still readable.
    const int shortCount = int(charts.usageHosts().size());
    charts.resize(1000, 900);
    QTRY_VERIFY_WITH_TIMEOUT(charts.usageHosts().size() > shortCount, 3000);
    QTest::qWait(50);
    for (const QString &label : visibleLabels(charts))
        QVERIFY2(!label.contains(QLatin1String("...")), qPrintable(label));
}

QTEST_MAIN(TestFleetCharts)
#include "tst_fleetcharts.moc"
