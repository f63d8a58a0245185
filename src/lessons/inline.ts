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

/** Soft line breaks (a newline with the spaces around it) become one space. */
function softBreaks(s: string): string {
  return s.includes('\n') ? s.replace(/[ \t]*\n[ \t]*/g, ' ') : s;
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
  const out: Inline[] = [];
  for (const t of (tokens ?? []) as AnyToken[]) {
    switch (t.type) {
      case 'text':
        // Block-level text (tight list items) nests inline tokens; inline text carries the source in raw.
        if (t.tokens && t.tokens.length > 0) {
          for (const i of toInlines(t.tokens)) {
            if (i.type === 'text') pushText(out, i.text);
            else out.push(i);
          }
        } else pushText(out, softBreaks(decodeEntities(t.raw)));
        break;
      case 'escape':
        pushText(out, t.text ?? '');
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInlines(t.tokens) });
        break;
      case 'em':
        out.push({ type: 'em', children: toInlines(t.tokens) });
        break;
      case 'del':
        for (const i of toInlines(t.tokens)) {
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
        const children = toInlines(t.tokens);
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
