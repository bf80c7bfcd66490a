#pragma once

#include "hoststatus.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lw {

// What the console offers to do about a host's state (buttons on its detail page).
enum class HostAction {
    Probe,           // probe it (again)
    EditSshSettings, // the SSH settings (keys, known_hosts, ssh_config, user), and the host's inventory entry
    ReviewHostKey,   // the key the host presented, against known_hosts
};

// Why a host shows no (current) result and what to do: computed once here, shown by the console's detail
// page, its status tooltip and the CLI's text report.
struct HostProblem
{
    HostStatus status = HostStatus::Ok;
    QString title;     // translated, e.g. "Authentication failed"
    QString error;     // what the probe reported, as it did (user, keys tried, address...)
    QString cause;     // translated: the likely causes
    QStringList steps; // translated: what to do, in order
    QList<HostAction> actions;
    bool gotOutput = false; // as passed to explainHostStatus

    bool isProblem() const { return status != HostStatus::Ok; }
};

// gotOutput: the probe ran on the host and part of its output came back (a probe timed out), as opposed to
// a failure to connect.
HostProblem explainHostStatus(HostStatus status, const QString &message, bool gotOutput = false);

} // namespace lw
