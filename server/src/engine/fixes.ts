/**
 * The fixes attached to findings, and `fixAll` for `clauselint --fix`: insert a catalogue clause where
 * a topic is missing, complete or replace a weak phrase, or switch the rule off for a line or the file.
 * Every fix is a list of edits that touch nothing outside their own range.
 */
import { clausesFor, fillClause, type CatalogueClause } from './catalogue.js';
import { insertionText, lineBreak, placeClause, type Placement } from './placement.js';
import { loadRuleData } from './rule-data.js';
import type { DocumentModel } from './markdown.js';
import type { ContractType, Finding, Fix, Language, TextEdit, TopicId } from './types.js';

export interface FixContext {
  model: DocumentModel;
  language: Language;
  /** The language of the fixes' titles: the editor's, which may differ from the contract's. */
  uiLanguage: Language;
  type: ContractType;
  parties: { supplier: string; customer: string };
  playbook?: CatalogueClause[];
}

const LABELS = {
  insert: { en: 'Insert clause: {title}', nl: 'Bepaling invoegen: {title}' },
  replace: { en: 'Replace with “{text}”', nl: 'Vervangen door “{text}”' },
  line: { en: 'Disable {rule} for this line', nl: 'Schakel {rule} uit voor deze regel' },
  block: { en: 'Disable {rule} for this paragraph', nl: 'Schakel {rule} uit voor deze alinea' },
  file: { en: 'Disable {rule} for this file', nl: 'Schakel {rule} uit voor dit bestand' },
};

function label(kind: keyof typeof LABELS, lang: Language, values: Record<string, string>): string {
  return LABELS[kind][lang].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** The blocks of text that put `clause` at `placement`: a numbered paragraph, or a new article. */
function clauseBlocks(ctx: FixContext, clause: CatalogueClause, placement: Placement, extra: number): string[] {
  const text = fillClause(clause, ctx.language, ctx.parties);
  if (placement.section) return [`${bump(placement.paragraphNumber, extra)}${text}`];
  return [placement.headingLine!(clause.heading[ctx.language], extra), text];
}

function bump(number: string | undefined, extra: number): string {
  if (!number || !extra) return number ?? '';
  return number.replace(/(\d+)(\.?\s)$/, (_, n: string, rest: string) => `${Number(n) + extra}${rest}`);
}

export function insertClauseFixes(ctx: FixContext, topic: TopicId): Fix[] {
  const rule = loadRuleData().topics.get(topic)!;
  const placement = placeClause(ctx.model, rule, ctx.language);
  return clausesFor(topic, ctx.type, ctx.playbook).map((clause, i) => ({
    title: label('insert', ctx.uiLanguage, { title: clause.title[ctx.uiLanguage] }),
    kind: 'insert-clause' as const,
    preferred: i === 0,
    edits: [insertionText(ctx.model, placement, clauseBlocks(ctx, clause, placement, 0))],
  }));
}

export function replaceFix(ctx: FixContext, finding: Finding, replacement: string): Fix {
  return { title: label('replace', ctx.uiLanguage, { text: replacement }), kind: 'replace-phrase', preferred: true, edits: [{ span: finding.span, text: replacement }] };
}

/** The block holding an offset, by binary search: blocks are in document order. */
function blockAt(model: DocumentModel, offset: number) {
  let lo = 0, hi = model.blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = model.blocks[mid];
    if (offset < b.span.start) hi = mid - 1;
    else if (offset >= b.span.end) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** The quote markers and indentation of a line, so that a comment stays inside a quote or list item. */
function prefixOf(text: string, lineStart: number): string {
  const m = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(lineStart, lineStart + 200));
  return m ? m[0] : '';
}

/**
 * `<!-- clauselint-disable-next-line RULE -->` on its own line above the finding. When the finding sits
 * inside a paragraph or a table (where a new line would split the block), the block is wrapped in
 * disable/enable comments instead. None for a finding in the front matter: a file comment is the way.
 */
function disableLineFix(ctx: FixContext, f: Finding): Fix | undefined {
  const { model } = ctx;
  const { lines, text } = model;
  if (model.frontMatter && f.span.start < model.frontMatter.span.end) return undefined;
  const eol = lineBreak(text);
  const line = lines.lineOf(f.span.start);
  const table = model.protectedSpans.find((p) => p !== model.frontMatter?.span && p.start <= f.span.start && f.span.start < p.end);
  const block = table ?? blockAt(model, f.span.start)?.span;
  const firstLine = block ? lines.lineOf(block.start) : line;
  if (!table && firstLine === line) {
    const at = lines.lineStart(line);
    return { title: label('line', ctx.uiLanguage, { rule: f.ruleId }), kind: 'disable', edits: [{ span: { start: at, end: at }, text: `${prefixOf(text, at)}<!-- clauselint-disable-next-line ${f.ruleId} -->${eol}` }] };
  }
  const start = lines.lineStart(firstLine);
  const end = lines.lineEnd(lines.lineOf(Math.max(block!.start, block!.end - 1)));
  const prefix = prefixOf(text, start);
  return {
    title: label('block', ctx.uiLanguage, { rule: f.ruleId }), kind: 'disable',
    edits: [
      { span: { start, end: start }, text: `${prefix}<!-- clauselint-disable ${f.ruleId} -->${eol}` },
      { span: { start: end, end }, text: `${eol}${prefix}<!-- clauselint-enable ${f.ruleId} -->` },
    ],
  };
}

/** `<!-- clauselint-disable-file RULE -->` after the front matter, or the rule added to such a comment. */
function disableFileFix(ctx: FixContext, f: Finding): Fix {
  const { model } = ctx;
  const title = label('file', ctx.uiLanguage, { rule: f.ruleId });
  const existing = model.comments.find((c) => /^clauselint-disable-file\s+\S/.test(c.body));
  if (existing) {
    const ids = existing.body.replace(/^clauselint-disable-file\s+/, '').split(/[\s,]+/).filter(Boolean);
    return { title, kind: 'disable', edits: [{ span: existing.span, text: `<!-- clauselint-disable-file ${[...ids, f.ruleId].join(' ')} -->` }] };
  }
  const eol = lineBreak(model.text);
  const comment = `<!-- clauselint-disable-file ${f.ruleId} -->`;
  const at = model.frontMatter ? model.frontMatter.span.end : 0;
  return { title, kind: 'disable', edits: [{ span: { start: at, end: at }, text: model.frontMatter ? `${eol}${comment}` : `${comment}${eol}` }] };
}

export function disableFixes(ctx: FixContext, f: Finding): Fix[] {
  const line = disableLineFix(ctx, f);
  return [...(line ? [line] : []), disableFileFix(ctx, f)];
}

/** The preferred clause for every missing topic, numbered one after the other where several land in one place. */
export function insertAllEdits(ctx: FixContext, findings: Finding[]): TextEdit[] {
  const rules = loadRuleData().topics;
  const groups = new Map<number, { placement: Placement; blocks: string[] }>();
  for (const f of findings) {
    if (f.messageId === 'missing' && f.topic) {
      const clause = clausesFor(f.topic, ctx.type, ctx.playbook)[0];
      if (!clause) continue;
      const placement = placeClause(ctx.model, rules.get(f.topic)!, ctx.language);
      const key = placement.offset * 2 + (placement.section ? 1 : 0);
      const group = groups.get(key) ?? { placement, blocks: [] };
      const extra = placement.section ? group.blocks.length : group.blocks.length / 2;
      group.blocks.push(...clauseBlocks(ctx, clause, placement, extra));
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ placement, blocks }) => insertionText(ctx.model, placement, blocks));
}

/** Every weak phrase's replacement. */
export function replaceAllEdits(findings: Finding[]): TextEdit[] {
  return findings.flatMap((f) => f.fixes.find((x) => x.kind === 'replace-phrase')?.edits ?? []);
}

/** What `clauselint --fix` applies: the inserts and the replacements. */
export function fixAllEdits(ctx: FixContext, findings: Finding[]): TextEdit[] {
  return [...insertAllEdits(ctx, findings), ...replaceAllEdits(findings)];
}

/** Applies non-overlapping edits; an edit that overlaps one already taken is left for the next run. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at) continue;
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return out + text.slice(at);
}
