/** A 300 KB contract for the editor benchmark: the examples' articles, renumbered, until it is large enough. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
