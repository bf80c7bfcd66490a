#!/usr/bin/env python3
"""Readiness checks for lab.sh.

  ready.py free ADDR...                      exit 1 (naming them) if anything already listens on ADDR:22
  ready.py wait SECONDS ADDR:MODE:PID:FILE... wait until every host answers, all probed at once:
        MODE ssh = sends an SSH banner, tcp = accepts a connection; PID must stay alive meanwhile; FILE
        (or '-') must exist before the host is probed (sshd writes its PidFile once it listens, so no
        connection is wasted on a host that is still being set up).
Prints one line per host that failed, on stderr."""
import errno
import os
import selectors
import socket
import sys
import time


def probe_all(hosts, budget):
    """Probes the (addr, mode) pairs concurrently; returns the set of addrs that answered properly."""
    sel = selectors.DefaultSelector()
    ok = set()
    for addr, mode in hosts:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        rc = s.connect_ex((addr, 22))
        if rc not in (0, errno.EINPROGRESS):
            s.close()
            continue
        sel.register(s, selectors.EVENT_WRITE, [addr, mode, b""])
    end = time.monotonic() + budget
    while sel.get_map() and time.monotonic() < end:
        for key, _ in sel.select(timeout=max(0.0, end - time.monotonic())):
            s, data = key.fileobj, key.data
            addr, mode = data[0], data[1]
            if key.events & selectors.EVENT_WRITE:
                if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                    sel.unregister(s)
                    s.close()
                elif mode == "tcp":
                    ok.add(addr)
                    sel.unregister(s)
                    s.close()
                else:
                    sel.modify(s, selectors.EVENT_READ, data)
                continue
            try:
                chunk = s.recv(256)
            except OSError:
                chunk = b""
            data[2] += chunk
            if not chunk or b"\n" in data[2] or len(data[2]) >= 256:
                if data[2].startswith(b"SSH-"):
                    ok.add(addr)
                sel.unregister(s)
                s.close()
    for key in list(sel.get_map().values()):
        key.fileobj.close()
    return ok


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("free", "wait"):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "free":
        busy = probe_all([(a, "tcp") for a in sys.argv[2:]], 1.0)
        for addr in sorted(busy):
            print(f"lab: {addr}:22 is already in use (another lab on the same --base?)", file=sys.stderr)
        return 1 if busy else 0

    seconds = float(sys.argv[2])
    deadline = time.monotonic() + seconds
    pending = [tuple(a.split(":", 3)) for a in sys.argv[3:]]
    while pending:
        for addr, _, pid, _ in pending:
            if not os.path.exists(f"/proc/{pid}"):
                print(f"lab: host {addr} died during start (see its hosts/{addr}/*.log)", file=sys.stderr)
                return 1
        due = [(a, m) for a, m, _, f in pending if f == "-" or os.path.exists(f)]
        ok = probe_all(due, 3.0) if due else set()
        pending = [p for p in pending if p[0] not in ok]
        if pending:
            if time.monotonic() > deadline:
                for addr, mode, _, _ in pending:
                    print(f"lab: host {addr} did not come up ({mode}) in {seconds:g} s", file=sys.stderr)
                return 1
            time.sleep(0.1)
    return 0


sys.exit(main())
