#include "auditlogviewer.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace lw::gui;

class tst_AuditLogViewer : public QObject
{
    Q_OBJECT

private slots:
    void loadsFileWithTornLastLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        // Three whole records and a torn fourth (a crash mid-write).
        const QString fixture = QFINDTESTDATA("data/audit-torn.jsonl");
        QVERIFY(!fixture.isEmpty());
        QVERIFY(QFile::copy(fixture, path));
        QFile f(path);
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));

        AuditLogViewer viewer(path);
        QAbstractItemModelTester tester(viewer.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(viewer.model()->rowCount(), 3);
        QVERIFY(viewer.tornLastLine());
        QVERIFY2(viewer.statusText().contains(QLatin1String("incomplete")), qPrintable(viewer.statusText()));
        QVERIFY(viewer.statusText().contains(QLatin1String("3 of 3")));

        // The columns an auditor reads.
        const QJsonObject started = viewer.model()->records().at(0);
        QCOMPARE(AuditLogModel::cellText(started, AuditLogModel::Hash), QStringLiteral("a6cfa35b37cb"));
        QCOMPARE(AuditLogModel::cellText(started, AuditLogModel::Approval),
                 QStringLiteral("typed-count (5) by alice"));
        QCOMPARE(AuditLogModel::cellText(viewer.model()->records().at(1), AuditLogModel::Exit),
                 QStringLiteral("0 (succeeded)"));
        QCOMPARE(AuditLogModel::cellText(viewer.model()->records().at(2), AuditLogModel::Verification),
                 QStringLiteral("gone"));

        viewer.setFilterText(QStringLiteral("NODE-2"));
        QCOMPARE(viewer.visibleCount(), 1);
        viewer.view()->setCurrentIndex(viewer.view()->model()->index(0, 0));
        QVERIFY(viewer.detailsText().contains(QLatin1String("\"durationMs\": 1200")));

        // Export what the filter shows.
        const QString jsonl = dir.filePath(QStringLiteral("out.jsonl"));
        QString error;
        QCOMPARE(viewer.exportTo(jsonl, &error), 1);
        QFile out(jsonl);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = out.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QLatin1String("host")).toString(),
                 QStringLiteral("node-2"));

        viewer.setFilterText(QString());
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(viewer.exportTo(csv, &error), 3);
        QFile c(csv);
        QVERIFY(c.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(c.readAll());
        QCOMPARE(text.count(QLatin1String("\r\n")), 4);
        QVERIFY(text.startsWith(
            QLatin1String("Time,User,Host,Event,Script,Hash,Mode,Approval,Exit,Verification")));
        // A host name that looks like a formula stays text in a spreadsheet.
        QVERIFY2(text.contains(QLatin1String("\"'=HYPERLINK(\"\"x\"\")\"")), qPrintable(text));

        // Reload sees a record appended later (the torn line completed).
        QVERIFY(f.open(QIODevice::Append));
        f.write("er\":\"alice\",\"state\":\"failed\",\"exitStatus\":3}\n");
        f.close();
        QVERIFY(viewer.reload());
        QCOMPARE(viewer.model()->rowCount(), 4);
        QVERIFY(!viewer.tornLastLine());
        QCOMPARE(viewer.exportTo(dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error), -1);
        QVERIFY(!error.isEmpty());
    }

    void missingFileIsReported()
    {
        AuditLogViewer viewer(QStringLiteral("/nonexistent/audit.jsonl"));
        QCOMPARE(viewer.model()->rowCount(), 0);
        QVERIFY(!viewer.statusText().isEmpty());
    }
};

QTEST_MAIN(tst_AuditLogViewer)
#include "tst_auditlogviewer.moc"
