/**
 * Hover: on a finding, what and why (its message), the references and the rule's documentation, with a
 * preview of the suggested clause; on a defined term, its definition.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisDetails } from '../engine/analyze.js';
import { findDefinitions, type Definition } from '../engine/definitions.js';
import { loadRuleData, referencesOf } from '../engine/rule-data.js';
import type { Finding, Span, TopicId } from '../engine/types.js';
import { rangeOf } from './diagnostics.js';
import { rules } from './rules.js';
import { t, type UiLanguage } from './strings.js';

type Doc = Pick<TextDocument, 'positionAt'>;

/** Definitions and the patterns that find their uses, worked out once per analysed version. */
export interface TermIndex { definitions: Definition[]; patterns: { def: Definition; re: RegExp }[] }

const cache = new WeakMap<AnalysisDetails, TermIndex>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

export function termIndex(result: AnalysisDetails): TermIndex {
  let index = cache.get(result);
  if (!index) {
    const definitions = findDefinitions(result.model);
    const best = new Map<string, Definition>();
    // A term defined with words ("X" means …) beats one only named in parentheses.
    for (const d of definitions) {
      const prior = best.get(d.term);
      if (!prior || (!prior.meaning.trim() && d.meaning.trim())) best.set(d.term, d);
    }
    const patterns = [...best.values()]
      .sort((a, b) => b.term.length - a.term.length)
      .map((def) => ({ def, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(def.term)}(?:s|'s|’s)?(?![\\p{L}\\p{N}])`, 'gu') }));
    index = { definitions, patterns };
    cache.set(result, index);
  }
  return index;
}

/** The defined term whose use (or definition) covers the offset, with the span of that use. */
export function termAt(result: AnalysisDetails, offset: number): { def: Definition; span: Span } | undefined {
  const { lines, text } = result.model;
  const line = lines.lineOf(offset);
  const lineStart = lines.lineStart(line);
  const lineText = text.slice(lineStart, lines.lineEnd(line));
  for (const { def, re } of termIndex(result).patterns) {
    re.lastIndex = 0;
    for (const m of lineText.matchAll(re)) {
      const start = lineStart + m.index!;
      if (start <= offset && offset <= start + m[0].length) return { def, span: { start, end: start + m[0].length } };
    }
  }
  return undefined;
}

function firstSentence(s: string): string {
  const flat = s.replace(/<!--[\s\S]*?-->/g, ' ').replace(/\s+/g, ' ').trim();
  const end = /[.;](?=\s|$)/.exec(flat);
  const cut = end ? flat.slice(0, end.index + 1) : flat;
  return cut.length > 400 ? cut.slice(0, 400) + '…' : cut;
}

function definitionText(result: AnalysisDetails, def: Definition): string {
  if (def.meaning.trim()) return firstSentence(def.meaning.split(/\n\s*\n/)[0]);
  // Named in parentheses ("… (the "Provider")"): the sentence that names it.
  const block = result.model.blocks.find((b) => b.span.start <= def.span.start && def.span.start < b.span.end);
  if (!block) return '';
  const flat = block.text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? flat.slice(0, 400) + '…' : flat;
}

/**
 * Text as Markdown that shows it as written: a finding's message can quote a configuration's own
 * message, and a definition is the document's text, so neither may bring links, images or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>!#|~&]/g, '\\$&');
}

/** The details as Markdown: each line a paragraph, "- " lines a list. */
function detailsMarkdown(details: string): string {
  return details.split('\n').map((line) => (line.startsWith('- ') ? `- ${escapeMarkdown(line.slice(2))}` : `${escapeMarkdown(line)}\n`)).join('\n').trim();
}

function findingMarkdown(f: Finding, lang: UiLanguage, docLang: 'en' | 'nl'): string {
  const info = rules(lang).get(f.ruleId);
  const topic = f.topic ? loadRuleData().topics.get(f.topic as TopicId) : undefined;
  const name = topic ? topic.name[docLang] : info?.name ?? f.ruleId;
  const parts = [`**${name}** · \`${f.ruleId}\` (${f.severity})`, '', escapeMarkdown(f.message)];
  // Why it matters (the references) and how to fix it: the details, in the contract's language.
  if (f.details) parts.push('', detailsMarkdown(f.details));
  else if (topic?.references.length) parts.push('', `**${t(lang, 'references')}:** ${referencesOf(topic, docLang).join('; ')}`);
  const preview = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
  const inserted = preview?.edits.map((e) => e.text.trim()).filter(Boolean).join('\n\n');
  if (inserted) parts.push('', `**${t(lang, 'suggested')}:**`, '', '```markdown', inserted.replace(/```/g, "'''"), '```');
  if (info?.docsUrl) parts.push('', `[${t(lang, 'docs')}](${info.docsUrl})`);
  return parts.join('\n');
}

export function hover(doc: Doc, result: AnalysisDetails, offset: number, lang: UiLanguage): Hover | null {
  const findings = result.findings.filter((f) => f.span.start <= offset && (offset < f.span.end || f.span.start === f.span.end));
  const sections: string[] = findings.map((f) => findingMarkdown(f, lang, result.language));
  let span: Span | undefined = findings.length ? { start: Math.max(...findings.map((f) => f.span.start)), end: Math.min(...findings.map((f) => f.span.end)) } : undefined;
  const term = termAt(result, offset);
  if (term) {
    const line = result.model.lines.position(term.def.span.start).line;
    sections.push(`**“${escapeMarkdown(term.def.term)}”** — ${t(lang, 'definedTerm')}, ${t(lang, 'definedOn', { line })}\n\n${escapeMarkdown(definitionText(result, term.def))}`);
    span ??= term.span;
  }
  if (!sections.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(span && span.end >= span.start && { range: rangeOf(doc, span) }) };
}
