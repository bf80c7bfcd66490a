// The fleet report in HTML and CSV (and the summary and charts they share): the same hosts, findings,
// evidence and repairs as the JSON report, every host string escaped, spreadsheets not handed formulas.
#include "capture.h"
#include "fleetreport.h"
#include "report.h"
#include "rules.h"
#include "svgchart.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace lw;

class tst_fleetreport : public QObject
{
    Q_OBJECT

private:
    static QList<HostReport> demoFleet()
    {
        const CaptureSetReadResult set = readCaptures(QFINDTESTDATA("../../resources/demo"));
        if (set.captures.size() != 4)
            qFatal("fixture: the demo fleet");
        QList<HostReport> reports;
        for (const RawCapture &c : set.captures) {
            HostReport r;
            r.host = c.host;
            r.snapshot = buildSnapshot(c);
            r.analysis = analyze(r.snapshot);
            reports.append(r);
        }
        HostReport down;
        down.host = QStringLiteral("down-01");
        down.status = HostStatus::Unreachable;
        down.error = QStringLiteral("connection refused");
        reports.append(down);
        return reports;
    }

    // RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
    static QList<QStringList> parseCsv(const QByteArray &bytes)
    {
        QString text = QString::fromUtf8(bytes);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        QList<QStringList> rows;
        QStringList row;
        QString cell;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else if (c == QLatin1Char('"')) {
                    quoted = false;
                } else {
                    cell += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                row.append(cell);
                cell.clear();
            } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
                row.append(cell);
                cell.clear();
                rows.append(row);
                row.clear();
                ++i;
            } else {
                cell += c;
            }
        }
        return rows;
    }

    static bool wellFormedXml(const QByteArray &bytes)
    {
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd())
            xml.readNext();
        return !xml.hasError();
    }

private slots:
    void summaryCountsHostsStatusesAndFindings()
    {
        const QList<HostReport> reports = demoFleet();
        FleetSummary summary;
        for (const HostReport &r : reports)
            summary.add(r);
        QCOMPARE(summary.hostCount(), 5);
        int byHealth = 0;
        for (const auto &entry : summary.byHealth())
            byHealth += entry.second;
        QCOMPARE(byHealth, 5);
        QVERIFY(summary.byHealth().contains(qMakePair(HostHealth::NotProbed, 1)));
        QCOMPARE(summary.byStatus().constFirst(), qMakePair(HostStatus::Unreachable, 1)); // attention first
        // every (host, finding) of the reports is in the tally, and nothing else
        QSet<QString> expected, tallied;
        for (const HostReport &r : reports) {
            for (const Finding &f : r.analysis.findings)
                expected.insert(r.host + QLatin1Char('/') + f.id);
        }
        const QList<FindingTally> tallies = summary.byFinding();
        for (const FindingTally &t : tallies) {
            for (const QString &host : t.hosts)
                tallied.insert(host + QLatin1Char('/') + t.id);
        }
        QCOMPARE(tallied, expected);
        for (qsizetype i = 1; i < tallies.size(); ++i)
            QVERIFY(int(tallies.at(i - 1).severity) >= int(tallies.at(i).severity));
        QVERIFY(!summary.dockerRootUsage().isEmpty());
    }

    void csvHasEveryFindingOfTheJsonReport()
    {
        const QList<HostReport> reports = demoFleet();
        const QByteArray csv = csvReport(reports);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = parseCsv(csv);
        QVERIFY(rows.size() > 1);
        const qsizetype columns = rows.constFirst().size();
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), columns);
        const QJsonArray hosts =
            QJsonDocument::fromJson(jsonReport(reports)).object().value(QLatin1String("hosts")).toArray();
        int findings = 0;
        for (const QJsonValue &hv : hosts) {
            const QJsonObject host = hv.toObject();
            const QJsonArray list = host.value(QLatin1String("findings")).toArray();
            if (list.isEmpty()) {
                QVERIFY(std::any_of(rows.begin() + 1, rows.end(), [&](const QStringList &row) {
                    return row.at(0) == host.value(QLatin1String("host")).toString() && row.at(4).isEmpty();
                }));
            }
            for (const QJsonValue &fv : list) {
                const QJsonObject f = fv.toObject();
                QStringList evidence;
                for (const QJsonValue &e : f.value(QLatin1String("evidence")).toArray())
                    evidence.append(e.toString());
                ++findings;
                QVERIFY2(std::any_of(rows.begin() + 1, rows.end(),
                                     [&](const QStringList &row) {
                                         return row.at(0) == host.value(QLatin1String("host")).toString() &&
                                                row.at(4) == f.value(QLatin1String("id")).toString() &&
                                                row.at(5) == f.value(QLatin1String("severity")).toString() &&
                                                row.at(8) == evidence.join(QLatin1Char('\n')) &&
                                                row.at(9) == f.value(QLatin1String("remediation")).toString();
                                     }),
                         qPrintable(f.value(QLatin1String("id")).toString()));
            }
        }
        QVERIFY(findings > 3);
        QCOMPARE(rows.size(), 1 + findings + 2); // one row for the healthy host, one for the unreachable
    }

    void csvDefusesFormulasAndQuotes()
    {
        HostReport r;
        r.host = QStringLiteral("=HYPERLINK(\"http://x\",\"y\")");
        r.status = HostStatus::Error;
        r.error = QStringLiteral("-1+2, \"quoted\"\nsecond line");
        const QList<QStringList> rows = parseCsv(csvReport({r}));
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1).at(0), QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")"));
        QCOMPARE(rows.at(1).last(), QStringLiteral("'-1+2, \"quoted\"\nsecond line"));
    }

    void htmlHasEveryHostFindingEvidenceAndRepair()
    {
        const QList<HostReport> reports = demoFleet();
        const QString html =
            QString::fromUtf8(htmlReport(reports, QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC)));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(html.contains(QLatin1String("2026-12-06T12:00:00Z")));
        for (const HostReport &r : reports) {
            QVERIFY(html.contains(QLatin1String(">") + r.host.toHtmlEscaped() + QLatin1String("</h3>")));
            for (const Finding &f : r.analysis.findings) {
                QVERIFY(html.contains(f.title.toHtmlEscaped()));
                for (const QString &line : f.evidence)
                    QVERIFY2(html.contains(line.toHtmlEscaped()), qPrintable(line));
                if (!f.remediation.isEmpty())
                    QVERIFY(html.contains(f.remediation + QLatin1String(": ")));
            }
        }
        // three charts, each a well-formed SVG image
        static const QRegularExpression image(
            QStringLiteral("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\""));
        int charts = 0;
        for (auto it = image.globalMatch(html); it.hasNext();) {
            const QByteArray svg = QByteArray::fromBase64(it.next().captured(1).toLatin1());
            QVERIFY(svg.startsWith("<svg "));
            QVERIFY(wellFormedXml(svg));
            ++charts;
        }
        QCOMPARE(charts, 3);
    }

    void htmlEscapesWhatHostsSend()
    {
        HostReport r = demoFleet().constFirst();
        r.host = QStringLiteral("<script>alert(1)</script>");
        Finding f;
        f.id = QStringLiteral("shadowed-mounts");
        f.title = QStringLiteral("t");
        f.evidence = {QStringLiteral("mountinfo: 1 2 0:1 / /a</pre><img src=x onerror=alert(2)> rw")};
        r.analysis.findings.prepend(f);
        const QByteArray html = htmlReport({r});
        QVERIFY(!html.contains("<script>"));
        QVERIFY(!html.contains("<img src=x"));
        QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // the chart that names the finding still parses
        FleetSummary summary;
        summary.add(r);
        for (const QByteArray &svg : fleetChartsSvg(summary))
            QVERIFY(wellFormedXml(svg));
    }

    void svgChartScalesAndEscapes()
    {
        BarChart chart;
        chart.title = QStringLiteral("a < b & c");
        chart.bars = {{QStringLiteral("one"), 1, QString(), QStringLiteral("#000")},
                      {QStringLiteral("two \"x\""), 2, QStringLiteral("2 hosts"), QString()}};
        const QByteArray svg = svgBarChart(chart);
        QVERIFY(wellFormedXml(svg));
        QVERIFY(svg.contains("a &lt; b &amp; c"));
        QVERIFY(svg.contains("2 hosts"));
        QVERIFY(svg.contains("width=\"400.0\"")); // the largest bar spans the bar area (720 - 230 - 90)
        QVERIFY(svg.contains("width=\"200.0\""));
        chart.bars.clear();
        chart.emptyText = QStringLiteral("nothing");
        QVERIFY(svgBarChart(chart).contains("nothing"));
    }

    void formatNames()
    {
        for (ReportFormat f : {ReportFormat::Text, ReportFormat::Json, ReportFormat::Html, ReportFormat::Csv})
            QCOMPARE(reportFormatFromName(reportFormatName(f)), f);
        QVERIFY(!reportFormatFromName(QStringLiteral("pdf")));
    }
};

QTEST_GUILESS_MAIN(tst_fleetreport)
#include "tst_fleetreport.moc"
