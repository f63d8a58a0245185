/**
 * A whole lesson in a real terminal (node-pty + @xterm/headless, one spawn): the fixture lesson with
 * one quiz of each type (test/fixtures/lessons-every-quiz), read to the end, every quiz answered with
 * the keys its footer shows: the walk reads the footer off the screen, finds the binding for what it
 * wants to do (focus, choose, toggle, move, pick up, answer, reveal, grade, page) and sends the keys
 * that binding names. Then the lesson is complete in the lesson list and in the progress file.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync, readFileSync, realpathSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../reliability/helpers.js';
import { startPty, terminalRestored, type PtySession } from '../reliability/pty.js';

const DIR = join(ROOT, 'test', 'fixtures', 'lessons-every-quiz');
let home: string;

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  home = mkdtempSync(join(tmpdir(), 'synack-walk-'));
}, 120_000);

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

/** One footer binding: the keys as shown ("1-3 a-c", "↑/↓ j/k", "Enter") and its label. */
interface Shown {
  keys: string;
  label: string;
}

/** The footer is the last non-empty row: bindings separated by two spaces, "KEYS label". */
function footer(screen: string): Shown[] {
  const row = screen.split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
  return row
    .trim()
    .split(/ {2,}/)
    .map((part) => {
      // The keys are the leading tokens that look like keys; the rest is the label.
      const tokens = part.split(' ');
      let i = 0;
      while (i < tokens.length - 1 && isKeyToken(tokens[i])) i++;
      return { keys: tokens.slice(0, i).join(' '), label: tokens.slice(i).join(' ') };
    });
}

function isKeyToken(t: string): boolean {
  return /^(Enter|Esc|Tab|space|PgUp\/PgDn|Ctrl\+\w|[↑↓←→](\/[↑↓←→])?|\d-\d|[a-z]-[a-z]|.(\/.)*|g\/G)$/.test(t);
}

/** The binding whose label is `label` (exactly), or undefined. */
function binding(screen: string, label: string | RegExp): Shown | undefined {
  return footer(screen).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
}

const NAMED: Record<string, string> = {
  Enter: '\r',
  Esc: '\u001B',
  Tab: '\t',
  space: ' ',
  '↑': '\u001B[A',
  '↓': '\u001B[B',
  '←': '\u001B[D',
  '→': '\u001B[C',
  PgUp: '\u001B[5~',
  PgDn: '\u001B[6~',
};

/** The bytes of one alternative of a binding's keys: "Enter", "Ctrl+T", "↓" (from "↑/↓": index 1), "j". */
function bytes(key: string): string {
  if (NAMED[key]) return NAMED[key];
  const ctrl = /^Ctrl\+(\w)$/.exec(key);
  if (ctrl) return String.fromCharCode(ctrl[1].toLowerCase().charCodeAt(0) - 96);
  if ([...key].length === 1) return key;
  throw new Error(`not a key: ${key}`);
}

/** The alternatives of a binding: "↑/↓ j/k" -> [["↑","↓"],["j","k"]]; "1-3 a-c" -> [["1","2","3"],["a","b","c"]]. */
function groups(b: Shown): string[][] {
  return b.keys.split(' ').map((g) => {
    const range = /^(.)-(.)$/.exec(g);
    if (range) {
      const out: string[] = [];
      for (let c = range[1].charCodeAt(0); c <= range[2].charCodeAt(0); c++) out.push(String.fromCharCode(c));
      return out;
    }
    return g === 'PgUp/PgDn' ? ['PgUp', 'PgDn'] : g.split('/');
  });
}

describe('a whole lesson in a real terminal, by the keys its footer shows', () => {
  it('reads the every-quiz lesson to the end, answers each quiz, and the lesson is complete', async () => {
    // 140 columns: the footer shows every binding of a focused block (at 100 the diagram's
    // "Tab next block" gives way to the others).
    const s: PtySession = startPty(['learn', 'every-quiz', '--lessons', DIR], { SYNACK_HOME: home }, 140, 30);
    const sent: string[] = [];
    /** Sends the keys and waits until the screen changed and settled. */
    const press = async (keys: string, why: string) => {
      sent.push(why);
      const before = s.screen();
      s.send(keys);
      await s.waitFor((x) => x !== before, `the screen to change after ${why} (${sent.join(', ')})`);
      return s.settle(150);
    };
    const need = (screen: string, label: string | RegExp) => {
      const b = binding(screen, label);
      if (!b) throw new Error(`the footer shows no "${label}" key; footer: ${JSON.stringify(footer(screen))}\n${screen}`);
      return b;
    };
    /** The first alternative of the binding labelled `label`; `pick` chooses inside a group (for ranges and pairs). */
    const key = (screen: string, label: string | RegExp, pick = 0, group = 0) => {
      const g = groups(need(screen, label))[group];
      if (pick >= g.length) throw new Error(`"${label}" offers ${g.join(',')}: no key number ${pick + 1}`);
      return bytes(g[pick]);
    };

    let screen = await s.waitFor((x) => x.includes('Every quiz type') && footer(x).length > 2, 'the lesson');
    screen = await s.settle(150);

    // Tab from block to block (Tab focus, then Tab next block) in the lesson's order; each quiz is
    // answered by the keys of the kind its footer shows (choose, toggle, pick up/drop, reveal, or
    // typing and answer).
    const BLOCKS = [
      { kind: 'single', prompt: 'Which segment opens a connection?' },
      { kind: 'multi', prompt: 'Which flags appear during the handshake?' },
      { kind: 'truefalse', prompt: 'The first segment of a connection carries the ACK flag.' },
      { kind: 'diagram', prompt: 'Diagram: handshake' },
      { kind: 'numeric', prompt: "The client's ISN is 100: what ack does the server send?" },
      { kind: 'text', prompt: 'Which state is the server in after sending its SYN,ACK?' },
      { kind: 'order', prompt: 'Put the segments in order.' },
      { kind: 'recall', prompt: 'Why does TCP need three segments to open and not two?' },
    ];
    /** The box (from its top border to its bottom border) around the line that starts `prompt`. */
    const boxOf = (x: string, prompt: string) => {
      const lines = x.split('\n');
      const at = lines.findIndex((l) => l.includes(prompt.slice(0, 30)));
      if (at < 0) throw new Error(`"${prompt}" is not on screen:\n${x}`);
      let top = at;
      while (top > 0 && !lines[top].includes('┌')) top--;
      let bottom = at;
      while (bottom < lines.length - 1 && !lines[bottom].includes('└')) bottom++;
      return lines.slice(top, bottom + 1).join('\n');
    };
    /** Typed fast: the whole text in one write (the app takes a burst key by key). */
    const typeText = async (text: string, prompt: string) => {
      sent.push(`type ${text}`);
      s.send(text);
      await s.waitFor((x) => boxOf(x, prompt).includes(text), `"${text}" in the answer`);
      screen = await s.settle(150);
    };
    const answered: string[] = [];
    for (const block of BLOCKS) {
      screen = await press(key(screen, /^(focus|next block)$/), `Tab to ${block.kind}`);
      expect(screen, `Tab focused the ${block.kind} block`).toContain(block.prompt.slice(0, 30));
      switch (block.kind) {
        case 'single':
          // B) SYN: the second key of the first "choose" group.
          screen = await press(key(screen, 'choose', 1), 'choose B');
          break;
        case 'multi': {
          // A) SYN and B) ACK: the toggle group with one key per choice.
          const g = groups(need(screen, 'toggle')).find((x) => x.length >= 3)!;
          screen = await press(bytes(g[0]), 'toggle A');
          screen = await press(bytes(g[1]), 'toggle B');
          break;
        }
        case 'truefalse':
          // false: the second of the two choices.
          expect(groups(need(screen, 'choose'))[0]).toHaveLength(2);
          screen = await press(key(screen, 'choose', 1), 'choose false');
          break;
        case 'diagram': {
          // Nothing to answer: step it once with its step key, then on to the next block.
          const stepOf = (x: string) => Number(/step (\d+)\/\d+/.exec(x)?.[1]);
          const before = stepOf(screen);
          screen = await press(key(screen, 'step'), 'step');
          expect(stepOf(screen)).toBe(before + 1);
          continue;
        }
        case 'numeric':
          need(screen, 'answer');
          await typeText('101', block.prompt);
          break;
        case 'text':
          need(screen, 'answer');
          await typeText('SYN-RECEIVED', block.prompt);
          break;
        case 'order': {
          // Read the order shown, then sort it with the footer's move and pick up/drop keys.
          const box = boxOf(screen, block.prompt);
          const order = [...box.matchAll(/\d\. (\S+)/g)].map((m) => m[1]);
          expect(order.slice().sort()).toEqual(['ACK', 'SYN', 'SYN,ACK']);
          const up = key(screen, 'move', 0);
          const down = key(screen, 'move', 1);
          const pick = key(screen, 'pick up/drop');
          const want = ['SYN', 'SYN,ACK', 'ACK'];
          let cur = 0;
          for (let t = 0; t < want.length; t++) {
            const from = order.indexOf(want[t]);
            while (cur < from) (screen = await press(down, 'down'), cur++);
            while (cur > from) (screen = await press(up, 'up'), cur--);
            if (from === t) continue;
            screen = await press(pick, 'pick up');
            while (cur > t) {
              screen = await press(up, 'up');
              [order[cur - 1], order[cur]] = [order[cur], order[cur - 1]];
              cur--;
            }
            screen = await press(pick, 'drop');
          }
          expect(order).toEqual(want);
          break;
        }
        case 'recall':
          // Notes, reveal, then the grade keys the footer shows next (Good: the third).
          await typeText('ISNs', block.prompt);
          screen = await press(key(screen, 'reveal'), 'reveal');
          screen = await press(key(screen, /grade/, 2), 'grade Good');
          break;
      }
      if (block.kind !== 'recall') screen = await press(key(screen, 'answer'), 'answer');
      expect(boxOf(screen, block.prompt), `${block.kind} graded`).toContain('✓ Correct');
      answered.push(block.kind);
    }
    expect(answered.sort()).toEqual(['multi', 'numeric', 'order', 'recall', 'single', 'text', 'truefalse']);

    // Leave the quiz and read to the end a page at a time with the page key the footer shows.
    screen = await press(key(screen, 'unfocus'), 'Esc');
    for (let i = 0; i < 20 && !/ 100%$/m.test(screen); i++) screen = await press(key(screen, 'page', 1), 'page down');
    expect(screen).toMatch(/ 100%$/m);

    // Back to the list: the lesson is marked done.
    screen = await press('q', 'q');
    screen = await s.waitFor((x) => x.includes('synack › Lessons'), 'the lesson list');
    expect(screen).toMatch(/✓.*Every quiz type/);
    s.send('q');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(terminalRestored(s.raw())).toBe(true);

    // The progress file says so, in the course's own namespace (a --lessons course is kept apart
    // from the bundled one): done, every question answered, first attempts right.
    const saved = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
    expect(saved.lessons?.['every-quiz'], 'not in the bundled course').toBeUndefined();
    const courses = Object.entries((saved.courses ?? {}) as Record<string, { lessons: Record<string, unknown> }>).filter(([, c]) => c.lessons?.['every-quiz']);
    expect(courses.map(([root]) => realpathSync(root))).toEqual([realpathSync(DIR)]);
    const entry = courses[0][1].lessons['every-quiz'] as { done: boolean; answers: Record<string, { correct: boolean }> };
    expect(entry.done).toBe(true);
    expect(Object.keys(entry.answers).sort()).toEqual(['q-multi', 'q-numeric', 'q-order', 'q-recall', 'q-single', 'q-text', 'q-truefalse'].map((q) => `every-quiz/${q}`));
    for (const [id, a] of Object.entries(entry.answers)) expect(a.correct, id).toBe(true);
  }, 90_000);
});
