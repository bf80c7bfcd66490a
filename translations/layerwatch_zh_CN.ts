<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Layerwatch::App</name>
    <message>
        <source>Layerwatch console: inspects Docker overlay2 hosts over SSH.</source>
        <translation>Layerwatch 控制台：通过 SSH 检查使用 overlay2 的 Docker 主机。</translation>
    </message>
    <message>
        <source>User interface language (zh_CN or en).</source>
        <translation>界面语言（zh_CN 或 en）。</translation>
    </message>
    <message>
        <source>Show the demo fleet (shipped captures; no network, nothing stored).</source>
        <translation>显示演示主机群（随附的采集数据；不联网，不保存任何内容）。</translation>
    </message>
    <message>
        <source>Import hosts from an inventory file (plain list, Ansible INI, ssh config).</source>
        <translation>从主机清单文件（纯文本列表、Ansible INI、ssh config）导入主机。</translation>
    </message>
    <message>
        <source>Keep the inventory, snapshot history and settings in this directory.</source>
        <translation>将主机清单、快照历史和设置保存在此目录中。</translation>
    </message>
    <message>
        <source>Probe every host right after start.</source>
        <translation>启动后立即探测所有主机。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Unknown language %1; available: %2</source>
        <translation>未知语言 %1；可用语言：%2</translation>
    </message>
    <message>
        <source>Cannot read the inventory %1</source>
        <translation>无法读取主机清单 %1</translation>
    </message>
    <message>
        <source>Private key file for SSH (repeatable; default: the agent and ~/.ssh).</source>
        <translation>SSH 私钥文件（可重复指定；默认使用 agent 和 ~/.ssh）。</translation>
    </message>
    <message>
        <source>known_hosts file to use instead of ~/.ssh/known_hosts.</source>
        <translation>代替 ~/.ssh/known_hosts 使用的 known_hosts 文件。</translation>
    </message>
    <message>
        <source>ssh config file to read instead of ~/.ssh/config, or none.</source>
        <translation>代替 ~/.ssh/config 读取的 ssh 配置文件，或 none（不读取）。</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（编译时为 %2）</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Cli</name>
    <message>
        <source>Analyzes saved captures (one host&apos;s capture directory, or a directory of them) and reports the findings.</source>
        <translation>分析已保存的采集结果（单台主机的采集目录，或包含多台主机采集目录的目录），并报告发现的问题。</translation>
    </message>
    <message>
        <source>Capture directory, or a directory of host captures.</source>
        <translation>采集目录，或包含多台主机采集目录的目录。</translation>
    </message>
    <message>
        <source>Print the report as JSON.</source>
        <translation>以 JSON 格式输出报告。</translation>
    </message>
    <message>
        <source>Exit with status 1 when a finding of at least this severity exists: info, warning or critical (default: critical).</source>
        <translation>存在不低于该严重级别的问题时以状态 1 退出：info、warning 或 critical（默认：critical）。</translation>
    </message>
    <message>
        <source>Language of the report: zh_CN or en.</source>
        <translation>报告语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>analyze needs exactly one capture directory.</source>
        <translation>analyze 需要且只需要一个采集目录。</translation>
    </message>
    <message>
        <source>Invalid --fail-on value &quot;%1&quot;: use info, warning or critical.</source>
        <translation>--fail-on 的值“%1”无效：请使用 info、warning 或 critical。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Analyze saved captures and report findings</source>
        <translation>分析已保存的采集结果并报告问题</translation>
    </message>
    <message>
        <source>Usage: %1 &lt;command&gt; [options]</source>
        <translation>用法：%1 &lt;命令&gt; [选项]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &quot;%1 &lt;command&gt; --help&quot; for the options of a command.</source>
        <translation>运行“%1 &lt;命令&gt; --help”查看命令的选项。</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; available: %2</source>
        <translation>未知语言“%1”；可用语言：%2</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Hosts to probe: one host a line ([user@]host[:port] [tag ...]), an Ansible INI inventory or an ssh config.</source>
        <translation>要探测的主机：每行一台主机（[user@]host[:port] [标签 ...]）、Ansible INI 清单或 ssh config 文件。</translation>
    </message>
    <message>
        <source>auto, simple, ansible or ssh-config (default: auto).</source>
        <translation>auto、simple、ansible 或 ssh-config（默认：auto）。</translation>
    </message>
    <message>
        <source>Private key to try (repeatable).</source>
        <translation>要尝试的私钥（可重复指定）。</translation>
    </message>
    <message>
        <source>known_hosts file (default: ~/.ssh/known_hosts).</source>
        <translation>known_hosts 文件（默认：~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <source>User for hosts that name none.</source>
        <translation>未指定用户的主机所使用的用户。</translation>
    </message>
    <message>
        <source>Hosts probed at the same time (default: 32).</source>
        <translation>同时探测的主机数（默认：32）。</translation>
    </message>
    <message>
        <source>Seconds to connect and log in (default: 10).</source>
        <translation>连接并登录的超时秒数（默认：10）。</translation>
    </message>
    <message>
        <source>Seconds for the whole bundle (default: 60).</source>
        <translation>整个探测脚本包的超时秒数（默认：60）。</translation>
    </message>
    <message>
        <source>Also write each host&apos;s capture to DIR/&lt;host&gt;/ (read by analyze).</source>
        <translation>同时把每台主机的采集结果写入 DIR/&lt;主机&gt;/（供 analyze 读取）。</translation>
    </message>
    <message>
        <source>ssh config file, or &quot;none&quot; (default: ~/.ssh/config).</source>
        <translation>ssh config 文件，或“none”（默认：~/.ssh/config）。</translation>
    </message>
    <message>
        <source>Non-root users: read root-only probes through &quot;sudo -n&quot;.</source>
        <translation>非 root 用户：通过“sudo -n”读取需要 root 权限的探测项。</translation>
    </message>
    <message>
        <source>probe needs --inventory FILE and no other arguments.</source>
        <translation>probe 需要 --inventory 文件，且不接受其他参数。</translation>
    </message>
    <message>
        <source>Invalid --concurrency &quot;%1&quot;: use 1 to 1024.</source>
        <translation>--concurrency 的值“%1”无效：请使用 1 到 1024。</translation>
    </message>
    <message>
        <source>Invalid --repeat &quot;%1&quot;.</source>
        <translation>--repeat 的值“%1”无效。</translation>
    </message>
    <message>
        <source>Invalid timeout: give seconds greater than 0.</source>
        <translation>超时无效：请给出大于 0 的秒数。</translation>
    </message>
    <message>
        <source>Invalid --inventory-format &quot;%1&quot;.</source>
        <translation>--inventory-format 的值“%1”无效。</translation>
    </message>
    <message>
        <source>Cannot read the inventory %1: %2</source>
        <translation>无法读取主机清单 %1：%2</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>The inventory %1 names no host.</source>
        <translation>主机清单 %1 中没有任何主机。</translation>
    </message>
    <message>
        <source>probed %1/%2 hosts, %3 failed</source>
        <translation>已探测 %1/%2 台主机，%3 台失败</translation>
    </message>
    <message>
        <source>Cannot save the capture of %1 to %2: %3</source>
        <translation>无法将 %1 的采集结果保存到 %2：%3</translation>
    </message>
    <message>
        <source>Probe hosts over SSH (read-only) and report findings</source>
        <translation>通过 SSH（只读）探测主机并报告问题</translation>
    </message>
    <message>
        <source>Plans a reviewed repair script for every host of an inventory from the hosts&apos; own probe results (probed first, read-only) and prints the plan. Only with --yes does it run the script, as a supervised batch: the canary host(s) first, then batches, stopping at the failure limit; each host is re-probed afterwards to verify the finding is gone. Every step is written to the audit log. Ctrl-C cancels: running scripts are ended on their hosts, the rest is skipped.

Exit status: 0 every host verified (or, without --yes, the plan was printed); 1 some host failed, was not fixed, refused, skipped or cancelled; 2 errors (options, a script that is not the reviewed one, a missing approval, hosts that could not be probed, an unknown outcome).</source>
        <translation>根据主机清单中每台主机自身的探测结果（先以只读方式探测）规划一个审核过的修复脚本，并打印该计划。只有加上 --yes 才会执行脚本，并作为受监督的批次执行：先执行金丝雀主机，再分批执行，达到失败上限即停止；每台主机执行后都会重新探测，以验证问题已消除。每一步都会写入审计日志。按 Ctrl-C 取消：正在运行的脚本会在其主机上被终止，其余主机跳过。

退出状态：0 表示所有主机均已验证（或未加 --yes 时已打印计划）；1 表示有主机失败、未修复、被拒绝、被跳过或被取消；2 表示出错（选项错误、脚本不是审核过的版本、缺少批准、有主机无法探测、结果未知）。</translation>
    </message>
    <message>
        <source>The repair script&apos;s ID.</source>
        <translation>修复脚本的 ID。</translation>
    </message>
    <message>
        <source>Hosts, as for probe.</source>
        <translation>主机，与 probe 相同。</translation>
    </message>
    <message>
        <source>Hosts run first, alone (default: 1).</source>
        <translation>首先单独执行的主机数（默认：1）。</translation>
    </message>
    <message>
        <source>Hosts run at the same time after the canary (default: 5).</source>
        <translation>金丝雀之后同时执行的主机数（默认：5）。</translation>
    </message>
    <message>
        <source>Stop after this many failed hosts (default: 1).</source>
        <translation>失败主机达到此数量后停止（默认：1）。</translation>
    </message>
    <message>
        <source>Stop when this percentage of the hosts failed (default: no limit).</source>
        <translation>失败主机达到此百分比时停止（默认：不限）。</translation>
    </message>
    <message>
        <source>Run the script in dry-run mode on each host: it prints what it would do and changes nothing.</source>
        <translation>在每台主机上以演练模式运行脚本：只打印将要执行的操作，不做任何改动。</translation>
    </message>
    <message>
        <source>Run the batch (approval).</source>
        <translation>执行该批次（即批准）。</translation>
    </message>
    <message>
        <source>With --yes and more than 3 hosts to change: their number, as a typed confirmation.</source>
        <translation>使用 --yes 且要改动的主机超过 3 台时：输入其数量作为确认。</translation>
    </message>
    <message>
        <source>An operator parameter of the script (repeatable).</source>
        <translation>脚本的一个操作员参数（可重复指定）。</translation>
    </message>
    <message>
        <source>Audit log file (default: %1).</source>
        <translation>审计日志文件（默认：%1）。</translation>
    </message>
    <message>
        <source>Seconds a script may run on a host, at most the manifest&apos;s (default: the manifest&apos;s).</source>
        <translation>脚本在一台主机上允许运行的秒数，不超过清单中的值（默认：清单中的值）。</translation>
    </message>
    <message>
        <source>Print the plans and results as JSON (live output on stderr).</source>
        <translation>以 JSON 格式打印计划和结果（实时输出写到 stderr）。</translation>
    </message>
    <message>
        <source>Language: zh_CN or en.</source>
        <translation>语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>remediate needs --script ID and --inventory FILE and no other arguments.</source>
        <translation>remediate 需要 --script ID 和 --inventory 文件，且不接受其他参数。</translation>
    </message>
    <message>
        <source>Invalid --canary, --batch-size, --max-failures or --connect-timeout: give a whole number in range.</source>
        <translation>--canary、--batch-size、--max-failures 或 --connect-timeout 无效：请给出范围内的整数。</translation>
    </message>
    <message>
        <source>Invalid --max-failure-percent: use 0 to 100.</source>
        <translation>--max-failure-percent 无效：请使用 0 到 100。</translation>
    </message>
    <message>
        <source>Invalid --timeout: give seconds.</source>
        <translation>--timeout 无效：请给出秒数。</translation>
    </message>
    <message>
        <source>Unknown script &quot;%1&quot;; available: %2</source>
        <translation>未知脚本“%1”；可用脚本：%2</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a parameter the operator sets for %2.</source>
        <translation>“%1”不是操作员可为 %2 设置的参数。</translation>
    </message>
    <message>
        <source>The inventory must name hosts and have no errors.</source>
        <translation>主机清单必须列出主机且没有错误。</translation>
    </message>
    <message>
        <source>%1: not probed (%2): %3</source>
        <translation>%1：未探测（%2）：%3</translation>
    </message>
    <message>
        <source>%1: probe incomplete (%2): %3</source>
        <translation>%1：探测不完整（%2）：%3</translation>
    </message>
    <message>
        <source>Script %1 (%2), SHA-256 %3</source>
        <translation>脚本 %1（%2），SHA-256 %3</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>风险：%1</translation>
    </message>
    <message>
        <source>no plan: %1</source>
        <translation>无计划：%1</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>%1 of %2 host(s) have a plan; plan digest %3.</source>
        <translation>%2 台主机中有 %1 台有计划；计划摘要 %3。</translation>
    </message>
    <message>
        <source>Nothing was changed. Add --dry-run to see each host&apos;s dry run, --yes to run it.</source>
        <translation>未做任何改动。加上 --dry-run 查看每台主机的演练结果，加上 --yes 执行。</translation>
    </message>
    <message>
        <source>No host has a valid plan: nothing to run.</source>
        <translation>没有主机有有效的计划：无可执行内容。</translation>
    </message>
    <message>
        <source>Invalid --confirm-hosts.</source>
        <translation>--confirm-hosts 无效。</translation>
    </message>
    <message>
        <source>This changes %1 hosts: confirm with --confirm-hosts %1.</source>
        <translation>这会改动 %1 台主机：请用 --confirm-hosts %1 确认。</translation>
    </message>
    <message>
        <source>Audit log: %1</source>
        <translation>审计日志：%1</translation>
    </message>
    <message>
        <source>Interrupted: cancelling; running scripts are being ended on their hosts.</source>
        <translation>已中断：正在取消；正在终止各主机上运行中的脚本。</translation>
    </message>
    <message>
        <source>Summary (batch %1):</source>
        <translation>汇总（批次 %1）：</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>未探测</translation>
    </message>
    <message>
        <source>The batch was cancelled.</source>
        <translation>该批次已被取消。</translation>
    </message>
    <message>
        <source>The canary did not succeed: the other hosts were skipped.</source>
        <translation>金丝雀主机未成功：其他主机已跳过。</translation>
    </message>
    <message>
        <source>The batch stopped at its failure limit.</source>
        <translation>该批次在达到失败上限时停止。</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>演练：未做任何改动。</translation>
    </message>
    <message>
        <source>Plan a reviewed repair script per host and, with --yes, run it as a supervised batch</source>
        <translation>为每台主机规划审核过的修复脚本，并在加上 --yes 时作为受监督的批次执行</translation>
    </message>
    <message>
        <source>Interrupted while probing: nothing was changed.</source>
        <translation>探测时被中断：未做任何改动。</translation>
    </message>
    <message>
        <source>Also print the SSH layer&apos;s diagnostics on stderr.</source>
        <translation>同时在 stderr 上打印 SSH 层的诊断信息。</translation>
    </message>
    <message>
        <source>Cannot write the report to the standard output: %1
</source>
        <translation>无法将报告写入标准输出：%1
</translation>
    </message>
    <message>
        <source>A capture directory, a directory of host captures, a capture archive (layerwatch-cli archive) or the results of the probe playbook.</source>
        <translation>一个采集目录、一个包含多台主机采集的目录、一个采集归档（layerwatch-cli archive）或探测 playbook 的结果。</translation>
    </message>
    <message>
        <source>Writes saved captures (one host&apos;s capture, a directory of them, or the probe playbook&apos;s results) as one tar archive, to attach to a ticket; &quot;layerwatch-cli analyze FILE&quot; reads it on any machine.</source>
        <translation>把保存的采集（一台主机的采集、多台主机采集的目录或探测 playbook 的结果）写成一个 tar 归档，用于附在工单上；在任何机器上都可以用“layerwatch-cli analyze 文件”读取。</translation>
    </message>
    <message>
        <source>The archive to write (.tar).</source>
        <translation>要写入的归档（.tar）。</translation>
    </message>
    <message>
        <source>archive needs one capture directory and --output FILE.</source>
        <translation>archive 需要一个采集目录和 --output 文件。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n host(s) to %1.</source>
        <translation>
            <numerusform>已把 %n 台主机写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Write saved captures as one archive for a ticket</source>
        <translation>把保存的采集写成一个归档，用于工单</translation>
    </message>
    <message>
        <source>Report format: text, json, html (with charts) or csv (default: text).</source>
        <translation>报告格式：text、json、html（含图表）或 csv（默认：text）。</translation>
    </message>
    <message>
        <source>Write the report to this file instead of the standard output.</source>
        <translation>把报告写入此文件，而不是标准输出。</translation>
    </message>
    <message>
        <source>Invalid --format &quot;%1&quot;: use text, json, html or csv.</source>
        <translation>无效的 --format“%1”：请使用 text、json、html 或 csv。</translation>
    </message>
    <message>
        <source>Cannot write the report to %1: %2</source>
        <translation>无法把报告写入 %1：%2</translation>
    </message>
    <message>
        <source>Writes an Ansible playbook that runs the read-only probe bundle on every host and saves each host&apos;s output; &quot;layerwatch-cli analyze DIR/results&quot; reads them back.</source>
        <translation>生成一个 Ansible playbook：在每台主机上运行只读探测包并保存每台主机的输出；用“layerwatch-cli analyze 目录/results”读回。</translation>
    </message>
    <message>
        <source>Directory to write the playbook into.</source>
        <translation>写入 playbook 的目录。</translation>
    </message>
    <message>
        <source>playbook probe needs --output DIR and no other arguments.</source>
        <translation>playbook probe 需要 --output 目录，且不接受其他参数。</translation>
    </message>
    <message>
        <source>Wrote %1/probe.yml. Run: ansible-playbook -i INVENTORY %1/probe.yml, then: layerwatch-cli analyze %1/results</source>
        <translation>已写入 %1/probe.yml。运行：ansible-playbook -i 清单 %1/probe.yml，然后：layerwatch-cli analyze %1/results</translation>
    </message>
    <message>
        <source>Writes an Ansible playbook that runs a reviewed repair script on the hosts of saved captures: the same script bytes, checked against the reviewed SHA-256 on each host before it runs, each host&apos;s parameters planned from its capture (host variables), the canary hosts first and then batches (serial, max_fail_percentage) as remediate&apos;s options say. Hosts without a valid plan are left out and named.</source>
        <translation>生成一个 Ansible playbook，在保存的采集所对应的主机上运行一个审核过的修复脚本：脚本字节完全相同，运行前在每台主机上按审核过的 SHA-256 校验；每台主机的参数根据它自己的采集规划（主机变量）；先运行金丝雀主机，再按 remediate 的选项分批（serial、max_fail_percentage）。没有有效计划的主机不包含在内，并会列出。</translation>
    </message>
    <message>
        <source>Saved captures to plan from (probe --save, or the probe playbook&apos;s results).</source>
        <translation>用于规划的已保存采集（probe --save 的结果，或探测 playbook 的结果）。</translation>
    </message>
    <message>
        <source>playbook repair needs --script ID, --captures DIR and --output DIR.</source>
        <translation>playbook repair 需要 --script ID、--captures 目录和 --output 目录。</translation>
    </message>
    <message>
        <source>Invalid --canary, --batch-size or --max-failures: give a whole number in range.</source>
        <translation>无效的 --canary、--batch-size 或 --max-failures：请给出范围内的整数。</translation>
    </message>
    <message>
        <source>%1: no plan: %2</source>
        <translation>%1：没有计划：%2</translation>
    </message>
    <message>
        <source>Wrote %1/repair.yml for %2 of %3 host(s). Run: ansible-playbook -i INVENTORY %1/repair.yml</source>
        <translation>已为 %3 台主机中的 %2 台写入 %1/repair.yml。运行：ansible-playbook -i 清单 %1/repair.yml</translation>
    </message>
    <message>
        <source>Usage: %1 probe --output DIR
       %1 repair --script ID --captures DIR --output DIR [options]
Run &quot;%1 probe --help&quot; or &quot;%1 repair --help&quot; for the options.</source>
        <translation>用法：%1 probe --output 目录
      %1 repair --script ID --captures 目录 --output 目录 [选项]
运行“%1 probe --help”或“%1 repair --help”查看选项。</translation>
    </message>
    <message>
        <source>Export the probes or a reviewed repair as an Ansible playbook</source>
        <translation>把探测或审核过的修复导出为 Ansible playbook</translation>
    </message>
    <message>
        <source>The host key %1 %2 is REVOKED (@revoked in %3 or the global known_hosts): the host presents a key that must not be trusted. Do not connect; find out why this key is still in use and replace it on the host.</source>
        <translation>主机密钥 %1 %2 已被吊销（%3 或全局 known_hosts 中标记为 @revoked）：该主机出示的密钥不可信任。请勿连接；查明此密钥为何仍在使用，并在主机上更换它。</translation>
    </message>
    <message>
        <source>Unknown host key %1 %2. Compare this fingerprint with the one the host shows (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console); only if they match, add this line to %3: %4</source>
        <translation>未知的主机密钥 %1 %2。请将此指纹与主机显示的指纹比对（在其控制台上运行 ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）；仅当两者一致时，才将下面这一行加入 %3：%4</translation>
    </message>
    <message>
        <source>Probes every host of an inventory over SSH with the read-only probe bundle (one channel, one round trip per host) and reports the findings like analyze.

Exit status: 0 no finding at or above --fail-on and every host probed; 1 such a finding on some host; 2 a host could not be probed (unreachable, auth-failed, host-key-unknown, host-key-changed, host-key-revoked, timeout, error), the inventory had errors, or the options were wrong. 2 wins over 1.</source>
        <translation>通过 SSH 用只读探测包探测清单中的每台主机（每台主机一个通道、一次往返），并像 analyze 一样报告发现。

退出状态：0 表示没有达到或高于 --fail-on 的发现且每台主机都已探测；1 表示某台主机有这样的发现；2 表示有主机无法探测（unreachable、auth-failed、host-key-unknown、host-key-changed、host-key-revoked、timeout、error）、清单有错误或选项有误。2 优先于 1。</translation>
    </message>
    <message>
        <source>Directory of the reviewed scripts and manifest.json (default: the built-in copy). It runs only if its manifest is the built-in one or its SHA-256 is in the trusted-catalogs list.</source>
        <translation>已审核脚本及 manifest.json 所在目录（默认：内置副本）。只有当其 manifest 与内置的相同，或其 SHA-256 在受信任目录列表中时才会运行。</translation>
    </message>
    <message>
        <source>The admin&apos;s list of approved catalogs for --catalog (default: %1).</source>
        <translation>管理员为 --catalog 批准的目录列表（默认：%1）。</translation>
    </message>
    <message>
        <source>(none readable)</source>
        <translation>（无可读条目）</translation>
    </message>
    <message>
        <source>The host key CHANGED: known_hosts holds %5, the server now presents %1 %2. This can be an attack. If the change is expected (the host was reinstalled), remove the old entry from %3 (%4) and add the new one after checking it.</source>
        <translation>主机密钥已变更：known_hosts 中记录的是 %5，服务器现在出示的是 %1 %2。这可能是攻击。如果变更在预期之中（主机已重装），请从 %3 中删除旧条目（%4），并在核对新密钥后再添加。</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Core</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a directory</source>
        <translation>%1 不是目录</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2: %3)</source>
        <translation>%1 不是有效的 JSON（第 %2 字节：%3）</translation>
    </message>
    <message>
        <source>%1: the top level must be a JSON object</source>
        <translation>%1：顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: unsupported capture format %2 (expected %3)</source>
        <translation>%1：不支持的采集格式 %2（应为 %3）</translation>
    </message>
    <message>
        <source>%1: collectedAt &quot;%2&quot; is not an ISO-8601 time</source>
        <translation>%1：collectedAt“%2”不是 ISO-8601 时间</translation>
    </message>
    <message>
        <source>%1: &quot;probes&quot; must be a JSON object</source>
        <translation>%1：“probes”必须是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: invalid probe ID &quot;%2&quot;</source>
        <translation>%1：无效的探测项 ID“%2”</translation>
    </message>
    <message>
        <source>%1: the entry of probe &quot;%2&quot; must be a JSON object</source>
        <translation>%1：探测项“%2”的条目必须是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: probe &quot;%2&quot; has an unknown status &quot;%3&quot;</source>
        <translation>%1：探测项“%2”的状态“%3”未知</translation>
    </message>
    <message>
        <source>%1: probe &quot;%2&quot; is marked ok but its file is missing</source>
        <translation>%1：探测项“%2”标记为 ok，但其文件缺失</translation>
    </message>
    <message>
        <source>%1: file &quot;%2&quot; is not listed in meta.json; taken as ok</source>
        <translation>%1：文件“%2”未在 meta.json 中列出；按 ok 处理</translation>
    </message>
    <message>
        <source>%1 exists and is not a directory</source>
        <translation>%1 已存在且不是目录</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot create a temporary directory in %1: %2</source>
        <translation>无法在 %1 中创建临时目录：%2</translation>
    </message>
    <message>
        <source>invalid probe ID &quot;%1&quot;</source>
        <translation>无效的探测项 ID“%1”</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
    <message>
        <source>cannot move the capture into place at %1</source>
        <translation>无法把采集结果移动到 %1</translation>
    </message>
    <message>
        <source>%1 contains no capture (no meta.json or probe files, and no host directories with them)</source>
        <translation>%1 中没有采集结果（既没有 meta.json 或探测项文件，也没有包含它们的主机目录）</translation>
    </message>
    <message>
        <source>Line %1 of df output is not a filesystem row: &quot;%2&quot;</source>
        <translation>df 输出的第 %1 行不是文件系统行：“%2”</translation>
    </message>
    <message>
        <source>Unterminated single quote (opened on line %1)</source>
        <translation>单引号未闭合（始于第 %1 行）</translation>
    </message>
    <message>
        <source>Unterminated double quote (opened on line %1)</source>
        <translation>双引号未闭合（始于第 %1 行）</translation>
    </message>
    <message>
        <source>daemon.json is empty: it must contain a JSON object</source>
        <translation>daemon.json 为空：它必须包含一个 JSON 对象</translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON: %1</source>
        <translation>daemon.json 不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>daemon.json must contain a JSON object at the top level</source>
        <translation>daemon.json 的顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>daemon.json: &quot;storage-driver&quot; must be a string</source>
        <translation>daemon.json：“storage-driver”必须是字符串</translation>
    </message>
    <message>
        <source>daemon.json: &quot;data-root&quot; must be a string</source>
        <translation>daemon.json：“data-root”必须是字符串</translation>
    </message>
    <message>
        <source>daemon.json: &quot;graph&quot; must be a string</source>
        <translation>daemon.json：“graph”必须是字符串</translation>
    </message>
    <message>
        <source>daemon.json: &quot;storage-opts&quot; must be an array of strings</source>
        <translation>daemon.json：“storage-opts”必须是字符串数组</translation>
    </message>
    <message>
        <source>Line %1: expected NAME=value, found &quot;%2&quot;</source>
        <translation>第 %1 行：应为 NAME=value，实际为“%2”</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS: %1</source>
        <translation>DOCKER_STORAGE_OPTIONS：%1</translation>
    </message>
    <message>
        <source>The dockerd command line is empty</source>
        <translation>dockerd 命令行为空</translation>
    </message>
    <message>
        <source>systemctl printed nothing for ExecStart</source>
        <translation>systemctl 没有输出 ExecStart</translation>
    </message>
    <message>
        <source>Unrecognised ExecStart value: &quot;%1&quot;</source>
        <translation>无法识别的 ExecStart 值：“%1”</translation>
    </message>
    <message>
        <source>ExecStart entry without argv[]</source>
        <translation>ExecStart 条目中没有 argv[]</translation>
    </message>
    <message>
        <source>No ExecStart= line in the systemctl output</source>
        <translation>systemctl 输出中没有 ExecStart= 行</translation>
    </message>
    <message>
        <source>docker info printed nothing</source>
        <translation>docker info 没有任何输出</translation>
    </message>
    <message>
        <source>docker info did not print JSON: %1</source>
        <translation>docker info 输出的不是 JSON：%1</translation>
    </message>
    <message>
        <source>docker info output is not valid JSON: %1</source>
        <translation>docker info 的输出不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>docker info output is not a JSON object</source>
        <translation>docker info 的输出不是 JSON 对象</translation>
    </message>
    <message>
        <source>docker info reported a daemon error: %1</source>
        <translation>docker info 报告了守护进程错误：%1</translation>
    </message>
    <message>
        <source>docker info: unexpected type for &quot;%1&quot;</source>
        <translation>docker info：“%1”的类型不符合预期</translation>
    </message>
    <message>
        <source>docker info output has no &quot;Driver&quot;: is it docker info JSON?</source>
        <translation>docker info 的输出中没有“Driver”：这是 docker info 的 JSON 吗？</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON</source>
        <translation>daemon.json 不是有效的 JSON</translation>
    </message>
    <message>
        <source>docker-storage could not be read</source>
        <translation>无法读取 docker-storage</translation>
    </message>
    <message>
        <source>the dockerd command line is empty</source>
        <translation>dockerd 命令行为空</translation>
    </message>
    <message>
        <source>no ExecStart command line found</source>
        <translation>未找到 ExecStart 命令行</translation>
    </message>
    <message>
        <source>docker info output is not valid JSON</source>
        <translation>docker info 的输出不是有效的 JSON</translation>
    </message>
    <message>
        <source>the kernel release could not be read</source>
        <translation>无法读取内核版本</translation>
    </message>
    <message>
        <source>the kernel configuration is empty</source>
        <translation>内核配置为空</translation>
    </message>
    <message>
        <source>the overlay module parameters could not be read</source>
        <translation>无法读取 overlay 模块参数</translation>
    </message>
    <message>
        <source>df printed no filesystems</source>
        <translation>df 没有列出任何文件系统</translation>
    </message>
    <message>
        <source>mountinfo lists no mounts</source>
        <translation>mountinfo 中没有任何挂载</translation>
    </message>
    <message>
        <source>Bad group header: %1</source>
        <translation>无效的组标题：%1</translation>
    </message>
    <message>
        <source>Expected key=value: %1</source>
        <translation>应为 key=value：%1</translation>
    </message>
    <message>
        <source>Host ranges are not supported: %1</source>
        <translation>不支持主机范围：%1</translation>
    </message>
    <message>
        <source>Bad ansible_host for %1: %2</source>
        <translation>%1 的 ansible_host 无效：%2</translation>
    </message>
    <message>
        <source>Bad ansible_port for %1: %2</source>
        <translation>%1 的 ansible_port 无效：%2</translation>
    </message>
    <message>
        <source>Bad ansible_user for %1: %2</source>
        <translation>%1 的 ansible_user 无效：%2</translation>
    </message>
    <message>
        <source>Bad host alias: %1</source>
        <translation>无效的主机别名：%1</translation>
    </message>
    <message>
        <source>Bad HostName: %1</source>
        <translation>无效的 HostName：%1</translation>
    </message>
    <message>
        <source>Bad port: %1</source>
        <translation>无效的端口：%1</translation>
    </message>
    <message>
        <source>Bad user name: %1</source>
        <translation>无效的用户名：%1</translation>
    </message>
    <message>
        <source>Bad user name in &quot;%1&quot;.</source>
        <translation>“%1”中的用户名无效。</translation>
    </message>
    <message>
        <source>Missing &quot;]&quot; in &quot;%1&quot;.</source>
        <translation>“%1”中缺少“]”。</translation>
    </message>
    <message>
        <source>Bad port in &quot;%1&quot;.</source>
        <translation>“%1”中的端口无效。</translation>
    </message>
    <message>
        <source>Bad address in &quot;%1&quot;.</source>
        <translation>“%1”中的地址无效。</translation>
    </message>
    <message>
        <source>Bad host name in &quot;%1&quot;.</source>
        <translation>“%1”中的主机名无效。</translation>
    </message>
    <message>
        <source>Line %1: expected name=value, found &quot;%2&quot;</source>
        <translation>第 %1 行：应为 name=value，实际为“%2”</translation>
    </message>
    <message>
        <source>mountinfo line %1: too many fields</source>
        <translation>mountinfo 第 %1 行：字段过多</translation>
    </message>
    <message>
        <source>mountinfo line %1: too few fields (%2, at least 10 expected)</source>
        <translation>mountinfo 第 %1 行：字段过少（%2 个，至少应有 10 个）</translation>
    </message>
    <message>
        <source>mountinfo line %1: missing the &quot; - &quot; separator</source>
        <translation>mountinfo 第 %1 行：缺少“ - ”分隔符</translation>
    </message>
    <message>
        <source>mountinfo line %1: too few fields after the separator (fs type, source and super options expected)</source>
        <translation>mountinfo 第 %1 行：分隔符之后字段过少（应有文件系统类型、挂载源和超级块选项）</translation>
    </message>
    <message>
        <source>mountinfo line %1: mount ID is not a number</source>
        <translation>mountinfo 第 %1 行：挂载 ID 不是数字</translation>
    </message>
    <message>
        <source>mountinfo line %1: parent ID is not a number</source>
        <translation>mountinfo 第 %1 行：父挂载 ID 不是数字</translation>
    </message>
    <message>
        <source>mountinfo line %1: bad major:minor device number</source>
        <translation>mountinfo 第 %1 行：major:minor 设备号无效</translation>
    </message>
    <message>
        <source>mountinfo line %1: empty mount point</source>
        <translation>mountinfo 第 %1 行：挂载点为空</translation>
    </message>
    <message>
        <source>mountinfo line %1: empty file system type</source>
        <translation>mountinfo 第 %1 行：文件系统类型为空</translation>
    </message>
    <message>
        <source>The output ended inside this probe.</source>
        <translation>输出在此探测项内部中断。</translation>
    </message>
    <message>
        <source>The output ended inside probe %1.</source>
        <translation>输出在探测项 %1 内部中断。</translation>
    </message>
    <message>
        <source>Probe %1 has no data line.</source>
        <translation>探测项 %1 没有数据行。</translation>
    </message>
    <message>
        <source>The data of probe %1 is not validly encoded.</source>
        <translation>探测项 %1 的数据编码无效。</translation>
    </message>
    <message>
        <source>Probe %1: expected the stderr line.</source>
        <translation>探测项 %1：此处应为 stderr 行。</translation>
    </message>
    <message>
        <source>The stderr of probe %1 is not validly encoded.</source>
        <translation>探测项 %1 的 stderr 编码无效。</translation>
    </message>
    <message>
        <source>Probe %1: expected its END line.</source>
        <translation>探测项 %1：此处应为其 END 行。</translation>
    </message>
    <message>
        <source>Probe %1: unreadable END line.</source>
        <translation>探测项 %1：END 行无法解析。</translation>
    </message>
    <message>
        <source>The bundle marker is not a hex string of at least 32 digits.</source>
        <translation>脚本包标记不是至少 32 位的十六进制字符串。</translation>
    </message>
    <message>
        <source>Unknown bundle version %1.</source>
        <translation>未知的脚本包版本 %1。</translation>
    </message>
    <message>
        <source>Unexpected data outside a probe section.</source>
        <translation>探测项段落之外出现了意外数据。</translation>
    </message>
    <message>
        <source>Probe %1 appears twice; the last one is kept.</source>
        <translation>探测项 %1 出现了两次；保留最后一次。</translation>
    </message>
    <message>
        <source>Unexpected control line.</source>
        <translation>意外的控制行。</translation>
    </message>
    <message>
        <source>The output does not contain the probe bundle&apos;s header.</source>
        <translation>输出中没有探测脚本包的头部。</translation>
    </message>
    <message>
        <source>The output ended before the bundle&apos;s DONE line.</source>
        <translation>输出在脚本包的 DONE 行之前就结束了。</translation>
    </message>
    <message>
        <source>The bundle did not run this probe.</source>
        <translation>脚本包没有执行此探测项。</translation>
    </message>
    <message>
        <source>The bundle output ended before this probe.</source>
        <translation>脚本包的输出在此探测项之前就结束了。</translation>
    </message>
    <message>
        <source>mount %1 (%2 from %3) at %4</source>
        <translation>挂载 %1（%2，来自 %3）位于 %4</translation>
    </message>
    <message>
        <source>Cannot read the remediation manifest %1.</source>
        <translation>无法读取修复清单 %1。</translation>
    </message>
    <message>
        <source>The remediation manifest is not valid JSON: %1.</source>
        <translation>修复清单不是有效的 JSON：%1。</translation>
    </message>
    <message>
        <source>The remediation manifest has an unsupported format.</source>
        <translation>修复清单的格式不受支持。</translation>
    </message>
    <message>
        <source>The remediation prelude %1 does not match its reviewed hash: no script can run.</source>
        <translation>修复前导脚本 %1 与其审核过的哈希不一致：任何脚本都不能运行。</translation>
    </message>
    <message>
        <source>A remediation manifest entry has no valid id or file.</source>
        <translation>修复清单中有条目缺少有效的 id 或文件。</translation>
    </message>
    <message>
        <source>The script file %1 cannot be read.</source>
        <translation>无法读取脚本文件 %1。</translation>
    </message>
    <message>
        <source>The script %1 does not match its reviewed SHA-256 (manifest %2, file %3): refused.</source>
        <translation>脚本 %1 与其审核过的 SHA-256 不一致（清单为 %2，文件为 %3）：拒绝执行。</translation>
    </message>
    <message>
        <source>The remediation prelude is not the reviewed one: refused.</source>
        <translation>修复前导脚本不是审核过的版本：拒绝执行。</translation>
    </message>
    <message>
        <source>Parameter %1 must be one of: %2.</source>
        <translation>参数 %1 必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>The mount table of this host is unknown: probe it first.</source>
        <translation>此主机的挂载表未知：请先探测它。</translation>
    </message>
    <message>
        <source>A cover is mounted on / itself; Layerwatch will not unmount the root. Use migrate-and-reboot.</source>
        <translation>覆盖挂载位于 / 本身；Layerwatch 不会卸载根目录。请使用 migrate-and-reboot（业务迁移后重启）。</translation>
    </message>
    <message>
        <source>Check that the graph driver is overlay2 (docker info).</source>
        <translation>确认 graphdriver 为 overlay2（docker info）。</translation>
    </message>
    <message>
        <source>Re-check, then unmount %1.</source>
        <translation>复核后卸载 %1。</translation>
    </message>
    <message>
        <source>daemon.json is not valid JSON; fix it by hand.</source>
        <translation>daemon.json 不是有效的 JSON；请手工修复。</translation>
    </message>
    <message>
        <source>daemon.json has no storage-driver: nothing to remove.</source>
        <translation>daemon.json 中没有 storage-driver：无需删除。</translation>
    </message>
    <message>
        <source>keep must be daemon-json or sysconfig.</source>
        <translation>keep 必须是 daemon-json 或 sysconfig。</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS continues over several lines; edit it by hand.</source>
        <translation>DOCKER_STORAGE_OPTIONS 跨越多行；请手工编辑。</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS cannot be read safely (%1); edit it by hand.</source>
        <translation>无法安全地读取 DOCKER_STORAGE_OPTIONS（%1）；请手工编辑。</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS holds a word Layerwatch will not rewrite (%1); edit it by hand.</source>
        <translation>DOCKER_STORAGE_OPTIONS 中包含 Layerwatch 不会改写的内容（%1）；请手工编辑。</translation>
    </message>
    <message>
        <source>DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage sets no storage driver; the flag is elsewhere (the service&apos;s ExecStart?): edit it by hand or keep the flag.</source>
        <translation>/etc/sysconfig/docker-storage 中的 DOCKER_STORAGE_OPTIONS 没有设置存储驱动；该参数在别处（服务的 ExecStart？）：请手工编辑，或保留该参数。</translation>
    </message>
    <message>
        <source>The script is not the reviewed one: refused.</source>
        <translation>脚本不是审核过的版本：拒绝执行。</translation>
    </message>
    <message>
        <source>Type the host&apos;s name to confirm that its workloads were moved away.</source>
        <translation>输入主机名，确认其业务已迁移走。</translation>
    </message>
    <message>
        <source>Check that the host&apos;s name is %1.</source>
        <translation>确认主机名为 %1。</translation>
    </message>
    <message>
        <source>Reboot even if containers still run.</source>
        <translation>即使仍有容器在运行也重启。</translation>
    </message>
    <message>
        <source>Stop if any container still runs.</source>
        <translation>如仍有容器在运行则停止。</translation>
    </message>
    <message>
        <source>Reboot the host (systemctl reboot).</source>
        <translation>重启主机（systemctl reboot）。</translation>
    </message>
    <message>
        <source>daemon.json and /etc/sysconfig/docker-storage must both have been read; probe the host first.</source>
        <translation>必须已读取 daemon.json 和 /etc/sysconfig/docker-storage；请先探测该主机。</translation>
    </message>
    <message>
        <source>Check that %1 still has SHA-256 %2.</source>
        <translation>确认 %1 的 SHA-256 仍为 %2。</translation>
    </message>
    <message>
        <source>Back up %1 and replace it with:
%2</source>
        <translation>备份 %1，并将其替换为：
%2</translation>
    </message>
    <message>
        <source>Restart docker; restore the backup if it does not come up.</source>
        <translation>重启 docker；如果无法启动则恢复备份。</translation>
    </message>
    <message>
        <source>Write Y to /sys/module/overlay/parameters/redirect_dir and read it back.</source>
        <translation>向 /sys/module/overlay/parameters/redirect_dir 写入 Y 并读回确认。</translation>
    </message>
    <message>
        <source>Write /etc/modprobe.d/layerwatch-overlay.conf for the next boot.</source>
        <translation>写入 /etc/modprobe.d/layerwatch-overlay.conf，使下次启动时生效。</translation>
    </message>
    <message>
        <source>Layerwatch has no planner for the script %1.</source>
        <translation>Layerwatch 没有脚本 %1 的规划器。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>主机：%1</translation>
    </message>
    <message>
        <source>(collected %1)</source>
        <translation>（采集于 %1）</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Findings: none</source>
        <translation>发现的问题：无</translation>
    </message>
    <message>
        <source>Findings: %1</source>
        <translation>发现的问题：%1</translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation>层：%1</translation>
    </message>
    <message>
        <source>Covered by mount IDs: %1</source>
        <translation>覆盖它们的挂载 ID：%1</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Remediation: %1</source>
        <translation>修复方案：%1</translation>
    </message>
    <message>
        <source>Not checked (missing data): %1</source>
        <translation>未能检查（缺少数据）：%1</translation>
    </message>
    <message>
        <source>probe %1 has no usable data</source>
        <translation>探测项 %1 没有可用数据</translation>
    </message>
    <message>
        <source>probe %1 found nothing on the host</source>
        <translation>探测项 %1 在主机上没有找到对应内容</translation>
    </message>
    <message>
        <source>probe %1 failed or could not be parsed: %2</source>
        <translation>探测项 %1 执行失败或无法解析：%2</translation>
    </message>
    <message>
        <source>probe %1 failed</source>
        <translation>探测项 %1 执行失败</translation>
    </message>
    <message>
        <source>probe %1 timed out</source>
        <translation>探测项 %1 超时</translation>
    </message>
    <message>
        <source>probe %1 had no permission (needs root)</source>
        <translation>探测项 %1 权限不足（需要 root）</translation>
    </message>
    <message>
        <source>probe %1 was not collected</source>
        <translation>未采集探测项 %1</translation>
    </message>
    <message>
        <source>probe %1 was truncated; hidden mounts may be missing from it</source>
        <translation>探测项 %1 的输出被截断；其中可能缺少被覆盖的挂载</translation>
    </message>
    <message>
        <source>no overlay mount is hidden by a later mount</source>
        <translation>没有 overlay 挂载被后来的挂载覆盖</translation>
    </message>
    <message>
        <source>no other mount is hidden by a later mount</source>
        <translation>没有其他挂载被后来的挂载覆盖</translation>
    </message>
    <message>
        <source>%1 mount(s) are hidden by a mount made later at the same path or a parent path. Programs on the host see the covering file system instead of them. Check whether the later mount was intended.</source>
        <translation>%1 个挂载被之后在相同路径或其上级路径上的挂载覆盖。主机上的程序看到的是覆盖它们的文件系统，而不是它们本身。请确认后来的挂载是否是有意为之。</translation>
    </message>
    <message>
        <source>%1 overlay mount(s) hidden</source>
        <translation>%1 个 overlay 挂载被覆盖</translation>
    </message>
    <message>
        <source>%1 mount(s) hidden</source>
        <translation>%1 个挂载被覆盖</translation>
    </message>
    <message>
        <source>daemon.json does not set storage-driver</source>
        <translation>daemon.json 没有设置 storage-driver</translation>
    </message>
    <message>
        <source>The storage driver is set both in /etc/docker/daemon.json and as a dockerd flag (on the command line or through DOCKER_STORAGE_OPTIONS in /etc/sysconfig/docker-storage). dockerd refuses to start with &quot;the following directives are specified both as a flag and in the configuration file: storage-driver&quot;, even when both values are the same. Keep the setting in one place only, then restart docker.</source>
        <translation>存储驱动同时在 /etc/docker/daemon.json 和 dockerd 启动参数中指定（直接写在命令行上，或通过 /etc/sysconfig/docker-storage 中的 DOCKER_STORAGE_OPTIONS 传入）。此时即使两处的值相同，dockerd 也会拒绝启动，并报错“the following directives are specified both as a flag and in the configuration file: storage-driver”。请只在一处保留该配置，然后重启 docker。</translation>
    </message>
    <message>
        <source>storage-driver is set in daemon.json and as a flag</source>
        <translation>storage-driver 同时在 daemon.json 和启动参数中设置</translation>
    </message>
    <message>
        <source>neither the dockerd command line nor its ExecStart is known: %1; %2</source>
        <translation>dockerd 命令行及其 ExecStart 均未知：%1；%2</translation>
    </message>
    <message>
        <source>storage-driver is set in daemon.json only</source>
        <translation>storage-driver 只在 daemon.json 中设置</translation>
    </message>
    <message>
        <source>the running driver is unknown (%1) and no driver is configured</source>
        <translation>运行中的存储驱动未知（%1），且没有配置任何驱动</translation>
    </message>
    <message>
        <source>docker runs with %1</source>
        <translation>docker 正在使用 %1</translation>
    </message>
    <message>
        <source>the configured driver is %1</source>
        <translation>配置的驱动为 %1</translation>
    </message>
    <message>
        <source>Docker is not using (or not configured to use) the overlay2 storage driver. overlay2 is Docker&apos;s default and recommended driver; the checks and repair plans of this tool assume it. Plan a migration to overlay2; changing the driver hides existing images and containers until they are recreated.</source>
        <translation>docker 没有使用（或没有配置为使用）overlay2 存储驱动。overlay2 是 docker 的默认和推荐驱动，本工具的检查项和修复方案都以它为前提。请规划迁移到 overlay2；更换驱动后，现有的镜像和容器在重新创建之前将不可见。</translation>
    </message>
    <message>
        <source>storage driver is not overlay2</source>
        <translation>存储驱动不是 overlay2</translation>
    </message>
    <message>
        <source>kernel %1 supports overlay2</source>
        <translation>内核 %1 支持 overlay2</translation>
    </message>
    <message>
        <source>Kernel %1 is too old for overlay2: it needs a native kernel 4.0 or later (on RHEL/CentOS 7, 3.10.0-514 or later). Docker may refuse the driver or containers may misbehave. Upgrade the kernel before using overlay2.</source>
        <translation>内核 %1 版本过低，不能使用 overlay2：overlay2 只兼容原生 4.0 及以上内核（RHEL/CentOS 7 上需 3.10.0-514 及以上）。docker 可能拒绝使用该驱动，或容器行为异常。请先升级内核，再使用 overlay2。</translation>
    </message>
    <message>
        <source>kernel %1 is older than 4.0</source>
        <translation>内核 %1 低于 4.0</translation>
    </message>
    <message>
        <source>overlay parameter %1 is enabled</source>
        <translation>overlay 参数 %1 已开启</translation>
    </message>
    <message>
        <source>overlay parameter %1 is disabled</source>
        <translation>overlay 参数 %1 已关闭</translation>
    </message>
    <message>
        <source>%1 is enabled in the kernel configuration</source>
        <translation>内核配置中已启用 %1</translation>
    </message>
    <message>
        <source>%1 is not in the kernel configuration</source>
        <translation>内核配置中没有 %1</translation>
    </message>
    <message>
        <source>no overlay parameter %1</source>
        <translation>没有 overlay 参数 %1</translation>
    </message>
    <message>
        <source>%1 is not enabled in the kernel</source>
        <translation>内核未启用 %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>The overlay redirect_dir feature is off. Renaming a directory inside a container works only when both source and target are in the upper layer; otherwise rename(2) fails with EXDEV (&quot;Invalid cross-device link&quot;), which breaks programs that move directories. Kernel 4.10 added redirect_dir (CONFIG_OVERLAY_FS_REDIRECT_DIR); enable it by setting /sys/module/overlay/parameters/redirect_dir to Y.</source>
        <translation>overlay 的 redirect_dir 特性处于关闭状态。在容器内重命名目录时，只有源路径和目标路径都在 merged（upper）层时才允许 rename 系统调用，否则会报错 -EXDEV（“Invalid cross-device link”），导致移动目录的程序失败。内核 4.10 引入了 redirect_dir 特性（CONFIG_OVERLAY_FS_REDIRECT_DIR）来修复该问题；如需使用，请将 /sys/module/overlay/parameters/redirect_dir 设置为“Y”。</translation>
    </message>
    <message>
        <source>The overlay index feature is off. When a file with several hard links in a lower layer is written, copy-up breaks the hard links: the other names keep the old content. Kernel 4.13 added the index feature (CONFIG_OVERLAY_FS_INDEX), but it is not forward compatible and cannot be enabled on a running system (no hot upgrade); decide on it when planning the node, not as a quick fix.</source>
        <translation>overlay 的 index 特性处于关闭状态。当 lower 层中有多个硬链接的文件在 merged 层被写入时，会触发 Copy-UP，导致硬链接断开：其他文件名仍指向旧内容。内核 4.13 引入了 index 特性（CONFIG_OVERLAY_FS_INDEX）来修复这个问题，但该选项没有前向兼容性，不支持热升级；请在规划节点时决定是否启用，不要把它当作临时修复手段。</translation>
    </message>
    <message>
        <source>the backing filesystem is unknown: %1; %2</source>
        <translation>底层文件系统未知：%1；%2</translation>
    </message>
    <message>
        <source>backing filesystem is %1</source>
        <translation>底层文件系统为 %1</translation>
    </message>
    <message>
        <source>backing filesystem is xfs, but whether it supports d_type is unknown</source>
        <translation>底层文件系统为 xfs，但不知道它是否支持 d_type</translation>
    </message>
    <message>
        <source>backing filesystem is xfs with d_type (ftype=1)</source>
        <translation>底层文件系统为支持 d_type 的 xfs（ftype=1）</translation>
    </message>
    <message>
        <source>The docker root is on %1. overlay2 is meant to run on ext4 (reported by Docker as &quot;extfs&quot;), or on xfs formatted with ftype=1 so that it supports d_type. On other filesystems overlay2 may be unsupported or behave incorrectly. Move the docker root to an ext4 filesystem (or xfs with ftype=1).</source>
        <translation>docker 根目录位于 %1 上。overlay2 建议配合 ext4 文件系统使用（docker 显示为“extfs”），或使用以 ftype=1 格式化、支持 d_type 的 xfs。在其他文件系统上 overlay2 可能不受支持或行为异常。请把 docker 根目录迁移到 ext4 文件系统（或 ftype=1 的 xfs）上。</translation>
    </message>
    <message>
        <source>%1 without d_type</source>
        <translation>不支持 d_type 的 %1</translation>
    </message>
    <message>
        <source>backing filesystem %1 is not recommended</source>
        <translation>不推荐使用底层文件系统 %1</translation>
    </message>
    <message>
        <source>docker info does not report &quot;Supports d_type&quot; (driver %1)</source>
        <translation>docker info 没有报告“Supports d_type”（驱动为 %1）</translation>
    </message>
    <message>
        <source>the backing filesystem supports d_type</source>
        <translation>底层文件系统支持 d_type</translation>
    </message>
    <message>
        <source>The filesystem under the docker root does not support d_type (typically xfs formatted with ftype=0). overlay2 needs d_type: without it files can vanish or appear wrongly in containers, and newer Docker versions refuse to start with overlay2. Reformat the filesystem with ftype=1 (mkfs.xfs -n ftype=1) or move the docker root to ext4; existing images must be pulled again.</source>
        <translation>docker 根目录所在的文件系统不支持 d_type（通常是以 ftype=0 格式化的 xfs）。overlay2 需要 d_type：没有它，容器中的文件可能消失或显示异常，较新的 docker 版本会拒绝以 overlay2 启动。请用 ftype=1 重新格式化该文件系统（mkfs.xfs -n ftype=1），或把 docker 根目录迁移到 ext4；现有镜像需要重新拉取。</translation>
    </message>
    <message>
        <source>d_type is not supported</source>
        <translation>不支持 d_type</translation>
    </message>
    <message>
        <source>df lists no filesystem holding %1</source>
        <translation>df 中没有包含 %1 的文件系统</translation>
    </message>
    <message>
        <source>%1 free on %2</source>
        <translation>%2 上可用 %1</translation>
    </message>
    <message>
        <source>Only %1 is free on %2, the filesystem holding the docker root %3. With overlay2, the first write to a file of an image copies the whole file to the container&apos;s upper layer, even for a one-byte change; if the file is larger than the free space the write fails (&quot;no space left on device&quot;). Free space (docker system prune, remove unused images) or grow the filesystem.</source>
        <translation>docker 根目录 %3 所在的文件系统 %2 只剩 %1 可用空间。使用 overlay2 时，在容器中第一次修改镜像中的文件，即使只改一个字节，也要把整个文件拷贝到容器的 upper 层；如果该文件大于剩余空间，修改就会失败（“no space left on device”）。请清理空间（docker system prune、删除不用的镜像）或扩容该文件系统。</translation>
    </message>
    <message>
        <source>only %1 free on %2</source>
        <translation>%2 上仅剩 %1 可用</translation>
    </message>
    <message>
        <source>Container root filesystems are hidden by a later mount</source>
        <translation>容器根文件系统被后来的挂载覆盖</translation>
    </message>
    <message>
        <source>Mounts are hidden by a later mount</source>
        <translation>挂载点被后来的挂载覆盖</translation>
    </message>
    <message>
        <source>Storage driver is set both as a dockerd flag and in daemon.json</source>
        <translation>存储驱动同时在 dockerd 启动参数和 daemon.json 中指定</translation>
    </message>
    <message>
        <source>Storage driver is not overlay2</source>
        <translation>存储驱动不是 overlay2</translation>
    </message>
    <message>
        <source>Kernel is too old for overlay2</source>
        <translation>内核版本过低，不支持 overlay2</translation>
    </message>
    <message>
        <source>Overlay redirect_dir is disabled: renaming directories fails with EXDEV</source>
        <translation>overlay 的 redirect_dir 未开启：重命名目录会报 EXDEV 错误</translation>
    </message>
    <message>
        <source>Overlay index is disabled: hard links break on copy-up</source>
        <translation>overlay 的 index 未开启：Copy-UP 时硬链接会断开</translation>
    </message>
    <message>
        <source>Backing filesystem is not recommended for overlay2</source>
        <translation>底层文件系统不适合 overlay2</translation>
    </message>
    <message>
        <source>Backing filesystem does not support d_type</source>
        <translation>底层文件系统不支持 d_type</translation>
    </message>
    <message>
        <source>Low free space: copy-up of large files will fail</source>
        <translation>剩余空间不足：大文件 Copy-UP 会失败</translation>
    </message>
    <message>
        <source>it has no Layerwatch schema version</source>
        <translation>其中没有 Layerwatch 的模式版本</translation>
    </message>
    <message>
        <source>Cannot open the snapshot database %1: %2</source>
        <translation>无法打开快照数据库 %1：%2</translation>
    </message>
    <message>
        <source>The snapshot database %1 cannot be used and cannot be renamed aside; it was left untouched.</source>
        <translation>快照数据库 %1 无法使用，也无法改名移开；未对其做任何改动。</translation>
    </message>
    <message>
        <source>The snapshot database %1 was written by a newer Layerwatch (schema %2, this version reads %3). It was kept as %4 and a new database was started.</source>
        <translation>快照数据库 %1 由更新版本的 Layerwatch 写入（模式 %2，本版本读取 %3）。已将其保留为 %4，并新建了数据库。</translation>
    </message>
    <message>
        <source>The snapshot database %1 is damaged (%2). It was kept as %3 and a new database was started.</source>
        <translation>快照数据库 %1 已损坏（%2）。已将其保留为 %3，并新建了数据库。</translation>
    </message>
    <message>
        <source>Creating the new database failed: %1</source>
        <translation>新建数据库失败：%1</translation>
    </message>
    <message>
        <source>The snapshot database is not open.</source>
        <translation>快照数据库未打开。</translation>
    </message>
    <message>
        <source>Writing the sweep to the snapshot database failed: %1</source>
        <translation>将本轮探测结果写入快照数据库失败：%1</translation>
    </message>
    <message>
        <source>Line %1: the value of %2 has unquoted spaces: systemd reads &quot;%3&quot;, sh would run &quot;%4&quot; as a command</source>
        <translation>第 %1 行：%2 的值中有未加引号的空格：systemd 读到的是“%3”，而 sh 会把“%4”当作命令执行</translation>
    </message>
    <message>
        <source>The dockerd command line has no program name</source>
        <translation>dockerd 命令行中没有程序名</translation>
    </message>
    <message>
        <source>there is no daemon.json</source>
        <translation>不存在 daemon.json</translation>
    </message>
    <message>
        <source>probe %1 has unreadable lines (%2); hidden mounts may be among them</source>
        <translation>探测项 %1 中有无法解析的行（%2）；被覆盖的挂载可能就在其中</translation>
    </message>
    <message>
        <source>Unreadable frame at byte %1 of the bundle output.</source>
        <translation>探测脚本包输出的第 %1 字节处有无法读取的数据帧。</translation>
    </message>
    <message>
        <source>The host reported this probe unchanged.</source>
        <translation>主机报告该探测项未变化。</translation>
    </message>
    <message>
        <source>Probe %1: unreadable frame header.</source>
        <translation>探测项 %1：数据帧头无法读取。</translation>
    </message>
    <message>
        <source>Stopped by Layerwatch: the probe&apos;s time was up.</source>
        <translation>已被 Layerwatch 停止：该探测已超时。</translation>
    </message>
    <message>
        <source>&quot;docker rm&quot; reports success but leaves the container&apos;s overlay mount and its layer directories &lt;id&gt; and &lt;id&gt;-init on disk, no longer known to docker (invisible to &quot;docker system df&quot; and prune), and &quot;docker run&quot; fails with &quot;symlink ../&lt;id&gt;-init/diff .../overlay2/l/&lt;SHORT&gt;: no such file or directory&quot;</source>
        <translation>“docker rm” 报告成功，但容器的 overlay 挂载及其层目录 &lt;id&gt; 和 &lt;id&gt;-init 留在磁盘上，docker 已不再知道它们（“docker system df”和 prune 都看不到），并且“docker run”失败并报“symlink ../&lt;id&gt;-init/diff .../overlay2/l/&lt;SHORT&gt;: no such file or directory”</translation>
    </message>
    <message>
        <source>&quot;docker rm&quot; fails with &quot;device or resource busy&quot; after retries</source>
        <translation>“docker rm”在多次重试后失败并报“device or resource busy”</translation>
    </message>
    <message>
        <source>&quot;docker rm&quot; fails with &quot;driver overlay2 failed to remove root filesystem ... invalid argument&quot;</source>
        <translation>“docker rm”失败并报“driver overlay2 failed to remove root filesystem ... invalid argument”</translation>
    </message>
    <message>
        <source>Depending on the engine version, %1; or %2 (engines before 18.05, and vendor builds of 18.09 like the one in the operations guide); or, where the cover is a bind of the same filesystem, %3.</source>
        <translation>取决于引擎版本：%1；或者 %2（18.05 之前的引擎，以及操作指南中那样的 18.09 厂商构建）；或者在覆盖挂载是同一文件系统的 bind 时，%3。</translation>
    </message>
    <message>
        <source>On this engine (%1), %2, and since 17.07 a container stopped while covered leaks its mount silently.</source>
        <translation>在此引擎（%1）上，%2；并且自 17.07 起，被覆盖期间停止的容器会静默泄漏其挂载。</translation>
    </message>
    <message>
        <source>On this engine (%1), where the cover is a bind of the same filesystem, %2.</source>
        <translation>在此引擎（%1）上，覆盖挂载是同一文件系统的 bind，%2。</translation>
    </message>
    <message>
        <source>On this engine (%1), %2.</source>
        <translation>在此引擎（%1）上，%2。</translation>
    </message>
    <message>
        <source>Vendor builds of 18.09 (like the one in the operations guide) may still report &quot;invalid argument&quot; instead.</source>
        <translation>18.09 的厂商构建（如操作指南中的版本）可能仍然报“invalid argument”。</translation>
    </message>
    <message numerus="yes">
        <source>the layer of %n running container(s) is unknown (docker&apos;s layer database could not be read: covered?)</source>
        <translation>
            <numerusform>有 %n 个运行中容器的层未知（无法读取 docker 的层数据库：被覆盖？）</numerusform>
        </translation>
    </message>
    <message>
        <source>every overlay mount of a layer belongs to a running container</source>
        <translation>每个层的 overlay 挂载都属于一个运行中的容器</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay mount(s) of docker layers belong to no running container: %1 of them to containers that were removed (typically while the layer was covered, so docker&apos;s unmount failed and was ignored). Docker never unmounts them again; their layer directories stay on disk and cannot be removed while mounted. Fix: unmount them (fix-shadowed-mounts does it after removing any cover), then remove the orphaned layer directories (remove-orphaned-layers).</source>
        <translation>
            <numerusform>%n 个 docker 层的 overlay 挂载不属于任何运行中的容器：其中 %1 个属于已删除的容器（通常是在层被覆盖时删除的，docker 的卸载失败且被忽略）。docker 不会再卸载它们；它们的层目录留在磁盘上，挂载期间无法删除。修复：卸载它们（fix-shadowed-mounts 在移除覆盖挂载后会处理），然后删除孤立的层目录（remove-orphaned-layers）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaked overlay mount(s)</source>
        <translation>
            <numerusform>%n 个泄漏的 overlay 挂载</numerusform>
        </translation>
    </message>
    <message>
        <source>every layer directory is used by an image, a container or BuildKit</source>
        <translation>每个层目录都被镜像、容器或 BuildKit 使用</translation>
    </message>
    <message>
        <source>an unknown amount</source>
        <translation>未知大小</translation>
    </message>
    <message numerus="yes">
        <source>%n layer director(y/ies) under %1/overlay2 (%2) are named by no image, no container and no BuildKit snapshot. Docker no longer knows them, so &quot;docker system prune&quot; never frees them: typically the layers of containers removed while their overlay2 directory was covered. Fix: remove them (remove-orphaned-layers re-checks each one first).</source>
        <translation>
            <numerusform>%1/overlay2 下有 %n 个层目录（%2）不被任何镜像、容器或 BuildKit 快照引用。docker 已不再知道它们，“docker system prune”永远不会释放它们：通常是 overlay2 目录被覆盖期间删除的容器留下的层。修复：删除它们（remove-orphaned-layers 会先逐个复核）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them still hold a leaked mount: unmount it first (fix-shadowed-mounts).</source>
        <translation>
            <numerusform>其中 %n 个仍有泄漏的挂载：请先卸载（fix-shadowed-mounts）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orphaned layer director(y/ies), %1</source>
        <translation>
            <numerusform>%n 个孤立层目录，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>the docker root %1 is on the root filesystem</source>
        <translation>docker 根目录 %1 位于根文件系统上</translation>
    </message>
    <message>
        <source>docker.service waits for %1</source>
        <translation>docker.service 会等待 %1</translation>
    </message>
    <message>
        <source>The docker root %1 is on its own mount (%2), but docker.service is not ordered after it (no RequiresMountsFor= or After= on it). If that mount comes up after docker started (a late mount unit or fstab entry, socket activation, a disk mounted over a live /var/lib/docker), it covers the running containers&apos; overlay mounts: the failure the operations guide describes. Fix: a docker.service drop-in with RequiresMountsFor=%1 (order-docker-after-mounts).</source>
        <translation>docker 根目录 %1 位于独立的挂载上（%2），但 docker.service 没有排在它之后（没有对它的 RequiresMountsFor= 或 After=）。如果该挂载在 docker 启动之后才挂上（较晚的 mount 单元或 fstab 条目、套接字激活、在运行中的 /var/lib/docker 上挂载了磁盘），就会覆盖运行中容器的 overlay 挂载：正是操作指南描述的故障。修复：为 docker.service 添加带 RequiresMountsFor=%1 的 drop-in（order-docker-after-mounts）。</translation>
    </message>
    <message>
        <source>docker.service does not wait for %1</source>
        <translation>docker.service 不会等待 %1</translation>
    </message>
    <message>
        <source>Not a container record: %1</source>
        <translation>不是容器记录：%1</translation>
    </message>
    <message>
        <source>Unexpected line in docker-layers: %1</source>
        <translation>docker-layers 中有意外的行：%1</translation>
    </message>
    <message>
        <source>The layer inventory ended early (no end line).</source>
        <translation>层清单提前结束（没有 end 行）。</translation>
    </message>
    <message>
        <source>Unexpected du line: %1</source>
        <translation>意外的 du 行：%1</translation>
    </message>
    <message>
        <source>removed container (layer %1)</source>
        <translation>已删除的容器（层 %1）</translation>
    </message>
    <message>
        <source>unknown container (layer %1)</source>
        <translation>未知容器（层 %1）</translation>
    </message>
    <message>
        <source>%1 (%2, restart %3)</source>
        <translation>%1（%2，重启策略 %3）</translation>
    </message>
    <message>
        <source>the container list could not be read</source>
        <translation>无法读取容器列表</translation>
    </message>
    <message>
        <source>the layer inventory could not be read</source>
        <translation>无法读取层清单</translation>
    </message>
    <message>
        <source>the layer sizes could not be read</source>
        <translation>无法读取层大小</translation>
    </message>
    <message>
        <source>systemctl did not report RequiresMountsFor and After</source>
        <translation>systemctl 没有报告 RequiresMountsFor 和 After</translation>
    </message>
    <message>
        <source>probe %1: %2</source>
        <translation>探测 %1：%2</translation>
    </message>
    <message>
        <source>probe %1 is %2</source>
        <translation>探测 %1 为 %2</translation>
    </message>
    <message>
        <source>a mount covers part of the docker root: the layer directories seen are not all of docker&apos;s</source>
        <translation>有挂载覆盖了 docker 根目录的一部分：看到的层目录并不都是 docker 的</translation>
    </message>
    <message numerus="yes">
        <source>%n layer database record(s) could not be read (%1)</source>
        <translation>
            <numerusform>%n 条层数据库记录无法读取（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>BuildKit&apos;s databases could not be read</source>
        <translation>无法读取 BuildKit 的数据库</translation>
    </message>
    <message numerus="yes">
        <source>a pull, commit or build is in progress (%n record(s) in flight)</source>
        <translation>
            <numerusform>正在进行拉取、提交或构建（%n 条记录进行中）</numerusform>
        </translation>
    </message>
    <message>
        <source>the layer database names %1, which is not in the overlay2 directory: the directory seen is covered or damaged</source>
        <translation>层数据库引用了 %1，但 overlay2 目录中没有它：看到的目录被覆盖或已损坏</translation>
    </message>
    <message>
        <source>BuildKit&apos;s databases were not read</source>
        <translation>未读取 BuildKit 的数据库</translation>
    </message>
    <message>
        <source>%1 (restart %2)</source>
        <translation>%1（重启策略 %2）</translation>
    </message>
    <message>
        <source>The containers of this host are unknown (%1): Layerwatch will not change mounts without knowing which workloads run. Probe it again.</source>
        <translation>此主机的容器未知（%1）：在不知道哪些业务在运行时，Layerwatch 不会更改挂载。请重新探测。</translation>
    </message>
    <message>
        <source>No overlay mount is covered or leaked on this host: nothing to repair.</source>
        <translation>此主机上没有被覆盖或泄漏的 overlay 挂载：无需修复。</translation>
    </message>
    <message>
        <source>Record the running containers (none ran when probed).</source>
        <translation>记录运行中的容器（探测时没有运行的容器）。</translation>
    </message>
    <message numerus="yes">
        <source>Record the %n running container(s): %1.</source>
        <translation>
            <numerusform>记录 %n 个运行中的容器：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unmount the leaked overlay mount of %1 at %2 (if no running container uses it by then).</source>
        <translation>卸载 %1 在 %2 的泄漏 overlay 挂载（前提是届时没有运行中的容器使用它）。</translation>
    </message>
    <message numerus="yes">
        <source>Restart the %n running container(s) (docker restart): each stops for a few seconds.</source>
        <translation>
            <numerusform>重启 %n 个运行中的容器（docker restart）：每个会停止几秒钟。</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers: none is stopped or restarted.</source>
        <translation>容器：不停止也不重启任何容器。</translation>
    </message>
    <message>
        <source>live-restore is on: the containers keep running through it.</source>
        <translation>live-restore 已开启：容器在重启期间保持运行。</translation>
    </message>
    <message numerus="yes">
        <source>live-restore is off: all %n running container(s) stop for the restart (typically 10-30 s); the script starts them again, %1 of them have no restart policy that would bring them back by itself (%2).</source>
        <translation>
            <numerusform>live-restore 未开启：重启期间全部 %n 个运行中的容器都会停止（通常 10-30 秒）；脚本随后重新启动它们，其中 %1 个没有能让它们自行恢复的重启策略（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Restart docker (systemctl restart docker): %1</source>
        <translation>重启 docker（systemctl restart docker）：%1</translation>
    </message>
    <message>
        <source>Restart docker only if it does not answer or cannot create a container once the covers are gone (not expected); if it must: %1</source>
        <translation>仅当覆盖挂载移除后 docker 无响应或无法创建容器时才重启 docker（预计不需要）；如果必须重启：%1</translation>
    </message>
    <message>
        <source>Never restart docker.</source>
        <translation>从不重启 docker。</translation>
    </message>
    <message>
        <source>Start again every recorded container that does not run.</source>
        <translation>重新启动每个已记录但未在运行的容器。</translation>
    </message>
    <message>
        <source>Verify: no cover left, every recorded container runs, docker answers and can create a container (a test container, removed at once).</source>
        <translation>验证：没有剩余的覆盖挂载，每个已记录的容器都在运行，docker 可以响应并能创建容器（一个测试容器，随即删除）。</translation>
    </message>
    <message>
        <source>Whether layer directories are orphaned is unknown here: %1.</source>
        <translation>此处无法判断层目录是否孤立：%1。</translation>
    </message>
    <message>
        <source>No orphaned layer directory on this host: nothing to remove.</source>
        <translation>此主机上没有孤立的层目录：无需删除。</translation>
    </message>
    <message>
        <source>No mount holds %1/overlay2.</source>
        <translation>没有挂载承载 %1/overlay2。</translation>
    </message>
    <message>
        <source>Check that docker&apos;s root is %1 and that %1/overlay2 is still on %2, with no mount covering docker&apos;s mounts.</source>
        <translation>确认 docker 根目录是 %1，且 %1/overlay2 仍在 %2 上，没有挂载覆盖 docker 的挂载。</translation>
    </message>
    <message>
        <source>Stop if a pull, commit or build is in flight.</source>
        <translation>如果正在进行拉取、提交或构建则停止。</translation>
    </message>
    <message>
        <source>Keep %1/overlay2/%2: a leaked mount is still inside (run fix-shadowed-mounts first).</source>
        <translation>保留 %1/overlay2/%2：其中仍有泄漏的挂载（请先运行 fix-shadowed-mounts）。</translation>
    </message>
    <message>
        <source>Re-check, then remove %1/overlay2/%2.</source>
        <translation>复核后删除 %1/overlay2/%2。</translation>
    </message>
    <message>
        <source>Re-check, then remove %1/overlay2/%2 (%3).</source>
        <translation>复核后删除 %1/overlay2/%2（%3）。</translation>
    </message>
    <message>
        <source>Every orphaned layer directory still holds a leaked mount: run fix-shadowed-mounts first.</source>
        <translation>每个孤立层目录中都仍有泄漏的挂载：请先运行 fix-shadowed-mounts。</translation>
    </message>
    <message>
        <source>Verify: docker answers and can create a container, every container keeps its layer.</source>
        <translation>验证：docker 可以响应并能创建容器，每个容器都保留其层。</translation>
    </message>
    <message>
        <source>docker.service already waits for the docker root&apos;s mount.</source>
        <translation>docker.service 已经会等待 docker 根目录的挂载。</translation>
    </message>
    <message>
        <source>Whether docker.service waits for its mount is unknown: %1.</source>
        <translation>无法判断 docker.service 是否等待其挂载：%1。</translation>
    </message>
    <message>
        <source>The mount point %1 has characters Layerwatch does not write into a unit file: add RequiresMountsFor= for it by hand.</source>
        <translation>挂载点 %1 含有 Layerwatch 不会写入单元文件的字符：请手工为它添加 RequiresMountsFor=。</translation>
    </message>
    <message>
        <source>Write /etc/systemd/system/docker.service.d/layerwatch-mounts.conf with RequiresMountsFor=%1 (an earlier copy is kept as .bak).</source>
        <translation>写入 /etc/systemd/system/docker.service.d/layerwatch-mounts.conf，内容为 RequiresMountsFor=%1（原有文件保留为 .bak）。</translation>
    </message>
    <message>
        <source>Reload systemd (systemctl daemon-reload); docker is not restarted.</source>
        <translation>重新加载 systemd（systemctl daemon-reload）；不重启 docker。</translation>
    </message>
    <message>
        <source>Verify: systemctl show docker lists the path(s) in RequiresMountsFor.</source>
        <translation>验证：systemctl show docker 的 RequiresMountsFor 中列出这些路径。</translation>
    </message>
    <message>
        <source>the host could not be probed again</source>
        <translation>无法再次探测该主机</translation>
    </message>
    <message>
        <source>the re-probe still finds %1</source>
        <translation>重新探测仍发现 %1</translation>
    </message>
    <message>
        <source>docker info does not answer after the repair</source>
        <translation>修复后 docker info 无响应</translation>
    </message>
    <message>
        <source>the containers before or after the repair are unknown</source>
        <translation>修复前或修复后的容器未知</translation>
    </message>
    <message>
        <source>container %1 ran before the repair and is %2 now</source>
        <translation>容器 %1 在修复前运行，现在为 %2</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>whether %1 is gone is unknown: %2</source>
        <translation>无法判断 %1 是否已消除：%2</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>容器：</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden mount(s) cannot be matched to a container (docker&apos;s layer database is covered too); the running containers are: %1.</source>
        <translation>
            <numerusform>%n 个被隐藏的挂载无法对应到容器（docker 的层数据库也被覆盖）；运行中的容器为：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Running containers affected: %1.</source>
        <translation>受影响的运行中容器：%1。</translation>
    </message>
    <message>
        <source>Stopped containers still mounted: %1.</source>
        <translation>仍挂载着的已停止容器：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden mount(s) belong to containers already removed (leaked: see leaked-overlay-mounts).</source>
        <translation>
            <numerusform>%n 个被隐藏的挂载属于已删除的容器（已泄漏：见 leaked-overlay-mounts）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Which containers are affected is unknown (%1).</source>
        <translation>无法确定受影响的容器（%1）。</translation>
    </message>
    <message>
        <source>The data is not lost and the containers keep running; it is only covered. Fix: unmount the covering mounts from the bottom up (fix-shadowed-mounts keeps every container running), or migrate the workloads and reboot the node.</source>
        <translation>数据没有丢失，容器也在继续运行；只是被覆盖了。修复：从下往上卸载覆盖挂载（fix-shadowed-mounts 会保持每个容器运行），或者迁移业务后重启节点。</translation>
    </message>
    <message>
        <source>Overlay mounts of removed or stopped containers are still mounted</source>
        <translation>已删除或已停止容器的 overlay 挂载仍然挂载着</translation>
    </message>
    <message>
        <source>Layer directories that no image or container uses take disk space</source>
        <translation>没有镜像或容器使用的层目录占用着磁盘空间</translation>
    </message>
    <message>
        <source>docker.service does not wait for the mount that holds the docker root</source>
        <translation>docker.service 不等待承载 docker 根目录的挂载</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s), %1 running</source>
        <translation>
            <numerusform>%n 个容器，%1 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n covered: %1</source>
        <translation>
            <numerusform>%n 个被覆盖：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n leaked mount(s)</source>
        <translation>
            <numerusform>%n 个泄漏的挂载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden mount(s) of unknown containers</source>
        <translation>
            <numerusform>%n 个属于未知容器的被隐藏挂载</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overlay mount(s) (container root filesystems) are hidden by a mount made later at the same path or a parent path: here on %2, mounted after docker started.</source>
        <translation>%1 个 overlay 挂载（容器根文件系统）被之后在同一路径或父路径上挂载的文件系统隐藏：此处是 docker 启动后挂载在 %2 上的挂载。</translation>
    </message>
    <message>
        <source>unknown (docker info unreadable: %1)</source>
        <translation>未知（无法读取 docker info：%1）</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>(too old for overlay2)</source>
        <translation>（版本过低，不支持 overlay2）</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>位于 %1</translation>
    </message>
    <message>
        <source>(not passed to dockerd: ignored)</source>
        <translation>（未传给 dockerd：被忽略）</translation>
    </message>
    <message>
        <source>not set anywhere (dockerd chooses its default)</source>
        <translation>未在任何地方设置（由 dockerd 选择默认值）</translation>
    </message>
    <message>
        <source>set both as a flag and in daemon.json: dockerd refuses to start</source>
        <translation>同时以启动参数和在 daemon.json 中设置：dockerd 拒绝启动</translation>
    </message>
    <message>
        <source>Storage driver configured</source>
        <translation>配置的存储驱动</translation>
    </message>
    <message>
        <source>Storage driver running</source>
        <translation>运行中的存储驱动</translation>
    </message>
    <message>
        <source>(Docker %1)</source>
        <translation>（Docker %1）</translation>
    </message>
    <message>
        <source>Backing filesystem</source>
        <translation>底层文件系统</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>Supports d_type</source>
        <translation>支持 d_type</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 not set</source>
        <translation>%1 未设置</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3%), %4 free on %5</source>
        <translation>%5 上共 %2，已用 %1（%3%），可用 %4</translation>
    </message>
    <message>
        <source>df lists no filesystem holding it</source>
        <translation>df 没有列出承载它的文件系统</translation>
    </message>
    <message>
        <source>a later mount covers part of it: what is seen there is not docker&apos;s</source>
        <translation>之后的挂载覆盖了它的一部分：在那里看到的不是 docker 的内容</translation>
    </message>
    <message>
        <source>Docker root</source>
        <translation>docker 根目录</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s)</source>
        <translation>
            <numerusform>%n 个挂载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s)</source>
        <translation>
            <numerusform>%n 个 overlay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n 个被覆盖</numerusform>
        </translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>dockerd&apos;s command line</source>
        <translation>dockerd 命令行</translation>
    </message>
    <message>
        <source>the systemd unit&apos;s ExecStart</source>
        <translation>systemd 单元的 ExecStart</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>no permission</source>
        <translation>无权限</translation>
    </message>
    <message>
        <source>not collected</source>
        <translation>未采集</translation>
    </message>
    <message>
        <source>unknown (probe %1: %2)</source>
        <translation>未知（探测项 %1：%2）</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>未探测</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>connecting...</source>
        <translation>正在连接...</translation>
    </message>
    <message>
        <source>probing...</source>
        <translation>探测中...</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <source>host key unknown</source>
        <translation>主机密钥未知</translation>
    </message>
    <message>
        <source>HOST KEY CHANGED</source>
        <translation>主机密钥已改变</translation>
    </message>
    <message>
        <source>HOST KEY REVOKED</source>
        <translation>主机密钥已吊销</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>the daemon&apos;s image layers could not be read (docker image inspect)</source>
        <translation>无法读取守护进程的镜像层（docker image inspect）</translation>
    </message>
    <message>
        <source>the daemon uses layer %1, which the layer database does not name: the layer database seen is covered, incomplete or damaged</source>
        <translation>守护进程使用着层 %1，但层数据库中没有它：看到的层数据库被覆盖、不完整或已损坏</translation>
    </message>
    <message>
        <source>A covering mount sits above the docker root (%1): it holds more than docker&apos;s data, and unmounting it hides everything else under that path. Check what else lives there; to unmount it anyway, set parent-covers=unmount.</source>
        <translation>有一个覆盖挂载位于 docker 根目录之上（%1）：它承载的不只是 docker 的数据，卸载它会使该路径下的其他所有内容从视图中消失。请先确认那里还有什么；如仍要卸载，请设置 parent-covers=unmount。</translation>
    </message>
    <message>
        <source>Warning: %1 is above the docker root: whatever else is kept under it disappears from view (parent-covers=unmount).</source>
        <translation>警告：%1 位于 docker 根目录之上：其下保存的其他内容都会从视图中消失（parent-covers=unmount）。</translation>
    </message>
    <message>
        <source>The restart policy of %1 is unknown (docker&apos;s files are covered).</source>
        <translation>%1 的重启策略未知（docker 的文件被覆盖）。</translation>
    </message>
    <message>
        <source>%1 were started with --rm: a docker restart would remove them for good, so the script will not restart docker while they run.</source>
        <translation>%1 是以 --rm 启动的：重启 docker 会将其永久删除，因此在它们运行期间脚本不会重启 docker。</translation>
    </message>
    <message>
        <source>container %1 was %2 before the repair and is %3 now</source>
        <translation>容器 %1 修复前为 %2，现在为 %3</translation>
    </message>
    <message>
        <source>Mount(s) %1 were made on / of the mount namespace: a process whose root is the old / (such as the probe&apos;s shell, or any process started before) still sees the old root and every mount in it, and none of what was mounted on /.</source>
        <translation>挂载 %1 是在该挂载命名空间的 / 上创建的：根目录仍是旧 / 的进程（例如探测用的 shell，或之前启动的任何进程）仍看到旧的根及其中的所有挂载，而看不到挂载在 / 上的任何内容。</translation>
    </message>
    <message>
        <source>overmounted</source>
        <translation>被叠加挂载覆盖</translation>
    </message>
    <message>
        <source>shadowed</source>
        <translation>被遮蔽</translation>
    </message>
    <message>
        <source>stacked (nothing hidden)</source>
        <translation>叠加（未隐藏任何内容）</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Not probed yet</source>
        <translation>尚未探测</translation>
    </message>
    <message>
        <source>Nothing is known about this host yet: it has not been probed from this data directory.</source>
        <translation>尚不了解这台主机：在此数据目录中还从未探测过它。</translation>
    </message>
    <message>
        <source>Probe it (read-only: nothing on the host is changed).</source>
        <translation>探测它（只读：不会更改主机上的任何内容）。</translation>
    </message>
    <message>
        <source>The probe is under way; its result shows here when it arrives.</source>
        <translation>探测正在进行；结果到达后显示在这里。</translation>
    </message>
    <message>
        <source>No SSH server answered at this address and port: the host is down, the address or port is wrong, the name does not resolve, or a firewall rejects the connection.</source>
        <translation>此地址和端口上没有 SSH 服务器应答：主机已关机、地址或端口有误、主机名无法解析，或防火墙拒绝了连接。</translation>
    </message>
    <message>
        <source>Check the address, port and user of the host (the inventory, or ~/.ssh/config).</source>
        <translation>检查主机的地址、端口和用户（清单或 ~/.ssh/config）。</translation>
    </message>
    <message>
        <source>Check that the host is up and sshd listens: ssh -v from this workstation.</source>
        <translation>检查主机是否在线、sshd 是否在监听：在本工作站上运行 ssh -v。</translation>
    </message>
    <message>
        <source>Probe it again.</source>
        <translation>重新探测。</translation>
    </message>
    <message>
        <source>The host refused every key and password offered: the user is wrong, the public key is not in that user&apos;s ~/.ssh/authorized_keys, the key is not loaded in the agent, or its passphrase was not given.</source>
        <translation>主机拒绝了提供的所有密钥和密码：用户错误、公钥不在该用户的 ~/.ssh/authorized_keys 中、密钥未加载到代理，或未提供其口令。</translation>
    </message>
    <message>
        <source>Check the user of the host (the inventory, or User in ~/.ssh/config).</source>
        <translation>检查主机的用户（清单或 ~/.ssh/config 中的 User）。</translation>
    </message>
    <message>
        <source>Add the public key to the user&apos;s ~/.ssh/authorized_keys on the host, or load the key into the agent (ssh-add).</source>
        <translation>将公钥加入主机上该用户的 ~/.ssh/authorized_keys，或将密钥加载到代理（ssh-add）。</translation>
    </message>
    <message>
        <source>Probe it again; a key with a passphrase asks for it.</source>
        <translation>重新探测；带口令的密钥会提示输入口令。</translation>
    </message>
    <message>
        <source>The host&apos;s key is not in known_hosts: Layerwatch connects only to hosts whose key was approved, so nothing ran on it.</source>
        <translation>主机密钥不在 known_hosts 中：Layerwatch 只连接密钥已被认可的主机，因此未在其上运行任何内容。</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the host&apos;s own, read on its console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub.</source>
        <translation>将指纹与在主机控制台上读取的指纹比对：ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub。</translation>
    </message>
    <message>
        <source>Approve the key if they match; the host is probed then.</source>
        <translation>若一致则认可该密钥；随后会探测该主机。</translation>
    </message>
    <message>
        <source>The host presented a different key than known_hosts holds for it. Either it was reinstalled or its keys were regenerated, or someone is intercepting the connection. Layerwatch refuses to connect; nothing ran on it.</source>
        <translation>主机出示的密钥与 known_hosts 中记录的不同。要么主机被重装或重新生成了密钥，要么有人在拦截连接。Layerwatch 拒绝连接；未在其上运行任何内容。</translation>
    </message>
    <message>
        <source>Verify the new key out of band (the host&apos;s console, the provisioning records).</source>
        <translation>通过带外方式核实新密钥（主机控制台、装机记录）。</translation>
    </message>
    <message>
        <source>Only then remove the old entry (ssh-keygen -R HOST) and probe it again to approve the new key.</source>
        <translation>核实之后才删除旧条目（ssh-keygen -R HOST），并重新探测以认可新密钥。</translation>
    </message>
    <message>
        <source>The host&apos;s key is marked @revoked in known_hosts. Layerwatch refuses to connect; nothing ran on it.</source>
        <translation>主机密钥在 known_hosts 中被标记为 @revoked。Layerwatch 拒绝连接；未在其上运行任何内容。</translation>
    </message>
    <message>
        <source>Ask whoever revoked the key; do not connect until the host has a new, verified key.</source>
        <translation>询问吊销该密钥的人；在主机拥有经核实的新密钥之前不要连接。</translation>
    </message>
    <message>
        <source>A probe did not finish in time: a hung mount (often NFS), a docker daemon that does not answer, or a very slow host. What it answered before is shown; the rest is unknown.</source>
        <translation>有探测项未能按时完成：挂起的挂载（常见于 NFS）、不响应的 docker 守护进程，或主机非常慢。显示的是此前已应答的内容；其余未知。</translation>
    </message>
    <message>
        <source>See which probe timed out in the Raw tab.</source>
        <translation>在“原始数据”页查看哪个探测项超时。</translation>
    </message>
    <message>
        <source>Check the host for hung mounts (D-state processes) or a hung dockerd.</source>
        <translation>检查主机上是否有挂起的挂载（D 状态进程）或挂起的 dockerd。</translation>
    </message>
    <message>
        <source>The connection was not set up in time: a firewall silently drops the packets, the host is overloaded, or sshd hangs before its greeting.</source>
        <translation>连接未能按时建立：防火墙静默丢弃数据包、主机过载，或 sshd 在发送问候前挂起。</translation>
    </message>
    <message>
        <source>Check the address and port of the host.</source>
        <translation>检查主机的地址和端口。</translation>
    </message>
    <message>
        <source>Check that sshd answers: ssh -v from this workstation.</source>
        <translation>检查 sshd 是否应答：在本工作站上运行 ssh -v。</translation>
    </message>
    <message>
        <source>The probe was stopped before it finished; what is shown is from before.</source>
        <translation>探测在完成前被停止；显示的是之前的结果。</translation>
    </message>
    <message>
        <source>The probe failed; the error above says where.</source>
        <translation>探测失败；上面的错误说明了出错位置。</translation>
    </message>
    <message>
        <source>Probe it again; if it fails again, check the host&apos;s sshd log (journalctl -u ssh) and the address, port and user of the host.</source>
        <translation>重新探测；如果再次失败，请检查主机的 sshd 日志（journalctl -u ssh）以及主机的地址、端口和用户。</translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>可能原因：%1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Refused: the remediation prelude is not the reviewed one.</source>
        <translation>已拒绝：修复前导脚本不是审核过的版本。</translation>
    </message>
    <message>
        <source>Refused: the script&apos;s file name %1 is not a plain file name.</source>
        <translation>已拒绝：脚本文件名 %1 不是普通文件名。</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; cannot be used in a playbook (letters, digits, . _ : - only).</source>
        <translation>主机名“%1”不能用在 playbook 中（只能包含字母、数字和 . _ : -）。</translation>
    </message>
    <message>
        <source>planned for another script version</source>
        <translation>是为另一个脚本版本规划的</translation>
    </message>
    <message>
        <source>No host has a valid plan for %1: nothing to export.</source>
        <translation>没有主机对 %1 有有效计划：没有可导出的内容。</translation>
    </message>
    <message>
        <source>The probe bundle is missing.</source>
        <translation>缺少探测包。</translation>
    </message>
    <message>
        <source>Cannot create the directory of %1</source>
        <translation>无法创建 %1 所在的目录</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>unknown version %1 of the probe playbook&apos;s result</source>
        <translation>探测 playbook 结果的版本 %1 未知</translation>
    </message>
    <message>
        <source>no host name or no valid marker</source>
        <translation>没有主机名或没有有效的标记</translation>
    </message>
    <message>
        <source>the probe bundle did not run to its end on %1 (exit status %2)%3</source>
        <translation>探测包没有在 %1 上运行到结束（退出状态 %2）%3</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1：第 %2 行：%3</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>无法创建临时目录：%1</translation>
    </message>
    <message>
        <source>The host name &quot;%1&quot; cannot name a directory in the archive.</source>
        <translation>主机名“%1”不能作为归档中的目录名。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The name %1 is too long for the archive.</source>
        <translation>名称 %1 对归档来说太长。</translation>
    </message>
    <message>
        <source>larger than 4 GiB</source>
        <translation>大于 4 GiB</translation>
    </message>
    <message>
        <source>the archive ends in the middle of an entry</source>
        <translation>归档在一个条目中间结束</translation>
    </message>
    <message>
        <source>not a tar archive (ustar)</source>
        <translation>不是 tar 归档（ustar）</translation>
    </message>
    <message>
        <source>the entry %1 is larger than 64 MiB</source>
        <translation>条目 %1 大于 64 MiB</translation>
    </message>
    <message>
        <source>the archive ends in the middle of %1</source>
        <translation>归档在 %1 中间结束</translation>
    </message>
    <message>
        <source>unexpected directory %1 (only &lt;host&gt;/&lt;file&gt;)</source>
        <translation>意外的目录 %1（只允许 &lt;主机&gt;/&lt;文件&gt;）</translation>
    </message>
    <message>
        <source>the entry %1 is not a regular file</source>
        <translation>条目 %1 不是普通文件</translation>
    </message>
    <message>
        <source>unexpected entry %1 (only &lt;host&gt;/&lt;file&gt;)</source>
        <translation>意外的条目 %1（只允许 &lt;主机&gt;/&lt;文件&gt;）</translation>
    </message>
    <message>
        <source>cannot unpack %1</source>
        <translation>无法解开 %1</translation>
    </message>
    <message>
        <source>the archive holds no capture</source>
        <translation>归档中没有采集</translation>
    </message>
    <message>
        <source>Critical findings</source>
        <translation>有严重问题</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>有警告</translation>
    </message>
    <message>
        <source>Notes only</source>
        <translation>只有提示</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Not fully checked</source>
        <translation>未完全检查</translation>
    </message>
    <message>
        <source>Not probed</source>
        <translation>未探测</translation>
    </message>
    <message>
        <source>Hosts by status</source>
        <translation>按状态统计的主机</translation>
    </message>
    <message>
        <source>No hosts</source>
        <translation>没有主机</translation>
    </message>
    <message>
        <source>Hosts per finding</source>
        <translation>各问题涉及的主机数</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>没有发现问题</translation>
    </message>
    <message>
        <source>Docker root usage per host</source>
        <translation>各主机的 docker 根目录使用率</translation>
    </message>
    <message>
        <source>No disk usage known</source>
        <translation>没有已知的磁盘使用情况</translation>
    </message>
    <message>
        <source>none (see the explanation)</source>
        <translation>无（见说明）</translation>
    </message>
    <message>
        <source>Disk space concerned: %1</source>
        <translation>涉及的磁盘空间：%1</translation>
    </message>
    <message>
        <source>Recommended repair:</source>
        <translation>建议的修复方案：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>采集时间</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Probe result</source>
        <translation>探测结果</translation>
    </message>
    <message>
        <source>Hosts by finding</source>
        <translation>按问题统计的主机</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Recommended repair</source>
        <translation>建议的修复方案</translation>
    </message>
    <message>
        <source>Affected hosts</source>
        <translation>受影响的主机</translation>
    </message>
    <message>
        <source>Layerwatch fleet report</source>
        <translation>Layerwatch 主机群报告</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s), generated %1</source>
        <translation>
            <numerusform>%n 台主机，生成于 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; a capture is read from regular files only</source>
        <translation>%1 是符号链接；采集只从普通文件读取</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or directory): not read</source>
        <translation>%1 不是普通文件（FIFO、设备或目录）：未读取</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes, more than Layerwatch ever writes there: not read</source>
        <translation>%1 大于 %2 字节，超过 Layerwatch 在此处写入的上限：未读取</translation>
    </message>
    <message>
        <source>cannot inspect %1: %2</source>
        <translation>无法检查 %1：%2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; a capture is never written through one</source>
        <translation>%1 是符号链接；采集绝不通过符号链接写入</translation>
    </message>
    <message>
        <source>%1 is not a capture directory: it holds &quot;%2&quot;, which Layerwatch did not write; not replacing it</source>
        <translation>%1 不是采集目录：其中有“%2”，并非 Layerwatch 所写；不替换它</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; host directories are not followed</source>
        <translation>%1 是符号链接；不跟随主机目录的符号链接</translation>
    </message>
    <message>
        <source>%1: the directory name is not valid UTF-8; rename it to read this host&apos;s capture</source>
        <translation>%1：目录名不是有效的 UTF-8；请重命名后再读取此主机的采集</translation>
    </message>
    <message>
        <source>%1 holds no capture (no meta.json or probe file): not analyzed</source>
        <translation>%1 中没有采集（没有 meta.json 或探测文件）：未分析</translation>
    </message>
    <message>
        <source>%1 is the same host as line %2 (same user, address and port): merged.</source>
        <translation>%1 与第 %2 行是同一台主机（用户、地址和端口都相同）：已合并。</translation>
    </message>
    <message>
        <source>Line %1 looks like an ssh_config Host line, but line %2 is no ssh_config keyword: read as a host list (give the format to read it otherwise).</source>
        <translation>第 %1 行看起来像 ssh_config 的 Host 行，但第 %2 行不是 ssh_config 关键字：按主机列表读取（如需按其他格式读取，请指定格式）。</translation>
    </message>
    <message>
        <source>Include %1: no such file</source>
        <translation>Include %1：文件不存在</translation>
    </message>
    <message>
        <source>Include %1: cannot be read</source>
        <translation>Include %1：无法读取</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 cannot be opened (%2): it trusts nothing.</source>
        <translation>无法打开受信任目录列表 %1（%2）：不信任任何目录。</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 is not a regular file: it trusts nothing.</source>
        <translation>受信任目录列表 %1 不是普通文件：不信任任何目录。</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 may be changed by others (owner or mode): it trusts nothing. It must belong to you or root and not be writable by group or others.</source>
        <translation>受信任目录列表 %1 可能被他人修改（属主或权限）：不信任任何目录。它必须属于您或 root，且组和其他用户不可写。</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 is too large: it trusts nothing.</source>
        <translation>受信任目录列表 %1 过大：不信任任何目录。</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 is not {&quot;format&quot;: 1, &quot;catalogs&quot;: [...]}: it trusts nothing.</source>
        <translation>受信任目录列表 %1 的格式不是 {&quot;format&quot;: 1, &quot;catalogs&quot;: [...]}：不信任任何目录。</translation>
    </message>
    <message>
        <source>The trusted-catalogs list %1 has an entry without a manifestSha256 (64 lower-case hex digits) or approvedBy: it trusts nothing.</source>
        <translation>受信任目录列表 %1 中有条目缺少 manifestSha256（64 位小写十六进制）或 approvedBy：不信任任何目录。</translation>
    </message>
    <message>
        <source>Catalog: built-in (the reviewed copy in the program), manifest SHA-256 %1.</source>
        <translation>目录：内置（程序中已审核的副本），manifest SHA-256 %1。</translation>
    </message>
    <message>
        <source>Catalog: %1, manifest SHA-256 %2: the same manifest as the built-in one.</source>
        <translation>目录：%1，manifest SHA-256 %2：与内置 manifest 相同。</translation>
    </message>
    <message>
        <source>Catalog: %1, NOT the built-in one; manifest SHA-256 %2, approved in the trusted-catalogs list by %3.</source>
        <translation>目录：%1，不是内置目录；manifest SHA-256 %2，已由 %3 在受信任目录列表中批准。</translation>
    </message>
    <message>
        <source>Catalog: %1, NOT the built-in one; manifest SHA-256 %2, not approved: refused.</source>
        <translation>目录：%1，不是内置目录；manifest SHA-256 %2，未获批准：拒绝。</translation>
    </message>
    <message>
        <source>The built-in catalog has no script %1: this script was never reviewed with Layerwatch.</source>
        <translation>内置目录中没有脚本 %1：此脚本从未随 Layerwatch 审核。</translation>
    </message>
    <message>
        <source>The script %1 DIFFERS from the built-in reviewed one: SHA-256 %2 here, %3 built in.</source>
        <translation>脚本 %1 与内置的已审核版本不同：此处 SHA-256 为 %2，内置为 %3。</translation>
    </message>
    <message>
        <source>The script %1 is the built-in reviewed one (SHA-256 %2).</source>
        <translation>脚本 %1 即内置的已审核版本（SHA-256 %2）。</translation>
    </message>
    <message>
        <source>The catalog %1 is not the built-in one and its manifest (SHA-256 %2) is not in the trusted-catalogs list %3: every script in it is refused.</source>
        <translation>目录 %1 不是内置目录，且其 manifest（SHA-256 %2）不在受信任目录列表 %3 中：其中所有脚本都被拒绝。</translation>
    </message>
    <message>
        <source>The script %1 comes from the catalog %2, which is neither the built-in one nor approved in the trusted-catalogs list (manifest SHA-256 %3): refused.</source>
        <translation>脚本 %1 来自目录 %2，该目录既不是内置目录，也未在受信任目录列表中获批（manifest SHA-256 %3）：拒绝。</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Fleet</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>尚未开始即被取消。</translation>
    </message>
    <message>
        <source>Probe(s) %1 timed out on the host; the other probes ran.</source>
        <translation>探测项 %1 在主机上超时；其他探测项已执行。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The probe bundle exited with status %1: %2</source>
        <translation>探测脚本包以状态 %1 退出：%2</translation>
    </message>
    <message>
        <source>The probe bundle did not complete: %1</source>
        <translation>探测脚本包未完成：%1</translation>
    </message>
    <message>
        <source>Cannot create the directory of the audit log %1.</source>
        <translation>无法创建审计日志 %1 所在的目录。</translation>
    </message>
    <message>
        <source>Cannot open the audit log %1: %2</source>
        <translation>无法打开审计日志 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write to the audit log %1: %2</source>
        <translation>无法写入审计日志 %1：%2</translation>
    </message>
    <message>
        <source>short write</source>
        <translation>写入不完整</translation>
    </message>
    <message>
        <source>Cannot sync the audit log %1: %2</source>
        <translation>无法同步审计日志 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the audit log %1: %2</source>
        <translation>无法读取审计日志 %1：%2</translation>
    </message>
    <message>
        <source>Line %1 of the audit log is an incomplete record (torn write); skipped.</source>
        <translation>审计日志第 %1 行是不完整的记录（写入中断）；已跳过。</translation>
    </message>
    <message>
        <source>Line %1 of the audit log is not a JSON record; skipped.</source>
        <translation>审计日志第 %1 行不是 JSON 记录；已跳过。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The remote process group is unknown; the script may still run on the host.</source>
        <translation>远程进程组未知；脚本可能仍在主机上运行。</translation>
    </message>
    <message>
        <source>Ending process group %1 on the host failed: %2</source>
        <translation>在主机上终止进程组 %1 失败：%2</translation>
    </message>
    <message>
        <source>Process group %1 ended on the host.</source>
        <translation>已在主机上终止进程组 %1。</translation>
    </message>
    <message>
        <source>Cancelled before it started; nothing ran.</source>
        <translation>尚未开始即被取消；没有执行任何内容。</translation>
    </message>
    <message>
        <source>Not run: %1</source>
        <translation>未执行：%1</translation>
    </message>
    <message>
        <source>Not run: the audit log cannot be written (%1).</source>
        <translation>未执行：无法写入审计日志（%1）。</translation>
    </message>
    <message>
        <source>[live output capped; the rest is in the result]</source>
        <translation>[实时输出已达上限；其余内容见结果]</translation>
    </message>
    <message>
        <source>Cancelled while running.</source>
        <translation>运行中被取消。</translation>
    </message>
    <message>
        <source>No end after %1 s: cut off.</source>
        <translation>%1 秒后仍未结束：已强制中断。</translation>
    </message>
    <message>
        <source>The script ran longer than %1 s and was ended on the host.</source>
        <translation>脚本运行超过 %1 秒，已在主机上被终止。</translation>
    </message>
    <message>
        <source>The script exited with status %1.</source>
        <translation>脚本以状态 %1 退出。</translation>
    </message>
    <message>
        <source>The script exited with status %1: %2</source>
        <translation>脚本以状态 %1 退出：%2</translation>
    </message>
    <message>
        <source>The script was ended by signal %1.</source>
        <translation>脚本被信号 %1 终止。</translation>
    </message>
    <message>
        <source>The connection ended while the script ran (%1); its outcome is unknown. It is not re-run: re-probe the host and decide.</source>
        <translation>脚本运行期间连接中断（%1）；结果未知。不会重新执行：请重新探测该主机后再做决定。</translation>
    </message>
    <message>
        <source>The audit log cannot be written (%1).</source>
        <translation>无法写入审计日志（%1）。</translation>
    </message>
    <message>
        <source>A batch is already running.</source>
        <translation>已有批次正在运行。</translation>
    </message>
    <message>
        <source>No SSH pool or audit log.</source>
        <translation>没有 SSH 连接池或审计日志。</translation>
    </message>
    <message>
        <source>There is no reviewed script %1.</source>
        <translation>没有审核过的脚本 %1。</translation>
    </message>
    <message>
        <source>The script %1 is not the reviewed one: refused.</source>
        <translation>脚本 %1 不是审核过的版本：拒绝执行。</translation>
    </message>
    <message>
        <source>No approval: say who approved the run and how.</source>
        <translation>缺少批准：请说明由谁、以何种方式批准了本次执行。</translation>
    </message>
    <message>
        <source>Invalid rollout: the batch size must be at least 1, the limits not negative.</source>
        <translation>发布设置无效：批次大小至少为 1，上限不能为负数。</translation>
    </message>
    <message>
        <source>The approval must carry the number of hosts that will be changed, typed by the operator: %1 (typed: %2).</source>
        <translation>批准必须包含操作员输入的将被改动的主机数：%1（输入的是：%2）。</translation>
    </message>
    <message>
        <source>The audit log cannot be written, so nothing runs: %1</source>
        <translation>无法写入审计日志，因此不执行任何操作：%1</translation>
    </message>
    <message>
        <source>The re-probe still finds %1.</source>
        <translation>重新探测仍发现 %1。</translation>
    </message>
    <message>
        <source>The script succeeded, but the re-probe could not tell whether %1 is gone (%2).</source>
        <translation>脚本执行成功，但重新探测无法确定 %1 是否已消除（%2）。</translation>
    </message>
    <message>
        <source>The re-probe did not finish; the result is unverified.</source>
        <translation>重新探测未完成；结果未经验证。</translation>
    </message>
    <message>
        <source>Not run: the batch was cancelled.</source>
        <translation>未执行：该批次已被取消。</translation>
    </message>
    <message>
        <source>Not run: the canary did not succeed.</source>
        <translation>未执行：金丝雀主机未成功。</translation>
    </message>
    <message>
        <source>Not run: the batch stopped at its failure limit.</source>
        <translation>未执行：该批次已在达到失败上限时停止。</translation>
    </message>
    <message>
        <source>The host reported probe %1 unchanged, but its earlier result is not known here.</source>
        <translation>主机报告探测项 %1 未变化，但这里没有它之前的结果。</translation>
    </message>
    <message>
        <source>The probe did not run: %1</source>
        <translation>该探测未能运行：%1</translation>
    </message>
    <message>
        <source>unreadable reply</source>
        <translation>无法读取的应答</translation>
    </message>
    <message>
        <source>SFTP error %1</source>
        <translation>SFTP 错误 %1</translation>
    </message>
    <message>
        <source>Verification failed: %1.</source>
        <translation>验证失败：%1。</translation>
    </message>
    <message>
        <source>The host&apos;s reply lacks probe(s) %1: they did not run or their answer was lost.</source>
        <translation>主机的回复缺少探测 %1：它们没有运行，或其结果已丢失。</translation>
    </message>
</context>
<context>
    <name>Layerwatch::Ssh</name>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Refusing to write a malformed host key entry for %1</source>
        <translation>拒绝为 %1 写入格式错误的主机密钥条目</translation>
    </message>
    <message>
        <source>Cannot lock %1</source>
        <translation>无法锁定 %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot create an SSH session</source>
        <translation>无法创建 SSH 会话</translation>
    </message>
    <message>
        <source>Invalid host name or user: %1</source>
        <translation>主机名或用户无效：%1</translation>
    </message>
    <message>
        <source>Cannot parse the SSH configuration: %1</source>
        <translation>无法解析 SSH 配置：%1</translation>
    </message>
    <message>
        <source>Connection to %1 timed out</source>
        <translation>连接 %1 超时</translation>
    </message>
    <message>
        <source>%1 is unreachable: %2</source>
        <translation>%1 不可达：%2</translation>
    </message>
    <message>
        <source>Connection to %1 failed: %2</source>
        <translation>连接 %1 失败：%2</translation>
    </message>
    <message>
        <source>The server sent no host key: %1</source>
        <translation>服务器未发送主机密钥：%1</translation>
    </message>
    <message>
        <source>Cannot read the server&apos;s host key</source>
        <translation>无法读取服务器的主机密钥</translation>
    </message>
    <message>
        <source>Cannot hash the server&apos;s host key</source>
        <translation>无法计算服务器主机密钥的哈希</translation>
    </message>
    <message>
        <source>The host key of %1 is not known (%2 %3)</source>
        <translation>%1 的主机密钥未知（%2 %3）</translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED (now %2 %3); refusing to connect</source>
        <translation>%1 的主机密钥已改变（现在是 %2 %3）；拒绝连接</translation>
    </message>
    <message>
        <source>The host key of %1 is REVOKED (%2 %3); refusing to connect</source>
        <translation>%1 的主机密钥已被吊销（%2 %3）；拒绝连接</translation>
    </message>
    <message>
        <source>Authentication with %1 failed: %2</source>
        <translation>在 %1 上认证失败：%2</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Cannot open a channel: %1</source>
        <translation>无法打开通道：%1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <source>The server refused to run the command: %1</source>
        <translation>服务器拒绝执行命令：%1</translation>
    </message>
    <message>
        <source>Cannot poll the SSH session</source>
        <translation>无法轮询 SSH 会话</translation>
    </message>
    <message>
        <source>The command timed out after %1 ms</source>
        <translation>命令在 %1 毫秒后超时</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>The server closed the channel without an exit status</source>
        <translation>服务器关闭了通道，但未返回退出状态</translation>
    </message>
    <message>
        <source>A kept command needs a key, a command and a completion check</source>
        <translation>保持的命令需要一个键、一条命令和一个完成检查</translation>
    </message>
    <message>
        <source>The reply exceeded the output limit of %1 bytes</source>
        <translation>回复超出了 %1 字节的输出上限</translation>
    </message>
    <message>
        <source>Cannot write the request: %1</source>
        <translation>无法写入请求：%1</translation>
    </message>
    <message>
        <source>The command ended before its reply was complete</source>
        <translation>命令在回复完整之前就结束了</translation>
    </message>
    <message>
        <source>The server refused the subsystem %1: %2</source>
        <translation>服务器拒绝了子系统 %1：%2</translation>
    </message>
    <message>
        <source>Connection to %1 timed out after %2 s</source>
        <translation>连接 %1 在 %2 秒后超时</translation>
    </message>
    <message>
        <source>the SSH agent</source>
        <translation>SSH 代理</translation>
    </message>
    <message>
        <source>a password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>keyboard-interactive</source>
        <translation>键盘交互</translation>
    </message>
    <message>
        <source>no SSH agent (SSH_AUTH_SOCK is not set)</source>
        <translation>没有 SSH 代理（未设置 SSH_AUTH_SOCK）</translation>
    </message>
    <message>
        <source>no key file (none given, none in ~/.ssh)</source>
        <translation>没有密钥文件（未指定，~/.ssh 中也没有）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Authentication as %1 failed: no method was accepted.</source>
        <translation>以 %1 身份认证失败：没有被接受的认证方式。</translation>
    </message>
    <message>
        <source>Tried: %1.</source>
        <translation>已尝试：%1。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not available: %1.</source>
        <translation>不可用：%1。</translation>
    </message>
    <message>
        <source>The server accepts: %1.</source>
        <translation>服务器接受：%1。</translation>
    </message>
    <message>
        <source>The reply&apos;s error output exceeded its limit of %1 bytes: cut off, the rest not kept</source>
        <translation>回复的错误输出超过了 %1 字节的上限：已截断，其余部分未保留</translation>
    </message>
    <message>
        <source>key %1: no such file</source>
        <translation>密钥 %1：文件不存在</translation>
    </message>
    <message>
        <source>Not used: %1.</source>
        <translation>未使用：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>key %1: readable by others (mode %2), ignored as OpenSSH ignores it</source>
        <translation>密钥 %1：其他用户可读（权限 %2），与 OpenSSH 一样忽略它</translation>
    </message>
    <message>
        <source>key %1: encrypted, and no (right) passphrase was given</source>
        <translation>密钥 %1：已加密，且未提供（正确的）口令</translation>
    </message>
    <message>
        <source>key %1: not a private key libssh can read</source>
        <translation>密钥 %1：不是 libssh 能读取的私钥</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>探测(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Probe toolbar</source>
        <translation>探测工具栏</translation>
    </message>
    <message>
        <source>Import inventory...</source>
        <translation>导入主机清单...</translation>
    </message>
    <message>
        <source>Import hosts from an inventory file (plain list, Ansible INI, ~/.ssh/config)</source>
        <translation>从主机清单文件（纯文本列表、Ansible INI、~/.ssh/config）导入主机</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Edit inventory...</source>
        <translation>编辑主机清单...</translation>
    </message>
    <message>
        <source>Add, edit and remove hosts and their tags</source>
        <translation>添加、编辑和删除主机及其标签</translation>
    </message>
    <message>
        <source>Open capture...</source>
        <translation>打开采集结果...</translation>
    </message>
    <message>
        <source>Load captures saved by layerwatch-cli probe --save</source>
        <translation>载入由 layerwatch-cli probe --save 保存的采集结果</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Probe all</source>
        <translation>探测全部</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Probe selected</source>
        <translation>探测所选</translation>
    </message>
    <message>
        <source>Probe the selected hosts (read-only)</source>
        <translation>探测所选主机（只读）</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running probe sweep</source>
        <translation>停止正在进行的一轮探测</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Find...</source>
        <translation>查找...</translation>
    </message>
    <message>
        <source>Search hosts, tags, kernels and finding IDs</source>
        <translation>搜索主机、标签、内核和问题 ID</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show every host again</source>
        <translation>重新显示所有主机</translation>
    </message>
    <message>
        <source>Host details</source>
        <translation>主机详细信息</translation>
    </message>
    <message>
        <source>Show or hide the host detail panel</source>
        <translation>显示或隐藏主机详细信息面板</translation>
    </message>
    <message>
        <source>F4</source>
        <translation>F4</translation>
    </message>
    <message>
        <source>Fleet charts</source>
        <translation>主机群图表</translation>
    </message>
    <message>
        <source>Show or hide the fleet charts</source>
        <translation>显示或隐藏主机群图表</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>About Layerwatch</source>
        <translation>关于 Layerwatch</translation>
    </message>
    <message>
        <source>Probe every host in the table (read-only); a host probed before gets a refresh on its kept connection</source>
        <translation>探测表中的每台主机（只读）；之前探测过的主机在保持的连接上进行刷新</translation>
    </message>
    <message>
        <source>Full probe of all</source>
        <translation>全部完整探测</translation>
    </message>
    <message>
        <source>Probe every host and run every probe again, also those a refresh reports unchanged (kernel configuration, docker info)</source>
        <translation>探测每台主机并重新运行所有探测项，包括刷新时报告未变化的项（内核配置、docker info）</translation>
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
        <translation>快照存储未打开</translation>
    </message>
</context>
<context>
    <name>SshSettings</name>
    <message>
        <source>The identity file %1 does not exist.</source>
        <translation>身份文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The identity file %1 is not a readable file.</source>
        <translation>身份文件 %1 不是可读的文件。</translation>
    </message>
    <message>
        <source>The known_hosts file %1 is not a file.</source>
        <translation>known_hosts 文件 %1 不是普通文件。</translation>
    </message>
    <message>
        <source>The folder of the known_hosts file %1 does not exist.</source>
        <translation>known_hosts 文件 %1 所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>The ssh_config file %1 does not exist.</source>
        <translation>ssh_config 文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The ssh_config file %1 is not a readable file.</source>
        <translation>ssh_config 文件 %1 不是可读的文件。</translation>
    </message>
    <message>
        <source>The user name &quot;%1&quot; is not valid.</source>
        <translation>用户名“%1”无效。</translation>
    </message>
</context>
<context>
    <name>lw::gui::AuditLogViewer</name>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行 (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export audit records</source>
        <translation>导出审计记录</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 条记录导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a record to see all of it.</source>
        <translation>选择一条记录以查看其全部内容。</translation>
    </message>
    <message>
        <source>The audit log %1 cannot be read.</source>
        <translation>无法读取审计日志 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s) shown.</source>
        <translation>
            <numerusform>显示 %n 条记录中的 %1 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>The last line is incomplete (a write was interrupted); it was skipped.</source>
        <translation>最后一行不完整（写入被中断）；已跳过。</translation>
    </message>
    <message>
        <source>Remediation audit log</source>
        <translation>修复审计日志</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Filter: host, user, script, event, exit...</source>
        <translation>筛选：主机、用户、脚本、事件、退出码...</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>batch started</source>
        <translation>批次开始</translation>
    </message>
    <message>
        <source>batch finished</source>
        <translation>批次结束</translation>
    </message>
    <message>
        <source>started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <source>cancel requested</source>
        <translation>已请求取消</translation>
    </message>
    <message>
        <source>run</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>finding gone</source>
        <translation>问题已消除</translation>
    </message>
    <message>
        <source>finding still there</source>
        <translation>问题仍存在</translation>
    </message>
    <message>
        <source>workload down</source>
        <translation>业务已中断</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>host count typed in the dialog</source>
        <translation>在对话框中输入了主机数</translation>
    </message>
    <message>
        <source>approved in the dialog</source>
        <translation>在对话框中批准</translation>
    </message>
    <message>
        <source>--yes on the command line</source>
        <translation>命令行 --yes</translation>
    </message>
    <message>
        <source>dry run, nothing to approve</source>
        <translation>演练，无需批准</translation>
    </message>
    <message>
        <source>typed: %1</source>
        <translation>输入：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>host names typed: %1</source>
        <translation>已输入主机名：%1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1，由 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>lw::gui::BatchPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>finding gone</source>
        <translation>问题已消除</translation>
    </message>
    <message>
        <source>finding still there</source>
        <translation>问题仍存在</translation>
    </message>
    <message>
        <source>could not re-probe</source>
        <translation>无法重新探测</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>planning</source>
        <translation>规划中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN - check by hand</source>
        <translation>结果未知 - 请人工检查</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>not fixed</source>
        <translation>未修复</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Audit log: %1</source>
        <translation>审计日志：%1</translation>
    </message>
    <message>
        <source>The connection was lost while the script ran: the host may or may not have been changed. Check it by hand; it is never re-run automatically.</source>
        <translation>脚本运行期间连接断开：主机可能已被改动，也可能没有。请人工检查；系统绝不会自动重新执行。</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>(output truncated)</source>
        <translation>（输出已截断）</translation>
    </message>
    <message>
        <source>
[... %1 characters of output not shown ...]
</source>
        <translation>
[... 还有 %1 个字符的输出未显示 ...]
</translation>
    </message>
    <message>
        <source>Output of %1 (stderr in red):</source>
        <translation>%1 的输出（stderr 以红色显示）：</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n host(s): </source>
        <translation>
            <numerusform>已完成：%n 台主机：</numerusform>
        </translation>
    </message>
    <message>
        <source>The canary failed: the other hosts were not run.</source>
        <translation>金丝雀主机失败：其他主机未执行。</translation>
    </message>
    <message>
        <source>Stopped at the failure threshold.</source>
        <translation>已在达到失败阈值时停止。</translation>
    </message>
    <message>
        <source>Cancelled by the operator.</source>
        <translation>已被操作员取消。</translation>
    </message>
    <message>
        <source>Outcome unknown, check by hand (never re-run automatically): %1</source>
        <translation>结果未知，请人工检查（绝不会自动重新执行）：%1</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>取消该批次</translation>
    </message>
    <message>
        <source>Stop the hosts that are running (their scripts are killed) and skip the rest?</source>
        <translation>要停止正在运行的主机（终止其脚本）并跳过其余主机吗？</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Continue with the next batch</source>
        <translation>继续执行下一批次</translation>
    </message>
    <message>
        <source>Stop after the hosts that are running now</source>
        <translation>在当前正在运行的主机完成后停止</translation>
    </message>
    <message>
        <source>&amp;Cancel...</source>
        <translation>取消(&amp;C)...</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>输出：</translation>
    </message>
</context>
<context>
    <name>lw::gui::CredentialDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <source>Passphrase for the private key %1:</source>
        <translation>私钥 %1 的口令：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Kept in memory for this session only; never written to disk.</source>
        <translation>仅在本次会话中保存在内存里，绝不写入磁盘。</translation>
    </message>
    <message>
        <source>The saved secret could not be read from the system keychain: %1</source>
        <translation>无法从系统钥匙串读取已保存的密码：%1</translation>
    </message>
    <message>
        <source>Saving in the system keychain...</source>
        <translation>正在保存到系统钥匙串...</translation>
    </message>
    <message>
        <source>Not saved in the system keychain: %1
Press OK to use the secret for this session only.</source>
        <translation>未保存到系统钥匙串：%1
按“确定”仅在本次会话中使用该密码。</translation>
    </message>
    <message>
        <source>Looking for a system keychain...</source>
        <translation>正在查找系统钥匙串...</translation>
    </message>
    <message>
        <source>Saves the secret in the system keychain (service &quot;%1&quot;), so that later sessions do not ask again. File &gt; Forget saved secrets deletes it.</source>
        <translation>将密码保存到系统钥匙串（服务“%1”），以后的会话不再询问。“文件 &gt; 忘记已保存的密码”可将其删除。</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation>记住到系统钥匙串</translation>
    </message>
    <message>
        <source>Kept in memory for this session and saved in the system keychain when you press OK; never written to a file by Layerwatch.</source>
        <translation>在本次会话中保存在内存里，按“确定”时保存到系统钥匙串；Layerwatch 绝不会把它写入文件。</translation>
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
        <translation>docker 根目录 %1 位于 %2（%3，挂载于 %4）：共 %6，已用 %5（%7%），可用 %8。</translation>
    </message>
    <message>
        <source>No disk usage collected for this host.</source>
        <translation>未采集此主机的磁盘使用情况。</translation>
    </message>
    <message>
        <source>The filesystem holding the docker root %1 is not in the df output.</source>
        <translation>df 输出中没有 docker 根目录 %1 所在的文件系统。</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Docker root usage over past probes</source>
        <translation>历次探测的 docker 根目录使用率</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>No usage history yet: it grows with every probe of this host.</source>
        <translation>尚无使用历史：每探测一次此主机就会增加一条。</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>A later mount covers the docker root %1: df shows %2 (%3, mounted on %4) there, %5 of %6 used - not docker&apos;s data. Docker&apos;s own filesystem is hidden under it.</source>
        <translation>后来的挂载覆盖了 docker 根目录 %1：df 在那里显示的是 %2（%3，挂载于 %4），已用 %5 / %6——不是 docker 的数据。docker 自己的文件系统被藏在它下面。</translation>
    </message>
    <message>
        <source>Disk usage per filesystem (% of its size)</source>
        <translation>各文件系统磁盘使用（占其容量的百分比）</translation>
    </message>
    <message>
        <source>Covered docker root</source>
        <translation>被覆盖的 docker 根目录</translation>
    </message>
    <message>
        <source>Used (docker root)</source>
        <translation>已用（docker 根目录）</translation>
    </message>
    <message>
        <source>%1 on %2 (%3): %4 used, %5 available, %6 in all</source>
        <translation>%1 位于 %2（%3）：已用 %4，可用 %5，共 %6</translation>
    </message>
    <message>
        <source>%1 reserved (for root, not available to docker)</source>
        <translation>保留 %1（供 root 使用，docker 不可用）</translation>
    </message>
    <message>
        <source>Covers the docker root %1: not docker&apos;s data.</source>
        <translation>覆盖了 docker 根目录 %1：不是 docker 的数据。</translation>
    </message>
    <message>
        <source>Holds the docker root %1.</source>
        <translation>存放 docker 根目录 %1。</translation>
    </message>
    <message>
        <source>[docker root, COVERED]</source>
        <translation>[docker 根目录，已被覆盖]</translation>
    </message>
    <message>
        <source>[docker root]</source>
        <translation>[docker 根目录]</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation>%1%，共 %2</translation>
    </message>
</context>
<context>
    <name>lw::gui::FleetChartsWidget</name>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n over the %1% threshold</source>
        <translation>
            <numerusform>%n 台超过 %1% 阈值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without known usage</source>
        <translation>
            <numerusform>%n 台使用率未知</numerusform>
        </translation>
    </message>
    <message>
        <source>chart shows the %1 fullest</source>
        <translation>图中显示使用率最高的 %1 台</translation>
    </message>
    <message>
        <source>Docker root usage per host</source>
        <translation>各主机的 docker 根目录使用率</translation>
    </message>
    <message>
        <source>Below %1%</source>
        <translation>低于 %1%</translation>
    </message>
    <message>
        <source>Over %1%</source>
        <translation>高于 %1%</translation>
    </message>
    <message>
        <source>Threshold %1%</source>
        <translation>阈值 %1%</translation>
    </message>
    <message>
        <source>Hosts per finding</source>
        <translation>各问题涉及的主机数</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>lw::gui::FleetModel</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>ok (stale)</source>
        <translation>正常（已过时）</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <translation>%1 %，共 %2</translation>
    </message>
    <message numerus="yes">
        <source>none (%n check(s) unknown)</source>
        <translation>
            <numerusform>无（%n 项检查结果未知）</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: %2 (+%3 more)</source>
        <translation>%1：%2（另有 %3 项）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Stale: last probed %1 ago.</source>
        <translation>已过时：上次探测是在 %1 之前。</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>overlay2 needs a native kernel 4.0 or later (or RHEL/CentOS 7 3.10.0-514 or later)</source>
        <translation>overlay2 需要原生 4.0 及以上内核（或 RHEL/CentOS 7 的 3.10.0-514 及以上）</translation>
    </message>
    <message>
        <source>The storage driver is set in more than one place: %1. dockerd refuses to start when it is given both as a flag and in daemon.json.</source>
        <translation>存储驱动在多处设置：%1。同时以启动参数和 daemon.json 指定时，dockerd 会拒绝启动。</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s) hidden under a later mount: not reachable from the host</source>
        <translation>
            <numerusform>%n 个挂载被后来的挂载覆盖：在主机上无法访问</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 used, %3 available, %4 total</source>
        <translation>%1：已用 %2，可用 %3，共 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) could not be decided (missing probe data)</source>
        <translation>
            <numerusform>%n 项检查无法判定（缺少探测数据）</numerusform>
        </translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last probe</source>
        <translation>上次探测</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Driver (configured)</source>
        <translation>驱动（配置）</translation>
    </message>
    <message>
        <source>Driver (running)</source>
        <translation>驱动（运行）</translation>
    </message>
    <message>
        <source>Backing FS</source>
        <translation>底层文件系统</translation>
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
        <translation>被覆盖的挂载</translation>
    </message>
    <message>
        <source>Docker root usage</source>
        <translation>docker 根目录使用率</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>最严重的问题</translation>
    </message>
    <message>
        <source>storage-driver as set in daemon.json, dockerd&apos;s flags or /etc/sysconfig/docker-storage</source>
        <translation>在 daemon.json、dockerd 启动参数或 /etc/sysconfig/docker-storage 中设置的 storage-driver</translation>
    </message>
    <message>
        <source>Storage Driver reported by docker info</source>
        <translation>docker info 报告的 Storage Driver</translation>
    </message>
    <message>
        <source>Filesystem under the docker root (ext4 recommended; xfs only with ftype=1)</source>
        <translation>docker 根目录所在的文件系统（推荐 ext4；xfs 须为 ftype=1）</translation>
    </message>
    <message>
        <source>Supports d_type, from docker info</source>
        <translation>是否支持 d_type，来自 docker info</translation>
    </message>
    <message>
        <source>/sys/module/overlay/parameters/redirect_dir</source>
        <translation>/sys/module/overlay/parameters/redirect_dir</translation>
    </message>
    <message>
        <source>Mounts hidden (covered) by a later mount, from /proc/self/mountinfo</source>
        <translation>被后来的挂载覆盖的挂载，来自 /proc/self/mountinfo</translation>
    </message>
    <message>
        <source>Usage of the filesystem holding the docker root</source>
        <translation>docker 根目录所在文件系统的使用率</translation>
    </message>
    <message>
        <source>%1 covered: %2</source>
        <translation>%1 个被覆盖：%2</translation>
    </message>
    <message>
        <source>%1/%2 running, %3 leaked</source>
        <translation>%1/%2 运行中，%3 个泄漏</translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation>%1/%2 运行中</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>The containers: how many run, which ones a later mount covers, leaked mounts of removed containers</source>
        <translation>容器：有多少在运行，哪些被之后的挂载覆盖，已删除容器泄漏的挂载</translation>
    </message>
    <message>
        <source>%1/%2 running, which covered: unknown</source>
        <translation>%1/%2 运行中，哪些被覆盖：未知</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>已被覆盖</translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>可能原因：%1</translation>
    </message>
    <message>
        <source>A later mount covers the docker root %1: df shows that mount (%2 used of %3), not docker&apos;s data.</source>
        <translation>后来的挂载覆盖了 docker 根目录 %1：df 显示的是该挂载（已用 %2 / %3），不是 docker 的数据。</translation>
    </message>
</context>
<context>
    <name>lw::gui::HostDetailWidget</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始数据</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Docker root only</source>
        <translation>仅 docker 根目录</translation>
    </message>
    <message>
        <source>Show only the mounts under the docker root, the mounts covering them and their parents</source>
        <translation>只显示 docker 根目录下的挂载、覆盖它们的挂载及其父挂载</translation>
    </message>
    <message>
        <source>Hidden mounts only (table)</source>
        <translation>仅被覆盖的挂载（表格）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+ or Ctrl+wheel)</source>
        <translation>放大（+ 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (- or Ctrl+wheel)</source>
        <translation>缩小（- 或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view (F)</source>
        <translation>将整个图缩放到视图内（F）</translation>
    </message>
    <message>
        <source>Select a host to see its details.</source>
        <translation>选择一台主机以查看详细信息。</translation>
    </message>
    <message>
        <source>Click a mount to see its mountinfo line decoded.</source>
        <translation>点击一个挂载，查看其解码后的 mountinfo 行。</translation>
    </message>
    <message>
        <source>Mount table unknown: the mountinfo probe did not succeed (%1).</source>
        <translation>挂载表未知：mountinfo 探测项没有成功（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n mount(s)</source>
        <translation>
            <numerusform>%n 个挂载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n 个被覆盖</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>output truncated by the probe&apos;s size cap</source>
        <translation>输出超过探测项的大小上限，已被截断</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Collected %1</source>
        <translation>采集于 %1</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message numerus="yes">
        <source>No problem found, but %n check(s) could not run (see below).</source>
        <translation>
            <numerusform>未发现问题，但有 %n 项检查无法执行（见下文）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Affected mounts (%1):</source>
        <translation>受影响的挂载（%1）：</translation>
    </message>
    <message>
        <source>Covered by:</source>
        <translation>被以下挂载覆盖：</translation>
    </message>
    <message>
        <source>Recommended repair:</source>
        <translation>建议的修复方案：</translation>
    </message>
    <message>
        <source>none (manual review)</source>
        <translation>无（需人工审查）</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message numerus="yes">
        <source>and %n more evidence line(s); see the Raw tab</source>
        <translation>
            <numerusform>另有 %n 行证据，见“原始数据”标签页</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, unchanged</source>
        <translation>%1，未变化</translation>
    </message>
    <message>
        <source>On the last refresh the host reported this probe unchanged since its previous probe over the same connection; the output shown is from that probe. Probe &gt; Full probe of all runs every probe again.</source>
        <translation>上次刷新时，主机报告该探测项自同一连接上的前一次探测以来未变化；这里显示的是那次探测的输出。“探测 &gt; 全部完整探测”会重新运行所有探测项。</translation>
    </message>
    <message>
        <source>Containers (%1):</source>
        <translation>容器（%1）：</translation>
    </message>
    <message>
        <source>Disk space:</source>
        <translation>磁盘空间：</translation>
    </message>
</context>
<context>
    <name>lw::gui::HostKeyDialog</name>
    <message>
        <source>HOST KEY CHANGED</source>
        <translation>主机密钥已变更</translation>
    </message>
    <message numerus="yes">
        <source>WARNING: the host key of %n host(s) has CHANGED.</source>
        <translation>
            <numerusform>警告：%n 台主机的主机密钥已变更。</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone could be intercepting the connection (man-in-the-middle attack), or the host was reinstalled. Layerwatch will not connect to these hosts.</source>
        <translation>可能有人在截获连接（中间人攻击），也可能是主机已重装。Layerwatch 不会连接这些主机。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Expected (in known_hosts)</source>
        <translation>预期（known_hosts 中）</translation>
    </message>
    <message>
        <source>Presented now</source>
        <translation>现在出示的</translation>
    </message>
    <message>
        <source>If a change is legitimate, verify the new fingerprint out of band (the host&apos;s console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), remove the old entry and probe again:</source>
        <translation>如果变更是正当的，请通过其他途径核对新指纹（在主机控制台上运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub），然后删除旧条目并重新探测：</translation>
    </message>
    <message numerus="yes">
        <source>Unknown host keys (%n host(s))</source>
        <translation>
            <numerusform>未知的主机密钥（%n 台主机）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The authenticity of %n host(s) cannot be established.</source>
        <translation>
            <numerusform>无法确认 %n 台主机的真实性。</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare each fingerprint with the one read on the host&apos;s console or from its administrator (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and tick only those that match. The ticked keys are added to known_hosts and their hosts probed again; the others stay unknown and nothing runs on them.</source>
        <translation>请将每个指纹与在主机控制台上读到的或由其管理员提供的指纹（ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）逐一比对，只勾选一致的。勾选的密钥会被加入 known_hosts，并重新探测对应主机；其余主机保持未知状态，不会在其上运行任何命令。</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>密钥类型</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>&amp;Trust selected and probe</source>
        <translation>信任所选并探测(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reject all</source>
        <translation>全部拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>known_hosts in use: %1</source>
        <translation>正在使用的 known_hosts：%1</translation>
    </message>
</context>
<context>
    <name>lw::gui::HostProblemPanel</name>
    <message>
        <source>%1: %2 - the results below are from an earlier probe</source>
        <translation>%1：%2——下面的结果来自之前的探测</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Likely cause: %1</source>
        <translation>可能原因：%1</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>&amp;Probe</source>
        <translation>探测(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Probe again</source>
        <translation>重新探测(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;SSH settings...</source>
        <translation>SSH 设置(&amp;S)...</translation>
    </message>
    <message>
        <source>Review host &amp;key...</source>
        <translation>查看主机密钥(&amp;K)...</translation>
    </message>
</context>
<context>
    <name>lw::gui::InventoryDialog</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Layerwatch inventory: %2</source>
        <translation>%1 不是 Layerwatch 主机清单：%2</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>主机清单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import file...</source>
        <translation>导入文件...</translation>
    </message>
    <message>
        <source>Plain list ([user@]host[:port] tag...), CSV, or Ansible INI inventory</source>
        <translation>纯文本列表（[user@]host[:port] 标签...）、CSV 或 Ansible INI 清单</translation>
    </message>
    <message>
        <source>Import ~/.ssh/config</source>
        <translation>导入 ~/.ssh/config</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new host(s), %2 already known (merged).</source>
        <translation>
            <numerusform>%1：%n 台新主机，%2 台已存在（已合并）。</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Import inventory</source>
        <translation>导入主机清单</translation>
    </message>
    <message>
        <source>Inventories (*.txt *.csv *.ini *.cfg hosts inventory);;All files (*)</source>
        <translation>主机清单 (*.txt *.csv *.ini *.cfg hosts inventory);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>lw::gui::KeychainStore</name>
    <message>
        <source>The system keychain is not used in this session.</source>
        <translation>本次会话不使用系统钥匙串。</translation>
    </message>
    <message>
        <source>No such entry in the keychain.</source>
        <translation>钥匙串中没有该条目。</translation>
    </message>
    <message>
        <source>The system keychain denied access (%1).</source>
        <translation>系统钥匙串拒绝了访问（%1）。</translation>
    </message>
    <message>
        <source>No system keychain service is available (%1).</source>
        <translation>没有可用的系统钥匙串服务（%1）。</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>系统钥匙串报告错误：%1</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds (is it locked?).</source>
        <translation>系统钥匙串在 %1 秒内没有响应（是否已锁定？）。</translation>
    </message>
    <message>
        <source>The system keychain is locked and could not be unlocked here; unlock it (for example by logging in to the desktop) and try again.</source>
        <translation>系统钥匙串已锁定，且无法在此解锁；请先解锁（例如登录桌面）后重试。</translation>
    </message>
    <message>
        <source>libsecret is not installed (Debian package libsecret-1-0); Layerwatch needs it to reach the system keychain.</source>
        <translation>未安装 libsecret（Debian 软件包 libsecret-1-0）；Layerwatch 需要它来访问系统钥匙串。</translation>
    </message>
    <message>
        <source>There is no D-Bus session bus, so no system keychain can be reached (%1).</source>
        <translation>没有 D-Bus 会话总线，因此无法访问系统钥匙串（%1）。</translation>
    </message>
    <message>
        <source>No keychain service (GNOME Keyring, KWallet) runs on the D-Bus session bus.</source>
        <translation>D-Bus 会话总线上没有运行钥匙串服务（GNOME Keyring、KWallet）。</translation>
    </message>
    <message>
        <source>This build of Layerwatch has no system keychain support (QtKeychain).</source>
        <translation>此版本的 Layerwatch 不支持系统钥匙串（QtKeychain）。</translation>
    </message>
    <message>
        <source>Internal error: the GUI thread must not wait for the system keychain.</source>
        <translation>内部错误：界面线程不得等待系统钥匙串。</translation>
    </message>
    <message>
        <source>The system keychain did not answer in time (is it locked?).</source>
        <translation>系统钥匙串没有及时响应（是否已锁定？）。</translation>
    </message>
</context>
<context>
    <name>lw::gui::MainWindow</name>
    <message>
        <source>Demo mode: showing the demo captures; nothing is probed or stored.</source>
        <translation>演示模式：显示演示采集数据；不会探测或保存任何内容。</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>主机清单</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new host(s)</source>
        <translation>
            <numerusform>%1：%n 台新主机</numerusform>
        </translation>
    </message>
    <message>
        <source>Search hosts, tags, kernels, finding IDs (Ctrl+F)</source>
        <translation>搜索主机、标签、内核、问题 ID（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>严重级别(&amp;V)：</translation>
    </message>
    <message>
        <source>F&amp;inding:</source>
        <translation>问题(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source> Concurrency: </source>
        <translation> 并发数： </translation>
    </message>
    <message>
        <source>How many hosts are probed at the same time</source>
        <translation>同时探测的主机数</translation>
    </message>
    <message>
        <source>Select a host to see its details.</source>
        <translation>选择一台主机以查看详细信息。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Any failure</source>
        <translation>任何失败</translation>
    </message>
    <message>
        <source>Not probed</source>
        <translation>未探测</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning or worse</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Any finding</source>
        <translation>任何问题</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s)</source>
        <translation>
            <numerusform>%n 台主机中的 %1 台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>%n 台严重</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Layerwatch - %n host(s)</source>
        <translation>
            <numerusform>Layerwatch - %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>Layerwatch</source>
        <translation>Layerwatch</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <source>Copy host name(s)</source>
        <translation>复制主机名</translation>
    </message>
    <message>
        <source>Remove from inventory...</source>
        <translation>从主机清单中删除...</translation>
    </message>
    <message>
        <source>Remove hosts</source>
        <translation>删除主机</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n host(s) from the inventory and forget their probe history?</source>
        <translation>
            <numerusform>要从主机清单中删除这 %n 台主机，并清除它们的探测历史吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>正在停止...</translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 total - %4 elapsed</source>
        <translation>已完成 %1，失败 %2，共 %3 - 已用时 %4</translation>
    </message>
    <message>
        <source>Probe finished: %1 of %2 host(s) ok, %3 failed, in %4.</source>
        <translation>探测完成：%2 台主机中 %1 台正常，%3 台失败，用时 %4。</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>主机密钥</translation>
    </message>
    <message>
        <source>Snapshot store</source>
        <translation>快照存储</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>读取 %1 失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>Last known state of %n host(s) loaded; shown as stale until probed again.</source>
        <translation>
            <numerusform>已载入 %n 台主机的最后已知状态；在重新探测之前显示为已过时。</numerusform>
        </translation>
    </message>
    <message>
        <source>The probe results could not be saved: %1</source>
        <translation>无法保存探测结果：%1</translation>
    </message>
    <message>
        <source>Reading captures from %1...</source>
        <translation>正在从 %1 读取采集结果...</translation>
    </message>
    <message>
        <source>Open capture</source>
        <translation>打开采集结果</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) read from %1</source>
        <translation>
            <numerusform>已从 %1 读取 %n 台主机</numerusform>
        </translation>
    </message>
    <message>
        <source>Open capture directory</source>
        <translation>打开采集目录</translation>
    </message>
    <message>
        <source>Import inventory</source>
        <translation>导入主机清单</translation>
    </message>
    <message>
        <source>Inventories (*.txt *.csv *.ini *.cfg hosts inventory config);;All files (*)</source>
        <translation>主机清单 (*.txt *.csv *.ini *.cfg hosts inventory config);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About Layerwatch</source>
        <translation>关于 Layerwatch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Layerwatch %1&lt;/h3&gt;&lt;p&gt;Inspects Docker overlay2 hosts over SSH, read-only: storage driver configuration, kernel support, backing filesystem, d_type, redirect_dir, disk space, and mounts hidden under later mounts (the &quot;covered mount point&quot; failure).&lt;/p&gt;&lt;p&gt;Qt %2, C++17.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Layerwatch %1&lt;/h3&gt;&lt;p&gt;通过 SSH 以只读方式检查使用 overlay2 的 Docker 主机：存储驱动配置、内核支持、底层文件系统、d_type、redirect_dir、磁盘空间，以及被后来的挂载覆盖的挂载（“挂载点被覆盖”异常）。&lt;/p&gt;&lt;p&gt;Qt %2，C++17。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>A probe sweep is running. Stop it and quit?</source>
        <translation>正在进行一轮探测。要停止并退出吗？</translation>
    </message>
    <message>
        <source>&amp;Remediation</source>
        <translation>修复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Repair...</source>
        <translation>修复(&amp;R)...</translation>
    </message>
    <message>
        <source>Run a reviewed repair script on the selected hosts, supervised</source>
        <translation>在所选主机上以受监督的方式执行审核过的修复脚本</translation>
    </message>
    <message>
        <source>&amp;Audit log...</source>
        <translation>审计日志(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Forget saved secrets</source>
        <translation>忘记已保存的密码(&amp;F)</translation>
    </message>
    <message>
        <source>Delete the passphrases and passwords Layerwatch saved in the system keychain</source>
        <translation>删除 Layerwatch 保存在系统钥匙串中的口令和密码</translation>
    </message>
    <message>
        <source>Forget saved secrets</source>
        <translation>忘记已保存的密码</translation>
    </message>
    <message>
        <source>Could not delete the saved secrets: %1
Secrets typed in this session are still kept in memory.</source>
        <translation>无法删除已保存的密码：%1
本次会话中输入的密码仍保存在内存中。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n saved secret(s) from the system keychain.</source>
        <translation>
            <numerusform>已从系统钥匙串删除 %n 个已保存的密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Left the demo.</source>
        <translation>已退出演示。</translation>
    </message>
    <message>
        <source>No hosts yet</source>
        <translation>还没有主机</translation>
    </message>
    <message>
        <source>Layerwatch connects to your Docker hosts over SSH, runs read-only probes and shows what is wrong with their overlay2 storage - above all, mounts covered by a later mount. Add hosts to start: import an inventory (a plain list, an Ansible INI file or your ~/.ssh/config), add hosts by hand, or open captures saved with layerwatch-cli probe --save. The demo fleet shows what a problem looks like, without connecting anywhere.</source>
        <translation>Layerwatch 通过 SSH 连接您的 Docker 主机，运行只读探测，并显示其 overlay2 存储的问题——尤其是被后来的挂载覆盖的挂载。添加主机即可开始：导入清单（纯文本列表、Ansible INI 文件或您的 ~/.ssh/config），手动添加主机，或打开用 layerwatch-cli probe --save 保存的采集数据。演示主机群展示问题的样子，不连接任何地方。</translation>
    </message>
    <message>
        <source>Import an inventory...</source>
        <translation>导入清单...</translation>
    </message>
    <message>
        <source>Add hosts by hand...</source>
        <translation>手动添加主机...</translation>
    </message>
    <message>
        <source>Open a capture...</source>
        <translation>打开采集数据...</translation>
    </message>
    <message>
        <source>Open the demo fleet</source>
        <translation>打开演示主机群</translation>
    </message>
    <message>
        <source>(demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <source>Demo mode: nothing is probed.</source>
        <translation>演示模式：不进行探测。</translation>
    </message>
    <message>
        <source>A probe is running: %1 is probed when it is done.</source>
        <translation>正在探测：完成后将探测 %1。</translation>
    </message>
    <message>
        <source>not eligible: never probed successfully (%1)</source>
        <translation>不符合条件：从未成功探测（%1）</translation>
    </message>
    <message>
        <source>not eligible: its last probe failed (%1); probe it again</source>
        <translation>不符合条件：上次探测失败（%1）；请重新探测</translation>
    </message>
    <message>
        <source>not eligible: a probe of it is under way</source>
        <translation>不符合条件：正在探测它</translation>
    </message>
    <message>
        <source>Probe stopped: %1 of %2 host(s) ok, %3 failed, in %4.</source>
        <translation>探测已停止：%2 台主机中 %1 台正常，%3 台失败，用时 %4。</translation>
    </message>
    <message>
        <source>&amp;SSH settings...</source>
        <translation>SSH 设置(&amp;S)...</translation>
    </message>
    <message>
        <source>Identity files, the SSH agent, the known_hosts file, ssh_config and the default user</source>
        <translation>身份文件、SSH 代理、known_hosts 文件、ssh_config 和默认用户</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Could not add these keys to %1:
%2</source>
        <translation>无法将以下密钥添加到 %1：
%2</translation>
    </message>
    <message>
        <source>known_hosts: %1</source>
        <translation>known_hosts：%1</translation>
    </message>
    <message>
        <source>Host keys are checked against this file, and keys you approve are added to it. File &gt; SSH settings changes it.</source>
        <translation>主机密钥以此文件为准进行核对，您批准的密钥也会添加到此文件。可在“文件 &gt; SSH 设置”中更改。</translation>
    </message>
</context>
<context>
    <name>lw::gui::MountGraphView</name>
    <message>
        <source>Mount %1</source>
        <translation>挂载 %1</translation>
    </message>
    <message>
        <source>Hidden: this mount is %1 and not reachable at its mount point.</source>
        <translation>已被覆盖：此挂载处于 %1 状态，在其挂载点上无法访问。</translation>
    </message>
    <message>
        <source>overmounted</source>
        <translation>被叠加挂载覆盖</translation>
    </message>
    <message>
        <source>shadowed</source>
        <translation>被遮蔽</translation>
    </message>
    <message>
        <source>Mount ID</source>
        <translation>挂载 ID</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>父挂载 ID</translation>
    </message>
    <message>
        <source>%1 (not in the table)</source>
        <translation>%1（不在挂载表中）</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>根</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Mount options</source>
        <translation>挂载选项</translation>
    </message>
    <message>
        <source>Optional fields</source>
        <translation>可选字段</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Filesystem type</source>
        <translation>文件系统类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>挂载源</translation>
    </message>
    <message>
        <source>Super options</source>
        <translation>超级块选项</translation>
    </message>
    <message>
        <source>Lower directories</source>
        <translation>lower 目录</translation>
    </message>
    <message>
        <source>Upper directory</source>
        <translation>upper 目录</translation>
    </message>
    <message>
        <source>Work directory</source>
        <translation>work 目录</translation>
    </message>
    <message>
        <source>Layer ID</source>
        <translation>层 ID</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>覆盖者</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Raw mountinfo line</source>
        <translation>原始 mountinfo 行</translation>
    </message>
    <message>
        <source>covered by #%1</source>
        <translation>被 #%1 覆盖</translation>
    </message>
    <message>
        <source>covers</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Hidden by mount %1 (%2 on %3)</source>
        <translation>被挂载 %1 覆盖（%2，位于 %3）</translation>
    </message>
    <message numerus="yes">
        <source>%n sibling mount(s)</source>
        <translation>
            <numerusform>%n 个同级挂载</numerusform>
        </translation>
    </message>
    <message>
        <source>Stacked under</source>
        <translation>叠加于其下</translation>
    </message>
</context>
<context>
    <name>lw::gui::MountTableModel</name>
    <message>
        <source>Hidden by mount %1 (%2 on %3)</source>
        <translation>被挂载 %1 覆盖（%2，位于 %3）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父挂载</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>挂载源</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>覆盖者</translation>
    </message>
    <message>
        <source>Layer ID</source>
        <translation>层 ID</translation>
    </message>
</context>
<context>
    <name>lw::gui::RemediationDialog</name>
    <message>
        <source>restart the containers whose rootfs was covered</source>
        <translation>重启 rootfs 被覆盖的容器</translation>
    </message>
    <message>
        <source>remove ALL containers</source>
        <translation>删除所有容器</translation>
    </message>
    <message>
        <source>leave the containers alone</source>
        <translation>不处理容器</translation>
    </message>
    <message>
        <source>keep daemon.json, edit /etc/sysconfig/docker-storage</source>
        <translation>保留 daemon.json，修改 /etc/sysconfig/docker-storage</translation>
    </message>
    <message>
        <source>keep /etc/sysconfig/docker-storage, edit daemon.json</source>
        <translation>保留 /etc/sysconfig/docker-storage，修改 daemon.json</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Containers afterwards:</source>
        <translation>之后如何处理容器：</translation>
    </message>
    <message>
        <source>Setting to keep:</source>
        <translation>保留哪处设置：</translation>
    </message>
    <message>
        <source>Also after a reboot:</source>
        <translation>重启后也生效：</translation>
    </message>
    <message>
        <source>Reboot with containers running:</source>
        <translation>有容器运行时仍重启：</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>风险：%1</translation>
    </message>
    <message>
        <source>Each host&apos;s name is typed on the next page.</source>
        <translation>下一页需要输入每台主机的名称。</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>The typed name does not match the host name %1.</source>
        <translation>输入的名称与主机名 %1 不一致。</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>Script: %1 (%2)
SHA-256: %3

</source>
        <translation>脚本：%1（%2）
SHA-256：%3

</translation>
    </message>
    <message>
        <source>  Dry run: %1
</source>
        <translation>  演练：%1
</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message numerus="yes">
        <source>Cannot be planned (%n host(s)), will not run:
</source>
        <translation>
            <numerusform>无法规划（%n 台主机），不会执行：
</numerusform>
        </translation>
    </message>
    <message>
        <source>No host is checked.
</source>
        <translation>没有勾选任何主机。
</translation>
    </message>
    <message numerus="yes">
        <source>What will run, host by host, with the values taken from each host&apos;s last probe. %n host(s) can run.</source>
        <translation>
            <numerusform>逐台主机列出将要执行的内容，参数值取自各主机最近一次探测。共有 %n 台主机可以执行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reboots are planned one host at a time.</source>
        <translation>重启每次只规划一台主机。</translation>
    </message>
    <message>
        <source>, exit %1</source>
        <translation>，退出码 %1</translation>
    </message>
    <message>
        <source>Dry run finished: %1 of %2 host(s) succeeded.</source>
        <translation>演练完成：%2 台主机中 %1 台成功。</translation>
    </message>
    <message>
        <source>Dry run running...</source>
        <translation>演练进行中...</translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation>脚本：%1</translation>
    </message>
    <message>
        <source>Hosts that will run: %1 (of %2 checked)</source>
        <translation>将执行的主机：%1（已勾选 %2 台）</translation>
    </message>
    <message>
        <source>Rollout: %1 canary host(s) first, then batches of %2; stop after %3 failure(s) or %4 % (0: no limit).</source>
        <translation>发布方式：先执行 %1 台金丝雀主机，然后每批 %2 台；失败 %3 台或达到 %4 % 时停止（0 表示不限）。</translation>
    </message>
    <message>
        <source>Approved by: %1</source>
        <translation>批准人：%1</translation>
    </message>
    <message>
        <source>Type the number of hosts that will run (%1) to approve:</source>
        <translation>输入将执行的主机数（%1）以批准：</translation>
    </message>
    <message>
        <source>No host has a valid plan.</source>
        <translation>没有主机有有效的计划。</translation>
    </message>
    <message>
        <source>Reboots are approved one host at a time: check one host.</source>
        <translation>重启每次只批准一台主机：请只勾选一台主机。</translation>
    </message>
    <message>
        <source>The Approve button is enabled when the typed number matches.</source>
        <translation>输入的数字一致时，“批准”按钮才会启用。</translation>
    </message>
    <message>
        <source>Run the dry run on the preview page first (or uncheck &quot;Dry run first&quot;).</source>
        <translation>请先在预览页执行演练（或取消勾选“先演练”）。</translation>
    </message>
    <message>
        <source>1. Script</source>
        <translation>1. 脚本</translation>
    </message>
    <message>
        <source>2. Hosts and rollout</source>
        <translation>2. 主机与发布方式</translation>
    </message>
    <message>
        <source>3. Plan preview</source>
        <translation>3. 计划预览</translation>
    </message>
    <message>
        <source>4. Approval</source>
        <translation>4. 批准</translation>
    </message>
    <message>
        <source>Repair hosts</source>
        <translation>修复主机</translation>
    </message>
    <message>
        <source>&amp;Reviewed scripts (only scripts whose SHA-256 matches the review can be chosen):</source>
        <translation>审核过的脚本(&amp;R)（只能选择 SHA-256 与审核一致的脚本）：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>the shared prelude is not the reviewed one</source>
        <translation>共享前导脚本不是审核过的版本</translation>
    </message>
    <message>
        <source>%1
    Refused: %2</source>
        <translation>%1
    已拒绝：%2</translation>
    </message>
    <message>
        <source>Hosts to repair. Checked: the selected hosts that have a finding this script repairs.</source>
        <translation>要修复的主机。已勾选：所选主机中存在该脚本可修复问题的主机。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Type the host name</source>
        <translation>输入主机名</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>The host reboots: type each host&apos;s name to confirm that its workloads were moved away.</source>
        <translation>主机将重启：请输入每台主机的名称，确认其业务已迁移走。</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>发布方式</translation>
    </message>
    <message>
        <source>&amp;Canary hosts:</source>
        <translation>金丝雀主机(&amp;C)：</translation>
    </message>
    <message>
        <source>Run first, alone; the rest only if they all succeeded.</source>
        <translation>首先单独执行；全部成功后才执行其余主机。</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批次大小(&amp;B)：</translation>
    </message>
    <message>
        <source>Stop after &amp;failures:</source>
        <translation>失败多少台后停止(&amp;F)：</translation>
    </message>
    <message>
        <source>0: no limit</source>
        <translation>0：不限</translation>
    </message>
    <message>
        <source>or &amp;percent failed:</source>
        <translation>或失败百分比(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Dry run first (on the preview page) before approving</source>
        <translation>批准前先演练（在预览页）(&amp;D)</translation>
    </message>
    <message>
        <source>Run &amp;dry run</source>
        <translation>执行演练(&amp;D)</translation>
    </message>
    <message>
        <source>The scripts print what they would do; nothing is changed.</source>
        <translation>脚本只打印将要执行的操作；不做任何改动。</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Approve and run</source>
        <translation>批准并执行(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo mode: nothing runs.</source>
        <translation>演示模式：不会执行任何操作。</translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <source>Hosts: %1</source>
        <translation>主机：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>None of the selected hosts can be repaired now: a plan is made from a host&apos;s current state, as its last probe found it.</source>
        <translation>所选主机目前都无法修复：修复计划依据主机当前状态（即上次探测的结果）制定。</translation>
    </message>
</context>
<context>
    <name>lw::gui::ReportExportDialog</name>
    <message>
        <source>&amp;Export report...</source>
        <translation>导出报告(&amp;E)...</translation>
    </message>
    <message>
        <source>Write the fleet report (summary, charts, every host&apos;s findings) as HTML, CSV or JSON</source>
        <translation>把主机群报告（概况、图表、每台主机的问题）写成 HTML、CSV 或 JSON</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：没有写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the captures of %n host(s) to %1.</source>
        <translation>
            <numerusform>已把 %n 台主机的采集写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No host has been probed: there is no capture to write.</source>
        <translation>还没有探测过任何主机：没有可写入的采集。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the report of %n host(s) to %1.</source>
        <translation>
            <numerusform>已把 %n 台主机的报告写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>HTML with charts</source>
        <translation>HTML（含图表）</translation>
    </message>
    <message>
        <source>CSV (one row per finding)</source>
        <translation>CSV（每个问题一行）</translation>
    </message>
    <message>
        <source>JSON (as layerwatch-cli --json)</source>
        <translation>JSON（与 layerwatch-cli --json 相同）</translation>
    </message>
    <message>
        <source>Captures of every probed host (.tar, for a ticket)</source>
        <translation>所有已探测主机的采集（.tar，用于工单）</translation>
    </message>
    <message numerus="yes">
        <source>The report covers all %n host(s) of the fleet, in the current language.</source>
        <translation>
            <numerusform>报告包含主机群中全部 %n 台主机，使用当前语言。</numerusform>
        </translation>
    </message>
    <message>
        <source>Capture archive (*.tar)</source>
        <translation>采集归档 (*.tar)</translation>
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
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Collecting the captures...</source>
        <translation>正在收集采集结果...</translation>
    </message>
    <message>
        <source>Rendering the report...</source>
        <translation>正在生成报告...</translation>
    </message>
</context>
<context>
    <name>lw::gui::SshSettingsDialog</name>
    <message>
        <source>Identity files</source>
        <translation>身份文件</translation>
    </message>
    <message>
        <source>known_hosts file</source>
        <translation>known_hosts 文件</translation>
    </message>
    <message>
        <source>ssh_config file</source>
        <translation>ssh_config 文件</translation>
    </message>
    <message>
        <source>Host keys are checked against and approved into: %1
Saved in: %2</source>
        <translation>主机密钥的核对与批准写入：%1
设置保存于：%2</translation>
    </message>
    <message>
        <source>SSH settings</source>
        <translation>SSH 设置</translation>
    </message>
    <message>
        <source>How Layerwatch connects to every host. These settings are kept for this data directory; an option given on the command line replaces the kept one and is kept in its turn. An inventory entry&apos;s own user and port win over them.</source>
        <translation>Layerwatch 连接各主机的方式。这些设置按数据目录保存；命令行给出的选项会替换已保存的值，并随之保存。清单条目自身的用户和端口优先于这些设置。</translation>
    </message>
    <message>
        <source>Identity files:</source>
        <translation>身份文件：</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>添加(&amp;A)...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Offer the keys of the SSH &amp;agent first (SSH_AUTH_SOCK)</source>
        <translation>优先提供 SSH 代理中的密钥（SSH_AUTH_SOCK）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;known_hosts file:</source>
        <translation>known_hosts 文件(&amp;K)：</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>ssh_&amp;config file:</source>
        <translation>ssh_config 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>Read &amp;no ssh_config at all</source>
        <translation>完全不读取 ssh_config(&amp;N)</translation>
    </message>
    <message>
        <source>Default &amp;user:</source>
        <translation>默认用户(&amp;U)：</translation>
    </message>
    <message>
        <source>from ssh_config, else your local user</source>
        <translation>取自 ssh_config，否则为本地用户</translation>
    </message>
    <message>
        <source>&amp;Edit %1 in the inventory...</source>
        <translation>在清单中编辑 %1(&amp;E)...</translation>
    </message>
</context>
</TS>
