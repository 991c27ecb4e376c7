#!/usr/bin/env python3
"""HTTP/2 flow-control check of a plain-HTTP listener (docs/large-attachments.md, "Uploads of 2 GiB and more").

Upgrades one connection to HTTP/2 (h2c, as Java's HttpClient and CXF 4 clients do by default), sends one POST whose
body travels as DATA frames under flow control, and compares the connection-level window the server grants back
(WINDOW_UPDATE on stream 0) with the bytes sent. A correct server grants at most what it received; Payara Micro
6.2025.10 (Grizzly) grants twice as much, so a client's connection window grows by about one byte per byte sent and
passes the protocol maximum 2^31 - 1 after ~2 GiB on one connection: the client then aborts ("protocol error").

  scripts/h2c-window-check.py [--host 127.0.0.1] --port 8080 [--path /lienthong/services/DocumentExchange]
                              [--bytes 5000000]

Prints the ratio granted/sent; exit status 0 when the server grants no more than it received (plus the initial
window), 1 when it over-grants, 2 when the listener does not speak h2c. The server may answer the (meaningless)
request before reading all of it; the ratio counts what was sent until then. Standard library only.
"""
import argparse
import select
import socket
import sys
import time

INITIAL_WINDOW = 65535


def frame(typ, flags, stream, payload=b""):
    return len(payload).to_bytes(3, "big") + bytes([typ, flags]) + stream.to_bytes(4, "big") + payload


def literal(name, value):
    """A header field as a literal without indexing, no Huffman coding (RFC 7541 6.2.2); short strings only."""
    n, v = name.encode(), value.encode()
    if len(n) >= 127 or len(v) >= 127:
        raise ValueError("header too long for this probe: " + name)
    return b"\x00" + bytes([len(n)]) + n + bytes([len(v)]) + v


class Probe:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.conn_window = INITIAL_WINDOW
        self.stream_window = INITIAL_WINDOW
        self.granted = 0
        self.closed = False

    def pump(self, timeout):
        readable, _, _ = select.select([self.sock], [], [], timeout)
        if readable:
            data = self.sock.recv(1 << 20)
            if not data:
                self.closed = True
                return
            self.buf += data
        while len(self.buf) >= 9:
            length = int.from_bytes(self.buf[:3], "big")
            if len(self.buf) < 9 + length:
                break
            typ, flags = self.buf[3], self.buf[4]
            stream = int.from_bytes(self.buf[5:9], "big") & 0x7FFFFFFF
            payload, self.buf = self.buf[9:9 + length], self.buf[9 + length:]
            if typ == 8:  # WINDOW_UPDATE
                increment = int.from_bytes(payload, "big") & 0x7FFFFFFF
                if stream == 0:
                    self.conn_window += increment
                    self.granted += increment
                elif stream == 3:
                    self.stream_window += increment
            elif typ == 4 and not flags & 1:  # SETTINGS: acknowledge, follow INITIAL_WINDOW_SIZE
                self.sock.sendall(frame(4, 1, 0))
                for k in range(0, len(payload), 6):
                    if int.from_bytes(payload[k:k + 2], "big") == 4:
                        self.stream_window += int.from_bytes(payload[k + 2:k + 6], "big") - INITIAL_WINDOW


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/lienthong/services/DocumentExchange")
    p.add_argument("--bytes", type=int, default=5_000_000)
    a = p.parse_args()
    authority = f"{a.host}:{a.port}"
    sock = socket.create_connection((a.host, a.port), timeout=30)
    # The upgrade itself on a request without a body (RFC 7540 3.2): what is measured is the DATA that follows.
    sock.sendall((f"GET {a.path}?wsdl HTTP/1.1\r\nHost: {authority}\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                  "Upgrade: h2c\r\nHTTP2-Settings: \r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        data = sock.recv(65536)
        if not data:
            break
        head += data
    status = head[:head.find(b"\r\n")].decode(errors="replace")
    if " 101 " not in status:
        print(f"no h2c upgrade: {status!r}")
        return 2
    probe = Probe(sock)
    probe.buf = head[head.find(b"\r\n\r\n") + 4:]
    sock.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + frame(4, 0, 0))
    headers = (literal(":method", "POST") + literal(":scheme", "http") + literal(":path", a.path)
               + literal(":authority", authority) + literal("content-type", "text/xml; charset=utf-8")
               + literal("content-length", str(a.bytes)))
    sock.sendall(frame(1, 0x4, 3, headers))  # HEADERS on stream 3, END_HEADERS
    chunk = b"x" * 16384
    sent = 0
    while sent < a.bytes and not probe.closed:
        k = min(len(chunk), a.bytes - sent, probe.conn_window, probe.stream_window)
        if k <= 0:
            probe.pump(5)
            continue
        try:
            sock.sendall(frame(0, 0x1 if sent + k == a.bytes else 0, 3, chunk[:k]))
        except OSError:
            break  # the server answered and closed: count what it granted for what it got
        sent += k
        probe.conn_window -= k
        probe.stream_window -= k
        probe.pump(0)
    deadline = time.time() + 3
    while time.time() < deadline and not probe.closed:
        probe.pump(0.5)
    ratio = probe.granted / sent if sent else 0.0
    print(f"DATA sent: {sent} bytes; connection window granted back: {probe.granted} bytes ({ratio:.3f} per byte "
          f"sent); the client's connection window is now {probe.conn_window} (a correct server keeps it <= "
          f"{INITIAL_WINDOW})")
    return 1 if probe.granted > sent + INITIAL_WINDOW else 0


if __name__ == "__main__":
    sys.exit(main())
