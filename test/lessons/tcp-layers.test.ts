import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from '../../src/lessons/parse.js';
import { parseTcpBlock, defaultTcpModel } from '../../src/lessons/tcp.js';
import { readLessonFiles } from '../../src/lessons/load.js';
import { SCENARIOS, getScenario, runSource } from '../../src/tcp/index.js';
import type { Block } from '../../src/lessons/types.js';

const FM = '---\nid: t\ntitle: T\norder: 1\nsummary: S\nobjectives: [o]\ntopics: [handshake]\nminutes: 5\n---\n';
const BODY = 10;

function lesson(body: string, checkTcp = true) {
  return parseLesson(FM + body, 't.md', { checkTcp });
}
const show = (r: ReturnType<typeof lesson>) => r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe('tcp blocks', () => {
  it('scenario: NAME expands to the built-in source; option lines override its own, before its actions', () => {
    const r = parseTcpBlock('scenario: handshake\ncaption: "Three segments"\noption isn client 5000\noption profile linux\n', defaultTcpModel);
    expect(r.problems).toEqual([]);
    const builtin = getScenario('handshake')!.source.trimEnd().split('\n');
    const src = r.tcp!.source.trimEnd().split('\n');
    // the built-in's own `option isn client` is gone, the block's two options come before the first action
    expect(src.filter((l) => /^option isn client/.test(l))).toEqual(['option isn client 5000']);
    const firstAction = src.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#') && !l.trim().startsWith('option'));
    expect(src.indexOf('option isn client 5000')).toBeLessThan(firstAction);
    expect(src.indexOf('option profile linux')).toBeLessThan(firstAction);
    expect(src.length).toBe(builtin.length + 2 - builtin.filter((l) => /^option isn client/.test(l)).length);
    expect(r.tcp!.scenario).toBe('handshake');
    expect(r.tcp!.caption).toBe('Three segments');
    const run = runSource(r.tcp!.source);
    expect(run.ok).toBe(true);
    if (run.ok) {
      expect(run.trace.profile).toBe('linux');
      expect(run.trace.hosts.client!.isn).toBe(5000);
    }
  });

  it('every built-in scenario expands and runs in the model', () => {
    expect(SCENARIOS.length).toBeGreaterThan(0);
    for (const s of SCENARIOS) {
      const r = lesson('```tcp\nscenario: ' + s.name + '\n```\n');
      expect(show(r), s.name).toEqual([]);
      const b = r.lesson!.blocks[0] as Extract<Block, { type: 'tcp' }>;
      expect(b).toMatchObject({ type: 'tcp', scenario: s.name, caption: null, line: BODY });
      expect(b.source.trimEnd()).toBe(s.source.trimEnd());
    }
  });

  it('a whole script is kept as is, caption from a "# caption:" comment', () => {
    const script = '# caption: A lost SYN\noption isn client 100\ndrop next client\nclient connect';
    const r = lesson('```tcp\n' + script + '\n```\n');
    expect(show(r)).toEqual([]);
    expect(r.lesson!.blocks).toEqual([{ type: 'tcp', source: script, scenario: null, caption: 'A lost SYN', line: BODY }]);
  });

  it('a script error is reported at its file line, with the model column', () => {
    const script = 'client connect\n\nclient teleport';
    const errs = runSource(script);
    expect(errs.ok).toBe(false);
    if (errs.ok) return;
    const e = errs.errors[0]!;
    expect(e.line).toBe(3);
    const r = lesson('# H\n\n```tcp\n' + script + '\n```\n');
    expect(show(r)).toEqual([`${BODY + 2 + 3}:${e.col}: tcp script: ${e.message}`]);
    expect(r.lesson!.blocks.map((b) => b.type)).toEqual(['heading']);
  });

  it("an error in a scenario block's option line points at that line", () => {
    const bad = 'option profile bsd';
    const errs = runSource(bad + '\nclient connect\n');
    expect(errs.ok).toBe(false);
    if (errs.ok) return;
    const r = lesson('```tcp\nscenario: handshake\n' + bad + '\n```\n');
    expect(show(r)).toEqual([`${BODY + 2}:${errs.errors[0]!.col}: tcp script: ${errs.errors[0]!.message}`]);
  });

  it('tcp blocks are only run in the model when asked (synack check), but always parsed', () => {
    const r = lesson('```tcp\nclient teleport\n```\n', false);
    expect(show(r)).toEqual([]);
    expect(show(lesson('```tcp\nscenario: nope\n```\n', false))).toEqual([
      `${BODY + 1}:11: unknown scenario 'nope' (built-in scenarios: ${SCENARIOS.map((s) => s.name).join(', ')})`,
    ]);
  });

  it('scenario blocks allow only caption and option lines; an empty block is an error', () => {
    expect(show(lesson('```tcp\nscenario: handshake\n  client close\n```\n'))).toEqual([
      `${BODY + 2}:3: after 'scenario:' only 'caption:', 'chart:' and 'option ...' lines are allowed`,
    ]);
    expect(show(lesson('```tcp\n# only a comment\n```\n'))).toEqual([`${BODY + 1}:1: the tcp block is empty`]);
  });
});

describe('layers blocks', () => {
  it('YAML -> LayerSpec list', () => {
    const r = lesson(`\`\`\`layers
title: Down the stack
payload: "GET / HTTP/1.1"
layers:
  - name: Transport (TCP)
    header: "src port 6784 -> dst port 80"
  - name: Link (Ethernet)
    header: "src MAC -> dst MAC"
    trailer: FCS
    note: The next hop's MAC.
\`\`\`
`);
    expect(show(r)).toEqual([]);
    expect(r.lesson!.blocks).toEqual([
      {
        type: 'layers',
        title: 'Down the stack',
        payload: 'GET / HTTP/1.1',
        layers: [
          { name: 'Transport (TCP)', header: 'src port 6784 -> dst port 80' },
          { name: 'Link (Ethernet)', header: 'src MAC -> dst MAC', trailer: 'FCS', note: "The next hop's MAC." },
        ],
        line: BODY,
      },
    ]);
  });

  it('title is optional (null)', () => {
    const r = lesson('```layers\npayload: data\nlayers:\n  - {name: IP, header: addresses}\n```\n');
    expect(r.lesson!.blocks[0]).toMatchObject({ type: 'layers', title: null });
  });

  it('errors point into the block', () => {
    expect(show(lesson('```layers\nlayers:\n  - name: IP\n```\n'))).toEqual([
      `${BODY + 1}:1: missing field 'payload'`,
      `${BODY + 2}:5: missing field 'layers[0].header'`,
    ]);
    expect(show(lesson('```layers\npayload: p\nlayers:\n  - name: IP\n    header: h\n    colour: red\n```\n'))).toEqual([
      `${BODY + 5}:5: unknown field 'layers[0].colour'`,
    ]);
    expect(show(lesson('```layers\n- a\n```\n'))).toEqual([`${BODY + 1}:1: a layers block must be a YAML mapping (title:, payload:, layers:)`]);
  });
});

describe('the bundled course', () => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dir = join(resolve(here, '../..'), 'lessons');
  const files = readLessonFiles(dir).files;

  it('every tcp block in every lesson runs in the model', () => {
    let blocks = 0;
    for (const f of files) {
      const r = parseLesson(f.text, f.file);
      const walk = (bs: Block[]): void => {
        for (const b of bs) {
          if (b.type === 'tcp') {
            blocks++;
            const run = runSource(b.source);
            expect(run.ok ? [] : run.errors, `${f.file}:${b.line}`).toEqual([]);
          } else if (b.type === 'quote') walk(b.blocks);
          else if (b.type === 'list') b.items.forEach(walk);
        }
      };
      walk(r.lesson?.blocks ?? []);
      // no tcp block was dropped for a parse problem either
      expect(r.problems.filter((p) => p.message.startsWith('tcp') || p.message.includes('scenario')), f.file).toEqual([]);
    }
    expect(files.length === 0 || blocks > 0).toBe(true);
  });
});
