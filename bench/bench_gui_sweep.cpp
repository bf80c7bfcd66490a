// How responsive the console stays while a 2,000-host sweep arrives: results are fed to the main window
// the way ProbeSweep delivers them (a batch every 100 ms, parsed and analysed already, as the workers do),
// while a 1 ms precise timer measures every gap of the GUI event loop. Prints the figures; not a test.
//   bench_gui_sweep [hosts=2000] [batch=50] [--no-charts] [--chart-height PX] [--shot FILE.png]
//   (QT_QPA_PLATFORM=offscreen, or under Xvfb; --shot saves the window as the sweep ends)
#include "capture.h"
#include "fleetchartswidget.h"
#include "hostsnapshot.h"
#include "mainwindow.h"
#include "probesweep.h"
#include "rules.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Numbers are positional, options may come anywhere ("--no-charts" alone used to be read as 0 hosts).
    QStringList positional;
    QString shotFile;
    bool noCharts = false;
    int chartHeight = 0; // 0: as the console lays it out (about 250 px of a 1000 px window)
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--no-charts"))
            noCharts = true;
        else if (args.at(i) == QLatin1String("--shot") && i + 1 < args.size())
            shotFile = args.at(++i);
        else if (args.at(i) == QLatin1String("--chart-height") && i + 1 < args.size())
            chartHeight = args.at(++i).toInt();
        else if (args.at(i).startsWith(QLatin1String("--"))) {
            fprintf(stderr, "bench_gui_sweep: unknown option %s\n", qPrintable(args.at(i)));
            return 2;
        } else
            positional.append(args.at(i));
    }
    const int hostCount = positional.size() > 0 ? std::max(1, positional.at(0).toInt()) : 2000;
    const int batchSize = positional.size() > 1 ? std::max(1, positional.at(1).toInt()) : 50;

    const QDir demo(QStringLiteral(LAYERWATCH_DEMO_DIR));
    QList<lw::RawCapture> captures;
    for (const QString &name : demo.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const lw::CaptureReadResult read = lw::readCapture(demo.filePath(name));
        if (read.ok())
            captures.append(read.capture);
    }
    if (captures.isEmpty()) {
        fprintf(stderr, "bench_gui_sweep: no demo captures in %s\n", LAYERWATCH_DEMO_DIR);
        return 2;
    }
    // What the workers hand over: parsed and analysed results.
    QList<lw::HostResult> results;
    results.reserve(hostCount);
    for (int i = 0; i < hostCount; ++i) {
        lw::HostResult r;
        r.target.name = QStringLiteral("node-%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        r.tags = {QStringLiteral("rack-%1").arg(i % 40)};
        r.status = lw::HostStatus::Ok;
        r.capture = captures.at(i % captures.size());
        r.capture.host = r.target.name;
        r.snapshot = lw::buildSnapshot(r.capture);
        r.analysis = lw::analyze(*r.snapshot);
        results.append(r);
    }

    QTemporaryDir data;
    lw::gui::MainWindowOptions options;
    options.dataDir = data.path();
    lw::gui::MainWindow window(options);
    window.resize(1600, 1000);
    window.show();
    if (chartHeight > 0) {
        // A taller chart labels more hosts (up to 40): the cost of many bars.
        if (auto *split = window.findChild<QSplitter *>(QStringLiteral("leftSplitter")))
            split->setSizes({std::max(100, 900 - chartHeight), chartHeight});
    }
    window.waitUntilIdle(10000);
    if (noCharts) {
        for (QWidget *charts : window.findChildren<lw::gui::FleetChartsWidget *>())
            charts->hide();
    }

    // The fleet charts alone: bringing them up to date for the whole fleet (all bars new, then every
    // value changed in place), each with the repaint that follows.
    auto *charts = window.findChild<lw::gui::FleetChartsWidget *>();
    qint64 chartsBuildNs = 0, chartsPaintNs = 0, chartsUpdateNs = 0;
    if (charts && !noCharts) {
        QList<lw::gui::FleetChartRow> rows;
        for (int i = 0; i < results.size(); ++i)
            rows.append({results.at(i).target.name, double(i % 100) / 100.0, {}, -1});
        QElapsedTimer t;
        t.start();
        charts->setFleet(rows);
        charts->refreshNow();
        chartsBuildNs = t.nsecsElapsed();
        t.restart();
        charts->repaint();
        chartsPaintNs = t.nsecsElapsed();
        for (auto &row : rows)
            row.dockerRootUsedRatio = std::min(1.0, row.dockerRootUsedRatio + 0.003);
        t.restart();
        charts->setFleet(rows);
        charts->refreshNow();
        QCoreApplication::sendPostedEvents(); // QtCharts lays out on a posted event
        charts->repaint();
        chartsUpdateNs = t.nsecsElapsed();
    }
    const int refreshesBefore = charts ? charts->refreshCount() : 0;

    QElapsedTimer clock;
    qint64 last = -1;
    QList<qint64> gaps;
    qsizetype p99Window = -1;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            gaps.append(now - last);
        last = now;
    });

    int fed = 0;
    qint64 slowestBatchNs = 0;
    QTimer feeder;
    feeder.setInterval(100);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        if (fed >= results.size()) {
            feeder.stop();
            // p99 is taken over the sweep and 500 ms after it (as before the charts coalesced their
            // updates); the worst gap also covers the next second, in which the charts' last (coalesced)
            // refresh and repaint happen.
            QTimer::singleShot(500, &app, [&] { p99Window = gaps.size(); });
            QTimer::singleShot(1500, &app, [&] {
                if (!shotFile.isEmpty() && !window.grab().save(shotFile))
                    fprintf(stderr, "bench_gui_sweep: could not save %s\n", qPrintable(shotFile));
                app.quit();
            });
            return;
        }
        const QList<lw::HostResult> batch = results.mid(fed, batchSize);
        fed += int(batch.size());
        QElapsedTimer t;
        t.start();
        window.onSweepResults(batch);
        slowestBatchNs = std::max(slowestBatchNs, t.nsecsElapsed());
    });
    clock.start();
    tick.start();
    feeder.start();
    app.exec();

    QList<qint64> windowGaps = p99Window >= 0 ? gaps.mid(0, p99Window) : gaps;
    std::sort(windowGaps.begin(), windowGaps.end());
    std::sort(gaps.begin(), gaps.end());
    auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    const qint64 p99 =
        windowGaps.isEmpty()
            ? 0
            : windowGaps.at(std::min(qsizetype(windowGaps.size() - 1), windowGaps.size() * 99 / 100));
    const qint64 worst = gaps.isEmpty() ? 0 : gaps.last();
    const int over50 =
        int(std::count_if(gaps.cbegin(), gaps.cend(), [](qint64 g) { return g > 50'000'000; }));
    printf("bench_gui_sweep: %d hosts in batches of %d every 100 ms, platform %s, fleet charts %s\n",
           hostCount, batchSize, qPrintable(QGuiApplication::platformName()), noCharts ? "hidden" : "shown");
    printf("  rows in the table        %d\n", window.fleetModel()->rowCount());
    if (charts && !noCharts)
        printf("  hosts in the usage chart %lld\n", static_cast<long long>(charts->usageHosts().size()));
    printf("  event-loop gaps measured %lld\n", static_cast<long long>(gaps.size()));
    printf("  gap p99                  %.1f ms\n", ms(p99));
    printf("  gap worst                %.1f ms (target: no stall over 50 ms)\n", ms(worst));
    printf("  gaps over 50 ms          %d\n", over50);
    printf("  slowest batch handling   %.1f ms\n", ms(slowestBatchNs));
    if (!noCharts && charts) {
        printf("  fleet charts first build %.1f ms, repaint %.1f ms (%d hosts)\n", ms(chartsBuildNs),
               ms(chartsPaintNs), hostCount);
        printf("  fleet charts update      %.1f ms (every bar changed, with layout and repaint)\n",
               ms(chartsUpdateNs));
        printf("  fleet charts refreshes   %d during the sweep\n", charts->refreshCount() - refreshesBefore);
    }
    return 0;
}
