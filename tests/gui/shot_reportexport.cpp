// Not a test: File > Export report over the demo fleet, after an HTML export, grabbed as a PNG for the
// screenshots in docs/screenshots/ (report-export-<lang>.png).
// Usage: shot_reportexport OUT.png [--lang zh_CN]
#include "capture.h"
#include "fleetmodel.h"
#include "i18n.h"
#include "reportexportdialog.h"
#include "rules.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLocale>

using namespace lw;
using namespace lw::gui;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int langIndex = args.indexOf(QStringLiteral("--lang"));
    const QString language = langIndex > 0 ? args.value(langIndex + 1) : QStringLiteral("en");
    installTranslations(language);
    if (args.size() < 2)
        return 2;

    FleetModel model;
    const CaptureSetReadResult demo = readCaptures(QStringLiteral(LAYERWATCH_DEMO_DIR));
    QList<HostRow> rows;
    for (const RawCapture &c : demo.captures) {
        auto snapshot = std::make_shared<const HostSnapshot>(buildSnapshot(c));
        auto analysis = std::make_shared<const Analysis>(lw::analyze(*snapshot));
        rows.append(makeHostRow(c.host, {}, HostStatus::Ok, snapshot, analysis));
    }
    model.upsertRows(rows);

    ReportExportDialog dialog(&model);
    dialog.resize(620, 260);
    const QString path = QDir::temp().filePath(QStringLiteral("layerwatch-report-20261206.html"));
    dialog.setFilePath(path);
    dialog.show();
    QEventLoop loop;
    QObject::connect(&dialog, &ReportExportDialog::exportFinished, &loop, &QEventLoop::quit);
    dialog.startExport();
    loop.exec();
    QFile::remove(path);
    QCoreApplication::processEvents();
    return dialog.grab().save(args.at(1)) ? 0 : 1;
}
