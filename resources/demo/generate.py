#!/usr/bin/env python3
"""Writes the demo captures in this directory (docs/capture-layout.md). Deterministic: re-running it
gives the same files. Four hosts:
  euler-node-07   dozens of container overlays covered by a later mount of /var/lib/docker/overlay2
                  (/dev/mapper/dm-root ext4), exactly the seed's failure scenario
  centos-build-02 storage driver set in daemon.json and in DOCKER_STORAGE_OPTIONS: dockerd refuses to start
  xfs-batch-03    docker root on xfs formatted without d_type (ftype=0), 3.5% free
  ubuntu-web-01   healthy
"""
import hashlib
import json
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261127)


def hexid(n=64):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def shortlink():
    return ''.join(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') for _ in range(26))


# The docker state of each host (docker-containers, docker-layers, docker-layer-sizes, the unit's ordering),
# derived from its mount table with a random generator of its own, so the rest stays byte for byte as before.
rng2 = random.Random(20261206)
NAMES = ["web", "api", "db", "cache", "worker", "queue", "cron", "proxy", "auth", "search", "metrics", "mail"]
POLICIES = ["always", "unless-stopped", "no", "on-failure"]
DOCKER_STATE = {
    # host: (leaked layers: the last N overlay mounts belong to removed containers, stopped containers,
    #        unit ordering lines, image names)
    "euler-node-07": (2, 1, "RequiresMountsFor=\nAfter=network-online.target firewalld.service containerd.service "
                      "docker.socket\n", ["registry.internal/app/order-service:3.2", "registry.internal/base/nginx:1.24"]),
    "xfs-batch-03": (0, 2, "RequiresMountsFor=/data/docker\nAfter=network.target data-docker.mount\n",
                     ["batch/etl:2019.4", "centos:7"]),
    "ubuntu-web-01": (0, 1, "RequiresMountsFor=\nAfter=network-online.target firewalld.service containerd.service "
                      "time-set.target docker.socket\n", ["nginx:1.25", "node:20-alpine", "redis:7"]),
}
DOCKER_PROBES = ("docker-containers", "docker-layers", "docker-layer-sizes")


def hex2(n=64):
    return ''.join(rng2.choice('0123456789abcdef') for _ in range(n))


def docker_state(host, probes):
    """The docker state's probes (with their own "ms"); appends the unit's ordering to dockerd-execstart."""
    if host not in DOCKER_STATE:
        # dockerd is down on this host: the container list and the layer inventory fail
        down = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n"
        return {"docker-containers": {"status": "failed", "exit": 1, "out": "", "err": down, "ms": 0},
                "docker-layers": {"status": "failed", "exit": -1, "err": "docker info did not answer\n", "ms": 0},
                "docker-layer-sizes": {"status": "failed", "exit": -1, "err": "docker info did not answer\n",
                                       "ms": 0}}
    leaked, stopped, ordering, images = DOCKER_STATE[host]
    info = json.loads(probes["docker-info"]["out"])
    root = info["DockerRootDir"]
    rows = probes["mountinfo"]["out"].splitlines()
    layers, cids = [], []
    for r in rows:
        f = r.split(" ")
        if f[4].startswith(root + "/overlay2/") and f[4].endswith("/merged") and " - overlay " in r:
            layers.append(f[4][len(root) + 10:-7])
        elif f[4].startswith(root + "/containers/") and f[4].endswith("/mounts/shm"):
            cids.append(f[4][len(root) + 12:-11])
    containers = []
    for i, (layer, cid) in enumerate(zip(layers, cids)):
        if i >= len(layers) - leaked:
            continue  # removed while covered: its mount and layer stay, docker forgot it
        containers.append({"Id": cid, "Name": "/%s-%d" % (NAMES[i % len(NAMES)], i // len(NAMES) + 1),
                           "State": "running", "Running": True, "Paused": False,
                           "RestartPolicy": POLICIES[i % len(POLICIES)], "AutoRemove": False,
                           "Image": images[i % len(images)], "Driver": "overlay2",
                           "MergedDir": "%s/overlay2/%s/merged" % (root, layer)})
    for i in range(stopped):
        layer = hex2()
        containers.append({"Id": hex2(), "Name": "/job-%d" % (i + 1), "State": "exited", "Running": False,
                           "Paused": False, "RestartPolicy": "no", "AutoRemove": False, "Image": images[-1],
                           "Driver": "overlay2",
                           "MergedDir": "%s/overlay2/%s/merged" % (root, layer)})
    # the images: 4 layers each (cache-ids in the layerdb), the daemon's view of them (UpperDir, LowerDir)
    image_layers = {}
    image_lines = []
    refs = []
    dirs = ["l"]
    for name in images:
        chain = [hex2() for _ in range(4)]
        image_layers[name] = chain
        for cache in chain:
            dirs.append(cache)
            refs.append("ref cache %s %s" % (hex2(), cache))
        image_lines.append({"ImageId": "sha256:" + hex2(), "Graph": {
            "LowerDir": ":".join("%s/overlay2/%s/diff" % (root, c) for c in reversed(chain[:-1])),
            "MergedDir": "%s/overlay2/%s/merged" % (root, chain[-1]),
            "UpperDir": "%s/overlay2/%s/diff" % (root, chain[-1]), "WorkDir": "%s/overlay2/%s/work" % (root, chain[-1])}})
    for c in containers:
        layer = c.pop("MergedDir")[len(root) + 10:-7]
        chain = image_layers[c["Image"]]
        c["Graph"] = {"LowerDir": ":".join(["%s/overlay2/%s-init/diff" % (root, layer)] +
                                           ["%s/overlay2/%s/diff" % (root, x) for x in reversed(chain)]),
                      "MergedDir": "%s/overlay2/%s/merged" % (root, layer),
                      "UpperDir": "%s/overlay2/%s/diff" % (root, layer), "WorkDir": "%s/overlay2/%s/work" % (root, layer)}
        c["MountSources"] = []
        dirs += [layer, layer + "-init"]
        refs += ["ref mount %s %s" % (c["Id"], layer), "ref init %s %s-init" % (c["Id"], layer)]
    for layer in layers[len(layers) - leaked:] if leaked else []:
        dirs += [layer, layer + "-init"]  # a removed container's layers: named by nothing
    out = {"docker-containers": {"out": "".join(json.dumps(c, separators=(',', ':')) + "\n" for c in containers) +
                                        "".join(json.dumps(i, separators=(',', ':')) + "\n" for i in image_lines) +
                                        "images ok\n"}}
    lay = ["root " + root]
    lay += ["dir " + d for d in sorted(dirs)] + ["odd 0"] + refs + ["busy 0", "buildkit none"]
    out["docker-layers"] = {"out": "\n".join(lay + ["end"]) + "\n"}
    if leaked:
        sizes = ""
        for layer in layers[len(layers) - leaked:]:
            sizes += "%d\t%s/overlay2/%s\n" % (rng2.randint(20000, 900000), root, layer)
            sizes += "%d\t%s/overlay2/%s-init\n" % (rng2.randint(8, 40), root, layer)
        out["docker-layer-sizes"] = {"out": sizes}
    else:
        out["docker-layer-sizes"] = {"status": "absent", "exit": -1,
                                     "err": "no layer directory without a layerdb record\n"}
    if probes.get("dockerd-execstart", {}).get("status", "ok") == "ok":
        probes["dockerd-execstart"]["out"] += ordering
    for p in out.values():
        p["ms"] = rng2.randint(2, 40)
    return out


def write_host(host, collected, probes):
    # the docker state's probes carry their own "ms": the loop below draws from rng for every probe it sees
    docker = docker_state(host, probes)
    d = os.path.join(HERE, host)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    meta = {"format": 1, "host": host, "collectedAt": collected, "probes": {}}
    for pid, p in probes.items():
        status = p.get("status", "ok")
        if "out" in p:
            data = p["out"].encode() if isinstance(p["out"], str) else p["out"]
            with open(os.path.join(d, pid), 'wb') as f:
                f.write(data)
        if p.get("err"):
            with open(os.path.join(d, pid + ".stderr"), 'wb') as f:
                f.write(p["err"].encode())
        meta["probes"][pid] = {"status": status, "exitCode": p.get("exit", 0 if status == "ok" else 1),
                               "durationMs": p.get("ms", rng.randint(2, 40)), "truncated": False}
    for pid, p in docker.items():
        status = p.get("status", "ok")
        if "out" in p:
            with open(os.path.join(d, pid), 'wb') as f:
                f.write(p["out"].encode())
        if p.get("err"):
            with open(os.path.join(d, pid + ".stderr"), 'wb') as f:
                f.write(p["err"].encode())
        meta["probes"][pid] = {"status": status, "exitCode": p.get("exit", 0 if status == "ok" else 1),
                               "durationMs": p["ms"], "truncated": False}
    with open(os.path.join(d, "meta.json"), 'w') as f:
        json.dump(meta, f, indent=2)
        f.write("\n")


def cmdline(*argv):
    return b'\0'.join(a.encode() for a in argv) + b'\0'


def execstart(argv, pid, start):
    return ("ExecStart={ path=%s ; argv[]=%s ; ignore_errors=no ; start_time=[%s] ; stop_time=[n/a] ; "
            "pid=%s ; code=(null) ; status=0/0 }\n" % (argv.split()[0], argv, start, pid))


def docker_info(driver, root, kernel, version, containers, status, warnings=None, os_name="", images=0):
    info = {
        "ID": "%s:%s" % (hexid(4).upper(), hexid(4).upper()),
        "Containers": containers, "ContainersRunning": containers, "ContainersPaused": 0,
        "ContainersStopped": 0, "Images": images or containers + 7, "Driver": driver,
        "DriverStatus": status, "Plugins": {"Volume": ["local"], "Network": ["bridge", "host", "null", "overlay"]},
        "MemoryLimit": True, "SwapLimit": True, "KernelMemory": True, "CpuCfsPeriod": True, "CpuCfsQuota": True,
        "IPv4Forwarding": True, "Debug": False, "LoggingDriver": "json-file", "CgroupDriver": "cgroupfs",
        "KernelVersion": kernel, "OperatingSystem": os_name, "OSType": "linux", "Architecture": "x86_64",
        "NCPU": 8, "MemTotal": 16624427008, "DockerRootDir": root, "ServerVersion": version,
        "LiveRestoreEnabled": False, "Warnings": warnings,
    }
    return json.dumps(info, separators=(',', ':')) + "\n"


DF_HEAD = "Filesystem                  Type        1-blocks         Used    Available Capacity Mounted on\n"


def df_row(fs, typ, size, used, mp):
    avail = size - used
    cap = (used * 100 + size - 1) // size if size else 0
    return "%-27s %-8s %13d %12d %12d %7d%% %s\n" % (fs, typ, size, used, avail, cap, mp)


def kernel_config(release, redirect, index):
    lines = ["#", "# Automatically generated file; DO NOT EDIT.", "# Linux/x86 %s Kernel Configuration" % release,
             "#", "CONFIG_64BIT=y", "CONFIG_X86_64=y", "CONFIG_LOCALVERSION=\"\"", "CONFIG_NAMESPACES=y",
             "CONFIG_UTS_NS=y", "CONFIG_IPC_NS=y", "CONFIG_USER_NS=y", "CONFIG_PID_NS=y", "CONFIG_NET_NS=y",
             "CONFIG_CGROUPS=y", "CONFIG_MEMCG=y", "CONFIG_BLK_CGROUP=y", "CONFIG_CGROUP_PIDS=y",
             "CONFIG_EXT4_FS=m", "CONFIG_EXT4_FS_POSIX_ACL=y", "CONFIG_EXT4_FS_SECURITY=y", "CONFIG_XFS_FS=m",
             "CONFIG_XFS_POSIX_ACL=y", "# CONFIG_BTRFS_FS is not set", "CONFIG_FUSE_FS=m",
             "CONFIG_OVERLAY_FS=m"]
    if redirect is not None:
        lines.append("CONFIG_OVERLAY_FS_REDIRECT_DIR=y" if redirect else "# CONFIG_OVERLAY_FS_REDIRECT_DIR is not set")
        lines.append("CONFIG_OVERLAY_FS_REDIRECT_ALWAYS_FOLLOW=y")
    if index is not None:
        lines.append("CONFIG_OVERLAY_FS_INDEX=y" if index else "# CONFIG_OVERLAY_FS_INDEX is not set")
    lines += ["CONFIG_TMPFS=y", "CONFIG_TMPFS_POSIX_ACL=y", "CONFIG_TMPFS_XATTR=y", "CONFIG_BRIDGE=m",
              "CONFIG_VETH=m", "CONFIG_NETFILTER_XT_MATCH_IPVS=m", "CONFIG_SECCOMP=y"]
    return "\n".join(lines) + "\n"


def overlay_params(redirect, index):
    return ("check_copy_up=N\nindex=%s\nmetacopy=N\nnfs_export=N\nredirect_always_follow=Y\nredirect_dir=%s\n"
            "redirect_max=2048\nxino_auto=N\n" % ("Y" if index else "N", "Y" if redirect else "N"))


def base_mounts(root_dev, root_majmin, root_fs, seclabel):
    sl = ",seclabel" if seclabel else ""
    rows = [
        "22 1 %s / / rw,relatime shared:1 - %s %s rw%s,data=ordered" % (root_majmin, root_fs, root_dev, sl),
        "23 22 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw%s" % sl,
        "24 22 0:4 / /proc rw,nosuid,nodev,noexec,relatime shared:25 - proc proc rw",
        "25 22 0:6 / /dev rw,nosuid shared:21 - devtmpfs devtmpfs rw%s,size=8096908k,nr_inodes=2024227,mode=755" % sl,
        "26 23 0:7 / /sys/kernel/security rw,nosuid,nodev,noexec,relatime shared:3 - securityfs securityfs rw",
        "27 25 0:22 / /dev/shm rw,nosuid,nodev shared:22 - tmpfs tmpfs rw%s" % sl,
        "28 25 0:23 / /dev/pts rw,nosuid,noexec,relatime shared:23 - devpts devpts rw%s,gid=5,mode=620,ptmxmode=000" % sl,
        "29 22 0:24 / /run rw,nosuid,nodev shared:24 - tmpfs tmpfs rw%s,mode=755" % sl,
        "30 23 0:25 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:4 - tmpfs tmpfs ro%s,mode=755" % sl,
        "31 30 0:26 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:5 - cgroup cgroup rw%s,xattr,name=systemd" % sl,
        "32 23 0:27 / /sys/fs/pstore rw,nosuid,nodev,noexec,relatime shared:16 - pstore pstore rw",
        "33 30 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:6 - cgroup cgroup rw%s,memory" % sl,
        "34 30 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:7 - cgroup cgroup rw%s,cpu,cpuacct" % sl,
        "35 30 0:30 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:8 - cgroup cgroup rw%s,pids" % sl,
        "36 30 0:31 / /sys/fs/cgroup/blkio rw,nosuid,nodev,noexec,relatime shared:9 - cgroup cgroup rw%s,blkio" % sl,
        "37 30 0:32 / /sys/fs/cgroup/devices rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw%s,devices" % sl,
        "38 30 0:33 / /sys/fs/cgroup/freezer rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup rw%s,freezer" % sl,
        "39 23 0:34 / /sys/kernel/config rw,relatime shared:12 - configfs configfs rw",
        "40 24 0:35 / /proc/sys/fs/binfmt_misc rw,relatime shared:26 - autofs systemd-1 rw,fd=32,pgrp=1,timeout=0,minproto=5,maxproto=5,direct",
        "41 25 0:19 / /dev/mqueue rw,relatime shared:27 - mqueue mqueue rw%s" % sl,
        "42 25 0:36 / /dev/hugepages rw,relatime shared:28 - hugetlbfs hugetlbfs rw%s" % sl,
        "43 22 8:1 / /boot rw,relatime shared:29 - ext4 /dev/sda1 rw%s,data=ordered" % sl,
    ]
    return rows


def container_mounts(first_id, count, root, first_layer=None, seclabel=True, overlay_dev_start=60, parent=22):
    """Overlay, shm and netns mounts of count running containers, as dockerd makes them."""
    rows = []
    layers = []
    sl = ",seclabel" if seclabel else ""
    mid = first_id
    for i in range(count):
        layer = first_layer if (i == 0 and first_layer) else hexid()
        layers.append(layer)
        lowers = ":".join("%s/overlay2/l/%s" % (root, shortlink()) for _ in range(rng.randint(3, 9)))
        rows.append("%d %d 0:%d / %s/overlay2/%s/merged rw,relatime shared:%d - overlay overlay rw%s,lowerdir=%s,"
                    "upperdir=%s/overlay2/%s/diff,workdir=%s/overlay2/%s/work"
                    % (mid, parent, overlay_dev_start + i, root, layer, 100 + i, sl, lowers, root, layer, root, layer))
        mid += 1
        cid = hexid()
        rows.append("%d %d 0:%d / %s/containers/%s/mounts/shm rw,nosuid,nodev,noexec,relatime shared:%d - tmpfs shm "
                    "rw%s,size=65536k" % (mid, parent, overlay_dev_start + count + i, root, cid, 200 + i, sl))
        mid += 1
        rows.append("%d 29 0:3 net:[%d] /run/docker/netns/%s rw shared:%d - nsfs nsfs rw%s"
                    % (mid, 4026532500 + i * 3, hexid(12), 300 + i, sl))
        mid += 1
    return rows, layers, mid


def euler_node_07():
    root = "/var/lib/docker"
    rows = base_mounts("/dev/mapper/dm-root", "253:0", "ext4", True)
    cont, layers, nxt = container_mounts(120, 30, root,
                                         "844fd3bca8e616572935808061f009d106a8748dfd29a0a4025645457fa21785")
    rows += cont
    # Someone re-ran a mount of the docker directory while the containers were running: the seed's scenario.
    rows.append("%d 22 253:0 /var/lib/docker/overlay2 /var/lib/docker/overlay2 rw,relatime shared:1 - ext4 "
                "/dev/mapper/dm-root rw,seclabel,data=ordered" % (nxt + 10))
    kernel = "4.19.90-2102.2.0.0062.oe1.x86_64"
    df = DF_HEAD
    df += df_row("devtmpfs", "devtmpfs", 8291233792, 0, "/dev")
    df += df_row("tmpfs", "tmpfs", 8312213504, 0, "/dev/shm")
    df += df_row("tmpfs", "tmpfs", 8312213504, 17096704, "/run")
    df += df_row("tmpfs", "tmpfs", 8312213504, 0, "/sys/fs/cgroup")
    df += df_row("/dev/mapper/dm-root", "ext4", 105550663680, 41862787072, "/")
    df += df_row("/dev/sda1", "ext4", 1063256064, 176984064, "/boot")
    probes = {
        "daemon-json": {"out": '{\n    "storage-driver": "overlay2",\n    "live-restore": true,\n'
                               '    "log-driver": "json-file",\n    "log-opts": {\n        "max-size": "100m",\n'
                               '        "max-file": "3"\n    }\n}\n'},
        "docker-storage": {"status": "absent", "exit": 1,
                           "err": "cat: /etc/sysconfig/docker-storage: No such file or directory\n"},
        "dockerd-cmdline": {"out": cmdline("/usr/bin/dockerd", "-H", "unix:///var/run/docker.sock")},
        "dockerd-execstart": {"out": execstart("/usr/bin/dockerd $OPTIONS $DOCKER_STORAGE_OPTIONS "
                                               "$DOCKER_NETWORK_OPTIONS $INSECURE_REGISTRY", 1187,
                                               "Mon 2026-11-02 03:14:07 CST")},
        "docker-info": {"out": docker_info("overlay2", root, kernel, "18.09.0", 30,
                                           [["Backing Filesystem", "extfs"], ["Supports d_type", "true"],
                                            ["Native Overlay Diff", "true"]], None, "openEuler 20.03 (LTS)"),
                        "ms": 412},
        "uname-r": {"out": kernel + "\n"},
        "kernel-config": {"out": kernel_config(kernel, True, False)},
        "overlay-params": {"out": overlay_params(True, False)},
        "mountinfo": {"out": "\n".join(rows) + "\n"},
        "df": {"out": df},
    }
    write_host("euler-node-07", "2026-11-27T09:41:12.000Z", probes)


def centos_build_02():
    kernel = "3.10.0-1160.el7.x86_64"
    rows = base_mounts("/dev/mapper/centos-root", "253:0", "xfs", True)
    rows = [r.replace(",data=ordered", ",attr2,inode64,noquota") if " xfs " in r else r for r in rows]
    df = DF_HEAD
    df += df_row("devtmpfs", "devtmpfs", 3995918336, 0, "/dev")
    df += df_row("tmpfs", "tmpfs", 4007858176, 0, "/dev/shm")
    df += df_row("tmpfs", "tmpfs", 4007858176, 9252864, "/run")
    df += df_row("/dev/mapper/centos-root", "xfs", 53660876800, 9983655936, "/")
    df += df_row("/dev/sda1", "ext4", 1063256064, 196984832, "/boot")
    probes = {
        "daemon-json": {"out": '{\n  "storage-driver": "overlay2",\n  "registry-mirrors": ["https://mirror.example.internal"]\n}\n'},
        "docker-storage": {"out": "# This file may be automatically generated by an installation program.\n"
                                  "# Please DO NOT edit this file directly.\n"
                                  "DOCKER_STORAGE_OPTIONS=\"--storage-driver=overlay2\"\n"},
        # dockerd refused to start, so there is no process to read.
        "dockerd-cmdline": {"status": "absent", "exit": 1, "err": "no dockerd process\n"},
        "dockerd-execstart": {"out": execstart("/usr/bin/dockerd-current --add-runtime "
                                               "docker-runc=/usr/libexec/docker/docker-runc-current "
                                               "--default-runtime=docker-runc --exec-opt native.cgroupdriver=systemd "
                                               "--userland-proxy-path=/usr/libexec/docker/docker-proxy-current "
                                               "$OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS "
                                               "$ADD_REGISTRY $BLOCK_REGISTRY $INSECURE_REGISTRY $REGISTRIES", 0,
                                               "n/a")},
        "docker-info": {"status": "failed", "exit": 1, "out": "",
                        "err": "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                               "Is the docker daemon running?\n"},
        "uname-r": {"out": kernel + "\n"},
        # RHEL 7's backported overlayfs has no redirect_dir or index option.
        "kernel-config": {"out": kernel_config(kernel, None, None)},
        "overlay-params": {"status": "absent", "exit": 1,
                           "err": "ls: cannot access /sys/module/overlay/parameters: No such file or directory\n"},
        "mountinfo": {"out": "\n".join(rows) + "\n"},
        "df": {"out": df},
    }
    write_host("centos-build-02", "2026-11-27T09:41:15.250Z", probes)


def xfs_batch_03():
    kernel = "3.10.0-957.27.2.el7.x86_64"
    root = "/var/lib/docker"
    rows = base_mounts("/dev/mapper/centos-root", "253:0", "xfs", True)
    rows = [r.replace(",data=ordered", ",attr2,inode64,noquota") if " xfs " in r else r for r in rows]
    rows.append("44 22 8:17 / /var/lib/docker rw,relatime shared:30 - xfs /dev/sdb1 rw,seclabel,attr2,inode64,noquota")
    cont, layers, nxt = container_mounts(300, 6, root, overlay_dev_start=80, parent=44)
    rows += cont
    df = DF_HEAD
    df += df_row("devtmpfs", "devtmpfs", 3995918336, 0, "/dev")
    df += df_row("tmpfs", "tmpfs", 4007858176, 0, "/dev/shm")
    df += df_row("tmpfs", "tmpfs", 4007858176, 9252864, "/run")
    df += df_row("/dev/mapper/centos-root", "xfs", 53660876800, 12983655936, "/")
    df += df_row("/dev/sda1", "xfs", 1063256064, 196984832, "/boot")
    df += df_row("/dev/sdb1", "xfs", 53660876800, 51750244352, "/var/lib/docker")
    probes = {
        "daemon-json": {"status": "absent", "exit": 1,
                        "err": "cat: /etc/docker/daemon.json: No such file or directory\n"},
        "docker-storage": {"out": "DOCKER_STORAGE_OPTIONS=\"--storage-driver overlay2\"\n"},
        "dockerd-cmdline": {"out": cmdline("/usr/bin/dockerd-current", "--add-runtime",
                                           "docker-runc=/usr/libexec/docker/docker-runc-current",
                                           "--default-runtime=docker-runc", "--exec-opt",
                                           "native.cgroupdriver=systemd", "--storage-driver", "overlay2")},
        "dockerd-execstart": {"out": execstart("/usr/bin/dockerd-current --add-runtime "
                                               "docker-runc=/usr/libexec/docker/docker-runc-current "
                                               "--default-runtime=docker-runc --exec-opt native.cgroupdriver=systemd "
                                               "$OPTIONS $DOCKER_STORAGE_OPTIONS", 1342, "Tue 2026-10-13 22:01:45 CST")},
        "docker-info": {"out": docker_info("overlay2", root, kernel, "1.13.1", 6,
                                           [["Backing Filesystem", "xfs"], ["Supports d_type", "false"],
                                            ["Native Overlay Diff", "true"]],
                                           ["WARNING: overlay2: the backing xfs filesystem is formatted without "
                                            "d_type support, which leads to incorrect behavior. Reformat the "
                                            "filesystem with ftype=1 to enable d_type support. Running without "
                                            "d_type support will no longer be supported in Docker 1.16."],
                                           "CentOS Linux 7 (Core)", images=41)},
        "uname-r": {"out": kernel + "\n"},
        "kernel-config": {"out": kernel_config(kernel, None, None)},
        "overlay-params": {"out": ""},
        "mountinfo": {"out": "\n".join(rows) + "\n"},
        "df": {"out": df},
    }
    write_host("xfs-batch-03", "2026-11-27T09:41:13.900Z", probes)


def ubuntu_web_01():
    kernel = "5.15.0-91-generic"
    root = "/var/lib/docker"
    rows = base_mounts("/dev/sda2", "8:2", "ext4", False)
    cont, layers, nxt = container_mounts(600, 8, root, seclabel=False, overlay_dev_start=70)
    rows += cont
    df = DF_HEAD
    df += df_row("tmpfs", "tmpfs", 1656119296, 2342912, "/run")
    df += df_row("/dev/sda2", "ext4", 250375106560, 61448343552, "/")
    df += df_row("tmpfs", "tmpfs", 8280592384, 0, "/dev/shm")
    df += df_row("/dev/sda1", "vfat", 535805952, 6369280, "/boot/efi")
    for layer in layers:
        df += df_row("overlay", "overlay", 250375106560, 61448343552, "%s/overlay2/%s/merged" % (root, layer))
    probes = {
        "daemon-json": {"status": "absent", "exit": 1,
                        "err": "cat: /etc/docker/daemon.json: No such file or directory\n"},
        "docker-storage": {"status": "absent", "exit": 1,
                           "err": "cat: /etc/sysconfig/docker-storage: No such file or directory\n"},
        "dockerd-cmdline": {"out": cmdline("/usr/bin/dockerd", "-H", "fd://",
                                           "--containerd=/run/containerd/containerd.sock")},
        "dockerd-execstart": {"out": execstart("/usr/bin/dockerd -H fd:// "
                                               "--containerd=/run/containerd/containerd.sock", 912,
                                               "Thu 2026-11-19 06:25:31 UTC")},
        "docker-info": {"out": docker_info("overlay2", root, kernel, "24.0.7", 8,
                                           [["Backing Filesystem", "extfs"], ["Supports d_type", "true"],
                                            ["Using metacopy", "false"], ["Native Overlay Diff", "true"],
                                            ["userxattr", "false"]], None, "Ubuntu 22.04.3 LTS")},
        "uname-r": {"out": kernel + "\n"},
        "kernel-config": {"out": kernel_config(kernel, True, True)},
        "overlay-params": {"out": overlay_params(True, True)},
        "mountinfo": {"out": "\n".join(rows) + "\n"},
        "df": {"out": df},
    }
    write_host("ubuntu-web-01", "2026-11-27T09:41:11.625Z", probes)


if __name__ == "__main__":
    euler_node_07()
    centos_build_02()
    xfs_batch_03()
    ubuntu_web_01()
