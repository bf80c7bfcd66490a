#include "fleetreport.h"

#include "coretr.h"
#include "hostfacts.h"
#include "layeranalysis.h"
#include "remediation.h"
#include "svgchart.h"

#include <QLocale>

#include <algorithm>

namespace lw {

using namespace Qt::StringLiterals;

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    if (name == "text"_L1)
        return ReportFormat::Text;
    if (name == "json"_L1)
        return ReportFormat::Json;
    if (name == "html"_L1)
        return ReportFormat::Html;
    if (name == "csv"_L1)
        return ReportFormat::Csv;
    return std::nullopt;
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text:
        return QStringLiteral("text");
    case ReportFormat::Json:
        return QStringLiteral("json");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    }
    return QString();
}

HostHealth hostHealth(const HostReport &report)
{
    if (report.status != HostStatus::Ok && report.analysis.checks.isEmpty())
        return HostHealth::NotProbed;
    if (const auto worst = report.analysis.worstSeverity()) {
        switch (*worst) {
        case Severity::Critical:
            return HostHealth::Critical;
        case Severity::Warning:
            return HostHealth::Warning;
        case Severity::Info:
            return HostHealth::Info;
        }
    }
    if (report.status != HostStatus::Ok || report.analysis.unknownCount() > 0 ||
        report.analysis.checks.isEmpty())
        return HostHealth::Incomplete;
    return HostHealth::Healthy;
}

QString hostHealthName(HostHealth health)
{
    switch (health) {
    case HostHealth::Critical:
        return QStringLiteral("critical");
    case HostHealth::Warning:
        return QStringLiteral("warning");
    case HostHealth::Info:
        return QStringLiteral("info");
    case HostHealth::Healthy:
        return QStringLiteral("healthy");
    case HostHealth::Incomplete:
        return QStringLiteral("incomplete");
    case HostHealth::NotProbed:
        return QStringLiteral("not-probed");
    }
    return QString();
}

QString hostHealthDisplayName(HostHealth health)
{
    switch (health) {
    case HostHealth::Critical:
        return CoreTr::tr("Critical findings");
    case HostHealth::Warning:
        return CoreTr::tr("Warnings");
    case HostHealth::Info:
        return CoreTr::tr("Notes only");
    case HostHealth::Healthy:
        return CoreTr::tr("Healthy");
    case HostHealth::Incomplete:
        return CoreTr::tr("Not fully checked");
    case HostHealth::NotProbed:
        return CoreTr::tr("Not probed");
    }
    return QString();
}

std::optional<double> dockerRootUsedRatio(const HostSnapshot &snapshot)
{
    if (!snapshot.disks.isOk())
        return std::nullopt;
    const DiskUsage *df = snapshot.disks.value.filesystemOf(snapshot.dockerRoot());
    if (!df || df->size <= 0)
        return std::nullopt;
    return double(df->used) / double(df->size);
}

// --- the summary ------------------------------------------------------------------------------------------

void FleetSummary::add(const HostReport &report)
{
    ++m_hosts;
    auto status = std::find_if(m_byStatus.begin(), m_byStatus.end(),
                               [&](const auto &entry) { return entry.first == report.status; });
    if (status == m_byStatus.end())
        m_byStatus.append({report.status, 1});
    else
        ++status->second;
    ++m_byHealth[int(hostHealth(report))];
    for (const Finding &f : report.analysis.findings) {
        auto tally = std::find_if(m_findings.begin(), m_findings.end(),
                                  [&](const FindingTally &t) { return t.id == f.id; });
        if (tally == m_findings.end()) {
            m_findings.append({f.id, f.severity, f.title, f.remediation, {}});
            tally = m_findings.end() - 1;
        }
        if (!tally->hosts.contains(report.host))
            tally->hosts.append(report.host);
    }
    if (const auto ratio = dockerRootUsedRatio(report.snapshot))
        m_usage.append({report.host, *ratio});
}

QList<QPair<HostStatus, int>> FleetSummary::byStatus() const
{
    QList<QPair<HostStatus, int>> list = m_byStatus;
    std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return hostStatusAttention(a.first) > hostStatusAttention(b.first);
    });
    return list;
}

QList<QPair<HostHealth, int>> FleetSummary::byHealth() const
{
    QList<QPair<HostHealth, int>> list;
    for (int i = 0; i < m_byHealth.size(); ++i) {
        if (m_byHealth.at(i) > 0)
            list.append({HostHealth(i), m_byHealth.at(i)});
    }
    return list;
}

QList<FindingTally> FleetSummary::byFinding() const
{
    QList<FindingTally> list = m_findings;
    std::stable_sort(list.begin(), list.end(), [](const FindingTally &a, const FindingTally &b) {
        if (a.severity != b.severity)
            return int(a.severity) > int(b.severity);
        if (a.hosts.size() != b.hosts.size())
            return a.hosts.size() > b.hosts.size();
        return a.id < b.id;
    });
    return list;
}

QList<QPair<QString, double>> FleetSummary::dockerRootUsage() const
{
    QList<QPair<QString, double>> list = m_usage;
    std::stable_sort(list.begin(), list.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    return list;
}

// --- charts
// -------------------------------------------------------------------------------------------------

namespace {

constexpr double usageThreshold = 0.85; // as the console's fleet chart and table

QString severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("#c62828");
    case Severity::Warning:
        return QStringLiteral("#f9a825");
    case Severity::Info:
        return QStringLiteral("#1565c0");
    }
    return QString();
}

QString healthColor(HostHealth health)
{
    switch (health) {
    case HostHealth::Critical:
        return severityColor(Severity::Critical);
    case HostHealth::Warning:
        return severityColor(Severity::Warning);
    case HostHealth::Info:
        return severityColor(Severity::Info);
    case HostHealth::Healthy:
        return QStringLiteral("#2e7d32");
    case HostHealth::Incomplete:
        return QStringLiteral("#9e9e9e");
    case HostHealth::NotProbed:
        return QStringLiteral("#616161");
    }
    return QString();
}

QString percentText(double ratio)
{
    return QLocale().toString(100.0 * ratio, 'f', 0) + QLatin1Char('%');
}

} // namespace

QList<QByteArray> fleetChartsSvg(const FleetSummary &summary)
{
    QList<QByteArray> charts;

    BarChart health;
    health.title = CoreTr::tr("Hosts by status");
    for (const auto &[state, count] : summary.byHealth())
        health.bars.append({hostHealthDisplayName(state), double(count), QString(), healthColor(state)});
    health.emptyText = CoreTr::tr("No hosts");
    charts.append(svgBarChart(health));

    BarChart findings;
    findings.title = CoreTr::tr("Hosts per finding");
    for (const FindingTally &t : summary.byFinding())
        findings.bars.append({t.id, double(t.hosts.size()), QString(), severityColor(t.severity)});
    findings.emptyText = CoreTr::tr("No findings");
    charts.append(svgBarChart(findings));

    BarChart usage;
    usage.title = CoreTr::tr("Docker root usage per host");
    usage.maxValue = 1.0;
    usage.threshold = usageThreshold;
    usage.thresholdLabel = percentText(usageThreshold);
    const auto rows = summary.dockerRootUsage();
    for (qsizetype i = 0; i < std::min<qsizetype>(rows.size(), 40); ++i) {
        const auto &[host, ratio] = rows.at(i);
        usage.bars.append(
            {host, ratio, percentText(ratio),
             ratio >= usageThreshold ? severityColor(Severity::Critical) : QStringLiteral("#1565c0")});
    }
    usage.emptyText = CoreTr::tr("No disk usage known");
    charts.append(svgBarChart(usage));
    return charts;
}

// --- HTML -------------------------------------------------------------------------------------------------

namespace {

QByteArray h(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

const RemediationCatalog &catalog()
{
    static const RemediationCatalog loaded = loadRemediationCatalog();
    return loaded;
}

// "fix-shadowed-mounts: Unmount the covering mounts ..." (the script's title in the report's language).
QString repairText(const QString &scriptId)
{
    if (scriptId.isEmpty())
        return CoreTr::tr("none (see the explanation)");
    if (const RemediationScript *script = catalog().script(scriptId))
        return scriptId + QLatin1String(": ") + script->title();
    return scriptId;
}

QByteArray severityBadge(Severity severity)
{
    return "<span class=\"sev sev-" + severityName(severity).toUtf8() + "\">" +
           h(severityDisplayName(severity)) + "</span>";
}

QByteArray hostAnchor(int index)
{
    return "host-" + QByteArray::number(index);
}

QByteArray findingHtml(const Finding &f)
{
    QByteArray html;
    html += "<div class=\"finding\">\n<h4>" + severityBadge(f.severity) + ' ' + h(f.title) + " <code>" +
            h(f.id) + "</code></h4>\n";
    html += "<p>" + h(f.explanation) + "</p>\n";
    if (!f.containers.isEmpty()) {
        html += "<p><b>" + h(CoreTr::tr("Containers:")) + "</b></p><ul>";
        for (const FindingContainer &c : f.containers)
            html += "<li>" + h(c.label()) + "</li>";
        html += "</ul>\n";
    } else if (!f.layerIds.isEmpty()) {
        html += "<p>" + h(CoreTr::tr("Layers: %1").arg(f.layerIds.join(QLatin1String(", ")))) + "</p>\n";
    }
    if (f.bytes >= 0)
        html += "<p>" + h(CoreTr::tr("Disk space concerned: %1").arg(formatBytes(f.bytes))) + "</p>\n";
    html += "<p><b>" + h(CoreTr::tr("Evidence:")) + "</b></p>\n<pre>";
    html += h(f.evidence.join(QLatin1Char('\n')));
    html += "</pre>\n";
    html +=
        "<p><b>" + h(CoreTr::tr("Recommended repair:")) + "</b> " + h(repairText(f.remediation)) + "</p>\n";
    html += "</div>\n";
    return html;
}

QByteArray hostSectionHtml(const HostReport &r, int index)
{
    const HostSnapshot &s = r.snapshot;
    const HostHealth health = hostHealth(r);
    QByteArray html;
    html += "<section class=\"host\" id=\"" + hostAnchor(index) +
            "\">\n<h3><span class=\"dot\" style=\"background:" + healthColor(health).toUtf8() + "\"></span>" +
            h(r.host) + "</h3>\n<table class=\"facts\">\n";
    auto row = [&html](const QString &label, const QString &value) {
        html += "<tr><th>" + h(label) + "</th><td>" + h(value) + "</td></tr>\n";
    };
    row(CoreTr::tr("Status"), hostStatusDisplayName(r.status));
    row(CoreTr::tr("Health"), hostHealthDisplayName(health));
    if (s.raw.collectedAt.isValid())
        row(CoreTr::tr("Collected"), s.raw.collectedAt.toUTC().toString(Qt::ISODate));
    if (!r.error.isEmpty())
        row(CoreTr::tr("Error"), r.error);
    const bool analyzed =
        !(r.status == HostStatus::Error && r.analysis.checks.isEmpty()) && health != HostHealth::NotProbed;
    if (analyzed) {
        for (const HostFact &fact : hostFacts(s))
            row(fact.label, fact.plainText(QStringLiteral("\n")));
    }
    html += "</table>\n";
    if (!analyzed)
        return html + "</section>\n";

    if (r.analysis.findings.isEmpty())
        html += "<p>" + h(CoreTr::tr("Findings: none")) + "</p>\n";
    for (const Finding &f : r.analysis.findings)
        html += findingHtml(f);
    QList<RuleCheck> unknowns;
    for (const RuleCheck &c : r.analysis.checks) {
        if (c.state == RuleState::Unknown)
            unknowns.append(c);
    }
    if (!unknowns.isEmpty()) {
        html +=
            "<p><b>" + h(CoreTr::tr("Not checked (missing data): %1").arg(unknowns.size())) + "</b></p><ul>";
        for (const RuleCheck &c : unknowns)
            html += "<li><code>" + h(c.ruleId) + "</code>: " + h(c.reason) + "</li>";
        html += "</ul>\n";
    }
    html += "</section>\n";
    return html;
}

const char styleSheet[] =
    "body{font-family:'Noto Sans CJK SC','Noto Sans','DejaVu Sans',sans-serif;margin:2em;color:#212121;"
    "max-width:1100px}\n"
    "h1{font-size:1.6em}h2{border-bottom:2px solid #1565c0;padding-bottom:.2em;margin-top:2em}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ddd;padding:.3em .6em;"
    "text-align:left;vertical-align:top}\n"
    "td{white-space:pre-wrap}th{background:#f5f5f5}td.n{text-align:right}\n"
    "pre{background:#f5f5f5;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}\n"
    ".sev{display:inline-block;padding:0 .5em;border-radius:3px;color:#fff;font-size:.85em}\n"
    ".sev-critical{background:#c62828}.sev-warning{background:#f9a825;color:#212121}.sev-info{background:#"
    "1565c0}\n"
    ".dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em}\n"
    ".finding{border-left:4px solid #ddd;padding-left:1em;margin:1em 0}\n"
    ".charts img{display:block;margin:1em 0;max-width:100%}\n"
    ".meta{color:#616161}\n";

QByteArray summaryHtml(const FleetSummary &summary, const QList<QByteArray> &hostAnchors,
                       const QStringList &hostNames)
{
    QByteArray html;
    html += "<h2>" + h(CoreTr::tr("Summary")) + "</h2>\n";
    html += "<table><tr><th>" + h(CoreTr::tr("Hosts by status")) + "</th><th>" + h(CoreTr::tr("Hosts")) +
            "</th></tr>\n";
    for (const auto &[state, count] : summary.byHealth())
        html += "<tr><td>" + h(hostHealthDisplayName(state)) + "</td><td class=\"n\">" +
                QByteArray::number(count) + "</td></tr>\n";
    html += "</table>\n";
    html += "<table><tr><th>" + h(CoreTr::tr("Probe result")) + "</th><th>" + h(CoreTr::tr("Hosts")) +
            "</th></tr>\n";
    for (const auto &[status, count] : summary.byStatus())
        html += "<tr><td>" + h(hostStatusDisplayName(status)) + "</td><td class=\"n\">" +
                QByteArray::number(count) + "</td></tr>\n";
    html += "</table>\n";

    html += "<h2>" + h(CoreTr::tr("Hosts by finding")) + "</h2>\n";
    const QList<FindingTally> findings = summary.byFinding();
    if (findings.isEmpty()) {
        html += "<p>" + h(CoreTr::tr("No findings")) + "</p>\n";
    } else {
        html += "<table><tr><th>" + h(CoreTr::tr("Severity")) + "</th><th>" + h(CoreTr::tr("Finding")) +
                "</th><th>" + h(CoreTr::tr("Hosts")) + "</th><th>" + h(CoreTr::tr("Recommended repair")) +
                "</th><th>" + h(CoreTr::tr("Affected hosts")) + "</th></tr>\n";
        for (const FindingTally &t : findings) {
            html += "<tr><td>" + severityBadge(t.severity) + "</td><td>" + h(t.title) + "<br><code>" +
                    h(t.id) + "</code></td><td class=\"n\">" + QByteArray::number(t.hosts.size()) +
                    "</td><td>" + h(repairText(t.remediation)) + "</td><td>";
            QByteArrayList links;
            for (const QString &host : t.hosts) {
                const qsizetype i = hostNames.indexOf(host);
                links.append(i < 0 ? h(host) : "<a href=\"#" + hostAnchors.at(i) + "\">" + h(host) + "</a>");
            }
            html += links.join(", ") + "</td></tr>\n";
        }
        html += "</table>\n";
    }

    html += "<div class=\"charts\">\n";
    const QStringList titles = {CoreTr::tr("Hosts by status"), CoreTr::tr("Hosts per finding"),
                                CoreTr::tr("Docker root usage per host")};
    const QList<QByteArray> charts = fleetChartsSvg(summary);
    for (qsizetype i = 0; i < charts.size(); ++i)
        html += "<img alt=\"" + h(titles.value(i)) + "\" src=\"data:image/svg+xml;base64," +
                charts.at(i).toBase64() + "\">\n";
    html += "</div>\n";
    return html;
}

} // namespace

void HtmlReportWriter::addHost(const HostReport &report)
{
    m_summary.add(report);
    m_hostNames.append(report.host);
    m_hostSections.append(hostSectionHtml(report, int(m_hostSections.size())));
}

QByteArray HtmlReportWriter::finish(const QDateTime &generatedAt) const
{
    QList<QByteArray> anchors;
    for (qsizetype i = 0; i < m_hostNames.size(); ++i)
        anchors.append(hostAnchor(int(i)));

    QByteArray html;
    const QString title = CoreTr::tr("Layerwatch fleet report");
    html += "<!DOCTYPE html>\n<html lang=\"" + QLocale().bcp47Name().toUtf8() +
            "\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<title>" + h(title) + "</title>\n<style>\n" + styleSheet + "</style>\n</head>\n<body>\n";
    html += "<h1>" + h(title) + "</h1>\n";
    html += "<p class=\"meta\">" +
            h(CoreTr::tr("%n host(s), generated %1", nullptr, m_summary.hostCount())
                  .arg(generatedAt.toUTC().toString(Qt::ISODate))) +
            "</p>\n";
    html += summaryHtml(m_summary, anchors, m_hostNames);
    html += "<h2>" + h(CoreTr::tr("Hosts")) + "</h2>\n";
    for (const QByteArray &section : m_hostSections)
        html += section;
    html += "</body>\n</html>\n";
    return html;
}

QByteArray htmlReport(const QList<HostReport> &reports, const QDateTime &generatedAt)
{
    HtmlReportWriter writer;
    for (const HostReport &r : reports)
        writer.addHost(r);
    return writer.finish(generatedAt);
}

// --- CSV --------------------------------------------------------------------------------------------------

namespace {

QByteArray csvCell(const QString &value)
{
    QString text = value;
    if (!text.isEmpty() && (text.front() == QLatin1Char('=') || text.front() == QLatin1Char('+') ||
                            text.front() == QLatin1Char('-') || text.front() == QLatin1Char('@') ||
                            text.front() == QLatin1Char('\t') || text.front() == QLatin1Char('\r')))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char('"')) || text.contains(QLatin1Char(',')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
        text.front() == QLatin1Char(' ')) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        text = QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text.toUtf8();
}

QByteArray csvRow(const QStringList &cells)
{
    QByteArrayList encoded;
    encoded.reserve(cells.size());
    for (const QString &c : cells)
        encoded.append(c.isEmpty() ? QByteArray() : csvCell(c));
    return encoded.join(',') + "\r\n";
}

} // namespace

QByteArray csvReportHeader()
{
    return "\xEF\xBB\xBF" +
           csvRow({CoreTr::tr("Host"), CoreTr::tr("Status"), CoreTr::tr("Health"), CoreTr::tr("Collected"),
                   CoreTr::tr("Finding"), CoreTr::tr("Severity"), CoreTr::tr("Title"),
                   CoreTr::tr("Containers"), CoreTr::tr("Evidence"), CoreTr::tr("Recommended repair"),
                   CoreTr::tr("Explanation"), CoreTr::tr("Error")});
}

QByteArray csvHostRows(const HostReport &r)
{
    const QString collected = r.snapshot.raw.collectedAt.isValid()
                                  ? r.snapshot.raw.collectedAt.toUTC().toString(Qt::ISODate)
                                  : QString();
    const QStringList head = {r.host, hostStatusName(r.status), hostHealthName(hostHealth(r)), collected};
    if (r.analysis.findings.isEmpty())
        return csvRow(head + QStringList{QString(), QString(), QString(), QString(), QString(), QString(),
                                         QString(), r.error});
    QByteArray rows;
    for (const Finding &f : r.analysis.findings) {
        QStringList containers;
        for (const FindingContainer &c : f.containers)
            containers.append(c.label());
        rows += csvRow(
            head + QStringList{f.id, severityName(f.severity), f.title, containers.join(QLatin1Char('\n')),
                               f.evidence.join(QLatin1Char('\n')), f.remediation, f.explanation, r.error});
    }
    return rows;
}

QByteArray csvReport(const QList<HostReport> &reports)
{
    QByteArray csv = csvReportHeader();
    for (const HostReport &r : reports)
        csv += csvHostRows(r);
    return csv;
}

} // namespace lw
