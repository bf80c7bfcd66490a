#include "hostproblem.h"

#include "coretr.h"

namespace lw {

HostProblem explainHostStatus(HostStatus status, const QString &message, bool gotOutput)
{
    HostProblem p;
    p.status = status;
    p.title = hostStatusDisplayName(status);
    p.error = message;
    p.gotOutput = gotOutput;
    switch (status) {
    case HostStatus::Ok:
        break;
    case HostStatus::NotProbed:
        p.title = CoreTr::tr("Not probed yet");
        p.cause = CoreTr::tr("Nothing is known about this host yet: it has not been probed from this data "
                             "directory.");
        p.steps << CoreTr::tr("Probe it (read-only: nothing on the host is changed).");
        p.actions << HostAction::Probe << HostAction::EditSshSettings;
        break;
    case HostStatus::Queued:
    case HostStatus::Connecting:
    case HostStatus::Probing:
        p.cause = CoreTr::tr("The probe is under way; its result shows here when it arrives.");
        break;
    case HostStatus::Unreachable:
        p.cause = CoreTr::tr("No SSH server answered at this address and port: the host is down, the address "
                             "or port is wrong, the name does not resolve, or a firewall rejects the "
                             "connection.");
        p.steps << CoreTr::tr(
                       "Check the address, port and user of the host (the inventory, or ~/.ssh/config).")
                << CoreTr::tr("Check that the host is up and sshd listens: ssh -v from this workstation.")
                << CoreTr::tr("Probe it again.");
        p.actions << HostAction::Probe << HostAction::EditSshSettings;
        break;
    case HostStatus::AuthFailed:
        p.cause = CoreTr::tr("The host refused every key and password offered: the user is wrong, the public "
                             "key is not in that user's ~/.ssh/authorized_keys, the key is not loaded in the "
                             "agent, or its passphrase was not given.");
        p.steps << CoreTr::tr("Check the user of the host (the inventory, or User in ~/.ssh/config).")
                << CoreTr::tr("Add the public key to the user's ~/.ssh/authorized_keys on the host, or load "
                              "the key into the agent (ssh-add).")
                << CoreTr::tr("Probe it again; a key with a passphrase asks for it.");
        p.actions << HostAction::Probe << HostAction::EditSshSettings;
        break;
    case HostStatus::HostKeyUnknown:
        p.cause = CoreTr::tr("The host's key is not in known_hosts: Layerwatch connects only to hosts whose "
                             "key was approved, so nothing ran on it.");
        p.steps << CoreTr::tr("Compare the fingerprint with the host's own, read on its console: ssh-keygen "
                              "-lf /etc/ssh/ssh_host_ed25519_key.pub.")
                << CoreTr::tr("Approve the key if they match; the host is probed then.");
        p.actions << HostAction::ReviewHostKey << HostAction::Probe;
        break;
    case HostStatus::HostKeyChanged:
        p.cause =
            CoreTr::tr("The host presented a different key than known_hosts holds for it. Either it was "
                       "reinstalled or its keys were regenerated, or someone is intercepting the "
                       "connection. Layerwatch refuses to connect; nothing ran on it.");
        p.steps << CoreTr::tr(
                       "Verify the new key out of band (the host's console, the provisioning records).")
                << CoreTr::tr("Only then remove the old entry (ssh-keygen -R HOST) and probe it again to "
                              "approve the new key.");
        p.actions << HostAction::ReviewHostKey;
        break;
    case HostStatus::HostKeyRevoked:
        p.cause = CoreTr::tr("The host's key is marked @revoked in known_hosts. Layerwatch refuses to "
                             "connect; nothing ran on it.");
        p.steps << CoreTr::tr(
            "Ask whoever revoked the key; do not connect until the host has a new, verified "
            "key.");
        p.actions << HostAction::ReviewHostKey;
        break;
    case HostStatus::Timeout:
        if (gotOutput) {
            p.cause = CoreTr::tr("A probe did not finish in time: a hung mount (often NFS), a docker daemon "
                                 "that does not answer, or a very slow host. What it answered before is "
                                 "shown; the rest is unknown.");
            p.steps << CoreTr::tr("See which probe timed out in the Raw tab.")
                    << CoreTr::tr("Check the host for hung mounts (D-state processes) or a hung dockerd.")
                    << CoreTr::tr("Probe it again.");
        } else {
            p.cause = CoreTr::tr("The connection was not set up in time: a firewall silently drops the "
                                 "packets, the host is overloaded, or sshd hangs before its greeting.");
            p.steps << CoreTr::tr("Check the address and port of the host.")
                    << CoreTr::tr("Check that sshd answers: ssh -v from this workstation.")
                    << CoreTr::tr("Probe it again.");
        }
        p.actions << HostAction::Probe << HostAction::EditSshSettings;
        break;
    case HostStatus::Cancelled:
        p.cause = CoreTr::tr("The probe was stopped before it finished; what is shown is from before.");
        p.steps << CoreTr::tr("Probe it again.");
        p.actions << HostAction::Probe;
        break;
    case HostStatus::Error:
        p.cause = CoreTr::tr("The probe failed; the error above says where.");
        p.steps << CoreTr::tr("Probe it again; if it fails again, check the host's sshd log (journalctl -u "
                              "ssh) and the address, port and user of the host.");
        p.actions << HostAction::Probe << HostAction::EditSshSettings;
        break;
    }
    return p;
}

} // namespace lw
