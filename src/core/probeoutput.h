#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace lw {

// Stable probe IDs. They are the file names of a capture directory (docs/capture-layout.md) and the
// section names of the probe bundle (resources/probes/).
namespace ProbeId {
inline constexpr char DaemonJson[] = "daemon-json";         // cat /etc/docker/daemon.json
inline constexpr char DockerStorage[] = "docker-storage";   // cat /etc/sysconfig/docker-storage
inline constexpr char DockerdCmdline[] = "dockerd-cmdline"; // /proc/<dockerd pid>/cmdline (NUL-separated)
inline constexpr char DockerdExecStart[] =
    "dockerd-execstart"; // systemctl show docker -p ExecStart -p RequiresMountsFor -p After
inline constexpr char DockerInfo[] = "docker-info";             // docker info --format '{{json .}}'
inline constexpr char DockerContainers[] = "docker-containers"; // docker container inspect (our template)
inline constexpr char DockerLayers[] = "docker-layers"; // overlay2 entries, layerdb and BuildKit names
inline constexpr char DockerLayerSizes[] = "docker-layer-sizes"; // du -skx of unreferenced layer dirs
inline constexpr char KernelRelease[] = "uname-r";               // uname -r
inline constexpr char KernelConfig[] = "kernel-config";   // /proc/config.gz or /boot/config-$(uname -r)
inline constexpr char OverlayParams[] = "overlay-params"; // name=value per /sys/module/overlay/parameters/*
inline constexpr char MountInfo[] = "mountinfo";          // /proc/self/mountinfo
inline constexpr char DiskUsage[] = "df";                 // df -PT -B1
QStringList all();
} // namespace ProbeId

enum class ProbeStatus {
    Ok,           // ran, output is the data
    Absent,       // the thing probed does not exist on the host (e.g. no daemon.json): a fact, not an error
    Failed,       // ran and failed (non-zero exit, unreadable file)
    Timeout,      // cut off by its per-probe timeout
    NoPermission, // needs root and had none
    NotCollected, // not in the capture at all
};
QString
probeStatusName(ProbeStatus status); // "ok", "absent", "failed", "timeout", "no-permission", "not-collected"
ProbeStatus probeStatusFromName(const QString &name, bool *ok = nullptr);

// The raw result of one probe on one host.
struct ProbeOutput
{
    ProbeStatus status = ProbeStatus::NotCollected;
    QByteArray output;      // stdout (the data)
    QByteArray errorOutput; // stderr
    int exitCode = -1;      // -1: unknown
    qint64 durationMs = -1;
    bool truncated = false; // output was capped
};

// Every probe's raw output for one host: what `probe --save` writes and `analyze` reads.
struct RawCapture
{
    QString host;
    QDateTime collectedAt;
    QMap<QString, ProbeOutput> probes; // by ProbeId
    // Probes the host answered "unchanged" on a refresh: their entries are the earlier reply's data. Shown
    // in the console; not written to capture directories or the snapshot store.
    QStringList unchanged;

    ProbeOutput probe(const QString &id) const { return probes.value(id); }
};

} // namespace lw
