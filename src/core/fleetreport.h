#pragma once

#include "finding.h"
#include "hoststatus.h"
#include "report.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw {

// The fleet report in the formats the CLI (--format) and the console's File > Export report write. JSON and
// text are report.h's; HTML and CSV are here. Every format is made from the same HostReports, so the
// console and the CLI export the same report.
enum class ReportFormat { Text, Json, Html, Csv };
// "text", "json", "html", "csv"
std::optional<ReportFormat> reportFormatFromName(const QString &name);
QString reportFormatName(ReportFormat format);

// Where a host stands at a glance: its worst finding, or why it has none.
enum class HostHealth {
    Critical,
    Warning,
    Info,
    Healthy,    // probed, every check passed
    Incomplete, // probed, no finding, but some checks could not be made (missing data: never "healthy")
    NotProbed,  // the probe did not get through (unreachable, host key, timeout, error, ...)
};
HostHealth hostHealth(const HostReport &report);
QString hostHealthName(HostHealth health);        // "critical", ..., "incomplete", "not-probed"
QString hostHealthDisplayName(HostHealth health); // translated

// The docker root's file system of a host, from df: used / size, or nullopt when unknown.
std::optional<double> dockerRootUsedRatio(const HostSnapshot &snapshot);

// One finding ID across the fleet.
struct FindingTally
{
    QString id;
    Severity severity = Severity::Info;
    QString title;       // translated
    QString remediation; // the reviewed script that repairs it; empty if none
    QStringList hosts;   // in report order
};

// The fleet's summary, gathered host by host (so that a big fleet's snapshots need not be held).
class FleetSummary
{
public:
    void add(const HostReport &report);

    int hostCount() const { return m_hosts; }
    QList<QPair<HostStatus, int>> byStatus() const; // most attention first; only statuses that occur
    QList<QPair<HostHealth, int>> byHealth() const; // in HostHealth order; only those that occur
    QList<FindingTally> byFinding() const;          // most severe first, then most hosts, then ID
    // The docker root's usage per host (fullest first), for the usage chart; hosts without df are left out.
    QList<QPair<QString, double>> dockerRootUsage() const;

private:
    int m_hosts = 0;
    QList<QPair<HostStatus, int>> m_byStatus;
    QList<int> m_byHealth = QList<int>(int(HostHealth::NotProbed) + 1, 0);
    QList<FindingTally> m_findings;
    QList<QPair<QString, double>> m_usage;
};

// The HTML report: one self-contained UTF-8 file (styles inline, charts as SVG images in data: URIs) with
// the summary (hosts by status, by health and by finding, the charts) and every host's facts and findings
// with their evidence and recommended repair. Translated in the current language (CoreTr, QLocale()).
// A host is rendered when added, so the caller can drop its snapshot then.
class HtmlReportWriter
{
public:
    void addHost(const HostReport &report);
    QByteArray finish(const QDateTime &generatedAt = QDateTime::currentDateTimeUtc()) const;

private:
    FleetSummary m_summary;
    QStringList m_hostNames; // in report order: section i is "#host-i"
    QList<QByteArray> m_hostSections;
};
QByteArray htmlReport(const QList<HostReport> &reports,
                      const QDateTime &generatedAt = QDateTime::currentDateTimeUtc());

// The CSV report (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read Chinese right): one row
// per finding, one row for a host without findings. Cells that a spreadsheet would take for a formula
// (starting with = + - @, a tab or a carriage return: host data can hold anything) get a leading '.
QByteArray csvReportHeader();
QByteArray csvHostRows(const HostReport &report);
QByteArray csvReport(const QList<HostReport> &reports);

// The charts of the summary, as SVG documents: hosts by health, hosts per finding, docker root usage.
QList<QByteArray> fleetChartsSvg(const FleetSummary &summary);

} // namespace lw
