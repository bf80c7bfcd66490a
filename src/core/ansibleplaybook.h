#pragma once

#include "capture.h"
#include "remediation.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lw {

// Layerwatch's repairs and probes as Ansible playbooks, for fleets that the automation an admin already
// operates should drive (docs/ansible.md). The playbooks run exactly what Layerwatch runs over its own SSH
// sessions: the same script bytes, checked against the reviewed SHA-256 on each host before anything runs,
// the same base64 parameters, the same remote command.

// The rollout as Layerwatch's batch options put it (layerwatch-cli remediate's options and defaults).
struct AnsibleRollout
{
    int canaryCount = 1;          // the first play, alone; the rest only if every canary succeeded
    int batchSize = 5;            // serial of the second play
    int maxFailures = 1;          // stop once a batch has this many failures; 0: no count limit
    double maxFailurePercent = 0; // stop once a batch's failures reach this %; 0: no limit
    RemediationMode mode = RemediationMode::Run;
};

// Ansible aborts a play (and the playbook) when a batch's failed hosts EXCEED max_fail_percentage of it;
// Layerwatch stops when failures REACH its limits. The value that makes one batch of batchSize hosts stop
// where Layerwatch would (the lower of the two limits); nullopt when neither limit is set. Ansible counts per
// batch, Layerwatch over the whole rollout: docs/ansible.md says what that changes.
std::optional<double> ansibleMaxFailPercentage(const AnsibleRollout &rollout, int batchSize);

// One file of an export, relative to the export directory.
struct ExportFile
{
    QString path;
    QByteArray content;
};

struct PlaybookExport
{
    QList<ExportFile> files;
    QString error; // translated; non-empty: nothing to write
};

// The repair playbook (repair.yml, tasks/run-reviewed-script.yml, vars.yml, files/prelude.sh,
// files/<script file>, host_vars/<host>.yml with each host's lw_parameters, plan.json). plans: one per host
// in rollout order; hosts without a valid plan are left out (plan.json lists them with the reason). Refused
// (error) when the script or the prelude is not the reviewed one, no host has a plan, or a host name could
// not be a file name and an inventory name.
PlaybookExport exportRepairPlaybook(const RemediationCatalog &catalog, const RemediationScript &script,
                                    const QList<RemediationPlan> &plans, const AnsibleRollout &rollout);

// The shell text the repair play runs on a host, its variables filled in as Ansible fills them: it must feed
// remediationStdin()'s bytes to remediationCommand() (tst_ansibleplaybook compares).
QByteArray repairPlayShellCommand(const RemediationScript &script, const RemediationPlan &plan,
                                  RemediationMode mode);

// The probe playbook (probe.yml, files/bundle.sh): runs the bundle as Layerwatch does (sh -s, a random
// marker) on every host of the play, its stdout base64-encoded on the host (Ansible passes results as text),
// and saves each host's output as results/<host>.json on the controller; readAnsibleProbeResults() reads
// them.
PlaybookExport exportProbePlaybook(const QByteArray &bundleScript);

// Writes an export into dir (created; existing files of the same names are replaced). False with a
// translated error.
bool writePlaybookExport(const PlaybookExport &exported, const QString &dir, QString *error);

// --- the probe playbook's saved results ----------------------------------------------------------------

// Whether dir holds results of the probe playbook (*.json naming the layerwatch-ansible-probe format) and
// is not itself a capture.
bool isAnsibleProbeResultDirectory(const QString &dir);
// Each host's result as a capture, as the bundle's output from an SSH session would be (parseBundleOutput).
// A result whose bundle did not run to its end is an error naming the host (failedDirectories holds
// dir/<host>, so that its last part is the host's name).
[[nodiscard]] CaptureSetReadResult readAnsibleProbeResults(const QString &dir);
// What analyze reads: the probe playbook's results when dir holds them, else saved captures (readCaptures).
[[nodiscard]] CaptureSetReadResult readCapturesOrProbeResults(const QString &dir);

} // namespace lw
