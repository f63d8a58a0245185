#!/usr/bin/env python3
"""Capture real Linux TCP exchanges on 127.0.0.1 with tcpdump and save them as test fixtures.

Each case runs a server and a client in this process (threads) on a loopback port, with short
sleeps between steps so that each step starts when the network is quiet (as synack's scripts do).
tcpdump prints absolute sequence numbers (-S); we normalise them to each side's ISN and write
test/fixtures/linux/<case>.json: the segments in order, from the client's or server's point of view.

Run as root:  python3 tools/capture/run.py   (needs tcpdump; only touches 127.0.0.1)
"""
import json, os, re, socket, struct, subprocess, sys, threading, time

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'linux')
GAP = 0.3  # seconds between steps: longer than delayed ACK (40 ms) and loopback RTT

def settle():
    time.sleep(GAP)

def case_close(port, who_closes_first, data=True):
    ready = threading.Event()
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', port)); srv.listen(1); ready.set()
    cli = socket.socket(); cli.bind(('127.0.0.1', 0))
    cli.connect(('127.0.0.1', port)); conn, _ = srv.accept(); settle()
    if data:
        cli.sendall(b'hello'); settle(); conn.recv(100)
        conn.sendall(b'world'); settle(); cli.recv(100); settle()
    first, second = (cli, conn) if who_closes_first == 'client' else (conn, cli)
    first.close(); settle()
    second.recv(100)  # reads EOF
    second.close(); settle()
    srv.close()
    return cli_port_of(first, second)

def cli_port_of(*_):
    return None

def case_fast_close(port):
    """Client closes; the server reads EOF and closes at once (no settle): FIN,ACK rides with the ACK."""
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', port)); srv.listen(1)
    cli = socket.socket(); cli.connect(('127.0.0.1', port)); conn, _ = srv.accept(); settle()
    cli.sendall(b'hello'); settle(); conn.recv(100)
    conn.sendall(b'world'); settle(); cli.recv(100); settle()
    cli.close()
    conn.recv(100); conn.close(); settle()
    srv.close()

def case_refused(port):
    cli = socket.socket()
    try:
        cli.connect(('127.0.0.1', port))
    except ConnectionRefusedError:
        pass
    settle(); cli.close()

def case_abort(port):
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', port)); srv.listen(1)
    cli = socket.socket(); cli.connect(('127.0.0.1', port)); conn, _ = srv.accept(); settle()
    cli.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    cli.close(); settle()
    conn.close(); srv.close()

CASES = {
    # name: (function, args, description)
    'linux-close-client-first': (case_close, ('client',), 'handshake, 5 bytes each way, client closes, then server closes'),
    'linux-close-server-first': (case_close, ('server',), 'handshake, 5 bytes each way, server closes, then client closes'),
    'linux-close-fast': (case_fast_close, (), 'handshake, 5 bytes each way, client closes and the server closes as soon as it reads EOF'),
    'linux-refused': (case_refused, (), 'connect to a port with no listener'),
    'linux-abort': (case_abort, (), 'handshake, then the client aborts (SO_LINGER 0: RST)'),
}

LINE = re.compile(r'^(?P<t>[\d.]+) IP 127\.0\.0\.1\.(?P<sp>\d+) > 127\.0\.0\.1\.(?P<dp>\d+): Flags \[(?P<f>[^\]]*)\](?:, seq (?P<seq>\d+)(?::(?P<end>\d+))?)?(?:, ack (?P<ack>\d+))?.*?, length (?P<len>\d+)')
FLAGS = {'S': 'SYN', 'F': 'FIN', 'R': 'RST', 'P': 'PSH', '.': 'ACK'}
ORDER = ['SYN', 'FIN', 'RST', 'PSH', 'ACK']

def parse(lines, server_port):
    segs = []
    for ln in lines:
        m = LINE.match(ln.strip())
        if not m:
            continue
        sp, dp = int(m['sp']), int(m['dp'])
        frm = 'server' if sp == server_port else 'client'
        flags = sorted({FLAGS[c] for c in m['f'] if c in FLAGS}, key=ORDER.index)
        seq = int(m['seq']) if m['seq'] else None
        segs.append({'raw': ln.strip(), 't': float(m['t']), 'from': frm, 'flags': flags, 'seq': seq,
                     'ack': int(m['ack']) if m['ack'] else None, 'len': int(m['len'])})
    # ISNs: each side's first SYN seq; a side that never sent a SYN (refused) uses its first seq
    isn = {}
    for s in segs:
        if s['from'] not in isn and s['seq'] is not None:
            isn[s['from']] = s['seq']
    # tcpdump prints a bare ACK's seq only when not relative... with -S it prints both always.
    # tcpdump prints no seq for a segment without data, SYN or FIN (a bare ACK or RST): it is the
    # sender's next sequence number, i.e. the end of what it sent before.
    nxt = {}
    for s in segs:
        if s['seq'] is None:
            s['seq'] = nxt.get(s['from'])
        else:
            nxt[s['from']] = (s['seq'] + s['len'] + ('SYN' in s['flags']) + ('FIN' in s['flags'])) % 2**32
    out = []
    t0 = segs[0]['t'] if segs else 0
    for s in segs:
        other = 'server' if s['from'] == 'client' else 'client'
        rel = lambda v, side: None if v is None or side not in isn else (v - isn[side]) % 2**32
        out.append({'from': s['from'], 'to': other, 'flags': s['flags'],
                    'seq': rel(s['seq'], s['from']),
                    'ack': rel(s['ack'], other) if 'ACK' in s['flags'] else None,
                    'len': s['len'], 'tcpdump': s['raw'], 'ms': round((s['t'] - t0) * 1000, 3)})
    return out

def main():
    os.makedirs(OUT, exist_ok=True)
    names = sys.argv[1:] or list(CASES)
    for i, name in enumerate(names):
        fn, args, desc = CASES[name]
        port = 47000 + i
        dump = subprocess.Popen(['tcpdump', '-i', 'lo', '-nn', '-S', '-tt', '-l', f'tcp port {port}'],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        time.sleep(1.0)
        fn(port, *args)
        time.sleep(0.5)
        dump.terminate()
        text = dump.communicate(timeout=5)[0]
        segs = parse(text.splitlines(), port)
        rec = {'case': name, 'description': desc, 'kernel': os.uname().release,
               'captured_with': 'tcpdump -i lo -nn -S -tt', 'segments': segs}
        with open(os.path.join(OUT, name + '.json'), 'w') as f:
            json.dump(rec, f, indent=1)
        print(f'{name}: {len(segs)} segments')
        for s in segs:
            print('   ', s['from'][0], ','.join(s['flags']), s['seq'], s['ack'], s['len'], s['ms'])

if __name__ == '__main__':
    main()
