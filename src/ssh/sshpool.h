#pragma once

#include "credentials.h"
#include "sshconnection.h"
#include "sshtypes.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace lw::ssh {

// A bounded set of worker threads running host jobs. Each worker owns the sessions it created and keeps
// them open, so the next job for that host goes to the same worker and costs no handshake.
// Created and used from one thread (e.g. the GUI thread); jobs run in the workers.
class SshPool : public QObject
{
    Q_OBJECT
public:
    explicit SshPool(SshOptions options, CredentialProvider *credentials, QObject *parent = nullptr);
    ~SshPool() override; // cancels queued jobs, joins the threads (running jobs finish)

    // Runs in a worker thread; the connection may already be connected (kept from an earlier job).
    using Job = std::function<void(SshConnection &)>;

    void submit(const HostTarget &target, Job job);
    // Drops queued jobs and cancels the running ones: every SshConnection::exec already running or started
    // by a job submitted before this call returns SshStatus::Error ("Cancelled") within ~100 ms.
    void cancelAll();
    int pending() const; // queued + running
    void setMaxConcurrent(int count);
    void
    dropConnection(const QString &hostName); // closes the kept session (in its worker) for that host name
    bool waitForIdle(int msecs);             // for CLI/tests; true if idle before the timeout

signals:
    void jobFinished(QString hostName); // HostTarget::name
    void idle();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace lw::ssh
