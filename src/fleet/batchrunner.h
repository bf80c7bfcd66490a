#pragma once

#include "hostsnapshot.h"
#include "probesweep.h"
#include "remediation.h"
#include "rules.h"
#include "sshtypes.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace lw::ssh {
class SshPool;
}

namespace lw {

class AuditLog;

// pending -> planning -> running -> succeeded -> verified | not-fixed (real runs are re-probed);
// or running -> failed | outcome-unknown | timed-out | cancelled; never started: skipped; no valid plan:
// refused.
enum class HostRunState {
    Pending,
    Planning,
    Running,
    Succeeded,
    Failed,
    OutcomeUnknown,
    TimedOut,
    Cancelled,
    Skipped,
    Verified,
    NotFixed,
    Refused
};

// "pending", "planning", "running", "succeeded", "failed", "outcome-unknown", "timed-out", "cancelled",
// "skipped", "verified", "not-fixed", "refused"
QString hostRunStateName(HostRunState state);
bool isFinalHostRunState(HostRunState state);

struct BatchHost
{
    ssh::HostTarget target;
    HostSnapshot snapshot; // the host's last probe result: the plan is made from it
};

struct RolloutOptions
{
    int canaryCount = 1;          // run first, alone; the rest only if all of them succeeded (and verified)
    int batchSize = 5;            // hosts run at the same time after the canaries
    int maxFailures = 0;          // stop when this many hosts failed; 0: no count limit
    double maxFailurePercent = 0; // stop when failures reach this % of the runnable hosts; 0: no limit
    bool dryRun = false;          // the scripts print what they would do; nothing is changed or re-probed
    int timeoutSec = 0;           // 0: the manifest's timeout; else min(this, manifest)
    qint64 outputCapBytes = 1 << 20; // live output per host handed out; the rest is counted, not shown
    int flushIntervalMs = 100;       // how often queued events reach the owner thread
};

// Who allowed the run and how. More than 3 hosts: typedHostCount must equal the number of hosts that will
// run (hosts with a valid plan), as the operator typed it. Dry runs change nothing and need no count.
// Who approved a run, how, and what they confirmed: recorded as it happened (nothing implied).
struct Approval
{
    QString approvedBy;
    QString how;             // "typed-count", "--yes", "dialog", ...
    int typedHostCount = -1; // the host count the operator typed (dialog or --confirm-hosts); -1: none asked
    int approvedHostCount = -1; // the hosts with a plan the operator was shown and approved; -1: not said
    QStringList typedHostNames = {}; // host names typed to confirm each host (reboot scripts)
};

struct HostRunResult
{
    QString host;
    HostRunState state = HostRunState::Pending;
    RemediationPlan plan;
    bool canary = false;
    bool exitKnown = false;
    int exitStatus = -1;
    QString exitSignal;
    qint64 durationMs = 0;
    QString pgid;         // as the prelude printed it ("LW-PGID <n>")
    QString outputSha256; // SHA-256 of stdout followed by stderr (as kept, see truncated)
    bool truncated = false;
    QByteArray stdoutData, stderrData;
    QString verification; // "gone", "still-there", "unknown", or empty (not re-probed)
    std::optional<Analysis> reprobe;
    QString message; // translated
};

struct BatchSummary
{
    int total = 0;
    QMap<HostRunState, int> counts;
    bool cancelled = false;
    bool stoppedByThreshold = false;
    bool canaryFailed = false;
    int failures = 0;
};

// Runs one reviewed script on many hosts under supervision: canary first, then batches, stopping at a
// failure threshold; pause/resume/cancel; every step in the audit log. Lives in the owner thread (e.g. the
// GUI thread); jobs run in the pool's workers; events reach the owner in batches every flushIntervalMs
// through the signals below, so a panel can show per-host state, live output and the summary.
class BatchRunner : public QObject
{
    Q_OBJECT
public:
    BatchRunner(ssh::SshPool *pool, AuditLog *audit, QObject *parent = nullptr);
    ~BatchRunner() override; // cancels what still runs

    // Plans every host and starts the rollout. Refuses (false, translated error, nothing runs) if the
    // script is not verified, the approval is missing or its host count is wrong, or a batch is running.
    [[nodiscard]] bool start(const RemediationCatalog &catalog, const QString &scriptId,
                             const QList<BatchHost> &hosts, const QMap<QString, QString> &operatorValues,
                             const RolloutOptions &options, const Approval &approval, QString *error);
    void pause(); // after the running batch
    void resume();
    void cancel(); // running hosts are stopped (their process groups killed); the rest skipped
    bool isRunning() const;
    bool isPaused() const;
    bool waitForFinished(int msecs); // runs the event loop (CLI, tests); false on timeout

    QList<HostRunResult> results() const; // in host order
    QString batchId() const;
    BatchSummary summary() const;

    // The hosts that would run, and the digest the approval covers, without starting anything.
    static QList<RemediationPlan> planAll(const RemediationScript &script, const QList<BatchHost> &hosts,
                                          const QMap<QString, QString> &operatorValues);
    static QString planDigest(const QList<RemediationPlan> &plans);

signals:
    void hostStateChanged(const QString &host, lw::HostRunState state, const QString &message);
    // Live output, batched (at most one signal per host and stream per flush).
    void hostOutput(const QString &host, lw::ssh::OutputStream stream, const QByteArray &bytes);
    void hostFinished(const lw::HostRunResult &result); // final state, after verification
    // The verification's re-probe of a host: the host's current state (a console shows it everywhere).
    void hostReprobed(const lw::HostResult &result);
    void progress(int done, int total);
    void pausedChanged(bool paused);
    void auditError(const QString &message);
    void finished(const lw::BatchSummary &summary);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace lw

Q_DECLARE_METATYPE(lw::HostRunState)
Q_DECLARE_METATYPE(lw::HostRunResult)
Q_DECLARE_METATYPE(lw::BatchSummary)
