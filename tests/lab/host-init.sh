#!/bin/bash
# PID 1 of one lab host: runs inside `unshare --mount --pid --fork --mount-proc --propagation private`,
# writes the host's files, makes its mounts (all private to this namespace, so they vanish with it),
# starts the fake dockerd, then becomes the host's sshd.
#   host-init.sh LABDIR/hosts/ADDR SCENARIO INDEX
# Environment from lab.sh: LAB_BIND_DOCKER / LAB_BIND_SYSTEMCTL (newline-separated paths to bind over).
set -euo pipefail
h=$1 scenario=$2 index=$3
lab=${h%/hosts/*} addr=${h##*/}
here=$(cd "$(dirname "$0")" && pwd)
kernel=$(uname -r)

# --- where docker keeps its data on this host --------------------------------------------------------
root=/var/lib/docker
if [ "$scenario" = hostile ]; then
    # Space, single quote, command substitutions and a leading '-' component: a probe or repair script
    # that lets any of it reach a shell unquoted creates /tmp/lw-pwned-ADDR (or fails to parse).
    root="/var/lib/docker/-lw data/it's \$(touch /tmp/lw-pwned-$addr)/\`touch /tmp/lw-pwned-$addr\`/docker"
fi

# --- files of the host -------------------------------------------------------------------------------
mkdir -p "$h"/{etc/docker,etc/sysconfig,var/lib/docker,boot,bin,state,sys}
: >"$h/calls.log"
printf '%s' "$root" >"$h/state/root"
echo active >"$h/state/docker"
ssh-keygen -q -t ed25519 -N '' -C "lab-host-$addr" -f "$h/ssh_host_ed25519_key" <<<y >/dev/null 2>&1
: >"$h/empty_authorized_keys"

case $scenario in
conflict) storage_opts='--storage-driver overlay2' ;;
*) storage_opts='' ;;
esac
printf 'DOCKER_STORAGE_OPTIONS="%s"\n' "$storage_opts" >"$h/etc/sysconfig/docker-storage"

rm -f "$h/etc/docker/daemon.json"
case $scenario in
hung) mkfifo "$h/etc/docker/daemon.json" ;; # nobody ever writes it: `cat` hangs
conflict)
    cat >"$h/etc/docker/daemon.json" <<'JSON'
{
  "storage-driver": "overlay2",
  "log-driver": "json-file",
  "log-opts": { "max-size": "10m", "max-file": "3" }
}
JSON
    ;;
hostile)
    printf '{\n  "data-root": "%s",\n  "log-driver": "json-file"\n}\n' "$root" >"$h/etc/docker/daemon.json"
    ;;
*)
    cat >"$h/etc/docker/daemon.json" <<'JSON'
{
  "log-driver": "json-file",
  "log-opts": { "max-size": "10m", "max-file": "3" }
}
JSON
    ;;
esac

redirect=Y
[ "$scenario" = redirect-off ] && redirect=N
echo "$redirect" >"$h/sys/redirect_dir"
cat >"$h/boot/config-$kernel" <<EOF2
#
# Automatically generated file; DO NOT EDIT.
# Linux/x86 $kernel Kernel Configuration
#
CONFIG_CC_VERSION_TEXT="gcc (Debian 12.2.0-14) 12.2.0"
CONFIG_64BIT=y
CONFIG_X86_64=y
CONFIG_FILE_LOCKING=y
CONFIG_EXT4_FS=y
CONFIG_EXT4_FS_POSIX_ACL=y
CONFIG_XFS_FS=m
CONFIG_FUSE_FS=m
CONFIG_OVERLAY_FS=m
CONFIG_OVERLAY_FS_REDIRECT_DIR=y
# CONFIG_OVERLAY_FS_REDIRECT_ALWAYS_FOLLOW is not set
# CONFIG_OVERLAY_FS_INDEX is not set
# CONFIG_OVERLAY_FS_XINO_AUTO is not set
# CONFIG_OVERLAY_FS_METACOPY is not set
CONFIG_TMPFS=y
CONFIG_TMPFS_XATTR=y
EOF2

dockerd_flags=(-H fd:// --containerd=/run/containerd/containerd.sock)
[ -n "$storage_opts" ] && dockerd_flags+=($storage_opts)

for f in "$here/fake-docker.sh:docker" "$here/fake-systemctl.sh:systemctl"; do
    {
        echo '#!/bin/bash'
        printf 'LAB_DIR=%q\nLAB_HOST=%q\n' "$lab" "$h"
        tail -n +2 "${f%%:*}"
    } >"$h/bin/${f##*:}"
    chmod 755 "$h/bin/${f##*:}"
done

# --- mounts (private to this namespace) ----------------------------------------------------------------
if [ "$scenario" = lowdisk ]; then
    mount -t tmpfs -o size=64m,mode=711 lw-lowdisk /var/lib/docker
else
    mount --bind "$h/var/lib/docker" /var/lib/docker
fi
mount --bind "$h/etc/docker" /etc/docker
mount --bind "$h/etc/sysconfig" /etc/sysconfig
mount --bind "$h/boot" /boot
mount --bind "$h/sys/redirect_dir" /sys/module/overlay/parameters/redirect_dir
while IFS= read -r p; do [ -n "$p" ] && mount --bind "$h/bin/docker" "$p"; done <<<"${LAB_BIND_DOCKER:-}"
while IFS= read -r p; do [ -n "$p" ] && mount --bind "$h/bin/systemctl" "$p"; done <<<"${LAB_BIND_SYSTEMCTL:-}"

# --- docker's overlay2 layout, like dockerd makes it -----------------------------------------------------
hex=$(od -An -tx1 -N1024 /dev/urandom | tr -d ' \n')
hexpos=0
newid() { # sets $id to 64 hex digits
    id=${hex:hexpos:64}
    hexpos=$((hexpos + 64))
}
newshort() { # 26 upper-case characters, like docker's l/ links
    short=${hex:hexpos:26}
    short=${short^^}
    hexpos=$((hexpos + 26))
}
o=$root/overlay2
mkdir -p "$o/l" "$root"/{containers,image/overlay2/layerdb/mounts,volumes,tmp} "$root/runtimes"
# layer NAME(id var) PARENT_LOWER  ->  creates overlay2/<id>/{diff,link,lower,work}; sets $lower for children
lower=''
image_lower=''
for layer in base app; do
    newid
    newshort
    mkdir -p "$o/$id/diff"
    printf '%s' "$short" >"$o/$id/link"
    ln -s "../$id/diff" "$o/l/$short"
    if [ -n "$image_lower" ]; then
        printf '%s' "$image_lower" >"$o/$id/lower"
        mkdir -p "$o/$id/work"
    fi
    image_lower="l/$short${image_lower:+:$image_lower}"
    if [ $layer = base ]; then
        mkdir -p "$o/$id/diff"/{etc,bin,usr/lib,var/lib}
        printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n' >"$o/$id/diff/etc/os-release"
        base_id=$id
    else
        mkdir -p "$o/$id/diff/app"
        echo 'print("hello")' >"$o/$id/diff/app/main.py"
    fi
done

containers=$((3 + index % 3))
: >"$h/state/containers"
names=(web db cache worker queue)
for ((c = 0; c < containers; c++)); do
    newid
    cid=$id
    newid
    mid=$id
    # the -init layer
    newshort
    mkdir -p "$o/$mid-init"/{diff/etc,work}
    : >"$o/$mid-init/diff/.dockerenv"
    : >"$o/$mid-init/diff/etc/hosts"
    printf '%s' "$short" >"$o/$mid-init/link"
    printf '%s' "$image_lower" >"$o/$mid-init/lower"
    ln -s "../$mid-init/diff" "$o/l/$short"
    init_short=$short
    # the container's own layer
    newshort
    mkdir -p "$o/$mid"/{diff,work,merged}
    printf '%s' "$short" >"$o/$mid/link"
    clower="l/$init_short:$image_lower"
    printf '%s' "$clower" >"$o/$mid/lower"
    ln -s "../$mid/diff" "$o/l/$short"
    mkdir -p "$root/image/overlay2/layerdb/mounts/$cid" "$root/containers/$cid"
    printf '%s' "$mid" >"$root/image/overlay2/layerdb/mounts/$cid/mount-id"
    absl=''
    IFS=: read -ra parts <<<"$clower"
    for p in "${parts[@]}"; do absl+="${absl:+:}$o/$p"; done
    mount -t overlay overlay -o "lowerdir=$absl,upperdir=$o/$mid/diff,workdir=$o/$mid/work" "$o/$mid/merged"
    printf '%s\t%s\t%s\t%s\n' "$cid" "$mid" "${names[c]}-$((c + 1))" running >>"$h/state/containers"
done

if [ "$scenario" = lowdisk ]; then
    # one big file in an image layer: the first write to it in a container needs a copy-up that cannot fit
    read -r bsize bavail < <(stat -f -c '%S %a' /var/lib/docker)
    fill=$((bavail * bsize - 2 * 1024 * 1024))
    fallocate -l "$fill" "$o/$base_id/diff/usr/lib/libbig.so"
fi

# --- covers, mounted after the overlays (the seed's failure) -------------------------------------------
case $scenario in
covered | hostile) mount -t tmpfs -o size=16m lw-cover "$o" ;;
nested)
    mount -t tmpfs -o size=16m lw-cover "$o"
    mount -t tmpfs -o size=16m lw-cover2 /var/lib/docker
    ;;
esac

# --- docker info, as the recorded answer of `docker info --format '{{json .}}'` ------------------------
backing=extfs
[ "$scenario" = lowdisk ] && backing=tmpfs
running=$containers
json_root=${root//\\/\\\\}
json_root=${json_root//\"/\\\"}
cat >"$h/state/info.json" <<EOF2
{"ID":"${hex:900:8}-${hex:908:4}-${hex:912:4}-${hex:916:4}-${hex:920:12}","Containers":$containers,"ContainersRunning":$running,"ContainersPaused":0,"ContainersStopped":0,"Images":1,"Driver":"overlay2","DriverStatus":[["Backing Filesystem","$backing"],["Supports d_type","true"],["Using metacopy","false"],["Native Overlay Diff","true"],["userxattr","false"]],"Plugins":{"Volume":["local"],"Network":["bridge","host","ipvlan","macvlan","null","overlay"],"Authorization":null,"Log":["awslogs","fluentd","gcplogs","gelf","journald","json-file","local","logentries","splunk","syslog"]},"MemoryLimit":true,"SwapLimit":true,"CpuCfsPeriod":true,"CpuCfsQuota":true,"CPUShares":true,"CPUSet":true,"PidsLimit":true,"IPv4Forwarding":true,"Debug":false,"NFd":36,"OomKillDisable":true,"NGoroutines":45,"SystemTime":"2026-11-27T18:00:00.000000000Z","LoggingDriver":"json-file","CgroupDriver":"systemd","CgroupVersion":"2","NEventsListener":0,"KernelVersion":"$kernel","OperatingSystem":"Debian GNU/Linux 12 (bookworm)","OSVersion":"12","OSType":"linux","Architecture":"x86_64","IndexServerAddress":"https://index.docker.io/v1/","NCPU":2,"MemTotal":4105236480,"DockerRootDir":"$json_root","HttpProxy":"","HttpsProxy":"","NoProxy":"","Name":"lab-${addr//./-}","Labels":[],"ExperimentalBuild":false,"ServerVersion":"24.0.7","Runtimes":{"io.containerd.runc.v2":{"path":"runc"},"runc":{"path":"runc"}},"DefaultRuntime":"runc","Swarm":{"LocalNodeState":"inactive"},"LiveRestoreEnabled":false,"Isolation":"","InitBinary":"docker-init","ContainerdCommit":{"ID":"3dce8eb055cbb6872793272b4f20ed16117344f8"},"RuncCommit":{"ID":"v1.1.10-0-g18a0cb0"},"InitCommit":{"ID":"de40ad0"},"SecurityOptions":["name=seccomp,profile=builtin","name=cgroupns"],"Warnings":null}
EOF2

# --- the fake dockerd, then sshd ---------------------------------------------------------------------
(exec -a /usr/bin/dockerd "$lab/bin/dockerd" "${dockerd_flags[@]}" </dev/null >/dev/null 2>&1 &)
cfg=$h/sshd_config
keys=$lab/authorized_keys
[ "$scenario" = wrong-key ] && keys=$h/empty_authorized_keys # our client key is not accepted here
cat >"$cfg" <<EOF2
ListenAddress $addr:22
HostKey $h/ssh_host_ed25519_key
PidFile $h/sshd.pid
AuthorizedKeysFile $keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
MaxStartups 200
MaxSessions 50
LogLevel VERBOSE
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
EOF2
exec /usr/sbin/sshd -D -e -f "$cfg"
