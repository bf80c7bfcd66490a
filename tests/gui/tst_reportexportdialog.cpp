// File > Export report: the same report as the CLI's, rendered off the GUI thread with a progress bar,
// written whole or not at all, cancellable.
#include "capture.h"
#include "capturearchive.h"
#include "fleetmodel.h"
#include "fleetreport.h"
#include "reportexportdialog.h"
#include "rules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lw;
using namespace lw::gui;

class tst_reportexportdialog : public QObject
{
    Q_OBJECT

private:
    static QList<HostRow> demoRows(int copies = 1)
    {
        const CaptureSetReadResult set = readCaptures(QFINDTESTDATA("../../resources/demo"));
        QList<HostRow> rows;
        for (int i = 0; i < copies; ++i) {
            for (const RawCapture &c : set.captures) {
                auto snapshot = std::make_shared<const HostSnapshot>(buildSnapshot(c));
                auto analysis = std::make_shared<const Analysis>(lw::analyze(*snapshot));
                const QString host = copies == 1 ? c.host : c.host + QLatin1Char('-') + QString::number(i);
                rows.append(makeHostRow(host, {}, HostStatus::Ok, snapshot, analysis));
            }
        }
        return rows;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void exportsTheSameReportAsTheCli_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("html") << int(ReportFormat::Html);
        QTest::newRow("csv") << int(ReportFormat::Csv);
        QTest::newRow("json") << int(ReportFormat::Json);
    }

    void exportsTheSameReportAsTheCli()
    {
        QFETCH(int, format);
        FleetModel model;
        model.upsertRows(demoRows());
        ReportExportDialog dialog(&model);
        QTemporaryDir tmp;
        dialog.setFormat(ReportFormat(format));
        const QString path = tmp.filePath(QStringLiteral("report"));
        dialog.setFilePath(path);
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(dialog.progressValue(), 4);
        QCOMPARE(dialog.progressMaximum(), 4);
        // the same bytes as core renders for the same hosts (HTML: but for its time stamp)
        QList<HostReport> reports;
        for (const HostRow &row : model.hostRows()) {
            HostReport r;
            r.host = row.host;
            r.snapshot = *row.snapshot;
            r.analysis = *row.analysis;
            reports.append(r);
        }
        const QByteArray written = readAll(path);
        switch (ReportFormat(format)) {
        case ReportFormat::Csv:
            QCOMPARE(written, csvReport(reports));
            break;
        case ReportFormat::Json:
            QCOMPARE(written, jsonReport(reports));
            break;
        default: {
            static const QRegularExpression stamp(
                QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</p>"));
            QString a = QString::fromUtf8(written), b = QString::fromUtf8(htmlReport(reports));
            QCOMPARE(a.replace(stamp, QString()), b.replace(stamp, QString()));
        }
        }
    }

    // The captures of every probed host as one archive, as layerwatch-cli archive: analyze reads it back.
    void exportsTheCapturesForATicket()
    {
        FleetModel model;
        model.upsertRows(demoRows());
        model.addHosts({{QStringLiteral("never-probed"), {}}});
        ReportExportDialog dialog(&model);
        QTemporaryDir tmp;
        dialog.setFilePath(tmp.filePath(QStringLiteral("fleet.html")));
        dialog.setCaptureArchive(true);
        QVERIFY(dialog.isCaptureArchive());
        QCOMPARE(dialog.filePath(), tmp.filePath(QStringLiteral("fleet.tar")));
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        const CaptureSetReadResult read = readCaptureSource(dialog.filePath());
        QVERIFY2(read.ok(), qPrintable(read.errors.join(QLatin1Char('\n'))));
        QCOMPARE(read.captures.size(), 4); // the host never probed has no capture
        const CaptureSetReadResult demo = readCaptures(QFINDTESTDATA("../../resources/demo"));
        for (qsizetype i = 0; i < demo.captures.size(); ++i) {
            QCOMPARE(read.captures.at(i).host, demo.captures.at(i).host);
            QCOMPARE(read.captures.at(i).probes.keys(), demo.captures.at(i).probes.keys());
        }
    }

    void cancelWritesNothing()
    {
        FleetModel model;
        model.upsertRows(demoRows(500)); // 2,000 hosts
        ReportExportDialog dialog(&model);
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("big.html"));
        dialog.setFilePath(path);
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.startExport();
        dialog.reject(); // Cancel while it runs
        QVERIFY(finished.wait(60000));
        // Cancel is seen before the next host: 2,000 hosts take far longer than that to render
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(1).toString().contains(QLatin1String("Cancelled")));
        QVERIFY(!QFile::exists(path));
        QVERIFY(dialog.progressValue() < 2000);
        QVERIFY(!dialog.isRunning());
    }

    void progressFollowsABigFleet()
    {
        FleetModel model;
        model.upsertRows(demoRows(250)); // 1,000 hosts
        ReportExportDialog dialog(&model);
        QTemporaryDir tmp;
        dialog.setFormat(ReportFormat::Csv);
        dialog.setFilePath(tmp.filePath(QStringLiteral("big.csv")));
        QSignalSpy finished(&dialog, &ReportExportDialog::exportFinished);
        dialog.startExport();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.progressValue(), 1000);
        QVERIFY(finished.at(0).at(0).toBool());
    }

    void menuEntryFollowsTheLanguage()
    {
        QMainWindow window;
        FleetModel model;
        QMenu *file = window.menuBar()->addMenu(QStringLiteral("File"));
        QAction *quit = file->addAction(QStringLiteral("Quit"));
        QAction *entry = ReportExportDialog::addMenuEntry(file, quit, &window, &model);
        QCOMPARE(file->actions().indexOf(entry), 0);
        QCOMPARE(entry->text(), QStringLiteral("&Export report..."));
        entry->setText(QString());
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&window, &change);
        QCOMPARE(entry->text(), QStringLiteral("&Export report..."));
    }
};

QTEST_MAIN(tst_reportexportdialog)
#include "tst_reportexportdialog.moc"
