# Layerwatch probe bundle, version 1. READ-ONLY: it reads files and asks read-only commands; it writes
# nothing on the host (no temporary files), starts nothing that outlives it, changes no state.
# Run as:   sh -s -- MARKER [SUDO]   with this script on stdin (one channel, one round trip).
#   MARKER  per-run random marker from the client, hex only (>= 32 digits), so it is data, never code.
#   SUDO    1: run probes that need root through `sudo -n` when not root (never prompts).
# Output, one control line per event (a control line always contains spaces; encoded data never does):
#   MARKER BUNDLE 1 <enc> <uid> <sudo>        enc: b64 (base64 -w0) or hex (od -An -tx1)
#   MARKER BEGIN <probe-id>
#   <probe stdout, encoded, on one line; empty line if none>
#   MARKER STDERR
#   <probe stderr, encoded, on one line>
#   MARKER END <probe-id> <exit> <duration-ms> <status>   status: ok absent failed timeout no-permission
#   MARKER DONE
# Each probe's stdout is capped at LW_CAP bytes (+1, so the client sees that it was cut).
# The probe list and timeouts must match catalog.json (tests/core/tst_probebundle checks it).

M=$1
WANT_SUDO=${2:-0}
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
NL=$(printf '\n_')
NL=${NL%_}
LW_CAP=4194304
exec 3>&1

have() { command -v "$1" >/dev/null 2>&1; }

if base64 -w0 </dev/null >/dev/null 2>&1; then
  ENC=b64
else
  ENC=hex
fi
enc() {
  if [ "$ENC" = b64 ]; then
    base64 -w0
  else
    od -An -v -tx1 | tr -d ' \n'
  fi
}
if head -c 1 </dev/null >/dev/null 2>&1; then
  CAPCMD=head
else
  CAPCMD=cat
fi
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
if timeout -k 1 5 true >/dev/null 2>&1; then
  TIMEOUT=1
else
  TIMEOUT=0
fi
# The effective uid from /proc (no process); `id -u` only where /proc is missing.
UID_NOW=
if [ -r /proc/self/status ]; then
  while read -r key real eff rest; do
    if [ "$key" = Uid: ]; then
      UID_NOW=$eff
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
  run dockerd-execstart 10 0 systemctl show docker -p ExecStart --no-pager
else
  skip dockerd-execstart absent "no systemd"
fi

if have docker; then
  run docker-info 20 1 docker info --format '{{json .}}'
else
  skip docker-info absent "no docker command"
fi

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

printf '%s DONE\n' "$M"
