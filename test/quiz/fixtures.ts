import type { Question } from '../../src/quiz/types.js';

export const SINGLE: Question = {
  id: 'fx/single',
  type: 'single',
  prompt: "The client's SYN carries seq=100. What ack does the server's SYN,ACK carry?",
  choices: [
    { text: '100', correct: false },
    { text: '101', correct: true },
    { text: '300', correct: false },
  ],
  explanation: 'A SYN consumes one sequence number: 100 + 1 = 101.',
  hints: ['Is the ack the last byte received or the next one expected?', 'A SYN counts as one byte.'],
  topics: ['handshake'],
  lessonId: 'three-way-handshake',
};

export const MULTI: Question = {
  id: 'fx/multi',
  type: 'multi',
  prompt: 'Which fields are in the TCP header?',
  choices: [
    { text: 'Sequence number', correct: true },
    { text: 'TTL', correct: false },
    { text: 'Window', correct: true },
  ],
  explanation: 'TTL is in the IP header.',
  hints: [],
  topics: ['tcp-header'],
};

export const TF: Question = {
  id: 'fx/tf',
  type: 'truefalse',
  prompt: 'UDP retransmits lost datagrams.',
  answer: false,
  explanation: 'UDP has no retransmission.',
  hints: ['Does UDP have acknowledgements?'],
  topics: ['udp'],
};

export const ORDER: Question = {
  id: 'fx/order',
  type: 'order',
  prompt: 'Order the handshake segments.',
  steps: ['SYN', 'SYN,ACK', 'ACK'],
  explanation: 'SYN, then SYN,ACK, then ACK.',
  hints: [],
  topics: ['handshake'],
};

export const NUMERIC: Question = {
  id: 'fx/numeric',
  type: 'numeric',
  prompt: 'How long is the initial RTO?',
  answer: 1000,
  tolerance: 0,
  unit: 'ms',
  explanation: 'RFC 6298: 1 second.',
  hints: ['One second.'],
  topics: ['reliability'],
};

export const TEXT: Question = {
  id: 'fx/text',
  type: 'text',
  prompt: 'Which flags does the second handshake segment carry?',
  accept: ['SYN-ACK'],
  explanation: 'It is the SYN,ACK.',
  hints: [],
  topics: ['handshake'],
};

export const RECALL: Question = {
  id: 'fx/recall',
  type: 'recall',
  prompt: 'Why does TCP need three handshakes?',
  answer: 'Both ISNs must be sent and acknowledged.',
  keyPoints: ['both ISNs', 'old duplicate SYNs'],
  explanation: 'Both ISNs must be sent and acknowledged.',
  hints: [],
  topics: ['handshake'],
};

export const ALL_TYPES: Question[] = [SINGLE, MULTI, TF, ORDER, NUMERIC, TEXT, RECALL];
