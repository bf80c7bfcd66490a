#include "rules.h"

#include "coretr.h"
#include "hostfacts.h"
#include "layeranalysis.h"
#include "ruleresult.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <functional>

namespace lw {

namespace rules {

RuleResult passed(const char *id, const QString &reason)
{
    return {RuleCheck{QString::fromLatin1(id), RuleState::Passed, reason}, {}};
}

RuleResult unknown(const char *id, const QString &reason)
{
    return {RuleCheck{QString::fromLatin1(id), RuleState::Unknown, reason}, {}};
}

RuleResult failed(const char *id, const QString &reason, Finding finding)
{
    return {RuleCheck{QString::fromLatin1(id), RuleState::Failed, reason}, {std::move(finding)}};
}

Finding makeFinding(const char *id, Severity severity)
{
    Finding f;
    f.id = QString::fromLatin1(id);
    f.severity = severity;
    f.title = findingTitle(f.id);
    return f;
}

QString whyUnusable(const char *probeId, ProbeStatus status, const QList<ParseError> &errors)
{
    const QString name = QString::fromLatin1(probeId);
    switch (status) {
    case ProbeStatus::Ok:
        return CoreTr::tr("probe %1 has no usable data").arg(name);
    case ProbeStatus::Absent:
        return CoreTr::tr("probe %1 found nothing on the host").arg(name);
    case ProbeStatus::Failed:
        if (!errors.isEmpty())
            return CoreTr::tr("probe %1 failed or could not be parsed: %2")
                .arg(name, errors.constFirst().message);
        return CoreTr::tr("probe %1 failed").arg(name);
    case ProbeStatus::Timeout:
        return CoreTr::tr("probe %1 timed out").arg(name);
    case ProbeStatus::NoPermission:
        return CoreTr::tr("probe %1 had no permission (needs root)").arg(name);
    case ProbeStatus::NotCollected:
        return CoreTr::tr("probe %1 was not collected").arg(name);
    }
    return CoreTr::tr("probe %1 was not collected").arg(name);
}

} // namespace rules

namespace {

using namespace rules;

QString probeLabel(const char *probeId)
{
    return QString::fromLatin1(probeId);
}

QString rawText(const HostSnapshot &s, const char *probeId)
{
    return QString::fromUtf8(s.raw.probe(QString::fromLatin1(probeId)).output);
}

// The first line of a probe's raw output that contains needle, trimmed; empty if none.
QString rawLineContaining(const HostSnapshot &s, const char *probeId, const QString &needle)
{
    const QStringList lines = rawText(s, probeId).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.contains(needle))
            return line.trimmed();
    }
    return QString();
}

QString rawLine(const HostSnapshot &s, const char *probeId, int lineNumber)
{
    const QStringList lines = rawText(s, probeId).split(QLatin1Char('\n'));
    if (lineNumber >= 1 && lineNumber <= lines.size())
        return lines.at(lineNumber - 1);
    return QString();
}

bool isOverlayDriverName(const QString &driver)
{
    return driver == QLatin1String("overlay2") || driver == QLatin1String("overlayfs");
}

// --- covered mounts --------------------------------------------------------------------------------

RuleResult checkHiddenMounts(const HostSnapshot &s, bool overlay)
{
    const char *id = overlay ? FindingId::ShadowedOverlayMounts : FindingId::ShadowedMounts;
    if (!s.mounts.isOk())
        return unknown(id, whyUnusable(ProbeId::MountInfo, s.mounts));
    const MountTree &tree = s.mounts.value;
    Finding f = makeFinding(id, overlay ? Severity::Critical : Severity::Warning);
    QStringList coverLines;
    for (int index : tree.hiddenMounts()) {
        const MountEntry &m = tree.mounts().at(index);
        if (m.isOverlay() != overlay)
            continue;
        f.mountIds.append(m.id);
        f.evidence.append(m.rawLine);
        const int cover = tree.coveringMount(index);
        if (cover >= 0) {
            const MountEntry &c = tree.mounts().at(cover);
            if (!f.coveredBy.contains(c.id)) {
                f.coveredBy.append(c.id);
                coverLines.append(c.rawLine);
            }
        }
        const QString layer = tree.layerId(index);
        if (!layer.isEmpty() && !f.layerIds.contains(layer))
            f.layerIds.append(layer);
    }
    if (f.mountIds.isEmpty()) {
        const bool truncated = s.raw.probe(QString::fromLatin1(ProbeId::MountInfo)).truncated;
        if (truncated)
            return unknown(id, CoreTr::tr("probe %1 was truncated; hidden mounts may be missing from it")
                                   .arg(probeLabel(ProbeId::MountInfo)));
        if (!s.mounts.errors.isEmpty())
            return unknown(id,
                           CoreTr::tr("probe %1 has unreadable lines (%2); hidden mounts may be among them")
                               .arg(probeLabel(ProbeId::MountInfo), s.mounts.errors.constFirst().message));
        return passed(id, overlay ? CoreTr::tr("no overlay mount is hidden by a later mount")
                                  : CoreTr::tr("no other mount is hidden by a later mount"));
    }
    f.evidence.append(coverLines);
    const QString count = QString::number(f.mountIds.size());
    if (overlay) {
        QString who;
        if (s.containers.isOk()) {
            const LayerAnalysis layers = analyzeLayers(s);
            QStringList running, other, removed;
            int unmatched = 0;
            for (const MountedLayer &m : layers.hiddenLayers()) {
                const FindingContainer c = findingContainer(s, m);
                f.containers.append(c);
                if (c.removed)
                    removed.append(c.label());
                else if (c.id.isEmpty())
                    ++unmatched;
                else
                    (c.running ? running : other).append(c.label());
            }
            if (unmatched > 0) {
                // docker's layer database is covered too: the running containers, without their layers
                QStringList names;
                for (const DockerContainer *c : s.containers.value.running()) {
                    if (c->layerId.isEmpty())
                        names.append(c->name.isEmpty() ? c->shortId() : c->name);
                }
                who +=
                    QLatin1Char(' ') +
                    CoreTr::tr("%n hidden mount(s) cannot be matched to a container (docker's layer database "
                               "is covered too); the running containers are: %1.",
                               nullptr, unmatched)
                        .arg(shortList(names));
            }
            if (!running.isEmpty())
                who +=
                    QLatin1Char(' ') + CoreTr::tr("Running containers affected: %1.").arg(shortList(running));
            if (!other.isEmpty())
                who += QLatin1Char(' ') +
                       CoreTr::tr("Stopped containers still mounted: %1.").arg(shortList(other));
            if (!removed.isEmpty())
                who +=
                    QLatin1Char(' ') + CoreTr::tr("%n hidden mount(s) belong to containers already removed "
                                                  "(leaked: see leaked-overlay-mounts).",
                                                  nullptr, int(removed.size()));
        } else {
            who = QLatin1Char(' ') + CoreTr::tr("Which containers are affected is unknown (%1).")
                                         .arg(whyUnusable(ProbeId::DockerContainers, s.containers));
        }
        // A cover of the same filesystem as the docker root (a bind) fails removals differently.
        bool sameFilesystem = false;
        const int rootMount = tree.resolvePath(tree.dockerRoot());
        for (int id : std::as_const(f.coveredBy)) {
            const int c = tree.indexOfId(id);
            for (int index : tree.hiddenMounts()) {
                const MountEntry &hidden = tree.mounts().at(index);
                if (hidden.isOverlay() && tree.coveringMount(index) == c) {
                    const int holder = tree.parentIndex(index);
                    if (holder >= 0 && tree.mounts().at(holder).major == tree.mounts().at(c).major &&
                        tree.mounts().at(holder).minor == tree.mounts().at(c).minor)
                        sameFilesystem = true;
                }
            }
        }
        Q_UNUSED(rootMount);
        QStringList coverPoints;
        for (int coverId : std::as_const(f.coveredBy)) {
            const int c = tree.indexOfId(coverId);
            if (c >= 0 && !coverPoints.contains(tree.mounts().at(c).mountPoint))
                coverPoints.append(tree.mounts().at(c).mountPoint);
        }
        f.explanation =
            CoreTr::tr("%1 overlay mount(s) (container root filesystems) are hidden by a mount made later at "
                       "the same path or a parent path: here on %2, mounted after docker started.")
                .arg(count, coverPoints.join(QLatin1String(", "))) +
            who + QLatin1Char(' ') + coveredLayerSymptom(s, sameFilesystem) + QLatin1Char(' ') +
            CoreTr::tr("The data is not lost and the containers keep running; it is only covered. Fix: "
                       "unmount the covering mounts from the bottom up (fix-shadowed-mounts keeps every "
                       "container running), or migrate the workloads and reboot the node.");
        f.remediation = QStringLiteral("fix-shadowed-mounts");
    } else {
        f.explanation =
            CoreTr::tr("%1 mount(s) are hidden by a mount made later at the same path or a parent "
                       "path. Programs on the host see the covering file system instead of "
                       "them. Check whether the later mount was intended.")
                .arg(count);
        // A mount made on / of the namespace is covered by the root itself (MountTree's reader's root).
        QStringList onRoot;
        for (int mountId : std::as_const(f.mountIds)) {
            const int index = tree.indexOfId(mountId);
            const int cover = tree.coveringMount(index);
            if (cover >= 0 && tree.parentIndex(cover) < 0 && tree.mountPointBytes(cover) == "/" &&
                tree.mountPointBytes(index) == "/")
                onRoot.append(QString::number(mountId));
        }
        if (!onRoot.isEmpty())
            f.explanation +=
                QLatin1Char(' ') +
                CoreTr::tr(
                    "Mount(s) %1 were made on / of the mount namespace: a process whose root is the old "
                    "/ (such as the probe's shell, or any process started before) still sees the old "
                    "root and every mount in it, and none of what was mounted on /.")
                    .arg(onRoot.join(QLatin1String(", ")));
    }
    const QString reason = overlay ? CoreTr::tr("%1 overlay mount(s) hidden").arg(count)
                                   : CoreTr::tr("%1 mount(s) hidden").arg(count);
    return failed(id, reason, std::move(f));
}

// --- storage driver configuration ------------------------------------------------------------------

QString sourceEvidence(const DriverSource &src)
{
    return QStringLiteral("%1: %2").arg(QString::fromLatin1(src.probeId), src.evidence);
}

RuleResult checkDriverConflict(const HostSnapshot &s)
{
    const char *id = FindingId::StorageDriverConflict;
    if (!s.daemonJson.isKnown())
        return unknown(id, whyUnusable(ProbeId::DaemonJson, s.daemonJson));
    const StorageDriverFacts driver = storageDriverFacts(s);
    const QList<DriverSource> effective = driver.effective();
    const auto config =
        std::find_if(effective.cbegin(), effective.cend(), [](const DriverSource &d) { return !d.flag; });
    if (config == effective.cend())
        return passed(id, s.daemonJson.isAbsent() ? CoreTr::tr("there is no daemon.json")
                                                  : CoreTr::tr("daemon.json does not set storage-driver"));
    if (driver.setAsFlagAndInDaemonJson()) {
        Finding f = makeFinding(id, Severity::Critical);
        for (const DriverSource &src : effective)
            f.evidence.append(sourceEvidence(src));
        f.explanation = CoreTr::tr(
            "The storage driver is set both in /etc/docker/daemon.json and as a dockerd flag "
            "(on the command line or through DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage). "
            "dockerd refuses to start with \"the following directives are specified both as a "
            "flag and in the configuration file: storage-driver\", even when both values are the "
            "same. Keep the setting in one place only, then restart docker.");
        f.remediation = QStringLiteral("fix-storage-driver-conflict");
        return failed(id, CoreTr::tr("storage-driver is set in daemon.json and as a flag"), std::move(f));
    }
    // No flag seen: that only proves something if the flag sources were readable.
    if (!s.dockerStorage.isKnown())
        return unknown(id, whyUnusable(ProbeId::DockerStorage, s.dockerStorage));
    if (!s.dockerdCmdline.isOk() && !s.dockerdExecStart.isOk())
        return unknown(id, CoreTr::tr("neither the dockerd command line nor its ExecStart is known: %1; %2")
                               .arg(whyUnusable(ProbeId::DockerdCmdline, s.dockerdCmdline),
                                    whyUnusable(ProbeId::DockerdExecStart, s.dockerdExecStart)));
    return passed(id, CoreTr::tr("storage-driver is set in daemon.json only"));
}

RuleResult checkDriverNotOverlay(const HostSnapshot &s)
{
    const char *id = FindingId::StorageDriverNotOverlay2;
    const StorageDriverFacts driver = storageDriverFacts(s);
    const QList<DriverSource> sources = driver.effective();
    const bool running = !driver.running.isEmpty();
    if (!running && sources.isEmpty()) {
        return unknown(id, CoreTr::tr("the running driver is unknown (%1) and no driver is configured")
                               .arg(whyUnusable(ProbeId::DockerInfo, s.dockerInfo)));
    }
    Finding f = makeFinding(id, Severity::Warning);
    if (running && !isOverlayDriverName(driver.running))
        f.evidence.append(
            QStringLiteral("%1: Driver: %2").arg(probeLabel(ProbeId::DockerInfo), driver.running));
    for (const DriverSource &src : sources) {
        if (!isOverlayDriverName(src.driver))
            f.evidence.append(sourceEvidence(src));
    }
    if (f.evidence.isEmpty()) {
        return passed(id, running ? CoreTr::tr("docker runs with %1").arg(driver.running)
                                  : CoreTr::tr("the configured driver is %1").arg(sources.first().driver));
    }
    f.explanation = CoreTr::tr("Docker is not using (or not configured to use) the overlay2 storage driver. "
                               "overlay2 is Docker's default and recommended driver; the checks and repair "
                               "plans of this tool assume it. Plan a migration to overlay2; changing the "
                               "driver hides existing images and containers until they are recreated.");
    return failed(id, CoreTr::tr("storage driver is not overlay2"), std::move(f));
}

// --- kernel -----------------------------------------------------------------------------------------

RuleResult checkKernel(const HostSnapshot &s)
{
    const char *id = FindingId::KernelTooOld;
    KernelRelease release;
    QString source;
    if (s.kernelRelease.isOk() && s.kernelRelease.value.valid) {
        release = s.kernelRelease.value;
        source = probeLabel(ProbeId::KernelRelease);
    } else if (s.dockerInfo.isOk() && !s.dockerInfo.value.kernelVersion.isEmpty()) {
        release = parseKernelRelease(s.dockerInfo.value.kernelVersion.toUtf8());
        source = probeLabel(ProbeId::DockerInfo);
    }
    if (!release.valid)
        return unknown(id, whyUnusable(ProbeId::KernelRelease, s.kernelRelease));
    if (release.supportsOverlay2())
        return passed(id, CoreTr::tr("kernel %1 supports overlay2").arg(release.text));
    Finding f = makeFinding(id, Severity::Critical);
    f.evidence.append(QStringLiteral("%1: %2").arg(source, release.text));
    f.explanation = CoreTr::tr("Kernel %1 is too old for overlay2: it needs a native kernel 4.0 or later (on "
                               "RHEL/CentOS 7, 3.10.0-514 or later). Docker may refuse the driver or "
                               "containers may misbehave. Upgrade the kernel before using overlay2.")
                        .arg(release.text);
    return failed(id, CoreTr::tr("kernel %1 is older than 4.0").arg(release.text), std::move(f));
}

// A kernel overlay feature: the module parameter wins; without it, the kernel config default.
RuleResult checkOverlayFeature(const HostSnapshot &s, const char *id, const QString &param,
                               const QString &configOption, Severity severity, const QString &explanation,
                               const QString &remediation)
{
    if (s.overlayParams.isOk()) {
        if (const std::optional<bool> on = s.overlayParams.value.flag(param)) {
            if (*on)
                return passed(id, CoreTr::tr("overlay parameter %1 is enabled").arg(param));
            Finding f = makeFinding(id, severity);
            f.evidence.append(QStringLiteral("/sys/module/overlay/parameters/%1=%2")
                                  .arg(param, s.overlayParams.value.values.value(param)));
            f.explanation = explanation;
            f.remediation = remediation;
            return failed(id, CoreTr::tr("overlay parameter %1 is disabled").arg(param), std::move(f));
        }
    }
    if (s.kernelConfig.isOk()) {
        if (s.kernelConfig.value.option(configOption) != KernelOption::Unset)
            return passed(id, CoreTr::tr("%1 is enabled in the kernel configuration").arg(configOption));
        Finding f = makeFinding(id, severity);
        QString line = rawLineContaining(s, ProbeId::KernelConfig, configOption);
        if (line.isEmpty())
            line = CoreTr::tr("%1 is not in the kernel configuration").arg(configOption);
        f.evidence.append(QStringLiteral("%1: %2").arg(probeLabel(ProbeId::KernelConfig), line));
        if (s.overlayParams.isOk())
            f.evidence.append(CoreTr::tr("no overlay parameter %1").arg(param));
        // Without the module parameter the kernel lacks the feature: no script can switch it on.
        f.explanation = explanation;
        return failed(id, CoreTr::tr("%1 is not enabled in the kernel").arg(configOption), std::move(f));
    }
    return unknown(id, CoreTr::tr("%1; %2").arg(whyUnusable(ProbeId::OverlayParams, s.overlayParams),
                                                whyUnusable(ProbeId::KernelConfig, s.kernelConfig)));
}

RuleResult checkRedirectDir(const HostSnapshot &s)
{
    return checkOverlayFeature(
        s, FindingId::RedirectDirDisabled, QStringLiteral("redirect_dir"),
        QStringLiteral("CONFIG_OVERLAY_FS_REDIRECT_DIR"), Severity::Warning,
        CoreTr::tr(
            "The overlay redirect_dir feature is off. Renaming a directory inside a container works only "
            "when both source and target are in the upper layer; otherwise rename(2) fails with EXDEV "
            "(\"Invalid cross-device link\"), which breaks programs that move directories. Kernel "
            "4.10 added redirect_dir (CONFIG_OVERLAY_FS_REDIRECT_DIR); enable it by setting "
            "/sys/module/overlay/parameters/redirect_dir to Y."),
        QStringLiteral("enable-redirect-dir"));
}

RuleResult checkIndex(const HostSnapshot &s)
{
    return checkOverlayFeature(
        s, FindingId::IndexDisabled, QStringLiteral("index"), QStringLiteral("CONFIG_OVERLAY_FS_INDEX"),
        Severity::Info,
        CoreTr::tr(
            "The overlay index feature is off. When a file with several hard links in a lower layer is "
            "written, copy-up breaks the hard links: the other names keep the old content. Kernel 4.13 "
            "added the index feature (CONFIG_OVERLAY_FS_INDEX), but it is not forward compatible and "
            "cannot be enabled on a running system (no hot upgrade); decide on it when planning the "
            "node, not as a quick fix."),
        QString());
}

// --- backing filesystem ----------------------------------------------------------------------------

RuleResult checkBackingFs(const HostSnapshot &s)
{
    const char *id = FindingId::BackingFsNotRecommended;
    QString fs;
    std::optional<bool> dtype;
    QString evidence;
    if (s.dockerInfo.isOk()) {
        if (const auto backing = s.dockerInfo.value.backingFilesystem()) {
            fs = *backing;
            dtype = s.dockerInfo.value.supportsDType();
            evidence = QStringLiteral("%1: Backing Filesystem: %2").arg(probeLabel(ProbeId::DockerInfo), fs);
            if (dtype)
                evidence += QStringLiteral(", Supports d_type: %1")
                                .arg(*dtype ? QStringLiteral("true") : QStringLiteral("false"));
        }
    }
    if (fs.isEmpty() && s.disks.isOk()) {
        if (const DiskUsage *row = s.disks.value.filesystemOf(s.dockerRoot())) {
            fs = row->type;
            evidence = QStringLiteral("%1: %2").arg(probeLabel(ProbeId::DiskUsage),
                                                    rawLine(s, ProbeId::DiskUsage, row->line).simplified());
        }
    }
    if (fs.isEmpty()) {
        return unknown(id, CoreTr::tr("the backing filesystem is unknown: %1; %2")
                               .arg(whyUnusable(ProbeId::DockerInfo, s.dockerInfo),
                                    whyUnusable(ProbeId::DiskUsage, s.disks)));
    }
    if (fs == QLatin1String("extfs") || fs == QLatin1String("ext4"))
        return passed(id, CoreTr::tr("backing filesystem is %1").arg(fs));
    if (fs == QLatin1String("xfs")) {
        if (!dtype)
            return unknown(
                id, CoreTr::tr("backing filesystem is xfs, but whether it supports d_type is unknown"));
        if (*dtype)
            return passed(id, CoreTr::tr("backing filesystem is xfs with d_type (ftype=1)"));
    }
    Finding f = makeFinding(id, Severity::Warning);
    f.evidence.append(evidence);
    f.explanation =
        CoreTr::tr("The docker root is on %1. overlay2 is meant to run on ext4 (reported by Docker as "
                   "\"extfs\"), or on xfs formatted with ftype=1 so that it supports d_type. On other "
                   "filesystems overlay2 may be unsupported or behave incorrectly. Move the docker root to "
                   "an ext4 filesystem (or xfs with ftype=1).")
            .arg(dtype && !*dtype ? CoreTr::tr("%1 without d_type").arg(fs) : fs);
    return failed(id, CoreTr::tr("backing filesystem %1 is not recommended").arg(fs), std::move(f));
}

RuleResult checkDType(const HostSnapshot &s)
{
    const char *id = FindingId::DTypeUnsupported;
    if (!s.dockerInfo.isOk())
        return unknown(id, whyUnusable(ProbeId::DockerInfo, s.dockerInfo));
    const std::optional<bool> dtype = s.dockerInfo.value.supportsDType();
    if (!dtype)
        return unknown(id, CoreTr::tr("docker info does not report \"Supports d_type\" (driver %1)")
                               .arg(s.dockerInfo.value.driver));
    if (*dtype)
        return passed(id, CoreTr::tr("the backing filesystem supports d_type"));
    Finding f = makeFinding(id, Severity::Critical);
    f.evidence.append(QStringLiteral("%1: Supports d_type: false").arg(probeLabel(ProbeId::DockerInfo)));
    if (const auto backing = s.dockerInfo.value.backingFilesystem())
        f.evidence.append(
            QStringLiteral("%1: Backing Filesystem: %2").arg(probeLabel(ProbeId::DockerInfo), *backing));
    f.explanation =
        CoreTr::tr("The filesystem under the docker root does not support d_type (typically xfs "
                   "formatted with ftype=0). overlay2 needs d_type: without it files can vanish or "
                   "appear wrongly in containers, and newer Docker versions refuse to start with "
                   "overlay2. Reformat the filesystem with ftype=1 (mkfs.xfs -n ftype=1) or move "
                   "the docker root to ext4; existing images must be pulled again.");
    return failed(id, CoreTr::tr("d_type is not supported"), std::move(f));
}

// --- disk space -------------------------------------------------------------------------------------

RuleResult checkLowSpace(const HostSnapshot &s, const AnalysisOptions &opts)
{
    const char *id = FindingId::LowSpaceCopyUp;
    if (!s.disks.isOk())
        return unknown(id, whyUnusable(ProbeId::DiskUsage, s.disks));
    const QString root = s.dockerRoot();
    const DiskUsage *row = s.disks.value.filesystemOf(root);
    if (!row || row->size <= 0)
        return unknown(id, CoreTr::tr("df lists no filesystem holding %1").arg(root));
    const double freeRatio = double(row->available) / double(row->size);
    const QLocale c = QLocale::c();
    const QString freeText =
        QStringLiteral("%1 (%2%)")
            .arg(c.formattedDataSize(row->available, 1, QLocale::DataSizeIecFormat), // GiB, as everywhere
                 QString::number(freeRatio * 100.0, 'f', 1));
    if (freeRatio >= opts.lowSpaceFreeRatio && row->available >= opts.lowSpaceFreeBytes)
        return passed(id, CoreTr::tr("%1 free on %2").arg(freeText, row->mountPoint));
    Finding f =
        makeFinding(id, freeRatio < opts.criticalSpaceFreeRatio ? Severity::Critical : Severity::Warning);
    QString line = rawLine(s, ProbeId::DiskUsage, row->line);
    if (line.isEmpty())
        line = QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(row->filesystem, row->type, QString::number(row->size), QString::number(row->used),
                        QString::number(row->available), row->mountPoint);
    f.evidence.append(QStringLiteral("%1: %2").arg(probeLabel(ProbeId::DiskUsage), line));
    f.explanation =
        CoreTr::tr(
            "Only %1 is free on %2, the filesystem holding the docker root %3. With overlay2, the first "
            "write to a file of an image copies the whole file to the container's upper layer, even "
            "for a one-byte change; if the file is larger than the free space the write fails "
            "(\"no space left on device\"). Free space (docker system prune, remove unused images) or "
            "grow the filesystem.")
            .arg(freeText, row->mountPoint, root);
    return failed(id, CoreTr::tr("only %1 free on %2").arg(freeText, row->mountPoint), std::move(f));
}

} // namespace

QStringList ruleIds()
{
    return {QString::fromLatin1(FindingId::ShadowedOverlayMounts),
            QString::fromLatin1(FindingId::ShadowedMounts),
            QString::fromLatin1(FindingId::StorageDriverConflict),
            QString::fromLatin1(FindingId::StorageDriverNotOverlay2),
            QString::fromLatin1(FindingId::KernelTooOld),
            QString::fromLatin1(FindingId::RedirectDirDisabled),
            QString::fromLatin1(FindingId::IndexDisabled),
            QString::fromLatin1(FindingId::BackingFsNotRecommended),
            QString::fromLatin1(FindingId::DTypeUnsupported),
            QString::fromLatin1(FindingId::LowSpaceCopyUp),
            QString::fromLatin1(FindingId::LeakedOverlayMounts),
            QString::fromLatin1(FindingId::OrphanedOverlayLayers),
            QString::fromLatin1(FindingId::DockerMountNotOrdered)};
}

QString findingTitle(const QString &findingId)
{
    const QByteArray id = findingId.toLatin1();
    if (id == FindingId::ShadowedOverlayMounts)
        return CoreTr::tr("Container root filesystems are hidden by a later mount");
    if (id == FindingId::ShadowedMounts)
        return CoreTr::tr("Mounts are hidden by a later mount");
    if (id == FindingId::StorageDriverConflict)
        return CoreTr::tr("Storage driver is set both as a dockerd flag and in daemon.json");
    if (id == FindingId::StorageDriverNotOverlay2)
        return CoreTr::tr("Storage driver is not overlay2");
    if (id == FindingId::KernelTooOld)
        return CoreTr::tr("Kernel is too old for overlay2");
    if (id == FindingId::RedirectDirDisabled)
        return CoreTr::tr("Overlay redirect_dir is disabled: renaming directories fails with EXDEV");
    if (id == FindingId::IndexDisabled)
        return CoreTr::tr("Overlay index is disabled: hard links break on copy-up");
    if (id == FindingId::BackingFsNotRecommended)
        return CoreTr::tr("Backing filesystem is not recommended for overlay2");
    if (id == FindingId::DTypeUnsupported)
        return CoreTr::tr("Backing filesystem does not support d_type");
    if (id == FindingId::LowSpaceCopyUp)
        return CoreTr::tr("Low free space: copy-up of large files will fail");
    if (id == FindingId::LeakedOverlayMounts)
        return CoreTr::tr("Overlay mounts of removed or stopped containers are still mounted");
    if (id == FindingId::OrphanedOverlayLayers)
        return CoreTr::tr("Layer directories that no image or container uses take disk space");
    if (id == FindingId::DockerMountNotOrdered)
        return CoreTr::tr("docker.service does not wait for the mount that holds the docker root");
    return QString();
}

Analysis analyze(const HostSnapshot &snapshot, const AnalysisOptions &opts)
{
    const QList<std::function<RuleResult()>> rules = {
        [&] { return checkHiddenMounts(snapshot, true); },
        [&] { return checkHiddenMounts(snapshot, false); },
        [&] { return checkDriverConflict(snapshot); },
        [&] { return checkDriverNotOverlay(snapshot); },
        [&] { return checkKernel(snapshot); },
        [&] { return checkRedirectDir(snapshot); },
        [&] { return checkIndex(snapshot); },
        [&] { return checkBackingFs(snapshot); },
        [&] { return checkDType(snapshot); },
        [&] { return checkLowSpace(snapshot, opts); },
        [&] { return checkLeakedMounts(snapshot); },
        [&] { return checkOrphanedLayers(snapshot); },
        [&] { return checkMountOrdering(snapshot); },
    };
    Analysis analysis;
    for (const auto &rule : rules) {
        RuleResult result = rule();
        analysis.checks.append(result.check);
        analysis.findings.append(result.findings);
    }
    std::stable_sort(analysis.findings.begin(), analysis.findings.end(),
                     [](const Finding &a, const Finding &b) { return int(a.severity) > int(b.severity); });
    return analysis;
}

} // namespace lw
