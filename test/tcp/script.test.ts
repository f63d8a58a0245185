import { describe, it, expect } from 'vitest';
import { parseScript, parseDuration } from '../../src/tcp/index.js';

const err = (text: string) => {
  const r = parseScript(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('script parser', () => {
  it('parses every action and option of docs/scripts.md', () => {
    const r = parseScript(
      [
        'option isn client 100          # fixed ISNs',
        'option isn server 300',
        'option delay 50ms',
        'option delayed-ack on',
        'option profile linux',
        'option backlog 5',
        'option syncookies on',
        'option listen off',
        'option start established',
        'option loss 0.1',
        'client connect',
        'client send 5',
        'server send 5',
        'client receive',
        'drop next server',
        'drop segment 3',
        'client close',
        'client abort',
        'server close',
        'client close; server close',
        'wait 60s',
        'at 120ms server close',
        'flood 100',
        'server reboot',
        '',
        '# a comment',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.script.options;
    expect(o).toMatchObject({ isnClient: 100, isnServer: 300, delay: 50, delayedAck: true, profile: 'linux', backlog: 5, syncookies: true, listen: false, start: 'established', loss: 0.1 });
    expect(r.script.steps.map((s) => s.actions.map((a) => a.kind).join('+'))).toEqual([
      'connect', 'send', 'send', 'receive', 'drop-next', 'drop-segment', 'close', 'abort', 'close', 'close+close', 'wait', 'close', 'flood', 'reboot',
    ]);
    const at = r.script.steps.find((s) => s.at !== undefined);
    expect(at).toMatchObject({ at: 120, line: 22 });
  });

  it('durations', () => {
    expect(parseDuration('50ms')).toBe(50);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('2min')).toBe(120000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('5')).toBeUndefined();
    expect(parseDuration('abc')).toBeUndefined();
  });

  it.each([
    ['client dance', 1, 8, "unknown action 'dance'"],
    ['frobnicate', 1, 1, "unknown action 'frobnicate'"],
    ['client send five', 1, 13, "bad number 'five' for byte count"],
    ['client send', 1, 12, 'missing byte count'],
    ['option colour red', 1, 8, "unknown option 'colour'"],
    ['option profile bsd', 1, 16, "unknown profile 'bsd'"],
    ['option delayed-ack maybe', 1, 20, "'on' or 'off'"],
    ['wait 10', 1, 6, "bad duration '10'"],
    ['drop next router', 1, 11, "unknown host 'router'"],
    ['client connect\n  server  sned 5', 2, 11, "unknown action 'sned'"],
    ['client close;  client explode', 1, 23, "unknown action 'explode'"],
    ['client send 5 6', 1, 15, "unexpected '6'"],
    ['option loss 2', 1, 13, 'probability'],
  ])('%j -> %i:%i %s', (text, line, col, msg) => {
    const e = err(text);
    expect(e[0]).toMatchObject({ line, col });
    expect(e[0].message).toContain(msg);
  });

  it('reports every bad line, not just the first', () => {
    const e = err('client connect\nclient jump\n# fine\nwait forever\n');
    expect(e.map((x) => x.line)).toEqual([2, 4]);
  });
});
