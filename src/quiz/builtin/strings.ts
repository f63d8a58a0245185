/**
 * The text of the built-in interview questions (src/quiz/builtin.ts), en and zh-CN, keyed by the
 * question's slug (`core/<slug>`). Only words live here: the question's type, topics, answer keys
 * (which choice is right, numbers, true/false) are in builtin.ts, so both languages share them.
 * Per question: `prompt`; `answer` and `keyPoints` (recall); `choices` (single/multi: `text` and,
 * for a wrong choice, `why`), in the order of builtin.ts's `correct` list; `steps` (order, in the
 * right order); `explanation` and `hints` where the question has them.
 *
 * zh-CN is written as Chinese interview material is (the terms of 谢希仁's 计算机网络 and of the
 * zh-CN lessons: 三次握手, 四次挥手, 半连接队列, 全连接队列 ...), with the English term in
 * parentheses at its first use in a question.
 */
import { catalogue, type Translation } from '../../i18n/index.js';

const EN = {
  'client-server-roles': {
    prompt: 'What distinguishes a client from a server in a TCP conversation?',
    answer: 'The server does a passive open: it binds a well-known port and listens. The client does an active open: it picks an ephemeral port and connects. After the handshake both sides are equal peers that can send and close.',
    keyPoints: ['server: passive open, listen on a known port', 'client: active open from an ephemeral port', 'once established the roles are symmetric'],
  },
  'osi-layers': {
    prompt: 'Put these layers of the TCP/IP model in order from the top (application) down.',
    steps: ['Application (HTTP)', 'Transport (TCP/UDP)', 'Network (IP)', 'Link (Ethernet)'],
    explanation: 'Data goes down the stack: each layer wraps what the layer above gave it in its own header.',
    hints: ['Which layer adds port numbers? Which adds IP addresses?'],
  },
  'osi-encapsulation': {
    prompt: 'Explain encapsulation: what happens to an HTTP request on its way down the stack?',
    answer: 'Each layer adds its own header to the unit from the layer above: TCP adds ports, sequence and ack numbers (a segment); IP adds source and destination addresses (a packet); Ethernet adds MAC addresses and a trailer FCS (a frame). The receiver strips them in reverse order.',
    keyPoints: ['segment -> packet -> frame', 'each layer adds a header, Ethernet also a trailer', 'receiver removes headers in reverse'],
  },
  'dst-mac-next-hop': {
    prompt: 'A host sends a packet to a web server on another network. What is the destination MAC address of the Ethernet frame it sends?',
    choices: [
      { text: "The web server's MAC address", why: 'MAC addresses only matter on the local link.' },
      { text: "The default gateway's (next hop's) MAC address" },
      { text: 'The broadcast address ff:ff:ff:ff:ff:ff', why: 'Broadcast is for ARP requests, not data.' },
    ],
    explanation: "The destination IP stays the server's; the destination MAC is the next hop on this link, the gateway.",
    hints: ['Does the frame leave the local network unchanged?'],
  },
  arp: {
    prompt: 'What does ARP do, and when does a host use it?',
    answer: 'ARP maps an IPv4 address on the local link to a MAC address. Before sending a frame to the next hop (the destination itself or the gateway), the host looks in its ARP cache; on a miss it broadcasts "who has IP X?" and the owner replies with its MAC, which is cached.',
    keyPoints: ['IP -> MAC on the local link', 'request is broadcast, reply is unicast', 'results are cached', 'used for the next hop, often the gateway'],
  },
  'ports-four-tuple': {
    prompt: 'How does a server tell apart two connections from the same client host to port 80?',
    answer: 'A TCP connection is identified by the four-tuple (source IP, source port, destination IP, destination port). The client picks a different ephemeral source port for each connection, so the tuples differ.',
    keyPoints: ['four-tuple identifies a connection', 'ephemeral source ports differ', 'the listening port is shared'],
  },
  'well-known-http-port': {
    prompt: 'Which well-known TCP port does plain HTTP use?',
    explanation: 'HTTP listens on port 80 by default (HTTPS on 443).',
  },
  'tcp-vs-udp': {
    prompt: 'TCP vs UDP: what are the differences, and when would you choose UDP?',
    answer: 'TCP is connection-oriented: a handshake, a reliable in-order byte stream with retransmission, flow and congestion control. UDP sends independent datagrams with no connection, no ordering and no retransmission, and a tiny 8-byte header. Choose UDP when latency matters more than completeness (voice, games, DNS) or when the application does its own reliability (QUIC).',
    keyPoints: ['connection vs connectionless', 'reliable ordered stream vs datagrams', 'flow/congestion control only in TCP', 'UDP: low latency, small header, DNS/streaming/QUIC'],
  },
  'udp-header': {
    prompt: 'UDP retransmits a datagram when the receiver does not acknowledge it.',
    explanation: 'UDP has no acknowledgements and no retransmission; an application that needs them builds them itself.',
  },
  'tcp-header-fields': {
    prompt: 'Which of these fields are in the TCP header?',
    choices: [
      { text: 'Sequence number' },
      { text: 'Acknowledgement number' },
      { text: 'Source IP address', why: 'Addresses are in the IP header.' },
      { text: 'Window size' },
      { text: 'TTL', why: 'TTL is an IP header field.' },
    ],
    explanation: 'TCP carries ports, seq, ack, flags, window, checksum and urgent pointer; addresses and TTL belong to IP.',
    hints: ['Ask which layer needs each field.'],
  },
  'why-three-way': {
    prompt: 'Why does TCP use a three-way handshake and not two?',
    answer: 'Each side must choose an initial sequence number and learn that the other received it: SYN (client ISN), SYN,ACK (server ISN + ack of the client ISN), ACK (ack of the server ISN). With only two segments the server could not know its ISN arrived, and an old duplicate SYN could open a bogus connection.',
    keyPoints: ['both ISNs must be sent and acknowledged', 'the SYN,ACK combines two steps', 'protects against old duplicate SYNs'],
  },
  'handshake-ack': {
    prompt: "The client's SYN carries seq=1000. What ack number does the server's SYN,ACK carry?",
    explanation: 'A SYN consumes one sequence number, so the next byte the server expects is 1000 + 1 = 1001.',
    hints: ['The ack number is the next sequence number expected.'],
  },
  'lost-segment': {
    prompt: 'What happens when a TCP data segment is lost?',
    answer: 'The receiver does not acknowledge it (later segments produce duplicate ACKs). The sender retransmits when its retransmission timer (RTO) expires, or earlier on three duplicate ACKs (fast retransmit), and backs off the RTO exponentially on repeated timeouts.',
    keyPoints: ['no ACK for the lost bytes', 'RTO timer retransmission', 'fast retransmit on 3 duplicate ACKs', 'exponential backoff'],
  },
  'why-four-close': {
    prompt: 'Why does closing a TCP connection usually take four segments?',
    answer: 'Each direction is closed separately (half-close): one side sends FIN and the other ACKs it at once, but may still have data to send; only when its application closes does it send its own FIN, which is ACKed. The ACK and the second FIN can be combined when the peer closes immediately (three segments).',
    keyPoints: ['each direction closes independently', 'FIN is ACKed immediately', 'second FIN waits for the application', 'can be three segments when combined'],
  },
  'time-wait-why': {
    prompt: 'What is TIME-WAIT for, and why does it last 2 MSL?',
    answer: "The side that closes first waits in TIME-WAIT so it can resend the final ACK if the peer's FIN is retransmitted, and so old duplicate segments of this connection die out before the same four-tuple is reused. 2 MSL covers a segment's maximum lifetime one way plus the reply the other way.",
    keyPoints: ['the active closer enters TIME-WAIT', 'resend the last ACK if the FIN comes again', 'let old duplicates expire', '2 MSL: one lifetime each way'],
  },
  'time-wait-who': {
    prompt: 'Which side of a connection enters TIME-WAIT?',
    choices: [
      { text: 'The side that sends the first FIN (the active closer)' },
      { text: 'The side that receives the first FIN', why: 'The passive closer goes through CLOSE-WAIT and LAST-ACK.' },
      { text: 'Always the server', why: 'It depends on who closes first, not on the role.' },
    ],
    explanation: 'The active closer goes FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT; the passive closer goes CLOSE-WAIT, LAST-ACK, CLOSED.',
  },
  'syn-flood': {
    prompt: 'What is a SYN flood, and how do SYN cookies defend against it?',
    answer: "An attacker sends many SYNs from spoofed addresses and never completes the handshake, filling the server's SYN queue with half-open connections so real clients are dropped. With SYN cookies the server keeps no state for a SYN: it encodes the connection details in its ISN and rebuilds the connection when a valid ACK returns.",
    keyPoints: ['spoofed SYNs, handshake never completed', 'SYN queue fills with half-open entries', 'cookies: state encoded in the ISN', 'no memory used until the final ACK'],
  },
  'socket-calls': {
    prompt: "Put a TCP server's socket calls in order.",
    steps: ['socket()', 'bind()', 'listen()', 'accept()', 'recv()/send()', 'close()'],
    explanation: 'A server creates a socket, binds its port, listens, then accepts connections that completed the handshake.',
    hints: ['accept() returns a connection that already finished the handshake.'],
  },
  'listen-backlog': {
    prompt: 'What does the backlog argument of listen() control on Linux?',
    answer: 'On Linux it bounds the accept queue: connections that finished the handshake but were not yet accept()ed, capped by net.core.somaxconn. Half-open connections wait in a separate SYN queue; since Linux 4.4 it too counts as full at the listen backlog, and tcp_max_syn_backlog only matters when SYN cookies are off.',
    keyPoints: ['accept queue of completed connections', 'SYN queue is separate', 'when full, new handshakes are dropped or delayed'],
  },
  'http-over-tcp': {
    prompt: 'What happens between typing a URL and seeing the page, at the transport level?',
    answer: 'The browser resolves the name with DNS (usually UDP), opens a TCP connection to port 80/443 with the three-way handshake (plus TLS for HTTPS), sends the HTTP request as segments, receives the response with acknowledgements, and keeps the connection alive for more requests or closes it with FIN exchanges.',
    keyPoints: ['DNS lookup', 'TCP handshake to port 80/443', 'TLS for HTTPS', 'request/response over the stream', 'keep-alive or close'],
  },
  'flow-control': {
    prompt: 'What is TCP flow control and how does it work?',
    answer: "Flow control stops a fast sender from overrunning a slow receiver: every segment advertises the receive window, the free space in the receiver's buffer, and the sender keeps unacknowledged data within it. A zero window stops the sender, which probes until the window opens.",
    keyPoints: ['protects the receiver', 'advertised receive window (rwnd)', 'zero window and window probes'],
  },
  'congestion-control': {
    prompt: 'How does TCP congestion control differ from flow control?',
    answer: 'Congestion control protects the network, not the receiver: the sender keeps a congestion window (cwnd), grows it quickly in slow start and linearly in congestion avoidance, and shrinks it on loss. It may send min(cwnd, rwnd) unacknowledged bytes.',
    keyPoints: ['protects the network', 'cwnd vs rwnd, send min of both', 'slow start, congestion avoidance', 'loss shrinks cwnd'],
  },
  'tcp-vs-http-keepalive': {
    prompt: 'What is the difference between TCP keepalive and HTTP keep-alive?',
    answer: 'TCP keepalive (SO_KEEPALIVE) sends empty probes on an idle connection to find out whether the peer is still there; on Linux the first probe goes after 7200 s idle, then every 75 s, and the connection is dropped after 9 unanswered probes. HTTP keep-alive (persistent connections, the default in HTTP/1.1) means reusing one TCP connection for several requests instead of opening one per request. They share a name and nothing else.',
    keyPoints: ['TCP keepalive detects dead peers with probes on idle connections', 'Linux defaults 7200 s, 75 s, 9 probes', 'HTTP keep-alive reuses a connection for many requests', 'independent mechanisms at different layers'],
  },
  'epoll-vs-select': {
    prompt: 'Why does epoll scale better than select or poll?',
    answer: 'select and poll take the whole set of descriptors on every call, the kernel scans all of them, and the program scans them again to find the ready ones: O(n) per call, and select is limited to FD_SETSIZE (1024). epoll keeps the interest set in the kernel (epoll_ctl once per descriptor) and epoll_wait returns only the ready descriptors, so the cost follows the number of ready events, not the number of connections.',
    keyPoints: ['select/poll pass and scan every descriptor each call', 'select limited to 1024 descriptors', 'epoll registers once, returns only ready descriptors', 'cost follows activity, not connection count'],
  },
  'http2-vs-http1': {
    prompt: 'What did HTTP/2 change compared with HTTP/1.1, and what problem did HTTP/3 still have to solve?',
    answer: 'HTTP/1.1 answers requests on one connection in order, so a slow response blocks the ones behind it (head-of-line blocking) and browsers open several connections. HTTP/2 frames the messages in binary and multiplexes many streams on one TCP connection, with HPACK header compression. But TCP delivers bytes in order, so one lost segment still stalls every stream. HTTP/3 runs over QUIC on UDP, where each stream is delivered independently and the transport and TLS handshakes are combined.',
    keyPoints: ['HTTP/1.1: one request at a time per connection, HOL blocking', 'HTTP/2: binary frames, multiplexed streams, HPACK', 'TCP-level HOL blocking remains in HTTP/2', 'HTTP/3: QUIC over UDP, independent streams, faster handshake'],
  },
  'tls13-handshake': {
    prompt: 'Describe the TLS 1.3 handshake. How many round trips does it add before the first HTTP request, and how is that better than TLS 1.2?',
    answer: 'After the TCP handshake the client sends ClientHello with its key share and SNI; the server answers ServerHello with its key share, then, already encrypted, its certificate, a signature over the handshake (CertificateVerify) and Finished; the client checks the certificate chain, sends Finished and can send the request at once. That is one round trip on top of TCP, where TLS 1.2 needed two. With resumption and 0-RTT the client can send data in its first flight, at the risk of replay.',
    keyPoints: ['ClientHello with key share and SNI', 'ServerHello, certificate, CertificateVerify, Finished', 'client verifies the chain of trust', '1 RTT in TLS 1.3 vs 2 RTT in TLS 1.2', '0-RTT data can be replayed'],
  },
  'dns-resolution': {
    prompt: 'How is a name like www.example.com resolved to an IP address?',
    answer: "The application asks the stub resolver, which checks its cache and the hosts file and then sends the query to a recursive resolver (UDP port 53). The recursive resolver, on a cache miss, asks a root server, which refers it to the .com TLD servers, which refer it to example.com's authoritative servers, which give the answer. Every answer carries a TTL and is cached for that long. A response too big for UDP is marked truncated and the query is repeated over TCP port 53.",
    keyPoints: ['stub resolver -> recursive resolver', 'root -> TLD -> authoritative referrals', 'caching bounded by TTL', 'UDP 53, TCP 53 when truncated'],
  },
  'nat-pat': {
    prompt: 'How does a home router let many devices share one public IP address, and why can a host on the internet not connect to a device behind it?',
    answer: 'It does NAT with port translation (PAT, also called NAPT): for each outgoing connection it replaces the private source address and port by its public address and a port it chooses, and records the mapping in a table. Replies match an entry and are translated back. An unsolicited inbound packet matches no entry, so the router does not know which device it is for and drops it, unless a port forwarding rule says where to send it.',
    keyPoints: ['rewrites private source address and port to public ones', 'translation table keyed by the mapping', 'replies translated back by the table', 'inbound without a mapping is dropped; port forwarding fixes it'],
  },
  'close-wait-pileup': {
    prompt: 'netstat shows thousands of connections in CLOSE-WAIT on your server. What is wrong, and how do you fix it?',
    answer: 'CLOSE-WAIT means the peer sent FIN and the local kernel acknowledged it, but the local application has not called close(). The kernel never leaves CLOSE-WAIT on its own, so a pile-up is an application bug: a code path that does not close the socket (an exception, a missing finally, a leaked connection in a pool). Fix the code so that reading end-of-file or an error always closes the socket; kernel tunables do not help.',
    keyPoints: ['peer closed, local application did not', 'CLOSE-WAIT has no timeout', 'a bug: a leaked socket, missing close on EOF or error', 'fix the code, not sysctls'],
  },
};

const ZH: Translation<typeof EN> = {
  'client-server-roles': {
    prompt: '在一次 TCP 通信中，客户端和服务器的区别是什么？',
    answer: '服务器执行被动打开（passive open）：绑定一个熟知端口，然后监听（listen）。客户端执行主动打开（active open）：选一个临时端口（ephemeral port），然后发起连接（connect）。三次握手完成之后，双方就是对等的两端，都可以发送数据，也都可以关闭连接。',
    keyPoints: ['服务器：被动打开，在熟知端口上监听', '客户端：从临时端口主动打开', '连接建立后双方地位对等'],
  },
  'osi-layers': {
    prompt: '把 TCP/IP 模型的这几层从上（应用层）到下排好顺序。',
    steps: ['应用层（HTTP）', '运输层（TCP/UDP）', '网络层（IP）', '链路层（以太网）'],
    explanation: '数据沿协议栈向下传递：每一层都给上一层交来的数据加上自己的首部，这就是封装。',
    hints: ['哪一层加上端口号？哪一层加上 IP 地址？'],
  },
  'osi-encapsulation': {
    prompt: '解释封装（encapsulation）：一个 HTTP 请求沿协议栈向下传递时发生了什么？',
    answer: '每一层都给上一层交下来的数据单元加上自己的首部：TCP 加上端口号、序号和确认号，成为报文段（segment）；IP 加上源地址和目的地址，成为分组（packet，即 IP 数据报）；以太网加上 MAC 地址，并在尾部加上帧检验序列 FCS，成为帧（frame）。接收方按相反的顺序逐层剥掉这些首部。',
    keyPoints: ['报文段 -> 分组 -> 帧', '每层加一个首部，以太网还加一个尾部', '接收方按相反顺序去掉首部'],
  },
  'dst-mac-next-hop': {
    prompt: '一台主机向另一个网络上的 Web 服务器发送分组。它发出的以太网帧的目的 MAC 地址是什么？',
    choices: [
      { text: 'Web 服务器的 MAC 地址', why: 'MAC 地址只在本地链路上有意义。' },
      { text: '默认网关（下一跳）的 MAC 地址' },
      { text: '广播地址 ff:ff:ff:ff:ff:ff', why: '广播用于 ARP 请求，不用于发送数据。' },
    ],
    explanation: '目的 IP 地址仍是服务器的；目的 MAC 地址是本链路上的下一跳，也就是默认网关（default gateway）。',
    hints: ['这个帧会原封不动地离开本地网络吗？'],
  },
  arp: {
    prompt: 'ARP 的作用是什么？主机在什么时候使用它？',
    answer: 'ARP（地址解析协议）把本地链路上的 IPv4 地址映射为 MAC 地址。主机向下一跳（目的主机本身，或者网关）发送帧之前，先查自己的 ARP 缓存；没有命中时，就广播一个“谁有 IP X？”的请求，拥有该地址的主机用单播回复自己的 MAC 地址，结果被缓存起来。',
    keyPoints: ['在本地链路上把 IP 映射为 MAC', '请求是广播，响应是单播', '结果会被缓存', '查的是下一跳，常常是网关'],
  },
  'ports-four-tuple': {
    prompt: '同一台客户端主机向服务器的 80 端口建立了两条连接，服务器怎样区分它们？',
    answer: '一条 TCP 连接由四元组（four-tuple）标识：源 IP、源端口、目的 IP、目的端口。客户端为每条连接选一个不同的临时源端口，所以两条连接的四元组不同。',
    keyPoints: ['四元组标识一条连接', '临时源端口各不相同', '监听端口是共用的'],
  },
  'well-known-http-port': {
    prompt: '普通（不加密的）HTTP 使用哪个熟知 TCP 端口？',
    explanation: 'HTTP 默认监听 80 端口（HTTPS 是 443）。',
  },
  'tcp-vs-udp': {
    prompt: 'TCP 和 UDP 有哪些区别？什么时候选择 UDP？',
    answer: 'TCP 是面向连接的：先三次握手，再提供可靠、按序的字节流，有重传、流量控制和拥塞控制。UDP 发送彼此独立的数据报（datagram），没有连接，不保证顺序，也不重传，首部只有 8 字节。当时延比完整性更重要时（语音、游戏、DNS），或者应用自己实现可靠性时（QUIC），选择 UDP。',
    keyPoints: ['面向连接 vs 无连接', '可靠有序的字节流 vs 数据报', '只有 TCP 有流量控制和拥塞控制', 'UDP：时延低、首部小，用于 DNS、流媒体、QUIC'],
  },
  'udp-header': {
    prompt: '接收方没有确认时，UDP 会重传该数据报。',
    explanation: 'UDP 既没有确认，也没有重传；需要这些功能的应用只能自己实现。',
  },
  'tcp-header-fields': {
    prompt: '下面哪些字段在 TCP 首部中？',
    choices: [
      { text: '序号' },
      { text: '确认号' },
      { text: '源 IP 地址', why: '地址在 IP 首部中。' },
      { text: '窗口大小' },
      { text: 'TTL（生存时间）', why: 'TTL 是 IP 首部的字段。' },
    ],
    explanation: 'TCP 首部含有端口号、序号（seq）、确认号（ack）、标志位、窗口、检验和以及紧急指针；地址和 TTL 属于 IP。',
    hints: ['想一想每个字段是哪一层需要的。'],
  },
  'why-three-way': {
    prompt: '为什么 TCP 建立连接要三次握手（three-way handshake），而不是两次？',
    answer: '双方都要选定自己的初始序号（ISN），并且知道对方已经收到：SYN 携带客户端的 ISN；SYN,ACK 携带服务器的 ISN，同时确认客户端的 ISN；ACK 确认服务器的 ISN。如果只有两个报文段，服务器无法知道自己的 ISN 是否已经送达；而且一个迟到的旧的重复 SYN 就可能建立一条错误的连接。',
    keyPoints: ['双方的 ISN 都要发出并被确认', 'SYN,ACK 把两步合成了一步', '防止旧的重复 SYN 建立连接'],
  },
  'handshake-ack': {
    prompt: '客户端的 SYN 携带 seq=1000。服务器的 SYN,ACK 携带的确认号 ack 是多少？',
    explanation: 'SYN 要消耗一个序号，所以服务器期望收到的下一个字节是 1000 + 1 = 1001。',
    hints: ['确认号是期望收到的下一个序号。'],
  },
  'lost-segment': {
    prompt: '一个 TCP 数据报文段丢失时会发生什么？',
    answer: '接收方不会确认它（之后到达的报文段会引起重复确认）。发送方在超时重传计时器（RTO）到期时重传；如果先收到 3 个重复的 ACK，就提前重传（快重传，fast retransmit）。多次超时时，RTO 按指数退避加倍。',
    keyPoints: ['丢失的字节得不到 ACK', 'RTO 计时器超时重传', '收到 3 个重复 ACK 时快重传', '指数退避'],
  },
  'why-four-close': {
    prompt: '为什么关闭一条 TCP 连接通常需要四个报文段（四次挥手）？',
    answer: '两个方向要分别关闭（半关闭，half-close）：一方发送 FIN，另一方立即用 ACK 确认，但自己可能还有数据要发；只有当它的应用也关闭时，它才发送自己的 FIN，再由对方确认。如果对方收到 FIN 后立即关闭，ACK 和第二个 FIN 可以合并，这时只需三个报文段。',
    keyPoints: ['两个方向各自独立关闭', 'FIN 会被立即确认', '第二个 FIN 要等应用关闭', 'ACK 与 FIN 合并时只需三个报文段'],
  },
  'time-wait-why': {
    prompt: 'TIME-WAIT 状态有什么用？为什么要等待 2MSL？',
    answer: '先关闭的一方（主动关闭方）停留在 TIME-WAIT：如果对方的 FIN 被重传，它还能再发一次最后的 ACK；同时让这条连接的旧的重复报文段在网络中消失，然后同一个四元组才会被再次使用。2MSL（最长报文段寿命，maximum segment lifetime）足够一个报文段单程存活的最长时间，再加上反方向的回复。Linux 固定等待 60 秒。',
    keyPoints: ['主动关闭方进入 TIME-WAIT', 'FIN 重传时可以重发最后的 ACK', '让旧的重复报文段过期', '2MSL：每个方向一个最长寿命'],
  },
  'time-wait-who': {
    prompt: '连接的哪一方会进入 TIME-WAIT 状态？',
    choices: [
      { text: '发送第一个 FIN 的一方（主动关闭方）' },
      { text: '收到第一个 FIN 的一方', why: '被动关闭方经过的是 CLOSE-WAIT 和 LAST-ACK。' },
      { text: '总是服务器', why: '取决于谁先关闭，与客户端或服务器的角色无关。' },
    ],
    explanation: '主动关闭方依次经过 FIN-WAIT-1、FIN-WAIT-2、TIME-WAIT；被动关闭方依次经过 CLOSE-WAIT、LAST-ACK、CLOSED。',
  },
  'syn-flood': {
    prompt: '什么是 SYN 洪泛（SYN flood）攻击？SYN cookie 怎样防御它？',
    answer: '攻击者用伪造的源地址发送大量 SYN，却从不完成三次握手，服务器的半连接队列（SYN queue）被这些半开连接占满，正常客户端的 SYN 就会被丢弃。使用 SYN cookie 时，服务器不为 SYN 保存任何状态：它把连接的信息编码进自己的 ISN，等合法的 ACK 回来时再据此重建连接。',
    keyPoints: ['伪造源地址的 SYN，握手永不完成', '半连接队列被半开连接占满', 'cookie：把状态编码进 ISN', '收到最后的 ACK 之前不占内存'],
  },
  'socket-calls': {
    prompt: '把 TCP 服务器调用套接字（socket）函数的顺序排好。',
    steps: ['socket()', 'bind()', 'listen()', 'accept()', 'recv()/send()', 'close()'],
    explanation: '服务器先创建套接字，绑定端口，开始监听，然后用 accept() 取出已经完成三次握手的连接。',
    hints: ['accept() 返回的连接已经完成了三次握手。'],
  },
  'listen-backlog': {
    prompt: '在 Linux 上，listen() 的 backlog 参数控制的是什么？',
    answer: '在 Linux 上，它限制的是全连接队列（accept queue）：已经完成三次握手、但还没有被 accept() 取走的连接，上限还受 net.core.somaxconn 约束。半开连接在另一个半连接队列（SYN queue）中等待；从 Linux 4.4 起，半连接队列也在达到 listen 的 backlog 时算满，tcp_max_syn_backlog 只在关闭 SYN cookie 时才起作用。把 backlog 说成“半连接池”是常见的误解。',
    keyPoints: ['全连接队列：已完成握手的连接', '半连接队列是另一个队列', '队列满时，新的握手被丢弃或推迟'],
  },
  'http-over-tcp': {
    prompt: '从输入网址到看到页面，在运输层发生了什么？',
    answer: '浏览器先用 DNS 解析域名（通常走 UDP），再通过三次握手与 80 或 443 端口建立 TCP 连接（HTTPS 还要进行 TLS 握手），把 HTTP 请求分成报文段发出，接收响应并发送确认，然后保持连接（keep-alive）以便发送更多请求，或者通过交换 FIN 关闭连接。',
    keyPoints: ['DNS 查询', '与 80/443 端口进行 TCP 三次握手', 'HTTPS 还要 TLS 握手', '请求和响应在字节流上传输', '保持连接或关闭连接'],
  },
  'flow-control': {
    prompt: '什么是 TCP 的流量控制（flow control）？它是怎样实现的？',
    answer: '流量控制防止发送快的一方淹没接收慢的一方：每个报文段都通告接收窗口（rwnd），即接收方缓冲区的剩余空间，发送方让已发送未确认的数据不超过这个窗口。窗口为零时发送方停止发送，并用持续计时器发送零窗口探测，直到窗口重新打开。',
    keyPoints: ['保护的是接收方', '通告接收窗口（rwnd）', '零窗口与窗口探测'],
  },
  'congestion-control': {
    prompt: 'TCP 的拥塞控制（congestion control）和流量控制有什么不同？',
    answer: '拥塞控制保护的是网络，而不是接收方：发送方维护一个拥塞窗口（cwnd），在慢启动（slow start）阶段快速增大，在拥塞避免（congestion avoidance）阶段线性增大，发生丢包时减小。已发送未确认的字节数最多为 min(cwnd, rwnd)。',
    keyPoints: ['保护的是网络', 'cwnd 与 rwnd，取两者的较小值', '慢启动、拥塞避免', '丢包使 cwnd 减小'],
  },
  'tcp-vs-http-keepalive': {
    prompt: 'TCP 的 keepalive（保活）和 HTTP 的 keep-alive 有什么区别？',
    answer: 'TCP 保活（SO_KEEPALIVE）在空闲的连接上发送不带数据的探测报文段，以确认对方是否还在；在 Linux 上，空闲 7200 秒后发送第一个探测，之后每 75 秒一个，连续 9 个探测无应答就断开连接。HTTP keep-alive（持久连接，HTTP/1.1 的默认行为）是指多个请求复用同一条 TCP 连接，而不是每个请求新建一条连接。两者只是名字相近，别无关系。',
    keyPoints: ['TCP 保活在空闲连接上用探测发现失效的对端', 'Linux 默认值：7200 秒、75 秒、9 个探测', 'HTTP keep-alive 让多个请求复用一条连接', '不同层次上相互独立的机制'],
  },
  'epoll-vs-select': {
    prompt: '为什么 epoll 比 select 或 poll 更适合大量连接？',
    answer: 'select 和 poll 每次调用都要传入全部描述符，内核逐个扫描，程序返回后还要再扫描一遍找出就绪的：每次调用 O(n)，而且 select 最多只能管理 FD_SETSIZE（1024）个描述符。epoll 把关注的描述符集合保存在内核中（每个描述符只需调用一次 epoll_ctl），epoll_wait 只返回就绪的描述符，所以开销取决于就绪事件的数量，而不是连接的总数。',
    keyPoints: ['select/poll 每次调用都传入并扫描全部描述符', 'select 最多 1024 个描述符', 'epoll 只注册一次，只返回就绪的描述符', '开销取决于活跃程度，而不是连接数'],
  },
  'http2-vs-http1': {
    prompt: 'HTTP/2 相比 HTTP/1.1 改变了什么？HTTP/3 又要解决什么遗留问题？',
    answer: 'HTTP/1.1 在一条连接上按顺序应答请求，一个慢的响应会堵住后面所有的响应（队头阻塞，head-of-line blocking），所以浏览器要同时开多条连接。HTTP/2 用二进制帧封装报文，在一条 TCP 连接上多路复用许多个流，并用 HPACK 压缩首部。但 TCP 按序交付字节，丢失一个报文段仍会让所有流停下来等待。HTTP/3 运行在基于 UDP 的 QUIC 之上，每个流独立交付，并把运输层握手和 TLS 握手合在一起。',
    keyPoints: ['HTTP/1.1：每条连接一次一个请求，队头阻塞', 'HTTP/2：二进制帧、多路复用的流、HPACK', 'HTTP/2 仍有 TCP 层的队头阻塞', 'HTTP/3：基于 UDP 的 QUIC，流相互独立，握手更快'],
  },
  'tls13-handshake': {
    prompt: '描述 TLS 1.3 的握手过程。在第一个 HTTP 请求之前它增加了几个往返时间（RTT）？比 TLS 1.2 好在哪里？',
    answer: 'TCP 三次握手之后，客户端发送 ClientHello，带上自己的密钥共享（key share）和 SNI；服务器回复 ServerHello 和自己的密钥共享，接着（已经加密）发送证书、对握手内容的签名（CertificateVerify）和 Finished；客户端验证证书链，发送 Finished，随即就可以发送请求。这在 TCP 之上只多一个往返，而 TLS 1.2 需要两个。使用会话恢复和 0-RTT 时，客户端在第一批报文中就能发送数据，代价是可能被重放。',
    keyPoints: ['ClientHello 带密钥共享和 SNI', 'ServerHello、证书、CertificateVerify、Finished', '客户端验证证书信任链', 'TLS 1.3 为 1 个 RTT，TLS 1.2 为 2 个 RTT', '0-RTT 数据可能被重放'],
  },
  'dns-resolution': {
    prompt: '像 www.example.com 这样的域名是怎样被解析成 IP 地址的？',
    answer: '应用程序询问存根解析器（stub resolver），它先查自己的缓存和 hosts 文件，再把查询发给递归解析器（recursive resolver，UDP 53 端口）。递归解析器缓存未命中时，先问根服务器，根服务器把它指向 .com 顶级域（TLD）服务器，顶级域服务器再把它指向 example.com 的权威服务器，由权威服务器给出答案。每个回答都带有 TTL，在这段时间内被缓存。UDP 装不下的响应会被标记为截断（truncated），查询随后改用 TCP 53 端口重发。',
    keyPoints: ['存根解析器 -> 递归解析器', '根 -> 顶级域 -> 权威服务器，逐级指引', '缓存时间受 TTL 限制', 'UDP 53；截断时改用 TCP 53'],
  },
  'nat-pat': {
    prompt: '家用路由器怎样让许多设备共用一个公网 IP 地址？为什么互联网上的主机无法主动连接到它后面的设备？',
    answer: '路由器做带端口转换的网络地址转换（NAT，端口转换也叫 PAT 或 NAPT）：对每条外出的连接，它把私有的源地址和源端口换成自己的公网地址和一个它选定的端口，并把这个映射记在转换表里。回复的分组匹配到表项后被换回原来的地址和端口。主动进来的分组匹配不到任何表项，路由器不知道该交给哪台设备，只好丢弃，除非有端口转发规则指明发往何处。',
    keyPoints: ['把私有源地址和端口改写为公网的', '转换表记录映射关系', '回复按转换表换回', '没有映射的入站分组被丢弃；端口转发可以解决'],
  },
  'close-wait-pileup': {
    prompt: 'netstat 显示你的服务器上有几千条连接处于 CLOSE-WAIT 状态。问题出在哪里？怎样解决？',
    answer: 'CLOSE-WAIT 表示对方发来了 FIN，本机内核已经确认，但本机的应用程序还没有调用 close()。内核不会自己离开 CLOSE-WAIT，所以大量堆积是应用程序的 bug：某条代码路径没有关闭套接字（抛出异常、缺少 finally、连接池中泄漏的连接）。要修改代码，让读到文件结束（EOF）或出错时总是关闭套接字；调整内核参数没有用。',
    keyPoints: ['对方已关闭，本机应用没有关闭', 'CLOSE-WAIT 没有超时', '是 bug：套接字泄漏，读到 EOF 或出错时没有 close', '改代码，而不是改 sysctl'],
  },
};

/** The words of each built-in question, by slug. */
export const BUILTIN_TEXT = catalogue('quiz.BUILTIN_TEXT', { en: EN, 'zh-CN': ZH });
