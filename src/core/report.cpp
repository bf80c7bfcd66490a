#include "report.h"

#include "hostfacts.h"
#include "hostproblem.h"
#include "layeranalysis.h"

#include "coretr.h"
#include "jsonwriter.h"
#include "rules.h"
#include "textescape.h"

#include <QJsonDocument>
#include <QLocale>

namespace lw {

using namespace Qt::StringLiterals;

namespace {

QString kernelText(const HostSnapshot &s)
{
    if (s.kernelRelease.isOk() && !s.kernelRelease.value.text.isEmpty())
        return s.kernelRelease.value.text;
    if (s.dockerInfo.isOk() && !s.dockerInfo.value.kernelVersion.isEmpty())
        return s.dockerInfo.value.kernelVersion;
    return QString();
}

} // namespace

namespace {

void writeHostReportJson(JsonWriter &json, const HostReport &report)
{
    // Members in QJsonObject's order (sorted keys), so the bytes are those QJsonDocument would write.
    const HostSnapshot &s = report.snapshot;
    json.beginObject();
    json.key("checks"_L1).beginArray();
    for (const RuleCheck &c : report.analysis.checks) {
        json.beginObject();
        json.key("id"_L1).value(c.ruleId);
        json.key("reason"_L1).value(c.reason);
        json.key("state"_L1).value(ruleStateName(c.state));
        json.endObject();
    }
    json.endArray();

    json.key("disks"_L1).beginArray();
    if (s.disks.isOk()) {
        for (const DiskUsage &d : s.disks.value.rows) {
            json.beginObject();
            json.key("available"_L1).value(d.available);
            json.key("filesystem"_L1).value(d.filesystem);
            json.key("mountPoint"_L1).value(d.mountPoint);
            json.key("size"_L1).value(d.size);
            json.key("type"_L1).value(d.type);
            json.key("used"_L1).value(d.used);
            json.endObject();
        }
    }
    json.endArray();

    if (!report.error.isEmpty())
        json.key("error"_L1).value(report.error);

    json.key("findings"_L1).beginArray();
    for (const Finding &f : report.analysis.findings) {
        json.beginObject();
        if (f.bytes >= 0)
            json.key("bytes"_L1).value(f.bytes);
        if (!f.containers.isEmpty()) {
            json.key("containers"_L1).beginArray();
            for (const FindingContainer &c : f.containers) {
                json.beginObject();
                json.key("id"_L1).stringOrNull(c.id);
                json.key("layer"_L1).value(c.layerId);
                json.key("name"_L1).stringOrNull(c.name);
                json.key("removed"_L1).value(c.removed);
                json.key("restartPolicy"_L1).stringOrNull(c.restartPolicy);
                json.key("state"_L1).stringOrNull(c.state);
                json.endObject();
            }
            json.endArray();
        }
        json.key("coveredBy"_L1).intArray(f.coveredBy);
        json.key("evidence"_L1).stringArray(f.evidence);
        json.key("explanation"_L1).value(f.explanation);
        json.key("id"_L1).value(f.id);
        if (!f.layerIds.isEmpty())
            json.key("layers"_L1).stringArray(f.layerIds);
        json.key("mounts"_L1).intArray(f.mountIds);
        json.key("remediation"_L1).stringOrNull(f.remediation);
        json.key("severity"_L1).value(severityName(f.severity));
        json.key("title"_L1).value(f.title);
        json.endObject();
    }
    json.endArray();

    json.key("host"_L1).value(report.host);
    json.key("kernel"_L1).stringOrNull(kernelText(s));

    json.key("mounts"_L1).beginArray();
    if (s.mounts.isOk()) {
        const MountTree &tree = s.mounts.value;
        for (int i = 0; i < tree.size(); ++i) {
            const MountEntry &m = tree.mounts().at(i);
            const int cover = tree.coveringMount(i);
            json.beginObject();
            json.key("coveredBy"_L1);
            if (cover >= 0)
                json.value(tree.mounts().at(cover).id);
            else
                json.null();
            json.key("fsType"_L1).value(m.fsType);
            json.key("id"_L1).value(m.id);
            json.key("mountPoint"_L1).value(m.mountPoint);
            json.key("parent"_L1).value(m.parentId);
            json.key("source"_L1).value(m.source);
            json.key("visibility"_L1).value(visibilityName(tree.visibility(i)));
            json.endObject();
        }
    }
    json.endArray();

    json.key("status"_L1).value(hostStatusName(report.status));

    const StorageDriverFacts driver = storageDriverFacts(s);
    json.key("storageDriver"_L1).beginObject();
    json.key("configured"_L1).stringOrNull(driver.configured);
    json.key("running"_L1).stringOrNull(driver.running);
    json.key("sources"_L1).beginArray();
    for (const DriverSource &src : driver.sources) {
        json.beginObject();
        json.key("driver"_L1).value(src.driver);
        json.key("evidence"_L1).value(src.evidence);
        json.key("reachesDockerd"_L1).value(src.reachesDockerd);
        json.key("source"_L1).value(QString::fromLatin1(src.probeId));
        json.endObject();
    }
    json.endArray();
    json.endObject();
    json.endObject();
}

} // namespace

QByteArray hostReportJsonBytes(const HostReport &report)
{
    // About what each element takes, so that the buffer does not grow (and copy) a dozen times.
    const HostSnapshot &s = report.snapshot;
    const qsizetype mounts = s.mounts.isOk() ? s.mounts.value.size() : 0;
    const qsizetype disks = s.disks.isOk() ? s.disks.value.rows.size() : 0;
    QByteArray bytes;
    bytes.reserve(2048 + 320 * mounts + 256 * disks + 320 * report.analysis.checks.size() +
                  2048 * report.analysis.findings.size());
    JsonWriter json(&bytes, 2);
    writeHostReportJson(json, report);
    return bytes;
}

QJsonObject hostReportJson(const HostReport &report)
{
    return QJsonDocument::fromJson(hostReportJsonBytes(report)).object();
}

void JsonReportWriter::addHost(QByteArrayView hostObject)
{
    // As JsonWriter lays out {"hosts": [...]} around them.
    m_write(m_hosts++ == 0 ? QByteArrayView("{\n    \"hosts\": [\n") : QByteArrayView(",\n"));
    m_write("        ");
    m_write(hostObject);
}

void JsonReportWriter::finish()
{
    m_write(m_hosts == 0 ? QByteArrayView("{\n    \"hosts\": [\n") : QByteArrayView("\n"));
    m_write("    ]\n}\n");
}

void writeJsonReport(const QList<QByteArray> &hostObjects, const std::function<void(QByteArrayView)> &write)
{
    JsonReportWriter writer(write);
    for (const QByteArray &host : hostObjects)
        writer.addHost(host);
    writer.finish();
}

QByteArray jsonReport(const QList<QByteArray> &hostObjects)
{
    qsizetype size = 32;
    for (const QByteArray &host : hostObjects)
        size += host.size() + 10;
    QByteArray bytes;
    bytes.reserve(size);
    writeJsonReport(hostObjects, [&bytes](QByteArrayView part) { bytes += part; });
    return bytes;
}

QByteArray jsonReport(const QList<HostReport> &reports)
{
    QList<QByteArray> hosts;
    hosts.reserve(reports.size());
    for (const HostReport &r : reports)
        hosts.append(hostReportJsonBytes(r));
    return jsonReport(hosts);
}

QString hostTextReport(const HostReport &r)
{
    // Every value in it may come from the host (a host name in meta.json, a mount point, daemon.json's
    // data-root, a command's message): each piece is escaped on its own, so that no byte of it reaches the
    // terminal as a control character or splits a line. hostReportJson() keeps the exact values.
    const auto safe = [](const QString &text) { return escapeControlCharacters(text); };
    QString out;
    const QString unknownText = CoreTr::tr("unknown");
    const HostSnapshot &s = r.snapshot;
    out += CoreTr::tr("Host: %1").arg(safe(r.host));
    if (s.raw.collectedAt.isValid())
        out += QLatin1String("  ") +
               CoreTr::tr("(collected %1)").arg(s.raw.collectedAt.toUTC().toString(Qt::ISODate));
    out += QLatin1Char('\n');
    out += QLatin1String("  ") + CoreTr::tr("Status: %1").arg(hostStatusName(r.status)) + QLatin1Char('\n');
    if (!r.error.isEmpty())
        out += QLatin1String("  ") + CoreTr::tr("Error: %1").arg(safe(r.error)) + QLatin1Char('\n');
    if (isFailedHostStatus(r.status)) {
        // The same explanation as the console's page for the host.
        const HostProblem problem = explainHostStatus(r.status, r.error, !s.raw.probes.isEmpty());
        out +=
            QLatin1String("  ") + CoreTr::tr("Likely cause: %1").arg(safe(problem.cause)) + QLatin1Char('\n');
        for (const QString &step : problem.steps)
            out += QLatin1String("    - ") + safe(step) + QLatin1Char('\n');
    }
    if (r.status == HostStatus::Error && r.analysis.checks.isEmpty())
        return out + QLatin1Char('\n');
    // The same facts as the console's Overview (hostFacts), as text: one line each, continued lines indented.
    for (const HostFact &fact : hostFacts(s)) {
        QStringList lines;
        for (const QList<FactPart> &line : fact.lines) {
            QStringList parts;
            for (const FactPart &p : line)
                parts.append(safe(p.text));
            lines.append(parts.join(QLatin1Char(' ')));
        }
        out += QLatin1String("  ") + safe(fact.label) + QLatin1String(": ") +
               lines.join(QLatin1String("\n    ")) + QLatin1Char('\n');
    }

    if (r.analysis.findings.isEmpty()) {
        out += QLatin1String("  ") + CoreTr::tr("Findings: none") + QLatin1Char('\n');
    } else {
        out += QLatin1String("  ") + CoreTr::tr("Findings: %1").arg(r.analysis.findings.size()) +
               QLatin1Char('\n');
    }
    for (const Finding &f : r.analysis.findings) {
        out += QStringLiteral("  [%1] %2 (%3)\n")
                   .arg(severityDisplayName(f.severity).toUpper(), safe(f.title), safe(f.id));
        out += QLatin1String("      ") + safe(f.explanation) + QLatin1Char('\n');
        if (!f.containers.isEmpty()) {
            out += QLatin1String("      ") + CoreTr::tr("Containers:") + QLatin1Char('\n');
            for (const FindingContainer &c : f.containers)
                out += QLatin1String("        ") + safe(c.label()) + QLatin1Char('\n');
        } else if (!f.layerIds.isEmpty()) {
            out += QLatin1String("      ") +
                   CoreTr::tr("Layers: %1").arg(safe(f.layerIds.join(QLatin1String(", ")))) +
                   QLatin1Char('\n');
        }
        if (!f.coveredBy.isEmpty()) {
            QStringList ids;
            for (int id : f.coveredBy)
                ids.append(QString::number(id));
            out += QLatin1String("      ") +
                   CoreTr::tr("Covered by mount IDs: %1").arg(ids.join(QLatin1String(", "))) +
                   QLatin1Char('\n');
        }
        out += QLatin1String("      ") + CoreTr::tr("Evidence:") + QLatin1Char('\n');
        for (const QString &line : f.evidence)
            out += QLatin1String("        ") + safe(line) + QLatin1Char('\n');
        if (!f.remediation.isEmpty())
            out += QLatin1String("      ") + CoreTr::tr("Remediation: %1").arg(safe(f.remediation)) +
                   QLatin1Char('\n');
    }
    QList<RuleCheck> unknowns;
    for (const RuleCheck &c : r.analysis.checks) {
        if (c.state == RuleState::Unknown)
            unknowns.append(c);
    }
    if (!unknowns.isEmpty()) {
        out += QLatin1String("  ") + CoreTr::tr("Not checked (missing data): %1").arg(unknowns.size()) +
               QLatin1Char('\n');
        for (const RuleCheck &c : unknowns)
            out += QStringLiteral("    %1: %2\n").arg(safe(c.ruleId), safe(c.reason));
    }
    out += QLatin1Char('\n');
    return out;
}

QString textReport(const QList<HostReport> &reports)
{
    QString out;
    for (const HostReport &r : reports)
        out += hostTextReport(r);
    return out;
}

} // namespace lw
