# Layerwatch probe bundle. READ-ONLY: it reads files and asks read-only commands; it writes nothing on the
# host (no temporary files), starts nothing that outlives it, changes no state. docs/probes.md has the details.
# Run as:   sh -s -- MARKER [SUDO [serve] [v1]]   with this script on stdin (one channel, one round trip).
#   MARKER  per-run random marker from the client, hex only (>= 32 digits), so it is data, never code; or
#           "-": the client sent it as the first line of the script (LW_M=...), so it is not in argv.
#   SUDO    1: run probes that need root through `sudo -n` when not root (never prompts); 0: don't.
#   serve   after the first reply, keep reading requests on stdin, one a line ("refresh", "full", "rest" or "df"), and
#           answer each with a whole reply; EOF ends the shell. Nothing of a request is ever executed.
#   v1      use the version 1 framing even where version 2 works (tests).
#   sftp    (version 2) the client reads the mount table, disk usage and /proc/config.gz itself, through
#           the host's sftp-server: replies leave out mountinfo, df and a kernel config from /proc/config.gz;
#           the request "rest" answers those alone, "df" df alone, for when the client cannot.
#   watch   (version 2) the client keeps each probe's time: a program that may hang runs without `timeout`
#           (two processes less each) after a "MARKER K <pid> <seconds>" line on stderr, and the client
#           kills that pid (a child of this shell) when the seconds are up. Through sudo, `timeout` stays.
# Version 2 (any shell whose ${#var} counts bytes, with base64 and head -c): each probe's output is held in
# a shell variable and sent with its length, raw, so nothing it contains can end or fake a frame:
#   MARKER BUNDLE 2 <uid> <sudo> <full|refresh>
#   MARKER P <probe-id> <exit> <duration-ms> <status> <enc> <length>
#   <length bytes>                 enc: t (text; the shell dropped trailing newlines and NUL bytes, the
#                                  client restores one newline), e (exact), b64 (base64 of the exact bytes)
#   MARKER S <probe-id>            refresh: unchanged since this shell's previous reply (see below)
#   MARKER DONE
#   stderr: "MARKER E <probe-id>" before each probe that runs a program (its stderr follows), the reason
#   of a skipped probe likewise, and "MARKER E DONE" before stdout's DONE.
# A refresh re-runs the probes whose source can change while dockerd and the host keep running (the
# configuration files and the mount table, read by the shell itself when they were under 6 KiB last time;
# df; the overlay parameters) and answers S for the kernel config (this shell is alive, so the host has not rebooted) and, while dockerd's PID and start time are those of
# the previous reply and that reply's run was ok, for the dockerd command line, its ExecStart and docker info.
# Version 1 (fallback: a shell counting characters, no base64 or no head -c): one encoded line per section:
#   MARKER BUNDLE 1 <enc> <uid> <sudo>        enc: b64 (base64 -w0) or hex (od -An -tx1)
#   MARKER BEGIN <probe-id>
#   <probe stdout, encoded, on one line; empty line if none>
#   MARKER STDERR
#   <probe stderr, encoded, on one line>
#   MARKER END <probe-id> <exit> <duration-ms> <status>   status: ok absent failed timeout no-permission
#   MARKER DONE                   (and "MARKER E DONE" on stderr)
# Each probe's stdout is capped at LW_CAP bytes (+1, so the client sees that it was cut).
# The probe list and timeouts must match catalog.json (tests/core/tst_probebundle checks it).

M=$1
if [ "$M" = - ]; then
  M=${LW_M-}
fi
WANT_SUDO=${2:-0}
SERVE=0
FORCE_V1=0
WATCH=0
SFTP=0
for a in "$@"; do
  case $a in
  serve) SERVE=1 ;;
  v1) FORCE_V1=1 ;;
  watch) WATCH=1 ;;
  sftp) SFTP=1 ;;
  esac
done
case $M in
'' | *[!0-9a-f]*)
  echo "layerwatch bundle: the marker must be hex" >&2
  exit 2
  ;;
esac
if [ ${#M} -lt 32 ]; then
  echo "layerwatch bundle: the marker is too short" >&2
  exit 2
fi
LC_ALL=C
export LC_ALL
PATH=/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin:/usr/local/sbin:$PATH
export PATH
# A newline without a process: every POSIX shell starts with IFS = space, tab, newline.
NL=${IFS#??}
if [ ${#NL} != 1 ]; then
  NL=$(printf '\n_')
  NL=${NL%_}
fi
LW_CAP=4194304
exec 3>&1

have() { command -v "$1" >/dev/null 2>&1; }

# Feature checks cost processes. None where timeout and head are GNU coreutils' own files (a regular file,
# not a link to a multi-call binary such as busybox): both have had -k and -c for over a decade. Else one
# (`timeout` running `head -c`) where both work, the rest only if not.
TIMEOUT=0
CAPCMD=cat
# which_cmd NAME: sets P to the first NAME in PATH, as the shell will run it (no process, unlike $(command -v)).
which_cmd() {
  P=
  set -f
  old_ifs=$IFS
  IFS=:
  for d in $PATH; do
    if [ -f "$d/$1" ] && [ -x "$d/$1" ]; then
      P=$d/$1
      break
    fi
  done
  IFS=$old_ifs
  set +f
}
which_cmd timeout
TPATH=$P
which_cmd head
HPATH=$P
if [ -n "$TPATH" ] && [ ! -L "$TPATH" ] && [ -n "$HPATH" ] && [ ! -L "$HPATH" ]; then
  TIMEOUT=1
  CAPCMD=head
elif timeout -k 1 5 head -c 1 </dev/null >/dev/null 2>&1; then
  TIMEOUT=1
  CAPCMD=head
else
  if timeout -k 1 5 true >/dev/null 2>&1; then
    TIMEOUT=1
  fi
  if head -c 1 </dev/null >/dev/null 2>&1; then
    CAPCMD=head
  fi
fi
# Version 2 needs ${#var} in bytes (bash, dash, busybox with LC_ALL=C) and head -c.
BYTES='é'
V=1
if [ "$CAPCMD" = head ] && [ ${#BYTES} = 2 ] && [ "$FORCE_V1" = 0 ]; then
  V=2
fi
# The client's watch needs /proc/self (the child's pid); without it, `timeout` as before.
if [ "$WATCH" = 1 ] && { [ "$V" != 2 ] || ! [ -d /proc/self/fd ]; }; then
  WATCH=0
fi
# Version 1 only: its encoder.
ENC=b64
if [ "$V" = 1 ] && ! base64 -w0 </dev/null >/dev/null 2>&1; then
  ENC=hex
fi
enc() {
  if [ "$ENC" = b64 ]; then
    base64 -w0
  else
    od -An -v -tx1 | tr -d ' \n'
  fi
}
limit() {
  if [ "$CAPCMD" = head ]; then
    head -c $((LW_CAP + 1))
  else
    cat
  fi
}
FAST=0
if [ "$ENC" = b64 ] && [ "$CAPCMD" = head ]; then
  FAST=1
fi
# The effective uid from /proc (no process); `id -u` only where /proc is missing.
UID_NOW=
if [ -r /proc/self/status ]; then
  # the Uid line is near the top: stop there (every byte the shell reads is a system call)
  while read -r key real eff rest; do
    if [ "$key" = Uid: ]; then
      UID_NOW=$eff
      break
    fi
  done </proc/self/status
fi
if [ -z "$UID_NOW" ]; then
  UID_NOW=$(id -u 2>/dev/null)
fi
SUDO=0
if [ "$WANT_SUDO" = 1 ] && [ "$UID_NOW" != 0 ] && have sudo; then
  if sudo -n true >/dev/null 2>&1; then
    SUDO=1
  fi
fi

now_ms() {
  NOW=0
  if [ -r /proc/uptime ]; then
    read -r up rest </proc/uptime
    s=${up%.*}
    f=${up#*.}
    f=${f#0}
    NOW=$((s * 1000 + f * 10))
  fi
}

# QUICK=1: the next probes cannot block (procfs, sysfs, a regular file), so no `timeout` process.
# CAPPED=1: their output is bounded already (the command caps it, or the kernel does): no `head` stage.
QUICK=0
CAPPED=0

# tmo SECONDS ROOT COMMAND...: runs COMMAND under its own timeout, through sudo -n if ROOT=1 and allowed.
tmo() {
  t=$1
  r=$2
  shift 2
  if [ "$r" = 1 ] && [ "$SUDO" = 1 ]; then
    if [ "$TIMEOUT" = 1 ]; then
      sudo -n timeout -k 1 "$t" "$@"
    else
      sudo -n "$@"
    fi
  elif [ "$TIMEOUT" = 1 ] && [ "$QUICK" != 1 ]; then
    timeout -k 1 "$t" "$@"
  else
    "$@"
  fi
}

# Emits a probe that did not run (absent, no-permission).
skip() {
  printf '%s BEGIN %s\n\n%s STDERR\n' "$M" "$1" "$M"
  printf '%s' "$3" | enc
  printf '\n%s END %s -1 0 %s\n' "$M" "$1" "$2"
}

# run ID SECONDS ROOT COMMAND...: the command's stdout is the data, its stderr is kept beside it.
run() {
  id=$1
  secs=$2
  root=$3
  shift 3
  printf '%s BEGIN %s\n' "$M" "$id"
  now_ms
  t0=$NOW
  if [ "$FAST" = 1 ] && [ "$CAPPED" = 1 ]; then
    res=$({ { tmo "$secs" "$root" "$@" 2>&5 3>&- </dev/null; echo "$?" >&5; } | base64 -w0 >&3; } 5>&1)
  elif [ "$FAST" = 1 ]; then
    # Plain commands in the pipeline: the shell execs them in its children, no extra fork per stage.
    res=$({ { tmo "$secs" "$root" "$@" 2>&5 3>&- </dev/null; echo "$?" >&5; } | head -c $((LW_CAP + 1)) | base64 -w0 >&3; } 5>&1)
  else
    res=$({ { tmo "$secs" "$root" "$@" 2>&5 3>&- </dev/null; echo "$?" >&5; } | limit | enc >&3; } 5>&1)
  fi
  now_ms
  rc=${res##*"$NL"}
  case $res in
  *"$NL"*) err=${res%"$NL"*} ;;
  *) err= ;;
  esac
  st=ok
  if [ "$rc" != 0 ]; then
    st=failed
    if [ "$TIMEOUT" = 1 ] && { [ "$rc" = 124 ] || [ "$rc" = 137 ]; }; then
      st=timeout
    else
      case $err in
      *"ermission denied"* | *"Operation not permitted"* | *"a password is required"*) st=no-permission ;;
      esac
    fi
  fi
  printf '\n%s STDERR\n' "$M"
  # Most probes print nothing on stderr: no encoder process for them.
  if [ -n "$err" ]; then
    printf '%s' "$err" | enc
  fi
  printf '\n%s END %s %s %s %s\n' "$M" "$id" "$rc" $((NOW - t0)) "$st"
}

# value ID DATA: a probe whose data the shell read itself (builtins only): exit 0, no stderr.
value() {
  printf '%s BEGIN %s\n' "$M" "$1"
  printf '%s' "$2" | enc
  printf '\n%s STDERR\n\n%s END %s 0 0 ok\n' "$M" "$M" "$1"
}

# A file probe: absent if the path does not exist, no-permission if unreadable without root.
# A regular file cannot hang: head reads and caps it, no `timeout`, no `cat`. Anything else (a FIFO,
# a device) is read under the probe's timeout, so a FIFO nobody writes ends as "timeout".
file_probe() {
  if [ ! -e "$3" ] && [ ! -L "$3" ]; then
    skip "$1" absent "$3: not found"
  elif [ ! -r "$3" ] && [ "$SUDO" != 1 ]; then
    skip "$1" no-permission "$3: not readable"
  elif [ -f "$3" ] && [ "$CAPCMD" = head ]; then
    QUICK=1 CAPPED=1
    run "$1" "$2" 1 head -c $((LW_CAP + 1)) "$3"
    QUICK=0 CAPPED=0
  else
    run "$1" "$2" 1 cat "$3"
  fi
}


# --- version 1 --------------------------------------------------------------------------------------------
sweep1() {
  printf '%s BUNDLE 1 %s %s %s\n' "$M" "$ENC" "$UID_NOW" "$SUDO"

  file_probe daemon-json 5 /etc/docker/daemon.json
  file_probe docker-storage 5 /etc/sysconfig/docker-storage

  pid=
  if have pgrep; then
    pid=$(tmo 5 0 pgrep -x -o dockerd 2>/dev/null)
  elif have pidof; then
    pid=$(tmo 5 0 pidof -s dockerd 2>/dev/null)
  fi
  if [ -n "$pid" ] && [ "$CAPCMD" = head ]; then
    # Reading another process's cmdline can block on its memory lock (the reason `ps` hangs): timeout kept.
    CAPPED=1
    run dockerd-cmdline 5 1 head -c $((LW_CAP + 1)) "/proc/$pid/cmdline"
    CAPPED=0
  elif [ -n "$pid" ]; then
    run dockerd-cmdline 5 1 cat "/proc/$pid/cmdline"
  else
    skip dockerd-cmdline absent "no dockerd process"
  fi

  if have systemctl && [ -d /run/systemd/system ]; then
    run dockerd-execstart 10 0 systemctl show docker -p ExecStart -p RequiresMountsFor -p After --no-pager
  else
    skip dockerd-execstart absent "no systemd"
  fi

  if have docker; then
    run docker-info 20 1 docker info --format '{{json .}}'
    run docker-containers 20 1 sh -c "$CONTAINERS_SH" sh "$CTMPL" "$PTMPL" "$ITMPL" ""
  else
    skip docker-info absent "no docker command"
    skip docker-containers absent "no docker command"
  fi
  # the layer inventory needs the docker root from docker info's output, which version 1 streams
  skip docker-layers failed "not taken with the version 1 framing (this host's shell)"
  skip docker-layer-sizes failed "not taken with the version 1 framing (this host's shell)"

  # uname -r is /proc/sys/kernel/osrelease (same UTS namespace): read by the shell, no process.
  rel=
  if [ -r /proc/sys/kernel/osrelease ]; then
    read -r rel </proc/sys/kernel/osrelease
  fi
  if [ "$FAST" = 1 ] && [ -n "$rel" ]; then
    value uname-r "$rel$NL"
  else
    run uname-r 5 0 uname -r
    rel=$(uname -r 2>/dev/null)
  fi

  if [ -e /proc/config.gz ] && have zcat; then
    # Kernel-generated and bounded (a few hundred KiB): no timeout, no head.
    QUICK=1 CAPPED=1
    run kernel-config 10 0 zcat /proc/config.gz
    QUICK=0 CAPPED=0
  elif [ -e "/boot/config-$rel" ]; then
    file_probe kernel-config 10 "/boot/config-$rel"
  elif [ -e /proc/config.gz ]; then
    skip kernel-config failed "/proc/config.gz: no zcat on this host to read it"
  else
    skip kernel-config absent "no /proc/config.gz or /boot/config-$rel"
  fi

  if [ -d /sys/module/overlay/parameters ] && [ "$FAST" = 1 ]; then
    # sysfs values (one page at most each), read by the shell itself.
    op=
    for f in /sys/module/overlay/parameters/*; do
      if [ -f "$f" ] && read -r v <"$f" 2>/dev/null; then
        op="$op${f##*/}=$v$NL"
      fi
    done
    value overlay-params "$op"
  elif [ -d /sys/module/overlay/parameters ]; then
    run overlay-params 5 0 sh -c 'cd /sys/module/overlay/parameters && for f in *; do read -r v <"$f" && printf "%s=%s\n" "$f" "$v"; done'
  else
    skip overlay-params absent "overlay module not loaded"
  fi

  if [ "$CAPCMD" = head ]; then
    QUICK=1 CAPPED=1
    run mountinfo 10 0 head -c $((LW_CAP + 1)) /proc/self/mountinfo
    QUICK=0 CAPPED=0
  else
    run mountinfo 10 0 cat /proc/self/mountinfo
  fi
  run df 15 0 df -PT -B1

  printf '%s E DONE\n' "$M" >&2
    printf '%s DONE\n' "$M"
}

# --- version 2 --------------------------------------------------------------------------------------------
ENC2=t
# What the reply has for stdout (OUT) and stderr (ERR) and has not written yet. Each write is a packet for
# sshd and the client: a refresh writes three times (stderr before df, at the end, stdout at the end), a
# full run also before each program that may hang (so that the probes before it are not lost with it).
OUT=
ERR=
flush_out() {
  if [ -n "$OUT" ]; then
    printf '%s' "$OUT"
    OUT=
  fi
}
flush_err() {
  if [ -n "$ERR" ]; then
    printf '%s' "$ERR" >&2
    ERR=
  fi
}
# frame ID EXIT MS STATUS ENC DATA: one probe's reply.
frame() {
  OUT="$OUT$M P $1 $2 $3 $4 $5 ${#6}$NL$6$NL"
}

# skip2 ID STATUS WHY: a probe that did not run (absent, no-permission); the reason goes to stderr.
skip2() {
  ERR="$ERR$M E $1$NL$3$NL"
  frame "$1" -1 0 "$2" e ""
}

# run2 ID SECONDS ROOT QUICK COMMAND...: the command's stdout is the data (left in $out for the caller,
# like small2's); its stderr goes to ours after the probe's E line. QUICK=1: the command cannot block (see
# QUICK above): no `timeout` process. The command runs straight in the command substitution's child (one
# process; two with `timeout`).
run2() {
  id=$1
  secs=$2
  root=$3
  quick=$4
  shift 4
  # the program's stderr follows its E line; what it prints on stdout is ours (a frame, later)
  ERR="$ERR$M E $id$NL"
  flush_err
  if [ "$quick" != 1 ]; then
    flush_out
  fi
  now_ms
  t0=$NOW
  if [ "$root" = 1 ] && [ "$SUDO" = 1 ]; then
    if [ "$TIMEOUT" = 1 ]; then
      out=$(sudo -n timeout -k 1 "$secs" "$@" </dev/null)
    else
      out=$(sudo -n "$@" </dev/null)
    fi
  elif [ "$WATCH" = 1 ] && [ "$quick" != 1 ]; then
    # The child tells its own pid (cd -P resolves /proc/self, no process) and becomes the program.
    out=$(cd -P /proc/self && printf '%s K %s %s\n' "$M" "${PWD#/proc/}" "$secs" >&2 && exec "$@" </dev/null)
  elif [ "$TIMEOUT" = 1 ] && [ "$quick" != 1 ]; then
    out=$(timeout -k 1 "$secs" "$@" </dev/null)
  else
    out=$("$@" </dev/null)
  fi
  rc=$?
  now_ms
  ST=ok
  if [ "$rc" != 0 ]; then
    ST=failed
    if [ "$TIMEOUT" = 1 ] && { [ "$rc" = 124 ] || [ "$rc" = 137 ]; }; then
      ST=timeout
    fi
  fi
  frame "$id" "$rc" $((NOW - t0)) "$ST" "$ENC2" "$out"
}

# file2 ID SECONDS PATH: absent if the path does not exist, no-permission if unreadable without root. A
# regular file cannot hang (head reads and caps it); anything else (a FIFO) is read under the timeout.
file2() {
  if [ ! -e "$3" ] && [ ! -L "$3" ]; then
    skip2 "$1" absent "$3: not found"
  elif [ ! -r "$3" ] && [ "$SUDO" != 1 ]; then
    skip2 "$1" no-permission "$3: not readable"
  elif [ -f "$3" ]; then
    run2 "$1" "$2" 1 1 head -c $((LW_CAP + 1)) "$3"
  else
    run2 "$1" "$2" 1 0 head -c $((LW_CAP + 1)) "$3"
  fi
}

# small2 ID PATH: a small regular file read by the shell itself (no process), sent as text like run2's
# (NULs and trailing newlines dropped, so both ways give the same bytes). It gives up (returns 1, sends
# nothing) once more than 6 KiB came, and the caller runs `head`: dash's `read` takes one byte per system
# call, about 1.6 us a byte on the lab machine, against 6 ms for starting `head` alone and about twice that
# while 32 hosts are probed at once on its two cores. dash reads a line whole before the bound is checked:
# a file whose first line is megabytes long costs the shell ~1.6 us a byte once (the caller's LEN then
# says: `head` next time).
small2() {
  out=
  l=
  # no E line (no program runs): a read error (the file went since the test) goes nowhere
  while IFS= read -r l; do
    out=$out$l$NL
    l=
    if [ ${#out} -gt 6144 ]; then
      out=
      return 1
    fi
  done 2>/dev/null <"$2"
  out=$out$l
  while true; do
    case $out in
    *"$NL") out=${out%"$NL"} ;;
    *) break ;;
    esac
  done
  frame "$1" 0 0 ok t "$out"
  ST=ok
}

# cfg2 ID SECONDS PATH LAST-LENGTH: small2 while the file is small (and was last time), else file2.
# Sets LEN to the length sent, or "" when the probe did not run.
cfg2() {
  LEN=
  if [ -f "$3" ] && [ -r "$3" ] && { [ -z "$4" ] || [ "$4" -lt 6144 ]; } && small2 "$1" "$3"; then
    LEN=${#out}
    return
  fi
  out=
  ST=
  file2 "$1" "$2" "$3"
  if [ "$ST" = ok ]; then
    LEN=${#out}
  fi
}

# is_dockerd PID: /proc/PID/comm is "dockerd" (read by the shell; comm never blocks, unlike cmdline).
is_dockerd() {
  case $1 in
  '' | *[!0-9]*) return 1 ;;
  esac
  c=
  { read -r c <"/proc/$1/comm"; } 2>/dev/null
  [ "$c" = dockerd ]
}

# find_dockerd: PID of the running dockerd (its pid file, else a scan of /proc, no process) and STAMP, its
# PID and start time: a different STAMP is a different dockerd.
find_dockerd() {
  pid=
  p=
  if [ -r /var/run/docker.pid ]; then
    { read -r p </var/run/docker.pid; } 2>/dev/null
  fi
  if is_dockerd "$p"; then
    pid=$p
  else
    for d in /proc/[0-9]*; do
      if is_dockerd "${d#/proc/}"; then
        pid=${d#/proc/}
        break
      fi
    done
  fi
  STAMP=none
  st=
  if [ -n "$pid" ] && { read -r st <"/proc/$pid/stat"; } 2>/dev/null; then
    set -f
    # shellcheck disable=SC2086 # the fields after "(comm) " split on blanks: state ppid ... starttime
    set -- ${st##*) }
    set +f
    STAMP=$pid:${20-}
  fi
}

# Type prefixes whose statfs can block (network, FUSE). Not autofs or fusectl: df never statfs's those (gnulib's
# dummy types, left out without -a), and systemd mounts both on nearly every host. FUSE is matched by
# "fuse " (below), "fuse." and "fuseblk" so that fusectl does not count.
NETWORK_FS='nfs cifs smb fuse. fuseblk ceph gluster 9p afs lustre gfs2 ocfs2 ncp coda beegfs gpfs orangefs pvfs2 davfs sshfs'
# The containers, one JSON object a line, fields chosen by us (no environment, no labels: they may hold
# secrets). Docker's `json` template function escapes every string.
CTMPL='{"Id":{{json .Id}},"Name":{{json .Name}},"State":{{json .State.Status}},"Running":{{json .State.Running}},"Paused":{{json .State.Paused}},"RestartPolicy":{{json .HostConfig.RestartPolicy.Name}},"AutoRemove":{{json .HostConfig.AutoRemove}},"Image":{{json .Config.Image}},"Driver":{{json .GraphDriver.Name}},"Graph":{{json .GraphDriver.Data}},"MountSources":[{{range $i, $m := .Mounts}}{{if $i}},{{end}}{{json $m.Source}}{{end}}]}'
# `docker container inspect` fails for every container while a layer directory is covered (it stats the
# layer): then the list comes from `docker ps` and the layer and restart policy from docker's own files
# (image/overlay2/layerdb/mounts/<id>/mount-id, containers/<id>/hostconfig.json), each line tagged.
PTMPL='{"Id":{{json .ID}},"Name":{{json .Names}},"State":{{json .State}},"Image":{{json .Image}},"Source":"ps"}'
# The daemon's own view of every image's layer directories (GraphDriver.Data: UpperDir, LowerDir; a
# missing key would fail a template that names it, so the whole map is taken), which the layer
# inventory is checked against; then "images ok" or "images failed" (image inspect fails while covered).
ITMPL='{"ImageId":{{json .Id}},"Graph":{{json .GraphDriver.Data}}}'
CONTAINERS_SH='
set -f
ids=$(docker ps -aq --no-trunc) || exit
if [ -n "$ids" ] && ! docker container inspect --format "$1" $ids 2>/dev/null; then
  docker ps -a --no-trunc --format "$2" || exit
  if [ -n "$4" ]; then
    for c in $ids; do
      m=
      { IFS= read -r m || [ -n "$m" ]; } 2>/dev/null <"$4/image/overlay2/layerdb/mounts/$c/mount-id" && printf "layer %s %s\n" "$c" "$m"
    done
    set +f
    grep -o "\"RestartPolicy\":{\"Name\":\"[a-z-]*\"" "$4"/containers/*/hostconfig.json 2>/dev/null
    set -f
  fi
fi
imgs=$(docker image ls -aq --no-trunc 2>/dev/null) || { echo "images failed"; exit 0; }
if [ -z "$imgs" ] || docker image inspect --format "$3" $imgs 2>/dev/null; then
  echo "images ok"
else
  echo "images failed"
fi
exit 0'
# DROOT: docker's root (DockerRootDir of the last docker info that answered), for the layer inventory.
DROOT=
DROOT_WHY="docker info did not answer"
# docker_root: DROOT from the docker info JSON in $out (compact, as docker prints it). A value with JSON
# escapes is not decoded here: the inventory is then not taken, with the reason.
docker_root() {
  case $out in
  *'"DockerRootDir":"'*)
    r=${out#*'"DockerRootDir":"'}
    r=${r%%'"'*}
    case $r in
    *\\*) DROOT= DROOT_WHY="the docker root has characters that the probe does not decode" ;;
    /*) DROOT=$r ;;
    *) DROOT= DROOT_WHY="docker info gave no absolute DockerRootDir" ;;
    esac
    ;;
  esac
}

# safe_name NAME: a directory or layer name made of [0-9A-Za-z_.-] only (what docker and BuildKit use).
safe_name() {
  case $1 in
  '' | . | .. | *[!0-9A-Za-z_.-]*) return 1 ;;
  esac
  return 0
}

# ref_file KIND OWNER FILE: one "ref" line for a layerdb file naming a layer directory (no newline at its
# end, as docker writes them); "unread" if it cannot be read or names something odd.
ref_file() {
  v=
  if { IFS= read -r v || [ -n "$v" ]; } 2>/dev/null <"$3"; then
    if safe_name "$v"; then
      LAY="$LAY""ref $1 $2 $v$NL"
      REFS="$REFS$v "
      return
    fi
  fi
  LAY="$LAY""unread $1 $2$NL"
}

# layers2: docker-layers (the overlay2 directory's entries, the layer directories that the layerdb names,
# pulls and builds in flight, the names BuildKit's databases hold) read by the shell itself, but for one
# grep of BuildKit's databases; then docker-layer-sizes: du of the directories nobody names.
layers2() {
  if [ -z "$DROOT" ]; then
    skip2 docker-layers failed "$DROOT_WHY"
    skip2 docker-layer-sizes failed "$DROOT_WHY"
    return
  fi
  o=$DROOT/overlay2
  if [ ! -d "$o" ]; then
    skip2 docker-layers absent "$o: not found"
    skip2 docker-layer-sizes absent "$o: not found"
    return
  fi
  LAY="root $DROOT$NL"
  REFS=' '
  DIRS=
  odd=0
  for d in "$o"/* "$o"/.[!.]*; do
    n=${d##*/}
    if [ ! -e "$d" ] && [ ! -L "$d" ]; then
      continue
    fi
    if safe_name "$n" && [ -d "$d" ] && [ ! -L "$d" ]; then
      LAY="$LAY""dir $n$NL"
      DIRS="$DIRS$n "
    else
      odd=$((odd + 1))
    fi
  done
  LAY="$LAY""odd $odd$NL"
  db=$DROOT/image/overlay2/layerdb
  for c in "$db"/sha256/*; do
    [ -d "$c" ] || continue
    # a record without its cache-id is unread, not skipped: it may name a layer that is in use
    if [ -e "$c/cache-id" ]; then
      ref_file cache "${c##*/}" "$c/cache-id"
    else
      LAY="$LAY""unread cache ${c##*/}$NL"
    fi
  done
  for m in "$db"/mounts/*; do
    [ -d "$m" ] || continue
    if [ -e "$m/mount-id" ]; then
      ref_file mount "${m##*/}" "$m/mount-id"
    else
      LAY="$LAY""unread mount ${m##*/}$NL"
    fi
    [ -e "$m/init-id" ] && ref_file init "${m##*/}" "$m/init-id"
  done
  if [ -d "$db/sha256" ] && [ ! -r "$db/sha256" ]; then
    LAY="$LAY""unread layerdb sha256$NL"
  fi
  # a pull or a commit writes its layer's record in a directory in layerdb/tmp first; a build step runs in a
  # directory of buildkit/executor (which also keeps a few files of its own: not counted)
  t=0
  for f in "$db"/tmp/* "$DROOT"/buildkit/executor/*; do
    [ -d "$f" ] && [ ! -L "$f" ] && t=$((t + 1))
  done
  LAY="$LAY""busy $t$NL"
  # candidates: directories that no layerdb record names ("l" holds the short links)
  CAND=
  set -f
  for n in $DIRS; do
    case $REFS in
    *" $n "*) ;;
    *) [ "$n" = l ] || CAND="$CAND$n " ;;
    esac
  done
  set +f
  if [ ! -d "$DROOT/buildkit" ]; then
    LAY="$LAY""buildkit none$NL"
  elif [ -z "$CAND" ]; then
    LAY="$LAY""buildkit unasked$NL"
  else
    # BuildKit names its snapshots (and their layer directories) in its bolt databases: any candidate
    # whose name is in them is BuildKit's. grep exits 1 when none is; 2 on a read error.
    pats=
    for n in $CAND; do pats="$pats -e $n"; done
    # shellcheck disable=SC2086 # the names are [0-9A-Za-z_.-] only (safe_name): one word each, no glob
    bk=$(grep -aohF $pats -- "$DROOT"/buildkit/*.db 2>/dev/null)
    rc=$?
    if [ $rc -gt 1 ]; then
      LAY="$LAY""buildkit unreadable$NL"
    else
      LAY="$LAY""buildkit ok$NL"
      set -f
      seen=' '
      for n in $bk; do
        case " $CAND " in
        *" $n "*)
          case $seen in
          *" $n "*) ;;
          *)
            LAY="$LAY""bkref $n$NL"
            seen="$seen$n "
            ;;
          esac
          ;;
        esac
      done
      set +f
    fi
  fi
  LAY="$LAY""end$NL"
  frame docker-layers 0 0 ok t "$LAY"
  if [ -z "$CAND" ]; then
    skip2 docker-layer-sizes absent "no layer directory without a layerdb record"
    return
  fi
  set -f
  set --
  for n in $CAND; do set -- "$@" "$o/$n"; done
  set +f
  run2 docker-layer-sizes 60 1 0 du -skx -- "$@"
}

LAST_STAMP=
LEN_DJ=
LEN_DS=
LEN_MI=
OK_CMDLINE=0
OK_EXECSTART=0
OK_INFO=0
OK_KCONFIG=0

# sweep2 full|refresh: one whole reply.
sweep2() {
  mode=$1
  KCONFIG_LEFT=0
  OUT="$M BUNDLE 2 $UID_NOW $SUDO $mode$NL"
  cfg2 daemon-json 5 /etc/docker/daemon.json "$LEN_DJ"
  LEN_DJ=$LEN
  cfg2 docker-storage 5 /etc/sysconfig/docker-storage "$LEN_DS"
  LEN_DS=$LEN

  find_dockerd
  same=0
  if [ "$mode" = refresh ] && [ "$STAMP" = "$LAST_STAMP" ]; then
    same=1
  fi
  LAST_STAMP=$STAMP
  if [ $same = 1 ] && [ $OK_CMDLINE = 1 ]; then
    OUT="$OUT$M S dockerd-cmdline$NL"
  elif [ -n "$pid" ]; then
    # Reading another process's cmdline can block on its memory lock (the reason `ps` hangs): timeout kept.
    # NUL-separated: base64 keeps the bytes.
    ENC2=b64
    run2 dockerd-cmdline 5 1 0 base64 -w0 "/proc/$pid/cmdline"
    if [ "$ST" = failed ] && [ -z "$out" ]; then
      # no (GNU) base64: od's hex, which the client reads with the blanks removed
      ENC2=hex
      run2 dockerd-cmdline 5 1 0 od -An -v -tx1 "/proc/$pid/cmdline"
    fi
    ENC2=t
    OK_CMDLINE=0
    [ "$ST" = ok ] && OK_CMDLINE=1
  else
    skip2 dockerd-cmdline absent "no dockerd process"
    OK_CMDLINE=1
  fi

  if [ $same = 1 ] && [ $OK_EXECSTART = 1 ]; then
    OUT="$OUT$M S dockerd-execstart$NL"
  elif have systemctl && [ -d /run/systemd/system ]; then
    run2 dockerd-execstart 10 0 0 systemctl show docker -p ExecStart -p RequiresMountsFor -p After --no-pager
    OK_EXECSTART=0
    [ "$ST" = ok ] && OK_EXECSTART=1
  else
    skip2 dockerd-execstart absent "no systemd"
    OK_EXECSTART=1
  fi

  if [ $same = 1 ] && [ $OK_INFO = 1 ]; then
    OUT="$OUT$M S docker-info$NL"
  elif have docker; then
    run2 docker-info 20 1 0 docker info --format '{{json .}}'
    OK_INFO=0
    [ "$ST" = ok ] && OK_INFO=1 && docker_root
  else
    skip2 docker-info absent "no docker command"
    OK_INFO=1
  fi

  # Containers change while dockerd runs: asked on every reply.
  if have docker; then
    run2 docker-containers 20 1 0 sh -c "$CONTAINERS_SH" sh "$CTMPL" "$PTMPL" "$ITMPL" "$DROOT"
  else
    skip2 docker-containers absent "no docker command"
  fi
  layers2

  # uname -r is /proc/sys/kernel/osrelease (same UTS namespace): read by the shell, no process.
  rel=
  if [ -r /proc/sys/kernel/osrelease ]; then
    read -r rel </proc/sys/kernel/osrelease
  fi
  if [ -n "$rel" ]; then
    frame uname-r 0 0 ok e "$rel$NL"
  else
    run2 uname-r 5 0 0 uname -r
  fi

  if [ "$mode" = refresh ] && [ $OK_KCONFIG = 1 ]; then
    OUT="$OUT$M S kernel-config$NL"
  elif [ "$SFTP" = 1 ] && [ -e /proc/config.gz ]; then
    # left to the client: it reads the compressed file and inflates it ("rest" where it cannot); "unchanged"
    # on a refresh (the client closes this shell if it did not get it)
    KCONFIG_LEFT=1
    OK_KCONFIG=1
  else
    kconfig2
  fi

  if [ -d /sys/module/overlay/parameters ]; then
    # sysfs values (one page at most each), read by the shell itself.
    op=
    for f in /sys/module/overlay/parameters/*; do
      if [ -f "$f" ] && read -r v <"$f" 2>/dev/null; then
        op="$op${f##*/}=$v$NL"
      fi
    done
    frame overlay-params 0 0 ok e "$op"
  else
    skip2 overlay-params absent "overlay module not loaded"
  fi

  if [ "$SFTP" != 1 ]; then
    mounts2
  fi
  end2
}

# kconfig2: the kernel config, from /proc/config.gz or /boot; OK_KCONFIG=1 when a refresh may call it
# unchanged.
kconfig2() {
  OK_KCONFIG=0
  if [ -e /proc/config.gz ] && have gzip; then
    # Kernel-generated and bounded (a few hundred KiB): no timeout, no head; gzip itself (zcat is a
    # script that runs it: one process more).
    run2 kernel-config 10 0 1 gzip -dc /proc/config.gz
    [ "$ST" = ok ] && OK_KCONFIG=1
  elif [ -e "/boot/config-$rel" ]; then
    file2 kernel-config 10 "/boot/config-$rel"
    [ "$ST" = ok ] && OK_KCONFIG=1
  elif [ -e /proc/config.gz ]; then
    skip2 kernel-config failed "/proc/config.gz: no gzip on this host to read it"
  else
    skip2 kernel-config absent "no /proc/config.gz or /boot/config-$rel"
    OK_KCONFIG=1
  fi
}

# mounts2: the mount table and df.
mounts2() {
  mountinfo2
  run2 df 15 0 $DF_QUICK df -PT -B1
}

# mountinfo2: the mount table; DF_QUICK for df after it.
mountinfo2() {
  # The kernel writes it (no NUL, no endless line; this shell's own mount namespace, as head's): read by
  # the shell while it is small (a big host pays ~10 ms of reading once, then `head` at once).
  if ! { { [ -z "$LEN_MI" ] || [ "$LEN_MI" -lt 6144 ]; } && small2 mountinfo /proc/self/mountinfo; }; then
    run2 mountinfo 10 0 1 head -c $((LW_CAP + 1)) /proc/self/mountinfo
  fi
  LEN_MI=
  # statfs of a local filesystem does not block: df needs its timeout only where the mount table (just
  # read, whole, under 64 KiB) has a network, FUSE or automounted filesystem, or could not be read.
  DF_QUICK=0
  if [ "$ST" = ok ]; then
    LEN_MI=${#out}
  fi
  if [ -n "$LEN_MI" ] && [ "$LEN_MI" -lt 65536 ]; then
    DF_QUICK=1
    for t in $NETWORK_FS; do
      case $out in
      *" - $t"*) DF_QUICK=0 ;;
      esac
    done
    case $out in
    *" - fuse "*) DF_QUICK=0 ;;
    esac
  fi
}

# end2: the end of a version 2 reply.
end2() {
  ERR="$ERR$M E DONE$NL"
  flush_err
  OUT="$OUT$M DONE$NL"
  flush_out
}

# only2 rest|df (sftp: where the client cannot read them itself): the probes left to the client (the mount
# table, df, the kernel config of the last full reply), or df alone (the client read the mount table; a
# mount in it could block statfs: df under the watch).
KCONFIG_LEFT=0
only2() {
  OUT="$M BUNDLE 2 $UID_NOW $SUDO $1$NL"
  if [ "$1" = rest ]; then
    if [ "$KCONFIG_LEFT" = 1 ]; then
      kconfig2
    fi
    KCONFIG_LEFT=0
    mounts2
  else
    run2 df 15 0 0 df -PT -B1
  fi
  end2
}

# serve: answers requests on stdin until EOF. A request is a word compared with fixed ones, never run.
serve() {
  while IFS= read -r req; do
    case $req in
    refresh | full)
      if [ "$V" = 2 ]; then
        sweep2 "$req"
      else
        sweep1
      fi
      ;;
    rest | df)
      if [ "$V" = 2 ]; then
        only2 "$req"
      else
        sweep1
      fi
      ;;
    *)
      echo "layerwatch bundle: unknown request" >&2
      exit 2
      ;;
    esac
  done
}

# One line, so that the shell has read the whole script before it answers (a request sent after the first
# reply can never be taken for script text).
if [ "$V" = 2 ]; then sweep2 full; else sweep1; fi; if [ "$SERVE" = 1 ]; then serve; fi
