#!/usr/bin/env python3
"""Capture Linux congestion control, delayed ACK and Nagle on a path with a 25 ms one-way delay and
exact, chosen losses, and save each case as test/fixtures/linux/<case>.json.

Why not netem: this kernel (Linux 6.18 in a Firecracker VM) is built without sch_netem, act_gact and
nft/iptables user tools, so `tc qdisc ... netem` and `tc filter ... action drop` are not available.
Instead this script builds the path itself:

  netns A (client 10.0.0.1)  tun "tca" <-> [this process: delay 25 ms, drop rules] <-> tun "tcb"  netns B (server 10.0.0.2)

Both namespaces are made here with unshare(CLONE_NEWNET) (they vanish with the process); each has a
tun device (MTU 1040, so the MSS is 1000) and the sysctls below. This process copies every packet from
one tun to the other 25 ms later (so RTT = 50 ms), in order, and drops a packet when a rule says so: a
rule names the direction and the sequence number relative to that side's ISN, and how many
transmissions of it to drop (1 = only the original, so the retransmission gets through). Nothing
touches the machine's own network namespace except /sys/module/tcp_cubic/parameters/hystart, which
is global: it is set to 0 during the run and restored after.

tcpdump runs on both tun devices (`tcpdump -i tca|tcb -nn -S -tt -l`): each segment is kept with the
sender's raw tcpdump line, its time at the sender ('ms') and at the receiver ('ms_arrived', null when
the router dropped it: 'dropped': true). cwnd/ssthresh are sampled from the sending socket with
getsockopt(TCP_INFO) every millisecond (the same struct tcp_info that `ss -ti` prints; a subprocess per
sample would be too slow to see each step), and stored when they change ('cc_samples').

Run as root:  python3 tools/capture/cc.py [CASE...]
"""
import ctypes, faulthandler, fcntl, signal, heapq, json, os, queue, re, socket, struct, subprocess, sys, threading, time

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'linux')
DELAY = 0.025
MTU = 1040
CLIENT, SERVER, PORT = '10.0.0.1', '10.0.0.2', 5000
SYSCTLS = {
    'net.ipv4.tcp_sack': 0,
    'net.ipv4.tcp_timestamps': 0,
    'net.ipv4.tcp_no_metrics_save': 1,
    'net.ipv4.tcp_early_retrans': 0,   # no tail loss probe (the model has none); RACK needs SACK anyway
    'net.ipv4.tcp_frto': 0,            # no F-RTO (RFC 5682): a timeout is a plain RFC 6298 timeout
}
# net.ipv4.tcp_congestion_control cannot be set to cubic in a new namespace (EPERM: only the
# allowed list, reno and bbr here): both sockets choose it with setsockopt(TCP_CONGESTION) instead.
HYSTART = '/sys/module/tcp_cubic/parameters/hystart'

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNET = 0x40000000
TUNSETIFF = 0x400454ca
IFF_TUN, IFF_NO_PI = 0x0001, 0x1000
TCP_CONGESTION = 13
TCP_INFO = 11


def check(rc):
    if rc != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))


def netns_fd():
    return os.open('/proc/thread-self/ns/net', os.O_RDONLY)


def setns(fd):
    check(libc.setns(fd, CLONE_NEWNET))


def sh(*a):
    subprocess.run([str(x) for x in a], check=True)


def make_ns(root, name, addr):
    """A new namespace (entered by this thread) with lo up, a tun device `name` with addr/24, the
    sysctls; returns (ns fd, tun fd). The caller is left inside the new namespace."""
    setns(root)
    check(libc.unshare(CLONE_NEWNET))
    ns = netns_fd()
    tun = os.open('/dev/net/tun', os.O_RDWR)
    fcntl.ioctl(tun, TUNSETIFF, struct.pack('16sH', name.encode(), IFF_TUN | IFF_NO_PI))
    sh('ip', 'link', 'set', 'lo', 'up')
    sh('ip', 'addr', 'add', f'{addr}/24', 'dev', name)
    sh('ip', 'link', 'set', name, 'mtu', MTU, 'up')
    for k, v in SYSCTLS.items():
        sh('sysctl', '-q', '-w', f'{k}={v}')
    return ns, tun


def tcp_fields(pkt):
    """(src, dst, seq, flags byte, payload length) of an IPv4 TCP packet, or None."""
    if len(pkt) < 40 or pkt[0] >> 4 != 4 or pkt[9] != 6:
        return None
    ihl = (pkt[0] & 15) * 4
    tot = struct.unpack('!H', pkt[2:4])[0]
    seq = struct.unpack('!I', pkt[ihl + 4:ihl + 8])[0]
    doff = (pkt[ihl + 12] >> 4) * 4
    return pkt[12:16], pkt[16:20], seq, pkt[ihl + 13], tot - ihl - doff


class Path:
    """Copies packets between the two tun devices DELAY later, applying the drop rules."""

    def __init__(self, fa, fb, drops):
        self.fd = {'c2s': (fa, fb), 's2c': (fb, fa)}
        self.drops = {(d, s): n for d, s, n in drops}  # (dir, relative seq) -> transmissions to drop
        self.isn = {}
        self.log = []  # (time, dir, relative seq, len, 'dropped'|'passed')
        self.stop = False
        self.lock = threading.Lock()

    def start(self):
        for d in self.fd:
            q = queue.Queue()
            threading.Thread(target=self.reader, args=(d, q), daemon=True).start()
            threading.Thread(target=self.writer, args=(d, q), daemon=True).start()

    def reader(self, d, q):
        fin, _ = self.fd[d]
        while True:
            pkt = os.read(fin, 65536)
            now = time.monotonic()
            f = tcp_fields(pkt)
            if f:
                _, _, seq, flags, plen = f
                if flags & 0x02:
                    self.isn[d] = seq
                if d in self.isn and plen > 0:
                    rel = (seq - self.isn[d]) % 2**32
                    with self.lock:
                        left = self.drops.get((d, rel), 0)
                        if left > 0:
                            self.drops[(d, rel)] = left - 1
                            self.log.append((time.time(), d, rel, plen, 'dropped'))
                            continue
            q.put((now + DELAY, pkt))

    def writer(self, d, q):
        _, fout = self.fd[d]
        while True:
            due, pkt = q.get()
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            os.write(fout, pkt)


TCPI = struct.Struct('=8B 24I')  # tcp_info up to tcpi_total_retrans


def tcp_info(sock):
    b = sock.getsockopt(socket.IPPROTO_TCP, TCP_INFO, 104)
    v = TCPI.unpack(b[:TCPI.size])
    u = v[8:]
    return {'state': v[0], 'ca_state': v[1], 'rto_us': u[0], 'ato_us': u[1], 'snd_mss': u[2],
            'unacked': u[4], 'retrans': u[7], 'lost': u[6], 'rtt_us': u[15], 'ssthresh': u[17],
            'cwnd': u[18], 'total_retrans': u[23]}


CA_STATES = ['open', 'disorder', 'cwr', 'recovery', 'loss']


class Sampler:
    """Polls TCP_INFO of one socket every ms; keeps a sample when cwnd, ssthresh, ca_state or
    unacked changes."""

    def __init__(self, sock, t0):
        self.sock, self.t0, self.samples, self.stop = sock, t0, [], False

    def run(self):
        last = None
        while not self.stop:
            try:
                i = tcp_info(self.sock)
            except OSError:
                break
            key = (i['cwnd'], i['ssthresh'], i['ca_state'], i['unacked'])
            if key != last:
                last = key
                self.samples.append({'ms': round((time.time() - self.t0) * 1000, 3), 'cwnd': i['cwnd'],
                                     'ssthresh': None if i['ssthresh'] >= 0x7fffffff else i['ssthresh'],
                                     'ca_state': CA_STATES[i['ca_state']] if i['ca_state'] < 5 else i['ca_state'],
                                     'unacked': i['unacked'], 'rto_ms': i['rto_us'] / 1000,
                                     'retrans_total': i['total_retrans']})
            time.sleep(0.001)


def recv_all(conn, n, lowat=False):
    """Reads n bytes. With lowat, SO_RCVLOWAT 16000 first: the thread wakes once per 16 segments
    instead of once per segment, so it rarely holds the socket lock while segments arrive (segments
    that arrive on a locked socket wait in its backlog, where Linux coalesces them and ACKs the lot
    once: a stretch ACK that only says the reader was busy). A larger SO_RCVLOWAT clamps the window
    to it and the transfer stalls."""
    got = 0
    while got < n:
        if lowat:  # the wake-up tests SO_RCVLOWAT itself, not this call's size: lower it for the tail
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVLOWAT, min(16000, n - got))
        b = conn.recv(min(65536, n - got))
        if not b:
            break
        got += len(b)
    if lowat:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVLOWAT, 1)
    return got


# ---- cases: each gets (listening socket, client socket (unconnected), helpers) ----

def bulk(nbytes):
    def run(srv, cli, ctx):
        cli.connect((SERVER, PORT))
        conn, _ = srv.accept()
        ctx.sample(cli)
        time.sleep(0.3)
        ctx.mark('write')
        t = threading.Thread(target=recv_all, args=(conn, nbytes, True))
        t.start()
        cli.sendall(b'x' * nbytes)
        t.join()
        time.sleep(0.6)
        cli.close(); time.sleep(0.2); conn.close()
    return run


def lone_delack(srv, cli, ctx):
    """20 full segments (the receiver leaves quick-ACK mode), a pause, then one 100-byte segment that
    nobody answers: its ACK waits for the delayed-ACK timer."""
    cli.connect((SERVER, PORT))
    conn, _ = srv.accept()
    time.sleep(0.3)
    t = threading.Thread(target=recv_all, args=(conn, 20000, True)); t.start()
    cli.sendall(b'x' * 20000); t.join()
    time.sleep(0.12)
    ctx.mark('lone')
    cli.sendall(b'y' * 100)
    time.sleep(0.3)        # not read yet: a read that empties the buffer would send the ACK at once
    recv_all(conn, 100)
    time.sleep(0.3)
    cli.close(); time.sleep(0.2); conn.close()


def write_write_read(nodelay):
    def run(srv, cli, ctx):
        if nodelay:
            cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        cli.connect((SERVER, PORT))
        conn, _ = srv.accept()
        time.sleep(0.3)
        for r in range(6):
            ctx.mark(f'request {r + 1}')
            cli.send(b'a' * 100)      # write
            cli.send(b'b' * 100)      # write
            recv_all(conn, 200)
            conn.send(b'r' * 100)     # the server answers once it has both
            recv_all(cli, 100)        # read
            ctx.mark(f'response {r + 1}')
        time.sleep(0.3)
        cli.close(); time.sleep(0.2); conn.close()
    return run


MSS = 1000
CASES = {
    'linux-cc-slow-start': dict(
        run=bulk(200000), algo='cubic', drops=[],
        description='bulk send of 200000 bytes, MSS 1000, cubic without HyStart, RTT 50 ms, no loss: slow start from an initial window of 10'),
    'linux-cc-fast-retransmit-reno': dict(
        run=bulk(100000), algo='reno', drops=[('c2s', 1 + 29 * MSS, 1)],
        description='bulk send of 100000 bytes, reno, the 30th data segment (seq 29001) dropped once: three duplicate ACKs, fast retransmit, recovery'),
    'linux-cc-fast-retransmit-cubic': dict(
        run=bulk(100000), algo='cubic', drops=[('c2s', 1 + 29 * MSS, 1)],
        description='bulk send of 100000 bytes, cubic, the 30th data segment (seq 29001) dropped once: three duplicate ACKs, fast retransmit, recovery'),
    'linux-cc-newreno-two-losses': dict(
        run=bulk(100000), algo='reno', drops=[('c2s', 1 + 29 * MSS, 1), ('c2s', 1 + 35 * MSS, 1)],
        description='bulk send of 100000 bytes, reno (NewReno without SACK), the 30th and 36th data segments (seq 29001 and 35001) dropped once: fast retransmit of the first, the partial ACK retransmits the second at once, one window reduction'),
    'linux-cc-rto': dict(
        run=bulk(60000), algo='cubic', drops=[('c2s', 1 + k * MSS, 1) for k in range(10, 30)],
        description='bulk send of 60000 bytes, cubic, the whole second flight (data segments 11-30) dropped once: no ACK comes back, the retransmission timer fires, slow start again from 1 segment'),
    'linux-delack-every-second': dict(
        run=bulk(60000), algo='cubic', drops=[],
        description='bulk send of 60000 bytes: after the receiver leaves quick-ACK mode it ACKs every second full-sized segment'),
    'linux-delack-lone': dict(
        run=lone_delack, algo='cubic', drops=[],
        description='20 full segments, 120 ms pause, then one 100-byte segment that is not answered nor read for 300 ms: the receiver ACKs it when the delayed-ACK timer (40 ms) fires'),
    'linux-nagle-stall': dict(
        run=write_write_read(False), algo='cubic', drops=[],
        description='six rounds of write(100) write(100) read(100) with Nagle on: the second write waits for the ACK of the first, which the server delays'),
    'linux-nagle-nodelay': dict(
        run=write_write_read(True), algo='cubic', drops=[],
        description='the same six rounds with TCP_NODELAY: both writes go at once'),
}

LINE = re.compile(r'^(?P<t>[\d.]+) IP (?P<src>[\d.]+)\.(?P<sp>\d+) > (?P<dst>[\d.]+)\.(?P<dp>\d+): Flags \[(?P<f>[^\]]*)\](?:, seq (?P<seq>\d+)(?::(?P<end>\d+))?)?(?:, ack (?P<ack>\d+))?(?:, win (?P<win>\d+))?.*?, length (?P<len>\d+)')
FLAGS = {'S': 'SYN', 'F': 'FIN', 'R': 'RST', 'P': 'PSH', '.': 'ACK'}
ORDER = ['SYN', 'FIN', 'RST', 'PSH', 'ACK']


def parse(lines):
    segs = []
    for ln in lines:
        m = LINE.match(ln.strip())
        if not m:
            continue
        frm = 'client' if m['src'] == CLIENT else 'server'
        segs.append({'raw': ln.strip(), 't': float(m['t']), 'from': frm,
                     'flags': sorted({FLAGS[c] for c in m['f'] if c in FLAGS}, key=ORDER.index),
                     'seq': int(m['seq']) if m['seq'] else None, 'ack': int(m['ack']) if m['ack'] else None,
                     'len': int(m['len']), 'win': int(m['win']) if m['win'] else None})
    return segs


def merge(sent_c, seen_c, sent_s, seen_s, t0, log, isn):
    """Each segment once, as its sender emitted it, with the time it arrived at the other end. The
    router's log says which transmissions of which sequence number it dropped (a retransmission
    looks the same as the original, so tcpdump lines alone cannot tell)."""
    dropped = {}
    for _, d, rel, _, what in log:
        if what == 'dropped':
            k = ('client' if d == 'c2s' else 'server', rel)
            dropped[k] = dropped.get(k, 0) + 1
    out = []
    for sent, seen in ((sent_c, seen_s), (sent_s, seen_c)):
        j, occ = 0, {}
        for s in sent:
            if s['len'] > 0 and s['from'] in isn:
                k = (s['from'], (s['seq'] - isn[s['from']]) % 2**32)
                n = occ.get(k, 0); occ[k] = n + 1
                if n < dropped.get(k, 0):
                    out.append((s, None))
                    continue
            key = (s['flags'], s['seq'], s['ack'], s['len'])
            k = j
            while k < len(seen) and (seen[k]['flags'], seen[k]['seq'], seen[k]['ack'], seen[k]['len']) != key:
                k += 1
            arrived = None
            if k < len(seen):
                arrived = seen[k]['t']; j = k + 1
            out.append((s, arrived))
    out.sort(key=lambda x: x[0]['t'])
    nxt, res = {}, []
    for s, arrived in out:
        if s['seq'] is None:
            s['seq'] = nxt.get(s['from'])
        else:
            nxt[s['from']] = (s['seq'] + s['len'] + ('SYN' in s['flags']) + ('FIN' in s['flags'])) % 2**32
        other = 'server' if s['from'] == 'client' else 'client'
        rel = lambda v, side: None if v is None or side not in isn else (v - isn[side]) % 2**32
        res.append({'from': s['from'], 'to': other, 'flags': s['flags'], 'seq': rel(s['seq'], s['from']),
                    'ack': rel(s['ack'], other) if 'ACK' in s['flags'] else None, 'len': s['len'], 'win': s['win'],
                    'tcpdump': s['raw'], 'ms': round((s['t'] - t0) * 1000, 3),
                    'ms_arrived': None if arrived is None else round((arrived - t0) * 1000, 3),
                    'dropped': arrived is None})
    return res


class Ctx:
    def __init__(self):
        self.t0 = None
        self.marks = []
        self.sampler = None

    def sample(self, sock):
        self.sampler = Sampler(sock, self.t0)
        threading.Thread(target=self.sampler.run, daemon=True).start()

    def mark(self, what):
        self.marks.append({'ms': round((time.time() - self.t0) * 1000, 3), 'what': what})


def capture(name, root):
    spec = CASES[name]
    na, fa = make_ns(root, 'tca', CLIENT)
    dump_a = subprocess.Popen(['tcpdump', '-i', 'tca', '-nn', '-S', '-tt', '-l', 'tcp'],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    cli = socket.socket()
    cli.setsockopt(socket.IPPROTO_TCP, TCP_CONGESTION, spec['algo'].encode())
    nb, fb = make_ns(root, 'tcb', SERVER)
    dump_b = subprocess.Popen(['tcpdump', '-i', 'tcb', '-nn', '-S', '-tt', '-l', 'tcp'],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.setsockopt(socket.IPPROTO_TCP, TCP_CONGESTION, spec['algo'].encode())
    srv.bind((SERVER, PORT)); srv.listen(1)
    setns(root)
    path = Path(fa, fb, spec['drops'])
    path.start()
    time.sleep(1.0)
    ctx = Ctx(); ctx.t0 = time.time()
    spec['run'](srv, cli, ctx)
    if ctx.sampler:
        ctx.sampler.stop = True
    srv.close()
    time.sleep(0.5)
    texts = []
    for d in (dump_a, dump_b):
        d.terminate(); texts.append(d.communicate(timeout=5)[0].splitlines())
    sa, sb = parse(texts[0]), parse(texts[1])
    isn = {}
    for s in sa + sb:
        if 'SYN' in s['flags'] and s['from'] not in isn:
            isn[s['from']] = s['seq']
    sent_c = [s for s in sa if s['from'] == 'client']; seen_s = [s for s in sb if s['from'] == 'client']
    sent_s = [s for s in sb if s['from'] == 'server']; seen_c = [s for s in sa if s['from'] == 'server']
    t0 = min(s['t'] for s in sa + sb)
    segs = merge(sent_c, seen_c, sent_s, seen_s, t0, path.log, isn)
    shift = (ctx.t0 - t0) * 1000  # samples and marks were timed from ctx.t0
    for s in (ctx.sampler.samples if ctx.sampler else []) + ctx.marks:
        s['ms'] = round(s['ms'] + shift, 3)
    rec = {'case': name, 'description': spec['description'], 'kernel': os.uname().release,
           'captured_with': 'tools/capture/cc.py: two network namespaces joined by two tun devices (MTU 1040) '
                            'through a userspace path that delays each packet 25 ms and drops by rule; '
                            'tcpdump -i tca|tcb -nn -S -tt -l tcp; TCP_INFO sampled every 1 ms',
           'sysctl': {**SYSCTLS, 'tcp_cubic.hystart': 0}, 'congestion_control': spec['algo'],
           'one_way_delay_ms': DELAY * 1000, 'mss': MSS,
           'drop_rules': [{'from': 'client' if d == 'c2s' else 'server', 'seq': s, 'transmissions': n} for d, s, n in spec['drops']],
           'marks': ctx.marks, 'cc_samples': ctx.sampler.samples if ctx.sampler else [], 'segments': segs}
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump(rec, f, indent=1)
    os.close(fa); os.close(fb); os.close(na); os.close(nb)
    print(f'{name}: {len(segs)} segments, {sum(s["dropped"] for s in segs)} dropped, {len(rec["cc_samples"])} cc samples')


def main():
    os.makedirs(OUT, exist_ok=True)
    names = sys.argv[1:] or list(CASES)
    if len(names) > 1:  # one process per case: the path's threads and tun devices die with it
        for n in names:
            subprocess.run([sys.executable, os.path.abspath(__file__), n], check=True)
        return
    root = netns_fd()
    old = open(HYSTART).read().strip()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # restore hystart on kill too
    signal.signal(signal.SIGALRM, lambda *_: (faulthandler.dump_traceback(all_threads=True), sys.exit('timed out')))
    signal.alarm(30)
    try:
        with open(HYSTART, 'w') as f:
            f.write('0')
        for n in names:
            capture(n, root)
    finally:
        with open(HYSTART, 'w') as f:
            f.write(old)


if __name__ == '__main__':
    main()
