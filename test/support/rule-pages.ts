/**
 * The examples on the rule pages (docs/rules/*.md): each one's text, the status it must get, and what the
 * page says Clauselint reports. `node --import tsx test/support/rule-pages.ts --write` writes each weak
 * example's “Clauselint says” line anew, after a message changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { TOPIC_IDS, type Language, type TopicId, type TopicStatus } from '../../server/src/engine/types.js';
import { REPO } from '../cli-fixtures/harness.js';

export const EXAMPLE_HEADINGS = [
  { heading: '### Weak (English)', language: 'en', status: 'weak' },
  { heading: '### Strong (English)', language: 'en', status: 'present' },
  { heading: '### Zwak (Nederlands)', language: 'nl', status: 'weak' },
  { heading: '### Sterk (Nederlands)', language: 'nl', status: 'present' },
] as const satisfies readonly { heading: string; language: Language; status: TopicStatus }[];

/** The line under a weak example that quotes the messages, as the page shows them. */
export const SAYS = 'Clauselint says: ';

export interface PageExample { heading: string; language: Language; status: TopicStatus; quote: string; says?: string }

export function pagePath(rule: string): string { return join(REPO, 'docs', 'rules', `${rule}.md`); }

export function pageExamples(rule: string): PageExample[] {
  const page = readFileSync(pagePath(rule), 'utf8');
  return EXAMPLE_HEADINGS.map((e) => {
    const rest = page.slice(page.indexOf(e.heading) + e.heading.length);
    const end = rest.search(/\n#{2,3} /);
    const lines = rest.slice(0, end < 0 ? undefined : end).split('\n');
    const quote = lines.filter((l) => l.startsWith('>')).map((l) => l.replace(/^> ?/, '')).join('\n');
    const says = lines.find((l) => l.startsWith(SAYS));
    return { ...e, quote, ...(says && { says }) };
  });
}

/** The example as the only clause of a contract to which the topic applies. */
export function lintExample(topic: TopicId, example: PageExample): { status: TopicStatus; messages: string[] } {
  const heading = example.language === 'nl' ? '# Overeenkomst' : '# Agreement';
  const r = analyze(`${heading}\n\n${example.quote}\n`, { type: 'other', language: example.language, requiredTopics: [topic] });
  return { status: r.topics[topic].status, messages: r.findings.filter((f) => f.ruleId === topic).map((f) => f.message) };
}

/** What the page writes under a weak example: each message as the editor and the command show it. */
export function saysLine(messages: string[], language: Language): string {
  const said = messages.map((m) => `*${m}*`).join(' ');
  return `${SAYS}${language === 'nl' ? '(in the contract\'s language) ' : ''}${said} The hover, \`clauselint --verbose\` and SARIF add why it matters (the references above) and how to fix it (below).`;
}

/** Puts under each weak example of each topic page the line that quotes its messages as they are now. */
function writePages(): void {
  for (const topic of TOPIC_IDS) {
    let page = readFileSync(pagePath(topic), 'utf8');
    for (const example of pageExamples(topic).filter((e) => e.status === 'weak')) {
      const { messages } = lintExample(topic, example);
      const at = page.indexOf(example.heading) + example.heading.length;
      const rest = page.slice(at);
      const end = rest.search(/\n#{2,3} /);
      const section = rest.slice(0, end).split('\n').filter((l) => !l.startsWith(SAYS)).join('\n').replace(/\n+$/, '');
      page = page.slice(0, at) + section + (messages.length ? `\n\n${saysLine(messages, example.language)}\n` : '\n') + rest.slice(end);
    }
    writeFileSync(pagePath(topic), page);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--write')) writePages();
