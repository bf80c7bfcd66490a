#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw {

enum class Severity { Info = 0, Warning = 1, Critical = 2 };
QString severityName(Severity severity);                       // "info", "warning", "critical"
std::optional<Severity> severityFromName(const QString &name); // inverse; nullopt if unknown
QString severityDisplayName(Severity severity);                // translated

// Stable finding IDs (never translated, never renamed: scripts, filters and tickets refer to them).
namespace FindingId {
inline constexpr char ShadowedOverlayMounts[] = "shadowed-overlay-mounts";
inline constexpr char ShadowedMounts[] = "shadowed-mounts";
inline constexpr char StorageDriverConflict[] = "storage-driver-conflict";
inline constexpr char StorageDriverNotOverlay2[] = "storage-driver-not-overlay2";
inline constexpr char KernelTooOld[] = "kernel-too-old";
inline constexpr char RedirectDirDisabled[] = "redirect-dir-disabled";
inline constexpr char IndexDisabled[] = "index-disabled";
inline constexpr char BackingFsNotRecommended[] = "backing-fs-not-recommended";
inline constexpr char DTypeUnsupported[] = "dtype-unsupported";
inline constexpr char LowSpaceCopyUp[] = "low-space-copy-up";
inline constexpr char LeakedOverlayMounts[] = "leaked-overlay-mounts";
inline constexpr char OrphanedOverlayLayers[] = "orphaned-overlay-layers";
inline constexpr char DockerMountNotOrdered[] = "docker-mount-not-ordered";
} // namespace FindingId

// A container that a finding concerns (shadowed-overlay-mounts: the ones whose root filesystem is hidden),
// or the trace of one that is gone: a layer still mounted that no container uses any more (removed).
struct FindingContainer
{
    QString id;            // full ID; empty when removed or unknown (docker's files that name it are covered)
    QString name;          // without docker's leading '/'; empty when removed
    QString state;         // docker's State.Status ("running", "exited", ...); empty when removed
    QString restartPolicy; // "no", "always", "unless-stopped", "on-failure"; empty when removed
    QString layerId;       // its overlay2 layer directory
    bool removed = false;
    bool running = false; // State.Running: also while paused or restarting

    // "web-1 (running, restart no)" or "removed container (layer 0123456789ab)": for text reports.
    QString label() const;
};

// One thing wrong on one host, with the evidence that shows it.
struct Finding
{
    QString id; // a FindingId
    Severity severity = Severity::Info;
    QString title;                      // translated
    QString explanation;                // translated; what it means, what breaks, what to do
    QStringList evidence;               // exact lines or values from the probes
    QList<int> mountIds;                // mountinfo IDs of the affected (hidden) mounts
    QList<int> coveredBy;               // mountinfo IDs of the covering mounts (innermost cover of each)
    QStringList layerIds;               // overlay2 layer IDs of the affected mounts, where known
    QList<FindingContainer> containers; // the containers concerned, where the container list was read
    qint64 bytes = -1;                  // disk space concerned (orphaned-overlay-layers); -1 unknown
    QString remediation;                // ID of the reviewed repair script that fixes it; empty if none
};

// What a rule concluded. Unknown means its input was missing, failed or unreadable: never "healthy".
enum class RuleState { Passed, Failed, Unknown };
QString ruleStateName(RuleState state); // "passed", "failed", "unknown"

struct RuleCheck
{
    QString ruleId; // the FindingId the rule produces
    RuleState state = RuleState::Unknown;
    QString reason; // translated; for Unknown: which probe was missing and why
};

struct Analysis
{
    QList<Finding> findings; // most severe first
    QList<RuleCheck> checks; // one per rule, in rule order

    std::optional<Severity> worstSeverity() const;
    int unknownCount() const;
};

} // namespace lw
