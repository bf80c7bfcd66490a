<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Layerwatch::App</name>
    <message>
        <source>Layerwatch console: inspects Docker overlay2 hosts over SSH.</source>
        <translation>Layerwatch console: inspects Docker overlay2 hosts over SSH.</translation>
    </message>
    <message>
        <source>User interface language (zh_CN or en).</source>
        <translation>User interface language (zh_CN or en).</translation>
    </message>
    <message>
        <source>Show the demo fleet (shipped captures; no network, nothing stored).</source>
        <translation>Show the demo fleet (shipped captures; no network, nothing stored).</translation>
    </message>
    <message>
        <source>Import hosts from an inventory file (plain list, Ansible INI, ssh config).</source>
        <translation>Import hosts from an inventory file (plain list, Ansible INI, ssh config).</translation>
    </message>
    <message>
        <source>Keep the inventory, snapshot history and settings in this directory.</source>
        <translation>Keep the inventory, snapshot history and settings in this directory.</translation>
    </message>
    <message>
        <source>Probe every host right after start.</source>
        <translation>Probe every host right after start.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>Unknown language %1; available: %2</source>
        <translation>Unknown language %1; available: %2</translation>
    </message>
    <message>
        <source>Cannot read the inventory %1</source>
        <translation>Cannot read the inventory %1</translation>
    </message>
    <message>
        <source>Private key file for SSH (repeatable; default: the agent and ~/.ssh).</source>
        <translation>Private key file for SSH (repeatable; default: the agent and ~/.ssh).</translation>
    </message>
    <message>
        <source>known_hosts file to use instead of ~/.ssh/known_hosts.</source>
        <translation>known_hosts file to use instead of ~/.ssh/known_hosts.</translation>
    </message>
    <message>
        <source>ssh config file to read instead of ~/.ssh/config, or none.</source>
        <translation>ssh config file to read instead of ~/.ssh/config, or none.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (built with %2)</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Cli</name>
    <message>
        <source>Analyzes saved captures (one host&apos;s capture directory, or a directory of them) and reports the findings.</source>
        <translation>Analyzes saved captures (one host&apos;s capture directory, or a directory of them) and reports the findings.</translation>
    </message>
    <message>
        <source>Capture directory, or a directory of host captures.</source>
        <translation>Capture directory, or a directory of host captures.</translation>
    </message>
    <message>
        <source>Print the report as JSON.</source>
        <translation>Print the report as JSON.</translation>
    </message>
    <message>
        <source>Exit with status 1 when a finding of at least this severity exists: info, warning or critical (default: critical).</source>
        <translation>Exit with status 1 when a finding of at least this severity exists: info, warning or critical (default: critical).</translation>
    </message>
    <message>
        <source>Language of the report: zh_CN or en.</source>
        <translation>Language of the report: zh_CN or en.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>analyze needs exactly one capture directory.</source>
        <translation>analyze needs exactly one capture directory.</translation>
    </message>
    <message>
        <source>Invalid --fail-on value &quot;%1&quot;: use info, warning or critical.</source>
        <translation>Invalid --fail-on value &quot;%1&quot;: use info, warning or critical.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>warning: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>Analyze saved captures and report findings</source>
        <translation>Analyze saved captures and report findings</translation>
    </message>
    <message>
        <source>Usage: %1 &lt;command&gt; [options]</source>
        <translation>Usage: %1 &lt;command&gt; [options]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>Run &quot;%1 &lt;command&gt; --help&quot; for the options of a command.</source>
        <translation>Run &quot;%1 &lt;command&gt; --help&quot; for the options of a command.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; available: %2</source>
        <translation>Unknown language &quot;%1&quot;; available: %2</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unknown command &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Hosts to probe: one host a line ([user@]host[:port] [tag ...]), an Ansible INI inventory or an ssh config.</source>
        <translation>Hosts to probe: one host a line ([user@]host[:port] [tag ...]), an Ansible INI inventory or an ssh config.</translation>
    </message>
    <message>
        <source>auto, simple, ansible or ssh-config (default: auto).</source>
        <translation>auto, simple, ansible or ssh-config (default: auto).</translation>
    </message>
    <message>
        <source>Private key to try (repeatable).</source>
        <translation>Private key to try (repeatable).</translation>
    </message>
    <message>
        <source>known_hosts file (default: ~/.ssh/known_hosts).</source>
        <translation>known_hosts file (default: ~/.ssh/known_hosts).</translation>
    </message>
    <message>
        <source>User for hosts that name none.</source>
        <translation>User for hosts that name none.</translation>
    </message>
    <message>
        <source>Hosts probed at the same time (default: 32).</source>
        <translation>Hosts probed at the same time (default: 32).</translation>
    </message>
    <message>
        <source>Seconds to connect and log in (default: 10).</source>
        <translation>Seconds to connect and log in (default: 10).</translation>
    </message>
    <message>
        <source>Seconds for the whole bundle (default: 60).</source>
        <translation>Seconds for the whole bundle (default: 60).</translation>
    </message>
    <message>
        <source>Also write each host&apos;s capture to DIR/&lt;host&gt;/ (read by analyze).</source>
        <translation>Also write each host&apos;s capture to DIR/&lt;host&gt;/ (read by analyze).</translation>
    </message>
    <message>
        <source>ssh config file, or &quot;none&quot; (default: ~/.ssh/config).</source>
        <translation>ssh config file, or &quot;none&quot; (default: ~/.ssh/config).</translation>
    </message>
    <message>
        <source>Non-root users: read root-only probes through &quot;sudo -n&quot;.</source>
        <translation>Non-root users: read root-only probes through &quot;sudo -n&quot;.</translation>
    </message>
    <message>
        <source>probe needs --inventory FILE and no other arguments.</source>
        <translation>probe needs --inventory FILE and no other arguments.</translation>
    </message>
    <message>
        <source>Invalid --concurrency &quot;%1&quot;: use 1 to 1024.</source>
        <translation>Invalid --concurrency &quot;%1&quot;: use 1 to 1024.</translation>
    </message>
    <message>
        <source>Invalid --repeat &quot;%1&quot;.</source>
        <translation>Invalid --repeat &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Invalid timeout: give seconds greater than 0.</source>
        <translation>Invalid timeout: give seconds greater than 0.</translation>
    </message>
    <message>
        <source>Invalid --inventory-format &quot;%1&quot;.</source>
        <translation>Invalid --inventory-format &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot read the inventory %1: %2</source>
        <translation>Cannot read the inventory %1: %2</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>The inventory %1 names no host.</source>
        <translation>The inventory %1 names no host.</translation>
    </message>
    <message>
        <source>probed %1/%2 hosts, %3 failed</source>
        <translation>probed %1/%2 hosts, %3 failed</translation>
    </message>
    <message>
        <source>Cannot save the capture of %1 to %2: %3</source>
        <translation>Cannot save the capture of %1 to %2: %3</translation>
    </message>
    <message>
        <source>Probe hosts over SSH (read-only) and report findings</source>
        <translation>Probe hosts over SSH (read-only) and report findings</translation>
    </message>
    <message>
        <source>Plans a reviewed repair script for every host of an inventory from the hosts&apos; own probe results (probed first, read-only) and prints the plan. Only with --yes does it run the script, as a supervised batch: the canary host(s) first, then batches, stopping at the failure limit; each host is re-probed afterwards to verify the finding is gone. Every step is written to the audit log. Ctrl-C cancels: running scripts are ended on their hosts, the rest is skipped.

Exit status: 0 every host verified (or, without --yes, the plan was printed); 1 some host failed, was not fixed, refused, skipped or cancelled; 2 errors (options, a script that is not the reviewed one, a missing approval, hosts that could not be probed, an unknown outcome).</source>
        <translation>Plans a reviewed repair script for every host of an inventory from the hosts&apos; own probe results (probed first, read-only) and prints the plan. Only with --yes does it run the script, as a supervised batch: the canary host(s) first, then batches, stopping at the failure limit; each host is re-probed afterwards to verify the finding is gone. Every step is written to the audit log. Ctrl-C cancels: running scripts are ended on their hosts, the rest is skipped.

Exit status: 0 every host verified (or, without --yes, the plan was printed); 1 some host failed, was not fixed, refused, skipped or cancelled; 2 errors (options, a script that is not the reviewed one, a missing approval, hosts that could not be probed, an unknown outcome).</translation>
    </message>
    <message>
        <source>The repair script&apos;s ID.</source>
        <translation>The repair script&apos;s ID.</translation>
    </message>
    <message>
        <source>Hosts, as for probe.</source>
        <translation>Hosts, as for probe.</translation>
    </message>
    <message>
        <source>Hosts run first, alone (default: 1).</source>
        <translation>Hosts run first, alone (default: 1).</translation>
    </message>
    <message>
        <source>Hosts run at the same time after the canary (default: 5).</source>
        <translation>Hosts run at the same time after the canary (default: 5).</translation>
    </message>
    <message>
        <source>Stop after this many failed hosts (default: 1).</source>
        <translation>Stop after this many failed hosts (default: 1).</translation>
    </message>
    <message>
        <source>Stop when this percentage of the hosts failed (default: no limit).</source>
        <translation>Stop when this percentage of the hosts failed (default: no limit).</translation>
    </message>
    <message>
        <source>Run the script in dry-run mode on each host: it prints what it would do and changes nothing.</source>
        <translation>Run the script in dry-run mode on each host: it prints what it would do and changes nothing.</translation>
    </message>
    <message>
        <source>Run the batch (approval).</source>
        <translation>Run the batch (approval).</translation>
    </message>
    <message>
        <source>With --yes and more than 3 hosts to change: their number, as a typed confirmation.</source>
        <translation>With --yes and more than 3 hosts to change: their number, as a typed confirmation.</translation>
    </message>
    <message>
        <source>An operator parameter of the script (repeatable).</source>
        <translation>An operator parameter of the script (repeatable).</translation>
    </message>
    <message>
        <source>Audit log file (default: %1).</source>
        <translation>Audit log file (default: %1).</translation>
    </message>
    <message>
        <source>Seconds a script may run on a host, at most the manifest&apos;s (default: the manifest&apos;s).</source>
        <translation>Seconds a script may run on a host, at most the manifest&apos;s (default: the manifest&apos;s).</translation>
    </message>
    <message>
        <source>Print the plans and results as JSON (live output on stderr).</source>
        <translation>Print the plans and results as JSON (live output on stderr).</translation>
    </message>
    <message>
        <source>Language: zh_CN or en.</source>
        <translation>Language: zh_CN or en.</translation>
    </message>
    <message>
        <source>remediate needs --script ID and --inventory FILE and no other arguments.</source>
        <translation>remediate needs --script ID and --inventory FILE and no other arguments.</translation>
    </message>
    <message>
        <source>Invalid --canary, --batch-size, --max-failures or --connect-timeout: give a whole number in range.</source>
        <translation>Invalid --canary, --batch-size, --max-failures or --connect-timeout: give a whole number in range.</translation>
    </message>
    <message>
        <source>Invalid --max-failure-percent: use 0 to 100.</source>
        <translation>Invalid --max-failure-percent: use 0 to 100.</translation>
    </message>
    <message>
        <source>Invalid --timeout: give seconds.</source>
        <translation>Invalid --timeout: give seconds.</translation>
    </message>
    <message>
        <source>Unknown script &quot;%1&quot;; available: %2</source>
        <translation>Unknown script &quot;%1&quot;; available: %2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a parameter the operator sets for %2.</source>
        <translation>&quot;%1&quot; is not a parameter the operator sets for %2.</translation>
    </message>
    <message>
        <source>The inventory must name hosts and have no errors.</source>
        <translation>The inventory must name hosts and have no errors.</translation>
    </message>
    <message>
        <source>%1: not probed (%2): %3</source>
        <translation>%1: not probed (%2): %3</translation>
    </message>
    <message>
        <source>%1: probe incomplete (%2): %3</source>
        <translation>%1: probe incomplete (%2): %3</translation>
    </message>
    <message>
        <source>Script %1 (%2), SHA-256 %3</source>
        <translation>Script %1 (%2), SHA-256 %3</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risk: %1</translation>
    </message>
    <message>
        <source>no plan: %1</source>
        <translation>no plan: %1</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>%1 of %2 host(s) have a plan; plan digest %3.</source>
        <translation>%1 of %2 host(s) have a plan; plan digest %3.</translation>
    </message>
    <message>
        <source>Nothing was changed. Add --dry-run to see each host&apos;s dry run, --yes to run it.</source>
        <translation>Nothing was changed. Add --dry-run to see each host&apos;s dry run, --yes to run it.</translation>
    </message>
    <message>
        <source>No host has a valid plan: nothing to run.</source>
        <translation>No host has a valid plan: nothing to run.</translation>
    </message>
    <message>
        <source>Invalid --confirm-hosts.</source>
        <translation>Invalid --confirm-hosts.</translation>
    </message>
    <message>
        <source>This changes %1 hosts: confirm with --confirm-hosts %1.</source>
        <translation>This changes %1 hosts: confirm with --confirm-hosts %1.</translation>
    </message>
    <message>
        <source>Audit log: %1</source>
        <translation>Audit log: %1</translation>
    </message>
    <message>
        <source>Interrupted: cancelling; running scripts are being ended on their hosts.</source>
        <translation>Interrupted: cancelling; running scripts are being ended on their hosts.</translation>
    </message>
    <message>
        <source>Summary (batch %1):</source>
        <translation>Summary (batch %1):</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>exit %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>not probed</translation>
    </message>
    <message>
        <source>The batch was cancelled.</source>
        <translation>The batch was cancelled.</translation>
    </message>
    <message>
        <source>The canary did not succeed: the other hosts were skipped.</source>
        <translation>The canary did not succeed: the other hosts were skipped.</translation>
    </message>
    <message>
        <source>The batch stopped at its failure limit.</source>
        <translation>The batch stopped at its failure limit.</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>Dry run: nothing was changed.</translation>
    </message>
    <message>
        <source>Plan a reviewed repair script per host and, with --yes, run it as a supervised batch</source>
        <translation>Plan a reviewed repair script per host and, with --yes, run it as a supervised batch</translation>
    </message>
    <message>
        <source>Interrupted while probing: nothing was changed.</source>
        <translation>Interrupted while probing: nothing was changed.</translation>
    </message>
    <message>
        <source>Also print the SSH layer&apos;s diagnostics on stderr.</source>
        <translation>Also print the SSH layer&apos;s diagnostics on stderr.</translation>
    </message>
    <message>
        <source>Cannot write the report to the standard output: %1
</source>
        <translation>Cannot write the report to the standard output: %1
</translation>
    </message>
    <message>
        <source>A capture directory, a directory of host captures, a capture archive (layerwatch-cli archive) or the results of the probe playbook.</source>
        <translation>A capture directory, a directory of host captures, a capture archive (layerwatch-cli archive) or the results of the probe playbook.</translation>
    </message>
    <message>
        <source>Writes saved captures (one host&apos;s capture, a directory of them, or the probe playbook&apos;s results) as one tar archive, to attach to a ticket; &quot;layerwatch-cli analyze FILE&quot; reads it on any machine.</source>
        <translation>Writes saved captures (one host&apos;s capture, a directory of them, or the probe playbook&apos;s results) as one tar archive, to attach to a ticket; &quot;layerwatch-cli analyze FILE&quot; reads it on any machine.</translation>
    </message>
    <message>
        <source>The archive to write (.tar).</source>
        <translation>The archive to write (.tar).</translation>
    </message>
    <message>
        <source>archive needs one capture directory and --output FILE.</source>
        <translation>archive needs one capture directory and --output FILE.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n host(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n host to %1.</numerusform>
            <numerusform>Wrote %n hosts to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write saved captures as one archive for a ticket</source>
        <translation>Write saved captures as one archive for a ticket</translation>
    </message>
    <message>
        <source>Report format: text, json, html (with charts) or csv (default: text).</source>
        <translation>Report format: text, json, html (with charts) or csv (default: text).</translation>
    </message>
    <message>
        <source>Write the report to this file instead of the standard output.</source>
        <translation>Write the report to this file instead of the standard output.</translation>
    </message>
    <message>
        <source>Invalid --format &quot;%1&quot;: use text, json, html or csv.</source>
        <translation>Invalid --format &quot;%1&quot;: use text, json, html or csv.</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>Cannot write the report to %1: %2</translation>
    </message>
    <message>
        <source>Writes an Ansible playbook that runs the read-only probe bundle on every host and saves each host&apos;s output; &quot;layerwatch-cli analyze DIR/results&quot; reads them back.</source>
        <translation>Writes an Ansible playbook that runs the read-only probe bundle on every host and saves each host&apos;s output; &quot;layerwatch-cli analyze DIR/results&quot; reads them back.</translation>
    </message>
    <message>
        <source>Directory to write the playbook into.</source>
        <translation>Directory to write the playbook into.</translation>
    </message>
    <message>
        <source>playbook probe needs --output DIR and no other arguments.</source>
        <translation>playbook probe needs --output DIR and no other arguments.</translation>
    </message>
    <message>
        <source>Wrote %1/probe.yml. Run: ansible-playbook -i INVENTORY %1/probe.yml, then: layerwatch-cli analyze %1/results</source>
        <translation>Wrote %1/probe.yml. Run: ansible-playbook -i INVENTORY %1/probe.yml, then: layerwatch-cli analyze %1/results</translation>
    </message>
    <message>
        <source>Writes an Ansible playbook that runs a reviewed repair script on the hosts of saved captures: the same script bytes, checked against the reviewed SHA-256 on each host before it runs, each host&apos;s parameters planned from its capture (host variables), the canary hosts first and then batches (serial, max_fail_percentage) as remediate&apos;s options say. Hosts without a valid plan are left out and named.</source>
        <translation>Writes an Ansible playbook that runs a reviewed repair script on the hosts of saved captures: the same script bytes, checked against the reviewed SHA-256 on each host before it runs, each host&apos;s parameters planned from its capture (host variables), the canary hosts first and then batches (serial, max_fail_percentage) as remediate&apos;s options say. Hosts without a valid plan are left out and named.</translation>
    </message>
    <message>
        <source>Saved captures to plan from (probe --save, or the probe playbook&apos;s results).</source>
        <translation>Saved captures to plan from (probe --save, or the probe playbook&apos;s results).</translation>
    </message>
    <message>
        <source>playbook repair needs --script ID, --captures DIR and --output DIR.</source>
        <translation>playbook repair needs --script ID, --captures DIR and --output DIR.</translation>
    </message>
    <message>
        <source>Invalid --canary, --batch-size or --max-failures: give a whole number in range.</source>
        <translation>Invalid --canary, --batch-size or --max-failures: give a whole number in range.</translation>
    </message>
    <message>
        <source>%1: no plan: %2</source>
        <translation>%1: no plan: %2</translation>
    </message>
    <message>
        <source>Wrote %1/repair.yml for %2 of %3 host(s). Run: ansible-playbook -i INVENTORY %1/repair.yml</source>
        <translation>Wrote %1/repair.yml for %2 of %3 host(s). Run: ansible-playbook -i INVENTORY %1/repair.yml</translation>
    </message>
    <message>
        <source>Usage: %1 probe --output DIR
       %1 repair --script ID --captures DIR --output DIR [options]
Run &quot;%1 probe --help&quot; or &quot;%1 repair --help&quot; for the options.</source>
        <translation>Usage: %1 probe --output DIR
       %1 repair --script ID --captures DIR --output DIR [options]
Run &quot;%1 probe --help&quot; or &quot;%1 repair --help&quot; for the options.</translation>
    </message>
    <message>
        <source>Export the probes or a reviewed repair as an Ansible playbook</source>
        <translation>Export the probes or a reviewed repair as an Ansible playbook</translation>
    </message>
    <message>
        <source>The host key %1 %2 is REVOKED (@revoked in %3 or the global known_hosts): the host presents a key that must not be trusted. Do not connect; find out why this key is still in use and replace it on the host.</source>
        <translation>The host key %1 %2 is REVOKED (@revoked in %3 or the global known_hosts): the host presents a key that must not be trusted. Do not connect; find out why this key is still in use and replace it on the host.</translation>
    </message>
    <message>
        <source>Unknown host key %1 %2. Compare this fingerprint with the one the host shows (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console); only if they match, add this line to %3: %4</source>
        <translation>Unknown host key %1 %2. Compare this fingerprint with the one the host shows (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console); only if they match, add this line to %3: %4</translation>
    </message>
    <message>
        <source>Probes every host of an inventory over SSH with the read-only probe bundle (one channel, one round trip per host) and reports the findings like analyze.

Exit status: 0 no finding at or above --fail-on and every host probed; 1 such a finding on some host; 2 a host could not be probed (unreachable, auth-failed, host-key-unknown, host-key-changed, host-key-revoked, timeout, error), the inventory had errors, or the options were wrong. 2 wins over 1.</source>
        <translation>Probes every host of an inventory over SSH with the read-only probe bundle (one channel, one round trip per host) and reports the findings like analyze.

Exit status: 0 no finding at or above --fail-on and every host probed; 1 such a finding on some host; 2 a host could not be probed (unreachable, auth-failed, host-key-unknown, host-key-changed, host-key-revoked, timeout, error), the inventory had errors, or the options were wrong. 2 wins over 1.</translation>
    </message>
    <message>
        <source>Directory of the reviewed scripts and manifest.json (default: the built-in copy). It runs only if its manifest is the built-in one or its SHA-256 is in the trusted-catalogs list.</source>
        <translation>Directory of the reviewed scripts and manifest.json (default: the built-in copy). It runs only if its manifest is the built-in one or its SHA-256 is in the trusted-catalogs list.</translation>
    </message>
    <message>
        <source>The admin&apos;s list of approved catalogs for --catalog (default: %1).</source>
        <translation>The admin&apos;s list of approved catalogs for --catalog (default: %1).</translation>
    </message>
    <message>
        <source>(none readable)</source>
        <translation>(none readable)</translation>
    </message>
    <message>
        <source>The host key CHANGED: known_hosts holds %5, the server now presents %1 %2. This can be an attack. If the change is expected (the host was reinstalled), remove the old entry from %3 (%4) and add the new one after checking it.</source>
        <translation>The host key CHANGED: known_hosts holds %5, the server now presents %1 %2. This can be an attack. If the change is expected (the host was reinstalled), remove the old entry from %3 (%4) and add the new one after checking it.</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Core</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 is not a directory</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2: %3)</source>
        <translation>%1 is not valid JSON (at byte %2: %3)</translation>
    </message>
    <message>
        <source>%1: the top level must be a JSON object</source>
        <translation>%1: the top level must be a JSON object</translation>
    </message>
    <message>
        <source>%1: unsupported capture format %2 (expected %3)</source>
        <translation>%1: unsupported capture format %2 (expected %3)</translation>
    </message>
    <message>
        <source>%1: collectedAt &quot;%2&quot; is not an ISO-8601 time</source>
        <translation>%1: collectedAt &quot;%2&quot; is not an ISO-8601 time</translation>
    </message>
    <message>
        <source>%1: &quot;probes&quot; must be a JSON object</source>
        <translation>%1: &quot;probes&quot; must be a JSON object</translation>
    </message>
    <message>
        <source>%1: invalid probe ID &quot;%2&quot;</source>
        <translation>%1: invalid probe ID &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: the entry of probe &quot;%2&quot; must be a JSON object</source>
        <translation>%1: the entry of probe &quot;%2&quot; must be a JSON object</translation>
    </message>
    <message>
        <source>%1: probe &quot;%2&quot; has an unknown status &quot;%3&quot;</source>
        <translation>%1: probe &quot;%2&quot; has an unknown status &quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: probe &quot;%2&quot; is marked ok but its file is missing</source>
        <translation>%1: probe &quot;%2&quot; is marked ok but its file is missing</translation>
    </message>
    <message>
        <source>%1: file &quot;%2&quot; is not listed in meta.json; taken as ok</source>
        <translation>%1: file &quot;%2&quot; is not listed in meta.json; taken as ok</translation>
    </message>
    <message>
        <source>%1 exists and is not a directory</source>
        <translation>%1 exists and is not a directory</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>cannot create a temporary directory in %1: %2</source>
        <translation>cannot create a temporary directory in %1: %2</translation>
    </message>
    <message>
        <source>invalid probe ID &quot;%1&quot;</source>
        <translation>invalid probe ID &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>cannot replace %1</translation>
    </message>
    <message>
        <source>cannot move the capture into place at %1</source>
        <translation>cannot move the capture into place at %1</translation>
    </message>
    <message>
        <source>%1 contains no capture (no meta.json or probe files, and no host directories with them)</source>
        <translation>%1 contains no capture (no meta.json or probe files, and no host directories with them)</translation>
    </message>
    <message>
        <source>Line %1 of df output is not a filesystem row: &quot;%2&quot;</source>
        <translation>Line %1 of df output is not a filesystem row: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Unterminated single quote (opened on line %1)</source>
        <translation>Unterminated single quote (opened on line %1)</translation>
    </message>
    <message>
        <source>Unterminated double quote (opened on line %1)</source>
        <translation>Unterminated double quote (opened on line %1)</translation>
    </message>
    <message>
        <source>daemon.json is empty: it must contain a JSON object</source>
        <translation>daemon.json is empty: it must contain a JSON object</translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON: %1</source>
        <translation>daemon.json is not valid JSON: %1</translation>
    </message>
    <message>
        <source>daemon.json must contain a JSON object at the top level</source>
        <translation>daemon.json must contain a JSON object at the top level</translation>
    </message>
    <message>
        <source>daemon.json: &quot;storage-driver&quot; must be a string</source>
        <translation>daemon.json: &quot;storage-driver&quot; must be a string</translation>
    </message>
    <message>
        <source>daemon.json: &quot;data-root&quot; must be a string</source>
        <translation>daemon.json: &quot;data-root&quot; must be a string</translation>
    </message>
    <message>
        <source>daemon.json: &quot;graph&quot; must be a string</source>
        <translation>daemon.json: &quot;graph&quot; must be a string</translation>
    </message>
    <message>
        <source>daemon.json: &quot;storage-opts&quot; must be an array of strings</source>
        <translation>daemon.json: &quot;storage-opts&quot; must be an array of strings</translation>
    </message>
    <message>
        <source>Line %1: expected NAME=value, found &quot;%2&quot;</source>
        <translation>Line %1: expected NAME=value, found &quot;%2&quot;</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS: %1</source>
        <translation>DOCKER_STORAGE_OPTIONS: %1</translation>
    </message>
    <message>
        <source>The dockerd command line is empty</source>
        <translation>The dockerd command line is empty</translation>
    </message>
    <message>
        <source>systemctl printed nothing for ExecStart</source>
        <translation>systemctl printed nothing for ExecStart</translation>
    </message>
    <message>
        <source>Unrecognised ExecStart value: &quot;%1&quot;</source>
        <translation>Unrecognised ExecStart value: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>ExecStart entry without argv[]</source>
        <translation>ExecStart entry without argv[]</translation>
    </message>
    <message>
        <source>No ExecStart= line in the systemctl output</source>
        <translation>No ExecStart= line in the systemctl output</translation>
    </message>
    <message>
        <source>docker info printed nothing</source>
        <translation>docker info printed nothing</translation>
    </message>
    <message>
        <source>docker info did not print JSON: %1</source>
        <translation>docker info did not print JSON: %1</translation>
    </message>
    <message>
        <source>docker info output is not valid JSON: %1</source>
        <translation>docker info output is not valid JSON: %1</translation>
    </message>
    <message>
        <source>docker info output is not a JSON object</source>
        <translation>docker info output is not a JSON object</translation>
    </message>
    <message>
        <source>docker info reported a daemon error: %1</source>
        <translation>docker info reported a daemon error: %1</translation>
    </message>
    <message>
        <source>docker info: unexpected type for &quot;%1&quot;</source>
        <translation>docker info: unexpected type for &quot;%1&quot;</translation>
    </message>
    <message>
        <source>docker info output has no &quot;Driver&quot;: is it docker info JSON?</source>
        <translation>docker info output has no &quot;Driver&quot;: is it docker info JSON?</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON</source>
        <translation>daemon.json is not valid JSON</translation>
    </message>
    <message>
        <source>docker-storage could not be read</source>
        <translation>docker-storage could not be read</translation>
    </message>
    <message>
        <source>the dockerd command line is empty</source>
        <translation>the dockerd command line is empty</translation>
    </message>
    <message>
        <source>no ExecStart command line found</source>
        <translation>no ExecStart command line found</translation>
    </message>
    <message>
        <source>docker info output is not valid JSON</source>
        <translation>docker info output is not valid JSON</translation>
    </message>
    <message>
        <source>the kernel release could not be read</source>
        <translation>the kernel release could not be read</translation>
    </message>
    <message>
        <source>the kernel configuration is empty</source>
        <translation>the kernel configuration is empty</translation>
    </message>
    <message>
        <source>the overlay module parameters could not be read</source>
        <translation>the overlay module parameters could not be read</translation>
    </message>
    <message>
        <source>df printed no filesystems</source>
        <translation>df printed no filesystems</translation>
    </message>
    <message>
        <source>mountinfo lists no mounts</source>
        <translation>mountinfo lists no mounts</translation>
    </message>
    <message>
        <source>Bad group header: %1</source>
        <translation>Bad group header: %1</translation>
    </message>
    <message>
        <source>Expected key=value: %1</source>
        <translation>Expected key=value: %1</translation>
    </message>
    <message>
        <source>Host ranges are not supported: %1</source>
        <translation>Host ranges are not supported: %1</translation>
    </message>
    <message>
        <source>Bad ansible_host for %1: %2</source>
        <translation>Bad ansible_host for %1: %2</translation>
    </message>
    <message>
        <source>Bad ansible_port for %1: %2</source>
        <translation>Bad ansible_port for %1: %2</translation>
    </message>
    <message>
        <source>Bad ansible_user for %1: %2</source>
        <translation>Bad ansible_user for %1: %2</translation>
    </message>
    <message>
        <source>Bad host alias: %1</source>
        <translation>Bad host alias: %1</translation>
    </message>
    <message>
        <source>Bad HostName: %1</source>
        <translation>Bad HostName: %1</translation>
    </message>
    <message>
        <source>Bad port: %1</source>
        <translation>Bad port: %1</translation>
    </message>
    <message>
        <source>Bad user name: %1</source>
        <translation>Bad user name: %1</translation>
    </message>
    <message>
        <source>Bad user name in &quot;%1&quot;.</source>
        <translation>Bad user name in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Missing &quot;]&quot; in &quot;%1&quot;.</source>
        <translation>Missing &quot;]&quot; in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Bad port in &quot;%1&quot;.</source>
        <translation>Bad port in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Bad address in &quot;%1&quot;.</source>
        <translation>Bad address in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Bad host name in &quot;%1&quot;.</source>
        <translation>Bad host name in &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Line %1: expected name=value, found &quot;%2&quot;</source>
        <translation>Line %1: expected name=value, found &quot;%2&quot;</translation>
    </message>
    <message>
        <source>mountinfo line %1: too many fields</source>
        <translation>mountinfo line %1: too many fields</translation>
    </message>
    <message>
        <source>mountinfo line %1: too few fields (%2, at least 10 expected)</source>
        <translation>mountinfo line %1: too few fields (%2, at least 10 expected)</translation>
    </message>
    <message>
        <source>mountinfo line %1: missing the &quot; - &quot; separator</source>
        <translation>mountinfo line %1: missing the &quot; - &quot; separator</translation>
    </message>
    <message>
        <source>mountinfo line %1: too few fields after the separator (fs type, source and super options expected)</source>
        <translation>mountinfo line %1: too few fields after the separator (fs type, source and super options expected)</translation>
    </message>
    <message>
        <source>mountinfo line %1: mount ID is not a number</source>
        <translation>mountinfo line %1: mount ID is not a number</translation>
    </message>
    <message>
        <source>mountinfo line %1: parent ID is not a number</source>
        <translation>mountinfo line %1: parent ID is not a number</translation>
    </message>
    <message>
        <source>mountinfo line %1: bad major:minor device number</source>
        <translation>mountinfo line %1: bad major:minor device number</translation>
    </message>
    <message>
        <source>mountinfo line %1: empty mount point</source>
        <translation>mountinfo line %1: empty mount point</translation>
    </message>
    <message>
        <source>mountinfo line %1: empty file system type</source>
        <translation>mountinfo line %1: empty file system type</translation>
    </message>
    <message>
        <source>The output ended inside this probe.</source>
        <translation>The output ended inside this probe.</translation>
    </message>
    <message>
        <source>The output ended inside probe %1.</source>
        <translation>The output ended inside probe %1.</translation>
    </message>
    <message>
        <source>Probe %1 has no data line.</source>
        <translation>Probe %1 has no data line.</translation>
    </message>
    <message>
        <source>The data of probe %1 is not validly encoded.</source>
        <translation>The data of probe %1 is not validly encoded.</translation>
    </message>
    <message>
        <source>Probe %1: expected the stderr line.</source>
        <translation>Probe %1: expected the stderr line.</translation>
    </message>
    <message>
        <source>The stderr of probe %1 is not validly encoded.</source>
        <translation>The stderr of probe %1 is not validly encoded.</translation>
    </message>
    <message>
        <source>Probe %1: expected its END line.</source>
        <translation>Probe %1: expected its END line.</translation>
    </message>
    <message>
        <source>Probe %1: unreadable END line.</source>
        <translation>Probe %1: unreadable END line.</translation>
    </message>
    <message>
        <source>The bundle marker is not a hex string of at least 32 digits.</source>
        <translation>The bundle marker is not a hex string of at least 32 digits.</translation>
    </message>
    <message>
        <source>Unknown bundle version %1.</source>
        <translation>Unknown bundle version %1.</translation>
    </message>
    <message>
        <source>Unexpected data outside a probe section.</source>
        <translation>Unexpected data outside a probe section.</translation>
    </message>
    <message>
        <source>Probe %1 appears twice; the last one is kept.</source>
        <translation>Probe %1 appears twice; the last one is kept.</translation>
    </message>
    <message>
        <source>Unexpected control line.</source>
        <translation>Unexpected control line.</translation>
    </message>
    <message>
        <source>The output does not contain the probe bundle&apos;s header.</source>
        <translation>The output does not contain the probe bundle&apos;s header.</translation>
    </message>
    <message>
        <source>The output ended before the bundle&apos;s DONE line.</source>
        <translation>The output ended before the bundle&apos;s DONE line.</translation>
    </message>
    <message>
        <source>The bundle did not run this probe.</source>
        <translation>The bundle did not run this probe.</translation>
    </message>
    <message>
        <source>The bundle output ended before this probe.</source>
        <translation>The bundle output ended before this probe.</translation>
    </message>
    <message>
        <source>mount %1 (%2 from %3) at %4</source>
        <translation>mount %1 (%2 from %3) at %4</translation>
    </message>
    <message>
        <source>Cannot read the remediation manifest %1.</source>
        <translation>Cannot read the remediation manifest %1.</translation>
    </message>
    <message>
        <source>The remediation manifest is not valid JSON: %1.</source>
        <translation>The remediation manifest is not valid JSON: %1.</translation>
    </message>
    <message>
        <source>The remediation manifest has an unsupported format.</source>
        <translation>The remediation manifest has an unsupported format.</translation>
    </message>
    <message>
        <source>The remediation prelude %1 does not match its reviewed hash: no script can run.</source>
        <translation>The remediation prelude %1 does not match its reviewed hash: no script can run.</translation>
    </message>
    <message>
        <source>A remediation manifest entry has no valid id or file.</source>
        <translation>A remediation manifest entry has no valid id or file.</translation>
    </message>
    <message>
        <source>The script file %1 cannot be read.</source>
        <translation>The script file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The script %1 does not match its reviewed SHA-256 (manifest %2, file %3): refused.</source>
        <translation>The script %1 does not match its reviewed SHA-256 (manifest %2, file %3): refused.</translation>
    </message>
    <message>
        <source>The remediation prelude is not the reviewed one: refused.</source>
        <translation>The remediation prelude is not the reviewed one: refused.</translation>
    </message>
    <message>
        <source>Parameter %1 must be one of: %2.</source>
        <translation>Parameter %1 must be one of: %2.</translation>
    </message>
    <message>
        <source>The mount table of this host is unknown: probe it first.</source>
        <translation>The mount table of this host is unknown: probe it first.</translation>
    </message>
    <message>
        <source>A cover is mounted on / itself; Layerwatch will not unmount the root. Use migrate-and-reboot.</source>
        <translation>A cover is mounted on / itself; Layerwatch will not unmount the root. Use migrate-and-reboot.</translation>
    </message>
    <message>
        <source>Check that the graph driver is overlay2 (docker info).</source>
        <translation>Check that the graph driver is overlay2 (docker info).</translation>
    </message>
    <message>
        <source>Re-check, then unmount %1.</source>
        <translation>Re-check, then unmount %1.</translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON; fix it by hand.</source>
        <translation>daemon.json is not valid JSON; fix it by hand.</translation>
    </message>
    <message>
        <source>daemon.json has no storage-driver: nothing to remove.</source>
        <translation>daemon.json has no storage-driver: nothing to remove.</translation>
    </message>
    <message>
        <source>keep must be daemon-json or sysconfig.</source>
        <translation>keep must be daemon-json or sysconfig.</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS continues over several lines; edit it by hand.</source>
        <translation>DOCKER_STORAGE_OPTIONS continues over several lines; edit it by hand.</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS cannot be read safely (%1); edit it by hand.</source>
        <translation>DOCKER_STORAGE_OPTIONS cannot be read safely (%1); edit it by hand.</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS holds a word Layerwatch will not rewrite (%1); edit it by hand.</source>
        <translation>DOCKER_STORAGE_OPTIONS holds a word Layerwatch will not rewrite (%1); edit it by hand.</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage sets no storage driver; the flag is elsewhere (the service&apos;s ExecStart?): edit it by hand or keep the flag.</source>
        <translation>DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage sets no storage driver; the flag is elsewhere (the service&apos;s ExecStart?): edit it by hand or keep the flag.</translation>
    </message>
    <message>
        <source>The script is not the reviewed one: refused.</source>
        <translation>The script is not the reviewed one: refused.</translation>
    </message>
    <message>
        <source>Type the host&apos;s name to confirm that its workloads were moved away.</source>
        <translation>Type the host&apos;s name to confirm that its workloads were moved away.</translation>
    </message>
    <message>
        <source>Check that the host&apos;s name is %1.</source>
        <translation>Check that the host&apos;s name is %1.</translation>
    </message>
    <message>
        <source>Reboot even if containers still run.</source>
        <translation>Reboot even if containers still run.</translation>
    </message>
    <message>
        <source>Stop if any container still runs.</source>
        <translation>Stop if any container still runs.</translation>
    </message>
    <message>
        <source>Reboot the host (systemctl reboot).</source>
        <translation>Reboot the host (systemctl reboot).</translation>
    </message>
    <message>
        <source>daemon.json and /etc/sysconfig/docker-storage must both have been read; probe the host first.</source>
        <translation>daemon.json and /etc/sysconfig/docker-storage must both have been read; probe the host first.</translation>
    </message>
    <message>
        <source>Check that %1 still has SHA-256 %2.</source>
        <translation>Check that %1 still has SHA-256 %2.</translation>
    </message>
    <message>
        <source>Back up %1 and replace it with:
%2</source>
        <translation>Back up %1 and replace it with:
%2</translation>
    </message>
    <message>
        <source>Restart docker; restore the backup if it does not come up.</source>
        <translation>Restart docker; restore the backup if it does not come up.</translation>
    </message>
    <message>
        <source>Write Y to /sys/module/overlay/parameters/redirect_dir and read it back.</source>
        <translation>Write Y to /sys/module/overlay/parameters/redirect_dir and read it back.</translation>
    </message>
    <message>
        <source>Write /etc/modprobe.d/layerwatch-overlay.conf for the next boot.</source>
        <translation>Write /etc/modprobe.d/layerwatch-overlay.conf for the next boot.</translation>
    </message>
    <message>
        <source>Layerwatch has no planner for the script %1.</source>
        <translation>Layerwatch has no planner for the script %1.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>(collected %1)</source>
        <translation>(collected %1)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation>Findings: none</translation>
    </message>
    <message>
        <source>Findings: %1</source>
        <translation>Findings: %1</translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation>Layers: %1</translation>
    </message>
    <message>
        <source>Covered by mount IDs: %1</source>
        <translation>Covered by mount IDs: %1</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>Remediation: %1</source>
        <translation>Remediation: %1</translation>
    </message>
    <message>
        <source>Not checked (missing data): %1</source>
        <translation>Not checked (missing data): %1</translation>
    </message>
    <message>
        <source>probe %1 has no usable data</source>
        <translation>probe %1 has no usable data</translation>
    </message>
    <message>
        <source>probe %1 found nothing on the host</source>
        <translation>probe %1 found nothing on the host</translation>
    </message>
    <message>
        <source>probe %1 failed or could not be parsed: %2</source>
        <translation>probe %1 failed or could not be parsed: %2</translation>
    </message>
    <message>
        <source>probe %1 failed</source>
        <translation>probe %1 failed</translation>
    </message>
    <message>
        <source>probe %1 timed out</source>
        <translation>probe %1 timed out</translation>
    </message>
    <message>
        <source>probe %1 had no permission (needs root)</source>
        <translation>probe %1 had no permission (needs root)</translation>
    </message>
    <message>
        <source>probe %1 was not collected</source>
        <translation>probe %1 was not collected</translation>
    </message>
    <message>
        <source>probe %1 was truncated; hidden mounts may be missing from it</source>
        <translation>probe %1 was truncated; hidden mounts may be missing from it</translation>
    </message>
    <message>
        <source>no overlay mount is hidden by a later mount</source>
        <translation>no overlay mount is hidden by a later mount</translation>
    </message>
    <message>
        <source>no other mount is hidden by a later mount</source>
        <translation>no other mount is hidden by a later mount</translation>
    </message>
    <message>
        <source>%1 mount(s) are hidden by a mount made later at the same path or a parent path. Programs on the host see the covering file system instead of them. Check whether the later mount was intended.</source>
        <translation>%1 mount(s) are hidden by a mount made later at the same path or a parent path. Programs on the host see the covering file system instead of them. Check whether the later mount was intended.</translation>
    </message>
    <message>
        <source>%1 overlay mount(s) hidden</source>
        <translation>%1 overlay mount(s) hidden</translation>
    </message>
    <message>
        <source>%1 mount(s) hidden</source>
        <translation>%1 mount(s) hidden</translation>
    </message>
    <message>
        <source>daemon.json does not set storage-driver</source>
        <translation>daemon.json does not set storage-driver</translation>
    </message>
    <message>
        <source>The storage driver is set both in /etc/docker/daemon.json and as a dockerd flag (on the command line or through DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage). dockerd refuses to start with &quot;the following directives are specified both as a flag and in the configuration file: storage-driver&quot;, even when both values are the same. Keep the setting in one place only, then restart docker.</source>
        <translation>The storage driver is set both in /etc/docker/daemon.json and as a dockerd flag (on the command line or through DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage). dockerd refuses to start with &quot;the following directives are specified both as a flag and in the configuration file: storage-driver&quot;, even when both values are the same. Keep the setting in one place only, then restart docker.</translation>
    </message>
    <message>
        <source>storage-driver is set in daemon.json and as a flag</source>
        <translation>storage-driver is set in daemon.json and as a flag</translation>
    </message>
    <message>
        <source>neither the dockerd command line nor its ExecStart is known: %1; %2</source>
        <translation>neither the dockerd command line nor its ExecStart is known: %1; %2</translation>
    </message>
    <message>
        <source>storage-driver is set in daemon.json only</source>
        <translation>storage-driver is set in daemon.json only</translation>
    </message>
    <message>
        <source>the running driver is unknown (%1) and no driver is configured</source>
        <translation>the running driver is unknown (%1) and no driver is configured</translation>
    </message>
    <message>
        <source>docker runs with %1</source>
        <translation>docker runs with %1</translation>
    </message>
    <message>
        <source>the configured driver is %1</source>
        <translation>the configured driver is %1</translation>
    </message>
    <message>
        <source>Docker is not using (or not configured to use) the overlay2 storage driver. overlay2 is Docker&apos;s default and recommended driver; the checks and repair plans of this tool assume it. Plan a migration to overlay2; changing the driver hides existing images and containers until they are recreated.</source>
        <translation>Docker is not using (or not configured to use) the overlay2 storage driver. overlay2 is Docker&apos;s default and recommended driver; the checks and repair plans of this tool assume it. Plan a migration to overlay2; changing the driver hides existing images and containers until they are recreated.</translation>
    </message>
    <message>
        <source>storage driver is not overlay2</source>
        <translation>storage driver is not overlay2</translation>
    </message>
    <message>
        <source>kernel %1 supports overlay2</source>
        <translation>kernel %1 supports overlay2</translation>
    </message>
    <message>
        <source>Kernel %1 is too old for overlay2: it needs a native kernel 4.0 or later (on RHEL/CentOS 7, 3.10.0-514 or later). Docker may refuse the driver or containers may misbehave. Upgrade the kernel before using overlay2.</source>
        <translation>Kernel %1 is too old for overlay2: it needs a native kernel 4.0 or later (on RHEL/CentOS 7, 3.10.0-514 or later). Docker may refuse the driver or containers may misbehave. Upgrade the kernel before using overlay2.</translation>
    </message>
    <message>
        <source>kernel %1 is older than 4.0</source>
        <translation>kernel %1 is older than 4.0</translation>
    </message>
    <message>
        <source>overlay parameter %1 is enabled</source>
        <translation>overlay parameter %1 is enabled</translation>
    </message>
    <message>
        <source>overlay parameter %1 is disabled</source>
        <translation>overlay parameter %1 is disabled</translation>
    </message>
    <message>
        <source>%1 is enabled in the kernel configuration</source>
        <translation>%1 is enabled in the kernel configuration</translation>
    </message>
    <message>
        <source>%1 is not in the kernel configuration</source>
        <translation>%1 is not in the kernel configuration</translation>
    </message>
    <message>
        <source>no overlay parameter %1</source>
        <translation>no overlay parameter %1</translation>
    </message>
    <message>
        <source>%1 is not enabled in the kernel</source>
        <translation>%1 is not enabled in the kernel</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>The overlay redirect_dir feature is off. Renaming a directory inside a container works only when both source and target are in the upper layer; otherwise rename(2) fails with EXDEV (&quot;Invalid cross-device link&quot;), which breaks programs that move directories. Kernel 4.10 added redirect_dir (CONFIG_OVERLAY_FS_REDIRECT_DIR); enable it by setting /sys/module/overlay/parameters/redirect_dir to Y.</source>
        <translation>The overlay redirect_dir feature is off. Renaming a directory inside a container works only when both source and target are in the upper layer; otherwise rename(2) fails with EXDEV (&quot;Invalid cross-device link&quot;), which breaks programs that move directories. Kernel 4.10 added redirect_dir (CONFIG_OVERLAY_FS_REDIRECT_DIR); enable it by setting /sys/module/overlay/parameters/redirect_dir to Y.</translation>
    </message>
    <message>
        <source>The overlay index feature is off. When a file with several hard links in a lower layer is written, copy-up breaks the hard links: the other names keep the old content. Kernel 4.13 added the index feature (CONFIG_OVERLAY_FS_INDEX), but it is not forward compatible and cannot be enabled on a running system (no hot upgrade); decide on it when planning the node, not as a quick fix.</source>
        <translation>The overlay index feature is off. When a file with several hard links in a lower layer is written, copy-up breaks the hard links: the other names keep the old content. Kernel 4.13 added the index feature (CONFIG_OVERLAY_FS_INDEX), but it is not forward compatible and cannot be enabled on a running system (no hot upgrade); decide on it when planning the node, not as a quick fix.</translation>
    </message>
    <message>
        <source>the backing filesystem is unknown: %1; %2</source>
        <translation>the backing filesystem is unknown: %1; %2</translation>
    </message>
    <message>
        <source>backing filesystem is %1</source>
        <translation>backing filesystem is %1</translation>
    </message>
    <message>
        <source>backing filesystem is xfs, but whether it supports d_type is unknown</source>
        <translation>backing filesystem is xfs, but whether it supports d_type is unknown</translation>
    </message>
    <message>
        <source>backing filesystem is xfs with d_type (ftype=1)</source>
        <translation>backing filesystem is xfs with d_type (ftype=1)</translation>
    </message>
    <message>
        <source>The docker root is on %1. overlay2 is meant to run on ext4 (reported by Docker as &quot;extfs&quot;), or on xfs formatted with ftype=1 so that it supports d_type. On other filesystems overlay2 may be unsupported or behave incorrectly. Move the docker root to an ext4 filesystem (or xfs with ftype=1).</source>
        <translation>The docker root is on %1. overlay2 is meant to run on ext4 (reported by Docker as &quot;extfs&quot;), or on xfs formatted with ftype=1 so that it supports d_type. On other filesystems overlay2 may be unsupported or behave incorrectly. Move the docker root to an ext4 filesystem (or xfs with ftype=1).</translation>
    </message>
    <message>
        <source>%1 without d_type</source>
        <translation>%1 without d_type</translation>
    </message>
    <message>
        <source>backing filesystem %1 is not recommended</source>
        <translation>backing filesystem %1 is not recommended</translation>
    </message>
    <message>
        <source>docker info does not report &quot;Supports d_type&quot; (driver %1)</source>
        <translation>docker info does not report &quot;Supports d_type&quot; (driver %1)</translation>
    </message>
    <message>
        <source>the backing filesystem supports d_type</source>
        <translation>the backing filesystem supports d_type</translation>
    </message>
    <message>
        <source>The filesystem under the docker root does not support d_type (typically xfs formatted with ftype=0). overlay2 needs d_type: without it files can vanish or appear wrongly in containers, and newer Docker versions refuse to start with overlay2. Reformat the filesystem with ftype=1 (mkfs.xfs -n ftype=1) or move the docker root to ext4; existing images must be pulled again.</source>
        <translation>The filesystem under the docker root does not support d_type (typically xfs formatted with ftype=0). overlay2 needs d_type: without it files can vanish or appear wrongly in containers, and newer Docker versions refuse to start with overlay2. Reformat the filesystem with ftype=1 (mkfs.xfs -n ftype=1) or move the docker root to ext4; existing images must be pulled again.</translation>
    </message>
    <message>
        <source>d_type is not supported</source>
        <translation>d_type is not supported</translation>
    </message>
    <message>
        <source>df lists no filesystem holding %1</source>
        <translation>df lists no filesystem holding %1</translation>
    </message>
    <message>
        <source>%1 free on %2</source>
        <translation>%1 free on %2</translation>
    </message>
    <message>
        <source>Only %1 is free on %2, the filesystem holding the docker root %3. With overlay2, the first write to a file of an image copies the whole file to the container&apos;s upper layer, even for a one-byte change; if the file is larger than the free space the write fails (&quot;no space left on device&quot;). Free space (docker system prune, remove unused images) or grow the filesystem.</source>
        <translation>Only %1 is free on %2, the filesystem holding the docker root %3. With overlay2, the first write to a file of an image copies the whole file to the container&apos;s upper layer, even for a one-byte change; if the file is larger than the free space the write fails (&quot;no space left on device&quot;). Free space (docker system prune, remove unused images) or grow the filesystem.</translation>
    </message>
    <message>
        <source>only %1 free on %2</source>
        <translation>only %1 free on %2</translation>
    </message>
    <message>
        <source>Container root filesystems are hidden by a later mount</source>
        <translation>Container root filesystems are hidden by a later mount</translation>
    </message>
    <message>
        <source>Mounts are hidden by a later mount</source>
        <translation>Mounts are hidden by a later mount</translation>
    </message>
    <message>
        <source>Storage driver is set both as a dockerd flag and in daemon.json</source>
        <translation>Storage driver is set both as a dockerd flag and in daemon.json</translation>
    </message>
    <message>
        <source>Storage driver is not overlay2</source>
        <translation>Storage driver is not overlay2</translation>
    </message>
    <message>
        <source>Kernel is too old for overlay2</source>
        <translation>Kernel is too old for overlay2</translation>
    </message>
    <message>
        <source>Overlay redirect_dir is disabled: renaming directories fails with EXDEV</source>
        <translation>Overlay redirect_dir is disabled: renaming directories fails with EXDEV</translation>
    </message>
    <message>
        <source>Overlay index is disabled: hard links break on copy-up</source>
        <translation>Overlay index is disabled: hard links break on copy-up</translation>
    </message>
    <message>
        <source>Backing filesystem is not recommended for overlay2</source>
        <translation>Backing filesystem is not recommended for overlay2</translation>
    </message>
    <message>
        <source>Backing filesystem does not support d_type</source>
        <translation>Backing filesystem does not support d_type</translation>
    </message>
    <message>
        <source>Low free space: copy-up of large files will fail</source>
        <translation>Low free space: copy-up of large files will fail</translation>
    </message>
    <message>
        <source>it has no Layerwatch schema version</source>
        <translation>it has no Layerwatch schema version</translation>
    </message>
    <message>
        <source>Cannot open the snapshot database %1: %2</source>
        <translation>Cannot open the snapshot database %1: %2</translation>
    </message>
    <message>
        <source>The snapshot database %1 cannot be used and cannot be renamed aside; it was left untouched.</source>
        <translation>The snapshot database %1 cannot be used and cannot be renamed aside; it was left untouched.</translation>
    </message>
    <message>
        <source>The snapshot database %1 was written by a newer Layerwatch (schema %2, this version reads %3). It was kept as %4 and a new database was started.</source>
        <translation>The snapshot database %1 was written by a newer Layerwatch (schema %2, this version reads %3). It was kept as %4 and a new database was started.</translation>
    </message>
    <message>
        <source>The snapshot database %1 is damaged (%2). It was kept as %3 and a new database was started.</source>
        <translation>The snapshot database %1 is damaged (%2). It was kept as %3 and a new database was started.</translation>
    </message>
    <message>
        <source>Creating the new database failed: %1</source>
        <translation>Creating the new database failed: %1</translation>
    </message>
    <message>
        <source>The snapshot database is not open.</source>
        <translation>The snapshot database is not open.</translation>
    </message>
    <message>
        <source>Writing the sweep to the snapshot database failed: %1</source>
        <translation>Writing the sweep to the snapshot database failed: %1</translation>
    </message>
    <message>
        <source>Line %1: the value of %2 has unquoted spaces: systemd reads &quot;%3&quot;, sh would run &quot;%4&quot; as a command</source>
        <translation>Line %1: the value of %2 has unquoted spaces: systemd reads &quot;%3&quot;, sh would run &quot;%4&quot; as a command</translation>
    </message>
    <message>
        <source>The dockerd command line has no program name</source>
        <translation>The dockerd command line has no program name</translation>
    </message>
    <message>
        <source>there is no daemon.json</source>
        <translation>there is no daemon.json</translation>
    </message>
    <message>
        <source>probe %1 has unreadable lines (%2); hidden mounts may be among them</source>
        <translation>probe %1 has unreadable lines (%2); hidden mounts may be among them</translation>
    </message>
    <message>
        <source>Unreadable frame at byte %1 of the bundle output.</source>
        <translation>Unreadable frame at byte %1 of the bundle output.</translation>
    </message>
    <message>
        <source>The host reported this probe unchanged.</source>
        <translation>The host reported this probe unchanged.</translation>
    </message>
    <message>
        <source>Probe %1: unreadable frame header.</source>
        <translation>Probe %1: unreadable frame header.</translation>
    </message>
    <message>
        <source>Stopped by Layerwatch: the probe&apos;s time was up.</source>
        <translation>Stopped by Layerwatch: the probe&apos;s time was up.</translation>
    </message>
    <message>
        <source>&quot;docker rm&quot; reports success but leaves the container&apos;s overlay mount and its layer directories &lt;id&gt; and &lt;id&gt;-init on disk, no longer known to docker (invisible to &quot;docker system df&quot; and prune), and &quot;docker run&quot; fails with &quot;symlink ../&lt;id&gt;-init/diff .../overlay2/l/&lt;SHORT&gt;: no such file or directory&quot;</source>
        <translation>&quot;docker rm&quot; reports success but leaves the container&apos;s overlay mount and its layer directories &lt;id&gt; and &lt;id&gt;-init on disk, no longer known to docker (invisible to &quot;docker system df&quot; and prune), and &quot;docker run&quot; fails with &quot;symlink ../&lt;id&gt;-init/diff .../overlay2/l/&lt;SHORT&gt;: no such file or directory&quot;</translation>
    </message>
    <message>
        <source>&quot;docker rm&quot; fails with &quot;device or resource busy&quot; after retries</source>
        <translation>&quot;docker rm&quot; fails with &quot;device or resource busy&quot; after retries</translation>
    </message>
    <message>
        <source>&quot;docker rm&quot; fails with &quot;driver overlay2 failed to remove root filesystem ... invalid argument&quot;</source>
        <translation>&quot;docker rm&quot; fails with &quot;driver overlay2 failed to remove root filesystem ... invalid argument&quot;</translation>
    </message>
    <message>
        <source>Depending on the engine version, %1; or %2 (engines before 18.05, and vendor builds of 18.09 like the one in the operations guide); or, where the cover is a bind of the same filesystem, %3.</source>
        <translation>Depending on the engine version, %1; or %2 (engines before 18.05, and vendor builds of 18.09 like the one in the operations guide); or, where the cover is a bind of the same filesystem, %3.</translation>
    </message>
    <message>
        <source>On this engine (%1), %2, and since 17.07 a container stopped while covered leaks its mount silently.</source>
        <translation>On this engine (%1), %2, and since 17.07 a container stopped while covered leaks its mount silently.</translation>
    </message>
    <message>
        <source>On this engine (%1), where the cover is a bind of the same filesystem, %2.</source>
        <translation>On this engine (%1), where the cover is a bind of the same filesystem, %2.</translation>
    </message>
    <message>
        <source>On this engine (%1), %2.</source>
        <translation>On this engine (%1), %2.</translation>
    </message>
    <message>
        <source>Vendor builds of 18.09 (like the one in the operations guide) may still report &quot;invalid argument&quot; instead.</source>
        <translation>Vendor builds of 18.09 (like the one in the operations guide) may still report &quot;invalid argument&quot; instead.</translation>
    </message>
    <message numerus="yes">
        <source>the layer of %n running container(s) is unknown (docker&apos;s layer database could not be read: covered?)</source>
        <translation>
            <numerusform>the layer of %n running container is unknown (docker&apos;s layer database could not be read: covered?)</numerusform>
            <numerusform>the layer of %n running containers is unknown (docker&apos;s layer database could not be read: covered?)</numerusform>
        </translation>
    </message>
    <message>
        <source>every overlay mount of a layer belongs to a running container</source>
        <translation>every overlay mount of a layer belongs to a running container</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay mount(s) of docker layers belong to no running container: %1 of them to containers that were removed (typically while the layer was covered, so docker&apos;s unmount failed and was ignored). Docker never unmounts them again; their layer directories stay on disk and cannot be removed while mounted. Fix: unmount them (fix-shadowed-mounts does it after removing any cover), then remove the orphaned layer directories (remove-orphaned-layers).</source>
        <translation>
            <numerusform>%n overlay mount of a docker layer belongs to no running container: %1 of them to containers that were removed (typically while the layer was covered, so docker&apos;s unmount failed and was ignored). Docker never unmounts it again; its layer directories stay on disk and cannot be removed while mounted. Fix: unmount it (fix-shadowed-mounts does it after removing any cover), then remove the orphaned layer directories (remove-orphaned-layers).</numerusform>
            <numerusform>%n overlay mounts of docker layers belong to no running container: %1 of them to containers that were removed (typically while the layer was covered, so docker&apos;s unmount failed and was ignored). Docker never unmounts them again; their layer directories stay on disk and cannot be removed while mounted. Fix: unmount them (fix-shadowed-mounts does it after removing any cover), then remove the orphaned layer directories (remove-orphaned-layers).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaked overlay mount(s)</source>
        <translation>
            <numerusform>%n leaked overlay mount</numerusform>
            <numerusform>%n leaked overlay mounts</numerusform>
        </translation>
    </message>
    <message>
        <source>every layer directory is used by an image, a container or BuildKit</source>
        <translation>every layer directory is used by an image, a container or BuildKit</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>an unknown amount</translation>
    </message>
    <message numerus="yes">
        <source>%n layer director(y/ies) under %1/overlay2 (%2) are named by no image, no container and no BuildKit snapshot. Docker no longer knows them, so &quot;docker system prune&quot; never frees them: typically the layers of containers removed while their overlay2 directory was covered. Fix: remove them (remove-orphaned-layers re-checks each one first).</source>
        <translation>
            <numerusform>%n layer directory under %1/overlay2 (%2) is named by no image, no container and no BuildKit snapshot. Docker no longer knows it, so &quot;docker system prune&quot; never frees it: typically the layers of containers removed while their overlay2 directory was covered. Fix: remove it (remove-orphaned-layers re-checks each one first).</numerusform>
            <numerusform>%n layer directories under %1/overlay2 (%2) are named by no image, no container and no BuildKit snapshot. Docker no longer knows them, so &quot;docker system prune&quot; never frees them: typically the layers of containers removed while their overlay2 directory was covered. Fix: remove them (remove-orphaned-layers re-checks each one first).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them still hold a leaked mount: unmount it first (fix-shadowed-mounts).</source>
        <translation>
            <numerusform>%n of them still holds a leaked mount: unmount it first (fix-shadowed-mounts).</numerusform>
            <numerusform>%n of them still hold a leaked mount: unmount it first (fix-shadowed-mounts).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orphaned layer director(y/ies), %1</source>
        <translation>
            <numerusform>%n orphaned layer directory, %1</numerusform>
            <numerusform>%n orphaned layer directories, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the docker root %1 is on the root filesystem</source>
        <translation>the docker root %1 is on the root filesystem</translation>
    </message>
    <message>
        <source>docker.service waits for %1</source>
        <translation>docker.service waits for %1</translation>
    </message>
    <message>
        <source>The docker root %1 is on its own mount (%2), but docker.service is not ordered after it (no RequiresMountsFor= or After= on it). If that mount comes up after docker started (a late mount unit or fstab entry, socket activation, a disk mounted over a live /var/lib/docker), it covers the running containers&apos; overlay mounts: the failure the operations guide describes. Fix: a docker.service drop-in with RequiresMountsFor=%1 (order-docker-after-mounts).</source>
        <translation>The docker root %1 is on its own mount (%2), but docker.service is not ordered after it (no RequiresMountsFor= or After= on it). If that mount comes up after docker started (a late mount unit or fstab entry, socket activation, a disk mounted over a live /var/lib/docker), it covers the running containers&apos; overlay mounts: the failure the operations guide describes. Fix: a docker.service drop-in with RequiresMountsFor=%1 (order-docker-after-mounts).</translation>
    </message>
    <message>
        <source>docker.service does not wait for %1</source>
        <translation>docker.service does not wait for %1</translation>
    </message>
    <message>
        <source>Not a container record: %1</source>
        <translation>Not a container record: %1</translation>
    </message>
    <message>
        <source>Unexpected line in docker-layers: %1</source>
        <translation>Unexpected line in docker-layers: %1</translation>
    </message>
    <message>
        <source>The layer inventory ended early (no end line).</source>
        <translation>The layer inventory ended early (no end line).</translation>
    </message>
    <message>
        <source>Unexpected du line: %1</source>
        <translation>Unexpected du line: %1</translation>
    </message>
    <message>
        <source>removed container (layer %1)</source>
        <translation>removed container (layer %1)</translation>
    </message>
    <message>
        <source>unknown container (layer %1)</source>
        <translation>unknown container (layer %1)</translation>
    </message>
    <message>
        <source>%1 (%2, restart %3)</source>
        <translation>%1 (%2, restart %3)</translation>
    </message>
    <message>
        <source>the container list could not be read</source>
        <translation>the container list could not be read</translation>
    </message>
    <message>
        <source>the layer inventory could not be read</source>
        <translation>the layer inventory could not be read</translation>
    </message>
    <message>
        <source>the layer sizes could not be read</source>
        <translation>the layer sizes could not be read</translation>
    </message>
    <message>
        <source>systemctl did not report RequiresMountsFor and After</source>
        <translation>systemctl did not report RequiresMountsFor and After</translation>
    </message>
    <message>
        <source>probe %1: %2</source>
        <translation>probe %1: %2</translation>
    </message>
    <message>
        <source>probe %1 is %2</source>
        <translation>probe %1 is %2</translation>
    </message>
    <message>
        <source>a mount covers part of the docker root: the layer directories seen are not all of docker&apos;s</source>
        <translation>a mount covers part of the docker root: the layer directories seen are not all of docker&apos;s</translation>
    </message>
    <message numerus="yes">
        <source>%n layer database record(s) could not be read (%1)</source>
        <translation>
            <numerusform>%n layer database record could not be read (%1)</numerusform>
            <numerusform>%n layer database records could not be read (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>BuildKit&apos;s databases could not be read</source>
        <translation>BuildKit&apos;s databases could not be read</translation>
    </message>
    <message numerus="yes">
        <source>a pull, commit or build is in progress (%n record(s) in flight)</source>
        <translation>
            <numerusform>a pull, commit or build is in progress (%n record in flight)</numerusform>
            <numerusform>a pull, commit or build is in progress (%n records in flight)</numerusform>
        </translation>
    </message>
    <message>
        <source>the layer database names %1, which is not in the overlay2 directory: the directory seen is covered or damaged</source>
        <translation>the layer database names %1, which is not in the overlay2 directory: the directory seen is covered or damaged</translation>
    </message>
    <message>
        <source>BuildKit&apos;s databases were not read</source>
        <translation>BuildKit&apos;s databases were not read</translation>
    </message>
    <message>
        <source>%1 (restart %2)</source>
        <translation>%1 (restart %2)</translation>
    </message>
    <message>
        <source>The containers of this host are unknown (%1): Layerwatch will not change mounts without knowing which workloads run. Probe it again.</source>
        <translation>The containers of this host are unknown (%1): Layerwatch will not change mounts without knowing which workloads run. Probe it again.</translation>
    </message>
    <message>
        <source>No overlay mount is covered or leaked on this host: nothing to repair.</source>
        <translation>No overlay mount is covered or leaked on this host: nothing to repair.</translation>
    </message>
    <message>
        <source>Record the running containers (none ran when probed).</source>
        <translation>Record the running containers (none ran when probed).</translation>
    </message>
    <message numerus="yes">
        <source>Record the %n running container(s): %1.</source>
        <translation>
            <numerusform>Record the %n running container: %1.</numerusform>
            <numerusform>Record the %n running containers: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unmount the leaked overlay mount of %1 at %2 (if no running container uses it by then).</source>
        <translation>Unmount the leaked overlay mount of %1 at %2 (if no running container uses it by then).</translation>
    </message>
    <message numerus="yes">
        <source>Restart the %n running container(s) (docker restart): each stops for a few seconds.</source>
        <translation>
            <numerusform>Restart the %n running container (docker restart): it stops for a few seconds.</numerusform>
            <numerusform>Restart the %n running containers (docker restart): each stops for a few seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers: none is stopped or restarted.</source>
        <translation>Containers: none is stopped or restarted.</translation>
    </message>
    <message>
        <source>live-restore is on: the containers keep running through it.</source>
        <translation>live-restore is on: the containers keep running through it.</translation>
    </message>
    <message numerus="yes">
        <source>live-restore is off: all %n running container(s) stop for the restart (typically 10-30 s); the script starts them again, %1 of them have no restart policy that would bring them back by itself (%2).</source>
        <translation>
            <numerusform>live-restore is off: the %n running container stops for the restart (typically 10-30 s); the script starts it again, %1 of them have no restart policy that would bring them back by itself (%2).</numerusform>
            <numerusform>live-restore is off: all %n running containers stop for the restart (typically 10-30 s); the script starts them again, %1 of them have no restart policy that would bring them back by itself (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Restart docker (systemctl restart docker): %1</source>
        <translation>Restart docker (systemctl restart docker): %1</translation>
    </message>
    <message>
        <source>Restart docker only if it does not answer or cannot create a container once the covers are gone (not expected); if it must: %1</source>
        <translation>Restart docker only if it does not answer or cannot create a container once the covers are gone (not expected); if it must: %1</translation>
    </message>
    <message>
        <source>Never restart docker.</source>
        <translation>Never restart docker.</translation>
    </message>
    <message>
        <source>Start again every recorded container that does not run.</source>
        <translation>Start again every recorded container that does not run.</translation>
    </message>
    <message>
        <source>Verify: no cover left, every recorded container runs, docker answers and can create a container (a test container, removed at once).</source>
        <translation>Verify: no cover left, every recorded container runs, docker answers and can create a container (a test container, removed at once).</translation>
    </message>
    <message>
        <source>Whether layer directories are orphaned is unknown here: %1.</source>
        <translation>Whether layer directories are orphaned is unknown here: %1.</translation>
    </message>
    <message>
        <source>No orphaned layer directory on this host: nothing to remove.</source>
        <translation>No orphaned layer directory on this host: nothing to remove.</translation>
    </message>
    <message>
        <source>No mount holds %1/overlay2.</source>
        <translation>No mount holds %1/overlay2.</translation>
    </message>
    <message>
        <source>Check that docker&apos;s root is %1 and that %1/overlay2 is still on %2, with no mount covering docker&apos;s mounts.</source>
        <translation>Check that docker&apos;s root is %1 and that %1/overlay2 is still on %2, with no mount covering docker&apos;s mounts.</translation>
    </message>
    <message>
        <source>Stop if a pull, commit or build is in flight.</source>
        <translation>Stop if a pull, commit or build is in flight.</translation>
    </message>
    <message>
        <source>Keep %1/overlay2/%2: a leaked mount is still inside (run fix-shadowed-mounts first).</source>
        <translation>Keep %1/overlay2/%2: a leaked mount is still inside (run fix-shadowed-mounts first).</translation>
    </message>
    <message>
        <source>Re-check, then remove %1/overlay2/%2.</source>
        <translation>Re-check, then remove %1/overlay2/%2.</translation>
    </message>
    <message>
        <source>Re-check, then remove %1/overlay2/%2 (%3).</source>
        <translation>Re-check, then remove %1/overlay2/%2 (%3).</translation>
    </message>
    <message>
        <source>Every orphaned layer directory still holds a leaked mount: run fix-shadowed-mounts first.</source>
        <translation>Every orphaned layer directory still holds a leaked mount: run fix-shadowed-mounts first.</translation>
    </message>
    <message>
        <source>Verify: docker answers and can create a container, every container keeps its layer.</source>
        <translation>Verify: docker answers and can create a container, every container keeps its layer.</translation>
    </message>
    <message>
        <source>docker.service already waits for the docker root&apos;s mount.</source>
        <translation>docker.service already waits for the docker root&apos;s mount.</translation>
    </message>
    <message>
        <source>Whether docker.service waits for its mount is unknown: %1.</source>
        <translation>Whether docker.service waits for its mount is unknown: %1.</translation>
    </message>
    <message>
        <source>The mount point %1 has characters Layerwatch does not write into a unit file: add RequiresMountsFor= for it by hand.</source>
        <translation>The mount point %1 has characters Layerwatch does not write into a unit file: add RequiresMountsFor= for it by hand.</translation>
    </message>
    <message>
        <source>Write /etc/systemd/system/docker.service.d/layerwatch-mounts.conf with RequiresMountsFor=%1 (an earlier copy is kept as .bak).</source>
        <translation>Write /etc/systemd/system/docker.service.d/layerwatch-mounts.conf with RequiresMountsFor=%1 (an earlier copy is kept as .bak).</translation>
    </message>
    <message>
        <source>Reload systemd (systemctl daemon-reload); docker is not restarted.</source>
        <translation>Reload systemd (systemctl daemon-reload); docker is not restarted.</translation>
    </message>
    <message>
        <source>Verify: systemctl show docker lists the path(s) in RequiresMountsFor.</source>
        <translation>Verify: systemctl show docker lists the path(s) in RequiresMountsFor.</translation>
    </message>
    <message>
        <source>the host could not be probed again</source>
        <translation>the host could not be probed again</translation>
    </message>
    <message>
        <source>the re-probe still finds %1</source>
        <translation>the re-probe still finds %1</translation>
    </message>
    <message>
        <source>docker info does not answer after the repair</source>
        <translation>docker info does not answer after the repair</translation>
    </message>
    <message>
        <source>the containers before or after the repair are unknown</source>
        <translation>the containers before or after the repair are unknown</translation>
    </message>
    <message>
        <source>container %1 ran before the repair and is %2 now</source>
        <translation>container %1 ran before the repair and is %2 now</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>gone</translation>
    </message>
    <message>
        <source>whether %1 is gone is unknown: %2</source>
        <translation>whether %1 is gone is unknown: %2</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Containers:</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden mount(s) cannot be matched to a container (docker&apos;s layer database is covered too); the running containers are: %1.</source>
        <translation>
            <numerusform>%n hidden mount cannot be matched to a container (docker&apos;s layer database is covered too); the running containers are: %1.</numerusform>
            <numerusform>%n hidden mounts cannot be matched to a container (docker&apos;s layer database is covered too); the running containers are: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running containers affected: %1.</source>
        <translation>Running containers affected: %1.</translation>
    </message>
    <message>
        <source>Stopped containers still mounted: %1.</source>
        <translation>Stopped containers still mounted: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden mount(s) belong to containers already removed (leaked: see leaked-overlay-mounts).</source>
        <translation>
            <numerusform>%n hidden mount belongs to a container already removed (leaked: see leaked-overlay-mounts).</numerusform>
            <numerusform>%n hidden mounts belong to containers already removed (leaked: see leaked-overlay-mounts).</numerusform>
        </translation>
    </message>
    <message>
        <source>Which containers are affected is unknown (%1).</source>
        <translation>Which containers are affected is unknown (%1).</translation>
    </message>
    <message>
        <source>The data is not lost and the containers keep running; it is only covered. Fix: unmount the covering mounts from the bottom up (fix-shadowed-mounts keeps every container running), or migrate the workloads and reboot the node.</source>
        <translation>The data is not lost and the containers keep running; it is only covered. Fix: unmount the covering mounts from the bottom up (fix-shadowed-mounts keeps every container running), or migrate the workloads and reboot the node.</translation>
    </message>
    <message>
        <source>Overlay mounts of removed or stopped containers are still mounted</source>
        <translation>Overlay mounts of removed or stopped containers are still mounted</translation>
    </message>
    <message>
        <source>Layer directories that no image or container uses take disk space</source>
        <translation>Layer directories that no image or container uses take disk space</translation>
    </message>
    <message>
        <source>docker.service does not wait for the mount that holds the docker root</source>
        <translation>docker.service does not wait for the mount that holds the docker root</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s), %1 running</source>
        <translation>
            <numerusform>%n container, %1 running</numerusform>
            <numerusform>%n containers, %1 running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n covered: %1</source>
        <translation>
            <numerusform>%n covered: %1</numerusform>
            <numerusform>%n covered: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaked mount(s)</source>
        <translation>
            <numerusform>%n leaked mount</numerusform>
            <numerusform>%n leaked mounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden mount(s) of unknown containers</source>
        <translation>
            <numerusform>%n hidden mount of unknown containers</numerusform>
            <numerusform>%n hidden mounts of unknown containers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overlay mount(s) (container root filesystems) are hidden by a mount made later at the same path or a parent path: here on %2, mounted after docker started.</source>
        <translation>%1 overlay mount(s) (container root filesystems) are hidden by a mount made later at the same path or a parent path: here on %2, mounted after docker started.</translation>
    </message>
    <message>
        <source>unknown (docker info unreadable: %1)</source>
        <translation>unknown (docker info unreadable: %1)</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>(too old for overlay2)</source>
        <translation>(too old for overlay2)</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>(not passed to dockerd: ignored)</source>
        <translation>(not passed to dockerd: ignored)</translation>
    </message>
    <message>
        <source>not set anywhere (dockerd chooses its default)</source>
        <translation>not set anywhere (dockerd chooses its default)</translation>
    </message>
    <message>
        <source>set both as a flag and in daemon.json: dockerd refuses to start</source>
        <translation>set both as a flag and in daemon.json: dockerd refuses to start</translation>
    </message>
    <message>
        <source>Storage driver configured</source>
        <translation>Storage driver configured</translation>
    </message>
    <message>
        <source>Storage driver running</source>
        <translation>Storage driver running</translation>
    </message>
    <message>
        <source>(Docker %1)</source>
        <translation>(Docker %1)</translation>
    </message>
    <message>
        <source>Backing filesystem</source>
        <translation>Backing filesystem</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>Supports d_type</source>
        <translation>Supports d_type</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 not set</source>
        <translation>%1 not set</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>not present</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3%), %4 free on %5</source>
        <translation>%1 of %2 used (%3%), %4 free on %5</translation>
    </message>
    <message>
        <source>df lists no filesystem holding it</source>
        <translation>df lists no filesystem holding it</translation>
    </message>
    <message>
        <source>a later mount covers part of it: what is seen there is not docker&apos;s</source>
        <translation>a later mount covers part of it: what is seen there is not docker&apos;s</translation>
    </message>
    <message>
        <source>Docker root</source>
        <translation>Docker root</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mounts</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s)</source>
        <translation>
            <numerusform>%n mount</numerusform>
            <numerusform>%n mounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s)</source>
        <translation>
            <numerusform>%n overlay</numerusform>
            <numerusform>%n overlays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n hidden</numerusform>
            <numerusform>%n hidden</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>dockerd&apos;s command line</source>
        <translation>dockerd&apos;s command line</translation>
    </message>
    <message>
        <source>the systemd unit&apos;s ExecStart</source>
        <translation>the systemd unit&apos;s ExecStart</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>no permission</translation>
    </message>
    <message>
        <source>not collected</source>
        <translation>not collected</translation>
    </message>
    <message>
        <source>unknown (probe %1: %2)</source>
        <translation>unknown (probe %1: %2)</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>not probed</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>connecting...</source>
        <translation>connecting...</translation>
    </message>
    <message>
        <source>probing...</source>
        <translation>probing...</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>authentication failed</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>host key unknown</translation>
    </message>
    <message>
        <source>HOST KEY CHANGED</source>
        <translation>HOST KEY CHANGED</translation>
    </message>
    <message>
        <source>HOST KEY REVOKED</source>
        <translation>HOST KEY REVOKED</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>timeout</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>the daemon&apos;s image layers could not be read (docker image inspect)</source>
        <translation>the daemon&apos;s image layers could not be read (docker image inspect)</translation>
    </message>
    <message>
        <source>the daemon uses layer %1, which the layer database does not name: the layer database seen is covered, incomplete or damaged</source>
        <translation>the daemon uses layer %1, which the layer database does not name: the layer database seen is covered, incomplete or damaged</translation>
    </message>
    <message>
        <source>A covering mount sits above the docker root (%1): it holds more than docker&apos;s data, and unmounting it hides everything else under that path. Check what else lives there; to unmount it anyway, set parent-covers=unmount.</source>
        <translation>A covering mount sits above the docker root (%1): it holds more than docker&apos;s data, and unmounting it hides everything else under that path. Check what else lives there; to unmount it anyway, set parent-covers=unmount.</translation>
    </message>
    <message>
        <source>Warning: %1 is above the docker root: whatever else is kept under it disappears from view (parent-covers=unmount).</source>
        <translation>Warning: %1 is above the docker root: whatever else is kept under it disappears from view (parent-covers=unmount).</translation>
    </message>
    <message>
        <source>The restart policy of %1 is unknown (docker&apos;s files are covered).</source>
        <translation>The restart policy of %1 is unknown (docker&apos;s files are covered).</translation>
    </message>
    <message>
        <source>%1 were started with --rm: a docker restart would remove them for good, so the script will not restart docker while they run.</source>
        <translation>%1 were started with --rm: a docker restart would remove them for good, so the script will not restart docker while they run.</translation>
    </message>
    <message>
        <source>container %1 was %2 before the repair and is %3 now</source>
        <translation>container %1 was %2 before the repair and is %3 now</translation>
    </message>
    <message>
        <source>Mount(s) %1 were made on / of the mount namespace: a process whose root is the old / (such as the probe&apos;s shell, or any process started before) still sees the old root and every mount in it, and none of what was mounted on /.</source>
        <translation>Mount(s) %1 were made on / of the mount namespace: a process whose root is the old / (such as the probe&apos;s shell, or any process started before) still sees the old root and every mount in it, and none of what was mounted on /.</translation>
    </message>
    <message>
        <source>overmounted</source>
        <translation>overmounted</translation>
    </message>
    <message>
        <source>shadowed</source>
        <translation>shadowed</translation>
    </message>
    <message>
        <source>stacked (nothing hidden)</source>
        <translation>stacked (nothing hidden)</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>visible</translation>
    </message>
    <message>
        <source>Not probed yet</source>
        <translation>Not probed yet</translation>
    </message>
    <message>
        <source>Nothing is known about this host yet: it has not been probed from this data directory.</source>
        <translation>Nothing is known about this host yet: it has not been probed from this data directory.</translation>
    </message>
    <message>
        <source>Probe it (read-only: nothing on the host is changed).</source>
        <translation>Probe it (read-only: nothing on the host is changed).</translation>
    </message>
    <message>
        <source>The probe is under way; its result shows here when it arrives.</source>
        <translation>The probe is under way; its result shows here when it arrives.</translation>
    </message>
    <message>
        <source>No SSH server answered at this address and port: the host is down, the address or port is wrong, the name does not resolve, or a firewall rejects the connection.</source>
        <translation>No SSH server answered at this address and port: the host is down, the address or port is wrong, the name does not resolve, or a firewall rejects the connection.</translation>
    </message>
    <message>
        <source>Check the address, port and user of the host (the inventory, or ~/.ssh/config).</source>
        <translation>Check the address, port and user of the host (the inventory, or ~/.ssh/config).</translation>
    </message>
    <message>
        <source>Check that the host is up and sshd listens: ssh -v from this workstation.</source>
        <translation>Check that the host is up and sshd listens: ssh -v from this workstation.</translation>
    </message>
    <message>
        <source>Probe it again.</source>
        <translation>Probe it again.</translation>
    </message>
    <message>
        <source>The host refused every key and password offered: the user is wrong, the public key is not in that user&apos;s ~/.ssh/authorized_keys, the key is not loaded in the agent, or its passphrase was not given.</source>
        <translation>The host refused every key and password offered: the user is wrong, the public key is not in that user&apos;s ~/.ssh/authorized_keys, the key is not loaded in the agent, or its passphrase was not given.</translation>
    </message>
    <message>
        <source>Check the user of the host (the inventory, or User in ~/.ssh/config).</source>
        <translation>Check the user of the host (the inventory, or User in ~/.ssh/config).</translation>
    </message>
    <message>
        <source>Add the public key to the user&apos;s ~/.ssh/authorized_keys on the host, or load the key into the agent (ssh-add).</source>
        <translation>Add the public key to the user&apos;s ~/.ssh/authorized_keys on the host, or load the key into the agent (ssh-add).</translation>
    </message>
    <message>
        <source>Probe it again; a key with a passphrase asks for it.</source>
        <translation>Probe it again; a key with a passphrase asks for it.</translation>
    </message>
    <message>
        <source>The host&apos;s key is not in known_hosts: Layerwatch connects only to hosts whose key was approved, so nothing ran on it.</source>
        <translation>The host&apos;s key is not in known_hosts: Layerwatch connects only to hosts whose key was approved, so nothing ran on it.</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the host&apos;s own, read on its console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub.</source>
        <translation>Compare the fingerprint with the host&apos;s own, read on its console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub.</translation>
    </message>
    <message>
        <source>Approve the key if they match; the host is probed then.</source>
        <translation>Approve the key if they match; the host is probed then.</translation>
    </message>
    <message>
        <source>The host presented a different key than known_hosts holds for it. Either it was reinstalled or its keys were regenerated, or someone is intercepting the connection. Layerwatch refuses to connect; nothing ran on it.</source>
        <translation>The host presented a different key than known_hosts holds for it. Either it was reinstalled or its keys were regenerated, or someone is intercepting the connection. Layerwatch refuses to connect; nothing ran on it.</translation>
    </message>
    <message>
        <source>Verify the new key out of band (the host&apos;s console, the provisioning records).</source>
        <translation>Verify the new key out of band (the host&apos;s console, the provisioning records).</translation>
    </message>
    <message>
        <source>Only then remove the old entry (ssh-keygen -R HOST) and probe it again to approve the new key.</source>
        <translation>Only then remove the old entry (ssh-keygen -R HOST) and probe it again to approve the new key.</translation>
    </message>
    <message>
        <source>The host&apos;s key is marked @revoked in known_hosts. Layerwatch refuses to connect; nothing ran on it.</source>
        <translation>The host&apos;s key is marked @revoked in known_hosts. Layerwatch refuses to connect; nothing ran on it.</translation>
    </message>
    <message>
        <source>Ask whoever revoked the key; do not connect until the host has a new, verified key.</source>
        <translation>Ask whoever revoked the key; do not connect until the host has a new, verified key.</translation>
    </message>
    <message>
        <source>A probe did not finish in time: a hung mount (often NFS), a docker daemon that does not answer, or a very slow host. What it answered before is shown; the rest is unknown.</source>
        <translation>A probe did not finish in time: a hung mount (often NFS), a docker daemon that does not answer, or a very slow host. What it answered before is shown; the rest is unknown.</translation>
    </message>
    <message>
        <source>See which probe timed out in the Raw tab.</source>
        <translation>See which probe timed out in the Raw tab.</translation>
    </message>
    <message>
        <source>Check the host for hung mounts (D-state processes) or a hung dockerd.</source>
        <translation>Check the host for hung mounts (D-state processes) or a hung dockerd.</translation>
    </message>
    <message>
        <source>The connection was not set up in time: a firewall silently drops the packets, the host is overloaded, or sshd hangs before its greeting.</source>
        <translation>The connection was not set up in time: a firewall silently drops the packets, the host is overloaded, or sshd hangs before its greeting.</translation>
    </message>
    <message>
        <source>Check the address and port of the host.</source>
        <translation>Check the address and port of the host.</translation>
    </message>
    <message>
        <source>Check that sshd answers: ssh -v from this workstation.</source>
        <translation>Check that sshd answers: ssh -v from this workstation.</translation>
    </message>
    <message>
        <source>The probe was stopped before it finished; what is shown is from before.</source>
        <translation>The probe was stopped before it finished; what is shown is from before.</translation>
    </message>
    <message>
        <source>The probe failed; the error above says where.</source>
        <translation>The probe failed; the error above says where.</translation>
    </message>
    <message>
        <source>Probe it again; if it fails again, check the host&apos;s sshd log (journalctl -u ssh) and the address, port and user of the host.</source>
        <translation>Probe it again; if it fails again, check the host&apos;s sshd log (journalctl -u ssh) and the address, port and user of the host.</translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>Likely cause: %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Refused: the remediation prelude is not the reviewed one.</source>
        <translation>Refused: the remediation prelude is not the reviewed one.</translation>
    </message>
    <message>
        <source>Refused: the script&apos;s file name %1 is not a plain file name.</source>
        <translation>Refused: the script&apos;s file name %1 is not a plain file name.</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; cannot be used in a playbook (letters, digits, . _ : - only).</source>
        <translation>The host name &quot;%1&quot; cannot be used in a playbook (letters, digits, . _ : - only).</translation>
    </message>
    <message>
        <source>planned for another script version</source>
        <translation>planned for another script version</translation>
    </message>
    <message>
        <source>No host has a valid plan for %1: nothing to export.</source>
        <translation>No host has a valid plan for %1: nothing to export.</translation>
    </message>
    <message>
        <source>The probe bundle is missing.</source>
        <translation>The probe bundle is missing.</translation>
    </message>
    <message>
        <source>Cannot create the directory of %1</source>
        <translation>Cannot create the directory of %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: cannot be read: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>unknown version %1 of the probe playbook&apos;s result</source>
        <translation>unknown version %1 of the probe playbook&apos;s result</translation>
    </message>
    <message>
        <source>no host name or no valid marker</source>
        <translation>no host name or no valid marker</translation>
    </message>
    <message>
        <source>the probe bundle did not run to its end on %1 (exit status %2)%3</source>
        <translation>the probe bundle did not run to its end on %1 (exit status %2)%3</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1: line %2: %3</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>Cannot create a temporary directory: %1</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; cannot name a directory in the archive.</source>
        <translation>The host name &quot;%1&quot; cannot name a directory in the archive.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>The name %1 is too long for the archive.</source>
        <translation>The name %1 is too long for the archive.</translation>
    </message>
    <message>
        <source>larger than 4 GiB</source>
        <translation>larger than 4 GiB</translation>
    </message>
    <message>
        <source>the archive ends in the middle of an entry</source>
        <translation>the archive ends in the middle of an entry</translation>
    </message>
    <message>
        <source>not a tar archive (ustar)</source>
        <translation>not a tar archive (ustar)</translation>
    </message>
    <message>
        <source>the entry %1 is larger than 64 MiB</source>
        <translation>the entry %1 is larger than 64 MiB</translation>
    </message>
    <message>
        <source>the archive ends in the middle of %1</source>
        <translation>the archive ends in the middle of %1</translation>
    </message>
    <message>
        <source>unexpected directory %1 (only &lt;host&gt;/&lt;file&gt;)</source>
        <translation>unexpected directory %1 (only &lt;host&gt;/&lt;file&gt;)</translation>
    </message>
    <message>
        <source>the entry %1 is not a regular file</source>
        <translation>the entry %1 is not a regular file</translation>
    </message>
    <message>
        <source>unexpected entry %1 (only &lt;host&gt;/&lt;file&gt;)</source>
        <translation>unexpected entry %1 (only &lt;host&gt;/&lt;file&gt;)</translation>
    </message>
    <message>
        <source>cannot unpack %1</source>
        <translation>cannot unpack %1</translation>
    </message>
    <message>
        <source>the archive holds no capture</source>
        <translation>the archive holds no capture</translation>
    </message>
    <message>
        <source>Critical findings</source>
        <translation>Critical findings</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Notes only</source>
        <translation>Notes only</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Not fully checked</source>
        <translation>Not fully checked</translation>
    </message>
    <message>
        <source>Not probed</source>
        <translation>Not probed</translation>
    </message>
    <message>
        <source>Hosts by status</source>
        <translation>Hosts by status</translation>
    </message>
    <message>
        <source>No hosts</source>
        <translation>No hosts</translation>
    </message>
    <message>
        <source>Hosts per finding</source>
        <translation>Hosts per finding</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>No findings</translation>
    </message>
    <message>
        <source>Docker root usage per host</source>
        <translation>Docker root usage per host</translation>
    </message>
    <message>
        <source>No disk usage known</source>
        <translation>No disk usage known</translation>
    </message>
    <message>
        <source>none (see the explanation)</source>
        <translation>none (see the explanation)</translation>
    </message>
    <message>
        <source>Disk space concerned: %1</source>
        <translation>Disk space concerned: %1</translation>
    </message>
    <message>
        <source>Recommended repair:</source>
        <translation>Recommended repair:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Probe result</source>
        <translation>Probe result</translation>
    </message>
    <message>
        <source>Hosts by finding</source>
        <translation>Hosts by finding</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Recommended repair</source>
        <translation>Recommended repair</translation>
    </message>
    <message>
        <source>Affected hosts</source>
        <translation>Affected hosts</translation>
    </message>
    <message>
        <source>Layerwatch fleet report</source>
        <translation>Layerwatch fleet report</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s), generated %1</source>
        <translation>
            <numerusform>%n host, generated %1</numerusform>
            <numerusform>%n hosts, generated %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; a capture is read from regular files only</source>
        <translation>%1 is a symbolic link; a capture is read from regular files only</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or directory): not read</source>
        <translation>%1 is not a regular file (a FIFO, device or directory): not read</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes, more than Layerwatch ever writes there: not read</source>
        <translation>%1 is larger than %2 bytes, more than Layerwatch ever writes there: not read</translation>
    </message>
    <message>
        <source>cannot inspect %1: %2</source>
        <translation>cannot inspect %1: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; a capture is never written through one</source>
        <translation>%1 is a symbolic link; a capture is never written through one</translation>
    </message>
    <message>
        <source>%1 is not a capture directory: it holds &quot;%2&quot;, which Layerwatch did not write; not replacing it</source>
        <translation>%1 is not a capture directory: it holds &quot;%2&quot;, which Layerwatch did not write; not replacing it</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; host directories are not followed</source>
        <translation>%1 is a symbolic link; host directories are not followed</translation>
    </message>
    <message>
        <source>%1: the directory name is not valid UTF-8; rename it to read this host&apos;s capture</source>
        <translation>%1: the directory name is not valid UTF-8; rename it to read this host&apos;s capture</translation>
    </message>
    <message>
        <source>%1 holds no capture (no meta.json or probe file): not analyzed</source>
        <translation>%1 holds no capture (no meta.json or probe file): not analyzed</translation>
    </message>
    <message>
        <source>%1 is the same host as line %2 (same user, address and port): merged.</source>
        <translation>%1 is the same host as line %2 (same user, address and port): merged.</translation>
    </message>
    <message>
        <source>Line %1 looks like an ssh_config Host line, but line %2 is no ssh_config keyword: read as a host list (give the format to read it otherwise).</source>
        <translation>Line %1 looks like an ssh_config Host line, but line %2 is no ssh_config keyword: read as a host list (give the format to read it otherwise).</translation>
    </message>
    <message>
        <source>Include %1: no such file</source>
        <translation>Include %1: no such file</translation>
    </message>
    <message>
        <source>Include %1: cannot be read</source>
        <translation>Include %1: cannot be read</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 cannot be opened (%2): it trusts nothing.</source>
        <translation>The trusted-catalogs list %1 cannot be opened (%2): it trusts nothing.</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 is not a regular file: it trusts nothing.</source>
        <translation>The trusted-catalogs list %1 is not a regular file: it trusts nothing.</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 may be changed by others (owner or mode): it trusts nothing. It must belong to you or root and not be writable by group or others.</source>
        <translation>The trusted-catalogs list %1 may be changed by others (owner or mode): it trusts nothing. It must belong to you or root and not be writable by group or others.</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 is too large: it trusts nothing.</source>
        <translation>The trusted-catalogs list %1 is too large: it trusts nothing.</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 is not {&quot;format&quot;: 1, &quot;catalogs&quot;: [...]}: it trusts nothing.</source>
        <translation>The trusted-catalogs list %1 is not {&quot;format&quot;: 1, &quot;catalogs&quot;: [...]}: it trusts nothing.</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 has an entry without a manifestSha256 (64 lower-case hex digits) or approvedBy: it trusts nothing.</source>
        <translation>The trusted-catalogs list %1 has an entry without a manifestSha256 (64 lower-case hex digits) or approvedBy: it trusts nothing.</translation>
    </message>
    <message>
        <source>Catalog: built-in (the reviewed copy in the program), manifest SHA-256 %1.</source>
        <translation>Catalog: built-in (the reviewed copy in the program), manifest SHA-256 %1.</translation>
    </message>
    <message>
        <source>Catalog: %1, manifest SHA-256 %2: the same manifest as the built-in one.</source>
        <translation>Catalog: %1, manifest SHA-256 %2: the same manifest as the built-in one.</translation>
    </message>
    <message>
        <source>Catalog: %1, NOT the built-in one; manifest SHA-256 %2, approved in the trusted-catalogs list by %3.</source>
        <translation>Catalog: %1, NOT the built-in one; manifest SHA-256 %2, approved in the trusted-catalogs list by %3.</translation>
    </message>
    <message>
        <source>Catalog: %1, NOT the built-in one; manifest SHA-256 %2, not approved: refused.</source>
        <translation>Catalog: %1, NOT the built-in one; manifest SHA-256 %2, not approved: refused.</translation>
    </message>
    <message>
        <source>The built-in catalog has no script %1: this script was never reviewed with Layerwatch.</source>
        <translation>The built-in catalog has no script %1: this script was never reviewed with Layerwatch.</translation>
    </message>
    <message>
        <source>The script %1 DIFFERS from the built-in reviewed one: SHA-256 %2 here, %3 built in.</source>
        <translation>The script %1 DIFFERS from the built-in reviewed one: SHA-256 %2 here, %3 built in.</translation>
    </message>
    <message>
        <source>The script %1 is the built-in reviewed one (SHA-256 %2).</source>
        <translation>The script %1 is the built-in reviewed one (SHA-256 %2).</translation>
    </message>
    <message>
        <source>The catalog %1 is not the built-in one and its manifest (SHA-256 %2) is not in the trusted-catalogs list %3: every script in it is refused.</source>
        <translation>The catalog %1 is not the built-in one and its manifest (SHA-256 %2) is not in the trusted-catalogs list %3: every script in it is refused.</translation>
    </message>
    <message>
        <source>The script %1 comes from the catalog %2, which is neither the built-in one nor approved in the trusted-catalogs list (manifest SHA-256 %3): refused.</source>
        <translation>The script %1 comes from the catalog %2, which is neither the built-in one nor approved in the trusted-catalogs list (manifest SHA-256 %3): refused.</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Fleet</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Cancelled before it started.</translation>
    </message>
    <message>
        <source>Probe(s) %1 timed out on the host; the other probes ran.</source>
        <translation>Probe(s) %1 timed out on the host; the other probes ran.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The probe bundle exited with status %1: %2</source>
        <translation>The probe bundle exited with status %1: %2</translation>
    </message>
    <message>
        <source>The probe bundle did not complete: %1</source>
        <translation>The probe bundle did not complete: %1</translation>
    </message>
    <message>
        <source>Cannot create the directory of the audit log %1.</source>
        <translation>Cannot create the directory of the audit log %1.</translation>
    </message>
    <message>
        <source>Cannot open the audit log %1: %2</source>
        <translation>Cannot open the audit log %1: %2</translation>
    </message>
    <message>
        <source>Cannot write to the audit log %1: %2</source>
        <translation>Cannot write to the audit log %1: %2</translation>
    </message>
    <message>
        <source>short write</source>
        <translation>short write</translation>
    </message>
    <message>
        <source>Cannot sync the audit log %1: %2</source>
        <translation>Cannot sync the audit log %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the audit log %1: %2</source>
        <translation>Cannot read the audit log %1: %2</translation>
    </message>
    <message>
        <source>Line %1 of the audit log is an incomplete record (torn write); skipped.</source>
        <translation>Line %1 of the audit log is an incomplete record (torn write); skipped.</translation>
    </message>
    <message>
        <source>Line %1 of the audit log is not a JSON record; skipped.</source>
        <translation>Line %1 of the audit log is not a JSON record; skipped.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The remote process group is unknown; the script may still run on the host.</source>
        <translation>The remote process group is unknown; the script may still run on the host.</translation>
    </message>
    <message>
        <source>Ending process group %1 on the host failed: %2</source>
        <translation>Ending process group %1 on the host failed: %2</translation>
    </message>
    <message>
        <source>Process group %1 ended on the host.</source>
        <translation>Process group %1 ended on the host.</translation>
    </message>
    <message>
        <source>Cancelled before it started; nothing ran.</source>
        <translation>Cancelled before it started; nothing ran.</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>Not run: %1</translation>
    </message>
    <message>
        <source>Not run: the audit log cannot be written (%1).</source>
        <translation>Not run: the audit log cannot be written (%1).</translation>
    </message>
    <message>
        <source>[live output capped; the rest is in the result]</source>
        <translation>[live output capped; the rest is in the result]</translation>
    </message>
    <message>
        <source>Cancelled while running.</source>
        <translation>Cancelled while running.</translation>
    </message>
    <message>
        <source>No end after %1 s: cut off.</source>
        <translation>No end after %1 s: cut off.</translation>
    </message>
    <message>
        <source>The script ran longer than %1 s and was ended on the host.</source>
        <translation>The script ran longer than %1 s and was ended on the host.</translation>
    </message>
    <message>
        <source>The script exited with status %1.</source>
        <translation>The script exited with status %1.</translation>
    </message>
    <message>
        <source>The script exited with status %1: %2</source>
        <translation>The script exited with status %1: %2</translation>
    </message>
    <message>
        <source>The script was ended by signal %1.</source>
        <translation>The script was ended by signal %1.</translation>
    </message>
    <message>
        <source>The connection ended while the script ran (%1); its outcome is unknown. It is not re-run: re-probe the host and decide.</source>
        <translation>The connection ended while the script ran (%1); its outcome is unknown. It is not re-run: re-probe the host and decide.</translation>
    </message>
    <message>
        <source>The audit log cannot be written (%1).</source>
        <translation>The audit log cannot be written (%1).</translation>
    </message>
    <message>
        <source>A batch is already running.</source>
        <translation>A batch is already running.</translation>
    </message>
    <message>
        <source>No SSH pool or audit log.</source>
        <translation>No SSH pool or audit log.</translation>
    </message>
    <message>
        <source>There is no reviewed script %1.</source>
        <translation>There is no reviewed script %1.</translation>
    </message>
    <message>
        <source>The script %1 is not the reviewed one: refused.</source>
        <translation>The script %1 is not the reviewed one: refused.</translation>
    </message>
    <message>
        <source>No approval: say who approved the run and how.</source>
        <translation>No approval: say who approved the run and how.</translation>
    </message>
    <message>
        <source>Invalid rollout: the batch size must be at least 1, the limits not negative.</source>
        <translation>Invalid rollout: the batch size must be at least 1, the limits not negative.</translation>
    </message>
    <message>
        <source>The approval must carry the number of hosts that will be changed, typed by the operator: %1 (typed: %2).</source>
        <translation>The approval must carry the number of hosts that will be changed, typed by the operator: %1 (typed: %2).</translation>
    </message>
    <message>
        <source>The audit log cannot be written, so nothing runs: %1</source>
        <translation>The audit log cannot be written, so nothing runs: %1</translation>
    </message>
    <message>
        <source>The re-probe still finds %1.</source>
        <translation>The re-probe still finds %1.</translation>
    </message>
    <message>
        <source>The script succeeded, but the re-probe could not tell whether %1 is gone (%2).</source>
        <translation>The script succeeded, but the re-probe could not tell whether %1 is gone (%2).</translation>
    </message>
    <message>
        <source>The re-probe did not finish; the result is unverified.</source>
        <translation>The re-probe did not finish; the result is unverified.</translation>
    </message>
    <message>
        <source>Not run: the batch was cancelled.</source>
        <translation>Not run: the batch was cancelled.</translation>
    </message>
    <message>
        <source>Not run: the canary did not succeed.</source>
        <translation>Not run: the canary did not succeed.</translation>
    </message>
    <message>
        <source>Not run: the batch stopped at its failure limit.</source>
        <translation>Not run: the batch stopped at its failure limit.</translation>
    </message>
    <message>
        <source>The host reported probe %1 unchanged, but its earlier result is not known here.</source>
        <translation>The host reported probe %1 unchanged, but its earlier result is not known here.</translation>
    </message>
    <message>
        <source>The probe did not run: %1</source>
        <translation>The probe did not run: %1</translation>
    </message>
    <message>
        <source>unreadable reply</source>
        <translation>unreadable reply</translation>
    </message>
    <message>
        <source>SFTP error %1</source>
        <translation>SFTP error %1</translation>
    </message>
    <message>
        <source>Verification failed: %1.</source>
        <translation>Verification failed: %1.</translation>
    </message>
    <message>
        <source>The host&apos;s reply lacks probe(s) %1: they did not run or their answer was lost.</source>
        <translation>The host&apos;s reply lacks probe(s) %1: they did not run or their answer was lost.</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Ssh</name>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>Cannot create the directory %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Refusing to write a malformed host key entry for %1</source>
        <translation>Refusing to write a malformed host key entry for %1</translation>
    </message>
    <message>
        <source>Cannot lock %1</source>
        <translation>Cannot lock %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Cannot create an SSH session</source>
        <translation>Cannot create an SSH session</translation>
    </message>
    <message>
        <source>Invalid host name or user: %1</source>
        <translation>Invalid host name or user: %1</translation>
    </message>
    <message>
        <source>Cannot parse the SSH configuration: %1</source>
        <translation>Cannot parse the SSH configuration: %1</translation>
    </message>
    <message>
        <source>Connection to %1 timed out</source>
        <translation>Connection to %1 timed out</translation>
    </message>
    <message>
        <source>%1 is unreachable: %2</source>
        <translation>%1 is unreachable: %2</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>Connection to %1 failed: %2</translation>
    </message>
    <message>
        <source>The server sent no host key: %1</source>
        <translation>The server sent no host key: %1</translation>
    </message>
    <message>
        <source>Cannot read the server&apos;s host key</source>
        <translation>Cannot read the server&apos;s host key</translation>
    </message>
    <message>
        <source>Cannot hash the server&apos;s host key</source>
        <translation>Cannot hash the server&apos;s host key</translation>
    </message>
    <message>
        <source>The host key of %1 is not known (%2 %3)</source>
        <translation>The host key of %1 is not known (%2 %3)</translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED (now %2 %3); refusing to connect</source>
        <translation>The host key of %1 has CHANGED (now %2 %3); refusing to connect</translation>
    </message>
    <message>
        <source>The host key of %1 is REVOKED (%2 %3); refusing to connect</source>
        <translation>The host key of %1 is REVOKED (%2 %3); refusing to connect</translation>
    </message>
    <message>
        <source>Authentication with %1 failed: %2</source>
        <translation>Authentication with %1 failed: %2</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Password for %1:</translation>
    </message>
    <message>
        <source>Cannot open a channel: %1</source>
        <translation>Cannot open a channel: %1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>Connection lost: %1</translation>
    </message>
    <message>
        <source>The server refused to run the command: %1</source>
        <translation>The server refused to run the command: %1</translation>
    </message>
    <message>
        <source>Cannot poll the SSH session</source>
        <translation>Cannot poll the SSH session</translation>
    </message>
    <message>
        <source>The command timed out after %1 ms</source>
        <translation>The command timed out after %1 ms</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <source>The server closed the channel without an exit status</source>
        <translation>The server closed the channel without an exit status</translation>
    </message>
    <message>
        <source>A kept command needs a key, a command and a completion check</source>
        <translation>A kept command needs a key, a command and a completion check</translation>
    </message>
    <message>
        <source>The reply exceeded the output limit of %1 bytes</source>
        <translation>The reply exceeded the output limit of %1 bytes</translation>
    </message>
    <message>
        <source>Cannot write the request: %1</source>
        <translation>Cannot write the request: %1</translation>
    </message>
    <message>
        <source>The command ended before its reply was complete</source>
        <translation>The command ended before its reply was complete</translation>
    </message>
    <message>
        <source>The server refused the subsystem %1: %2</source>
        <translation>The server refused the subsystem %1: %2</translation>
    </message>
    <message>
        <source>Connection to %1 timed out after %2 s</source>
        <translation>Connection to %1 timed out after %2 s</translation>
    </message>
    <message>
        <source>the SSH agent</source>
        <translation>the SSH agent</translation>
    </message>
    <message>
        <source>a password</source>
        <translation>a password</translation>
    </message>
    <message>
        <source>keyboard-interactive</source>
        <translation>keyboard-interactive</translation>
    </message>
    <message>
        <source>no SSH agent (SSH_AUTH_SOCK is not set)</source>
        <translation>no SSH agent (SSH_AUTH_SOCK is not set)</translation>
    </message>
    <message>
        <source>no key file (none given, none in ~/.ssh)</source>
        <translation>no key file (none given, none in ~/.ssh)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Authentication as %1 failed: no method was accepted.</source>
        <translation>Authentication as %1 failed: no method was accepted.</translation>
    </message>
    <message>
        <source>Tried: %1.</source>
        <translation>Tried: %1.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>Not available: %1.</source>
        <translation>Not available: %1.</translation>
    </message>
    <message>
        <source>The server accepts: %1.</source>
        <translation>The server accepts: %1.</translation>
    </message>
    <message>
        <source>The reply&apos;s error output exceeded its limit of %1 bytes: cut off, the rest not kept</source>
        <translation>The reply&apos;s error output exceeded its limit of %1 bytes: cut off, the rest not kept</translation>
    </message>
    <message>
        <source>key %1: no such file</source>
        <translation>key %1: no such file</translation>
    </message>
    <message>
        <source>Not used: %1.</source>
        <translation>Not used: %1.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>key %1: readable by others (mode %2), ignored as OpenSSH ignores it</source>
        <translation>key %1: readable by others (mode %2), ignored as OpenSSH ignores it</translation>
    </message>
    <message>
        <source>key %1: encrypted, and no (right) passphrase was given</source>
        <translation>key %1: encrypted, and no (right) passphrase was given</translation>
    </message>
    <message>
        <source>key %1: not a private key libssh can read</source>
        <translation>key %1: not a private key libssh can read</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layerwatch</source>
        <translation>Layerwatch</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Probe</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Probe toolbar</source>
        <translation>Probe toolbar</translation>
    </message>
    <message>
        <source>Import inventory...</source>
        <translation>Import inventory...</translation>
    </message>
    <message>
        <source>Import hosts from an inventory file (plain list, Ansible INI, ~/.ssh/config)</source>
        <translation>Import hosts from an inventory file (plain list, Ansible INI, ~/.ssh/config)</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Edit inventory...</source>
        <translation>Edit inventory...</translation>
    </message>
    <message>
        <source>Add, edit and remove hosts and their tags</source>
        <translation>Add, edit and remove hosts and their tags</translation>
    </message>
    <message>
        <source>Open capture...</source>
        <translation>Open capture...</translation>
    </message>
    <message>
        <source>Load captures saved by layerwatch-cli probe --save</source>
        <translation>Load captures saved by layerwatch-cli probe --save</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Probe all</source>
        <translation>Probe all</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Probe selected</source>
        <translation>Probe selected</translation>
    </message>
    <message>
        <source>Probe the selected hosts (read-only)</source>
        <translation>Probe the selected hosts (read-only)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop the running probe sweep</source>
        <translation>Stop the running probe sweep</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Find...</source>
        <translation>Find...</translation>
    </message>
    <message>
        <source>Search hosts, tags, kernels and finding IDs</source>
        <translation>Search hosts, tags, kernels and finding IDs</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Show every host again</source>
        <translation>Show every host again</translation>
    </message>
    <message>
        <source>Host details</source>
        <translation>Host details</translation>
    </message>
    <message>
        <source>Show or hide the host detail panel</source>
        <translation>Show or hide the host detail panel</translation>
    </message>
    <message>
        <source>F4</source>
        <translation>F4</translation>
    </message>
    <message>
        <source>Fleet charts</source>
        <translation>Fleet charts</translation>
    </message>
    <message>
        <source>Show or hide the fleet charts</source>
        <translation>Show or hide the fleet charts</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>About Layerwatch</source>
        <translation>About Layerwatch</translation>
    </message>
    <message>
        <source>Probe every host in the table (read-only); a host probed before gets a refresh on its kept connection</source>
        <translation>Probe every host in the table (read-only); a host probed before gets a refresh on its kept connection</translation>
    </message>
    <message>
        <source>Full probe of all</source>
        <translation>Full probe of all</translation>
    </message>
    <message>
        <source>Probe every host and run every probe again, also those a refresh reports unchanged (kernel configuration, docker info)</source>
        <translation>Probe every host and run every probe again, also those a refresh reports unchanged (kernel configuration, docker info)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>the snapshot store is not open</source>
        <translation>the snapshot store is not open</translation>
    </message>
</context>
<context>
    <name>SshSettings</name>
    <message>
        <source>The identity file %1 does not exist.</source>
        <translation>The identity file %1 does not exist.</translation>
    </message>
    <message>
        <source>The identity file %1 is not a readable file.</source>
        <translation>The identity file %1 is not a readable file.</translation>
    </message>
    <message>
        <source>The known_hosts file %1 is not a file.</source>
        <translation>The known_hosts file %1 is not a file.</translation>
    </message>
    <message>
        <source>The folder of the known_hosts file %1 does not exist.</source>
        <translation>The folder of the known_hosts file %1 does not exist.</translation>
    </message>
    <message>
        <source>The ssh_config file %1 does not exist.</source>
        <translation>The ssh_config file %1 does not exist.</translation>
    </message>
    <message>
        <source>The ssh_config file %1 is not a readable file.</source>
        <translation>The ssh_config file %1 is not a readable file.</translation>
    </message>
    <message>
        <source>The user name &quot;%1&quot; is not valid.</source>
        <translation>The user name &quot;%1&quot; is not valid.</translation>
    </message>
</context>
<context>
    <name>lw::gui::AuditLogViewer</name>
    <message>
        <source>signal %1</source>
        <translation>signal %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export audit records</source>
        <translation>Export audit records</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>%n record exported to %1.</numerusform>
            <numerusform>%n records exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a record to see all of it.</source>
        <translation>Select a record to see all of it.</translation>
    </message>
    <message>
        <source>The audit log %1 cannot be read.</source>
        <translation>The audit log %1 cannot be read.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s) shown.</source>
        <translation>
            <numerusform>%1 of %n record shown.</numerusform>
            <numerusform>%1 of %n records shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>The last line is incomplete (a write was interrupted); it was skipped.</source>
        <translation>The last line is incomplete (a write was interrupted); it was skipped.</translation>
    </message>
    <message>
        <source>Remediation audit log</source>
        <translation>Remediation audit log</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Filter: host, user, script, event, exit...</source>
        <translation>Filter: host, user, script, event, exit...</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Export...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>batch started</source>
        <translation>batch started</translation>
    </message>
    <message>
        <source>batch finished</source>
        <translation>batch finished</translation>
    </message>
    <message>
        <source>started</source>
        <translation>started</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>not run</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>resumed</translation>
    </message>
    <message>
        <source>cancel requested</source>
        <translation>cancel requested</translation>
    </message>
    <message>
        <source>run</source>
        <translation>run</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>dry run</translation>
    </message>
    <message>
        <source>finding gone</source>
        <translation>finding gone</translation>
    </message>
    <message>
        <source>finding still there</source>
        <translation>finding still there</translation>
    </message>
    <message>
        <source>workload down</source>
        <translation>workload down</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>host count typed in the dialog</source>
        <translation>host count typed in the dialog</translation>
    </message>
    <message>
        <source>approved in the dialog</source>
        <translation>approved in the dialog</translation>
    </message>
    <message>
        <source>--yes on the command line</source>
        <translation>--yes on the command line</translation>
    </message>
    <message>
        <source>dry run, nothing to approve</source>
        <translation>dry run, nothing to approve</translation>
    </message>
    <message>
        <source>typed: %1</source>
        <translation>typed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>host names typed: %1</source>
        <translation>host names typed: %1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, by %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>lw::gui::BatchPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>finding gone</source>
        <translation>finding gone</translation>
    </message>
    <message>
        <source>finding still there</source>
        <translation>finding still there</translation>
    </message>
    <message>
        <source>could not re-probe</source>
        <translation>could not re-probe</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>planning</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN - check by hand</source>
        <translation>OUTCOME UNKNOWN - check by hand</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>not fixed</source>
        <translation>not fixed</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>Audit log: %1</source>
        <translation>Audit log: %1</translation>
    </message>
    <message>
        <source>The connection was lost while the script ran: the host may or may not have been changed. Check it by hand; it is never re-run automatically.</source>
        <translation>The connection was lost while the script ran: the host may or may not have been changed. Check it by hand; it is never re-run automatically.</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>signal %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>(output truncated)</source>
        <translation>(output truncated)</translation>
    </message>
    <message>
        <source>
[... %1 characters of output not shown ...]
</source>
        <translation>
[... %1 characters of output not shown ...]
</translation>
    </message>
    <message>
        <source>Output of %1 (stderr in red):</source>
        <translation>Output of %1 (stderr in red):</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n host(s): </source>
        <translation>
            <numerusform>Finished: %n host: </numerusform>
            <numerusform>Finished: %n hosts: </numerusform>
        </translation>
    </message>
    <message>
        <source>The canary failed: the other hosts were not run.</source>
        <translation>The canary failed: the other hosts were not run.</translation>
    </message>
    <message>
        <source>Stopped at the failure threshold.</source>
        <translation>Stopped at the failure threshold.</translation>
    </message>
    <message>
        <source>Cancelled by the operator.</source>
        <translation>Cancelled by the operator.</translation>
    </message>
    <message>
        <source>Outcome unknown, check by hand (never re-run automatically): %1</source>
        <translation>Outcome unknown, check by hand (never re-run automatically): %1</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Cancel the batch</translation>
    </message>
    <message>
        <source>Stop the hosts that are running (their scripts are killed) and skip the rest?</source>
        <translation>Stop the hosts that are running (their scripts are killed) and skip the rest?</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Continue with the next batch</source>
        <translation>Continue with the next batch</translation>
    </message>
    <message>
        <source>Stop after the hosts that are running now</source>
        <translation>Stop after the hosts that are running now</translation>
    </message>
    <message>
        <source>&amp;Cancel...</source>
        <translation>&amp;Cancel...</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Output:</translation>
    </message>
</context>
<context>
    <name>lw::gui::CredentialDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>Passphrase for the private key %1:</source>
        <translation>Passphrase for the private key %1:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Password for %1:</translation>
    </message>
    <message>
        <source>Kept in memory for this session only; never written to disk.</source>
        <translation>Kept in memory for this session only; never written to disk.</translation>
    </message>
    <message>
        <source>The saved secret could not be read from the system keychain: %1</source>
        <translation>The saved secret could not be read from the system keychain: %1</translation>
    </message>
    <message>
        <source>Saving in the system keychain...</source>
        <translation>Saving in the system keychain...</translation>
    </message>
    <message>
        <source>Not saved in the system keychain: %1
Press OK to use the secret for this session only.</source>
        <translation>Not saved in the system keychain: %1
Press OK to use the secret for this session only.</translation>
    </message>
    <message>
        <source>Looking for a system keychain...</source>
        <translation>Looking for a system keychain...</translation>
    </message>
    <message>
        <source>Saves the secret in the system keychain (service &quot;%1&quot;), so that later sessions do not ask again. File &gt; Forget saved secrets deletes it.</source>
        <translation>Saves the secret in the system keychain (service &quot;%1&quot;), so that later sessions do not ask again. File &gt; Forget saved secrets deletes it.</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Not available: %1</translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation>Remember in the system keychain</translation>
    </message>
    <message>
        <source>Kept in memory for this session and saved in the system keychain when you press OK; never written to a file by Layerwatch.</source>
        <translation>Kept in memory for this session and saved in the system keychain when you press OK; never written to a file by Layerwatch.</translation>
    </message>
</context>
<context>
    <name>lw::gui::DiskChartWidget</name>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Docker root %1 is on %2 (%3, mounted on %4): %5 of %6 used (%7%), %8 free.</source>
        <translation>Docker root %1 is on %2 (%3, mounted on %4): %5 of %6 used (%7%), %8 free.</translation>
    </message>
    <message>
        <source>No disk usage collected for this host.</source>
        <translation>No disk usage collected for this host.</translation>
    </message>
    <message>
        <source>The filesystem holding the docker root %1 is not in the df output.</source>
        <translation>The filesystem holding the docker root %1 is not in the df output.</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Docker root usage over past probes</source>
        <translation>Docker root usage over past probes</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>No usage history yet: it grows with every probe of this host.</source>
        <translation>No usage history yet: it grows with every probe of this host.</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>A later mount covers the docker root %1: df shows %2 (%3, mounted on %4) there, %5 of %6 used - not docker&apos;s data. Docker&apos;s own filesystem is hidden under it.</source>
        <translation>A later mount covers the docker root %1: df shows %2 (%3, mounted on %4) there, %5 of %6 used - not docker&apos;s data. Docker&apos;s own filesystem is hidden under it.</translation>
    </message>
    <message>
        <source>Disk usage per filesystem (% of its size)</source>
        <translation>Disk usage per filesystem (% of its size)</translation>
    </message>
    <message>
        <source>Covered docker root</source>
        <translation>Covered docker root</translation>
    </message>
    <message>
        <source>Used (docker root)</source>
        <translation>Used (docker root)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4 used, %5 available, %6 in all</source>
        <translation>%1 on %2 (%3): %4 used, %5 available, %6 in all</translation>
    </message>
    <message>
        <source>%1 reserved (for root, not available to docker)</source>
        <translation>%1 reserved (for root, not available to docker)</translation>
    </message>
    <message>
        <source>Covers the docker root %1: not docker&apos;s data.</source>
        <translation>Covers the docker root %1: not docker&apos;s data.</translation>
    </message>
    <message>
        <source>Holds the docker root %1.</source>
        <translation>Holds the docker root %1.</translation>
    </message>
    <message>
        <source>[docker root, COVERED]</source>
        <translation>[docker root, COVERED]</translation>
    </message>
    <message>
        <source>[docker root]</source>
        <translation>[docker root]</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation>%1 % of %2</translation>
    </message>
</context>
<context>
    <name>lw::gui::FleetChartsWidget</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over the %1% threshold</source>
        <translation>
            <numerusform>%n over the %1% threshold</numerusform>
            <numerusform>%n over the %1% threshold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without known usage</source>
        <translation>
            <numerusform>%n without known usage</numerusform>
            <numerusform>%n without known usage</numerusform>
        </translation>
    </message>
    <message>
        <source>chart shows the %1 fullest</source>
        <translation>chart shows the %1 fullest</translation>
    </message>
    <message>
        <source>Docker root usage per host</source>
        <translation>Docker root usage per host</translation>
    </message>
    <message>
        <source>Below %1%</source>
        <translation>Below %1%</translation>
    </message>
    <message>
        <source>Over %1%</source>
        <translation>Over %1%</translation>
    </message>
    <message>
        <source>Threshold %1%</source>
        <translation>Threshold %1%</translation>
    </message>
    <message>
        <source>Hosts per finding</source>
        <translation>Hosts per finding</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
</context>
<context>
    <name>lw::gui::FleetModel</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>ok (stale)</source>
        <translation>ok (stale)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation>%1 % of %2</translation>
    </message>
    <message numerus="yes">
        <source>none (%n check(s) unknown)</source>
        <translation>
            <numerusform>none (%n check unknown)</numerusform>
            <numerusform>none (%n checks unknown)</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1: %2 (+%3 more)</source>
        <translation>%1: %2 (+%3 more)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Stale: last probed %1 ago.</source>
        <translation>Stale: last probed %1 ago.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>overlay2 needs a native kernel 4.0 or later (or RHEL/CentOS 7 3.10.0-514 or later)</source>
        <translation>overlay2 needs a native kernel 4.0 or later (or RHEL/CentOS 7 3.10.0-514 or later)</translation>
    </message>
    <message>
        <source>The storage driver is set in more than one place: %1. dockerd refuses to start when it is given both as a flag and in daemon.json.</source>
        <translation>The storage driver is set in more than one place: %1. dockerd refuses to start when it is given both as a flag and in daemon.json.</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) hidden under a later mount: not reachable from the host</source>
        <translation>
            <numerusform>%n mount hidden under a later mount: not reachable from the host</numerusform>
            <numerusform>%n mounts hidden under a later mount: not reachable from the host</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 used, %3 available, %4 total</source>
        <translation>%1: %2 used, %3 available, %4 total</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) could not be decided (missing probe data)</source>
        <translation>
            <numerusform>%n check could not be decided (missing probe data)</numerusform>
            <numerusform>%n checks could not be decided (missing probe data)</numerusform>
        </translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last probe</source>
        <translation>Last probe</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>Driver (configured)</source>
        <translation>Driver (configured)</translation>
    </message>
    <message>
        <source>Driver (running)</source>
        <translation>Driver (running)</translation>
    </message>
    <message>
        <source>Backing FS</source>
        <translation>Backing FS</translation>
    </message>
    <message>
        <source>d_type</source>
        <translation>d_type</translation>
    </message>
    <message>
        <source>redirect_dir</source>
        <translation>redirect_dir</translation>
    </message>
    <message>
        <source>Covered mounts</source>
        <translation>Covered mounts</translation>
    </message>
    <message>
        <source>Docker root usage</source>
        <translation>Docker root usage</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>Worst finding</translation>
    </message>
    <message>
        <source>storage-driver as set in daemon.json, dockerd&apos;s flags or /etc/sysconfig/docker-storage</source>
        <translation>storage-driver as set in daemon.json, dockerd&apos;s flags or /etc/sysconfig/docker-storage</translation>
    </message>
    <message>
        <source>Storage Driver reported by docker info</source>
        <translation>Storage Driver reported by docker info</translation>
    </message>
    <message>
        <source>Filesystem under the docker root (ext4 recommended; xfs only with ftype=1)</source>
        <translation>Filesystem under the docker root (ext4 recommended; xfs only with ftype=1)</translation>
    </message>
    <message>
        <source>Supports d_type, from docker info</source>
        <translation>Supports d_type, from docker info</translation>
    </message>
    <message>
        <source>/sys/module/overlay/parameters/redirect_dir</source>
        <translation>/sys/module/overlay/parameters/redirect_dir</translation>
    </message>
    <message>
        <source>Mounts hidden (covered) by a later mount, from /proc/self/mountinfo</source>
        <translation>Mounts hidden (covered) by a later mount, from /proc/self/mountinfo</translation>
    </message>
    <message>
        <source>Usage of the filesystem holding the docker root</source>
        <translation>Usage of the filesystem holding the docker root</translation>
    </message>
    <message>
        <source>%1 covered: %2</source>
        <translation>%1 covered: %2</translation>
    </message>
    <message>
        <source>%1/%2 running, %3 leaked</source>
        <translation>%1/%2 running, %3 leaked</translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation>%1/%2 running</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Containers</translation>
    </message>
    <message>
        <source>The containers: how many run, which ones a later mount covers, leaked mounts of removed containers</source>
        <translation>The containers: how many run, which ones a later mount covers, leaked mounts of removed containers</translation>
    </message>
    <message>
        <source>%1/%2 running, which covered: unknown</source>
        <translation>%1/%2 running, which covered: unknown</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>covered</translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>Likely cause: %1</translation>
    </message>
    <message>
        <source>A later mount covers the docker root %1: df shows that mount (%2 used of %3), not docker&apos;s data.</source>
        <translation>A later mount covers the docker root %1: df shows that mount (%2 used of %3), not docker&apos;s data.</translation>
    </message>
</context>
<context>
    <name>lw::gui::HostDetailWidget</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Mounts</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Docker root only</source>
        <translation>Docker root only</translation>
    </message>
    <message>
        <source>Show only the mounts under the docker root, the mounts covering them and their parents</source>
        <translation>Show only the mounts under the docker root, the mounts covering them and their parents</translation>
    </message>
    <message>
        <source>Hidden mounts only (table)</source>
        <translation>Hidden mounts only (table)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (+ or Ctrl+wheel)</source>
        <translation>Zoom in (+ or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom out (- or Ctrl+wheel)</source>
        <translation>Zoom out (- or Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view (F)</source>
        <translation>Fit the whole graph into the view (F)</translation>
    </message>
    <message>
        <source>Select a host to see its details.</source>
        <translation>Select a host to see its details.</translation>
    </message>
    <message>
        <source>Click a mount to see its mountinfo line decoded.</source>
        <translation>Click a mount to see its mountinfo line decoded.</translation>
    </message>
    <message>
        <source>Mount table unknown: the mountinfo probe did not succeed (%1).</source>
        <translation>Mount table unknown: the mountinfo probe did not succeed (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s)</source>
        <translation>
            <numerusform>%n mount</numerusform>
            <numerusform>%n mounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n hidden</numerusform>
            <numerusform>%n hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>exit code</source>
        <translation>exit code</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duration</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>output</source>
        <translation>output</translation>
    </message>
    <message>
        <source>output truncated by the probe&apos;s size cap</source>
        <translation>output truncated by the probe&apos;s size cap</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Collected %1</source>
        <translation>Collected %1</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message numerus="yes">
        <source>No problem found, but %n check(s) could not run (see below).</source>
        <translation>
            <numerusform>No problem found, but %n check could not run (see below).</numerusform>
            <numerusform>No problem found, but %n checks could not run (see below).</numerusform>
        </translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>No problem found.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Affected mounts (%1):</source>
        <translation>Affected mounts (%1):</translation>
    </message>
    <message>
        <source>Covered by:</source>
        <translation>Covered by:</translation>
    </message>
    <message>
        <source>Recommended repair:</source>
        <translation>Recommended repair:</translation>
    </message>
    <message>
        <source>none (manual review)</source>
        <translation>none (manual review)</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message numerus="yes">
        <source>and %n more evidence line(s); see the Raw tab</source>
        <translation>
            <numerusform>and %n more evidence line; see the Raw tab</numerusform>
            <numerusform>and %n more evidence lines; see the Raw tab</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, unchanged</source>
        <translation>%1, unchanged</translation>
    </message>
    <message>
        <source>On the last refresh the host reported this probe unchanged since its previous probe over the same connection; the output shown is from that probe. Probe &gt; Full probe of all runs every probe again.</source>
        <translation>On the last refresh the host reported this probe unchanged since its previous probe over the same connection; the output shown is from that probe. Probe &gt; Full probe of all runs every probe again.</translation>
    </message>
    <message>
        <source>Containers (%1):</source>
        <translation>Containers (%1):</translation>
    </message>
    <message>
        <source>Disk space:</source>
        <translation>Disk space:</translation>
    </message>
</context>
<context>
    <name>lw::gui::HostKeyDialog</name>
    <message>
        <source>HOST KEY CHANGED</source>
        <translation>HOST KEY CHANGED</translation>
    </message>
    <message numerus="yes">
        <source>WARNING: the host key of %n host(s) has CHANGED.</source>
        <translation>
            <numerusform>WARNING: the host key of %n host has CHANGED.</numerusform>
            <numerusform>WARNING: the host keys of %n hosts have CHANGED.</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone could be intercepting the connection (man-in-the-middle attack), or the host was reinstalled. Layerwatch will not connect to these hosts.</source>
        <translation>Someone could be intercepting the connection (man-in-the-middle attack), or the host was reinstalled. Layerwatch will not connect to these hosts.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Expected (in known_hosts)</source>
        <translation>Expected (in known_hosts)</translation>
    </message>
    <message>
        <source>Presented now</source>
        <translation>Presented now</translation>
    </message>
    <message>
        <source>If a change is legitimate, verify the new fingerprint out of band (the host&apos;s console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), remove the old entry and probe again:</source>
        <translation>If a change is legitimate, verify the new fingerprint out of band (the host&apos;s console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), remove the old entry and probe again:</translation>
    </message>
    <message numerus="yes">
        <source>Unknown host keys (%n host(s))</source>
        <translation>
            <numerusform>Unknown host key (%n host)</numerusform>
            <numerusform>Unknown host keys (%n hosts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The authenticity of %n host(s) cannot be established.</source>
        <translation>
            <numerusform>The authenticity of %n host cannot be established.</numerusform>
            <numerusform>The authenticity of %n hosts cannot be established.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare each fingerprint with the one read on the host&apos;s console or from its administrator (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and tick only those that match. The ticked keys are added to known_hosts and their hosts probed again; the others stay unknown and nothing runs on them.</source>
        <translation>Compare each fingerprint with the one read on the host&apos;s console or from its administrator (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and tick only those that match. The ticked keys are added to known_hosts and their hosts probed again; the others stay unknown and nothing runs on them.</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Key type</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>&amp;Trust selected and probe</source>
        <translation>&amp;Trust selected and probe</translation>
    </message>
    <message>
        <source>&amp;Reject all</source>
        <translation>&amp;Reject all</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>known_hosts in use: %1</source>
        <translation>known_hosts in use: %1</translation>
    </message>
</context>
<context>
    <name>lw::gui::HostProblemPanel</name>
    <message>
        <source>%1: %2 - the results below are from an earlier probe</source>
        <translation>%1: %2 - the results below are from an earlier probe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>Likely cause: %1</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>&amp;Probe</translation>
    </message>
    <message>
        <source>&amp;Probe again</source>
        <translation>&amp;Probe again</translation>
    </message>
    <message>
        <source>&amp;SSH settings...</source>
        <translation>&amp;SSH settings...</translation>
    </message>
    <message>
        <source>Review host &amp;key...</source>
        <translation>Review host &amp;key...</translation>
    </message>
</context>
<context>
    <name>lw::gui::InventoryDialog</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a Layerwatch inventory: %2</source>
        <translation>%1 is not a Layerwatch inventory: %2</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Add host</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Import file...</source>
        <translation>Import file...</translation>
    </message>
    <message>
        <source>Plain list ([user@]host[:port] tag...), CSV, or Ansible INI inventory</source>
        <translation>Plain list ([user@]host[:port] tag...), CSV, or Ansible INI inventory</translation>
    </message>
    <message>
        <source>Import ~/.ssh/config</source>
        <translation>Import ~/.ssh/config</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new host(s), %2 already known (merged).</source>
        <translation>
            <numerusform>%1: %n new host, %2 already known (merged).</numerusform>
            <numerusform>%1: %n new hosts, %2 already known (merged).</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>Import inventory</source>
        <translation>Import inventory</translation>
    </message>
    <message>
        <source>Inventories (*.txt *.csv *.ini *.cfg hosts inventory);;All files (*)</source>
        <translation>Inventories (*.txt *.csv *.ini *.cfg hosts inventory);;All files (*)</translation>
    </message>
</context>
<context>
    <name>lw::gui::KeychainStore</name>
    <message>
        <source>The system keychain is not used in this session.</source>
        <translation>The system keychain is not used in this session.</translation>
    </message>
    <message>
        <source>No such entry in the keychain.</source>
        <translation>No such entry in the keychain.</translation>
    </message>
    <message>
        <source>The system keychain denied access (%1).</source>
        <translation>The system keychain denied access (%1).</translation>
    </message>
    <message>
        <source>No system keychain service is available (%1).</source>
        <translation>No system keychain service is available (%1).</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>The system keychain reported an error: %1</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds (is it locked?).</source>
        <translation>The system keychain did not answer within %1 seconds (is it locked?).</translation>
    </message>
    <message>
        <source>The system keychain is locked and could not be unlocked here; unlock it (for example by logging in to the desktop) and try again.</source>
        <translation>The system keychain is locked and could not be unlocked here; unlock it (for example by logging in to the desktop) and try again.</translation>
    </message>
    <message>
        <source>libsecret is not installed (Debian package libsecret-1-0); Layerwatch needs it to reach the system keychain.</source>
        <translation>libsecret is not installed (Debian package libsecret-1-0); Layerwatch needs it to reach the system keychain.</translation>
    </message>
    <message>
        <source>There is no D-Bus session bus, so no system keychain can be reached (%1).</source>
        <translation>There is no D-Bus session bus, so no system keychain can be reached (%1).</translation>
    </message>
    <message>
        <source>No keychain service (GNOME Keyring, KWallet) runs on the D-Bus session bus.</source>
        <translation>No keychain service (GNOME Keyring, KWallet) runs on the D-Bus session bus.</translation>
    </message>
    <message>
        <source>This build of Layerwatch has no system keychain support (QtKeychain).</source>
        <translation>This build of Layerwatch has no system keychain support (QtKeychain).</translation>
    </message>
    <message>
        <source>Internal error: the GUI thread must not wait for the system keychain.</source>
        <translation>Internal error: the GUI thread must not wait for the system keychain.</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time (is it locked?).</source>
        <translation>The system keychain did not answer in time (is it locked?).</translation>
    </message>
</context>
<context>
    <name>lw::gui::MainWindow</name>
    <message>
        <source>Demo mode: showing the demo captures; nothing is probed or stored.</source>
        <translation>Demo mode: showing the demo captures; nothing is probed or stored.</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new host(s)</source>
        <translation>
            <numerusform>%1: %n new host</numerusform>
            <numerusform>%1: %n new hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>Search hosts, tags, kernels, finding IDs (Ctrl+F)</source>
        <translation>Search hosts, tags, kernels, finding IDs (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>Se&amp;verity:</translation>
    </message>
    <message>
        <source>F&amp;inding:</source>
        <translation>F&amp;inding:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source> Concurrency: </source>
        <translation> Concurrency: </translation>
    </message>
    <message>
        <source>How many hosts are probed at the same time</source>
        <translation>How many hosts are probed at the same time</translation>
    </message>
    <message>
        <source>Select a host to see its details.</source>
        <translation>Select a host to see its details.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Any failure</source>
        <translation>Any failure</translation>
    </message>
    <message>
        <source>Not probed</source>
        <translation>Not probed</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>Warning or worse</translation>
    </message>
    <message>
        <source>Any finding</source>
        <translation>Any finding</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s)</source>
        <translation>
            <numerusform>%1 of %n host</numerusform>
            <numerusform>%1 of %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n critical</numerusform>
            <numerusform>%n critical</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Layerwatch - %n host(s)</source>
        <translation>
            <numerusform>Layerwatch - %n host</numerusform>
            <numerusform>Layerwatch - %n hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>Layerwatch</source>
        <translation>Layerwatch</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Copy host name(s)</source>
        <translation>Copy host name(s)</translation>
    </message>
    <message>
        <source>Remove from inventory...</source>
        <translation>Remove from inventory...</translation>
    </message>
    <message>
        <source>Remove hosts</source>
        <translation>Remove hosts</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the inventory and forget their probe history?</source>
        <translation>
            <numerusform>Remove %n host from the inventory and forget their probe history?</numerusform>
            <numerusform>Remove %n hosts from the inventory and forget their probe history?</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Stopping...</translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 total - %4 elapsed</source>
        <translation>%1 done, %2 failed, %3 total - %4 elapsed</translation>
    </message>
    <message>
        <source>Probe finished: %1 of %2 host(s) ok, %3 failed, in %4.</source>
        <translation>Probe finished: %1 of %2 host(s) ok, %3 failed, in %4.</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>Host key</translation>
    </message>
    <message>
        <source>Snapshot store</source>
        <translation>Snapshot store</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>Reading %1 failed: %2</translation>
    </message>
    <message numerus="yes">
        <source>Last known state of %n host(s) loaded; shown as stale until probed again.</source>
        <translation>
            <numerusform>Last known state of %n host loaded; shown as stale until probed again.</numerusform>
            <numerusform>Last known state of %n hosts loaded; shown as stale until probed again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The probe results could not be saved: %1</source>
        <translation>The probe results could not be saved: %1</translation>
    </message>
    <message>
        <source>Reading captures from %1...</source>
        <translation>Reading captures from %1...</translation>
    </message>
    <message>
        <source>Open capture</source>
        <translation>Open capture</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) read from %1</source>
        <translation>
            <numerusform>%n host read from %1</numerusform>
            <numerusform>%n hosts read from %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Open capture directory</source>
        <translation>Open capture directory</translation>
    </message>
    <message>
        <source>Import inventory</source>
        <translation>Import inventory</translation>
    </message>
    <message>
        <source>Inventories (*.txt *.csv *.ini *.cfg hosts inventory config);;All files (*)</source>
        <translation>Inventories (*.txt *.csv *.ini *.cfg hosts inventory config);;All files (*)</translation>
    </message>
    <message>
        <source>About Layerwatch</source>
        <translation>About Layerwatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Layerwatch %1&lt;/h3&gt;&lt;p&gt;Inspects Docker overlay2 hosts over SSH, read-only: storage driver configuration, kernel support, backing filesystem, d_type, redirect_dir, disk space, and mounts hidden under later mounts (the &quot;covered mount point&quot; failure).&lt;/p&gt;&lt;p&gt;Qt %2, C++17.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Layerwatch %1&lt;/h3&gt;&lt;p&gt;Inspects Docker overlay2 hosts over SSH, read-only: storage driver configuration, kernel support, backing filesystem, d_type, redirect_dir, disk space, and mounts hidden under later mounts (the &quot;covered mount point&quot; failure).&lt;/p&gt;&lt;p&gt;Qt %2, C++17.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>A probe sweep is running. Stop it and quit?</source>
        <translation>A probe sweep is running. Stop it and quit?</translation>
    </message>
    <message>
        <source>&amp;Remediation</source>
        <translation>&amp;Remediation</translation>
    </message>
    <message>
        <source>&amp;Repair...</source>
        <translation>&amp;Repair...</translation>
    </message>
    <message>
        <source>Run a reviewed repair script on the selected hosts, supervised</source>
        <translation>Run a reviewed repair script on the selected hosts, supervised</translation>
    </message>
    <message>
        <source>&amp;Audit log...</source>
        <translation>&amp;Audit log...</translation>
    </message>
    <message>
        <source>&amp;Forget saved secrets</source>
        <translation>&amp;Forget saved secrets</translation>
    </message>
    <message>
        <source>Delete the passphrases and passwords Layerwatch saved in the system keychain</source>
        <translation>Delete the passphrases and passwords Layerwatch saved in the system keychain</translation>
    </message>
    <message>
        <source>Forget saved secrets</source>
        <translation>Forget saved secrets</translation>
    </message>
    <message>
        <source>Could not delete the saved secrets: %1
Secrets typed in this session are still kept in memory.</source>
        <translation>Could not delete the saved secrets: %1
Secrets typed in this session are still kept in memory.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n saved secret(s) from the system keychain.</source>
        <translation>
            <numerusform>Deleted %n saved secret from the system keychain.</numerusform>
            <numerusform>Deleted %n saved secrets from the system keychain.</numerusform>
        </translation>
    </message>
    <message>
        <source>Left the demo.</source>
        <translation>Left the demo.</translation>
    </message>
    <message>
        <source>No hosts yet</source>
        <translation>No hosts yet</translation>
    </message>
    <message>
        <source>Layerwatch connects to your Docker hosts over SSH, runs read-only probes and shows what is wrong with their overlay2 storage - above all, mounts covered by a later mount. Add hosts to start: import an inventory (a plain list, an Ansible INI file or your ~/.ssh/config), add hosts by hand, or open captures saved with layerwatch-cli probe --save. The demo fleet shows what a problem looks like, without connecting anywhere.</source>
        <translation>Layerwatch connects to your Docker hosts over SSH, runs read-only probes and shows what is wrong with their overlay2 storage - above all, mounts covered by a later mount. Add hosts to start: import an inventory (a plain list, an Ansible INI file or your ~/.ssh/config), add hosts by hand, or open captures saved with layerwatch-cli probe --save. The demo fleet shows what a problem looks like, without connecting anywhere.</translation>
    </message>
    <message>
        <source>Import an inventory...</source>
        <translation>Import an inventory...</translation>
    </message>
    <message>
        <source>Add hosts by hand...</source>
        <translation>Add hosts by hand...</translation>
    </message>
    <message>
        <source>Open a capture...</source>
        <translation>Open a capture...</translation>
    </message>
    <message>
        <source>Open the demo fleet</source>
        <translation>Open the demo fleet</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <source>Demo mode: nothing is probed.</source>
        <translation>Demo mode: nothing is probed.</translation>
    </message>
    <message>
        <source>A probe is running: %1 is probed when it is done.</source>
        <translation>A probe is running: %1 is probed when it is done.</translation>
    </message>
    <message>
        <source>not eligible: never probed successfully (%1)</source>
        <translation>not eligible: never probed successfully (%1)</translation>
    </message>
    <message>
        <source>not eligible: its last probe failed (%1); probe it again</source>
        <translation>not eligible: its last probe failed (%1); probe it again</translation>
    </message>
    <message>
        <source>not eligible: a probe of it is under way</source>
        <translation>not eligible: a probe of it is under way</translation>
    </message>
    <message>
        <source>Probe stopped: %1 of %2 host(s) ok, %3 failed, in %4.</source>
        <translation>Probe stopped: %1 of %2 host(s) ok, %3 failed, in %4.</translation>
    </message>
    <message>
        <source>&amp;SSH settings...</source>
        <translation>&amp;SSH settings...</translation>
    </message>
    <message>
        <source>Identity files, the SSH agent, the known_hosts file, ssh_config and the default user</source>
        <translation>Identity files, the SSH agent, the known_hosts file, ssh_config and the default user</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not add these keys to %1:
%2</source>
        <translation>Could not add these keys to %1:
%2</translation>
    </message>
    <message>
        <source>known_hosts: %1</source>
        <translation>known_hosts: %1</translation>
    </message>
    <message>
        <source>Host keys are checked against this file, and keys you approve are added to it. File &gt; SSH settings changes it.</source>
        <translation>Host keys are checked against this file, and keys you approve are added to it. File &gt; SSH settings changes it.</translation>
    </message>
</context>
<context>
    <name>lw::gui::MountGraphView</name>
    <message>
        <source>Mount %1</source>
        <translation>Mount %1</translation>
    </message>
    <message>
        <source>Hidden: this mount is %1 and not reachable at its mount point.</source>
        <translation>Hidden: this mount is %1 and not reachable at its mount point.</translation>
    </message>
    <message>
        <source>overmounted</source>
        <translation>overmounted</translation>
    </message>
    <message>
        <source>shadowed</source>
        <translation>shadowed</translation>
    </message>
    <message>
        <source>Mount ID</source>
        <translation>Mount ID</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>Parent ID</translation>
    </message>
    <message>
        <source>%1 (not in the table)</source>
        <translation>%1 (not in the table)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>Root</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>Mount point</translation>
    </message>
    <message>
        <source>Mount options</source>
        <translation>Mount options</translation>
    </message>
    <message>
        <source>Optional fields</source>
        <translation>Optional fields</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Filesystem type</source>
        <translation>Filesystem type</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Super options</source>
        <translation>Super options</translation>
    </message>
    <message>
        <source>Lower directories</source>
        <translation>Lower directories</translation>
    </message>
    <message>
        <source>Upper directory</source>
        <translation>Upper directory</translation>
    </message>
    <message>
        <source>Work directory</source>
        <translation>Work directory</translation>
    </message>
    <message>
        <source>Layer ID</source>
        <translation>Layer ID</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Covered by</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Raw mountinfo line</source>
        <translation>Raw mountinfo line</translation>
    </message>
    <message>
        <source>covered by #%1</source>
        <translation>covered by #%1</translation>
    </message>
    <message>
        <source>covers</source>
        <translation>covers</translation>
    </message>
    <message>
        <source>Hidden by mount %1 (%2 on %3)</source>
        <translation>Hidden by mount %1 (%2 on %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n sibling mount(s)</source>
        <translation>
            <numerusform>%n sibling mount</numerusform>
            <numerusform>%n sibling mounts</numerusform>
        </translation>
    </message>
    <message>
        <source>Stacked under</source>
        <translation>Stacked under</translation>
    </message>
</context>
<context>
    <name>lw::gui::MountTableModel</name>
    <message>
        <source>Hidden by mount %1 (%2 on %3)</source>
        <translation>Hidden by mount %1 (%2 on %3)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>Mount point</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>Covered by</translation>
    </message>
    <message>
        <source>Layer ID</source>
        <translation>Layer ID</translation>
    </message>
</context>
<context>
    <name>lw::gui::RemediationDialog</name>
    <message>
        <source>restart the containers whose rootfs was covered</source>
        <translation>restart the containers whose rootfs was covered</translation>
    </message>
    <message>
        <source>remove ALL containers</source>
        <translation>remove ALL containers</translation>
    </message>
    <message>
        <source>leave the containers alone</source>
        <translation>leave the containers alone</translation>
    </message>
    <message>
        <source>keep daemon.json, edit /etc/sysconfig/docker-storage</source>
        <translation>keep daemon.json, edit /etc/sysconfig/docker-storage</translation>
    </message>
    <message>
        <source>keep /etc/sysconfig/docker-storage, edit daemon.json</source>
        <translation>keep /etc/sysconfig/docker-storage, edit daemon.json</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Containers afterwards:</source>
        <translation>Containers afterwards:</translation>
    </message>
    <message>
        <source>Setting to keep:</source>
        <translation>Setting to keep:</translation>
    </message>
    <message>
        <source>Also after a reboot:</source>
        <translation>Also after a reboot:</translation>
    </message>
    <message>
        <source>Reboot with containers running:</source>
        <translation>Reboot with containers running:</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risk: %1</translation>
    </message>
    <message>
        <source>Each host&apos;s name is typed on the next page.</source>
        <translation>Each host&apos;s name is typed on the next page.</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>type %1</translation>
    </message>
    <message>
        <source>The typed name does not match the host name %1.</source>
        <translation>The typed name does not match the host name %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Script: %1 (%2)
SHA-256: %3

</source>
        <translation>Script: %1 (%2)
SHA-256: %3

</translation>
    </message>
    <message>
        <source>  Dry run: %1
</source>
        <translation>  Dry run: %1
</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message numerus="yes">
        <source>Cannot be planned (%n host(s)), will not run:
</source>
        <translation>
            <numerusform>Cannot be planned (%n host), will not run:
</numerusform>
            <numerusform>Cannot be planned (%n hosts), will not run:
</numerusform>
        </translation>
    </message>
    <message>
        <source>No host is checked.
</source>
        <translation>No host is checked.
</translation>
    </message>
    <message numerus="yes">
        <source>What will run, host by host, with the values taken from each host&apos;s last probe. %n host(s) can run.</source>
        <translation>
            <numerusform>What will run, host by host, with the values taken from each host&apos;s last probe. %n host can run.</numerusform>
            <numerusform>What will run, host by host, with the values taken from each host&apos;s last probe. %n hosts can run.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reboots are planned one host at a time.</source>
        <translation>Reboots are planned one host at a time.</translation>
    </message>
    <message>
        <source>, exit %1</source>
        <translation>, exit %1</translation>
    </message>
    <message>
        <source>Dry run finished: %1 of %2 host(s) succeeded.</source>
        <translation>Dry run finished: %1 of %2 host(s) succeeded.</translation>
    </message>
    <message>
        <source>Dry run running...</source>
        <translation>Dry run running...</translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation>Script: %1</translation>
    </message>
    <message>
        <source>Hosts that will run: %1 (of %2 checked)</source>
        <translation>Hosts that will run: %1 (of %2 checked)</translation>
    </message>
    <message>
        <source>Rollout: %1 canary host(s) first, then batches of %2; stop after %3 failure(s) or %4 % (0: no limit).</source>
        <translation>Rollout: %1 canary host(s) first, then batches of %2; stop after %3 failure(s) or %4 % (0: no limit).</translation>
    </message>
    <message>
        <source>Approved by: %1</source>
        <translation>Approved by: %1</translation>
    </message>
    <message>
        <source>Type the number of hosts that will run (%1) to approve:</source>
        <translation>Type the number of hosts that will run (%1) to approve:</translation>
    </message>
    <message>
        <source>No host has a valid plan.</source>
        <translation>No host has a valid plan.</translation>
    </message>
    <message>
        <source>Reboots are approved one host at a time: check one host.</source>
        <translation>Reboots are approved one host at a time: check one host.</translation>
    </message>
    <message>
        <source>The Approve button is enabled when the typed number matches.</source>
        <translation>The Approve button is enabled when the typed number matches.</translation>
    </message>
    <message>
        <source>Run the dry run on the preview page first (or uncheck &quot;Dry run first&quot;).</source>
        <translation>Run the dry run on the preview page first (or uncheck &quot;Dry run first&quot;).</translation>
    </message>
    <message>
        <source>1. Script</source>
        <translation>1. Script</translation>
    </message>
    <message>
        <source>2. Hosts and rollout</source>
        <translation>2. Hosts and rollout</translation>
    </message>
    <message>
        <source>3. Plan preview</source>
        <translation>3. Plan preview</translation>
    </message>
    <message>
        <source>4. Approval</source>
        <translation>4. Approval</translation>
    </message>
    <message>
        <source>Repair hosts</source>
        <translation>Repair hosts</translation>
    </message>
    <message>
        <source>&amp;Reviewed scripts (only scripts whose SHA-256 matches the review can be chosen):</source>
        <translation>&amp;Reviewed scripts (only scripts whose SHA-256 matches the review can be chosen):</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameters:</translation>
    </message>
    <message>
        <source>the shared prelude is not the reviewed one</source>
        <translation>the shared prelude is not the reviewed one</translation>
    </message>
    <message>
        <source>%1
    Refused: %2</source>
        <translation>%1
    Refused: %2</translation>
    </message>
    <message>
        <source>Hosts to repair. Checked: the selected hosts that have a finding this script repairs.</source>
        <translation>Hosts to repair. Checked: the selected hosts that have a finding this script repairs.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Type the host name</source>
        <translation>Type the host name</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>The host reboots: type each host&apos;s name to confirm that its workloads were moved away.</source>
        <translation>The host reboots: type each host&apos;s name to confirm that its workloads were moved away.</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>&amp;Canary hosts:</source>
        <translation>&amp;Canary hosts:</translation>
    </message>
    <message>
        <source>Run first, alone; the rest only if they all succeeded.</source>
        <translation>Run first, alone; the rest only if they all succeeded.</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batch size:</translation>
    </message>
    <message>
        <source>Stop after &amp;failures:</source>
        <translation>Stop after &amp;failures:</translation>
    </message>
    <message>
        <source>0: no limit</source>
        <translation>0: no limit</translation>
    </message>
    <message>
        <source>or &amp;percent failed:</source>
        <translation>or &amp;percent failed:</translation>
    </message>
    <message>
        <source>&amp;Dry run first (on the preview page) before approving</source>
        <translation>&amp;Dry run first (on the preview page) before approving</translation>
    </message>
    <message>
        <source>Run &amp;dry run</source>
        <translation>Run &amp;dry run</translation>
    </message>
    <message>
        <source>The scripts print what they would do; nothing is changed.</source>
        <translation>The scripts print what they would do; nothing is changed.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Approve and run</source>
        <translation>&amp;Approve and run</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Demo mode: nothing runs.</source>
        <translation>Demo mode: nothing runs.</translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <source>Hosts: %1</source>
        <translation>Hosts: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>None of the selected hosts can be repaired now: a plan is made from a host&apos;s current state, as its last probe found it.</source>
        <translation>None of the selected hosts can be repaired now: a plan is made from a host&apos;s current state, as its last probe found it.</translation>
    </message>
</context>
<context>
    <name>lw::gui::ReportExportDialog</name>
    <message>
        <source>&amp;Export report...</source>
        <translation>&amp;Export report...</translation>
    </message>
    <message>
        <source>Write the fleet report (summary, charts, every host&apos;s findings) as HTML, CSV or JSON</source>
        <translation>Write the fleet report (summary, charts, every host&apos;s findings) as HTML, CSV or JSON</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelled: nothing was written.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the captures of %n host(s) to %1.</source>
        <translation>
            <numerusform>Wrote the captures of %n host to %1.</numerusform>
            <numerusform>Wrote the captures of %n hosts to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No host has been probed: there is no capture to write.</source>
        <translation>No host has been probed: there is no capture to write.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the report of %n host(s) to %1.</source>
        <translation>
            <numerusform>Wrote the report of %n host to %1.</numerusform>
            <numerusform>Wrote the report of %n hosts to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>HTML with charts</source>
        <translation>HTML with charts</translation>
    </message>
    <message>
        <source>CSV (one row per finding)</source>
        <translation>CSV (one row per finding)</translation>
    </message>
    <message>
        <source>JSON (as layerwatch-cli --json)</source>
        <translation>JSON (as layerwatch-cli --json)</translation>
    </message>
    <message>
        <source>Captures of every probed host (.tar, for a ticket)</source>
        <translation>Captures of every probed host (.tar, for a ticket)</translation>
    </message>
    <message numerus="yes">
        <source>The report covers all %n host(s) of the fleet, in the current language.</source>
        <translation>
            <numerusform>The report covers all %n host of the fleet, in the current language.</numerusform>
            <numerusform>The report covers all %n hosts of the fleet, in the current language.</numerusform>
        </translation>
    </message>
    <message>
        <source>Capture archive (*.tar)</source>
        <translation>Capture archive (*.tar)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Collecting the captures...</source>
        <translation>Collecting the captures...</translation>
    </message>
    <message>
        <source>Rendering the report...</source>
        <translation>Rendering the report...</translation>
    </message>
</context>
<context>
    <name>lw::gui::SshSettingsDialog</name>
    <message>
        <source>Identity files</source>
        <translation>Identity files</translation>
    </message>
    <message>
        <source>known_hosts file</source>
        <translation>known_hosts file</translation>
    </message>
    <message>
        <source>ssh_config file</source>
        <translation>ssh_config file</translation>
    </message>
    <message>
        <source>Host keys are checked against and approved into: %1
Saved in: %2</source>
        <translation>Host keys are checked against and approved into: %1
Saved in: %2</translation>
    </message>
    <message>
        <source>SSH settings</source>
        <translation>SSH settings</translation>
    </message>
    <message>
        <source>How Layerwatch connects to every host. These settings are kept for this data directory; an option given on the command line replaces the kept one and is kept in its turn. An inventory entry&apos;s own user and port win over them.</source>
        <translation>How Layerwatch connects to every host. These settings are kept for this data directory; an option given on the command line replaces the kept one and is kept in its turn. An inventory entry&apos;s own user and port win over them.</translation>
    </message>
    <message>
        <source>Identity files:</source>
        <translation>Identity files:</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Add...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <source>Offer the keys of the SSH &amp;agent first (SSH_AUTH_SOCK)</source>
        <translation>Offer the keys of the SSH &amp;agent first (SSH_AUTH_SOCK)</translation>
    </message>
    <message>
        <source>&amp;known_hosts file:</source>
        <translation>&amp;known_hosts file:</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>ssh_&amp;config file:</source>
        <translation>ssh_&amp;config file:</translation>
    </message>
    <message>
        <source>Read &amp;no ssh_config at all</source>
        <translation>Read &amp;no ssh_config at all</translation>
    </message>
    <message>
        <source>Default &amp;user:</source>
        <translation>Default &amp;user:</translation>
    </message>
    <message>
        <source>from ssh_config, else your local user</source>
        <translation>from ssh_config, else your local user</translation>
    </message>
    <message>
        <source>&amp;Edit %1 in the inventory...</source>
        <translation>&amp;Edit %1 in the inventory...</translation>
    </message>
</context>
</TS>
