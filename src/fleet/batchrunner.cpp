#include "batchrunner.h"

#include "auditlog.h"
#include "fleettr.h"
#include "probesweep.h"
#include "sshconnection.h"
#include "sshpool.h"
#include "waitforsignal.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <cmath>
#include <unistd.h>

namespace lw {

QString hostRunStateName(HostRunState state)
{
    switch (state) {
    case HostRunState::Pending:
        return QStringLiteral("pending");
    case HostRunState::Planning:
        return QStringLiteral("planning");
    case HostRunState::Running:
        return QStringLiteral("running");
    case HostRunState::Succeeded:
        return QStringLiteral("succeeded");
    case HostRunState::Failed:
        return QStringLiteral("failed");
    case HostRunState::OutcomeUnknown:
        return QStringLiteral("outcome-unknown");
    case HostRunState::TimedOut:
        return QStringLiteral("timed-out");
    case HostRunState::Cancelled:
        return QStringLiteral("cancelled");
    case HostRunState::Skipped:
        return QStringLiteral("skipped");
    case HostRunState::Verified:
        return QStringLiteral("verified");
    case HostRunState::NotFixed:
        return QStringLiteral("not-fixed");
    case HostRunState::Refused:
        return QStringLiteral("refused");
    }
    return QString();
}

bool isFinalHostRunState(HostRunState state)
{
    return state != HostRunState::Pending && state != HostRunState::Planning &&
           state != HostRunState::Running;
}

namespace {

// Parameters as the audit log keeps them: short printable values as they are, long ones as their hash.
QJsonArray auditParameters(const RemediationPlan &plan)
{
    QJsonArray array;
    for (const auto &p : plan.parameters) {
        QJsonObject o{{QStringLiteral("name"), p.first}};
        const QString text = QString::fromUtf8(p.second);
        if (p.second.size() > 200 || text.toUtf8() != p.second || p.second.contains('\n'))
            o.insert(QStringLiteral("sha256"), sha256Hex(p.second));
        else
            o.insert(QStringLiteral("value"), text);
        o.insert(QStringLiteral("bytes"), p.second.size());
        array.append(o);
    }
    return array;
}

// Where the script comes from, as the approval and the audit log name it.
QJsonObject auditCatalog(const RemediationScript &script)
{
    const RemediationOrigin &o = script.origin;
    QJsonObject catalog{{QStringLiteral("directory"), o.directory},
                        {QStringLiteral("manifestSha256"), o.manifestSha256},
                        {QStringLiteral("trust"), catalogTrustName(o.trust)},
                        {QStringLiteral("builtInScriptSha256"), o.builtInScriptSha256},
                        {QStringLiteral("differsFromBuiltIn"), o.builtInScriptSha256 != script.sha256}};
    if (!o.trustedBy.isEmpty())
        catalog.insert(QStringLiteral("trustedBy"), o.trustedBy);
    return catalog;
}

struct Event
{
    enum Kind { Output, Done } kind = Output;
    int index = -1;
    ssh::OutputStream stream = ssh::OutputStream::Stdout;
    QByteArray bytes;
    HostRunResult result;
};

// Shared between the runner and its jobs: a job may still run after the runner is gone.
struct RunState
{
    const ssh::CancelToken cancelled = ssh::CancelToken::create();
    QMutex mutex;
    QList<Event> events;
    AuditLog *audit = nullptr; // outlives the jobs: the runner's owner keeps it (documented in start())
    QString batchId, user, scriptId, scriptSha256, mode;
    QJsonObject catalog; // auditCatalog(): in every record, so that no record of a run hides its source
    QJsonObject approval;

    void push(Event event)
    {
        QMutexLocker lock(&mutex);
        events.append(std::move(event));
    }
    bool record(QJsonObject o, QString *error = nullptr)
    {
        o.insert(QStringLiteral("batch"), batchId);
        o.insert(QStringLiteral("user"), user);
        o.insert(QStringLiteral("script"), scriptId);
        o.insert(QStringLiteral("scriptSha256"), scriptSha256);
        o.insert(QStringLiteral("catalog"), catalog);
        o.insert(QStringLiteral("mode"), mode);
        return audit->append(o, error);
    }
};

struct JobInput
{
    int index = -1;
    QString host;
    RemediationPlan plan;
    QByteArray command, stdinData;
    int timeoutSec = 0;
    qint64 outputCap = 0;
    bool canary = false;
};

void killRemoteGroup(ssh::SshConnection &connection, HostRunResult &r)
{
    const QByteArray kill = remediationCancelCommand(r.pgid);
    if (kill.isEmpty()) {
        r.message += QLatin1Char(' ') + FleetTr::tr("The remote process group is unknown; the script may "
                                                    "still run on the host.");
        return;
    }
    // A second channel on the same session: OpenSSH ignores signal requests for root sessions.
    ssh::ExecRequest request;
    request.command = kill;
    request.timeoutMs = 20000;
    const ssh::ExecResult killed = connection.exec(request);
    if (killed.status != ssh::SshStatus::Ok || !killed.exitKnown || killed.exitStatus != 0)
        r.message +=
            QLatin1Char(' ') +
            FleetTr::tr("Ending process group %1 on the host failed: %2").arg(r.pgid, killed.message);
    else
        r.message += QLatin1Char(' ') + FleetTr::tr("Process group %1 ended on the host.").arg(r.pgid);
}

// The remote run's request: its output handed out live (capped) and the prelude's process group noted.
ssh::ExecRequest scriptRequest(const JobInput &in, RunState &state, HostRunResult &r, QByteArray &head,
                               qint64 &handedOut)
{
    ssh::ExecRequest request;
    request.command = in.command;
    request.stdinData = in.stdinData;
    // The remote `timeout` ends the run first (and kills it 10 s later); ours is the backstop.
    request.timeoutMs = (in.timeoutSec + 20) * 1000;
    request.cancel = state.cancelled;
    request.onOutput = [&](ssh::OutputStream stream, QByteArrayView bytes) {
        if (stream == ssh::OutputStream::Stdout && r.pgid.isEmpty() && head.size() < 4096) {
            head.append(bytes.data(), bytes.size());
            QList<QByteArray> lines = head.split('\n');
            lines.removeLast(); // not ended by a newline yet: "LW-PGID 12" may still become "LW-PGID 1234"
            for (const QByteArray &line : std::as_const(lines)) {
                if (line.startsWith("LW-PGID ")) {
                    const QByteArray pgid = line.mid(8).trimmed();
                    if (!remediationCancelCommand(QString::fromLatin1(pgid)).isEmpty())
                        r.pgid = QString::fromLatin1(pgid);
                    break;
                }
            }
        }
        if (handedOut >= in.outputCap)
            return;
        const qint64 n = std::min<qint64>(bytes.size(), in.outputCap - handedOut);
        handedOut += n;
        Event e;
        e.kind = Event::Output;
        e.index = in.index;
        e.stream = stream;
        e.bytes = QByteArray(bytes.data(), n);
        if (handedOut >= in.outputCap)
            e.bytes += '\n' + FleetTr::tr("[live output capped; the rest is in the result]").toUtf8() + '\n';
        state.push(std::move(e));
    };
    return request;
}

// What the run's end means: succeeded, failed (with the script's LW-FAIL reason), timed out, cancelled or
// unknown; a cancelled or cut-off run's process group is ended on the host.
void judgeOutcome(const JobInput &in, const ssh::ExecResult &exec, ssh::SshConnection &connection,
                  RunState &state, HostRunResult &r)
{
    if (state.cancelled.isCancelled() && !(exec.status == ssh::SshStatus::Ok && exec.exitKnown)) {
        r.state = HostRunState::Cancelled;
        r.message = FleetTr::tr("Cancelled while running.");
        killRemoteGroup(connection, r);
    } else if (exec.status == ssh::SshStatus::Timeout) {
        r.state = HostRunState::TimedOut;
        r.message = FleetTr::tr("No end after %1 s: cut off.").arg(in.timeoutSec + 20);
        killRemoteGroup(connection, r);
    } else if (exec.status == ssh::SshStatus::Ok && exec.exitKnown) {
        // timeout(1): 124 when it sent TERM, 137 when it had to KILL.
        if (exec.exitStatus == 0) {
            r.state = HostRunState::Succeeded;
        } else if (exec.exitStatus == 124 || exec.exitStatus == 137) {
            r.state = HostRunState::TimedOut;
            r.message =
                FleetTr::tr("The script ran longer than %1 s and was ended on the host.").arg(in.timeoutSec);
        } else {
            r.state = HostRunState::Failed;
            QString why;
            for (const QByteArray &line : exec.stderrData.split('\n')) {
                if (line.startsWith("LW-FAIL "))
                    why = QString::fromUtf8(line.mid(8));
            }
            r.message =
                why.isEmpty()
                    ? FleetTr::tr("The script exited with status %1.").arg(exec.exitStatus)
                    : FleetTr::tr("The script exited with status %1: %2").arg(exec.exitStatus).arg(why);
        }
    } else if (exec.status == ssh::SshStatus::Ok) {
        r.state = HostRunState::Failed;
        r.message = FleetTr::tr("The script was ended by signal %1.").arg(exec.exitSignal);
    } else {
        // The command may have run, partly or wholly: never re-run it automatically.
        r.state = HostRunState::OutcomeUnknown;
        r.message = FleetTr::tr("The connection ended while the script ran (%1); its outcome is unknown. It "
                                "is not re-run: re-probe the host and decide.")
                        .arg(exec.message);
    }
}

// The audit's "finished" event: the outcome, the output's hash and what the script did.
void recordFinished(const QJsonObject &base, RunState &state, HostRunResult &r)
{
    QString auditError;
    QJsonObject finished = base;
    finished.insert(QStringLiteral("event"), QStringLiteral("finished"));
    finished.insert(QStringLiteral("state"), hostRunStateName(r.state));
    if (r.exitKnown)
        finished.insert(QStringLiteral("exitStatus"), r.exitStatus);
    else if (!r.exitSignal.isEmpty())
        finished.insert(QStringLiteral("exitSignal"), r.exitSignal);
    else
        finished.insert(QStringLiteral("exit"), QStringLiteral("unknown"));
    finished.insert(QStringLiteral("durationMs"), r.durationMs);
    finished.insert(QStringLiteral("outputSha256"), r.outputSha256);
    finished.insert(QStringLiteral("truncated"), r.truncated);
    if (!r.pgid.isEmpty())
        finished.insert(QStringLiteral("pgid"), r.pgid);
    // what the script did on the host (its LW-RUN, LW-REMOVED, LW-NOTE, LW-VERIFY, ... lines), not only a
    // hash
    finished.insert(QStringLiteral("actions"),
                    QJsonArray::fromStringList(remediationActions(r.stdoutData, r.stderrData)));
    if (!r.message.isEmpty())
        finished.insert(QStringLiteral("message"), r.message);
    if (!state.record(finished, &auditError))
        r.message += QLatin1Char(' ') + FleetTr::tr("The audit log cannot be written (%1).").arg(auditError);
}

HostRunResult runHost(const JobInput &in, ssh::SshConnection &connection, RunState &state)
{
    HostRunResult r;
    r.host = in.host;
    r.plan = in.plan;
    r.canary = in.canary;
    QJsonObject base{{QStringLiteral("host"), in.host}};
    if (state.cancelled.isCancelled()) {
        r.state = HostRunState::Skipped;
        r.message = FleetTr::tr("Cancelled before it started; nothing ran.");
        QJsonObject o = base;
        o.insert(QStringLiteral("event"), QStringLiteral("skipped"));
        o.insert(QStringLiteral("reason"), QStringLiteral("cancelled"));
        (void)state.record(o);
        return r;
    }
    const ssh::ConnectResult connected = connection.connect(state.cancelled);
    if (connected.status != ssh::SshStatus::Ok) {
        r.state = HostRunState::Failed;
        r.message = FleetTr::tr("Not run: %1").arg(connected.message);
        QJsonObject o = base;
        o.insert(QStringLiteral("event"), QStringLiteral("not-run"));
        o.insert(QStringLiteral("reason"), ssh::sshStatusName(connected.status));
        o.insert(QStringLiteral("message"), connected.message);
        (void)state.record(o);
        return r;
    }

    QJsonObject started = base;
    started.insert(QStringLiteral("event"), QStringLiteral("started"));
    started.insert(QStringLiteral("parameters"), auditParameters(in.plan));
    started.insert(QStringLiteral("approval"), state.approval);
    started.insert(QStringLiteral("canary"), in.canary);
    QString auditError;
    if (!state.record(started, &auditError)) {
        r.state = HostRunState::Failed;
        r.message = FleetTr::tr("Not run: the audit log cannot be written (%1).").arg(auditError);
        return r;
    }

    QByteArray head; // stdout until the prelude's "LW-PGID <n>" line
    qint64 handedOut = 0;
    const ssh::ExecRequest request = scriptRequest(in, state, r, head, handedOut);
    const ssh::ExecResult exec = connection.exec(request);
    r.durationMs = exec.durationMs;
    r.exitKnown = exec.exitKnown;
    r.exitStatus = exec.exitStatus;
    r.exitSignal = exec.exitSignal;
    r.stdoutData = exec.stdoutData;
    r.stderrData = exec.stderrData;
    r.truncated = exec.truncated;
    QCryptographicHash outputHash(QCryptographicHash::Sha256); // of stdout then stderr, without joining them
    outputHash.addData(exec.stdoutData);
    outputHash.addData(exec.stderrData);
    r.outputSha256 = QString::fromLatin1(outputHash.result().toHex());

    judgeOutcome(in, exec, connection, state, r);
    recordFinished(base, state, r);
    return r;
}

} // namespace

struct BatchRunner::Private
{
    BatchRunner *q = nullptr;
    ssh::SshPool *pool = nullptr;
    AuditLog *audit = nullptr;
    std::shared_ptr<RunState> state;
    QTimer flushTimer;
    RemediationScript script;
    QByteArray stdinData;
    RolloutOptions options;
    QList<BatchHost> hosts;
    QList<HostRunResult> results;
    QList<int> runnable; // indexes into hosts, in order
    int next = 0;        // into runnable
    int inFlight = 0;
    bool canaryPhase = true;
    bool running = false;
    bool paused = false;
    bool cancelRequested = false;
    bool stopped = false;
    BatchSummary summary;

    bool isFailure(HostRunState s) const
    {
        return options.dryRun ? s != HostRunState::Succeeded : s != HostRunState::Verified;
    }
    void setState(int index, HostRunState s, const QString &message = QString())
    {
        results[index].state = s;
        emit q->hostStateChanged(results.at(index).host, s, message);
    }
    void flush();
    void startWave();
    void hostDone(int index);
    void verify(int index);
    void finish();
    int doneCount() const
    {
        int n = 0;
        for (const HostRunResult &r : results)
            n += isFinalHostRunState(r.state) ? 1 : 0;
        return n;
    }
};

BatchRunner::BatchRunner(ssh::SshPool *pool, AuditLog *audit, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<lw::HostRunState>();
    qRegisterMetaType<lw::HostRunResult>();
    qRegisterMetaType<lw::BatchSummary>();
    d->q = this;
    d->pool = pool;
    d->audit = audit;
    connect(&d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });
}

BatchRunner::~BatchRunner()
{
    if (d->state)
        d->state->cancelled.cancel();
}

QList<RemediationPlan> BatchRunner::planAll(const RemediationScript &script, const QList<BatchHost> &hosts,
                                            const QMap<QString, QString> &operatorValues)
{
    QList<RemediationPlan> plans;
    for (const BatchHost &host : hosts) {
        RemediationPlan plan = planRemediation(script, host.snapshot, operatorValues);
        plan.host = host.target.name;
        plans.append(plan);
    }
    return plans;
}

QString BatchRunner::planDigest(const QList<RemediationPlan> &plans)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const RemediationPlan &plan : plans) {
        if (!plan.isValid())
            continue;
        hash.addData(plan.host.toUtf8() + '\n' + plan.origin.directory.toUtf8() + '\n' +
                     plan.origin.manifestSha256.toLatin1() + '\n' + plan.scriptSha256.toLatin1() + '\n' +
                     encodeRemediationParameters(plan.parameters) + '\n');
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool BatchRunner::start(const RemediationCatalog &catalog, const QString &scriptId,
                        const QList<BatchHost> &hosts, const QMap<QString, QString> &operatorValues,
                        const RolloutOptions &options, const Approval &approval, QString *error)
{
    auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (d->running)
        return refuse(FleetTr::tr("A batch is already running."));
    if (!d->pool || !d->audit)
        return refuse(FleetTr::tr("No SSH pool or audit log."));
    const RemediationScript *script = catalog.script(scriptId);
    if (!script)
        return refuse(FleetTr::tr("There is no reviewed script %1.").arg(scriptId));
    if (!script->verified || !catalog.preludeVerified || script->origin.trust == CatalogTrust::Untrusted)
        return refuse(script->refusal.isEmpty()
                          ? FleetTr::tr("The script %1 is not the reviewed one: refused.").arg(scriptId)
                          : script->refusal);
    if (approval.approvedBy.trimmed().isEmpty() || approval.how.trimmed().isEmpty())
        return refuse(FleetTr::tr("No approval: say who approved the run and how."));
    if (options.batchSize < 1 || options.canaryCount < 0 || options.maxFailures < 0 ||
        !std::isfinite(options.maxFailurePercent) || options.maxFailurePercent < 0 ||
        options.maxFailurePercent > 100)
        return refuse(
            FleetTr::tr("Invalid rollout: the batch size must be at least 1, the limits not negative."));

    const QList<RemediationPlan> plans = planAll(*script, hosts, operatorValues);
    int runnableCount = 0;
    for (const RemediationPlan &plan : plans)
        runnableCount += plan.isValid() ? 1 : 0;
    if (!options.dryRun && runnableCount > 3 && approval.typedHostCount != runnableCount)
        return refuse(FleetTr::tr("The approval must carry the number of hosts that will be changed, typed "
                                  "by the operator: %1 (typed: %2).")
                          .arg(runnableCount)
                          .arg(approval.typedHostCount));

    d->state = std::make_shared<RunState>();
    d->state->audit = d->audit;
    d->state->batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d->state->user = localUserName();
    d->state->scriptId = script->id;
    d->state->scriptSha256 = script->sha256;
    d->state->catalog = auditCatalog(*script);
    d->state->mode = options.dryRun ? QStringLiteral("dry-run") : QStringLiteral("run");
    const QString digest = planDigest(plans);
    QJsonObject approved{{QStringLiteral("by"), approval.approvedBy},
                         {QStringLiteral("how"), approval.how},
                         {QStringLiteral("hosts"),
                          approval.approvedHostCount >= 0 ? approval.approvedHostCount : runnableCount},
                         {QStringLiteral("catalog"), script->origin.directory},
                         {QStringLiteral("manifestSha256"), script->origin.manifestSha256},
                         {QStringLiteral("scriptSha256"), script->sha256},
                         {QStringLiteral("planDigest"), digest}};
    if (approval.typedHostCount >= 0) // only what was typed: no count asked, none recorded
        approved.insert(QStringLiteral("typedHostCount"), approval.typedHostCount);
    if (!approval.typedHostNames.isEmpty())
        approved.insert(QStringLiteral("typedHostNames"),
                        QJsonArray::fromStringList(approval.typedHostNames));
    d->state->approval = approved;

    QJsonObject begin{{QStringLiteral("event"), QStringLiteral("batch-started")},
                      {QStringLiteral("hosts"), int(hosts.size())},
                      {QStringLiteral("runnable"), runnableCount},
                      {QStringLiteral("approval"), d->state->approval},
                      {QStringLiteral("canary"), options.canaryCount},
                      {QStringLiteral("batchSize"), options.batchSize},
                      {QStringLiteral("maxFailures"), options.maxFailures},
                      {QStringLiteral("maxFailurePercent"), options.maxFailurePercent}};
    QString auditError;
    if (!d->state->record(begin, &auditError)) {
        d->state.reset();
        return refuse(FleetTr::tr("The audit log cannot be written, so nothing runs: %1").arg(auditError));
    }

    d->script = *script;
    if (options.timeoutSec > 0)
        d->script.timeoutSec = std::min(d->script.timeoutSec, options.timeoutSec);
    d->stdinData = remediationStdin(catalog, *script);
    d->options = options;
    d->hosts = hosts;
    d->results.clear();
    d->runnable.clear();
    d->next = 0;
    d->inFlight = 0;
    d->canaryPhase = options.canaryCount > 0;
    d->paused = false;
    d->cancelRequested = false;
    d->stopped = false;
    d->summary = BatchSummary();
    d->summary.total = int(hosts.size());
    d->running = true;
    for (int i = 0; i < hosts.size(); ++i) {
        HostRunResult r;
        r.host = hosts.at(i).target.name;
        r.plan = plans.at(i);
        d->results.append(r);
    }
    for (int i = 0; i < hosts.size(); ++i) {
        d->setState(i, HostRunState::Planning);
        if (plans.at(i).isValid()) {
            d->runnable.append(i);
            d->setState(i, HostRunState::Pending);
        } else {
            d->results[i].message = plans.at(i).error;
            d->setState(i, HostRunState::Refused, plans.at(i).error);
            (void)d->state->record({{QStringLiteral("event"), QStringLiteral("refused")},
                                    {QStringLiteral("host"), d->results.at(i).host},
                                    {QStringLiteral("reason"), plans.at(i).error}});
            emit hostFinished(d->results.at(i));
        }
    }
    d->flushTimer.setInterval(std::max(10, options.flushIntervalMs));
    d->flushTimer.start();
    QTimer::singleShot(0, this, [this] { d->startWave(); });
    return true;
}

void BatchRunner::Private::startWave()
{
    if (!running || inFlight > 0)
        return;
    if (cancelRequested || stopped || next >= runnable.size()) {
        finish();
        return;
    }
    if (paused)
        return;
    const int size = canaryPhase ? options.canaryCount : options.batchSize;
    const int end = std::min<int>(int(runnable.size()), next + size);
    for (; next < end; ++next) {
        const int index = runnable.at(next);
        JobInput in;
        in.index = index;
        in.host = results.at(index).host;
        in.plan = results.at(index).plan;
        in.command = remediationCommand(script, in.plan,
                                        options.dryRun ? RemediationMode::DryRun : RemediationMode::Run);
        in.stdinData = stdinData;
        in.timeoutSec = options.dryRun ? std::min(script.timeoutSec, 120) : script.timeoutSec;
        in.outputCap = options.outputCapBytes;
        in.canary = canaryPhase;
        results[index].canary = canaryPhase;
        ++inFlight;
        setState(index, HostRunState::Running);
        std::shared_ptr<RunState> shared = state;
        pool->submit(hosts.at(index).target, [in, shared](ssh::SshConnection &connection) {
            Event e;
            e.kind = Event::Done;
            e.index = in.index;
            e.result = runHost(in, connection, *shared);
            shared->push(std::move(e));
        });
    }
}

void BatchRunner::Private::flush()
{
    if (!state)
        return;
    QList<Event> events;
    {
        QMutexLocker lock(&state->mutex);
        events.swap(state->events);
    }
    // One output signal per host and stream per flush, in arrival order.
    QList<Event> merged;
    for (Event &e : events) {
        if (e.kind == Event::Output && !merged.isEmpty() && merged.last().kind == Event::Output &&
            merged.last().index == e.index && merged.last().stream == e.stream) {
            merged.last().bytes += e.bytes;
            continue;
        }
        merged.append(std::move(e));
    }
    for (Event &e : merged) {
        if (e.kind == Event::Output) {
            emit q->hostOutput(results.at(e.index).host, e.stream, e.bytes);
            continue;
        }
        const HostRunState s = e.result.state;
        results[e.index] = std::move(e.result);
        setState(e.index, s, results.at(e.index).message);
        if (s == HostRunState::Succeeded && !options.dryRun && !script.verifyFindingGone.isEmpty() &&
            !cancelRequested)
            verify(e.index);
        else
            hostDone(e.index);
    }
}

void BatchRunner::Private::verify(int index)
{
    // Re-probe with the same bundle and analysis as any sweep, every probe afresh (no refresh: a repair may
    // have changed what a refresh would answer "unchanged", e.g. ExecStart after a daemon-reload).
    auto *sweep = new ProbeSweep(pool, q);
    sweep->setBatchIntervalMs(50);
    sweep->setFullProbe(true);
    auto got = std::make_shared<bool>(false);
    QObject::connect(sweep, &ProbeSweep::resultsReady, q, [this, index, got](const QList<HostResult> &batch) {
        if (batch.isEmpty() || *got)
            return;
        *got = true;
        const HostResult &probe = batch.first();
        emit q->hostReprobed(probe);
        HostRunResult &r = results[index];
        if (probe.analysis)
            r.reprobe = probe.analysis;
        const RepairVerdict judged =
            judgeRepair(script, hosts.at(index).snapshot, probe.snapshot ? &*probe.snapshot : nullptr,
                        probe.analysis ? &*probe.analysis : nullptr);
        const QString verdict = judged.verdict;
        r.verification = verdict;
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("verified")},
                      {QStringLiteral("host"), r.host},
                      {QStringLiteral("finding"), script.verifyFindingGone},
                      {QStringLiteral("result"), verdict},
                      {QStringLiteral("problems"), QJsonArray::fromStringList(judged.problems)},
                      {QStringLiteral("probeStatus"), hostStatusName(probe.status)}};
        QString auditError;
        if (!state->record(o, &auditError))
            emit q->auditError(auditError);
        if (verdict == QLatin1String("gone")) {
            setState(index, HostRunState::Verified);
        } else if (verdict == QLatin1String("still-there")) {
            r.message = FleetTr::tr("The re-probe still finds %1.").arg(script.verifyFindingGone);
            setState(index, HostRunState::NotFixed, r.message);
        } else if (verdict == QLatin1String("workload-down")) {
            r.message =
                FleetTr::tr("Verification failed: %1.").arg(judged.problems.join(QLatin1String("; ")));
            setState(index, HostRunState::NotFixed, r.message);
        } else {
            r.message =
                FleetTr::tr("The script succeeded, but the re-probe could not tell whether %1 is gone "
                            "(%2).")
                    .arg(script.verifyFindingGone, probe.message);
            emit q->hostStateChanged(r.host, r.state, r.message);
        }
    });
    QObject::connect(sweep, &ProbeSweep::finished, q, [this, index, sweep, got] {
        if (!*got) {
            results[index].verification = QStringLiteral("unknown");
            results[index].message = FleetTr::tr("The re-probe did not finish; the result is unverified.");
            (void)state->record({{QStringLiteral("event"), QStringLiteral("verified")},
                                 {QStringLiteral("host"), results.at(index).host},
                                 {QStringLiteral("finding"), script.verifyFindingGone},
                                 {QStringLiteral("result"), QStringLiteral("unknown")}});
        }
        sweep->deleteLater();
        hostDone(index);
    });
    SweepHost host;
    host.target = hosts.at(index).target;
    sweep->start({host});
}

void BatchRunner::Private::hostDone(int index)
{
    const HostRunResult &r = results.at(index);
    if (isFailure(r.state) && r.state != HostRunState::Skipped)
        ++summary.failures;
    emit q->hostFinished(r);
    emit q->progress(doneCount(), int(results.size()));
    if (--inFlight > 0)
        return;
    // The wave is over: decide whether the rollout goes on.
    if (cancelRequested) {
        finish();
        return;
    }
    if (canaryPhase) {
        canaryPhase = false;
        for (int i = 0; i < next; ++i) {
            if (isFailure(results.at(runnable.at(i)).state)) {
                summary.canaryFailed = true;
                stopped = true;
            }
        }
    }
    const int total = int(runnable.size());
    if ((options.maxFailures > 0 && summary.failures >= options.maxFailures) ||
        (options.maxFailurePercent > 0 && total > 0 &&
         summary.failures * 100.0 >= options.maxFailurePercent * total - 1e-9)) {
        summary.stoppedByThreshold = true;
        stopped = true;
    }
    startWave();
}

void BatchRunner::Private::finish()
{
    if (!running)
        return;
    QString reason = cancelRequested        ? QStringLiteral("cancelled")
                     : summary.canaryFailed ? QStringLiteral("canary-failed")
                                            : QStringLiteral("failure-threshold");
    for (; next < runnable.size(); ++next) {
        const int index = runnable.at(next);
        results[index].message = cancelRequested ? FleetTr::tr("Not run: the batch was cancelled.")
                                 : summary.canaryFailed
                                     ? FleetTr::tr("Not run: the canary did not succeed.")
                                     : FleetTr::tr("Not run: the batch stopped at its failure limit.");
        setState(index, HostRunState::Skipped, results.at(index).message);
        (void)state->record({{QStringLiteral("event"), QStringLiteral("skipped")},
                             {QStringLiteral("host"), results.at(index).host},
                             {QStringLiteral("reason"), reason}});
        emit q->hostFinished(results.at(index));
    }
    flushTimer.stop();
    flush(); // output that arrived with the last results
    running = false;
    summary.cancelled = cancelRequested;
    summary.counts.clear();
    for (const HostRunResult &r : std::as_const(results))
        summary.counts[r.state] += 1;
    QJsonObject counts;
    for (auto it = summary.counts.cbegin(); it != summary.counts.cend(); ++it)
        counts.insert(hostRunStateName(it.key()), it.value());
    (void)state->record({{QStringLiteral("event"), QStringLiteral("batch-finished")},
                         {QStringLiteral("counts"), counts},
                         {QStringLiteral("failures"), summary.failures},
                         {QStringLiteral("cancelled"), summary.cancelled},
                         {QStringLiteral("canaryFailed"), summary.canaryFailed},
                         {QStringLiteral("stoppedByThreshold"), summary.stoppedByThreshold}});
    emit q->progress(doneCount(), int(results.size()));
    emit q->finished(summary);
}

void BatchRunner::pause()
{
    if (!d->running || d->paused)
        return;
    d->paused = true;
    (void)d->state->record({{QStringLiteral("event"), QStringLiteral("paused")}});
    emit pausedChanged(true);
}

void BatchRunner::resume()
{
    if (!d->running || !d->paused)
        return;
    d->paused = false;
    (void)d->state->record({{QStringLiteral("event"), QStringLiteral("resumed")}});
    emit pausedChanged(false);
    d->startWave();
}

void BatchRunner::cancel()
{
    if (!d->running || d->cancelRequested)
        return;
    d->cancelRequested = true;
    d->state->cancelled.cancel(); // a running connect or exec ends now
    (void)d->state->record({{QStringLiteral("event"), QStringLiteral("cancel-requested")}});
    if (d->inFlight == 0)
        d->finish();
}

bool BatchRunner::isRunning() const
{
    return d->running;
}

bool BatchRunner::isPaused() const
{
    return d->paused;
}

bool BatchRunner::waitForFinished(int msecs)
{
    if (!d->running)
        return true;
    waitForSignal(this, &BatchRunner::finished, msecs);
    return !d->running;
}

QList<HostRunResult> BatchRunner::results() const
{
    return d->results;
}

QString BatchRunner::batchId() const
{
    return d->state ? d->state->batchId : QString();
}

BatchSummary BatchRunner::summary() const
{
    return d->summary;
}

} // namespace lw
