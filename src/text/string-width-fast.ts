/**
 * string-width with a fast path for the strings a terminal frame is made of. Ink measures every
 * character it writes with string-width; string-width's first non-ASCII call compiles
 * `/^\p{RGI_Emoji}$/v`, about 30 ms of the first frame (and more on a loaded machine), for box
 * drawing and arrows whose width is simply their East Asian Width.
 *
 * For a string of one code point the answer is exactly string-width's (checked against it for
 * every code point from U+0000 to U+10FFFF; test/text/string-width-fast.test.ts keeps a sample and
 * `SYNACK_WIDTH_EXHAUSTIVE=1` reruns the whole range):
 *   - printable ASCII: its length;
 *   - an invisible code point (default-ignorable, control, format, non-spacing or enclosing mark,
 *     lone surrogate): 0;
 *   - a code point with Emoji_Presentation (for one code point that is what \p{RGI_Emoji} matches,
 *     except the regional indicators, which only pair into flags): 2;
 *   - anything else: its East Asian Width with ambiguous as narrow (string-width's default).
 * A string of several code points none of which can join a neighbour into one grapheme (no marks,
 * joiners, variation selectors, jamo, regional indicators, emoji modifiers) is the sum of its code
 * points (the segmenter decides, as in string-width; fuzzed against string-width in the test).
 * Escape sequences are stripped first, with string-width's own strip-ansi. Everything else (options,
 * joining sequences) goes to string-width itself.
 * The bundle (scripts/build.mjs) points Ink's `string-width` import here. Pure.
 */
import stringWidthExact from 'string-width';
import stripAnsi from 'strip-ansi';
import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code points that may join the one before or after them into one grapheme (so a string containing
 * one must be segmented): marks and format characters (INVISIBLE), spacing marks, Hangul jamo,
 * regional indicators, emoji modifiers, the halfwidth katakana sound marks, the Prepend letters of
 * Unicode 15 (a quick filter: the segmenter below decides).
 */
const JOINS = /[\p{Spacing_Mark}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uff9e\uff9f\u0d4e\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;

type Options = Parameters<typeof stringWidthExact>[1];

/** Width of one code point that is its own grapheme (see the module comment). */
function codePointWidth(cp: number, s: string): number {
  if (INVISIBLE.test(s)) return 0;
  if (EMOJI_PRESENTATION.test(s)) return 2;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

export default function stringWidth(input: string, options?: Options): number {
  if (options !== undefined || typeof input !== 'string') return stringWidthExact(input, options);
  // Escape sequences measure nothing: string-width strips them first with the same strip-ansi. A
  // string that still has one after that goes to string-width whole (it strips only once).
  if (input.includes('\u001B') || input.includes('\u009B')) {
    const plain = stripAnsi(input);
    if (plain.includes('\u001B') || plain.includes('\u009B')) return stringWidthExact(input);
    input = plain;
  }
  if (PRINTABLE_ASCII.test(input)) return input.length;
  const cp = input.codePointAt(0) as number;
  if (input.length === (cp > 0xffff ? 2 : 1)) {
    // One code point: exact unless it is a regional indicator (a flag needs two).
    return cp >= 0x1f1e6 && cp <= 0x1f1ff ? stringWidthExact(input) : codePointWidth(cp, input);
  }
  // Several code points: when none can join its neighbours, every code point is a grapheme of
  // its own and the width is the sum; otherwise string-width. The regex rules out the common
  // joiners cheaply; the segmenter (the one string-width uses) has the final word.
  if (INVISIBLE.test(input) || JOINS.test(input)) return stringWidthExact(input);
  let w = 0;
  for (const { segment } of segmenter.segment(input)) {
    const c = segment.codePointAt(0) as number;
    if (segment.length !== (c > 0xffff ? 2 : 1)) return stringWidthExact(input);
    w += c >= 0x20 && c <= 0x7e ? 1 : codePointWidth(c, segment);
  }
  return w;
}
