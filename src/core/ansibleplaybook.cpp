#include "ansibleplaybook.h"

#include "coretr.h"
#include "probebundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace lw {

using namespace Qt::StringLiterals;

namespace {

const char probeResultFormat[] = "layerwatch-ansible-probe";

// A host name that is safe as a file name (host_vars/<host>.yml, results/<host>.json) and as an entry of a
// play's host list, and needs no quoting anywhere.
bool isPlainHostName(const QString &host)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:-]{0,252}$"));
    return plain.match(host).hasMatch() && !host.contains(".."_L1);
}

// A YAML double-quoted scalar that no YAML parser reads differently: everything but printable ASCII and
// ordinary printable Unicode escaped.
QByteArray yamlQuoted(const QString &text)
{
    QByteArray out = "\"";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '"' || u == '\\') {
            out += '\\';
            out += char(u);
        } else if (u == '\n') {
            out += "\\n";
        } else if (u == '\t') {
            out += "\\t";
        } else if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 || u == 0xfeff ||
                   c.isSurrogate()) {
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        } else {
            out += QString(c).toUtf8();
        }
    }
    return out + '"';
}

QByteArray yamlHostList(const QList<RemediationPlan> &plans)
{
    QByteArrayList names;
    for (const RemediationPlan &p : plans)
        names.append(yamlQuoted(p.host));
    return '[' + names.join(", ") + ']';
}

QByteArray percentText(double value)
{
    return QByteArray::number(value, 'g', 12);
}

// The tasks both plays run on each host. Variables from vars.yml (the script) and host_vars (lw_parameters).
const char runTasks[] =
    R"yaml(# Runs one reviewed Layerwatch script on the host: what `layerwatch-cli remediate` runs over its own SSH
# session, byte for byte (docs/ansible.md). Included by repair.yml; the variables come from vars.yml
# (the script and its reviewed hashes) and host_vars/<host>.yml (the host's parameters).
- name: Layerwatch | the host has a plan, and its parameters are data (base64 only)
  ansible.builtin.assert:
    that:
      - lw_parameters is defined
      - lw_parameters is string
      - lw_parameters is match('^[A-Za-z0-9+/=]+$')
    fail_msg: "no Layerwatch plan for {{ inventory_hostname }} (host_vars/{{ inventory_hostname }}.yml)"
    quiet: true

- name: Layerwatch | a private directory for the reviewed files
  ansible.builtin.tempfile:
    state: directory
    suffix: .layerwatch
  register: lw_tmp

- name: Layerwatch | copy the prelude and the script
  ansible.builtin.copy:
    src: "files/{{ item }}"
    dest: "{{ lw_tmp.path }}/{{ item }}"
    mode: "0600"
  loop: ["prelude.sh", "{{ lw_script_file }}"]

- name: Layerwatch | hash them on the host
  ansible.builtin.stat:
    path: "{{ lw_tmp.path }}/{{ item }}"
    get_checksum: true
    checksum_algorithm: sha256
  loop: ["prelude.sh", "{{ lw_script_file }}"]
  register: lw_hashes

# No block/rescue/always here: Ansible's max_fail_percentage does not see a host that failed inside a block
# with an always section (it is counted only after the batch). The run's verdict is the last task instead,
# after the clean-up.
- name: Layerwatch | are they the reviewed bytes (SHA-256 of the manifest)?
  ansible.builtin.set_fact:
    lw_reviewed: "{{ lw_hashes.results[0].stat.checksum == lw_prelude_sha256 and lw_hashes.results[1].stat.checksum == lw_script_sha256 }}"

- name: Layerwatch | run {{ lw_script }} ({{ lw_mode }})
  # stdin: the prelude, a newline, the script, a newline (remediationStdin); the command line:
  # remediationCommand. Its exit status decides (0: done and verified by the script itself).
  ansible.builtin.shell:
    cmd: "{ cat prelude.sh; echo; cat {{ lw_script_file }}; echo; } | timeout -k 10 {{ lw_timeout | int }} sh -s -- {{ lw_mode }} {{ lw_parameters }}"
    chdir: "{{ lw_tmp.path }}"
  register: lw_run
  when: lw_reviewed | bool
  failed_when: false
  changed_when: lw_mode == 'run'

- name: Layerwatch | what the script printed
  ansible.builtin.debug:
    var: lw_run.stdout_lines
  when: lw_run.stdout_lines is defined

- name: Layerwatch | keep the output on the controller (results/<host>.json)
  ansible.builtin.copy:
    content: "{{ {'format': 'layerwatch-ansible-repair', 'version': 1, 'host': inventory_hostname, 'script': lw_script, 'scriptSha256': lw_script_sha256, 'mode': lw_mode, 'rc': lw_run.rc, 'start': lw_run.start, 'end': lw_run.end, 'stdout': lw_run.stdout, 'stderr': lw_run.stderr} | to_nice_json }}"
    dest: "{{ lw_results_dir | default(playbook_dir ~ '/results') }}/{{ inventory_hostname }}.json"
    mode: "0600"
  delegate_to: localhost
  become: false
  when: lw_run.rc is defined

- name: Layerwatch | remove the copies
  ansible.builtin.file:
    path: "{{ lw_tmp.path }}"
    state: absent

- name: Layerwatch | refused
  ansible.builtin.fail:
    msg: "the copies on {{ inventory_hostname }} are not the reviewed scripts: nothing was run"
  when: not (lw_reviewed | bool)

- name: Layerwatch | the script's verdict
  ansible.builtin.fail:
    msg: "{{ lw_script }} exited with status {{ lw_run.rc }}: {{ (lw_run.stderr_lines | select('match', '^LW-FAIL') | list + ['']) | first }}"
  when: lw_run.rc is defined and lw_run.rc != 0
)yaml";

QByteArray playHeader(const QByteArray &name, const QList<RemediationPlan> &hosts, int serial,
                      const std::optional<double> &maxFail)
{
    QByteArray play = "- name: " + yamlQuoted(QString::fromUtf8(name)) + "\n  hosts: " + yamlHostList(hosts) +
                      "\n  gather_facts: false\n  become: \"{{ lw_become | default(false) | bool }}\"\n" +
                      "  serial: " + QByteArray::number(std::max(1, serial)) + '\n';
    if (maxFail)
        play += "  max_fail_percentage: " + percentText(*maxFail) + '\n';
    play += "  vars_files:\n    - vars.yml\n  pre_tasks:\n"
            "    - name: Layerwatch | the results directory on the controller\n"
            "      ansible.builtin.file:\n"
            "        path: \"{{ lw_results_dir | default(playbook_dir ~ '/results') }}\"\n"
            "        state: directory\n        mode: \"0700\"\n"
            "      delegate_to: localhost\n      become: false\n      run_once: true\n"
            "  tasks:\n    - name: Layerwatch | the reviewed script\n"
            "      ansible.builtin.include_tasks: tasks/run-reviewed-script.yml\n";
    return play;
}

QByteArray modeName(RemediationMode mode)
{
    return mode == RemediationMode::DryRun ? "dry-run" : "run";
}

int scriptSeconds(const RemediationScript &script, RemediationMode mode)
{
    // as remediationCommand: dry runs get a short leash
    return mode == RemediationMode::DryRun ? std::min(script.timeoutSec, 120) : script.timeoutSec;
}

} // namespace

std::optional<double> ansibleMaxFailPercentage(const AnsibleRollout &rollout, int batchSize)
{
    const int size = std::max(1, batchSize);
    std::optional<double> limit;
    // K failures stop Layerwatch: K - 1 may happen; half a host more is the boundary Ansible must exceed.
    if (rollout.maxFailures > 0)
        limit = 100.0 * (rollout.maxFailures - 0.5) / size;
    // P% reached stops Layerwatch: Ansible must stop at P% itself, so a thousandth of a host's share below
    // it.
    if (rollout.maxFailurePercent > 0) {
        const double p = std::max(0.0, rollout.maxFailurePercent - 0.1 / size);
        limit = limit ? std::min(*limit, p) : p;
    }
    return limit;
}

QByteArray repairPlayShellCommand(const RemediationScript &script, const RemediationPlan &plan,
                                  RemediationMode mode)
{
    return "{ cat prelude.sh; echo; cat " + script.file.toUtf8() + "; echo; } | timeout -k 10 " +
           QByteArray::number(scriptSeconds(script, mode)) + " sh -s -- " + modeName(mode) + ' ' +
           encodeRemediationParameters(plan.parameters);
}

PlaybookExport exportRepairPlaybook(const RemediationCatalog &catalog, const RemediationScript &script,
                                    const QList<RemediationPlan> &plans, const AnsibleRollout &rollout)
{
    PlaybookExport out;
    if (!script.verified) {
        out.error = CoreTr::tr("Refused: %1").arg(script.refusal);
        return out;
    }
    if (!catalog.preludeVerified) {
        out.error = CoreTr::tr("Refused: the remediation prelude is not the reviewed one.");
        return out;
    }
    static const QRegularExpression plainFile(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*\\.sh$"));
    if (!plainFile.match(script.file).hasMatch() || script.file == "prelude.sh"_L1) {
        out.error =
            CoreTr::tr("Refused: the script's file name %1 is not a plain file name.").arg(script.file);
        return out;
    }
    QList<RemediationPlan> runnable;
    QJsonArray refused;
    for (const RemediationPlan &plan : plans) {
        if (!isPlainHostName(plan.host)) {
            out.error =
                CoreTr::tr(
                    "The host name \"%1\" cannot be used in a playbook (letters, digits, . _ : - only).")
                    .arg(plan.host);
            return out;
        }
        if (plan.isValid() && plan.scriptSha256 == script.sha256)
            runnable.append(plan);
        else
            refused.append(
                QJsonObject{{"host"_L1, plan.host},
                            {"reason"_L1, plan.isValid() ? CoreTr::tr("planned for another script version")
                                                         : plan.error}});
    }
    if (runnable.isEmpty()) {
        out.error = CoreTr::tr("No host has a valid plan for %1: nothing to export.").arg(script.id);
        return out;
    }

    const QList<RemediationPlan> canaries = runnable.mid(0, std::max(0, rollout.canaryCount));
    const QList<RemediationPlan> rest = runnable.mid(canaries.size());
    const QByteArray mode = modeName(rollout.mode);
    QByteArray playbook =
        "# Layerwatch: the reviewed repair " + yamlQuoted(script.id) + ", exported for " +
        QByteArray::number(runnable.size()) + " host(s) (" + mode +
        ").\n"
        "# Each host runs what `layerwatch-cli remediate` would run on it: files/prelude.sh and files/" +
        script.file.toUtf8() +
        ",\n# checked on the host against the reviewed SHA-256 (vars.yml) before anything runs, fed to\n"
        "#   timeout -k 10 <seconds> sh -s -- <mode> <lw_parameters>\n"
        "# lw_parameters: host_vars/<host>.yml, planned from the host's own probe results (plan.json has the "
        "steps).\n"
        "# The canaries run first, alone; any failure there stops the playbook. Then batches of serial "
        "hosts;\n"
        "# max_fail_percentage mirrors Layerwatch's failure limits per batch (docs/ansible.md).\n"
        "# Run: ansible-playbook -i INVENTORY repair.yml [-e lw_become=true] [-e lw_results_dir=DIR]\n";
    if (!canaries.isEmpty())
        playbook +=
            playHeader("Layerwatch " + script.id.toUtf8() + ": canary", canaries, int(canaries.size()), 0.0);
    if (!rest.isEmpty()) {
        const int serial = std::max(1, rollout.batchSize);
        playbook += playHeader("Layerwatch " + script.id.toUtf8() + ": rollout", rest, serial,
                               ansibleMaxFailPercentage(rollout, serial));
    }
    out.files.append({QStringLiteral("repair.yml"), playbook});
    out.files.append({QStringLiteral("tasks/run-reviewed-script.yml"), QByteArray(runTasks)});

    const QByteArray vars = "# The reviewed script (resources/remediation/manifest.json) and how it runs.\n"
                            "lw_script: " +
                            yamlQuoted(script.id) + "\nlw_script_file: " + yamlQuoted(script.file) +
                            "\nlw_script_sha256: " + yamlQuoted(script.sha256) +
                            "\nlw_prelude_sha256: " + yamlQuoted(sha256Hex(catalog.prelude)) +
                            "\nlw_mode: " + yamlQuoted(QString::fromLatin1(mode)) +
                            "\nlw_timeout: " + QByteArray::number(scriptSeconds(script, rollout.mode)) + '\n';
    out.files.append({QStringLiteral("vars.yml"), vars});
    out.files.append({QStringLiteral("files/prelude.sh"), catalog.prelude});
    out.files.append({QStringLiteral("files/") + script.file, script.body});

    QJsonArray planned;
    for (const RemediationPlan &plan : runnable) {
        const QByteArray parameters = encodeRemediationParameters(plan.parameters);
        // Steps name what the host reported (mount points, file contents): data, so !unsafe (Ansible must not
        // evaluate a "{{ }}" a host put into a path) and quoted.
        QByteArray hostVars =
            "# Layerwatch's plan of " + script.id.toUtf8() +
            " for this host.\nlw_parameters: " + yamlQuoted(QString::fromLatin1(parameters)) +
            "\nlw_plan_steps:\n";
        QJsonArray steps;
        for (const QString &step : plan.steps) {
            hostVars += "  - !unsafe " + yamlQuoted(step) + '\n';
            steps.append(step);
        }
        if (plan.steps.isEmpty())
            hostVars += "  []\n";
        out.files.append({QStringLiteral("host_vars/") + plan.host + QStringLiteral(".yml"), hostVars});
        planned.append(
            QJsonObject{{"host"_L1, plan.host},
                        {"parameters"_L1, QString::fromLatin1(parameters)},
                        {"command"_L1, QString::fromLatin1(remediationCommand(script, plan, rollout.mode))},
                        {"steps"_L1, steps},
                        {"canary"_L1, canaries.size() > 0 && planned.size() < canaries.size()}});
    }
    QJsonObject rolloutJson{{"canary"_L1, rollout.canaryCount},
                            {"batchSize"_L1, rollout.batchSize},
                            {"maxFailures"_L1, rollout.maxFailures},
                            {"maxFailurePercent"_L1, rollout.maxFailurePercent}};
    const QJsonObject plan{{"format"_L1, QStringLiteral("layerwatch-ansible-repair-plan")},
                           {"version"_L1, 1},
                           {"script"_L1, script.id},
                           {"scriptSha256"_L1, script.sha256},
                           {"preludeSha256"_L1, sha256Hex(catalog.prelude)},
                           {"mode"_L1, QString::fromLatin1(mode)},
                           {"rollout"_L1, rolloutJson},
                           {"hosts"_L1, planned},
                           {"refused"_L1, refused}};
    out.files.append({QStringLiteral("plan.json"), QJsonDocument(plan).toJson(QJsonDocument::Indented)});
    return out;
}

PlaybookExport exportProbePlaybook(const QByteArray &bundleScript)
{
    PlaybookExport out;
    if (bundleScript.isEmpty()) {
        out.error = CoreTr::tr("The probe bundle is missing.");
        return out;
    }
    static const char playbook[] =
        R"yaml(# Layerwatch: the read-only probe bundle as an Ansible playbook (docs/ansible.md).
# Runs files/bundle.sh on every host as layerwatch-cli does (on stdin of `sh -s`, with a random marker) and
# saves each host's output on the controller as results/<host>.json:
#   ansible-playbook -i INVENTORY probe.yml [-e lw_hosts=PATTERN] [-e lw_become=true] [-e lw_results_dir=DIR]
#   layerwatch-cli analyze results/
# The bundle only reads (docs/probes.md); Ansible itself writes its module files to the remote tmp dir.
- name: Layerwatch probe bundle (read-only)
  hosts: "{{ lw_hosts | default('all') }}"
  gather_facts: false
  become: "{{ lw_become | default(false) | bool }}"
  tasks:
    - name: Layerwatch | the results directory on the controller
      ansible.builtin.file:
        path: "{{ lw_results_dir | default(playbook_dir ~ '/results') }}"
        state: directory
        mode: "0700"
      delegate_to: localhost
      become: false
      run_once: true

    - name: Layerwatch | a marker for this run (lowercase hex, so data, never code)
      ansible.builtin.set_fact:
        lw_marker: "{{ lookup('ansible.builtin.password', '/dev/null', chars=['0123456789abcdef'], length=32) }}"

    # The bundle's own framing (version 2) sends the probes' bytes as they are; Ansible hands results over
    # as text, so stdout crosses base64-encoded, byte for byte. stderr (the probes' messages) as text.
    - name: Layerwatch | run the probe bundle
      ansible.builtin.shell:
        cmd: "sh -s -- {{ lw_marker }} 0 | base64 -w0"
        stdin: "{{ lookup('ansible.builtin.file', 'files/bundle.sh') }}"
      register: lw_bundle
      changed_when: false
      failed_when: false

    - name: Layerwatch | save the output for layerwatch-cli analyze
      ansible.builtin.copy:
        content: "{{ {'format': 'layerwatch-ansible-probe', 'version': 1, 'host': inventory_hostname, 'marker': lw_marker, 'rc': lw_bundle.rc, 'stdoutBase64': lw_bundle.stdout, 'stderr': lw_bundle.stderr, 'collectedAt': lw_bundle.end} | to_nice_json }}"
        dest: "{{ lw_results_dir | default(playbook_dir ~ '/results') }}/{{ inventory_hostname }}.json"
        mode: "0600"
      delegate_to: localhost
      become: false
)yaml";
    out.files.append({QStringLiteral("probe.yml"), QByteArray(playbook)});
    out.files.append({QStringLiteral("files/bundle.sh"), bundleScript});
    return out;
}

bool writePlaybookExport(const PlaybookExport &exported, const QString &dir, QString *error)
{
    if (!exported.error.isEmpty()) {
        *error = exported.error;
        return false;
    }
    for (const ExportFile &file : exported.files) {
        const QString path = QDir(dir).filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = CoreTr::tr("Cannot create the directory of %1").arg(path);
            return false;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size() ||
            !out.commit()) {
            *error = CoreTr::tr("Cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
    }
    return true;
}

// --- reading the probe playbook's results ------------------------------------------------------------------

namespace {

QStringList resultFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

bool isProbeResult(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(4096).contains(probeResultFormat);
}

} // namespace

bool isAnsibleProbeResultDirectory(const QString &dir)
{
    if (isCaptureDirectory(dir))
        return false;
    const QStringList files = resultFiles(dir);
    return std::any_of(files.begin(), files.end(),
                       [&](const QString &name) { return isProbeResult(QDir(dir).filePath(name)); });
}

CaptureSetReadResult readAnsibleProbeResults(const QString &dir)
{
    CaptureSetReadResult result;
    static const QRegularExpression hexMarker(QStringLiteral("^[0-9a-f]{32,}$"));
    for (const QString &name : resultFiles(dir)) {
        const QString path = QDir(dir).filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.warnings.append(CoreTr::tr("%1: cannot be read: %2").arg(path, file.errorString()));
            continue;
        }
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        if (o.value("format"_L1).toString() != QLatin1String(probeResultFormat))
            continue; // not ours (a repair's result, anything else): left alone
        const QString host = o.value("host"_L1).toString();
        const QString marker = o.value("marker"_L1).toString();
        auto refuse = [&](const QString &why) {
            result.errors.append(CoreTr::tr("%1: %2").arg(path, why));
            result.failedDirectories.append(
                QDir(dir).filePath(host.isEmpty() ? QFileInfo(name).completeBaseName() : host));
        };
        if (o.value("version"_L1).toInt() != 1) {
            refuse(CoreTr::tr("unknown version %1 of the probe playbook's result")
                       .arg(o.value("version"_L1).toInt()));
            continue;
        }
        if (host.isEmpty() || !hexMarker.match(marker).hasMatch()) {
            refuse(CoreTr::tr("no host name or no valid marker"));
            continue;
        }
        const QByteArray output = QByteArray::fromBase64(o.value("stdoutBase64"_L1).toString().toLatin1());
        // Ansible hands stderr over without its trailing newline; the framing's last line needs it.
        QByteArray stderrData = o.value("stderr"_L1).toString().toUtf8();
        if (!stderrData.isEmpty() && !stderrData.endsWith('\n'))
            stderrData += '\n';
        BundleParseResult parsed = parseBundleOutput(output, stderrData, marker.toLatin1());
        if (!parsed.complete) {
            const QString stderrText =
                o.value("stderr"_L1).toString().trimmed().section(QLatin1Char('\n'), 0, 0);
            refuse(CoreTr::tr("the probe bundle did not run to its end on %1 (exit status %2)%3")
                       .arg(host)
                       .arg(o.value("rc"_L1).toInt(-1))
                       .arg(stderrText.isEmpty() ? QString() : QLatin1String(": ") + stderrText));
            continue;
        }
        for (const ParseError &e : parsed.errors)
            result.warnings.append(CoreTr::tr("%1: line %2: %3").arg(path).arg(e.line).arg(e.message));
        RawCapture capture = parsed.capture;
        capture.host = host;
        capture.collectedAt = QDateTime::fromString(o.value("collectedAt"_L1).toString(), Qt::ISODateWithMs);
        if (!capture.collectedAt.isValid()) // Ansible's "2026-12-06 13:40:01.123456" is local time
            capture.collectedAt = QDateTime::fromString(o.value("collectedAt"_L1).toString().left(19),
                                                        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        result.captures.append(capture);
    }
    std::sort(result.captures.begin(), result.captures.end(),
              [](const RawCapture &a, const RawCapture &b) { return a.host < b.host; });
    return result;
}

CaptureSetReadResult readCapturesOrProbeResults(const QString &dir)
{
    return isAnsibleProbeResultDirectory(dir) ? readAnsibleProbeResults(dir) : readCaptures(dir);
}

} // namespace lw
