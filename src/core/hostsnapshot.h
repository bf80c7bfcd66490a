#pragma once

#include "diskusage.h"
#include "dockerconfig.h"
#include "dockerinfo.h"
#include "dockerstate.h"
#include "kernel.h"
#include "mountinfo.h"
#include "mounttree.h"
#include "probeoutput.h"

#include <QList>
#include <QString>

namespace lw {

// A probe's parsed value together with whether it can be trusted. A rule must treat anything but
// status Ok (and, where it means something, Absent) as "unknown", never as healthy.
template<typename T> struct Probed
{
    ProbeStatus status = ProbeStatus::NotCollected;
    T value{};
    QList<ParseError> errors; // parse errors; the value may still be partly usable

    bool isOk() const { return status == ProbeStatus::Ok; }
    bool isAbsent() const { return status == ProbeStatus::Absent; }
    bool isKnown() const { return status == ProbeStatus::Ok || status == ProbeStatus::Absent; }
};

// All parsed probe results of one host.
struct HostSnapshot
{
    QString host;
    RawCapture raw;

    Probed<DaemonJson> daemonJson;
    Probed<DockerStorageSysconfig> dockerStorage;
    Probed<DockerdCommandLine> dockerdCmdline;
    Probed<DockerdCommandLine> dockerdExecStart;
    Probed<DockerInfo> dockerInfo;
    Probed<DockerContainers> containers;
    Probed<DockerLayers> layers;
    Probed<LayerSizes> layerSizes;
    Probed<DockerUnitOrdering> unitOrdering; // from the dockerd-execstart probe
    Probed<KernelRelease> kernelRelease;
    Probed<KernelConfig> kernelConfig;
    Probed<OverlayParams> overlayParams;
    Probed<MountTree> mounts; // built with dockerInfo's DockerRootDir when known
    Probed<DiskUsageTable> disks;

    // DockerRootDir from docker info, else data-root from the configuration, else /var/lib/docker.
    QString dockerRoot() const;
};

// Parses every probe of a capture; never fails (bad parts become errors and statuses).
// parsedMountInfo: the capture's mountinfo output, already parsed by the caller from those very bytes (the
// sweep reads the table over SFTP and parses it for df's rows): not parsed a second time.
HostSnapshot buildSnapshot(const RawCapture &capture, const MountInfo *parsedMountInfo = nullptr);

} // namespace lw
