import { it } from 'vitest';
import { runSource } from '../../src/tcp/index.js';
it('x', () => {
  for (const src of ['client listen\nserver old-syn 0\n', 'client listen\nclient old-syn 0\n', 'client listen\nserver old-syn 5\nwait 5s\n']) {
  const r = runSource(src, {});
  if (!r.ok) { console.log(r.errors); continue; }
  console.log('---', JSON.stringify(src), r.trace.events.length);
  r.trace.events.slice(0, 16).forEach((e: any, i) => console.log(i, e.t, e.type, e.host ?? e.from, e.type === 'segment' ? e.flags.join(',') + ' seq=' + e.seq + ' ack=' + e.ack + ' ' + e.to + ' ' + e.fate : (e.from ?? '') + '->' + (e.to ?? '') + ' ' + (e.call ?? ''), e.explain.slice(0, 70)));
  }
});
