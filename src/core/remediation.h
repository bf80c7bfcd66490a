#pragma once

#include "finding.h"
#include "hostsnapshot.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace lw {

// One parameter a reviewed script takes (resources/remediation/manifest.json).
struct RemediationParameter
{
    QString name;
    QString type; // "path", "list:mount-id", "choice", "string", "text", "sha256", ...
    QString from; // "snapshot" (filled from the host's probes), "plan", "operator", or empty (default)
    QStringList choices;
    QString defaultValue;
};

// A reviewed repair script. Its body is only usable when `verified`: the SHA-256 of the file matches the
// manifest (the reviewed state). Anything else is refused.
struct RemediationScript
{
    QString id;
    QString file;
    QString titleEn, titleZh;
    QString descriptionEn, descriptionZh;
    QString riskEn, riskZh;
    QStringList repairs; // finding IDs it repairs
    QList<RemediationParameter> parameters;
    QString verifyFindingGone;
    bool verifyWorkload = false; // verified also needs every container that ran before to run after
    int timeoutSec = 300;
    QString sha256;  // from the manifest
    QByteArray body; // the script's bytes, as read
    bool verified = false;
    QString refusal; // why it is not verified (translated)

    QString title() const; // in the UI language (zh for a Chinese locale, else en)
    QString description() const;
    QString risk() const;
    const RemediationParameter *parameter(const QString &name) const;
};

struct RemediationCatalog
{
    QString directory;
    QByteArray prelude;
    bool preludeVerified = false;
    QList<RemediationScript> scripts;
    QStringList errors; // manifest problems (translated)

    const RemediationScript *script(const QString &id) const;
    // The reviewed scripts that repair a finding ID.
    QList<const RemediationScript *> scriptsFor(const QString &findingId) const;
};

// Reads manifest.json in dir (default: the copy built into the program, ":/remediation") and checks every
// script's hash. Never throws; problems are in errors / refusal.
RemediationCatalog loadRemediationCatalog(const QString &dir = QStringLiteral(":/remediation"));

// The hex SHA-256 of bytes.
QString sha256Hex(const QByteArray &bytes);

// What will run on one host: concrete parameters and the human-readable steps, computed from the host's
// own probe results.
struct RemediationPlan
{
    QString host;
    QString scriptId;
    QString scriptSha256;
    QList<QPair<QString, QByteArray>> parameters; // name -> raw value; a name may repeat (a list), in order
    QStringList steps;                            // translated, with the exact values (mount points, files)
    QString error;                                // non-empty: this host cannot be planned (translated)

    bool isValid() const { return error.isEmpty(); }
    QStringList values(const QString &name) const;
};

// Builds the plan of script for one host. operatorValues holds parameters the operator chose ("containers",
// "keep", "persist", "confirm-host", ...); missing ones take the manifest default.
RemediationPlan planRemediation(const RemediationScript &script, const HostSnapshot &snapshot,
                                const QMap<QString, QString> &operatorValues = {});

// A mount as a plan names it for the script's re-check (Linux reuses mount IDs): "MAJ:MIN ROOT MOUNTPOINT
// FSTYPE SOURCE | <the same of its parent>", fields escaped as mountinfo writes them; the prelude's
// lw_mount_ident prints the same on the host.
QByteArray mountIdentity(const MountTree &tree, int index);

enum class RemediationMode { DryRun, Run };

// The parameters as they cross to the host: base64 of lines "<name> <base64 value>". Only [A-Za-z0-9+/=]
// reaches the remote command line; the script decodes the values itself.
QByteArray encodeRemediationParameters(const QList<QPair<QString, QByteArray>> &parameters);

// The remote command, run with prelude + script on stdin. `timeout` puts the run in its own process group
// (the prelude prints it as "LW-PGID <n>"), so that a cancel can end all of it from a second channel.
QByteArray remediationCommand(const RemediationScript &script, const RemediationPlan &plan,
                              RemediationMode mode);
QByteArray remediationStdin(const RemediationCatalog &catalog, const RemediationScript &script);
// The command that ends a run's process group (pgid as printed by the prelude; digits only, else empty).
QByteArray remediationCancelCommand(const QString &pgid);

// The lines of a run's output that say what it did or decided (LW-RUN, LW-WOULD-RUN, LW-REMOVED,
// LW-WOULD-REMOVE, LW-NOTE, LW-VERIFY, LW-WORKLOAD, LW-FAIL, LW-STEP), in order, for the audit log: at most
// 1000 lines of at most 1000 characters each.
QStringList remediationActions(const QByteArray &stdoutData, const QByteArray &stderrData);

// What the re-probe after a real run says about it. Verified ("gone") needs the finding's rule to pass and,
// for scripts whose manifest asks for it (verify.workload), docker to answer and every container that ran
// before (in the snapshot the plan was made from) to run again. Anything less names its reasons.
struct RepairVerdict
{
    QString verdict;      // "gone", "still-there", "workload-down", "unknown"
    QStringList problems; // translated reasons for anything but "gone"
};
RepairVerdict judgeRepair(const RemediationScript &script, const HostSnapshot &before,
                          const HostSnapshot *after, const Analysis *afterAnalysis);

// New file contents that remove the storage-driver setting from the source that is not kept.
// keep = "daemon-json": DOCKER_STORAGE_OPTIONS loses its storage-driver flags; keep = "sysconfig":
// daemon.json loses "storage-driver". Returns false with a translated error when it cannot be done safely.
bool renderStorageDriverFix(const QString &keep, const QByteArray &daemonJson,
                            const QByteArray &dockerStorage, QString *file, QByteArray *newContent,
                            QString *error);

} // namespace lw
