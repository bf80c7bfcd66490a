// Shows the host detail panel (or the fleet charts) on a capture, for looking at it and for the
// screenshots in docs/screenshots/. Not a test: run it under Xvfb, or with --out to save a grab.
//   shot_hostdetail --capture resources/demo/euler-node-07 [--lang zh_CN] [--tab 0..3] [--mount ID]
//                   [--docker-root-only] [--fleet resources/demo] [--out x.png] [--seconds N]
//                   [--unchanged ID,ID]   (as if a refresh had reported these probes unchanged)
#include "fleetchartswidget.h"
#include "hostdetailwidget.h"
#include "mountgraphview.h"

#include "capture.h"
#include "hostsnapshot.h"
#include "i18n.h"
#include "rules.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption captureOption(QStringLiteral("capture"), QStringLiteral("capture directory"),
                                           QStringLiteral("dir"));
    const QCommandLineOption fleetOption(QStringLiteral("fleet"),
                                         QStringLiteral("show the fleet charts of a capture set"),
                                         QStringLiteral("dir"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("language"),
                                        QStringLiteral("lang"));
    const QCommandLineOption tabOption(QStringLiteral("tab"), QStringLiteral("tab index"),
                                       QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption mountOption(QStringLiteral("mount"), QStringLiteral("mount ID to select"),
                                         QStringLiteral("id"));
    const QCommandLineOption dockerOnlyOption(QStringLiteral("docker-root-only"),
                                              QStringLiteral("filter the graph"));
    const QCommandLineOption zoomOption(QStringLiteral("zoom"), QStringLiteral("graph zoom factor"),
                                        QStringLiteral("z"), QStringLiteral("1"));
    const QCommandLineOption fitOption(QStringLiteral("fit"), QStringLiteral("fit the mount graph"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("save a PNG and quit"),
                                       QStringLiteral("png"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("quit after N seconds"),
                                           QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption unchangedOption(QStringLiteral("unchanged"),
                                             QStringLiteral("probe IDs a refresh reported unchanged"),
                                             QStringLiteral("ids"));
    parser.addOption(unchangedOption);
    parser.addOptions({captureOption, fleetOption, langOption, tabOption, mountOption, dockerOnlyOption,
                       fitOption, zoomOption, outOption, secondsOption});
    parser.process(app);
    lw::installTranslations(parser.value(langOption));

    QWidget *shown = nullptr;
    if (parser.isSet(fleetOption)) {
        const lw::CaptureSetReadResult set = lw::readCaptures(parser.value(fleetOption));
        QList<lw::gui::FleetChartRow> rows;
        for (const lw::RawCapture &capture : set.captures) {
            const lw::HostSnapshot snapshot = lw::buildSnapshot(capture);
            const lw::Analysis analysis = lw::analyze(snapshot);
            lw::gui::FleetChartRow row;
            row.host = snapshot.host;
            if (snapshot.disks.isOk()) {
                if (const lw::DiskUsage *fs = snapshot.disks.value.filesystemOf(snapshot.dockerRoot()))
                    row.dockerRootUsedRatio = fs->usedRatio();
            }
            for (const lw::Finding &f : analysis.findings)
                row.findingIds << f.id;
            const auto worst = analysis.worstSeverity();
            row.worstSeverity = worst ? int(*worst) : -1;
            rows << row;
        }
        auto *charts = new lw::gui::FleetChartsWidget;
        charts->setFleet(rows);
        QObject::connect(charts, &lw::gui::FleetChartsWidget::hostActivated,
                         [](const QString &host) { std::printf("hostActivated %s\n", qPrintable(host)); });
        shown = charts;
    } else {
        const lw::CaptureReadResult read = lw::readCapture(parser.value(captureOption));
        if (!read.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(read.error));
            return 2;
        }
        lw::RawCapture capture = read.capture;
        if (parser.isSet(unchangedOption))
            capture.unchanged = parser.value(unchangedOption).split(QLatin1Char(','));
        const lw::HostSnapshot snapshot = lw::buildSnapshot(capture);
        const lw::Analysis analysis = lw::analyze(snapshot);
        // Demo history: ten probes over the past days growing towards today's usage.
        QList<lw::DiskHistoryPoint> history;
        if (snapshot.disks.isOk()) {
            if (const lw::DiskUsage *fs = snapshot.disks.value.filesystemOf(snapshot.dockerRoot())) {
                for (int i = 9; i >= 0; --i) {
                    const qint64 used = fs->used - qint64(double(fs->used) * 0.03 * i);
                    history.append(
                        {read.capture.collectedAt.addSecs(-6 * 3600 * i), fs->size, used, fs->size - used});
                }
            }
        }
        auto *detail = new lw::gui::HostDetailWidget;
        detail->setHost(snapshot, analysis, history);
        detail->tabs()->setCurrentIndex(parser.value(tabOption).toInt());
        if (parser.isSet(dockerOnlyOption)) {
            for (QCheckBox *box : detail->findChildren<QCheckBox *>()) {
                if (box->objectName() == QLatin1String("dockerRootOnly"))
                    box->setChecked(true);
            }
        }
        if (parser.isSet(mountOption)) {
            const int tab = detail->tabs()->currentIndex();
            const int mount = parser.value(mountOption).toInt();
            detail->showMount(mount);
            detail->tabs()->setCurrentIndex(tab);
            const double zoom = parser.value(zoomOption).toDouble();
            QTimer::singleShot(300, detail, [detail, mount, zoom] {
                lw::gui::MountGraphView *graph = detail->mountGraph();
                graph->scale(zoom, zoom);
                const int cover = graph->coverOfNode(mount);
                graph->centerOn(cover < 0 ? graph->nodeCenter(mount)
                                          : (graph->nodeCenter(mount) + graph->nodeCenter(cover)) / 2);
            });
        }
        shown = detail;
    }
    shown->resize(1560, 940);
    shown->move(20, 20);
    shown->show();

    if (auto *detail = qobject_cast<lw::gui::HostDetailWidget *>(shown); detail && parser.isSet(fitOption))
        QTimer::singleShot(200, detail, [detail] { detail->mountGraph()->fitAll(); });
    const QString out = parser.value(outOption);
    const int seconds = parser.value(secondsOption).toInt();
    QTimer::singleShot(out.isEmpty() ? seconds * 1000 : 800, &app, [&] {
        if (!out.isEmpty() && !shown->grab().save(out))
            std::fprintf(stderr, "cannot save %s\n", qPrintable(out));
        if (!out.isEmpty() || seconds > 0)
            app.quit();
    });
    const int rc = app.exec();
    delete shown;
    return rc;
}
