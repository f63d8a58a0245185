/**
 * The sequence-diagram renderer (pure). See render.ts for the API and its options.
 *   render / renderStyled / renderWindow / renderWindowStyled / eventRow   (ASCII / Unicode)
 *   toMermaid                                                               (Mermaid sequenceDiagram)
 *   DIAGRAM_STRINGS                                                         (every user-facing word)
 */
export { render, renderStyled, renderWindow, renderWindowStyled, eventRow, MIN_WIDTH, type RenderOptions, type Transit, type StyledLine, type StyledRun, type DiagramWindow, type Role } from './render.js';
export { bandAt, BAND_MIN, DEFAULT_MAX_ROWS, type Band, type BandOptions } from './layout.js';
export { toMermaid, type MermaidOptions } from './mermaid.js';
export { DIAGRAM_STRINGS, SHORT_STATE } from './strings.js';
export { fullLabel, shortLabel, legendLine, type SeqMode } from './labels.js';
