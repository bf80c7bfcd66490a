#include "hostfacts.h"

#include "coretr.h"
#include "layeranalysis.h"

#include <algorithm>

namespace lw {

namespace {

// The first line of a probe's raw output that contains needle, trimmed; empty if none.
QString rawLineContaining(const HostSnapshot &s, const char *probeId, QLatin1StringView needle)
{
    const QStringList lines =
        QString::fromUtf8(s.raw.probe(QString::fromLatin1(probeId)).output).split(u'\n');
    for (const QString &line : lines) {
        if (line.contains(needle))
            return line.trimmed();
    }
    return QString();
}

// /etc/sysconfig/docker-storage only matters when the unit passes $DOCKER_STORAGE_OPTIONS to dockerd (the
// RHEL/openEuler unit does). A known ExecStart without it proves the file is a leftover; anything else
// counts.
bool dockerStorageReachesDockerd(const HostSnapshot &s)
{
    if (!s.dockerdExecStart.isOk())
        return true;
    const QStringList &argv = s.dockerdExecStart.value.argv;
    return std::any_of(argv.cbegin(), argv.cend(), [](const QString &word) {
        return word.contains(QLatin1String("DOCKER_STORAGE_OPTIONS"));
    });
}

int toneRank(Tone t)
{
    switch (t) {
    case Tone::Critical:
        return 4;
    case Tone::Warning:
        return 3;
    case Tone::Unknown:
        return 2;
    case Tone::Muted:
        return 1;
    case Tone::Normal:
        break;
    }
    return 0;
}

FactPart text(const QString &t, Tone tone = Tone::Normal)
{
    return FactPart{t, tone, false, -1};
}

FactPart code(const QString &t, Tone tone = Tone::Normal)
{
    return FactPart{t, tone, true, -1};
}

FactPart unknownPart(const char *probeId, ProbeStatus status)
{
    return text(unknownProbeText(probeId, status), Tone::Unknown);
}

FactPart dockerInfoUnknown(const HostSnapshot &s)
{
    if (s.dockerInfo.isOk() && !s.dockerInfo.value.valid)
        return text(CoreTr::tr("unknown (docker info unreadable: %1)").arg(s.dockerInfo.value.error.message),
                    Tone::Unknown);
    return unknownPart(ProbeId::DockerInfo, s.dockerInfo.status);
}

HostFact fact(const char *key, const QString &label, QList<QList<FactPart>> lines)
{
    return HostFact{QString::fromLatin1(key), label, std::move(lines)};
}

HostFact kernelFact(const HostSnapshot &s)
{
    const QString label = CoreTr::tr("Kernel");
    if (!(s.kernelRelease.isOk() && s.kernelRelease.value.valid))
        return fact("kernel", label, {{unknownPart(ProbeId::KernelRelease, s.kernelRelease.status)}});
    QList<FactPart> line{code(s.kernelRelease.value.text)};
    if (!s.kernelRelease.value.supportsOverlay2())
        line.append(text(CoreTr::tr("(too old for overlay2)"), Tone::Critical));
    return fact("kernel", label, {line});
}

HostFact configuredDriverFact(const HostSnapshot &s, const StorageDriverFacts &d)
{
    QList<QList<FactPart>> lines;
    for (const DriverSource &src : d.sources) {
        QList<FactPart> line{code(src.driver), text(CoreTr::tr("in %1").arg(src.where()), Tone::Muted)};
        if (!src.reachesDockerd)
            line.append(text(CoreTr::tr("(not passed to dockerd: ignored)"), Tone::Muted));
        lines.append(line);
    }
    if (d.sources.isEmpty())
        lines.append({text(CoreTr::tr("not set anywhere (dockerd chooses its default)"))});
    if (d.setAsFlagAndInDaemonJson())
        lines.append({text(CoreTr::tr("set both as a flag and in daemon.json: dockerd refuses to start"),
                           Tone::Critical)});
    if (s.daemonJson.isOk() && !s.daemonJson.value.valid)
        lines.append(
            {text(CoreTr::tr("daemon.json is not valid JSON: %1").arg(s.daemonJson.value.error.message),
                  Tone::Critical)});
    const std::pair<const char *, ProbeStatus> probes[] = {
        {ProbeId::DaemonJson, s.daemonJson.status},
        {ProbeId::DockerStorage, s.dockerStorage.status},
        {ProbeId::DockerdCmdline, s.dockerdCmdline.status},
        {ProbeId::DockerdExecStart, s.dockerdExecStart.status}};
    for (const auto &[probeId, status] : probes) {
        if (d.unreadable.contains(QString::fromLatin1(probeId)))
            lines.append({unknownPart(probeId, status)});
    }
    return fact("driver-configured", CoreTr::tr("Storage driver configured"), lines);
}

HostFact runningDriverFact(const HostSnapshot &s, const StorageDriverFacts &d)
{
    const QString label = CoreTr::tr("Storage driver running");
    if (d.running.isEmpty())
        return fact("driver-running", label, {{dockerInfoUnknown(s)}});
    QList<FactPart> line{code(d.running)};
    if (!d.engineVersion.isEmpty())
        line.append(text(CoreTr::tr("(Docker %1)").arg(d.engineVersion), Tone::Muted));
    return fact("driver-running", label, {line});
}

HostFact backingFact(const HostSnapshot &s)
{
    const QString label = CoreTr::tr("Backing filesystem");
    if (!(s.dockerInfo.isOk() && s.dockerInfo.value.valid))
        return fact("backing-fs", label, {{dockerInfoUnknown(s)}});
    const auto backing = s.dockerInfo.value.backingFilesystem();
    return fact("backing-fs", label, {{backing ? code(*backing) : text(CoreTr::tr("not reported"))}});
}

HostFact dtypeFact(const HostSnapshot &s)
{
    const QString label = CoreTr::tr("Supports d_type");
    if (!(s.dockerInfo.isOk() && s.dockerInfo.value.valid))
        return fact("dtype", label, {{dockerInfoUnknown(s)}});
    const auto dtype = s.dockerInfo.value.supportsDType();
    if (!dtype)
        return fact("dtype", label, {{text(CoreTr::tr("not reported"))}});
    return fact("dtype", label,
                {{*dtype ? text(CoreTr::tr("yes")) : text(CoreTr::tr("no"), Tone::Critical)}});
}

QString configOption(const HostSnapshot &s, const QString &name)
{
    if (!s.kernelConfig.isOk())
        return QString();
    switch (s.kernelConfig.value.option(name)) {
    case KernelOption::BuiltIn:
        return QStringLiteral("%1=y").arg(name);
    case KernelOption::Module:
        return QStringLiteral("%1=m").arg(name);
    case KernelOption::Unset:
        break;
    }
    return CoreTr::tr("%1 not set").arg(name);
}

HostFact overlayParamFact(const HostSnapshot &s, const char *key, const QString &name,
                          const QString &configName)
{
    QList<FactPart> line;
    if (s.overlayParams.isOk()) {
        const auto flag = s.overlayParams.value.flag(name);
        const QString raw = s.overlayParams.value.values.value(name);
        if (flag)
            line.append(code(raw, *flag ? Tone::Normal : Tone::Warning));
        else
            line.append(text(raw.isEmpty() ? CoreTr::tr("not present") : raw));
    } else {
        line.append(unknownPart(ProbeId::OverlayParams, s.overlayParams.status));
    }
    const QString config = configOption(s, configName);
    if (!config.isEmpty())
        line.append(text(QStringLiteral("(%1)").arg(config), Tone::Muted));
    return fact(key, name, {line});
}

HostFact dockerRootFact(const HostSnapshot &s)
{
    const QString root = s.dockerRoot();
    QList<QList<FactPart>> lines{{code(root)}};
    const DockerRootDisk disk = dockerRootDisk(s);
    if (!s.disks.isOk()) {
        lines.append({unknownPart(ProbeId::DiskUsage, s.disks.status)});
    } else if (const std::optional<DiskUsage> &row = disk.filesystem) {
        const double ratio = row->usedRatio();
        lines.append({text(CoreTr::tr("%1 of %2 used (%3%), %4 free on %5")
                               .arg(formatBytes(row->used), formatBytes(row->size),
                                    QString::number(ratio * 100, 'f', 1), formatBytes(row->available),
                                    row->filesystem),
                           disk.covered    ? Tone::Muted
                           : ratio >= 0.85 ? Tone::Critical
                                           : Tone::Normal)});
    } else {
        lines.append({text(CoreTr::tr("df lists no filesystem holding it"), Tone::Unknown)});
    }
    if (disk.covered)
        lines.append({text(CoreTr::tr("a later mount covers part of it: what is seen there is not docker's"),
                           Tone::Critical)});
    return fact("docker-root", CoreTr::tr("Docker root"), lines);
}

HostFact mountsFact(const HostSnapshot &s)
{
    const QString label = CoreTr::tr("Mounts");
    if (!s.mounts.isOk())
        return fact("mounts", label, {{unknownPart(ProbeId::MountInfo, s.mounts.status)}});
    const MountTree &tree = s.mounts.value;
    int overlays = 0;
    for (const MountEntry &m : tree.mounts())
        overlays += m.isOverlay() ? 1 : 0;
    const QList<int> hidden = tree.hiddenMounts();
    QList<FactPart> line{text(CoreTr::tr("%n mount(s)", nullptr, tree.size()) + QStringLiteral(", ") +
                              CoreTr::tr("%n overlay(s)", nullptr, overlays) +
                              (hidden.isEmpty() ? QString() : QStringLiteral(",")))};
    if (!hidden.isEmpty()) {
        FactPart part = text(CoreTr::tr("%n hidden", nullptr, int(hidden.size())), Tone::Critical);
        part.mountId = tree.mounts().at(hidden.first()).id;
        line.append(part);
    }
    return fact("mounts", label, {line});
}

HostFact containersFact(const HostSnapshot &s)
{
    const QString label = CoreTr::tr("Containers");
    const ContainerSummary sum = summarizeContainers(s);
    if (!sum.known)
        return fact("containers", label, {{unknownPart(ProbeId::DockerContainers, s.containers.status)}});
    const Tone tone = sum.covered > 0 || sum.unmatchedHidden > 0 ? Tone::Critical
                      : sum.leakedMounts > 0                     ? Tone::Warning
                                                                 : Tone::Normal;
    return fact("containers", label, {{text(containerSummaryText(sum), tone)}});
}

} // namespace

QString DriverSource::where() const
{
    const QByteArrayView id(probeId ? probeId : "");
    if (id == ProbeId::DaemonJson)
        return QStringLiteral("/etc/docker/daemon.json");
    if (id == ProbeId::DockerStorage)
        return QStringLiteral("/etc/sysconfig/docker-storage");
    if (id == ProbeId::DockerdCmdline)
        return CoreTr::tr("dockerd's command line");
    if (id == ProbeId::DockerdExecStart)
        return CoreTr::tr("the systemd unit's ExecStart");
    return QString::fromLatin1(id);
}

QList<DriverSource> StorageDriverFacts::effective() const
{
    QList<DriverSource> out;
    std::copy_if(sources.cbegin(), sources.cend(), std::back_inserter(out),
                 [](const DriverSource &s) { return s.reachesDockerd; });
    return out;
}

bool StorageDriverFacts::setAsFlagAndInDaemonJson() const
{
    bool json = false;
    bool flag = false;
    for (const DriverSource &s : sources) {
        json = json || (!s.flag && s.reachesDockerd);
        flag = flag || (s.flag && s.reachesDockerd);
    }
    return json && flag;
}

StorageDriverFacts storageDriverFacts(const HostSnapshot &s)
{
    StorageDriverFacts d;
    if (s.daemonJson.isOk() && s.daemonJson.value.storageDriver) {
        QString line = rawLineContaining(s, ProbeId::DaemonJson, QLatin1StringView("\"storage-driver\""));
        if (line.isEmpty())
            line = QStringLiteral("\"storage-driver\": \"%1\"").arg(*s.daemonJson.value.storageDriver);
        d.sources.append({ProbeId::DaemonJson, *s.daemonJson.value.storageDriver, line, false, true});
    }
    if (s.dockerStorage.isOk() && s.dockerStorage.value.flags.storageDriver) {
        QString line =
            rawLineContaining(s, ProbeId::DockerStorage, QLatin1StringView("DOCKER_STORAGE_OPTIONS"));
        if (line.isEmpty())
            line = s.dockerStorage.value.flags.evidence;
        d.sources.append({ProbeId::DockerStorage, *s.dockerStorage.value.flags.storageDriver, line, true,
                          dockerStorageReachesDockerd(s)});
    }
    for (const auto &[probeId, cmd] : {std::pair{ProbeId::DockerdCmdline, &s.dockerdCmdline},
                                       std::pair{ProbeId::DockerdExecStart, &s.dockerdExecStart}}) {
        if (cmd->isOk() && cmd->value.flags.storageDriver)
            d.sources.append(
                {probeId, *cmd->value.flags.storageDriver, cmd->value.flags.evidence, true, true});
    }
    const std::pair<const char *, bool> known[] = {{ProbeId::DaemonJson, s.daemonJson.isKnown()},
                                                   {ProbeId::DockerStorage, s.dockerStorage.isKnown()},
                                                   {ProbeId::DockerdCmdline, s.dockerdCmdline.isKnown()},
                                                   {ProbeId::DockerdExecStart, s.dockerdExecStart.isKnown()}};
    for (const auto &[probeId, isKnown] : known) {
        if (!isKnown)
            d.unreadable.append(QString::fromLatin1(probeId));
    }
    for (const DriverSource &src : std::as_const(d.sources)) {
        if (src.reachesDockerd) {
            d.configured = src.driver;
            break;
        }
    }
    if (s.dockerInfo.isOk() && s.dockerInfo.value.valid) {
        d.running = s.dockerInfo.value.driver;
        d.engineVersion = s.dockerInfo.value.serverVersion;
    }
    return d;
}

Tone HostFact::tone() const
{
    Tone worst = Tone::Normal;
    for (const QList<FactPart> &line : lines) {
        for (const FactPart &p : line) {
            if (toneRank(p.tone) > toneRank(worst) && p.tone != Tone::Muted)
                worst = p.tone;
        }
    }
    return worst;
}

QString HostFact::plainText(const QString &lineSeparator) const
{
    QStringList out;
    for (const QList<FactPart> &line : lines) {
        QStringList parts;
        for (const FactPart &p : line)
            parts.append(p.text);
        out.append(parts.join(QLatin1Char(' ')));
    }
    return out.join(lineSeparator);
}

QList<HostFact> hostFacts(const HostSnapshot &s)
{
    const StorageDriverFacts driver = storageDriverFacts(s);
    return {kernelFact(s),
            configuredDriverFact(s, driver),
            runningDriverFact(s, driver),
            backingFact(s),
            dtypeFact(s),
            overlayParamFact(s, "redirect-dir", QStringLiteral("redirect_dir"),
                             QStringLiteral("CONFIG_OVERLAY_FS_REDIRECT_DIR")),
            overlayParamFact(s, "index", QStringLiteral("index"), QStringLiteral("CONFIG_OVERLAY_FS_INDEX")),
            dockerRootFact(s),
            mountsFact(s),
            containersFact(s)};
}

QString probeStatusDisplayName(ProbeStatus status)
{
    switch (status) {
    case ProbeStatus::Ok:
        return CoreTr::tr("ok");
    case ProbeStatus::Absent:
        return CoreTr::tr("absent");
    case ProbeStatus::Failed:
        return CoreTr::tr("failed");
    case ProbeStatus::Timeout:
        return CoreTr::tr("timed out");
    case ProbeStatus::NoPermission:
        return CoreTr::tr("no permission");
    case ProbeStatus::NotCollected:
        break;
    }
    return CoreTr::tr("not collected");
}

QString unknownProbeText(const char *probeId, ProbeStatus status)
{
    return CoreTr::tr("unknown (probe %1: %2)").arg(QLatin1String(probeId), probeStatusDisplayName(status));
}

DockerRootDisk dockerRootDisk(const HostSnapshot &s)
{
    DockerRootDisk disk;
    if (s.disks.isOk()) {
        if (const DiskUsage *row = s.disks.value.filesystemOf(s.dockerRoot()))
            disk.filesystem = *row;
    }
    // Covered: the mount the root path resolves to hides earlier mounts (a tmpfs on /var/lib/docker over
    // docker's overlays, a mount on /var/lib over the docker disk). A cover further down (on overlay2)
    // leaves the root's own filesystem docker's: its figures stand.
    if (s.mounts.isOk()) {
        const MountTree &tree = s.mounts.value;
        const int holder = tree.resolvePath(s.dockerRoot());
        if (holder >= 0 && tree.mountPointBytes(holder) != "/") {
            for (int hidden : tree.hiddenMounts())
                disk.covered = disk.covered || tree.coveringMount(hidden) == holder;
        }
    }
    return disk;
}

qint64 hostUrgency(HostStatus status, std::optional<Severity> worst, int coveredMounts, int findingCount)
{
    constexpr qint64 band = 1'000'000'000;
    if (status == HostStatus::HostKeyChanged || status == HostStatus::HostKeyRevoked)
        return 6 * band;
    if (worst == Severity::Critical)
        return 5 * band + qint64(qBound(0, coveredMounts, 9'999'999)) * 10 + qBound(0, findingCount, 9);
    if (isFailedHostStatus(status) && status != HostStatus::Cancelled)
        return 4 * band + hostStatusAttention(status);
    if (worst)
        return (int(*worst) + 2) * band + qBound(0, findingCount, 9);
    return status == HostStatus::NotProbed ? 0 : band;
}

} // namespace lw
