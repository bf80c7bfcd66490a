#include "report.h"

#include "coretr.h"
#include "rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace lw {

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

QString visibilityName(Visibility v)
{
    switch (v) {
    case Visibility::Visible:
        return QStringLiteral("visible");
    case Visibility::Overmounted:
        return QStringLiteral("overmounted");
    case Visibility::Shadowed:
        return QStringLiteral("shadowed");
    }
    return QStringLiteral("visible");
}

QString kernelText(const HostSnapshot &s)
{
    if (s.kernelRelease.isOk() && !s.kernelRelease.value.text.isEmpty())
        return s.kernelRelease.value.text;
    if (s.dockerInfo.isOk() && !s.dockerInfo.value.kernelVersion.isEmpty())
        return s.dockerInfo.value.kernelVersion;
    return QString();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

StorageDriverSummary storageDriverSummary(const HostSnapshot &s)
{
    StorageDriverSummary summary;
    auto addFlags = [&](const char *id, const Probed<DockerdCommandLine> &cmd) {
        if (cmd.isOk() && cmd.value.flags.storageDriver)
            summary.sources.append(
                {QString::fromLatin1(id), *cmd.value.flags.storageDriver, cmd.value.flags.evidence});
    };
    if (s.daemonJson.isOk() && s.daemonJson.value.storageDriver)
        summary.sources.append(
            {QString::fromLatin1(ProbeId::DaemonJson), *s.daemonJson.value.storageDriver,
             QStringLiteral("\"storage-driver\": \"%1\"").arg(*s.daemonJson.value.storageDriver)});
    if (s.dockerStorage.isOk() && s.dockerStorage.value.flags.storageDriver)
        summary.sources.append({QString::fromLatin1(ProbeId::DockerStorage),
                                *s.dockerStorage.value.flags.storageDriver,
                                s.dockerStorage.value.flags.evidence});
    addFlags(ProbeId::DockerdCmdline, s.dockerdCmdline);
    addFlags(ProbeId::DockerdExecStart, s.dockerdExecStart);
    if (!summary.sources.isEmpty())
        summary.configured = summary.sources.constFirst().driver;
    if (s.dockerInfo.isOk())
        summary.running = s.dockerInfo.value.driver;
    return summary;
}

QJsonObject hostReportJson(const HostReport &report)
{
    const HostSnapshot &s = report.snapshot;
    QJsonObject host;
    host.insert(QLatin1String("host"), report.host);
    host.insert(QLatin1String("status"), report.status);
    if (!report.error.isEmpty())
        host.insert(QLatin1String("error"), report.error);
    host.insert(QLatin1String("kernel"), stringOrNull(kernelText(s)));

    const StorageDriverSummary driver = storageDriverSummary(s);
    QJsonArray sources;
    for (const auto &src : driver.sources) {
        sources.append(QJsonObject{{QLatin1String("source"), src.source},
                                   {QLatin1String("driver"), src.driver},
                                   {QLatin1String("evidence"), src.evidence}});
    }
    host.insert(QLatin1String("storageDriver"),
                QJsonObject{{QLatin1String("configured"), stringOrNull(driver.configured)},
                            {QLatin1String("running"), stringOrNull(driver.running)},
                            {QLatin1String("sources"), sources}});

    QJsonArray mounts;
    if (s.mounts.isOk()) {
        const MountTree &tree = s.mounts.value;
        for (int i = 0; i < tree.size(); ++i) {
            const MountEntry &m = tree.mounts().at(i);
            const int cover = tree.coveringMount(i);
            QJsonObject o;
            o.insert(QLatin1String("id"), m.id);
            o.insert(QLatin1String("parent"), m.parentId);
            o.insert(QLatin1String("mountPoint"), m.mountPoint);
            o.insert(QLatin1String("fsType"), m.fsType);
            o.insert(QLatin1String("source"), m.source);
            o.insert(QLatin1String("visibility"), visibilityName(tree.visibility(i)));
            o.insert(QLatin1String("coveredBy"),
                     cover >= 0 ? QJsonValue(tree.mounts().at(cover).id) : QJsonValue(QJsonValue::Null));
            mounts.append(o);
        }
    }
    host.insert(QLatin1String("mounts"), mounts);

    QJsonArray disks;
    if (s.disks.isOk()) {
        for (const DiskUsage &d : s.disks.value.rows) {
            disks.append(QJsonObject{{QLatin1String("filesystem"), d.filesystem},
                                     {QLatin1String("type"), d.type},
                                     {QLatin1String("size"), double(d.size)},
                                     {QLatin1String("used"), double(d.used)},
                                     {QLatin1String("available"), double(d.available)},
                                     {QLatin1String("mountPoint"), d.mountPoint}});
        }
    }
    host.insert(QLatin1String("disks"), disks);

    QJsonArray findings;
    for (const Finding &f : report.analysis.findings) {
        QJsonObject o;
        o.insert(QLatin1String("id"), f.id);
        o.insert(QLatin1String("severity"), severityName(f.severity));
        o.insert(QLatin1String("title"), f.title);
        o.insert(QLatin1String("mounts"), intArray(f.mountIds));
        o.insert(QLatin1String("coveredBy"), intArray(f.coveredBy));
        o.insert(QLatin1String("remediation"), stringOrNull(f.remediation));
        o.insert(QLatin1String("evidence"), QJsonArray::fromStringList(f.evidence));
        findings.append(o);
    }
    host.insert(QLatin1String("findings"), findings);

    QJsonArray checks;
    for (const RuleCheck &c : report.analysis.checks) {
        checks.append(QJsonObject{{QLatin1String("id"), c.ruleId},
                                  {QLatin1String("state"), ruleStateName(c.state)},
                                  {QLatin1String("reason"), c.reason}});
    }
    host.insert(QLatin1String("checks"), checks);
    return host;
}

QByteArray jsonReport(const QList<HostReport> &reports)
{
    QJsonArray hosts;
    for (const HostReport &r : reports)
        hosts.append(hostReportJson(r));
    return QJsonDocument(QJsonObject{{QLatin1String("hosts"), hosts}}).toJson(QJsonDocument::Indented);
}

QString textReport(const QList<HostReport> &reports)
{
    QString out;
    const QString unknownText = CoreTr::tr("unknown");
    for (const HostReport &r : reports) {
        const HostSnapshot &s = r.snapshot;
        out += CoreTr::tr("Host: %1").arg(r.host);
        if (s.raw.collectedAt.isValid())
            out += QLatin1String("  ") +
                   CoreTr::tr("(collected %1)").arg(s.raw.collectedAt.toUTC().toString(Qt::ISODate));
        out += QLatin1Char('\n');
        out += QLatin1String("  ") + CoreTr::tr("Status: %1").arg(r.status) + QLatin1Char('\n');
        if (!r.error.isEmpty())
            out += QLatin1String("  ") + CoreTr::tr("Error: %1").arg(r.error) + QLatin1Char('\n');
        if (r.status == QLatin1String("error") && r.analysis.checks.isEmpty()) {
            out += QLatin1Char('\n');
            continue;
        }
        const QString kernel = kernelText(s);
        out += QLatin1String("  ") + CoreTr::tr("Kernel: %1").arg(kernel.isEmpty() ? unknownText : kernel) +
               QLatin1Char('\n');

        const StorageDriverSummary driver = storageDriverSummary(s);
        QStringList sourceNames;
        for (const auto &src : driver.sources)
            sourceNames.append(QStringLiteral("%1=%2").arg(src.source, src.driver));
        const QString configured =
            driver.configured.isEmpty()
                ? CoreTr::tr("not configured")
                : QStringLiteral("%1 (%2)").arg(driver.configured, sourceNames.join(QLatin1String(", ")));
        out += QLatin1String("  ") + CoreTr::tr("Configured storage driver: %1").arg(configured) +
               QLatin1Char('\n');
        out += QLatin1String("  ") +
               CoreTr::tr("Running storage driver: %1")
                   .arg(driver.running.isEmpty() ? unknownText : driver.running) +
               QLatin1Char('\n');

        QString backing = unknownText;
        if (s.dockerInfo.isOk()) {
            if (const auto fs = s.dockerInfo.value.backingFilesystem()) {
                backing = *fs;
                if (const auto dtype = s.dockerInfo.value.supportsDType())
                    backing += QLatin1String(", ") +
                               (*dtype ? CoreTr::tr("d_type supported") : CoreTr::tr("d_type not supported"));
            }
        }
        out += QLatin1String("  ") + CoreTr::tr("Backing filesystem: %1").arg(backing) + QLatin1Char('\n');

        const QString root = s.dockerRoot();
        QString disk = unknownText;
        if (s.disks.isOk()) {
            if (const DiskUsage *row = s.disks.value.filesystemOf(root)) {
                disk = CoreTr::tr("%1 (%2) on %3: %4 free of %5")
                           .arg(row->filesystem, row->type, row->mountPoint, sizeText(row->available),
                                sizeText(row->size));
            }
        }
        out += QLatin1String("  ") + CoreTr::tr("Docker root %1: %2").arg(root, disk) + QLatin1Char('\n');

        if (r.analysis.findings.isEmpty()) {
            out += QLatin1String("  ") + CoreTr::tr("Findings: none") + QLatin1Char('\n');
        } else {
            out += QLatin1String("  ") + CoreTr::tr("Findings: %1").arg(r.analysis.findings.size()) +
                   QLatin1Char('\n');
        }
        for (const Finding &f : r.analysis.findings) {
            out += QStringLiteral("  [%1] %2 (%3)\n")
                       .arg(severityDisplayName(f.severity).toUpper(), f.title, f.id);
            out += QLatin1String("      ") + f.explanation + QLatin1Char('\n');
            if (!f.layerIds.isEmpty())
                out += QLatin1String("      ") +
                       CoreTr::tr("Layers: %1").arg(f.layerIds.join(QLatin1String(", "))) + QLatin1Char('\n');
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
                out += QLatin1String("        ") + line + QLatin1Char('\n');
            if (!f.remediation.isEmpty())
                out += QLatin1String("      ") + CoreTr::tr("Remediation: %1").arg(f.remediation) +
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
                out += QStringLiteral("    %1: %2\n").arg(c.ruleId, c.reason);
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace lw
