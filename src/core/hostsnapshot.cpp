#include "hostsnapshot.h"

#include "coretr.h"

namespace lw {

namespace {

// Starts a Probed<T> from the capture: only an Ok probe is parsed; every other status is kept as is.
template<typename T, typename Parse>
Probed<T> parseProbe(const RawCapture &capture, const char *probeId, Parse parse)
{
    Probed<T> result;
    const ProbeOutput out = capture.probe(QString::fromLatin1(probeId));
    result.status = out.status;
    if (out.status == ProbeStatus::Ok)
        result.value = parse(QByteArrayView(out.output));
    return result;
}

ParseError wholeInputError(const QString &message)
{
    return ParseError{0, 0, message};
}

// A whole input that could not be read turns an Ok probe into Failed; the errors are kept.
template<typename T>
void failIf(Probed<T> &probed, bool failed, const QList<ParseError> &errors, const QString &fallbackMessage)
{
    probed.errors = errors;
    if (probed.status != ProbeStatus::Ok || !failed)
        return;
    probed.status = ProbeStatus::Failed;
    if (probed.errors.isEmpty())
        probed.errors.append(wholeInputError(fallbackMessage));
}

} // namespace

QString HostSnapshot::dockerRoot() const
{
    if (dockerInfo.isOk() && dockerInfo.value.valid && !dockerInfo.value.dockerRootDir.isEmpty())
        return dockerInfo.value.dockerRootDir;
    if (daemonJson.isOk() && daemonJson.value.dataRoot && !daemonJson.value.dataRoot->isEmpty())
        return *daemonJson.value.dataRoot;
    for (const Probed<DockerdCommandLine> *cmd : {&dockerdCmdline, &dockerdExecStart}) {
        if (cmd->isOk() && cmd->value.flags.dataRoot && !cmd->value.flags.dataRoot->isEmpty())
            return *cmd->value.flags.dataRoot;
    }
    if (dockerStorage.isOk() && dockerStorage.value.flags.dataRoot &&
        !dockerStorage.value.flags.dataRoot->isEmpty())
        return *dockerStorage.value.flags.dataRoot;
    return QStringLiteral("/var/lib/docker");
}

HostSnapshot buildSnapshot(const RawCapture &capture, const MountInfo *parsedMountInfo)
{
    HostSnapshot s;
    s.host = capture.host;
    s.raw = capture;

    s.daemonJson = parseProbe<DaemonJson>(capture, ProbeId::DaemonJson, parseDaemonJson);
    failIf(s.daemonJson, !s.daemonJson.value.valid,
           s.daemonJson.isOk() && !s.daemonJson.value.valid ? QList<ParseError>{s.daemonJson.value.error}
                                                            : QList<ParseError>{},
           CoreTr::tr("daemon.json is not valid JSON"));

    s.dockerStorage =
        parseProbe<DockerStorageSysconfig>(capture, ProbeId::DockerStorage, parseDockerStorageSysconfig);
    // Line errors leave the rest usable; only an input with errors and nothing readable failed.
    failIf(s.dockerStorage,
           !s.dockerStorage.value.errors.isEmpty() && s.dockerStorage.value.variables.isEmpty(),
           s.dockerStorage.value.errors, CoreTr::tr("docker-storage could not be read"));

    s.dockerdCmdline = parseProbe<DockerdCommandLine>(capture, ProbeId::DockerdCmdline, parseDockerdCmdline);
    failIf(s.dockerdCmdline, s.dockerdCmdline.value.argv.isEmpty(), s.dockerdCmdline.value.errors,
           CoreTr::tr("the dockerd command line is empty"));

    s.dockerdExecStart =
        parseProbe<DockerdCommandLine>(capture, ProbeId::DockerdExecStart, parseSystemctlExecStart);
    failIf(s.dockerdExecStart, s.dockerdExecStart.value.argv.isEmpty(), s.dockerdExecStart.value.errors,
           CoreTr::tr("no ExecStart command line found"));

    s.dockerInfo = parseProbe<DockerInfo>(capture, ProbeId::DockerInfo, parseDockerInfo);
    failIf(s.dockerInfo, !s.dockerInfo.value.valid,
           s.dockerInfo.isOk() && !s.dockerInfo.value.valid ? QList<ParseError>{s.dockerInfo.value.error}
                                                            : QList<ParseError>{},
           CoreTr::tr("docker info output is not valid JSON"));

    s.containers = parseProbe<DockerContainers>(capture, ProbeId::DockerContainers, parseDockerContainers);
    failIf(s.containers, s.containers.value.containers.isEmpty() && !s.containers.value.errors.isEmpty(),
           s.containers.value.errors, CoreTr::tr("the container list could not be read"));

    s.layers = parseProbe<DockerLayers>(capture, ProbeId::DockerLayers, parseDockerLayers);
    failIf(s.layers, !s.layers.value.complete, s.layers.value.errors,
           CoreTr::tr("the layer inventory could not be read"));

    s.layerSizes = parseProbe<LayerSizes>(capture, ProbeId::DockerLayerSizes, parseLayerSizes);
    failIf(s.layerSizes, s.layerSizes.value.bytes.isEmpty() && !s.layerSizes.value.errors.isEmpty(),
           s.layerSizes.value.errors, CoreTr::tr("the layer sizes could not be read"));

    s.unitOrdering =
        parseProbe<DockerUnitOrdering>(capture, ProbeId::DockerdExecStart, parseDockerUnitOrdering);
    failIf(s.unitOrdering, !s.unitOrdering.value.known, {},
           CoreTr::tr("systemctl did not report RequiresMountsFor and After"));

    s.kernelRelease = parseProbe<KernelRelease>(capture, ProbeId::KernelRelease, parseKernelRelease);
    failIf(s.kernelRelease, !s.kernelRelease.value.valid, {},
           CoreTr::tr("the kernel release could not be read"));

    s.kernelConfig = parseProbe<KernelConfig>(capture, ProbeId::KernelConfig, parseKernelConfig);
    failIf(s.kernelConfig, s.kernelConfig.value.values.isEmpty(), {},
           CoreTr::tr("the kernel configuration is empty"));

    s.overlayParams = parseProbe<OverlayParams>(capture, ProbeId::OverlayParams, parseOverlayParams);
    failIf(s.overlayParams, s.overlayParams.value.values.isEmpty() && !s.overlayParams.value.errors.isEmpty(),
           s.overlayParams.value.errors, CoreTr::tr("the overlay module parameters could not be read"));

    s.disks = parseProbe<DiskUsageTable>(capture, ProbeId::DiskUsage, parseDf);
    failIf(s.disks, s.disks.value.rows.isEmpty(), s.disks.value.errors,
           CoreTr::tr("df printed no filesystems"));

    // The tree needs the docker root, which needs the parsed configuration: build it last.
    const ProbeOutput mountOutput = capture.probe(QString::fromLatin1(ProbeId::MountInfo));
    s.mounts.status = mountOutput.status;
    if (mountOutput.status == ProbeStatus::Ok) {
        MountInfo info =
            parsedMountInfo ? *parsedMountInfo : parseMountInfo(QByteArrayView(mountOutput.output));
        const bool empty = info.mounts.isEmpty();
        s.mounts.value = MountTree::build(std::move(info.mounts), s.dockerRoot());
        failIf(s.mounts, empty, info.errors, CoreTr::tr("mountinfo lists no mounts"));
    }
    return s;
}

} // namespace lw
