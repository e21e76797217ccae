/**
 * The 300 KB contracts of the editor benchmark: a synthetic one (the examples' articles, renumbered, with
 * a heading every few lines), and two real ones from ../shared/corpus when it is there: a CUAD contract
 * of plain text without a single heading, and a Dutch one assembled from the Dutch texts of corpus/open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from './corpus.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

export function largeContract(bytes = 300_000): string {
  const body = readFileSync(join(examples, 'saas-agreement.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  const articles = body.split(/\n(?=## \d+\. )/).slice(1, -1);
  let out = '---\nclauselint:\n  type: saas\n  regimes: [gdpr]\n---\n\n# Large Software-as-a-Service Agreement\n\nThis Agreement is made between Northwind Cloud B.V. (the "Provider") and Contoso Insurance N.V. (the "Customer").\n\n';
  let n = 1;
  while (out.length < bytes) {
    for (const a of articles) out += a.replace(/^## \d+\./, `## ${n++}.`).replace(/\n(\d+)\.(\d+) /g, `\n${n - 1}.$2 `) + '\n';
  }
  return out + '\nSigned for the Provider and for the Customer.\n';
}

/** A real 300 KB franchise agreement from CUAD: plain text, paragraphs only, no headings. */
export const CUAD_CONTRACT = join(CORPUS, 'cuad', 'contracts', 'GOOSEHEADINSURANCE_INC_04_02_2018-EX-10.6-Franchise_Agreement.md');

/** The Dutch texts of corpus/open, largest first: the government's IT terms (ARBIT, ARVODI, ARIV) and the EU's model clauses. */
const DUTCH_SOURCES = ['nl-rijksoverheid__arbit-2014.md', 'nl-rijksoverheid__arbit-2010.md', 'eu__scc-2010-87-processors-nl.md', 'nl-rijksoverheid__arvodi-2014.md', 'nl-rijksoverheid__ariv-2014.md'];

/**
 * A Dutch contract of `bytes` characters made of real Dutch text: the Dutch texts of corpus/open one
 * after another without their source notes (260 KB), then the first of them again until it is long enough.
 */
export function dutchContract(bytes = 300_000): string | undefined {
  const files = DUTCH_SOURCES.map((f) => join(CORPUS, 'open', f));
  if (!files.every(existsSync)) return undefined;
  const texts = files.map((f) => readFileSync(f, 'utf8').replace(/^<!--[\s\S]*?-->\s*/, ''));
  let out = '---\nclauselint:\n  type: software\n---\n\n';
  for (let i = 0; out.length < bytes; i = (i + 1) % texts.length) out += texts[i] + '\n\n';
  return out.slice(0, out.lastIndexOf('\n\n', bytes) + 1);
}
