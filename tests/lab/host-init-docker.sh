#!/bin/bash
# PID 1 of one Real-Docker lab host (scenarios docker-*): runs inside `unshare --mount --uts --pid --fork
# --propagation private`, makes the host's files and mounts, starts the REAL dockerd (which starts its own
# containerd) through the service-manager stand-in (docker-systemctl.sh), imports lw/busybox:1, creates
# the scenario's containers and covers, writes state/containers.tsv, then becomes the host's sshd. Killing
# the namespace (lab.sh stop) takes dockerd, containerd, the shims and the containers with it.
#   host-init-docker.sh LABDIR/hosts/ADDR SCENARIO INDEX
# lab.sh gives LAB_BIND_SYSTEMCTL, LAB_KERNEL, LAB_KERNEL_CONFIG and has built LABDIR/bin/busybox.tar.
set -euo pipefail
h=$1 scenario=$2
lab=${h%/hosts/*} addr=${h##*/}
kernel=${LAB_KERNEL:-$(uname -r)}
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
docker() { env -i PATH=$PATH HOME=/root /usr/bin/docker "$@"; }
log() { printf '%s host-init-docker: %s\n' "$(date -u +%T.%N | cut -c1-12)" "$*"; }

# --- files of the host -------------------------------------------------------------------------------
: >"$h/calls.log"
: >"$h/dockerd.log"
printf '%s' /var/lib/docker >"$h/state/root"
ssh-keygen -q -t ed25519 -N '' -C "lab-host-$addr" -f "$h/ssh_host_ed25519_key" <<<y >/dev/null 2>&1
printf 'DOCKER_STORAGE_OPTIONS=""\n' >"$h/etc/sysconfig/docker-storage"
live_restore=false
[ "$scenario" = docker-liverestore ] && live_restore=true
printf '{\n  "live-restore": %s,\n  "log-driver": "json-file",\n  "log-opts": { "max-size": "10m", "max-file": "3" }\n}\n' \
    "$live_restore" >"$h/etc/docker/daemon.json"
echo Y >"$h/sys/redirect_dir"
echo Y >"$h/sys/index"
printf '%s' "$LAB_KERNEL_CONFIG" >"$h/boot/config-$kernel"

# the unit the stand-in loads (shown as /lib/systemd/system/docker.service): Debian's, without socket
# activation (dockerd makes /var/run/docker.sock itself), with the lab's flags
requires_mounts='RequiresMountsFor=/var/lib/docker'
[ "$scenario" = docker-unordered ] && requires_mounts=''
printf '%s\n' '[Unit]' 'Description=Docker Application Container Engine' 'Documentation=https://docs.docker.com' \
    'After=network-online.target firewalld.service containerd.service' 'Wants=network-online.target' \
    ${requires_mounts:+"$requires_mounts"} '' '[Service]' 'Type=notify' 'EnvironmentFile=-/etc/default/docker' \
    'ExecStart=/usr/sbin/dockerd --iptables=false --ip6tables=false --bridge=none' \
    'ExecReload=/bin/kill -s HUP $MAINPID' 'LimitNOFILE=1048576' 'TimeoutStartSec=0' 'Delegate=yes' \
    'KillMode=process' 'Restart=on-failure' '' '[Install]' 'WantedBy=multi-user.target' >"$h/state/docker.service"

printf '%s\n' "ListenAddress $addr:22" "HostKey $h/ssh_host_ed25519_key" "PidFile $h/sshd.pid" \
    "AuthorizedKeysFile $lab/authorized_keys" 'PermitRootLogin prohibit-password' 'PubkeyAuthentication yes' \
    'PasswordAuthentication no' 'KbdInteractiveAuthentication no' 'UsePAM no' 'StrictModes no' 'UseDNS no' \
    'MaxStartups 200' 'MaxSessions 50' 'LogLevel VERBOSE' 'AcceptEnv LANG LC_*' \
    'Subsystem sftp /usr/lib/openssh/sftp-server' >"$h/sshd_config"

# --- mounts (private to this namespace) ------------------------------------------------------------------
ops=(hostname "lab-${addr//./-}" flatten proc bind "$h/var/lib/docker" /var/lib/docker)
ops+=(bind "$h/root" /root bind "$h/etc/modprobe.d" /etc/modprobe.d)
ops+=(mount tmpfs lw-run /run mode=755 dir /run/sshd dir /run/systemd/system)
[ -e /proc/config.gz ] && ops+=(bind "$lab/bin/config.gz" /proc/config.gz)
ops+=(bind "$h/etc/docker" /etc/docker bind "$h/etc/sysconfig" /etc/sysconfig bind "$h/boot" /boot)
ops+=(bind "$h/etc/systemd/system" /etc/systemd/system)
ops+=(bind "$h/sys/redirect_dir" /sys/module/overlay/parameters/redirect_dir)
ops+=(bind "$h/sys/index" /sys/module/overlay/parameters/index)
# every docker on any PATH is Debian's 20.10 client (/usr/local/bin/docker may be another one)
[ -e /usr/local/bin/docker ] && ops+=(bind /usr/bin/docker /usr/local/bin/docker)
while IFS= read -r p; do [ -n "$p" ] && ops+=(bind "$lab/bin/docker-systemctl.sh" "$p"); done <<<"${LAB_BIND_SYSTEMCTL:-}"
[ -f /lib/systemd/system/docker.service ] && ops+=(bind "$h/state/docker.service" /lib/systemd/system/docker.service)
"$lab/bin/labhelper" "${ops[@]}"

# --- the real engine ---------------------------------------------------------------------------------------
export LAB_INIT=1 # the stand-in does not log set-up calls
log "starting dockerd"
"$lab/bin/docker-systemctl.sh" daemon-reload
"$lab/bin/docker-systemctl.sh" start docker
log "dockerd up (pid $(cat "$h/state/dockerd.pid"))"
docker import "$lab/bin/busybox.tar" lw/busybox:1 >/dev/null
# PID 1 of each container: a shell that ends on SIGTERM (a bare sleep as PID 1 ignores it: every docker
# stop, and dockerd's shutdown, would wait 10 s for the SIGKILL)
cmd=(/bin/busybox sh -c 'trap "exit 0" TERM; /bin/busybox sleep 100000 & wait')
declare -A policy=([web-no]=no [web-always]=always [web-unless]=unless-stopped [stopped]=no [gone]=no)
names=(web-no web-always web-unless stopped)
case $scenario in docker-covered | docker-liverestore) names+=(gone) ;; esac
printf '#id\tname\trestart\texpected\tmount-id\n' >"$h/state/containers.tsv.tmp"
for n in "${names[@]}"; do
    id=$(docker run -d --name "$n" --restart "${policy[$n]}" lw/busybox:1 "${cmd[@]}")
    mid=$(cat "/var/lib/docker/image/overlay2/layerdb/mounts/$id/mount-id")
    expect=running
    [ "$n" = stopped ] && expect=exited
    [ "$n" = gone ] && expect=removed
    printf '%s\t%s\t%s\t%s\t%s\n' "$id" "$n" "${policy[$n]}" "$expect" "$mid" >>"$h/state/containers.tsv.tmp"
done
docker stop -t 5 stopped >/dev/null
log "containers: ${names[*]}"

# --- covers (after the containers: the seed's failure) ------------------------------------------------------
case $scenario in
docker-covered | docker-liverestore)
    mount -t tmpfs -o mode=711 lw-cover /var/lib/docker/overlay2
    # dockerd cannot unmount the hidden merged dir nor delete the hidden layer: both stay (exit 0 anyway)
    docker rm -f gone >"$h/state/rm-gone.out" 2>&1 || echo "exit $?" >>"$h/state/rm-gone.out"
    ;;
docker-bind)
    # the same filesystem bound over overlay2 (no rbind): the merged mounts are not visible through it
    mount --bind "$h/var/lib/docker/overlay2" /var/lib/docker/overlay2
    ;;
docker-rootcover) mount -t tmpfs -o mode=711 lw-cover2 /var/lib/docker ;;
esac
mv "$h/state/containers.tsv.tmp" "$h/state/containers.tsv"
log "ready; exec sshd"
unset LAB_INIT
exec /usr/sbin/sshd -D -e -f "$h/sshd_config"
