// One fact, one function: the same snapshot rendered through the CLI's text and JSON reports, the fleet table
// and the host Overview says the same thing (the storage driver and its sources, the containers, every fact
// of hostFacts, the findings), for every demo capture and the captures of a real dockerd.
#include "capture.h"
#include "fleetmodel.h"
#include "hostdetailwidget.h"
#include "hostfacts.h"
#include "layeranalysis.h"
#include "report.h"
#include "rules.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace lw;
using namespace lw::gui;

class tst_OneFact : public QObject
{
    Q_OBJECT

private slots:
    void sameFactsEverywhere_data()
    {
        QTest::addColumn<QString>("dir");
        for (const QString &base :
             {QFINDTESTDATA("../../resources/demo"), QFINDTESTDATA("../core/data/realdocker")}) {
            QVERIFY(!base.isEmpty());
            const QDir d(base);
            for (const QString &host : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                QTest::newRow(qPrintable(host)) << d.filePath(host);
        }
    }

    void sameFactsEverywhere()
    {
        QFETCH(QString, dir);
        const CaptureReadResult read = readCapture(dir);
        QVERIFY2(read.ok(), qPrintable(read.error));
        HostReport report;
        report.host = read.capture.host;
        report.snapshot = buildSnapshot(read.capture);
        report.analysis = analyze(report.snapshot);
        const HostSnapshot &s = report.snapshot;

        const QString cli = hostTextReport(report);
        const QJsonObject json = hostReportJson(report);
        const HostRow row = makeHostRow(report.host, {}, HostStatus::Ok, std::make_shared<HostSnapshot>(s),
                                        std::make_shared<Analysis>(report.analysis));
        FleetModel model;
        model.upsertRows({row});
        HostDetailWidget detail;
        detail.setHost(s, report.analysis, {});
        const QString overview = detail.overviewText().simplified();

        // Every fact: the CLI prints it whole, the Overview shows its label and each of its lines.
        for (const HostFact &fact : hostFacts(s)) {
            QVERIFY2(
                cli.contains(fact.label + QLatin1String(": ") + fact.plainText(QStringLiteral("\n    "))),
                qPrintable(fact.key + QLatin1String(" | ") + cli));
            QVERIFY2(overview.contains(fact.label), qPrintable(fact.key));
            for (const QString &line : fact.plainText(QStringLiteral("\n")).split(QLatin1Char('\n')))
                QVERIFY2(overview.contains(line.simplified()),
                         qPrintable(fact.key + QLatin1String(": ") + line));
        }

        // The storage driver: one answer in the table, the JSON and the Overview.
        const StorageDriverFacts driver = storageDriverFacts(s);
        const QString tableDriver = model.index(0, FleetModel::DriverConfigured).data().toString();
        const QJsonObject jsonDriver = json.value(QLatin1String("storageDriver")).toObject();
        if (driver.configured.isEmpty()) {
            QVERIFY(jsonDriver.value(QLatin1String("configured")).isNull());
        } else {
            QVERIFY2(tableDriver.startsWith(driver.configured), qPrintable(tableDriver));
            QCOMPARE(jsonDriver.value(QLatin1String("configured")).toString(), driver.configured);
            for (const DriverSource &src : driver.effective())
                QVERIFY2(tableDriver.contains(src.where()),
                         qPrintable(tableDriver + QLatin1String(" | ") + src.where()));
        }
        QCOMPARE(jsonDriver.value(QLatin1String("sources")).toArray().size(), driver.sources.size());

        // The containers: the table's tooltip, the CLI and the Overview say the same.
        const QString containers = containerSummaryText(summarizeContainers(s));
        QCOMPARE(model.index(0, FleetModel::Containers).data(Qt::ToolTipRole).toString(), containers);
        QVERIFY(cli.contains(containers));
        QVERIFY(overview.contains(containers.simplified()));

        // The findings: the same IDs in the table, the JSON, the CLI and the Overview.
        QStringList ids;
        for (const Finding &f : report.analysis.findings) {
            ids.append(f.id);
            QVERIFY(cli.contains(QLatin1Char('(') + f.id + QLatin1Char(')')));
            QVERIFY2(overview.contains(f.id), qPrintable(f.id));
        }
        QStringList jsonIds;
        for (const QJsonValue &f : json.value(QLatin1String("findings")).toArray())
            jsonIds.append(f.toObject().value(QLatin1String("id")).toString());
        QCOMPARE(jsonIds, ids);
        QCOMPARE(model.index(0, 0).data(FleetModel::FindingIdsRole).toStringList(), ids);
    }
};

QTEST_MAIN(tst_OneFact)
#include "tst_onefact.moc"
