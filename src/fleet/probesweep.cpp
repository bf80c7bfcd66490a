#include "probesweep.h"

#include "diskusage.h"
#include "fleettr.h"
#include "probebundle.h"
#include "rules.h"
#include "sftpwire.h"
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

#include <atomic>

Q_LOGGING_CATEGORY(lcFleet, "layerwatch.fleet")

namespace lw {

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
            label = (entry.user.isEmpty() ? QString() : entry.user + QLatin1Char('@')) + entry.name +
                    (entry.port ? QLatin1Char(':') + QString::number(entry.port) : QString());
            for (int n = 2; labels.contains(label); ++n)
                label = entry.name + QLatin1Char('#') + QString::number(n);
        }
        labels.insert(label);
        host.target.name = label;
        if (host.target.hostName.isEmpty() && label != entry.name)
            host.target.hostName = entry.name;
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
const QByteArray kSftpKey = "sftp";
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
    std::atomic<bool> cancelled{false};
    QMutex mutex;
    QList<HostResult> pending; // finished in workers, not yet handed out
};

// Disk usage without a process on the host (docs/probes.md, "Disk usage without a process"): one
// statvfs@openssh.com per filesystem df would list, sent at once on the connection's kept sftp channel, and
// df's rows rebuilt from the answers. nullopt where the host's SFTP cannot do it (no subsystem, no
// statvfs extension, a reply out of step): the caller asks the probe shell's df instead.
std::optional<ProbeOutput> diskUsageOverSftp(ssh::SshConnection &connection, const MountInfo &mounts,
                                             SweepState &state, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    const QList<MountEntry> candidates = dfCandidates(mounts);
    QList<FilesystemStat> stats(candidates.size());
    if (!candidates.isEmpty()) {
        ssh::KeptExecRequest request;
        request.key = kSftpKey;
        request.command = "sftp";
        request.subsystem = true;
        request.openInput = sftpInitPacket();
        for (qsizetype i = 0; i < candidates.size(); ++i)
            request.input += sftpStatvfsPacket(quint32(i + 1), candidates.at(i).mountPoint.toUtf8());
        const qsizetype expected = candidates.size();
        request.complete = [expected](QByteArrayView out, QByteArrayView) {
            const SftpStream stream = parseSftpStream(out);
            qsizetype replies = 0;
            for (const SftpPacket &packet : stream.packets)
                replies += packet.type != SftpType::Version;
            return stream.malformed || replies >= expected;
        };
        request.timeoutMs = timeoutMs;
        request.maxOutputBytes = 4 * 1024 * 1024;
        request.cancel = &state.cancelled;
        const ssh::KeptExecResult exec = connection.execKept(request);
        if (exec.status != ssh::SshStatus::Ok) {
            qCInfo(lcFleet) << connection.target().name << "no disk usage over SFTP:" << exec.message;
            return std::nullopt;
        }
        const SftpStream stream = parseSftpStream(exec.stdoutData);
        bool usable = !stream.malformed && !stream.packets.isEmpty();
        qsizetype first = 0;
        if (usable && !exec.reused) { // a new sftp-server says first what it can do
            const std::optional<SftpVersion> version = parseSftpVersion(stream.packets.first());
            usable = version && version->extensions.contains(QLatin1String("statvfs@openssh.com"));
            first = 1;
        }
        QList<bool> answered(candidates.size(), false);
        for (qsizetype i = first; usable && i < stream.packets.size(); ++i) {
            const SftpPacket &packet = stream.packets.at(i);
            const qsizetype index = qsizetype(packet.id) - 1;
            if (index < 0 || index >= candidates.size() || answered.at(index)) {
                usable = false;
                break;
            }
            answered[index] = true;
            FilesystemStat &st = stats[index];
            if (const std::optional<SftpStatVfs> vfs = parseSftpStatVfs(packet)) {
                st.result = FilesystemStat::Result::Ok;
                st.unit = vfs->fragmentSize ? vfs->fragmentSize : vfs->blockSize;
                st.blocks = vfs->blocks;
                st.blocksFree = vfs->blocksFree;
                st.blocksAvailable = vfs->blocksAvailable;
            } else if (const std::optional<SftpStatus> status = parseSftpStatus(packet)) {
                if (status->code == SftpOpUnsupported) {
                    usable = false;
                } else if (status->code == SftpNoSuchFile || status->code == SftpPermissionDenied) {
                    st.result = FilesystemStat::Result::Gone; // df too skips these silently
                } else {
                    st.error = status->message.isEmpty() ? FleetTr::tr("SFTP error %1").arg(status->code)
                                                         : QString::fromUtf8(status->message);
                }
            } else {
                usable = false;
            }
        }
        if (!usable || answered.contains(false)) {
            qCInfo(lcFleet) << connection.target().name << "the SFTP server's answers are not usable";
            connection.closeKept(kSftpKey);
            return std::nullopt;
        }
    }
    const DfOutput df = formatDfRows(candidates, stats);
    ProbeOutput probe;
    probe.status = df.exitCode == 0 ? ProbeStatus::Ok : ProbeStatus::Failed;
    probe.output = df.output;
    probe.errorOutput = df.errorOutput;
    probe.exitCode = df.exitCode;
    probe.durationMs = timer.elapsed();
    return probe;
}

HostResult probeHost(const SweepHost &host, ssh::SshConnection &connection, SweepState &state, bool useSudo,
                     bool fullProbe, int commandTimeoutMs, const AnalysisOptions &analysisOptions)
{
    HostResult result;
    result.target = host.target;
    result.tags = host.tags;
    QElapsedTimer timer;
    timer.start();
    if (state.cancelled.load()) {
        result.status = QStringLiteral("cancelled");
        result.message = FleetTr::tr("Cancelled before it started.");
        return result;
    }
    result.reusedConnection = connection.isConnected();
    const ssh::ConnectResult connected = connection.connect();
    if (connected.status != ssh::SshStatus::Ok) {
        result.sshStatus = connected.status;
        result.status = ssh::sshStatusName(connected.status);
        result.message = connected.message;
        result.hostKey = connected.hostKey;
        result.durationMs = timer.elapsed();
        return result;
    }

    // The probe shell stays on its channel between sweeps (SshConnection::execKept): a later sweep costs no
    // handshake, no channel and no shell start, and asks for a refresh (BundleRequest::Refresh) when this
    // process holds the previous reply of that very shell.
    const quint64 serial = connection.keptSerial(kProbeShellKey);
    std::optional<ShellReply> previous = lastReply(connection);
    if (serial != 0 && (!previous || previous->serial != serial || previous->useSudo != useSudo)) {
        // A shell whose marker or last reply we do not hold (or with other sudo): start a new one.
        connection.closeKept(kProbeShellKey);
        previous.reset();
    }
    const bool reuse = serial != 0 && previous.has_value();
    const QByteArray marker = reuse ? previous->marker : newBundleMarker();
    ssh::KeptExecRequest request;
    request.key = kProbeShellKey;
    // watch: this process keeps each probe's time and kills a hung program (no `timeout` on the host)
    // nodf: disk usage is read over SFTP (diskUsageOverSftp), unless this connection cannot
    request.command = bundleServeCommand(useSudo, true, true, true);
    request.openInput = bundleServeInput(marker, probeBundleScript());
    request.answersOnOpen = true; // the shell runs a full probe at start
    request.simpleCommand = true;
    request.stdinShell = true; // `sh -s`: the bundle's own shell prints the pid line
    request.input = bundleRequest(reuse && !fullProbe ? BundleRequest::Refresh : BundleRequest::Full);
    request.complete = [&marker](QByteArrayView out, QByteArrayView err) {
        return bundleReplyComplete(out, err, marker);
    };
    request.timeoutMs = commandTimeoutMs;
    // Every probe may send its cap (4 MiB; base64 in the fallback framing makes it 4/3 larger): 10 probes
    // fit in 64 MiB, which also bounds what a hostile host can make us hold.
    request.maxOutputBytes = bundleProbeOutputCap * 16;
    request.cancel = &state.cancelled;
    BundleWatch watch(marker);
    QElapsedTimer sinceRequest;
    sinceRequest.start();
    request.onOutput = [&watch, &sinceRequest](ssh::OutputStream stream, QByteArrayView data) {
        if (stream == ssh::OutputStream::Stderr)
            watch.feedStderr(data, sinceRequest.elapsed());
    };
    request.overdueChild = [&watch, &sinceRequest] { return watch.overdue(sinceRequest.elapsed()); };
    const ssh::KeptExecResult exec = connection.execKept(request);

    BundleParseResult parsed = parseBundleOutput(exec.stdoutData, exec.stderrData, marker);
    markWatchTimeouts(&parsed, watch.killed());
    // "unchanged" answers come from the shell that gave the previous reply, and only from it.
    // An "unchanged" we cannot fill is an error: the shell is closed below and the next sweep starts anew.
    const bool sameShell = exec.reused && previous && exec.serial == previous->serial;
    for (const QString &id : std::as_const(parsed.unchanged)) {
        const ProbeOutput *kept = nullptr;
        if (sameShell) {
            const auto it = previous->probes.constFind(id);
            kept = it != previous->probes.cend() ? &*it : nullptr;
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
    result.refreshed = parsed.refresh;
    result.unchangedProbes = parsed.unchanged;
    bool shellInStep = exec.status == ssh::SshStatus::Ok && parsed.complete && parsed.errors.isEmpty();
    bool sftpUnavailable = sameShell && previous->sftpUnavailable;
    ProbeOutput &df = parsed.capture.probes[QLatin1String(ProbeId::DiskUsage)];
    if (shellInStep && df.status == ProbeStatus::NotCollected) {
        // The shell left df to us (nodf): statvfs over SFTP where the mount table says that cannot block.
        const ProbeOutput &mountinfo = parsed.capture.probes[QLatin1String(ProbeId::MountInfo)];
        std::optional<ProbeOutput> fromSftp;
        if (!sftpUnavailable && mountinfo.status == ProbeStatus::Ok) {
            const MountInfo mounts = parseMountInfo(mountinfo.output);
            if (mounts.errors.isEmpty() && !hasBlockingFilesystems(mounts)) {
                fromSftp = diskUsageOverSftp(connection, mounts, state, commandTimeoutMs);
                sftpUnavailable = !fromSftp && !state.cancelled.load();
            }
        }
        if (fromSftp) {
            df = *fromSftp;
        } else if (!state.cancelled.load()) {
            // df on the host, in the probe shell, timed by the watch as any probe
            watch = BundleWatch(marker);
            sinceRequest.restart();
            request.input = bundleRequest(BundleRequest::DiskUsage);
            const ssh::KeptExecResult dfExec = connection.execKept(request);
            BundleParseResult dfParsed = parseBundleOutput(dfExec.stdoutData, dfExec.stderrData, marker);
            markWatchTimeouts(&dfParsed, watch.killed());
            shellInStep = dfExec.status == ssh::SshStatus::Ok && dfParsed.complete &&
                          dfParsed.errors.isEmpty() && dfExec.serial == exec.serial;
            df = dfParsed.capture.probes.value(QLatin1String(ProbeId::DiskUsage));
            if (!shellInStep) {
                df.status = ProbeStatus::Failed;
                df.errorOutput +=
                    FleetTr::tr("df did not run: %1")
                        .arg(dfExec.message.isEmpty() ? FleetTr::tr("unreadable reply") : dfExec.message)
                        .toUtf8();
            }
        }
    }
    if (shellInStep) {
        ShellReply reply;
        reply.serial = exec.serial;
        reply.marker = marker;
        reply.useSudo = useSudo;
        reply.sftpUnavailable = sftpUnavailable;
        for (const QString &id : kProbesAnsweredUnchanged)
            reply.probes.insert(id, parsed.capture.probes.value(id));
        connection.setKeptData(kProbeShellKey, std::make_shared<ShellReply>(std::move(reply)));
    } else {
        // Out of step with the shell (or it is gone): the next sweep starts a new one.
        connection.closeKept(kProbeShellKey);
    }
    result.capture = std::move(parsed.capture);
    result.capture.unchanged = parsed.unchanged;
    result.capture.host = host.target.name;
    result.capture.collectedAt = QDateTime::currentDateTimeUtc();
    result.bundleErrors = parsed.errors;
    result.sshStatus = exec.status;
    QStringList timedOut;
    for (auto it = result.capture.probes.cbegin(); it != result.capture.probes.cend(); ++it) {
        if (it->status == ProbeStatus::Timeout)
            timedOut << it.key();
    }
    if (exec.status == ssh::SshStatus::Ok && parsed.complete && !timedOut.isEmpty()) {
        // The bundle finished, but data is missing because a probe hung (e.g. a read of a FIFO): the host is
        // not "ok". The capture and analysis are kept; the probes carry their own statuses.
        result.sshStatus = ssh::SshStatus::Timeout;
        result.status = ssh::sshStatusName(ssh::SshStatus::Timeout);
        result.message = FleetTr::tr("Probe(s) %1 timed out on the host; the other probes ran.")
                             .arg(timedOut.join(QStringLiteral(", ")));
    } else if (exec.status == ssh::SshStatus::Ok && parsed.complete) {
        result.status = QStringLiteral("ok");
    } else if (state.cancelled.load()) {
        result.status = QStringLiteral("cancelled");
        result.message = FleetTr::tr("Cancelled.");
    } else if (exec.status != ssh::SshStatus::Ok) {
        result.status = ssh::sshStatusName(exec.status);
        result.message = exec.message;
    } else {
        result.status = ssh::sshStatusName(ssh::SshStatus::Error);
        QString why = parsed.errors.isEmpty() ? QString() : parsed.errors.first().message;
        const QString stderrText = QString::fromUtf8(exec.stderrData.left(400)).trimmed();
        if (exec.exitKnown && exec.exitStatus != 0)
            why = FleetTr::tr("The probe bundle exited with status %1: %2")
                      .arg(exec.exitStatus)
                      .arg(stderrText);
        result.message = FleetTr::tr("The probe bundle did not complete: %1").arg(why);
    }

    bool anyOutput = false;
    for (const ProbeOutput &probe : std::as_const(result.capture.probes)) {
        if (probe.status != ProbeStatus::NotCollected)
            anyOutput = true;
    }
    if (anyOutput) {
        HostSnapshot snapshot = buildSnapshot(result.capture);
        result.analysis = analyze(snapshot, analysisOptions);
        result.snapshot = std::move(snapshot);
    }
    result.durationMs = timer.elapsed();
    return result;
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
    connect(&d->flushTimer, &QTimer::timeout, this, [this] {
        if (!d->state)
            return;
        QList<HostResult> batch;
        {
            QMutexLocker lock(&d->state->mutex);
            batch.swap(d->state->pending);
        }
        if (batch.isEmpty())
            return;
        for (const HostResult &result : std::as_const(batch)) {
            ++d->done;
            if (!result.isOk())
                ++d->failed;
        }
        emit resultsReady(batch);
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
        d->state->cancelled = true;
        ssh::wakeCancelledExecs();
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
    d->flushTimer.start();
    for (const SweepHost &host : hosts) {
        std::shared_ptr<SweepState> state = d->state;
        const bool useSudo = d->useSudo;
        const bool fullProbe = d->fullProbe;
        const int commandTimeoutMs = d->commandTimeoutMs;
        const AnalysisOptions analysisOptions = d->analysisOptions;
        d->pool->submit(host.target, [host, state, useSudo, fullProbe, commandTimeoutMs,
                                      analysisOptions](ssh::SshConnection &connection) {
            HostResult result =
                probeHost(host, connection, *state, useSudo, fullProbe, commandTimeoutMs, analysisOptions);
            QMutexLocker lock(&state->mutex);
            state->pending.append(std::move(result));
        });
    }
}

void ProbeSweep::cancel()
{
    if (!d->running || !d->state)
        return;
    d->state->cancelled = true;
    ssh::wakeCancelledExecs(); // running execs see the flag now, not at their next poll slice
    // Jobs still queued report "cancelled" at once; running ones see the flag in exec.
    // The sweep is over for the caller now: late results of the old state are dropped.
    {
        QMutexLocker lock(&d->state->mutex);
        d->state->pending.clear();
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
