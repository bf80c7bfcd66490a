#!/usr/bin/env python3
"""Readiness checks for lab.sh.

  ready.py free ADDR...                 exit 1 (naming them) if anything already listens on ADDR:22
  ready.py wait SECONDS ADDR:MODE:PID... wait until every host answers: MODE ssh = sends an SSH banner,
                                        tcp = accepts a connection; PID must stay alive meanwhile.
Prints one line per host that failed, on stderr."""
import os
import socket
import sys
import time


def probe(addr, mode):
    """Returns True when the host answers as it should, False when not (yet)."""
    try:
        s = socket.create_connection((addr, 22), timeout=1.0)
    except OSError:
        return False
    try:
        if mode == "tcp":
            return True
        s.settimeout(2.0)
        data = b""
        while b"\n" not in data and len(data) < 256:
            chunk = s.recv(256)
            if not chunk:
                break
            data += chunk
        return data.startswith(b"SSH-")
    except OSError:
        return False
    finally:
        s.close()


def main():
    if sys.argv[1] == "free":
        busy = []
        for addr in sys.argv[2:]:
            try:
                socket.create_connection((addr, 22), timeout=0.5).close()
                busy.append(addr)
            except OSError:
                pass
        for addr in busy:
            print(f"lab: {addr}:22 is already in use (another lab on the same --base?)", file=sys.stderr)
        return 1 if busy else 0

    deadline = time.monotonic() + float(sys.argv[2])
    pending = [tuple(a.split(":")) for a in sys.argv[3:]]
    while pending:
        still = []
        for addr, mode, pid in pending:
            if not os.path.exists(f"/proc/{pid}"):
                print(f"lab: host {addr} died during start (see its hosts/{addr}/*.log)", file=sys.stderr)
                return 1
            if not probe(addr, mode):
                still.append((addr, mode, pid))
        pending = still
        if pending:
            if time.monotonic() > deadline:
                for addr, mode, _ in pending:
                    print(f"lab: host {addr} did not come up ({mode}) in {sys.argv[2]} s", file=sys.stderr)
                return 1
            time.sleep(0.1)
    return 0


sys.exit(main())
