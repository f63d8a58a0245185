import { describe, it, expect } from 'vitest';
import { splitFrontMatter, readMeta } from '../../src/lessons/frontmatter.js';

const GOOD = `---
id: three-way-handshake
title: The three-way handshake
order: 8
summary: How two hosts agree on initial sequence numbers.
objectives:
  - Name the three segments
topics: [handshake]
minutes: 12
prerequisites: [tcp-header]
---
# Body
`;

describe('splitFrontMatter', () => {
  it('splits YAML and body with their first lines', () => {
    const r = splitFrontMatter(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.split.yamlLine).toBe(2);
    expect(r.split.bodyLine).toBe(12);
    expect(r.split.body).toBe('# Body\n');
    expect(r.split.yaml.startsWith('id: three-way-handshake\n')).toBe(true);
  });

  it('accepts a BOM, CRLF and a closing "..."', () => {
    const r = splitFrontMatter('\uFEFF---\r\nid: x\r\n...\r\nbody');
    expect(r).toEqual({ ok: true, split: { yaml: 'id: x\r\n', yamlLine: 2, body: 'body', bodyLine: 4 } });
  });

  it('a file that ends right after the closing line has an empty body', () => {
    expect(splitFrontMatter('---\nid: x\n---')).toEqual({ ok: true, split: { yaml: 'id: x\n', yamlLine: 2, body: '', bodyLine: 4 } });
  });

  it('reports a missing or unclosed front matter at 1:1', () => {
    expect(splitFrontMatter('# no front matter\n')).toMatchObject({ ok: false, line: 1, col: 1 });
    expect(splitFrontMatter('---\nid: x\n')).toMatchObject({ ok: false, line: 1, col: 1 });
  });
});

describe('readMeta', () => {
  it('validates and returns the meta with field positions', () => {
    const r = readMeta(GOOD, 'f.md');
    expect(r.problems).toEqual([]);
    expect(r.meta).toEqual({
      id: 'three-way-handshake',
      title: 'The three-way handshake',
      order: 8,
      summary: 'How two hosts agree on initial sequence numbers.',
      objectives: ['Name the three segments'],
      topics: ['handshake'],
      minutes: 12,
      prerequisites: ['tcp-header'],
    });
    expect(r.positions).toEqual({
      id: { line: 2, col: 5 },
      order: { line: 4, col: 8 },
      prerequisites: [{ line: 10, col: 17 }],
      topics: { line: 8, col: 9 },
      minutes: { line: 9, col: 10 },
      prerequisitesField: { line: 10, col: 16 },
    });
  });

  it('prerequisites default to []', () => {
    expect(readMeta(GOOD.replace('prerequisites: [tcp-header]\n', ''), 'f.md').meta!.prerequisites).toEqual([]);
  });

  const bad: [string, string, string][] = [
    ['id not kebab', 'id: Three_Way', "2:5: 'id' must be kebab-case (lower-case letters, digits and '-'), got 'Three_Way'"],
    ['order not integer', 'order: 8.5', "4:8: 'order' must be a whole number"],
    ['order as text', 'order: eight', "4:8: 'order' must be a number"],
    ['minutes too big', 'minutes: 61', "9:10: 'minutes' must be at most 60"],
    ['minutes zero', 'minutes: 0', "9:10: 'minutes' must be at least 1"],
    ['objectives empty', 'objectives: []', "6:13: 'objectives' must not be empty"],
    ['unknown topic', 'topics: [handshake, bgp]', "8:21: unknown topic 'bgp'"],
    ['title empty', 'title: ""', "3:8: 'title' must not be empty"],
    ['unknown field', 'level: hard', "11:1: unknown field 'level'"],
    ['misspelled field', 'prerequisite: [tcp-header]', "11:1: unknown field 'prerequisite' (did you mean 'prerequisites'?)"],
    ['bad prerequisite id', 'prerequisites: [TCP header]', "10:17: 'prerequisites[0]' must be kebab-case (lower-case letters, digits and '-'), got 'TCP header'"],
  ];
  for (const [name, line, want] of bad) {
    it(name, () => {
      const key = line.split(':')[0]!;
      const lines = GOOD.split('\n');
      const i = lines.findIndex((l) => l.startsWith(key + ':'));
      let text: string;
      if (i >= 0) {
        // replace the field (and a block list under it)
        let j = i + 1;
        while (lines[j]!.startsWith('  ')) j++;
        text = [...lines.slice(0, i), line, ...lines.slice(j)].join('\n');
      } else text = GOOD.replace('prerequisites: [tcp-header]\n', `prerequisites: [tcp-header]\n${line}\n`);
      const r = readMeta(text, 'f.md');
      expect(r.meta).toBeUndefined();
      expect(r.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([want]);
    });
  }

  it('missing field, empty front matter, non-mapping, YAML error', () => {
    const show = (t: string) => readMeta(t, 'f.md').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
    expect(show(GOOD.replace('summary: How two hosts agree on initial sequence numbers.\n', ''))).toEqual(["2:1: missing field 'summary'"]);
    expect(show('---\n---\n')).toEqual(['1:1: the front matter is empty']);
    expect(show('---\n- a\n---\n')).toEqual(['2:1: the front matter must be a YAML mapping (key: value lines)']);
    expect(show('---\nid: x\nid: y\n---\n')).toEqual(['3:1: YAML syntax error: Map keys must be unique']);
  });
});
