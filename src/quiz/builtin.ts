/**
 * Built-in interview questions: at least one per topic, so every topic can be drilled even before
 * (or without) the lesson files. Ids `core/<slug>`; never change an id once published (review
 * history keys on it). Each names the lesson to reread for it.
 */
import type { Question, Topic } from './types.js';
import { lessonForTopic } from './topics.js';

type Draft = Question extends infer Q ? (Q extends Question ? Omit<Q, 'lessonId' | 'hints' | 'explanation'> & { hints?: string[]; explanation?: string } : never) : never;

const DRAFTS: Draft[] = [
  {
    id: 'core/client-server-roles',
    type: 'recall',
    prompt: 'What distinguishes a client from a server in a TCP conversation?',
    answer: 'The server does a passive open: it binds a well-known port and listens. The client does an active open: it picks an ephemeral port and connects. After the handshake both sides are equal peers that can send and close.',
    keyPoints: ['server: passive open, listen on a known port', 'client: active open from an ephemeral port', 'once established the roles are symmetric'],
    topics: ['architecture'],
  },
  {
    id: 'core/osi-layers',
    type: 'order',
    prompt: 'Put these layers of the TCP/IP model in order from the top (application) down.',
    steps: ['Application (HTTP)', 'Transport (TCP/UDP)', 'Network (IP)', 'Link (Ethernet)'],
    topics: ['osi-model'],
    explanation: 'Data goes down the stack: each layer wraps what the layer above gave it in its own header.',
    hints: ['Which layer adds port numbers? Which adds IP addresses?'],
  },
  {
    id: 'core/osi-encapsulation',
    type: 'recall',
    prompt: 'Explain encapsulation: what happens to an HTTP request on its way down the stack?',
    answer: 'Each layer adds its own header to the unit from the layer above: TCP adds ports, sequence and ack numbers (a segment); IP adds source and destination addresses (a packet); Ethernet adds MAC addresses and a trailer FCS (a frame). The receiver strips them in reverse order.',
    keyPoints: ['segment -> packet -> frame', 'each layer adds a header, Ethernet also a trailer', 'receiver removes headers in reverse'],
    topics: ['osi-model'],
  },
  {
    id: 'core/dst-mac-next-hop',
    type: 'single',
    prompt: 'A host sends a packet to a web server on another network. What is the destination MAC address of the Ethernet frame it sends?',
    choices: [
      { text: "The web server's MAC address", correct: false, why: 'MAC addresses only matter on the local link.' },
      { text: "The default gateway's (next hop's) MAC address", correct: true },
      { text: 'The broadcast address ff:ff:ff:ff:ff:ff', correct: false, why: 'Broadcast is for ARP requests, not data.' },
    ],
    topics: ['ethernet-mac'],
    explanation: 'The destination IP stays the server\'s; the destination MAC is the next hop on this link, the gateway.',
    hints: ['Does the frame leave the local network unchanged?'],
  },
  {
    id: 'core/arp',
    type: 'recall',
    prompt: 'What does ARP do, and when does a host use it?',
    answer: 'ARP maps an IPv4 address on the local link to a MAC address. Before sending a frame to the next hop (the destination itself or the gateway), the host looks in its ARP cache; on a miss it broadcasts "who has IP X?" and the owner replies with its MAC, which is cached.',
    keyPoints: ['IP -> MAC on the local link', 'request is broadcast, reply is unicast', 'results are cached', 'used for the next hop, often the gateway'],
    topics: ['ip-arp'],
  },
  {
    id: 'core/ports-four-tuple',
    type: 'recall',
    prompt: 'How does a server tell apart two connections from the same client host to port 80?',
    answer: 'A TCP connection is identified by the four-tuple (source IP, source port, destination IP, destination port). The client picks a different ephemeral source port for each connection, so the tuples differ.',
    keyPoints: ['four-tuple identifies a connection', 'ephemeral source ports differ', 'the listening port is shared'],
    topics: ['ports'],
  },
  {
    id: 'core/well-known-http-port',
    type: 'numeric',
    prompt: 'Which well-known TCP port does plain HTTP use?',
    answer: 80,
    topics: ['ports', 'http'],
    explanation: 'HTTP listens on port 80 by default (HTTPS on 443).',
  },
  {
    id: 'core/tcp-vs-udp',
    type: 'recall',
    prompt: 'TCP vs UDP: what are the differences, and when would you choose UDP?',
    answer: 'TCP is connection-oriented: a handshake, a reliable in-order byte stream with retransmission, flow and congestion control. UDP sends independent datagrams with no connection, no ordering and no retransmission, and a tiny 8-byte header. Choose UDP when latency matters more than completeness (voice, games, DNS) or when the application does its own reliability (QUIC).',
    keyPoints: ['connection vs connectionless', 'reliable ordered stream vs datagrams', 'flow/congestion control only in TCP', 'UDP: low latency, small header, DNS/streaming/QUIC'],
    topics: ['tcp-vs-udp', 'udp'],
  },
  {
    id: 'core/udp-header',
    type: 'truefalse',
    prompt: 'UDP retransmits a datagram when the receiver does not acknowledge it.',
    answer: false,
    topics: ['udp'],
    explanation: 'UDP has no acknowledgements and no retransmission; an application that needs them builds them itself.',
  },
  {
    id: 'core/tcp-header-fields',
    type: 'multi',
    prompt: 'Which of these fields are in the TCP header?',
    choices: [
      { text: 'Sequence number', correct: true },
      { text: 'Acknowledgement number', correct: true },
      { text: 'Source IP address', correct: false, why: 'Addresses are in the IP header.' },
      { text: 'Window size', correct: true },
      { text: 'TTL', correct: false, why: 'TTL is an IP header field.' },
    ],
    topics: ['tcp-header'],
    explanation: 'TCP carries ports, seq, ack, flags, window, checksum and urgent pointer; addresses and TTL belong to IP.',
    hints: ['Ask which layer needs each field.'],
  },
  {
    id: 'core/why-three-way',
    type: 'recall',
    prompt: 'Why does TCP use a three-way handshake and not two?',
    answer: 'Each side must choose an initial sequence number and learn that the other received it: SYN (client ISN), SYN,ACK (server ISN + ack of the client ISN), ACK (ack of the server ISN). With only two segments the server could not know its ISN arrived, and an old duplicate SYN could open a bogus connection.',
    keyPoints: ['both ISNs must be sent and acknowledged', 'the SYN,ACK combines two steps', 'protects against old duplicate SYNs'],
    topics: ['handshake'],
  },
  {
    id: 'core/handshake-ack',
    type: 'numeric',
    prompt: "The client's SYN carries seq=1000. What ack number does the server's SYN,ACK carry?",
    answer: 1001,
    topics: ['handshake'],
    explanation: 'A SYN consumes one sequence number, so the next byte the server expects is 1000 + 1 = 1001.',
    hints: ['The ack number is the next sequence number expected.'],
  },
  {
    id: 'core/lost-segment',
    type: 'recall',
    prompt: 'What happens when a TCP data segment is lost?',
    answer: 'The receiver does not acknowledge it (later segments produce duplicate ACKs). The sender retransmits when its retransmission timer (RTO) expires, or earlier on three duplicate ACKs (fast retransmit), and backs off the RTO exponentially on repeated timeouts.',
    keyPoints: ['no ACK for the lost bytes', 'RTO timer retransmission', 'fast retransmit on 3 duplicate ACKs', 'exponential backoff'],
    topics: ['reliability'],
  },
  {
    id: 'core/why-four-close',
    type: 'recall',
    prompt: 'Why does closing a TCP connection usually take four segments?',
    answer: 'Each direction is closed separately (half-close): one side sends FIN and the other ACKs it at once, but may still have data to send; only when its application closes does it send its own FIN, which is ACKed. The ACK and the second FIN can be combined when the peer closes immediately (three segments).',
    keyPoints: ['each direction closes independently', 'FIN is ACKed immediately', 'second FIN waits for the application', 'can be three segments when combined'],
    topics: ['close'],
  },
  {
    id: 'core/time-wait-why',
    type: 'recall',
    prompt: 'What is TIME-WAIT for, and why does it last 2 MSL?',
    answer: 'The side that closes first waits in TIME-WAIT so it can resend the final ACK if the peer\'s FIN is retransmitted, and so old duplicate segments of this connection die out before the same four-tuple is reused. 2 MSL covers a segment\'s maximum lifetime one way plus the reply the other way.',
    keyPoints: ['the active closer enters TIME-WAIT', 'resend the last ACK if the FIN comes again', 'let old duplicates expire', '2 MSL: one lifetime each way'],
    topics: ['time-wait'],
  },
  {
    id: 'core/time-wait-who',
    type: 'single',
    prompt: 'Which side of a connection enters TIME-WAIT?',
    choices: [
      { text: 'The side that sends the first FIN (the active closer)', correct: true },
      { text: 'The side that receives the first FIN', correct: false, why: 'The passive closer goes through CLOSE-WAIT and LAST-ACK.' },
      { text: 'Always the server', correct: false, why: 'It depends on who closes first, not on the role.' },
    ],
    topics: ['time-wait', 'close'],
    explanation: 'The active closer goes FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT; the passive closer goes CLOSE-WAIT, LAST-ACK, CLOSED.',
  },
  {
    id: 'core/syn-flood',
    type: 'recall',
    prompt: 'What is a SYN flood, and how do SYN cookies defend against it?',
    answer: 'An attacker sends many SYNs from spoofed addresses and never completes the handshake, filling the server\'s SYN queue with half-open connections so real clients are dropped. With SYN cookies the server keeps no state for a SYN: it encodes the connection details in its ISN and rebuilds the connection when a valid ACK returns.',
    keyPoints: ['spoofed SYNs, handshake never completed', 'SYN queue fills with half-open entries', 'cookies: state encoded in the ISN', 'no memory used until the final ACK'],
    topics: ['syn-flood'],
  },
  {
    id: 'core/socket-calls',
    type: 'order',
    prompt: 'Put a TCP server\'s socket calls in order.',
    steps: ['socket()', 'bind()', 'listen()', 'accept()', 'recv()/send()', 'close()'],
    topics: ['sockets-api'],
    explanation: 'A server creates a socket, binds its port, listens, then accepts connections that completed the handshake.',
    hints: ['accept() returns a connection that already finished the handshake.'],
  },
  {
    id: 'core/listen-backlog',
    type: 'recall',
    prompt: 'What does the backlog argument of listen() control on Linux?',
    answer: 'On Linux it bounds the accept queue: connections that finished the handshake but were not yet accept()ed. Half-open connections wait in a separate SYN queue sized by tcp_max_syn_backlog.',
    keyPoints: ['accept queue of completed connections', 'SYN queue is separate', 'when full, new handshakes are dropped or delayed'],
    topics: ['sockets-api'],
  },
  {
    id: 'core/http-over-tcp',
    type: 'recall',
    prompt: 'What happens between typing a URL and seeing the page, at the transport level?',
    answer: 'The browser resolves the name with DNS (usually UDP), opens a TCP connection to port 80/443 with the three-way handshake (plus TLS for HTTPS), sends the HTTP request as segments, receives the response with acknowledgements, and keeps the connection alive for more requests or closes it with FIN exchanges.',
    keyPoints: ['DNS lookup', 'TCP handshake to port 80/443', 'TLS for HTTPS', 'request/response over the stream', 'keep-alive or close'],
    topics: ['http'],
  },
  {
    id: 'core/flow-control',
    type: 'recall',
    prompt: 'What is TCP flow control and how does it work?',
    answer: 'Flow control stops a fast sender from overrunning a slow receiver: every segment advertises the receive window, the free space in the receiver\'s buffer, and the sender keeps unacknowledged data within it. A zero window stops the sender, which probes until the window opens.',
    keyPoints: ['protects the receiver', 'advertised receive window (rwnd)', 'zero window and window probes'],
    topics: ['flow-control'],
  },
  {
    id: 'core/congestion-control',
    type: 'recall',
    prompt: 'How does TCP congestion control differ from flow control?',
    answer: 'Congestion control protects the network, not the receiver: the sender keeps a congestion window (cwnd), grows it quickly in slow start and linearly in congestion avoidance, and shrinks it on loss. It may send min(cwnd, rwnd) unacknowledged bytes.',
    keyPoints: ['protects the network', 'cwnd vs rwnd, send min of both', 'slow start, congestion avoidance', 'loss shrinks cwnd'],
    topics: ['congestion-control'],
  },
];

function complete(d: Draft): Question {
  const topics: Topic[] = d.topics;
  return {
    hints: [],
    explanation: d.type === 'recall' ? (d as { answer: string }).answer : '',
    ...d,
    lessonId: lessonForTopic(topics[0]),
  } as Question;
}

export const BUILTIN_QUESTIONS: readonly Question[] = DRAFTS.map(complete);
