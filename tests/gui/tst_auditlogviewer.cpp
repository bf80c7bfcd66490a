#include "auditlogviewer.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSet>
#include <QSortFilterProxyModel>
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
                 QStringLiteral("host count typed in the dialog (typed: 5), by alice"));
        QCOMPARE(AuditLogModel::cellText(viewer.model()->records().at(1), AuditLogModel::Exit),
                 QStringLiteral("0 (succeeded)"));
        QCOMPARE(AuditLogModel::cellText(viewer.model()->records().at(2), AuditLogModel::Verification),
                 QStringLiteral("finding gone"));

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

    void filterMatchesTheCellsAndWaitsForTyping()
    {
        // 300 generated records: the viewer's filter keeps exactly the rows whose cell texts (any column,
        // ignoring case) contain the text, as Qt's own fixed-string filter over all columns does - from the
        // texts it keeps per row, not by formatting every cell again.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 300; ++i) {
            QJsonObject r{
                {QStringLiteral("time"), QStringLiteral("2026-11-%1T0%2:1%3:00.000Z")
                                             .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                                             .arg(i % 10)
                                             .arg(i % 7)},
                {QStringLiteral("user"), i % 3 ? QStringLiteral("alice") : QStringLiteral("Bob")},
                {QStringLiteral("host"), QStringLiteral("node-%1").arg(i % 40)},
                {QStringLiteral("event"), i % 2 ? QStringLiteral("finished") : QStringLiteral("started")},
                {QStringLiteral("script"), QStringLiteral("fix-shadowed-mounts")},
                {QStringLiteral("seq"), i}};
            if (i % 2) {
                r.insert(QStringLiteral("exitStatus"), i % 5);
                r.insert(QStringLiteral("state"),
                         i % 5 ? QStringLiteral("failed") : QStringLiteral("succeeded"));
            }
            if (i % 11 == 0)
                r.insert(QStringLiteral("exitSignal"), QStringLiteral("KILL"));
            file.write(QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n');
        }
        file.close();
        AuditLogViewer viewer(path);
        QCOMPARE(viewer.model()->rowCount(), 300);
        QSortFilterProxyModel reference;
        reference.setSourceModel(viewer.model());
        reference.setFilterKeyColumn(-1);
        reference.setFilterCaseSensitivity(Qt::CaseInsensitive);
        const QStringList needles{QStringLiteral("node-1"),
                                  QStringLiteral("NODE-17"),
                                  QStringLiteral("bob"),
                                  QStringLiteral("signal kill"),
                                  QStringLiteral("0 (SUCC"),
                                  QStringLiteral("11-05"),
                                  QStringLiteral("node-1finished"),
                                  QStringLiteral("nothing like it"),
                                  QStringLiteral("node-3") + AuditLogModel::kSearchSeparator};
        for (const QString &needle : needles) {
            viewer.setFilterText(needle);
            reference.setFilterFixedString(needle);
            QCOMPARE(viewer.visibleCount(), reference.rowCount());
            QSet<QByteArray> want; // each record whole (with its sequence number: no two alike)
            for (int row = 0; row < reference.rowCount(); ++row)
                want.insert(
                    QJsonDocument(reference.index(row, 0).data(AuditLogModel::RecordRole).toJsonObject())
                        .toJson(QJsonDocument::Compact));
            QSet<QByteArray> got;
            for (const QJsonObject &r : viewer.visibleRecords())
                got.insert(QJsonDocument(r).toJson(QJsonDocument::Compact));
            QCOMPARE(got, want);
        }
        QVERIFY(viewer.visibleCount() == 0); // the separator is in no cell

        // The details pane follows a current record that a filter hides.
        viewer.setFilterText(QStringLiteral("node-5"));
        viewer.view()->setCurrentIndex(viewer.view()->model()->index(0, 0));
        QVERIFY(viewer.detailsText().contains(QLatin1String("node-5")));
        viewer.setFilterText(QStringLiteral("node-6"));
        QVERIFY2(!viewer.detailsText().contains(QLatin1String("node-5")), qPrintable(viewer.detailsText()));

        // Typed: the rows follow once the keys pause, not at every key.
        viewer.setFilterText(QString());
        auto *edit = viewer.findChild<QLineEdit *>(QStringLiteral("auditFilter"));
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("node-2"));
        if (!qEnvironmentVariableIsSet("QTEST_KEYEVENT_DELAY")) // slow keys would reach the pause
            QCOMPARE(viewer.visibleCount(), 300);
        reference.setFilterFixedString(QStringLiteral("node-2"));
        QTRY_COMPARE(viewer.visibleCount(), reference.rowCount());
        QVERIFY(reference.rowCount() < 300);
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
