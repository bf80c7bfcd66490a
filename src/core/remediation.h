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

// Why a catalog may run at all. The copy built into the program (":/remediation") is the trust root: its
// manifest pins the prelude's and every script's SHA-256. Another directory runs only if its manifest is
// byte for byte the built-in one, or if the admin listed its manifest's SHA-256 in the trusted-catalogs
// file (loadTrustedCatalogs): a catalog that only carries its own new hashes is refused.
enum class CatalogTrust {
    BuiltIn,       // ":/remediation"
    SameAsBuiltIn, // another directory whose manifest.json has the built-in manifest's bytes
    TrustedList,   // its manifest's SHA-256 is in the admin's trusted-catalogs list
    Untrusted      // none of these: every script is refused
};

// "built-in", "same-as-built-in", "trusted-list", "untrusted" (audit log, JSON).
QString catalogTrustName(CatalogTrust trust);

// Where a script comes from; travels with the script into its plans, the approval and the audit log.
struct RemediationOrigin
{
    QString directory;      // ":/remediation" for the built-in copy
    QString manifestSha256; // of the manifest.json bytes (which pin every file's SHA-256)
    CatalogTrust trust = CatalogTrust::Untrusted;
    QString trustedBy; // TrustedList: who approved the entry, and its note
    // The built-in manifest's SHA-256 of the script with the same ID (empty: the built-in catalog has
    // no such script). Differs from the script's own hash when another catalog changed it.
    QString builtInScriptSha256;

    bool isBuiltIn() const { return trust == CatalogTrust::BuiltIn; }
};

// One catalog the admin approved: its manifest's SHA-256, who approved it and why.
struct TrustedCatalog
{
    QString manifestSha256;
    QString approvedBy;
    QString note;
};

struct TrustedCatalogList
{
    QString path;
    QList<TrustedCatalog> catalogs;
    QString error; // translated; the list is then empty (a list nobody can vouch for trusts nothing)
};

// <config dir>/trusted-catalogs.json, e.g. ~/.config/Layerwatch/trusted-catalogs.json.
QString defaultTrustedCatalogsPath();

// Reads the admin's list of approved catalogs: JSON {"format": 1, "catalogs": [{"manifestSha256": "<hex>",
// "approvedBy": "...", "note": "..."}]}. A missing file is an empty list. The file must be a regular file
// (no symlink), owned by the user or root and not writable by group or others; else it is refused (error)
// and trusts nothing.
TrustedCatalogList loadTrustedCatalogs(const QString &path);

// A reviewed repair script. Its body is only usable when `verified`: the SHA-256 of the file matches the
// manifest (the reviewed state) and the catalog is trusted (CatalogTrust). Anything else is refused.
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
    RemediationOrigin origin;
    bool verified = false;
    QString refusal; // why it is not verified (translated)

    QString title() const; // in the UI language (zh for a Chinese locale, else en)
    QString description() const;
    QString risk() const;
    const RemediationParameter *parameter(const QString &name) const;
    // The operator's values from name=value assignments (--param): each must name a parameter the operator
    // sets (not one filled from the host's probes or the plan). `rejected`: the first assignment that does
    // not; then `values` is incomplete.
    struct OperatorValues
    {
        QMap<QString, QString> values;
        QString rejected;
    };
    OperatorValues operatorValues(const QStringList &assignments) const;
};

struct RemediationCatalog
{
    QString directory;
    RemediationOrigin origin; // builtInScriptSha256 empty here: it is per script
    QByteArray prelude;
    bool preludeVerified = false;
    QList<RemediationScript> scripts;
    QStringList errors; // manifest problems (translated)

    const RemediationScript *script(const QString &id) const;
    // The reviewed scripts that repair a finding ID.
    QList<const RemediationScript *> scriptsFor(const QString &findingId) const;
};

inline constexpr char BuiltInRemediationCatalog[] = ":/remediation";

// Reads manifest.json in dir (default: the copy built into the program, ":/remediation"), checks every
// script's hash and decides the catalog's trust: a directory other than the built-in one is refused unless
// its manifest is the built-in one or is in `trusted` (the admin's list). Never throws; problems are in
// errors / refusal.
RemediationCatalog loadRemediationCatalog(const QString &dir = QLatin1String(BuiltInRemediationCatalog),
                                          const TrustedCatalogList &trusted = {});

// The hex SHA-256 of bytes.
QString sha256Hex(const QByteArray &bytes);

// What will run on one host: concrete parameters and the human-readable steps, computed from the host's
// own probe results.
struct RemediationPlan
{
    QString host;
    QString scriptId;
    QString scriptSha256;
    RemediationOrigin origin; // the catalog the script comes from (part of what the approval covers)
    QList<QPair<QString, QByteArray>> parameters; // name -> raw value; a name may repeat (a list), in order
    QStringList steps;                            // translated, with the exact values (mount points, files)
    QString error;                                // non-empty: this host cannot be planned (translated)

    bool isValid() const { return error.isEmpty(); }
    QStringList values(const QString &name) const;
};

// What the plan text says about where the script comes from: the catalog, its manifest's hash and trust,
// and, for another catalog, whether the script is the built-in reviewed one (translated lines).
QStringList describeRemediationOrigin(const RemediationScript &script);

// Builds the plan of script for one host. operatorValues holds parameters the operator chose ("containers",
// "keep", "persist", "confirm-host", ...); missing ones take the manifest default.
RemediationPlan planRemediation(const RemediationScript &script, const HostSnapshot &snapshot,
                                const QMap<QString, QString> &operatorValues = {});

// A mount as a plan names it for the script's re-check (Linux reuses mount IDs, and a new tmpfs may get the
// old one's device number): "MAJ:MIN ROOT MOUNTPOINT MOUNT-OPTIONS FSTYPE SOURCE SUPER-OPTIONS", then
// " | " and the same of each ancestor up to the top of the table, fields escaped as mountinfo writes them;
// the prelude's lw_mount_ident prints the same on the host.
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
