#!/usr/bin/env python3
"""Capture real Linux TCP exchanges on 127.0.0.1 with tcpdump and save them as test fixtures.

Each case runs a server and a client in this process (threads) on a loopback port, with short
sleeps between steps so that each step starts when the network is quiet (as synack's scripts do).
tcpdump prints absolute sequence numbers (-S); we normalise them to each side's ISN and write
test/fixtures/linux/<case>.json: the segments in order, from the client's or server's point of view.

Run as root:  python3 tools/capture/run.py [CASE...]   (needs tcpdump; touches only 127.0.0.1, and a
throw-away network namespace, made with `unshare -n`, for the SYN give-up case)
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

def case_close_unread(port):
    """The server sends 5 bytes the client never reads; the client calls close(): Linux sends RST."""
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', port)); srv.listen(1)
    cli = socket.socket(); cli.connect(('127.0.0.1', port)); conn, _ = srv.accept(); settle()
    conn.sendall(b'world'); settle()
    cli.close(); settle()          # 5 unread bytes: RST instead of FIN
    conn.close(); srv.close(); settle()

def case_shutdown_unread(port):
    """The same, but the client calls shutdown(SHUT_WR): a FIN, and it still receives."""
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', port)); srv.listen(1)
    cli = socket.socket(); cli.connect(('127.0.0.1', port)); conn, _ = srv.accept(); settle()
    conn.sendall(b'world'); settle()
    cli.shutdown(socket.SHUT_WR); settle()
    conn.recv(100)                 # EOF
    conn.sendall(b'again'); settle()
    got = b''
    while len(got) < 10:
        got += cli.recv(100)
    conn.close(); settle()
    cli.close(); settle()
    srv.close()

def case_zero_window(port):
    """The server's receive buffer is small (SO_RCVBUF 4096) and its application does not read: the
    window closes, the client's persist timer sends zero-window probes (bare ACKs, backing off), and
    a read 6 s later reopens the window. Run it in a fresh namespace, as the fixture was taken:
    unshare -n sh -c 'ip link set lo up; python3 tools/capture/run.py linux-zero-window'"""
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    srv.bind(('127.0.0.1', port)); srv.listen(1)
    cli = socket.socket(); cli.connect(('127.0.0.1', port)); conn, _ = srv.accept()
    cli.setblocking(False)
    t0 = time.time()
    while time.time() - t0 < 0.5:          # write until the send buffer is full too
        try:
            cli.send(b'x' * 1000)
        except BlockingIOError:
            time.sleep(0.01)
    time.sleep(6.0)                        # the window stays zero; the probes back off
    conn.setblocking(False)
    try:
        while conn.recv(65536):            # the application reads everything
            pass
    except BlockingIOError:
        pass
    time.sleep(0.3)
    cli.close(); conn.close(); srv.close()

CASES = {
    # name: (function, args, description)
    'linux-close-client-first': (case_close, ('client',), 'handshake, 5 bytes each way, client closes, then server closes'),
    'linux-close-server-first': (case_close, ('server',), 'handshake, 5 bytes each way, server closes, then client closes'),
    'linux-close-fast': (case_fast_close, (), 'handshake, 5 bytes each way, client closes and the server closes as soon as it reads EOF'),
    'linux-refused': (case_refused, (), 'connect to a port with no listener'),
    'linux-abort': (case_abort, (), 'handshake, then the client aborts (SO_LINGER 0: RST)'),
    'linux-close-unread': (case_close_unread, (), 'the server sends 5 bytes; the client close()s without reading them'),
    'linux-shutdown-unread': (case_shutdown_unread, (), 'the server sends 5 bytes; the client shutdown(SHUT_WR)s without reading, then receives 5 more'),
    'linux-zero-window': (case_zero_window, (), 'SO_RCVBUF 4096 and no reads: zero window, zero-window probes, then a read reopens it'),
}

SYN_GIVEUP = 'linux-syn-giveup-retries2'

def capture_syn_giveup():
    """Inside a fresh network namespace (run.py re-executes itself under `unshare -n`): SYNs to an
    address that never answers, net.ipv4.tcp_syn_retries = 2. A veth pair with a static neighbour
    entry puts the SYNs on the wire (tcpdump sees them) where nothing answers."""
    sh = lambda *a: subprocess.run(list(a), check=True)
    sh('ip', 'link', 'set', 'lo', 'up')
    sh('ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1')
    sh('ip', 'addr', 'add', '10.9.9.1/24', 'dev', 'v0')
    sh('ip', 'link', 'set', 'v0', 'up'); sh('ip', 'link', 'set', 'v1', 'up')
    sh('ip', 'neigh', 'add', '10.9.9.2', 'lladdr', '02:00:00:00:00:02', 'dev', 'v0')
    sh('sysctl', '-q', '-w', 'net.ipv4.tcp_syn_retries=2')
    linear = open('/proc/sys/net/ipv4/tcp_syn_linear_timeouts').read().strip() if os.path.exists('/proc/sys/net/ipv4/tcp_syn_linear_timeouts') else None
    dump = subprocess.Popen(['tcpdump', '-i', 'v0', '-nn', '-S', '-tt', '-l', 'tcp port 80'],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(1.0)
    cli = socket.socket()
    t0 = time.time()
    err = None
    try:
        cli.connect(('10.9.9.2', 80))
    except OSError as e:
        err = e.strerror
    t1 = time.time()
    time.sleep(0.5)
    dump.terminate()
    lines = dump.communicate(timeout=5)[0].splitlines()
    pat = re.compile(r'^(?P<t>[\d.]+) IP 10\.9\.9\.1\.\d+ > 10\.9\.9\.2\.80: Flags \[(?P<f>[^\]]*)\], seq (?P<seq>\d+)')
    segs = []
    for ln in lines:
        m = pat.match(ln.strip())
        if m:
            segs.append({'from': 'client', 'to': 'server', 'flags': sorted({FLAGS[c] for c in m['f'] if c in FLAGS}, key=ORDER.index),
                         'seq': 0, 'ack': None, 'len': 0, 'tcpdump': ln.strip(), 'ms': round((float(m['t']) - t0) * 1000, 1)})
    rec = {'case': SYN_GIVEUP, 'description': 'connect() to an address that never answers, net.ipv4.tcp_syn_retries=2',
           'kernel': os.uname().release, 'captured_with': 'tcpdump -i v0 -nn -S -tt (in unshare -n)',
           'sysctl': {'tcp_syn_retries': 2, 'tcp_syn_linear_timeouts': int(linear) if linear else None},
           'error': err, 'gave_up_ms': round((t1 - t0) * 1000, 1), 'segments': segs}
    with open(os.path.join(OUT, SYN_GIVEUP + '.json'), 'w') as f:
        json.dump(rec, f, indent=1)
    print(f'{SYN_GIVEUP}: {len(segs)} SYNs at', [s['ms'] for s in segs], 'ms; connect() failed after', rec['gave_up_ms'], 'ms:', err)

LINE = re.compile(r'^(?P<t>[\d.]+) IP 127\.0\.0\.1\.(?P<sp>\d+) > 127\.0\.0\.1\.(?P<dp>\d+): Flags \[(?P<f>[^\]]*)\](?:, seq (?P<seq>\d+)(?::(?P<end>\d+))?)?(?:, ack (?P<ack>\d+))?(?:, win (?P<win>\d+))?.*?, length (?P<len>\d+)')
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
                     'ack': int(m['ack']) if m['ack'] else None, 'len': int(m['len']),
                     'win': int(m['win']) if m['win'] else None})
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
                    'len': s['len'], 'win': s['win'], 'tcpdump': s['raw'], 'ms': round((s['t'] - t0) * 1000, 3)})
    return out

def main():
    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ['--in-netns', SYN_GIVEUP]:
        capture_syn_giveup()
        return
    names = sys.argv[1:] or list(CASES) + [SYN_GIVEUP]
    for i, name in enumerate(names):
        if name == SYN_GIVEUP:
            subprocess.run(['unshare', '-n', sys.executable, os.path.abspath(__file__), '--in-netns', SYN_GIVEUP], check=True)
            continue
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
