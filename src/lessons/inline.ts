/**
 * marked inline tokens -> Inline[] (text, strong, em, code, link, br). HTML entities in text are
 * decoded; soft line breaks become spaces (the reader reflows paragraphs). Pure.
 */
import { Lexer, type Token } from 'marked';
import type { Inline } from './types.js';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  times: '\u00d7',
  divide: '\u00f7',
  plusmn: '\u00b1',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  harr: '\u2194',
  lArr: '\u21d0',
  rArr: '\u21d2',
  hArr: '\u21d4',
  middot: '\u00b7',
  bull: '\u2022',
  deg: '\u00b0',
  micro: '\u00b5',
  sect: '\u00a7',
  para: '\u00b6',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  shy: '\u00ad',
  zwj: '\u200d',
  zwnj: '\u200c',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  check: '\u2713',
  cross: '\u2717',
  infin: '\u221e',
  asymp: '\u2248',
  equiv: '\u2261',
  sum: '\u2211',
  minus: '\u2212',
};

/** Decode HTML character references (numeric, and the common named ones). Unknown names stay. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(n) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(n);
    }
    return NAMED[body] ?? whole;
  });
}

/** Soft line breaks (a newline with the spaces around it) become one '\n', resolved by resolveSoftBreaks. */
function softBreaks(s: string): string {
  return s.includes('\n') ? s.replace(/[ \t]*\n[ \t]*/g, '\n') : s;
}

/** A wide (CJK) character or CJK/full-width punctuation: Chinese text has no spaces between words. */
const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** CJK and full-width punctuation carries its own spacing: a break next to it never adds a space. */
const WIDE_PUNCT = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/**
 * Each soft line break left by softBreaks becomes one space, except between two CJK characters
 * or next to CJK/full-width punctuation, where it joins them: a lesson's source wraps Chinese
 * paragraphs anywhere, and a space there is not a word boundary (CSS Text 3, segment break
 * transformation; full-width punctuation already carries its spacing). The
 * characters on either side may sit in neighbouring inlines (`叫作\n**半开连接**`).
 */
function resolveSoftBreaks(inlines: Inline[]): Inline[] {
  const leaves: { text: string }[] = [];
  const visit = (xs: Inline[]) => {
    for (const x of xs) {
      if (x.type === 'text' || x.type === 'code') leaves.push(x);
      else if (x.type === 'br') leaves.push({ text: '' });
      else visit(x.children);
    }
  };
  visit(inlines);
  if (!leaves.some((l) => l.text.includes('\n'))) return inlines;
  const joins = (a: string, b: string): boolean => (WIDE_CHAR.test(a) && WIDE_CHAR.test(b)) || WIDE_PUNCT.test(a) || WIDE_PUNCT.test(b);
  // One pass back to find, for each leaf, the first character shown after it; one pass forward to
  // rewrite the breaks (linear in the text, whatever the number of breaks: lessons can be hostile).
  const firstAfter: string[] = new Array<string>(leaves.length).fill('');
  let next = '';
  for (let i = leaves.length - 1; i >= 0; i--) {
    firstAfter[i] = next;
    const own = leaves[i].text.replace(/\n/g, '');
    if (own !== '') next = own[0];
  }
  let prev = '';
  leaves.forEach((leaf, i) => {
    if (!leaf.text.includes('\n')) {
      if (leaf.text !== '') prev = leaf.text.slice(-1);
      return;
    }
    const parts = leaf.text.split('\n');
    const nextOf: string[] = new Array<string>(parts.length).fill('');
    let n = firstAfter[i];
    for (let k = parts.length - 1; k >= 0; k--) {
      nextOf[k] = n;
      if (parts[k] !== '') n = parts[k][0];
    }
    let out = parts[0];
    if (parts[0] !== '') prev = parts[0].slice(-1);
    for (let k = 1; k < parts.length; k++) {
      const after = parts[k] !== '' ? parts[k][0] : nextOf[k];
      out += (joins(prev, after) ? '' : ' ') + parts[k];
      if (parts[k] !== '') prev = parts[k].slice(-1);
    }
    leaf.text = out;
  });
  return inlines;
}

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

type AnyToken = Token & { tokens?: Token[]; text?: string; raw: string };

/** Convert inline tokens. */
export function toInlines(tokens: readonly Token[] | undefined): Inline[] {
  return resolveSoftBreaks(buildInlines(tokens));
}

function buildInlines(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const t of (tokens ?? []) as AnyToken[]) {
    switch (t.type) {
      case 'text':
        // Block-level text (tight list items) nests inline tokens; inline text carries the source in raw.
        if (t.tokens && t.tokens.length > 0) {
          for (const i of buildInlines(t.tokens)) {
            if (i.type === 'text') pushText(out, i.text);
            else out.push(i);
          }
        } else pushText(out, softBreaks(decodeEntities(t.raw)));
        break;
      case 'escape':
        pushText(out, t.text ?? '');
        break;
      case 'strong':
        out.push({ type: 'strong', children: buildInlines(t.tokens) });
        break;
      case 'em':
        out.push({ type: 'em', children: buildInlines(t.tokens) });
        break;
      case 'del':
        for (const i of buildInlines(t.tokens)) {
          if (i.type === 'text') pushText(out, i.text);
          else out.push(i);
        }
        break;
      case 'codespan':
        out.push({ type: 'code', text: t.text ?? '' });
        break;
      case 'link':
      case 'image': {
        const href = (t as unknown as { href: string }).href;
        const children = buildInlines(t.tokens);
        out.push({ type: 'link', href, children: children.length > 0 ? children : [{ type: 'text', text: href }] });
        break;
      }
      case 'br':
        out.push({ type: 'br' });
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(t.raw)) out.push({ type: 'br' });
        else pushText(out, t.raw);
        break;
      case 'checkbox':
        pushText(out, (t as unknown as { checked: boolean }).checked ? '[x] ' : '[ ] ');
        break;
      default:
        pushText(out, softBreaks(decodeEntities(t.raw)));
    }
  }
  return out;
}

/** Lex and convert a one-off inline string (used when a GFM alert marker must be cut off). */
export function lexInlines(src: string): Inline[] {
  return toInlines(Lexer.lexInline(src));
}
