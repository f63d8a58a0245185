/** Which lesson teaches each topic: the lesson a report tells the learner to reread. */
import { TOPICS, type Topic } from './types.js';

export const LESSON_IDS = [
  'clients-and-servers',
  'layered-models',
  'ethernet-and-mac',
  'ip-and-arp',
  'ports',
  'tcp-vs-udp',
  'tcp-header',
  'three-way-handshake',
  'reliability',
  'flow-and-congestion',
  'closing',
  'time-wait',
  'socket-api',
  'syn-flood',
  'keepalive',
  'io-models',
  'http',
  'http-versions',
  'https-tls',
  'dns',
  'nat',
  'operations',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export const TOPIC_LESSON: Record<Topic, LessonId> = {
  architecture: 'clients-and-servers',
  'osi-model': 'layered-models',
  'ethernet-mac': 'ethernet-and-mac',
  'ip-arp': 'ip-and-arp',
  ports: 'ports',
  'tcp-vs-udp': 'tcp-vs-udp',
  'tcp-header': 'tcp-header',
  handshake: 'three-way-handshake',
  reliability: 'reliability',
  close: 'closing',
  'time-wait': 'time-wait',
  'syn-flood': 'syn-flood',
  'sockets-api': 'socket-api',
  http: 'http',
  udp: 'tcp-vs-udp',
  'flow-control': 'flow-and-congestion',
  'congestion-control': 'flow-and-congestion',
  keepalive: 'keepalive',
  'io-models': 'io-models',
  'http-versions': 'http-versions',
  tls: 'https-tls',
  dns: 'dns',
  nat: 'nat',
  operations: 'operations',
};

export function lessonForTopic(topic: Topic): LessonId {
  return TOPIC_LESSON[topic];
}

export function isTopic(s: string): s is Topic {
  return (TOPICS as readonly string[]).includes(s);
}
