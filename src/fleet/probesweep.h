#pragma once

#include "finding.h"
#include "hostsnapshot.h"
#include "hoststatus.h"
#include "inventory.h"
#include "parseerror.h"
#include "probeoutput.h"
#include "rules.h"
#include "sshtypes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lw::ssh {
class SshPool;
}

namespace lw {

struct SweepHost
{
    ssh::HostTarget target;
    QStringList tags;
};

// What probing one host gave. Built entirely in the worker thread (parsing and analysis included).
struct HostResult
{
    ssh::HostTarget target;
    QStringList tags;
    // Ok (the bundle ran to its end; single probes carry their own statuses), Timeout also when the bundle
    // ran to its end but a probe hit its own timeout (a hung read; message names it), the SSH outcome
    // (hostStatusOf) or Cancelled.
    HostStatus status = HostStatus::Error;
    ssh::SshStatus sshStatus = ssh::SshStatus::Error;
    QString message;          // translated; empty when ok
    ssh::HostKeyInfo hostKey; // set for host-key-unknown / host-key-changed
    RawCapture capture;       // complete for ok, partial for timeout, empty when nothing ran
    QList<ParseError> bundleErrors;
    std::optional<HostSnapshot> snapshot; // set whenever any probe output came back
    std::optional<Analysis> analysis;     // set with the snapshot
    qint64 durationMs = 0;                // connect + bundle, in the worker
    bool reusedConnection = false;        // the session was kept from an earlier job
    bool refreshed = false;               // the kept probe shell answered a refresh request
    QStringList unchangedProbes;          // of a refresh: probes the host answered "unchanged" (kept data)

    bool isOk() const { return status == HostStatus::Ok; }
};

// The host status of an SSH outcome (SshStatus::Ok is HostStatus::Ok: the caller decides what follows).
HostStatus hostStatusOf(ssh::SshStatus status);

// Runs the probe bundle on many hosts through an SshPool (one channel, one round trip per host), parses
// and analyses each host in the worker, and hands results to the thread that owns the sweep in batches
// (every batchIntervalMs), so a GUI is never flooded with one signal per host.
class ProbeSweep : public QObject
{
    Q_OBJECT
public:
    explicit ProbeSweep(ssh::SshPool *pool, QObject *parent = nullptr);
    ~ProbeSweep() override; // cancels what is still queued

    void setBatchIntervalMs(int msecs);
    void setUseSudo(bool useSudo);       // run root probes via `sudo -n` for non-root users
    void setCommandTimeoutMs(int msecs); // whole bundle; 0: the pool's option
    // false (default): a host whose probe shell is still open from an earlier sweep gets a refresh (the
    // probes that cannot have changed come back "unchanged": docs/probes.md); true: every probe runs.
    void setFullProbe(bool full);
    // true (default): each host's session and probe shell stay open for the next sweep; false: closed when
    // the host is done (a one-off sweep, as `layerwatch-cli probe`: nothing held until the process ends),
    // and a host probed anew gets its mount table, df and kernel config from the probe shell, not SFTP.
    void setKeepConnections(bool keep);
    void setAnalysisOptions(const AnalysisOptions &options);

    // Starts probing; a sweep already running is cancelled first. Results come through resultsReady().
    void start(const QList<SweepHost> &hosts);
    void cancel();
    bool isRunning() const;
    // Runs the event loop until finished() (for the CLI and tests); false on timeout.
    bool waitForFinished(int msecs);

    int total() const;
    int done() const;
    int failed() const; // hosts whose status is not "ok"

signals:
    void resultsReady(const QList<lw::HostResult> &batch);
    // Hosts that moved on while their probe runs (connecting, then probing), batched like results; a host's
    // result always comes after its last stage.
    void hostsStaged(const QStringList &hosts, lw::HostStatus status);
    void progress(int done, int failed, int total);
    void finished();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// The hosts of an inventory, each with a unique label (target.name): its name, or user@name:port when the
// name is taken, or name#2, name#3 ... (the connection then goes to the name as host name).
QList<SweepHost> sweepHostsFromInventory(const Inventory &inventory);

// Without indentation, whole-line comments and empty lines (for scripts without here-documents or strings
// spanning lines).
QByteArray compactShellScript(const QByteArray &script);
// The bundle script embedded in the fleet library (resources/probes/bundle.sh), compacted.
QByteArray probeBundleScript();

} // namespace lw
