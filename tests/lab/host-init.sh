#!/bin/bash
# PID 1 of one lab host: runs inside `unshare --mount --uts --pid --fork --propagation private`,
# writes the host's files, makes its mounts (all private to this namespace, so they vanish with it),
# starts the fake dockerd, then becomes the host's sshd.
#   host-init.sh LABDIR/hosts/ADDR SCENARIO INDEX
# lab.sh has made the host's directories and gives LAB_BIND_DOCKER / LAB_BIND_SYSTEMCTL (newline-separated
# paths to bind the fake tools over) and LAB_KERNEL (uname -r). Written with few forks (a hundred of these
# start at once on two cores): files are written by bash builtins, every directory, link and mount is made
# by one run of LABDIR/bin/labhelper (labhelper.c).
set -euo pipefail
h=$1 scenario=$2 index=$3
lab=${h%/hosts/*} addr=${h##*/}
kernel=${LAB_KERNEL:-$(uname -r)}

# --- where docker keeps its data on this host --------------------------------------------------------
root=/var/lib/docker
if [ "$scenario" = hostile ]; then
    # Space, single quote, command substitutions and a leading '-' component: a probe or repair script
    # that lets any of it reach a shell unquoted creates /tmp/lw-pwned-ADDR (or fails to parse).
    root="/var/lib/docker/-lw data/it's \$(touch /tmp/lw-pwned-$addr)/\`touch /tmp/lw-pwned-$addr\`/docker"
fi
o=$root/overlay2

# --- files of the host -------------------------------------------------------------------------------
: >"$h/calls.log"
printf '%s' "$root" >"$h/state/root"
echo active >"$h/state/docker"
ssh-keygen -q -t ed25519 -N '' -C "lab-host-$addr" -f "$h/ssh_host_ed25519_key" <<<y >/dev/null 2>&1
: >"$h/empty_authorized_keys"

storage_opts=''
[ "$scenario" = conflict ] && storage_opts='--storage-driver overlay2'
printf 'DOCKER_STORAGE_OPTIONS="%s"\n' "$storage_opts" >"$h/etc/sysconfig/docker-storage"

json=$h/etc/docker/daemon.json
[ -e "$json" ] && rm -f "$json"
case $scenario in
hung) mkfifo "$json" ;; # nobody ever writes it: `cat` hangs
conflict)
    printf '%s\n' '{' '  "storage-driver": "overlay2",' '  "log-driver": "json-file",' \
        '  "log-opts": { "max-size": "10m", "max-file": "3" }' '}' >"$json"
    ;;
hostile) printf '{\n  "data-root": "%s",\n  "log-driver": "json-file"\n}\n' "$root" >"$json" ;;
*)
    printf '%s\n' '{' '  "log-driver": "json-file",' '  "log-opts": { "max-size": "10m", "max-file": "3" }' \
        '}' >"$json"
    ;;
esac

redirect=Y
[ "$scenario" = redirect-off ] && redirect=N
echo "$redirect" >"$h/sys/redirect_dir"
echo Y >"$h/sys/index"
printf '%s' "$LAB_KERNEL_CONFIG" >"$h/boot/config-$kernel"

keys=$lab/authorized_keys
[ "$scenario" = wrong-key ] && keys=$h/empty_authorized_keys # our client key is not accepted here
printf '%s\n' "ListenAddress $addr:22" "HostKey $h/ssh_host_ed25519_key" "PidFile $h/sshd.pid" \
    "AuthorizedKeysFile $keys" 'PermitRootLogin prohibit-password' 'PubkeyAuthentication yes' \
    'PasswordAuthentication no' 'KbdInteractiveAuthentication no' 'UsePAM no' 'StrictModes no' 'UseDNS no' \
    'MaxStartups 200' 'MaxSessions 50' 'LogLevel VERBOSE' 'AcceptEnv LANG LC_*' \
    'Subsystem sftp /usr/lib/openssh/sftp-server' >"$h/sshd_config"

# --- mounts (private to this namespace), in labhelper operations ----------------------------------------
ops=(hostname "lab-${addr//./-}" flatten proc)
if [ "$scenario" = lowdisk ]; then
    # a small ext4 disk of its own (a loop device, freed with the namespace); a tmpfs if loops are missing
    truncate -s 64M "$h/disk.img"
    if mkfs.ext4 -q -F -m 0 -L lw-lowdisk "$h/disk.img" && mount -o loop "$h/disk.img" /var/lib/docker; then
        lowdisk_fs=extfs
    else
        ops+=(mount tmpfs lw-lowdisk /var/lib/docker 'size=64m,mode=711')
        lowdisk_fs=tmpfs
    fi
else
    ops+=(bind "$h/var/lib/docker" /var/lib/docker)
fi
# its own /root: the session's shell reads no dotfiles of the machine the lab runs on
ops+=(bind "$h/root" /root bind "$h/etc/modprobe.d" /etc/modprobe.d)
# its own /run, with what a systemd host has there (and sshd's privilege separation dir)
ops+=(mount tmpfs lw-run /run mode=755 dir /run/sshd dir /run/systemd/system dir /run/containerd)
ops+=(file /run/docker.pid "" file /run/containerd/containerd.sock "")
# the kernel config (the probe reads /proc/config.gz first when it exists)
[ -e /proc/config.gz ] && ops+=(bind "$lab/bin/config.gz" /proc/config.gz)
ops+=(bind "$h/etc/docker" /etc/docker bind "$h/etc/sysconfig" /etc/sysconfig bind "$h/boot" /boot)
# a repair writing a unit drop-in writes it into the host, never on the lab machine
ops+=(bind "$h/etc/systemd/system" /etc/systemd/system)
ops+=(bind "$h/sys/redirect_dir" /sys/module/overlay/parameters/redirect_dir)
ops+=(bind "$h/sys/index" /sys/module/overlay/parameters/index)
while IFS= read -r p; do [ -n "$p" ] && ops+=(bind "$lab/bin/docker" "$p"); done <<<"${LAB_BIND_DOCKER:-}"
while IFS= read -r p; do [ -n "$p" ] && ops+=(bind "$lab/bin/systemctl" "$p"); done <<<"${LAB_BIND_SYSTEMCTL:-}"

# --- docker's overlay2 layout, like dockerd makes it -----------------------------------------------------
hex=''
for ((i = 0; i < 200; i++)); do
    printf -v x '%08x' "$SRANDOM"
    hex+=$x
done
hexpos=0
newid() { # sets $id: 64 hex digits
    id=${hex:hexpos:64}
    hexpos=$((hexpos + 64))
}
newshort() { # sets $short: 26 upper-case characters, like docker's l/ link names
    short=${hex:hexpos:26}
    short=${short^^}
    hexpos=$((hexpos + 26))
}
dirs=("$o/l" "$root/containers" "$root/image/overlay2/layerdb/mounts" "$root/volumes" "$root/tmp" "$root/runtimes")
links=()    # pairs: target, link name
files=()    # pairs: path, content
overlays=() # triples: lowerdir, upperdir+workdir base, merged

image_lower=''
for layer in base app; do
    newid
    newshort
    dirs+=("$o/$id/diff")
    files+=("$o/$id/link" "$short")
    links+=("../$id/diff" "$o/l/$short")
    if [ -n "$image_lower" ]; then
        files+=("$o/$id/lower" "$image_lower")
        dirs+=("$o/$id/work")
    fi
    image_lower="l/$short${image_lower:+:$image_lower}"
    # the image layer's record in the layer database (a chain ID directory naming the layer's cache-id)
    chain=$id
    newid
    dirs+=("$root/image/overlay2/layerdb/sha256/$id")
    files+=("$root/image/overlay2/layerdb/sha256/$id/cache-id" "$chain")
    id=$chain
    if [ $layer = base ]; then
        dirs+=("$o/$id/diff/etc" "$o/$id/diff/bin" "$o/$id/diff/usr/lib" "$o/$id/diff/var/lib")
        files+=("$o/$id/diff/etc/os-release" $'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')
        base_id=$id
    else
        dirs+=("$o/$id/diff/app")
        files+=("$o/$id/diff/app/main.py" $'print("hello")\n')
        app_id=$id
    fi
done
# the image, as `docker image inspect` names its layer directories (upper: app, lower: base)
newid
printf '%s\t%s\t%s\n' "$id" "$app_id" "$base_id" >"$h/state/images"

containers=$((3 + index % 3))
names=(web db cache worker queue)
state=''
for ((c = 0; c < containers; c++)); do
    newid
    cid=$id
    newid
    mid=$id
    newshort # the -init layer
    dirs+=("$o/$mid-init/diff/etc" "$o/$mid-init/work")
    files+=("$o/$mid-init/diff/.dockerenv" '' "$o/$mid-init/diff/etc/hosts" $'127.0.0.1\tlocalhost\n')
    files+=("$o/$mid-init/link" "$short" "$o/$mid-init/lower" "$image_lower")
    links+=("../$mid-init/diff" "$o/l/$short")
    clower="l/$short:$image_lower"
    newshort # the container's own layer
    dirs+=("$o/$mid/diff" "$o/$mid/work" "$o/$mid/merged" "$root/image/overlay2/layerdb/mounts/$cid"
        "$root/containers/$cid")
    files+=("$o/$mid/link" "$short" "$o/$mid/lower" "$clower")
    files+=("$root/image/overlay2/layerdb/mounts/$cid/mount-id" "$mid")
    files+=("$root/image/overlay2/layerdb/mounts/$cid/init-id" "$mid-init")
    files+=("$root/containers/$cid/hostname" "${cid:0:12}")
    links+=("../$mid/diff" "$o/l/$short")
    overlays+=("$o/${clower//:/:$o/}" "$o/$mid" "$o/$mid/merged")
    state+="$cid"$'\t'"$mid"$'\t'"${names[c]}-$((c + 1))"$'\t'running$'\n'
done

for d in "${dirs[@]}"; do ops+=(dir "$d"); done
for ((i = 0; i < ${#files[@]}; i += 2)); do ops+=(file "${files[i]}" "${files[i + 1]}"); done
for ((i = 0; i < ${#links[@]}; i += 2)); do ops+=(link "${links[i]}" "${links[i + 1]}"); done
for ((i = 0; i < ${#overlays[@]}; i += 3)); do
    ops+=(mount overlay overlay "${overlays[i + 2]}"
        "lowerdir=${overlays[i]},upperdir=${overlays[i + 1]}/diff,workdir=${overlays[i + 1]}/work")
done
printf '%s' "$state" >"$h/state/containers"

# one big file in an image layer: the first write to it in a container needs a copy-up that cannot fit
[ "$scenario" = lowdisk ] && ops+=(fill "$o/$base_id/diff/usr/lib/libbig.so" $((2 * 1024 * 1024)))

# --- covers, mounted after the overlays (the seed's failure) -------------------------------------------
case $scenario in
covered | hostile) ops+=(mount tmpfs lw-cover "$o" mode=711) ;;
nested) ops+=(mount tmpfs lw-cover "$o" mode=711 mount tmpfs lw-cover2 /var/lib/docker mode=711) ;;
esac
"$lab/bin/labhelper" "${ops[@]}"

# --- docker info, as the recorded answer of `docker info --format '{{json .}}'` ------------------------
backing=${lowdisk_fs:-extfs}
json_root=${root//\\/\\\\}
json_root=${json_root//\"/\\\"}
printf '%s\n' "{\"ID\":\"${hex:900:8}-${hex:908:4}-${hex:912:4}-${hex:916:4}-${hex:920:12}\",\"Containers\":$containers,\"ContainersRunning\":$containers,\"ContainersPaused\":0,\"ContainersStopped\":0,\"Images\":1,\"Driver\":\"overlay2\",\"DriverStatus\":[[\"Backing Filesystem\",\"$backing\"],[\"Supports d_type\",\"true\"],[\"Using metacopy\",\"false\"],[\"Native Overlay Diff\",\"true\"],[\"userxattr\",\"false\"]],\"Plugins\":{\"Volume\":[\"local\"],\"Network\":[\"bridge\",\"host\",\"ipvlan\",\"macvlan\",\"null\",\"overlay\"],\"Authorization\":null,\"Log\":[\"awslogs\",\"fluentd\",\"gcplogs\",\"gelf\",\"journald\",\"json-file\",\"local\",\"logentries\",\"splunk\",\"syslog\"]},\"MemoryLimit\":true,\"SwapLimit\":true,\"CpuCfsPeriod\":true,\"CpuCfsQuota\":true,\"CPUShares\":true,\"CPUSet\":true,\"PidsLimit\":true,\"IPv4Forwarding\":true,\"Debug\":false,\"NFd\":36,\"OomKillDisable\":false,\"NGoroutines\":45,\"SystemTime\":\"2026-11-27T18:00:00.000000000Z\",\"LoggingDriver\":\"json-file\",\"CgroupDriver\":\"systemd\",\"CgroupVersion\":\"2\",\"NEventsListener\":0,\"KernelVersion\":\"$kernel\",\"OperatingSystem\":\"Debian GNU/Linux 12 (bookworm)\",\"OSVersion\":\"12\",\"OSType\":\"linux\",\"Architecture\":\"x86_64\",\"IndexServerAddress\":\"https://index.docker.io/v1/\",\"NCPU\":2,\"MemTotal\":4105236480,\"DockerRootDir\":\"$json_root\",\"HttpProxy\":\"\",\"HttpsProxy\":\"\",\"NoProxy\":\"\",\"Name\":\"lab-${addr//./-}\",\"Labels\":[],\"ExperimentalBuild\":false,\"ServerVersion\":\"24.0.7\",\"Runtimes\":{\"io.containerd.runc.v2\":{\"path\":\"runc\"},\"runc\":{\"path\":\"runc\"}},\"DefaultRuntime\":\"runc\",\"Swarm\":{\"LocalNodeState\":\"inactive\"},\"LiveRestoreEnabled\":false,\"Isolation\":\"\",\"InitBinary\":\"docker-init\",\"ContainerdCommit\":{\"ID\":\"3dce8eb055cbb6872793272b4f20ed16117344f8\"},\"RuncCommit\":{\"ID\":\"v1.1.10-0-g18a0cb0\"},\"InitCommit\":{\"ID\":\"de40ad0\"},\"SecurityOptions\":[\"name=seccomp,profile=builtin\",\"name=cgroupns\"],\"Warnings\":null}" >"$h/state/info.json"

# --- the fake dockerd, then sshd ---------------------------------------------------------------------
dockerd_flags=(-H fd:// --containerd=/run/containerd/containerd.sock)
read -ra more <<<"$storage_opts"
dockerd_flags+=("${more[@]}")
(exec -a /usr/bin/dockerd "$lab/bin/dockerd" "${dockerd_flags[@]}" </dev/null >/dev/null 2>&1 &)
exec /usr/sbin/sshd -D -e -f "$h/sshd_config"
