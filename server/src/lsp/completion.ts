/**
 * Completion of catalogue clauses: typing `/clause` at the start of a paragraph offers the clauses of the
 * catalogue in the contract's language as snippets. Numbers (hours, months, amounts) are tab stops with the
 * catalogue's value as default; the parties are the contract's own. The item replaces the `/clause` text.
 * Type-fitting clauses come first, and within a topic the playbook's and the preferred variant.
 */
import { citation } from '../engine/citations.js';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisDetails } from '../engine/analyze.js';
import { builtInCatalogue, fillClause, formatNumber, type CatalogueClause } from '../engine/catalogue.js';
import type { Language } from '../engine/types.js';
import type { ClauseChoice } from './protocol.js';
import type { UiLanguage } from './strings.js';
import { escapeMarkdown } from './hover.js';
import { variantWord, word } from '../engine/words.js';

export const CLAUSE_TRIGGER = '/clause';
export const COMPLETION_TRIGGER_CHARACTERS = ['/'];

/** `/`, `/c`, … `/clause`, optionally followed by words to filter on, after indentation or quote markers. */
const TRIGGER_RE = /^([ \t]*(?:>[ \t]?)*)(\/[A-Za-z]*)((?:[ \t][ \t\S]*)?)$/;

/** Snippet syntax: `$`, `}` and `\` are literal only when escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * The clause as a snippet: every numeric parameter becomes a tab stop `${n:value}` (the same parameter,
 * wherever it recurs, is the same tab stop), parties filled in as fillClause does (capitals included).
 */
export function clauseSnippet(clause: CatalogueClause, lang: Language, parties: { supplier: string; customer: string }): string {
  const params = Object.keys(clause.parameters ?? {});
  const mark = (i: number) => `\u0000${i}\u0000`;
  const text = { ...clause.text, [lang]: params.reduce((t, key, i) => t.replace(new RegExp(`\\{\\{${key}\\}\\}`, 'g'), mark(i)), clause.text[lang]) };
  const filled = fillClause({ ...clause, text, parameters: {} }, lang, parties);
  let stop = 0;
  const stops = new Map<number, number>();
  return escapeSnippet(filled).replace(/\u0000(\d+)\u0000/g, (_, i: string) => {
    const index = Number(i);
    if (!stops.has(index)) stops.set(index, ++stop);
    return `\${${stops.get(index)}:${escapeSnippet(formatNumber(clause.parameters![params[index]], lang))}}`;
  }) + '$0';
}

/** The `/clause` text the cursor is in, when it stands at the start of a paragraph. */
export function triggerAt(doc: TextDocument, position: Position, result: AnalysisDetails): { start: number; end: number; filter: string } | undefined {
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const cursor = doc.offsetAt(position);
  const m = TRIGGER_RE.exec(doc.getText().slice(lineStart, cursor));
  if (!m) return undefined;
  const word = m[2].toLowerCase();
  if (!(CLAUSE_TRIGGER.startsWith(word) || (word === CLAUSE_TRIGGER))) return undefined;
  if (m[3] && word !== CLAUSE_TRIGGER) return undefined;
  const fm = result.model.frontMatter;
  if (fm && cursor >= fm.span.start && cursor <= fm.span.end) return undefined;
  if (result.model.protectedSpans.some((s) => cursor > s.start && cursor < s.end)) return undefined;
  // The start of a paragraph: the first line, or after a blank line or a heading.
  if (position.line > 0) {
    const previous = doc.getText({ start: { line: position.line - 1, character: 0 }, end: { line: position.line, character: 0 } });
    if (!/^[ \t]*(?:>[ \t]?)*(?:#{1,6}\s.*)?\r?\n?$/.test(previous)) return undefined;
  }
  return { start: lineStart + m[1].length, end: cursor, filter: m[3].trim() };
}

/**
 * Every clause of the catalogue (the playbook's first) for this contract, in the order a drafter wants
 * them: clauses that fit the contract type first, then by topic, then playbook, preferred, other variant.
 */
export function clauseChoices(result: AnalysisDetails, ui: UiLanguage): ClauseChoice[] {
  const lang = result.language;
  const { type, parties } = result;
  const all = [...(result.fixContext.playbook ?? []), ...builtInCatalogue()];
  const topics = [...new Set(all.map((c) => c.topic))];
  const choices = all.map((clause, i): ClauseChoice => {
    const fits = !clause.types?.length || clause.types.includes(type);
    const rank = clause.source === 'playbook' ? 0 : clause.preferred ? 1 : 2;
    return {
      id: clause.id,
      topic: clause.topic,
      status: result.topics[clause.topic]?.status ?? 'not-applicable',
      heading: clause.heading[lang],
      title: clause.title[lang],
      variant: word(ui, variantWord(clause)) + (clause.preferred ? ` · ${word(ui, 'preferred')}` : ''),
      fits,
      preferred: fits && rank === 1,
      references: clause.references.map((r) => citation(r, lang)),
      preview: fillClause(clause, lang, parties),
      snippet: clauseSnippet(clause, lang, parties),
      sortText: `${fits ? 0 : 1}-${String(topics.indexOf(clause.topic)).padStart(3, '0')}-${rank}-${String(i).padStart(4, '0')}`,
    };
  });
  return choices.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

export function clauseCompletions(doc: TextDocument, position: Position, result: AnalysisDetails, ui: UiLanguage): CompletionItem[] | null {
  const at = triggerAt(doc, position, result);
  if (!at) return null;
  const range = { start: doc.positionAt(at.start), end: doc.positionAt(at.end) };
  const choices = clauseChoices(result, ui);
  const preselected = choices.findIndex((c) => c.preferred);
  return choices.map((choice, i): CompletionItem => ({
    label: `${CLAUSE_TRIGGER} ${choice.heading}: ${choice.title}`,
    labelDetails: { description: choice.variant },
    kind: CompletionItemKind.Snippet,
    detail: choice.heading,
    documentation: {
      kind: MarkupKind.Markdown,
      // A playbook's clauses come from the workspace: their words are shown as text, not as Markdown.
      value: `**${escapeMarkdown(choice.title)}**\n\n${escapeMarkdown(choice.preview)}${choice.references.length ? `\n\n_${escapeMarkdown(choice.references.join('; '))}_` : ''}`,
    },
    filterText: `${CLAUSE_TRIGGER} ${choice.heading} ${choice.title} ${choice.topic} ${choice.variant}`,
    sortText: choice.sortText,
    preselect: i === preselected ? true : undefined,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: choice.snippet },
    data: { clause: choice.id },
  }));
}
