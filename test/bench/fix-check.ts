/**
 * `npm run fix:check`: runs the --fix logic on every file of ../shared/corpus/open and test/fixtures and
 * counts what the issue asks of it: every original word kept in order, a second --fix changes nothing,
 * no applicable topic stays missing, no finding on an inserted clause, no new contradiction. The EU
 * standard contractual clauses of the corpus are marked as standard texts (as a `standardTexts` glob
 * would); `--unmarked` leaves them unmarked, `--problems` lists each file's problems, `--verbose` every file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS } from './corpus.js';
import { fixtureFiles } from '../support/fixtures.js';
import { checkFix, CORPUS_STANDARD_TEXTS, type FixCheck } from '../support/fix-check.js';

const open = join(CORPUS, 'open');
if (!existsSync(open)) {
  console.log('fix:check skipped: ../shared/corpus/open is not beside the project');
  process.exit(0);
}
const files = [...readdirSync(open).filter((f) => f.endsWith('.md')).sort().map((f) => join(open, f)), ...fixtureFiles()];
const verbose = process.argv.includes('--verbose');
const results: { file: string; r: FixCheck }[] = [];
for (const file of files) {
  const r = checkFix(file, readFileSync(file, 'utf8'), { standardTexts: process.argv.includes('--unmarked') ? undefined : CORPUS_STANDARD_TEXTS });
  results.push({ file, r });
  if (verbose || process.argv.includes('--problems')) {
    const problems = [
      !r.wordsKept && `words lost: ${r.lostWords.slice(0, 6).join(' | ')}`,
      !r.idempotent && 'second fix changes the text',
      r.stillMissing.length && `still missing: ${r.stillMissing.join(', ')}`,
      r.insertedFindings.length && `findings on inserted text: ${r.insertedFindings.join(', ')}`,
      r.newContradictions && `${r.newContradictions} new contradiction(s)`,
    ].filter(Boolean);
    if (verbose || problems.length) console.log(`${basename(file)}: ${r.standardText ? '(standard text) ' : ''}${r.inserted} inserted, ${r.completed} completed, ${r.suggestions} suggestions left${problems.length ? '; ' + problems.join('; ') : ''}`);
  }
}
const n = results.length;
const count = (p: (r: FixCheck) => boolean) => results.filter(({ r }) => p(r)).length;
console.log(`fix:check over ${n} files (${files.length - fixtureFiles().length} of corpus/open, ${fixtureFiles().length} fixtures)`);
console.log(`  every original word kept, in order:   ${count((r) => r.wordsKept)}/${n}`);
console.log(`  second --fix changes nothing:         ${count((r) => r.idempotent)}/${n}`);
console.log(`  no applicable topic still missing:    ${count((r) => r.stillMissing.length === 0)}/${n} (${results.reduce((a, { r }) => a + r.stillMissing.length, 0)} topics missing)`);
console.log(`  no finding on an inserted clause:     ${count((r) => r.insertedFindings.length === 0)}/${n} (${results.reduce((a, { r }) => a + r.insertedFindings.length, 0)} findings)`);
console.log(`  no new contradiction:                 ${count((r) => r.newContradictions === 0)}/${n} (${results.reduce((a, { r }) => a + r.newContradictions, 0)} new)`);
console.log(`  edits: ${results.reduce((a, { r }) => a + r.inserted, 0)} clauses inserted, ${results.reduce((a, { r }) => a + r.completed, 0)} phrases completed, ${results.reduce((a, { r }) => a + r.suggestions, 0)} suggestions left; ${count((r) => r.standardText)} standard texts untouched`);
