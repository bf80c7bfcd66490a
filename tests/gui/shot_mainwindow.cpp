// Shows the whole console as a user starts it, for looking at it and for the screenshots in
// docs/screenshots/. Not a test: run it under Xvfb (or -platform offscreen) with --out to save a grab.
//   shot_mainwindow [--demo DIR | --data-dir DIR [--inventory FILE]] [--lang zh_CN] [--switch-lang en]
//                   [--size 1024x700] [--select HOST] [--tab 0..3] [--probe] [--wait-ms N] --out x.png
#include "hostdetailwidget.h"
#include "i18n.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption demo(QStringLiteral("demo"), QStringLiteral("demo captures"),
                                  QStringLiteral("dir"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("data dir"),
                                     QStringLiteral("dir"));
    const QCommandLineOption inventory(QStringLiteral("inventory"), QStringLiteral("inventory"),
                                       QStringLiteral("file"));
    const QCommandLineOption knownHosts(QStringLiteral("known-hosts"), QStringLiteral("known_hosts"),
                                        QStringLiteral("file"));
    const QCommandLineOption sshConfig(QStringLiteral("ssh-config"), QStringLiteral("ssh config"),
                                       QStringLiteral("file"));
    const QCommandLineOption identity(QStringLiteral("identity"), QStringLiteral("key"),
                                      QStringLiteral("file"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("language"), QStringLiteral("lang"));
    const QCommandLineOption switchLang(QStringLiteral("switch-lang"), QStringLiteral("switch once shown"),
                                        QStringLiteral("lang"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("size"),
                                  QStringLiteral("1280x800"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("host"), QStringLiteral("host"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("detail tab"), QStringLiteral("n"));
    const QCommandLineOption probe(QStringLiteral("probe"), QStringLiteral("probe all"));
    const QCommandLineOption waitMs(QStringLiteral("wait-ms"), QStringLiteral("wait before the grab"),
                                    QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG"), QStringLiteral("png"));
    parser.addOptions({demo, dataDir, inventory, knownHosts, sshConfig, identity, lang, switchLang, size,
                       select, tab, probe, waitMs, out});
    parser.process(app);
    lw::gui::MainWindow::switchLanguage(parser.value(lang));

    lw::gui::MainWindowOptions options;
    options.demo = parser.isSet(demo);
    options.demoDir = parser.isSet(demo) ? parser.value(demo) : QStringLiteral(LAYERWATCH_DEMO_DIR);
    options.dataDir = parser.value(dataDir);
    options.inventoryFile = parser.value(inventory);
    options.knownHostsFile = parser.value(knownHosts);
    options.sshConfigFile = parser.value(sshConfig);
    options.identityFiles = parser.values(identity);
    lw::gui::MainWindow window(options);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    window.waitUntilIdle(30000);
    if (parser.isSet(probe)) {
        window.probeAllWhenReady();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
            bool pending = false;
            for (const lw::gui::HostRow &r : window.fleetModel()->hostRows())
                pending =
                    pending || r.status == lw::HostStatus::NotProbed || lw::isPendingHostStatus(r.status);
            if (!pending)
                break;
        }
        window.waitUntilIdle(30000);
    }
    if (parser.isSet(select))
        window.selectHost(parser.value(select));
    if (parser.isSet(tab))
        window.hostDetail()->tabs()->setCurrentIndex(parser.value(tab).toInt());
    if (parser.isSet(switchLang)) {
        QCoreApplication::processEvents();
        lw::gui::MainWindow::switchLanguage(parser.value(switchLang));
        QCoreApplication::processEvents();
        window.waitUntilIdle(30000);
    }
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < parser.value(waitMs).toInt())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::printf("window %dx%d\n", window.width(), window.height());
    if (parser.isSet(out)) {
        window.grab().save(parser.value(out));
        return 0;
    }
    return app.exec();
}
