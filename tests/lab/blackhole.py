#!/usr/bin/env python3
"""A lab 'blackhole' host: accepts TCP connections on ADDR:PORT and never sends anything (no SSH banner),
so that clients can test their connect/handshake timeouts. Connections are held open until the peer closes."""
import selectors
import socket
import sys

# argv: HOSTDIR ADDR [PORT]; HOSTDIR only marks the process as this lab's (lab.sh stop finds it by it)
addr, port = sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 22
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind((addr, port))
srv.listen(512)
sel = selectors.DefaultSelector()
sel.register(srv, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        if key.fileobj is srv:
            conn, _ = srv.accept()
            sel.register(conn, selectors.EVENT_READ)
        else:
            try:
                data = key.fileobj.recv(4096)
            except OSError:
                data = b""
            if not data:  # peer closed: forget it; anything it sent is ignored
                sel.unregister(key.fileobj)
                key.fileobj.close()
