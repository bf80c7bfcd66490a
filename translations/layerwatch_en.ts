<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Layerwatch::Cli</name>
    <message>
        <source>Analyzes saved captures (one host&apos;s capture directory, or a directory of them) and reports the findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture directory, or a directory of host captures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the report as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit with status 1 when a finding of at least this severity exists: info, warning or critical (default: critical).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the report: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analyze needs exactly one capture directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid --fail-on value &quot;%1&quot;: use info, warning or critical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyze saved captures and report findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 &lt;command&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;%1 &lt;command&gt; --help&quot; for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; available: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Layerwatch::Core</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the top level must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unsupported capture format %2 (expected %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: collectedAt &quot;%2&quot; is not an ISO-8601 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;probes&quot; must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: invalid probe ID &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry of probe &quot;%2&quot; must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: probe &quot;%2&quot; has an unknown status &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: probe &quot;%2&quot; is marked ok but its file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: file &quot;%2&quot; is not listed in meta.json; taken as ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and is not a capture directory; not overwriting it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary directory in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid probe ID &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the capture into place at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains no capture (no meta.json or probe files, and no host directories with them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of df output is not a filesystem row: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated single quote (opened on line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unterminated double quote (opened on line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json is empty: it must contain a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json must contain a JSON object at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: &quot;storage-driver&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: &quot;data-root&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: &quot;graph&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: &quot;storage-opts&quot; must be an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: expected NAME=value, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dockerd command line is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemctl printed nothing for ExecStart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised ExecStart value: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ExecStart entry without argv[]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ExecStart= line in the systemctl output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info printed nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info did not print JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info output is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info output is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info reported a daemon error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info: unexpected type for &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info output has no &quot;Driver&quot;: is it docker info JSON?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker-storage could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dockerd command line is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ExecStart command line found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info output is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kernel release could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the kernel configuration is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the overlay module parameters could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>df printed no filesystems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo lists no mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad group header: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected key=value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host ranges are not supported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad ansible_host for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad ansible_port for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad ansible_user for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad host alias: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad HostName: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad user name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad user name in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &quot;]&quot; in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad port in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad address in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad host name in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: expected name=value, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: too many fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: too few fields (%2, at least 10 expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: missing the &quot; - &quot; separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: too few fields after the separator (fs type, source and super options expected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: unexpected field after the super options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: mount ID is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: parent ID is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: bad major:minor device number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: empty mount point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mountinfo line %1: empty file system type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output ended inside this probe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output ended inside probe %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1 has no data line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data of probe %1 is not validly encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1: expected the stderr line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stderr of probe %1 is not validly encoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1: expected its END line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1: unreadable END line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle marker is not a hex string of at least 32 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown bundle version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected data outside a probe section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe %1 appears twice; the last one is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected control line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output does not contain the probe bundle&apos;s header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output ended before the bundle&apos;s DONE line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle did not run this probe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle output ended before this probe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount %1 (%2 from %3) at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the remediation manifest %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remediation manifest is not valid JSON: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remediation manifest has an unsupported format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remediation prelude %1 does not match its reviewed hash: no script can run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remediation manifest entry has no valid id or file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script %1 does not match its reviewed SHA-256 (manifest %2, file %3): refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remediation prelude is not the reviewed one: refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter %1 must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mount table of this host is unknown: probe it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No overlay mount is covered on this host: nothing to repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cover is mounted on / itself; Layerwatch will not unmount the root. Use migrate-and-reboot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the graph driver is overlay2 (docker info).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check, then unmount %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restart the containers whose rootfs was covered (%n layer(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove ALL containers (docker rm -f).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart docker (systemctl restart docker).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verify: %n overlay mount(s) visible again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON; fix it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json has no storage-driver: nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep must be daemon-json or sysconfig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS continues over several lines; edit it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS cannot be read safely (%1); edit it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS holds a word Layerwatch will not rewrite (%1); edit it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage sets no storage driver; the flag is elsewhere (the service&apos;s ExecStart?): edit it by hand or keep the flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script is not the reviewed one: refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the host&apos;s name to confirm that its workloads were moved away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the host&apos;s name is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot even if containers still run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop if any container still runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot the host (systemctl reboot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json and /etc/sysconfig/docker-storage must both have been read; probe the host first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that %1 still has SHA-256 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up %1 and replace it with:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart docker; restore the backup if it does not come up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Y to /sys/module/overlay/parameters/redirect_dir and read it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write /etc/modprobe.d/layerwatch-overlay.conf for the next boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layerwatch has no planner for the script %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(collected %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver: configured %1, running %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_type supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_type not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing filesystem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) on %3: %4 free of %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered by mount IDs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remediation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked (missing data): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 has no usable data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 found nothing on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 failed or could not be parsed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 had no permission (needs root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 was not collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe %1 was truncated; hidden mounts may be missing from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no overlay mount is hidden by a later mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no other mount is hidden by a later mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overlay mount(s) (container root filesystems) are hidden by a mount made later at the same path or a parent path, typically %2 mounted again on top of itself. Docker can no longer reach them: &quot;docker rm&quot; fails with &quot;driver overlay2 failed to remove root filesystem ... invalid argument&quot; and lifecycle operations or health checks may report a missing rootfs or executable. The data is not lost and the containers keep running; it is only covered. Fix: unmount the covering mount points from the bottom up, restart or remove the affected containers, then restart docker; or migrate the workloads and reboot the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mount(s) are hidden by a mount made later at the same path or a parent path. Programs on the host see the covering file system instead of them. Check whether the later mount was intended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overlay mount(s) hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mount(s) hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json does not set storage-driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storage driver is set both in /etc/docker/daemon.json and as a dockerd flag (on the command line or through DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage). dockerd refuses to start with &quot;the following directives are specified both as a flag and in the configuration file: storage-driver&quot;, even when both values are the same. Keep the setting in one place only, then restart docker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage-driver is set in daemon.json and as a flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither the dockerd command line nor its ExecStart is known: %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage-driver is set in daemon.json only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the running driver is unknown (%1) and no driver is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker runs with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configured driver is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker is not using (or not configured to use) the overlay2 storage driver. overlay2 is Docker&apos;s default and recommended driver; the checks and repair plans of this tool assume it. Plan a migration to overlay2; changing the driver hides existing images and containers until they are recreated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage driver is not overlay2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel %1 supports overlay2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel %1 is too old for overlay2: it needs a native kernel 4.0 or later (on RHEL/CentOS 7, 3.10.0-514 or later). Docker may refuse the driver or containers may misbehave. Upgrade the kernel before using overlay2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernel %1 is older than 4.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlay parameter %1 is enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlay parameter %1 is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is enabled in the kernel configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the kernel configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no overlay parameter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not enabled in the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overlay redirect_dir feature is off. Renaming a directory inside a container works only when both source and target are in the upper layer; otherwise rename(2) fails with EXDEV (&quot;Invalid cross-device link&quot;), which breaks programs that move directories. Kernel 4.10 added redirect_dir (CONFIG_OVERLAY_FS_REDIRECT_DIR); enable it by setting /sys/module/overlay/parameters/redirect_dir to Y.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overlay index feature is off. When a file with several hard links in a lower layer is written, copy-up breaks the hard links: the other names keep the old content. Kernel 4.13 added the index feature (CONFIG_OVERLAY_FS_INDEX), but it is not forward compatible and cannot be enabled on a running system (no hot upgrade); decide on it when planning the node, not as a quick fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backing filesystem is unknown: %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backing filesystem is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backing filesystem is xfs, but whether it supports d_type is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backing filesystem is xfs with d_type (ftype=1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The docker root is on %1. overlay2 is meant to run on ext4 (reported by Docker as &quot;extfs&quot;), or on xfs formatted with ftype=1 so that it supports d_type. On other filesystems overlay2 may be unsupported or behave incorrectly. Move the docker root to an ext4 filesystem (or xfs with ftype=1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without d_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backing filesystem %1 is not recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>docker info does not report &quot;Supports d_type&quot; (driver %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backing filesystem supports d_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filesystem under the docker root does not support d_type (typically xfs formatted with ftype=0). overlay2 needs d_type: without it files can vanish or appear wrongly in containers, and newer Docker versions refuse to start with overlay2. Reformat the filesystem with ftype=1 (mkfs.xfs -n ftype=1) or move the docker root to ext4; existing images must be pulled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_type is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>df lists no filesystem holding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 is free on %2, the filesystem holding the docker root %3. With overlay2, the first write to a file of an image copies the whole file to the container&apos;s upper layer, even for a one-byte change; if the file is larger than the free space the write fails (&quot;no space left on device&quot;). Free space (docker system prune, remove unused images) or grow the filesystem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 free on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container root filesystems are hidden by a later mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts are hidden by a later mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver is set both as a dockerd flag and in daemon.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver is not overlay2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel is too old for overlay2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay redirect_dir is disabled: renaming directories fails with EXDEV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay index is disabled: hard links break on copy-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing filesystem is not recommended for overlay2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing filesystem does not support d_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low free space: copy-up of large files will fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no Layerwatch schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the snapshot database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot database %1 cannot be used and cannot be renamed aside; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot database %1 was written by a newer Layerwatch (schema %2, this version reads %3). It was kept as %4 and a new database was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot database %1 is damaged (%2). It was kept as %3 and a new database was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the new database failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the sweep to the snapshot database failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Layerwatch::Ssh</name>
    <message>
        <source>Cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to write a malformed host key entry for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create an SSH session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid host name or user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot parse the SSH configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to %1 timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unreachable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent no host key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the server&apos;s host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot hash the server&apos;s host key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not known (%2 %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED (now %2 %3); refusing to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is REVOKED (%2 %3); refusing to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication with %1 failed: no method was accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open a channel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused to run the command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot poll the SSH session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command timed out after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the channel without an exit status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::gui::DiskChartWidget</name>
    <message>
        <source>GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root %1 is on %2 (%3, mounted on %4): %5 of %6 used (%7%), %8 free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No disk usage collected for this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filesystem holding the docker root %1 is not in the df output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk usage per filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [docker root]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root usage over past probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage history yet: it grows with every probe of this host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::gui::FleetChartsWidget</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over the %1% threshold</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without known usage</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>chart shows the %1 fullest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root usage per host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts per finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::gui::FleetModel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not probed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST KEY CHANGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok (stale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>none (%n check(s) unknown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (+%3 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: last probed %1 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overlay2 needs a native kernel 4.0 or later (or RHEL/CentOS 7 3.10.0-514 or later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storage driver is set in more than one place: %1. dockerd refuses to start when it is given both as a flag and in daemon.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) hidden under a later mount: not reachable from the host</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 used, %3 available, %4 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) could not be decided (missing probe data)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver (configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing FS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect_dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>storage-driver as set in daemon.json, dockerd&apos;s flags or /etc/sysconfig/docker-storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage Driver reported by docker info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filesystem under the docker root (ext4 recommended; xfs only with ftype=1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supports d_type, from docker info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/sys/module/overlay/parameters/redirect_dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts hidden (covered) by a later mount, from /proc/self/mountinfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage of the filesystem holding the docker root</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::gui::HostDetailWidget</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the mounts under the docker root, the mounts covering them and their parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden mounts only (table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+ or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (- or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole graph into the view (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a host to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a mount to see its mountinfo line decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount table unknown: the mountinfo probe did not succeed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output truncated by the probe&apos;s size cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (probe %1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1=y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1=m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(too old for overlay2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dockerd&apos;s command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the systemd unit&apos;s ExecStart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set anywhere (dockerd chooses its default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set in more than one place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Docker %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supports d_type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (docker info unreadable: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect_dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 used (%3%), %4 free on %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker root</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No problem found, but %n check(s) could not run (see below).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Affected mounts (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended repair:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (manual review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::gui::MountGraphView</name>
    <message>
        <source>Mount %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden: this mount is %1 and not reachable at its mount point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overmounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shadowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not in the table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filesystem type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Super options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower directories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upper directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw mountinfo line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covered by #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden by mount %1 (%2 on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sibling mount(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lw::gui::MountTableModel</name>
    <message>
        <source>visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overmounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shadowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden by mount %1 (%2 on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
