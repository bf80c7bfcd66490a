#include "probesweep.h"

#include "diskusage.h"
#include "fleettr.h"
#include "probebundle.h"
#include "rules.h"
#include "sftpmounts.h"
#include "sshconnection.h"
#include "sshpool.h"
#include "waitforsignal.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QTimer>

#include <functional>

Q_LOGGING_CATEGORY(lcFleet, "layerwatch.fleet")

namespace lw {

HostStatus hostStatusOf(ssh::SshStatus status)
{
    switch (status) {
    case ssh::SshStatus::Ok:
        return HostStatus::Ok;
    case ssh::SshStatus::Unreachable:
        return HostStatus::Unreachable;
    case ssh::SshStatus::AuthFailed:
        return HostStatus::AuthFailed;
    case ssh::SshStatus::HostKeyUnknown:
        return HostStatus::HostKeyUnknown;
    case ssh::SshStatus::HostKeyChanged:
        return HostStatus::HostKeyChanged;
    case ssh::SshStatus::HostKeyRevoked:
        return HostStatus::HostKeyRevoked;
    case ssh::SshStatus::Timeout:
        return HostStatus::Timeout;
    case ssh::SshStatus::Error:
        break;
    }
    return HostStatus::Error;
}

QList<SweepHost> sweepHostsFromInventory(const Inventory &inventory)
{
    QList<SweepHost> hosts;
    QSet<QString> labels;
    for (const InventoryHost &entry : inventory.hosts) {
        SweepHost host;
        host.target.hostName = entry.hostName;
        host.target.port = entry.port;
        host.target.user = entry.user;
        host.tags = entry.tags;
        QString label = entry.name;
        if (labels.contains(label)) {
            // An IPv6 address with a port is written as OpenSSH and Ansible write it: [::1]:2299.
            const QString shown = entry.port && entry.name.contains(QLatin1Char(':'))
                                      ? QLatin1Char('[') + entry.name + QLatin1Char(']')
                                      : entry.name;
            label = (entry.user.isEmpty() ? QString() : entry.user + QLatin1Char('@')) + shown +
                    (entry.port ? QLatin1Char(':') + QString::number(entry.port) : QString());
            for (int n = 2; labels.contains(label); ++n)
                label = entry.name + QLatin1Char('#') + QString::number(n);
        }
        labels.insert(label);
        host.target.name = label;
        // The label only tells the entries apart: the connection looks the entry's own name up in the ssh
        // config (an alias with '@', '#' or brackets was refused as a host name).
        if (label != entry.name)
            host.target.configAlias = entry.name;
        hosts.append(host);
    }
    return hosts;
}

QByteArray compactShellScript(const QByteArray &script)
{
    // The bundle has no here-documents and no string that spans lines (tst_probesweep checks that the
    // compact script answers like the file), so a line's indentation, a whole-line comment and an empty
    // line carry nothing.
    QByteArray compact;
    compact.reserve(script.size());
    for (const QByteArray &line : script.split('\n')) {
        const QByteArray text = line.trimmed();
        if (text.isEmpty() || text.startsWith('#'))
            continue;
        compact += text + '\n';
    }
    return compact;
}

QByteArray probeBundleScript()
{
    // Half the size of the file: less to send, encrypt and decrypt, and for every host's shell to read.
    static const QByteArray script = [] {
        QFile file(QStringLiteral(":/layerwatch/probes/bundle.sh"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCCritical(lcFleet) << "probe bundle resource missing";
            return QByteArray();
        }
        const QByteArray text = file.readAll();
        return text.contains("<<") ? text : compactShellScript(text);
    }();
    return script;
}

namespace {

const QByteArray kProbeShellKey = "probe-shell";
// What a probe reply may hold of error output (docs/probes.md: output caps).
constexpr qint64 kProbeStderrCap = 1 << 20;
// The probes a refresh may answer "unchanged" (resources/probes/bundle.sh, sweep2).
const QStringList kProbesAnsweredUnchanged{
    QLatin1String(ProbeId::DockerdCmdline), QLatin1String(ProbeId::DockerdExecStart),
    QLatin1String(ProbeId::DockerInfo), QLatin1String(ProbeId::KernelConfig)};

// The last reply of a connection's probe shell: its marker, and what it may later answer "unchanged".
struct ShellReply
{
    quint64 serial = 0; // KeptExecResult::serial of the shell that answered
    QByteArray marker;
    bool useSudo = false;
    QMap<QString, ProbeOutput> probes; // shares the data with the result's capture
    bool sftpUnavailable = false;      // disk usage comes from the shell's df on this connection
};

// The last reply is kept with the probe shell's channel (SshConnection::setKeptData): it goes when the
// channel goes, and a connection's jobs run one at a time in its worker.
std::optional<ShellReply> lastReply(const ssh::SshConnection &connection)
{
    const std::shared_ptr<void> data = connection.keptData(kProbeShellKey);
    if (!data)
        return std::nullopt;
    return *std::static_pointer_cast<ShellReply>(data);
}

// Shared between the sweep and its jobs: a job may still run after the sweep object is gone.
struct SweepState
{
    const ssh::CancelToken cancelled = ssh::CancelToken::create();
    QMutex mutex;
    QList<HostResult> pending;                    // finished in workers, not yet handed out
    QList<std::pair<QString, HostStatus>> stages; // hosts that reached connecting or probing, not yet told
    // Under the mutex: called with the first result of a batch, to have the sweep's thread hand the batch
    // out after the batch interval (no timer ticks while nothing finishes). Cleared when the sweep lets go.
    std::function<void()> wake;

    // Under the mutex. The first news of a batch wakes the sweep's thread.
    void tell()
    {
        if (pending.size() + stages.size() == 1 && wake)
            wake();
    }
    void stage(const QString &host, HostStatus status)
    {
        QMutexLocker lock(&mutex);
        stages.append({host, status});
        tell();
    }
};

// How one sweep probes its hosts.
struct ProbeOptions
{
    bool useSudo = false;
    bool fullProbe = false; // every probe afresh (no refresh of a kept shell)
    bool keep = false;      // the connection stays for later sweeps (the kept shell, SFTP)
    int commandTimeoutMs = 0;
    AnalysisOptions analysis;
};

// One host's probe, step by step: connect, ask the (kept) probe shell, fill what it answered "unchanged",
// read what it left to us over SFTP, keep or close the shell, then the status and the analysis.
class ProbeJob
{
public:
    ProbeJob(const SweepHost &host, ssh::SshConnection &connection, SweepState &state,
             const ProbeOptions &options)
        : m_host(host), m_connection(connection), m_state(state), m_options(options)
    {
        m_result.target = host.target;
        m_result.tags = host.tags;
    }

    HostResult run();

private:
    bool connect();
    void prepareShell();
    BundleParseResult askShell(BundleRequest what, ssh::KeptExecResult *exec);
    void fillUnchanged(BundleParseResult &parsed, bool sameShell);
    void readLeftOver(BundleParseResult &parsed, const ssh::KeptExecResult &exec, bool *shellInStep,
                      bool *sftpUnavailable);
    void keepOrCloseShell(const BundleParseResult &parsed, const ssh::KeptExecResult &exec, bool shellInStep,
                          bool sftpUnavailable);
    void decideStatus(const BundleParseResult &parsed, const ssh::KeptExecResult &exec);
    void analyzeCapture();

    const SweepHost &m_host;
    ssh::SshConnection &m_connection;
    SweepState &m_state;
    const ProbeOptions &m_options;
    HostResult m_result;
    QElapsedTimer m_timer;

    std::optional<ShellReply> m_previous; // the kept shell's last reply, when this process holds it
    bool m_reuse = false;                 // that shell is asked again (a refresh)
    QByteArray m_marker;
    ssh::KeptExecRequest m_request;
    BundleWatch m_watch{QByteArray()};
    BundleReplyScan m_scan{QByteArray()};
    QElapsedTimer m_sinceRequest;
    // The mount table as read over SFTP and parsed there (for df's rows), with the bytes it was parsed from.
    std::optional<std::pair<QByteArray, MountInfo>> m_parsedMounts;
};

HostResult ProbeJob::run()
{
    m_timer.start();
    if (m_state.cancelled.isCancelled()) {
        m_result.status = HostStatus::Cancelled;
        m_result.message = FleetTr::tr("Cancelled before it started.");
        return m_result;
    }
    if (!connect())
        return m_result;
    prepareShell();
    ssh::KeptExecResult exec;
    BundleParseResult parsed =
        askShell(m_reuse && !m_options.fullProbe ? BundleRequest::Refresh : BundleRequest::Full, &exec);
    // "unchanged" answers come from the shell that gave the previous reply, and only from it.
    const bool sameShell = exec.reused && m_previous && exec.serial == m_previous->serial;
    fillUnchanged(parsed, sameShell);
    m_result.refreshed = parsed.refresh;
    m_result.unchangedProbes = parsed.unchanged;
    bool shellInStep = exec.status == ssh::SshStatus::Ok && parsed.complete && parsed.errors.isEmpty();
    bool sftpUnavailable = sameShell && m_previous->sftpUnavailable;
    readLeftOver(parsed, exec, &shellInStep, &sftpUnavailable);
    keepOrCloseShell(parsed, exec, shellInStep, sftpUnavailable);
    m_result.capture = std::move(parsed.capture);
    m_result.capture.unchanged = parsed.unchanged;
    m_result.capture.host = m_host.target.name;
    m_result.capture.collectedAt = QDateTime::currentDateTimeUtc();
    m_result.bundleErrors = parsed.errors;
    m_result.sshStatus = exec.status;
    decideStatus(parsed, exec);
    analyzeCapture();
    m_result.durationMs = m_timer.elapsed();
    return m_result;
}

bool ProbeJob::connect()
{
    m_result.reusedConnection = m_connection.isConnected();
    if (!m_result.reusedConnection)
        m_state.stage(m_host.target.name, HostStatus::Connecting);
    const ssh::ConnectResult connected = m_connection.connect(m_state.cancelled);
    if (connected.status == ssh::SshStatus::Ok) {
        m_state.stage(m_host.target.name, HostStatus::Probing);
        return true;
    }
    m_result.sshStatus = connected.status;
    m_result.status = hostStatusOf(connected.status);
    m_result.message = connected.message;
    m_result.hostKey = connected.hostKey;
    m_result.durationMs = m_timer.elapsed();
    return false;
}

// The probe shell stays on its channel between sweeps (SshConnection::execKept): a later sweep costs no
// handshake, no channel and no shell start, and asks for a refresh (BundleRequest::Refresh) when this
// process holds the previous reply of that very shell.
void ProbeJob::prepareShell()
{
    const quint64 serial = m_connection.keptSerial(kProbeShellKey);
    m_previous = lastReply(m_connection);
    if (serial != 0 &&
        (!m_previous || m_previous->serial != serial || m_previous->useSudo != m_options.useSudo)) {
        // A shell whose marker or last reply we do not hold (or with other sudo): start a new one.
        m_connection.closeKept(kProbeShellKey);
        m_previous.reset();
    }
    m_reuse = serial != 0 && m_previous.has_value();
    m_marker = m_reuse ? m_previous->marker : newBundleMarker();
    m_request.key = kProbeShellKey;
    // watch: this process keeps each probe's time and kills a hung program (no `timeout` on the host)
    // sftp: the mount table and disk usage are read over SFTP (mountsOverSftp), unless this connection
    // cannot. Only for a connection that stays: the kept sftp-server is what makes a refresh free of
    // processes. A one-off probe (keep false) has the shell read them too (df, the kernel config by gzip): no
    // second channel, sshd session and sftp-server for one reply (~1 ms of client CPU per host,
    // docs/performance.md).
    m_request.command = bundleServeCommand(m_options.useSudo, true, true, m_options.keep);
    m_request.openInput = bundleServeInput(m_marker, probeBundleScript());
    m_request.answersOnOpen = true;                 // the shell runs a full probe at start
    m_request.launch = ssh::KeptLaunch::StdinShell; // `sh -s`: the bundle's own shell prints the pid line
    m_request.complete = [this](QByteArrayView out, QByteArrayView err) { return m_scan.complete(out, err); };
    m_request.timeoutMs = m_options.commandTimeoutMs;
    // Every probe may send its cap (4 MiB; base64 in the fallback framing makes it 4/3 larger): 16 caps fit
    // in 64 MiB, which also bounds what a hostile host can make us hold.
    m_request.maxOutputBytes = bundleProbeOutputCap * 16;
    // The probes' error output is a few lines each: a host that floods it (50 MB) is cut off at 1 MiB and
    // reported, instead of being held whole (8 such hosts took 1.28 GB).
    m_request.maxStderrBytes = kProbeStderrCap;
    m_request.cancel = m_state.cancelled;
    m_request.onOutput = [this](ssh::OutputStream stream, QByteArrayView data) {
        if (stream == ssh::OutputStream::Stderr)
            m_watch.feedStderr(data, m_sinceRequest.elapsed());
    };
    m_request.overdueChild = [this] { return m_watch.overdue(m_sinceRequest.elapsed()); };
}

// One request to the probe shell, its reply parsed, with the probes the watch stopped marked.
BundleParseResult ProbeJob::askShell(BundleRequest what, ssh::KeptExecResult *exec)
{
    m_request.input = bundleRequest(what);
    m_watch = BundleWatch(m_marker);
    m_scan = BundleReplyScan(m_marker);
    m_sinceRequest.restart();
    *exec = m_connection.execKept(m_request);
    BundleParseResult reply = parseBundleOutput(exec->stdoutData, exec->stderrData, m_marker);
    markWatchTimeouts(&reply, m_watch.killed());
    return reply;
}

// An "unchanged" we cannot fill is an error: the shell is closed and the next sweep starts anew.
void ProbeJob::fillUnchanged(BundleParseResult &parsed, bool sameShell)
{
    for (const QString &id : std::as_const(parsed.unchanged)) {
        const ProbeOutput *kept = nullptr;
        if (sameShell) {
            const auto it = m_previous->probes.constFind(id);
            kept = it != m_previous->probes.cend() ? &*it : nullptr;
        }
        if (kept) {
            parsed.capture.probes[id] = *kept;
        } else {
            parsed.errors.append(ParseError{0, 0,
                                            FleetTr::tr("The host reported probe %1 unchanged, but its "
                                                        "earlier result is not known here.")
                                                .arg(id)});
        }
    }
}

// The shell left the mount table, df and /proc/config.gz to us (sftp): over SFTP where the host can, else
// asked of the shell after all.
void ProbeJob::readLeftOver(BundleParseResult &parsed, const ssh::KeptExecResult &exec, bool *shellInStep,
                            bool *sftpUnavailable)
{
    ProbeOutput &mountinfo = parsed.capture.probes[QLatin1String(ProbeId::MountInfo)];
    ProbeOutput &df = parsed.capture.probes[QLatin1String(ProbeId::DiskUsage)];
    ProbeOutput &kernelConfig = parsed.capture.probes[QLatin1String(ProbeId::KernelConfig)];
    if (*shellInStep && mountinfo.status == ProbeStatus::NotCollected &&
        df.status == ProbeStatus::NotCollected) {
        const bool configLeft = kernelConfig.status == ProbeStatus::NotCollected &&
                                !parsed.unchanged.contains(QLatin1String(ProbeId::KernelConfig));
        std::optional<SftpMounts> fromSftp;
        if (!*sftpUnavailable) {
            fromSftp = mountsOverSftp(m_connection, configLeft, m_state.cancelled, m_options.commandTimeoutMs,
                                      sftpUnavailable);
        }
        if (fromSftp) {
            mountinfo = fromSftp->mountinfo;
            if (mountinfo.status == ProbeStatus::Ok)
                m_parsedMounts = {mountinfo.output, fromSftp->parsedMountInfo};
            if (fromSftp->df)
                df = *fromSftp->df;
            if (fromSftp->kernelConfig)
                kernelConfig = *fromSftp->kernelConfig;
        }
        const bool rest = mountinfo.status == ProbeStatus::NotCollected ||
                          (configLeft && kernelConfig.status == ProbeStatus::NotCollected);
        if ((rest || df.status == ProbeStatus::NotCollected) && !m_state.cancelled.isCancelled()) {
            // On the host, in the probe shell, timed by the watch as any probe: what was left to us, or df
            // alone (a mount in the table could block statfs: df under the watch).
            ssh::KeptExecResult more;
            const BundleParseResult moreParsed =
                askShell(rest ? BundleRequest::Rest : BundleRequest::DiskUsage, &more);
            *shellInStep = more.status == ssh::SshStatus::Ok && moreParsed.complete &&
                           moreParsed.errors.isEmpty() && more.serial == exec.serial;
            const std::pair<ProbeOutput *, const char *> left[] = {{&mountinfo, ProbeId::MountInfo},
                                                                   {&df, ProbeId::DiskUsage},
                                                                   {&kernelConfig, ProbeId::KernelConfig}};
            for (const auto &[probe, id] : left) {
                if (probe->status != ProbeStatus::NotCollected || (probe == &kernelConfig && !configLeft))
                    continue;
                *probe = moreParsed.capture.probes.value(QLatin1String(id));
                if (!*shellInStep) {
                    probe->status = ProbeStatus::Failed;
                    probe->errorOutput +=
                        FleetTr::tr("The probe did not run: %1")
                            .arg(more.message.isEmpty() ? FleetTr::tr("unreadable reply") : more.message)
                            .toUtf8();
                }
            }
        }
    }
    if (*shellInStep &&
        (mountinfo.status == ProbeStatus::NotCollected || df.status == ProbeStatus::NotCollected ||
         kernelConfig.status == ProbeStatus::NotCollected)) {
        // Something left to us did not come (a cancel in between): the shell would call it "unchanged" later.
        *shellInStep = false;
    }
}

void ProbeJob::keepOrCloseShell(const BundleParseResult &parsed, const ssh::KeptExecResult &exec,
                                bool shellInStep, bool sftpUnavailable)
{
    if (!shellInStep) {
        // Out of step with the shell (or it is gone): the next sweep starts a new one.
        m_connection.closeKept(kProbeShellKey);
        return;
    }
    ShellReply reply;
    reply.serial = exec.serial;
    reply.marker = m_marker;
    reply.useSudo = m_options.useSudo;
    reply.sftpUnavailable = sftpUnavailable;
    for (const QString &id : kProbesAnsweredUnchanged)
        reply.probes.insert(id, parsed.capture.probes.value(id));
    m_connection.setKeptData(kProbeShellKey, std::make_shared<ShellReply>(std::move(reply)));
}

void ProbeJob::decideStatus(const BundleParseResult &parsed, const ssh::KeptExecResult &exec)
{
    QStringList timedOut;
    for (auto it = m_result.capture.probes.cbegin(); it != m_result.capture.probes.cend(); ++it) {
        if (it->status == ProbeStatus::Timeout)
            timedOut << it.key();
    }
    const QStringList missing = missingProbes(m_result.capture);
    if (exec.status == ssh::SshStatus::Ok && parsed.complete && !missing.isEmpty() &&
        !m_state.cancelled.isCancelled()) {
        // A whole reply that lacks probes (a host that answered one frame and DONE) is no healthy host: the
        // rules would see "not collected" and the report "ok".
        m_result.status = HostStatus::Error;
        m_result.message =
            FleetTr::tr("The host's reply lacks probe(s) %1: they did not run or their answer was "
                        "lost.")
                .arg(missing.join(QStringLiteral(", ")));
    } else if (exec.status == ssh::SshStatus::Ok && parsed.complete && !timedOut.isEmpty()) {
        // The bundle finished, but data is missing because a probe hung (e.g. a read of a FIFO): the host is
        // not "ok". The capture and analysis are kept; the probes carry their own statuses.
        m_result.sshStatus = ssh::SshStatus::Timeout;
        m_result.status = HostStatus::Timeout;
        m_result.message = FleetTr::tr("Probe(s) %1 timed out on the host; the other probes ran.")
                               .arg(timedOut.join(QStringLiteral(", ")));
    } else if (exec.status == ssh::SshStatus::Ok && parsed.complete) {
        m_result.status = HostStatus::Ok;
    } else if (m_state.cancelled.isCancelled()) {
        m_result.status = HostStatus::Cancelled;
        m_result.message = FleetTr::tr("Cancelled.");
    } else if (exec.status != ssh::SshStatus::Ok) {
        m_result.status = hostStatusOf(exec.status);
        m_result.message = exec.message;
    } else {
        m_result.status = HostStatus::Error;
        QString why = parsed.errors.isEmpty() ? QString() : parsed.errors.first().message;
        const QString stderrText = QString::fromUtf8(exec.stderrData.left(400)).trimmed();
        if (exec.exitKnown && exec.exitStatus != 0)
            why = FleetTr::tr("The probe bundle exited with status %1: %2")
                      .arg(exec.exitStatus)
                      .arg(stderrText);
        m_result.message = FleetTr::tr("The probe bundle did not complete: %1").arg(why);
    }
}

void ProbeJob::analyzeCapture()
{
    const auto &probes = m_result.capture.probes;
    const bool anyOutput = std::any_of(probes.cbegin(), probes.cend(), [](const ProbeOutput &probe) {
        return probe.status != ProbeStatus::NotCollected;
    });
    if (!anyOutput)
        return;
    // Parsed once: only if the capture still holds the very bytes parsed over SFTP (the shell may have
    // answered the mount table instead).
    const auto finalTable = probes.constFind(QLatin1String(ProbeId::MountInfo));
    const bool reuse = m_parsedMounts && finalTable != probes.cend() &&
                       finalTable->status == ProbeStatus::Ok &&
                       finalTable->output.constData() == m_parsedMounts->first.constData() &&
                       finalTable->output.size() == m_parsedMounts->first.size();
    HostSnapshot snapshot = buildSnapshot(m_result.capture, reuse ? &m_parsedMounts->second : nullptr);
    m_result.analysis = analyze(snapshot, m_options.analysis);
    m_result.snapshot = std::move(snapshot);
}

} // namespace

struct ProbeSweep::Private
{
    ssh::SshPool *pool = nullptr;
    std::shared_ptr<SweepState> state;
    QTimer flushTimer;
    int batchIntervalMs = 100;
    bool useSudo = false;
    bool fullProbe = false;
    bool keepConnections = true;
    int commandTimeoutMs = 0;
    AnalysisOptions analysisOptions;
    int total = 0;
    int done = 0;
    int failed = 0;
    bool running = false;
};

ProbeSweep::ProbeSweep(ssh::SshPool *pool, QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->pool = pool;
    d->flushTimer.setInterval(d->batchIntervalMs);
    d->flushTimer.setSingleShot(true); // started by the first result of a batch (SweepState::wake)
    connect(&d->flushTimer, &QTimer::timeout, this, [this] {
        if (!d->state)
            return;
        QList<HostResult> batch;
        QList<std::pair<QString, HostStatus>> stages;
        {
            QMutexLocker lock(&d->state->mutex);
            batch.swap(d->state->pending);
            stages.swap(d->state->stages);
        }
        const std::shared_ptr<SweepState> sweepState = d->state;
        // In order, one signal per run of the same stage.
        for (qsizetype i = 0; i < stages.size() && d->state == sweepState;) {
            QStringList hosts;
            const HostStatus status = stages.at(i).second;
            for (; i < stages.size() && stages.at(i).second == status; ++i)
                hosts.append(stages.at(i).first);
            emit hostsStaged(hosts, status);
        }
        if (batch.isEmpty() || d->state != sweepState)
            return;
        for (const HostResult &result : std::as_const(batch)) {
            ++d->done;
            if (!result.isOk())
                ++d->failed;
        }
        emit resultsReady(batch);
        if (d->state != sweepState)
            return; // a receiver cancelled (finished went out) or started another sweep
        emit progress(d->done, d->failed, d->total);
        if (d->done >= d->total) {
            d->flushTimer.stop();
            d->running = false;
            emit finished();
        }
    });
}

ProbeSweep::~ProbeSweep()
{
    if (d->state) {
        d->state->cancelled.cancel(); // running connects and execs end now
        QMutexLocker lock(&d->state->mutex);
        d->state->wake = nullptr; // jobs that finish later must not call into this object
    }
}

void ProbeSweep::setBatchIntervalMs(int msecs)
{
    d->batchIntervalMs = qMax(1, msecs);
    d->flushTimer.setInterval(d->batchIntervalMs);
}

void ProbeSweep::setUseSudo(bool useSudo)
{
    d->useSudo = useSudo;
}

void ProbeSweep::setFullProbe(bool full)
{
    d->fullProbe = full;
}

void ProbeSweep::setKeepConnections(bool keep)
{
    d->keepConnections = keep;
}

void ProbeSweep::setCommandTimeoutMs(int msecs)
{
    d->commandTimeoutMs = msecs;
}

void ProbeSweep::setAnalysisOptions(const AnalysisOptions &options)
{
    d->analysisOptions = options;
}

void ProbeSweep::start(const QList<SweepHost> &hosts)
{
    if (d->running)
        cancel();
    d->state = std::make_shared<SweepState>();
    d->total = int(hosts.size());
    d->done = 0;
    d->failed = 0;
    d->running = true;
    emit progress(0, 0, d->total);
    if (hosts.isEmpty()) {
        d->running = false;
        QTimer::singleShot(0, this, &ProbeSweep::finished);
        return;
    }
    d->state->wake = [this] {
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!d->flushTimer.isActive())
                    d->flushTimer.start();
            },
            Qt::QueuedConnection);
    };
    ProbeOptions options;
    options.useSudo = d->useSudo;
    options.fullProbe = d->fullProbe;
    options.keep = d->keepConnections;
    options.commandTimeoutMs = d->commandTimeoutMs;
    options.analysis = d->analysisOptions;
    for (const SweepHost &host : hosts) {
        std::shared_ptr<SweepState> state = d->state;
        d->pool->submit(host.target, [host, state, options](ssh::SshConnection &connection) {
            HostResult result = ProbeJob(host, connection, *state, options).run();
            if (!options.keep)
                connection.disconnect(); // before the result is handed over: its memory is free for the next
            QMutexLocker lock(&state->mutex);
            state->pending.append(std::move(result));
            state->tell();
        });
    }
}

void ProbeSweep::cancel()
{
    if (!d->running || !d->state)
        return;
    d->state->cancelled.cancel(); // running connects and execs end now
    // Jobs still queued report "cancelled" at once; running ones see the flag in exec.
    // The sweep is over for the caller now: late results of the old state are dropped.
    {
        QMutexLocker lock(&d->state->mutex);
        d->state->pending.clear();
        d->state->stages.clear();
        d->state->wake = nullptr;
    }
    d->flushTimer.stop();
    d->state.reset();
    d->running = false;
    emit finished();
}

bool ProbeSweep::isRunning() const
{
    return d->running;
}

bool ProbeSweep::waitForFinished(int msecs)
{
    if (!d->running)
        return true;
    waitForSignal(this, &ProbeSweep::finished, msecs);
    return !d->running;
}

int ProbeSweep::total() const
{
    return d->total;
}

int ProbeSweep::done() const
{
    return d->done;
}

int ProbeSweep::failed() const
{
    return d->failed;
}

} // namespace lw
