// How responsive the console stays while a 2,000-host sweep arrives: results are fed to the main window
// the way ProbeSweep delivers them (a batch every 100 ms, parsed and analysed already, as the workers do),
// while a 1 ms precise timer measures every gap of the GUI event loop. Prints the figures; not a test.
//   bench_gui_sweep [hosts=2000] [batch=50] [--no-charts]   (QT_QPA_PLATFORM=offscreen, or under Xvfb)
#include "capture.h"
#include "fleetchartswidget.h"
#include "hostsnapshot.h"
#include "mainwindow.h"
#include "probesweep.h"
#include "rules.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int hostCount = argc > 1 ? std::max(1, atoi(argv[1])) : 2000;
    const int batchSize = argc > 2 ? std::max(1, atoi(argv[2])) : 50;

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
        r.status = QStringLiteral("ok");
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
    window.waitUntilIdle(10000);
    const bool noCharts = app.arguments().contains(QStringLiteral("--no-charts"));
    if (noCharts) {
        for (QWidget *charts : window.findChildren<lw::gui::FleetChartsWidget *>())
            charts->hide();
    }

    // The fleet charts alone: rebuilding them for the whole fleet, and repainting them.
    qint64 chartsBuildNs = 0, chartsPaintNs = 0;
    if (auto *charts = window.findChild<lw::gui::FleetChartsWidget *>(); charts && !noCharts) {
        QList<lw::gui::FleetChartRow> rows;
        for (int i = 0; i < results.size(); ++i)
            rows.append({results.at(i).target.name, double(i % 100) / 100.0, {}, -1});
        QElapsedTimer t;
        t.start();
        charts->setFleet(rows);
        chartsBuildNs = t.nsecsElapsed();
        t.restart();
        charts->repaint();
        chartsPaintNs = t.nsecsElapsed();
    }

    QElapsedTimer clock;
    qint64 last = -1;
    QList<qint64> gaps;
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
            QTimer::singleShot(500, &app, &QApplication::quit); // let the last repaint happen
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

    std::sort(gaps.begin(), gaps.end());
    auto ms = [](qint64 ns) { return double(ns) / 1e6; };
    const qint64 p99 =
        gaps.isEmpty() ? 0 : gaps.at(std::min(qsizetype(gaps.size() - 1), gaps.size() * 99 / 100));
    const qint64 worst = gaps.isEmpty() ? 0 : gaps.last();
    const int over50 =
        int(std::count_if(gaps.cbegin(), gaps.cend(), [](qint64 g) { return g > 50'000'000; }));
    printf("bench_gui_sweep: %d hosts in batches of %d every 100 ms, platform %s, fleet charts %s\n",
           hostCount, batchSize, qPrintable(QGuiApplication::platformName()), noCharts ? "hidden" : "shown");
    printf("  rows in the table        %d\n", window.fleetModel()->rowCount());
    printf("  event-loop gaps measured %lld\n", static_cast<long long>(gaps.size()));
    printf("  gap p99                  %.1f ms\n", ms(p99));
    printf("  gap worst                %.1f ms (target: no stall over 50 ms)\n", ms(worst));
    printf("  gaps over 50 ms          %d\n", over50);
    printf("  slowest batch handling   %.1f ms\n", ms(slowestBatchNs));
    if (!noCharts)
        printf("  fleet charts rebuild     %.1f ms, repaint %.1f ms (%d hosts)\n", ms(chartsBuildNs),
               ms(chartsPaintNs), hostCount);
    return 0;
}
