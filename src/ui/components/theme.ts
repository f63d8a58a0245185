/** Glyphs and colours, switched by --ascii and the terminal's colour support. */
export interface Glyphs {
  h: string;
  v: string;
  tl: string;
  tr: string;
  bl: string;
  br: string;
  bullet: string;
  pointer: string;
  sep: string;
  barFull: string;
  barEmpty: string;
  ellipsis: string;
  done: string;
  started: string;
  none: string;
  check: string;
  cross: string;
  arrowR: string;
  quoteBar: string;
}

export const UNICODE: Glyphs = {
  h: '─',
  v: '│',
  tl: '┌',
  tr: '┐',
  bl: '└',
  br: '┘',
  bullet: '•',
  pointer: '›',
  sep: '›',
  barFull: '█',
  barEmpty: '░',
  ellipsis: '…',
  done: '✓',
  started: '◐',
  none: '·',
  check: '✓',
  cross: '✗',
  arrowR: '→',
  quoteBar: '│',
};

export const ASCII: Glyphs = {
  h: '-',
  v: '|',
  tl: '+',
  tr: '+',
  bl: '+',
  br: '+',
  bullet: '*',
  pointer: '>',
  sep: '>',
  barFull: '#',
  barEmpty: '.',
  ellipsis: '...',
  done: '+',
  started: '~',
  none: '.',
  check: 'v',
  cross: 'x',
  arrowR: '->',
  quoteBar: '|',
};

export function glyphs(ascii: boolean): Glyphs {
  return ascii ? ASCII : UNICODE;
}

/** Ink `borderStyle` for a Box. */
export function borderStyle(ascii: boolean): 'single' | 'classic' {
  return ascii ? 'classic' : 'single';
}

/** A colour name only when colour is on (so NO_COLOR gives plain text). */
export function col(color: boolean, name: string): string | undefined {
  return color ? name : undefined;
}

/** With --ascii, the arrow keys a footer or help line names (↑ ↓ ← →) become Up Down Left Right,
 *  as the player's keys do. */
export function asciiArrows(s: string, ascii: boolean): string {
  if (!ascii) return s;
  return s.replace(/↑/g, 'Up').replace(/↓/g, 'Down').replace(/←/g, 'Left').replace(/→/g, 'Right');
}

/** With --ascii, the arrow of a "more above/below" marker becomes ^ or v. */
export function asciiMarker(s: string, ascii: boolean): string {
  if (!ascii) return s;
  return s.replace(/↑/g, '^').replace(/↓/g, 'v');
}
