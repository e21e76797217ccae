/** Checks of the document as a whole: undefined terms, missing annexes, contradictions and undeclared regimes. */
import type { DocumentModel, Section } from './markdown.js';
import { perBlock } from './per-block.js';
import type { Definition } from './definitions.js';
import type { Language, Regime, Span, TopicId } from './types.js';

export interface RawFinding {
  ruleId: string; messageId: string; span: Span; values: Record<string, string | number>; topic?: TopicId;
  /** Completions or replacements of weak phrases, each with the phrase it applies to: worked out when the fixes are read. */
  replacements?: () => { span: Span; text: string }[];
  /** A message and details already composed (a clause's findings on a topic), instead of the template's. */
  text?: string;
  details?: string;
  related?: { span: Span; message: string }[];
}

/** Heads of multi-word terms that contracts define; other capitalised phrases are mostly names. */
const TERM_HEADS = /^(?:information|data|services?|incidents?|breach|agreement|software|products?|documentation|fees|date|period|measures|personnel|subprocessors?|sub-processors?|deliverables|materials|order|plan|policy|report|levels?|systems?|equipment|platform|content|account|users?|credits?|hours|requirements|obligations|property|rights|code|environment|informatie|gegevens|diensten|dienst|incident|maatregelen|documentatie|programmatuur|apparatuur|producten|vergoeding|datum|periode|rechten|eisen|niveau|verplichtingen|omgeving)$/i;
const SENTENCE_START = /(?:^|[.!?:;]\s+|\n\s*|["“(]\s*)$/;

const CAPITALISED_RE = /\b([\p{Lu}][\p{Ll}]+(?:[ -][\p{Lu}][\p{Ll}]+){1,3})\b/gu;

/** The capitalised phrases of a block that look like defined terms, offsets relative to the block. */
const termCandidates = perBlock((block) => {
  const out: { term: string; start: number }[] = [];
  for (const m of block.text.matchAll(CAPITALISED_RE)) {
    const words = m[1].split(/[ -]/);
    if (!TERM_HEADS.test(words[words.length - 1])) continue;
    let term = m[1];
    // "Each Security Incident" at a sentence start: drop the capitalised first word if the rest is a term.
    if (SENTENCE_START.test(block.text.slice(Math.max(0, m.index! - 3), m.index!)) && words.length > 2) term = words.slice(1).join(' ');
    else if (SENTENCE_START.test(block.text.slice(Math.max(0, m.index! - 3), m.index!))) continue;
    out.push({ term, start: m.index! + (m[1].length - term.length) });
  }
  return out;
});

export function undefinedTerms(model: DocumentModel, definitions: Definition[]): RawFinding[] {
  if (definitions.length < 2) return []; // a document with no definitions uses capitals for other reasons
  const defined = new Set(definitions.map((d) => d.term.toLowerCase()));
  const definedList = [...defined];
  const isDefined = new Map<string, boolean>();
  const uses = new Map<string, Span[]>();
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue;
    for (const { term, start: at } of termCandidates(block.parsed)) {
      let known = isDefined.get(term);
      if (known === undefined) {
        const lower = term.toLowerCase();
        known = defined.has(lower) || definedList.some((d) => lower.endsWith(` ${d}`) || d.endsWith(` ${lower}`));
        isDefined.set(term, known);
      }
      if (known) continue;
      const start = block.span.start + at;
      const list = uses.get(term) ?? [];
      list.push({ start, end: start + term.length });
      uses.set(term, list);
    }
  }
  const out: RawFinding[] = [];
  for (const [term, spans] of uses) if (spans.length >= 2) out.push({ ruleId: 'undefined-term', messageId: 'undefined-term', span: spans[0], values: { term } });
  return out;
}

// In capitals too: "ANNEX II", "EXHIBIT B", as titles and references in converted PDFs are written.
const REF_RE = /\b(Annex|Schedule|Exhibit|Appendix|Attachment|Bijlage|Addendum|ANNEX|SCHEDULE|EXHIBIT|APPENDIX|ATTACHMENT|BIJLAGE|ADDENDUM)\s+([A-Z]|\d{1,2}|[IVX]{1,4})\b/g;

/** The key of the annex a heading names ("ANNEX II - Security" → "annex II"), if it names one. */
export function annexKey(title: string): string | undefined {
  const m = new RegExp(REF_RE.source).exec(title);
  return m ? `${m[1].toLowerCase()} ${m[2].toUpperCase()}` : undefined;
}

/** "Annex B", "Bijlage 2" in a block, offsets relative to the block. */
const referencesIn = perBlock((block) => [...block.text.matchAll(REF_RE)]
  // "EXHIBIT 10.13" is the number a filing gives the whole document, not an exhibit of it.
  .filter((m) => !(/^exhibit$/i.test(m[1]) && /^[.,]\d/.test(block.text.slice(m.index! + m[0].length))))
  .map((m) => ({
  text: m[0], kind: m[1].toLowerCase(), key: `${m[1].toLowerCase()} ${m[2].toUpperCase()}`, start: m.index!,
})));

/** A line that is an annex's title where the text came from a PDF without headings: "Appendix 2", "ANNEX II - TECHNICAL …". */
const TITLE_LINE_RE = /^[ \t\f]*(Annex|Schedule|Exhibit|Appendix|Attachment|Bijlage|Addendum)\s+([A-Z]|\d{1,2}|[IVX]{1,4})\b([^\n]{0,120})$/gim;

/** Links and web addresses: what they point to is not in the document. */
const ADDRESS_RE = /\]\((?!#)[^)\s]*\)|https?:\/\/|\bwww\./;
/** Lines of a title that goes on over a second line, as text from a PDF has it: no small letters. */
const TITLE_CONTINUATION_RE = /^\n?(?:[^\n\p{Ll}.;:]{3,120}\n)*/u;

/** The annexes a paragraph's title lines name, with the text after each title; worked out once per block, as every edit asks again. */
const titleLines = perBlock((block) => block.kind !== 'paragraph' ? [] : [...block.text.matchAll(TITLE_LINE_RE)]
  // A title ends without a full stop and has a few words; "Annex 2 sets out the measures." is a sentence.
  .filter((m) => !/[.;:,]\s*$/.test(m[3]) && m[3].split(/\s+/).length <= 14)
  .map((m) => {
    const after = block.text.slice(m.index! + m[0].length);
    // "ANNEX II - TECHNICAL AND\nORGANISATIONAL MEASURES": the title goes on over lines in capitals.
    const more = TITLE_CONTINUATION_RE.exec(after)![0];
    return { key: `${m[1].toLowerCase()} ${m[2].toUpperCase()}`, title: `${m[3]} ${more}`.replace(/\s+/g, ' ').trim(), after };
  }));

/**
 * An annex's first text only points elsewhere ("The measures we take can be found at https://…"): every
 * sentence of it holds a link. Such an annex is there, but what it refers to is not in the document.
 */
function refersOnly(text: string): boolean {
  const parts = text.replace(TITLE_CONTINUATION_RE, '').split(/(?<=[.;])\s+/).filter((p) => /\p{L}{2}/u.test(p));
  return parts.length > 0 && parts.every((p) => ADDRESS_RE.test(p));
}

/** The annexes, schedules and exhibits the document itself contains, by their headings and title lines. */
function presentReferences(model: DocumentModel): Set<string> {
  return new Set(annexesPresent(model).keys());
}

/** The annexes the document contains, each with whether its text only refers to documents elsewhere. */
function annexesPresent(model: DocumentModel): Map<string, boolean> {
  const present = new Map<string, boolean>();
  const firstText = new Map<Section, string>();
  for (const b of model.blocks) if (b.kind === 'paragraph' && !firstText.has(b.section)) firstText.set(b.section, b.text);
  for (const s of model.sections) {
    for (const m of s.title.matchAll(REF_RE)) present.set(`${m[1].toLowerCase()} ${m[2].toUpperCase()}`, s.kind === 'annex' && refersOnly(firstText.get(s) ?? ''));
  }
  for (const block of model.blocks) for (const { key, after } of titleLines(block.parsed)) present.set(key, (present.get(key) ?? true) && refersOnly(after));
  return present;
}

/**
 * Every mention of an annex the document does not contain, with the keys: what such an annex says is
 * not in the text, so it meets no strong point (whether or not it is a separate file).
 */
/** Every mention of an annex, present or not, with the title in brackets after it: where a clause incorporates one. */
export function annexReferences(model: DocumentModel): (Span & { key: string })[] {
  const out: (Span & { key: string })[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue;
    for (const ref of referencesIn(block.parsed)) out.push({ ...referenceSpan(block, ref), key: ref.key });
  }
  return out;
}

/** The titles of the annexes the document contains, by key, without the "Annex 3" they begin with. */
export function annexTitles(model: DocumentModel): Map<string, string> {
  const titles = new Map<string, string>();
  const add = (key: string, title: string) => titles.set(key, `${titles.get(key) ?? ''} ${title.replace(/^[\s\p{P}]+/u, '')}`.trim());
  for (const s of model.sections) for (const m of s.title.matchAll(REF_RE)) add(`${m[1].toLowerCase()} ${m[2].toUpperCase()}`, s.title.slice(m.index! + m[0].length));
  for (const block of model.blocks) for (const { key, title } of titleLines(block.parsed)) add(key, title);
  return titles;
}

function referenceSpan(block: DocumentModel['blocks'][number], ref: { text: string; start: number }): Span {
  // "Annex 3 (Security Schedule)": the title in brackets is part of the reference.
  const title = /^\s*\([^()]{0,80}\)/.exec(block.text.slice(ref.start + ref.text.length));
  return { start: block.span.start + ref.start, end: block.span.start + ref.start + ref.text.length + (title?.[0].length ?? 0) };
}

export function absentReferences(model: DocumentModel): { spans: Span[]; keys: string[] } {
  const annexes = annexesPresent(model);
  // An annex that only points elsewhere backs nothing either, though it is there (no missing-reference).
  const present = new Set([...annexes].filter(([, refers]) => !refers).map(([key]) => key));
  const spans: Span[] = [], keys = new Set<string>();
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue;
    for (const ref of referencesIn(block.parsed)) {
      if (present.has(ref.key)) continue;
      keys.add(ref.key);
      spans.push(referenceSpan(block, ref));
    }
  }
  return { spans, keys: [...keys] };
}

export function missingReferences(model: DocumentModel): RawFinding[] {
  const present = presentReferences(model);
  // A document with no annexes at all is often a main body whose annexes are separate files.
  const hasAnnexes = model.sections.some((s) => s.kind === 'annex');
  const out: RawFinding[] = [];
  const reported = new Set<string>();
  for (const block of model.blocks) {
    if (block.kind === 'heading') continue;
    for (const ref of referencesIn(block.parsed)) {
      if (present.has(ref.key) || reported.has(ref.key)) continue;
      const kindPresent = [...present].some((p) => p.startsWith(ref.kind));
      if (!hasAnnexes && !kindPresent) continue;
      reported.add(ref.key);
      const start = block.span.start + ref.start;
      out.push({ ruleId: 'missing-reference', messageId: 'missing-reference', span: { start, end: start + ref.text.length }, values: { ref: ref.text } });
    }
  }
  return out;
}

const REGIME_MENTIONS: Record<Regime, { re: RegExp; name: Record<Language, string> }> = {
  nis2: { re: /\b(?:NIS2|NIS 2|NIS-2|Directive \(EU\) 2022\/2555|Richtlijn \(EU\) 2022\/2555|Cyberbeveiligingswet)\b/, name: { en: 'NIS2', nl: 'NIS2' } },
  dora: { re: /\b(?:DORA|Digital Operational Resilience Act|Regulation \(EU\) 2022\/2554|Verordening \(EU\) 2022\/2554)\b/, name: { en: 'DORA', nl: 'DORA' } },
  'dora-critical': { re: /$^/, name: { en: 'DORA', nl: 'DORA' } },
  gdpr: { re: /\b(?:GDPR|General Data Protection Regulation|AVG|Algemene [Vv]erordening [Gg]egevensbescherming|Regulation \(EU\) 2016\/679|Verordening \(EU\) 2016\/679)\b/, name: { en: 'the GDPR', nl: 'de AVG' } },
  cra: { re: /\b(?:Cyber Resilience Act|CRA|Regulation \(EU\) 2024\/2847|Cyberweerbaarheidsverordening)\b/, name: { en: 'the Cyber Resilience Act', nl: 'de Cyberweerbaarheidsverordening' } },
};

/** The first mention of each regime in a block, offset relative to the block. */
const regimeMentions = perBlock((block) => {
  const out = new Map<Regime, { start: number; text: string }>();
  for (const [regime, { re }] of Object.entries(REGIME_MENTIONS) as [Regime, (typeof REGIME_MENTIONS)[Regime]][]) {
    const m = re.exec(block.text);
    if (m) out.set(regime, { start: m.index, text: m[0] });
  }
  return out;
});

export function undeclaredRegimes(model: DocumentModel, regimes: Regime[], lang: Language): RawFinding[] {
  const out: RawFinding[] = [];
  for (const [regime, { name }] of Object.entries(REGIME_MENTIONS) as [Regime, (typeof REGIME_MENTIONS)[Regime]][]) {
    if (regimes.includes(regime) || (regime === 'dora' && regimes.includes('dora-critical'))) continue;
    for (const block of model.blocks) {
      const m = regimeMentions(block.parsed).get(regime);
      if (!m) continue;
      const start = block.span.start + m.start;
      out.push({ ruleId: 'undeclared-regime', messageId: 'undeclared-regime', span: { start, end: start + m.text.length }, values: { regime, regimeName: name[lang] } });
      break;
    }
  }
  return out;
}
