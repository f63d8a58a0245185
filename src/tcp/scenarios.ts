/**
 * The built-in scenarios. Each source is also a file in scenarios/NAME.tcp (a test keeps them equal).
 * Generated together; edit both.
 */

export interface Scenario {
  name: string;
  description: string;
  source: string;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "handshake",
    description: "The three-way handshake: SYN, SYN,ACK, ACK (RFC 9293 Figure 6).",
    source: "# The three-way handshake (RFC 9293 Figure 6, RFC 793 Figure 7).\noption isn client 100\noption isn server 300\nclient connect\n",
  },
  {
    name: "transfer",
    description: "A handshake, then 5 bytes each way, each acknowledged.",
    source: "# A handshake, then 5 bytes from the client and 5 from the server.\noption isn client 100\noption isn server 300\nclient connect\nclient send 5\nserver send 5\nclient receive\nserver receive\n",
  },
  {
    name: "four-way-close",
    description: "The textbook close: FIN, ACK, FIN, ACK, then TIME-WAIT (RFC 793 Figure 13).",
    source: "# The normal close from an established connection (RFC 793 Figure 13, RFC 9293 Figure 12).\noption isn client 100\noption isn server 300\noption start established\nclient close\nserver close\n",
  },
  {
    name: "three-segment-close",
    description: "With delayed ACK the passive closer's ACK rides on its FIN: FIN; FIN,ACK; ACK.",
    source: "# What real stacks usually show: the ACK of the first FIN waits (delayed ACK) and rides on\n# the second FIN, so the close takes three segments.\noption isn client 100\noption isn server 300\noption start established\noption delayed-ack on\nclient close\nserver close\n",
  },
  {
    name: "simultaneous-open",
    description: "Both sides send SYN at once and both pass through SYN-RECEIVED (RFC 9293 Figure 7).",
    source: "# Simultaneous open (RFC 9293 Figure 7): both sides connect at the same instant.\noption isn client 100\noption isn server 300\noption listen off\nclient connect; server connect\n",
  },
  {
    name: "simultaneous-close",
    description: "Both sides close at once: FIN-WAIT-1, CLOSING, TIME-WAIT on both (RFC 9293 Figure 13).",
    source: "# Simultaneous close (RFC 9293 Figure 13): both FINs cross in the network.\noption isn client 100\noption isn server 300\noption start established\nclient close; server close\n",
  },
  {
    name: "syn-retransmit",
    description: "The first SYN is lost; the client sends it again when its 1 s RTO expires.",
    source: "# The client's first SYN is lost: after the initial RTO of 1 s (RFC 6298) it is sent again.\noption isn client 100\noption isn server 300\ndrop next client\nclient connect\n",
  },
  {
    name: "data-retransmit",
    description: "A data segment is lost and retransmitted after the RTO.",
    source: "# The client's data segment is lost; its retransmission timer fires and it sends the bytes again.\noption isn client 100\noption isn server 300\nclient connect\ndrop next client\nclient send 5\n",
  },
  {
    name: "lost-final-ack",
    description: "The last ACK is lost; the server resends its FIN and TIME-WAIT absorbs it.",
    source: "# The client's final ACK is lost. The server, in LAST-ACK, retransmits its FIN; the client,\n# still in TIME-WAIT, ACKs it again and restarts its 2MSL timer. This is why TIME-WAIT exists.\noption isn client 100\noption isn server 300\noption start established\nclient close\ndrop next client\nserver close\n",
  },
  {
    name: "refused",
    description: "Nobody listens on the port: the SYN gets RST,ACK and connect() fails.",
    source: "# No listener on port 80: the server's TCP answers the SYN with RST,ACK (seq 0, ack ISN+1).\noption isn client 100\noption isn server 300\noption listen off\nclient connect\n",
  },
  {
    name: "old-duplicate-syn",
    description: "An old duplicate SYN arrives first; RST clears it and the real SYN connects (RFC 793 Figure 9).",
    source: "# Recovery from an old duplicate SYN (RFC 793 Figure 9, RFC 9293 Figure 8). The new SYN (seq 100)\n# is slow; an old SYN (seq 90) arrives first. The client rejects the SYN,ACK for 90 with RST,\n# the server goes back to LISTEN, and the real SYN then connects normally.\noption isn client 100\noption isn server 300\ndelay next client 200ms\nclient connect; client old-syn 90\n",
  },
  {
    name: "half-open",
    description: "The client reboots and reconnects; the server's stale connection is reset (RFC 793 Figure 10).",
    source: "# Half-open connection discovery (RFC 793 Figure 10). The client crashes and forgets its\n# connection; its new SYN meets the server's old one, which answers with an ACK; the client\n# replies RST, the server drops the stale connection, and the retransmitted SYN connects.\noption isn client 100\noption isn server 300\noption start established\nclient reboot\nclient connect isn 400\n",
  },
  {
    name: "syn-flood",
    description: "Spoofed SYNs fill the SYN queue; the real client's SYNs are dropped until it gives up.",
    source: "# A SYN flood: 10,000 SYNs from spoofed addresses over 130 s keep the server's SYN queue full\n# (backlog 5). The real client's SYN, and every retransmission of it, is dropped.\noption isn client 100\noption isn server 300\noption backlog 5\nflood 10000 over 130s\nat 1s client connect\n",
  },
  {
    name: "syn-flood-cookies",
    description: "The same flood with SYN cookies: the real client connects while the queue is full.",
    source: "# The same flood with SYN cookies on: when the queue is full the server answers with a cookie\n# as its ISN and stores nothing; the client's ACK carries the cookie back and it connects.\noption isn client 100\noption isn server 300\noption backlog 5\noption syncookies on\nflood 10000 over 130s\nat 1s client connect\n",
  },
];

export function getScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
