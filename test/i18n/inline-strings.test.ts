/**
 * No learner-facing string is built outside the catalogues (issue 13): a scanner over src/**\/*.ts(x)
 * (TypeScript's parser) flags every string or template literal that reads like words (Chinese
 * characters, or two Latin words in a row) in a file that is not a catalogue (strings.ts). Literals
 * that are not shown as prose are skipped by where they stand (imports, types, comparisons, case
 * labels, property names, index keys, JSX attributes); the rest must match ALLOWED (tokens of the
 * .tcp script language, Mermaid syntax, debug-only text) or sit in a file of NOT_PROSE, each with
 * its reason. A new inline sentence fails here: put it in the file's catalogue (en + zh-CN).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

/** Chinese characters, or two Latin words in a row (placeholders removed). */
function wordy(text: string): boolean {
  const t = text.replace(/\$\{\}/g, ' ');
  return /[\u3400-\u9fff]/.test(t) || /[A-Za-z]{2,}[ ,:;.()'"]+[A-Za-z]{2,}/.test(t);
}

/** Literals that are not prose, by what they look like, with the reason. */
const ALLOWED: { re: RegExp; why: string }[] = [
  { re: /^(client|server|client2|drop next|drop segment|option (isn|delay|listen|profile|seed)|wait \$\{\}m?s|server listen)\b/, why: 'lines of the .tcp script language (generated scripts, the playground)' },
  { re: /^ {2}(Note over|participant) /, why: 'Mermaid syntax' },
  { re: /^(SYN|FIN|RST|PSH),ACK$/, why: 'TCP flag tokens' },
  { re: /^synack: \$\{\}\n$/, why: 'the one error prefix around a catalogue message' },
  { re: /^try \{ require\('node:os'\)/, why: 'code run in the lessons worker' },
  { re: /^[\w.-]+\.(js|json|md|tcp)$/, why: 'file names' },
  { re: /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/, why: 'command ids of the binding table (src/ui/bindings.ts), never shown' },
  { re: /^(SND|RCV)\.(UNA|NXT)$/, why: 'RFC 9293 variable names, tokens as the panel shows them' },
  { re: /^(panel|cc|cc-short|phase|phase-short|timer|short|flag|short-flag):[\w.\${}-]*$/, why: 'legend token ids (src/ui/components/legend.ts), never shown' },
];

/**
 * Files whose remaining wordy literals are not learner prose, each with why: the scanner skips
 * them. Not a to-do list: every learner-facing string of these files is in a catalogue, and what is
 * left is a token, script syntax, a language's own name or an internal error (a bug, never shown
 * as a message to read). A file leaves this list when its last such literal goes.
 */
const NOT_PROSE: Record<string, string> = {
  'src/tcp/explain.ts': "ERR: RFC 9293's error names, stable tokens of AppEvent.error that trace --json consumers match on (like strerror)",
  'src/i18n/index.ts': "each language's own name (简体中文), and UnknownLangError's internal message (the args layer reports it from the CLI catalogue)",
  'src/quiz/generate.ts': 'generated .tcp scripts (option mss N, drop segment N) and internal errors thrown when a generated run is not as built (a bug)',
  'src/tcp/cc/controller.ts': 'an internal invariant error (a bug, reported as an internal error)',
  'src/tcp/cc/cubic.ts': 'an internal invariant error (a bug)',
  'src/ui/run.tsx': "the lessons worker's exit error: internal, never shown (the app keeps the lessons it has)",
};

function sourceFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && f.split(/[\\/]/).pop() !== 'strings.ts')
    .map((f) => relative(ROOT, join(SRC, f)).split('\\').join('/'))
    .sort();
}

const COMPARE = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** Where a literal stands when it is not text to show. */
function notShown(n: ts.Node): boolean {
  const p = n.parent;
  return (
    ts.isImportDeclaration(p) ||
    ts.isExportDeclaration(p) ||
    ts.isImportTypeNode(p.parent ?? p) ||
    ts.isLiteralTypeNode(p) ||
    (ts.isPropertyAssignment(p) && p.name === n) ||
    ts.isPropertySignature(p) ||
    (ts.isBinaryExpression(p) && COMPARE.has(p.operatorToken.kind)) ||
    ts.isCaseClause(p) ||
    ts.isElementAccessExpression(p) ||
    ts.isJsxAttribute(p) ||
    (ts.isCallExpression(p) && p.expression.kind === ts.SyntaxKind.ImportKeyword)
  );
}

/** Every wordy literal of a file: `file:line: "text"`. */
export function inlineWords(file: string, source: string): string[] {
  // JSDoc is not parsed (forEachChild never visits it; parsing it was a fifth of the scan).
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sf = ts.createSourceFile(file, source, options, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('${}');
    else if (ts.isJsxText(n)) text = n.text.trim() || null;
    if (text !== null && wordy(text) && !notShown(n) && !ALLOWED.some((a) => a.re.test(text!))) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${JSON.stringify(text)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('no learner-facing string outside the catalogues', () => {
  const files = sourceFiles();

  it('scans the whole source tree', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files).toContain('src/ui/quiz/ReportView.tsx');
  });

  it('finds an inline sentence (the scanner works)', () => {
    expect(inlineWords('x.ts', "const a = `in ${n} days`;\nconst b = '已建立';\nimport c from './c.js';\nif (k === 'two words') {}\n")).toEqual(['x.ts:1: "in ${} days"', 'x.ts:2: "已建立"']);
  });

  it('every other source file builds its words from a catalogue', () => {
    const found = files.filter((f) => !(f in NOT_PROSE)).flatMap((f) => inlineWords(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('every file of NOT_PROSE still has such literals (remove it once it has none)', () => {
    for (const f of Object.keys(NOT_PROSE)) {
      expect(files, f).toContain(f);
      expect(inlineWords(f, readFileSync(join(ROOT, f), 'utf8')).length, f).toBeGreaterThan(0);
    }
  });
});
