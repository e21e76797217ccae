/** --fix: every missing topic gets its clause, nothing of the user's text is lost, a second run changes nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { roundTrip } from '../support/round-trip.js';
import { fixtureFiles } from '../support/fixtures.js';
import { CORPUS } from '../bench/corpus.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { run } from '../../server/src/cli/main.js';
import { applyEdits, fixAllEdits } from '../../server/src/engine/fixes.js';
import { insertedSpans } from '../support/fix-check.js';

function checkRoundTrip(name: string, text: string) {
  const r = roundTrip(text);
  assert.deepEqual(r.stillMissing, [], `${name}: still missing after --fix`);
  assert.deepEqual(r.linesLost, [], `${name}: original lines lost`);
  assert.equal(r.secondFixEdits, 0, `${name}: a second --fix would change the text again`);
}

for (const file of fixtureFiles()) {
  test(`--fix round trip: ${basename(file)}`, () => checkRoundTrip(basename(file), readFileSync(file, 'utf8')));
}

const open = join(CORPUS, 'open');
test('--fix round trip over ../shared/corpus/open', { skip: existsSync(open) ? false : '../shared/corpus is not beside the project' }, () => {
  for (const f of readdirSync(open).filter((n) => n.endsWith('.md'))) checkRoundTrip(f, readFileSync(join(open, f), 'utf8'));
});

const CONTRACT = `# Software-as-a-Service Agreement

This Agreement is made between Acme Cloud B.V. (the "Provider") and Example Bank N.V. (the "Customer").

## 1. Services

1.1 The Provider provides the hosted service to the Customer.

## 2. Security

2.1 The Provider shall notify the Customer of any security incident without undue delay.

## 3. Term

3.1 This Agreement runs for three years.

## Signatures

Signed for the Provider and for the Customer.
`;

test('a missing clause is inserted as a new article, numbered in the document style, before the signatures', () => {
  const r = analyze(CONTRACT, { type: 'other' });
  const liability = r.findings.find((f) => f.topic === 'liability' && f.messageId === 'missing')!;
  const fix = liability.fixes[0];
  assert.equal(fix.preferred, true);
  assert.equal(fix.kind, 'insert-clause');
  const text = CONTRACT.slice(0, fix.edits[0].span.start) + fix.edits[0].text + CONTRACT.slice(fix.edits[0].span.end);
  assert.match(text, /## 3\. Term[\s\S]*## 4\. Liability for security failures\n\n4\.1 The Provider [\s\S]*\n\n4\.2 [\s\S]*## Signatures/, 'numbered as the document numbers its paragraphs');
  assert.ok(liability.fixes.filter((f) => f.kind === 'insert-clause').length >= 2, 'every variant is offered');
});

test('a missing security clause joins the Security article as its next numbered paragraph', () => {
  const r = analyze(CONTRACT, { type: 'other' });
  const measures = r.findings.find((f) => f.topic === 'security-measures' && f.messageId === 'missing')!;
  const edit = measures.fixes[0].edits[0];
  assert.equal(CONTRACT.slice(0, edit.span.start).trimEnd().endsWith('without undue delay.'), true);
  assert.match(edit.text, /^\n\n2\.2 The Provider shall/);
});

test('a weak phrase is completed, not dropped: the completion inserts words after it and is a fix', () => {
  const r = analyze(CONTRACT, { type: 'other' });
  const weak = r.findings.find((f) => f.topic === 'incident-notification' && f.messageId === 'weak-phrase')!;
  const fix = weak.fixes.find((f) => f.kind === 'replace-phrase')!;
  // The finding is on the clause; the phrase is one of its related places.
  const phrase = weak.related?.find((p) => /without undue delay/.test(CONTRACT.slice(p.span.start, p.span.end)))?.span ?? weak.span;
  assert.deepEqual(fix.edits[0], { span: { start: phrase.end, end: phrase.end }, text: ' and in any event within 24 hours' });
  assert.equal(fix.preferred, true);
  assert.equal(fix.suggestion, undefined);
});

test('a Dutch contract gets a Dutch clause with its own party names and article style', () => {
  const nl = `# Overeenkomst\n\nTussen Leverancier B.V. ("Leverancier") en Gemeente Voorbeeld ("Opdrachtgever").\n\n## Artikel 1 – Onderwerp\n\n1.1 Leverancier levert de dienst aan Opdrachtgever.\n\n## Artikel 2 – Looptijd\n\n2.1 De Overeenkomst geldt voor drie jaar.\n`;
  const r = analyze(nl, { type: 'other' });
  const f = r.findings.find((x) => x.topic === 'incident-notification' && x.messageId === 'missing')!;
  assert.match(f.fixes[0].edits[0].text, /## Artikel 3 – Melding van incidenten\n\n3\.1 Leverancier meldt Opdrachtgever[^\n]*\n\n3\.2 Leverancier doet de melding/);
});

test('--fix keeps CRLF line endings and the BOM, and writes the file whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-fix-'));
  const file = join(dir, 'contract.md');
  writeFileSync(file, '\uFEFF' + CONTRACT.replace(/\n/g, '\r\n'));
  let err = '';
  const io = { stdout: () => {}, stderr: (s: string) => { err += s; }, readStdin: () => '', isTTY: false, cwd: dir };
  run(['--fix', '--type', 'other', file], io);
  assert.match(err, /^contract\.md: \d+ clauses inserted, 1 phrase completed, 0 suggestions left\n$/);
  const fixed = readFileSync(file, 'utf8');
  assert.ok(fixed.startsWith('\uFEFF'), 'BOM kept');
  assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'every line break is CRLF');
  assert.ok(fixed.length > CONTRACT.length + 500, 'clauses were inserted');
  assert.deepEqual(readdirSync(dir), ['contract.md'], 'no temporary file left behind');
  const again = readFileSync(file, 'utf8');
  run(['--fix', '--type', 'other', file], io);
  assert.equal(readFileSync(file, 'utf8'), again, 'a second --fix changes nothing');
});

test('--fix-dry-run prints a unified diff and leaves the file alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-dry-'));
  const file = join(dir, 'contract.md');
  writeFileSync(file, CONTRACT);
  let out = '';
  const code = run(['--fix-dry-run', '--type', 'other', file], { stdout: (s) => { out += s; }, stderr: () => {}, readStdin: () => '', isTTY: false, cwd: dir });
  assert.equal(code, 0);
  assert.match(out, /^--- a\/contract\.md/m);
  assert.match(out, /^\+## 4\. Liability for security failures/m);
  assert.equal(readFileSync(file, 'utf8'), CONTRACT);
});

test('clauselint catalogue lists the clauses and prints one topic in Dutch', () => {
  let out = '';
  const io = { stdout: (s: string) => { out += s; }, stderr: () => {}, readStdin: () => '', isTTY: false, cwd: tmpdir() };
  assert.equal(run(['catalogue'], io), 0);
  assert.match(out, /incident-notification\s+incident-notification-balanced/);
  out = '';
  assert.equal(run(['catalogue', '--topic', 'incident-notification', '--lang', 'nl'], io), 0);
  assert.match(out, /Leverancier meldt Opdrachtgever/);
});

test('a playbook folder offers the organisation\'s own clause first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clauselint-playbook-'));
  writeFileSync(join(dir, '.clauselintrc.json'), JSON.stringify({ type: 'other', playbook: 'clauses' }));
  const clauses = join(dir, 'clauses');
  mkdirSync(clauses);
  writeFileSync(join(clauses, 'our-liability.yaml'), [
    'id: our-liability', 'topic: liability', 'variant: house', 'preferred: true',
    'title: { en: Our liability clause, nl: Onze aansprakelijkheid }', 'heading: { en: Liability, nl: Aansprakelijkheid }',
    'types: [other]', 'regimes: []', 'references: []',
    'text: { en: "{{supplier}} is liable for security incidents up to the fees of twelve (12) months; wilful misconduct and gross negligence are not limited.", nl: "{{supplier}} is aansprakelijk tot twaalf (12) maanden vergoeding; opzet en bewuste roekeloosheid zijn niet beperkt." }',
  ].join('\n'));
  writeFileSync(join(dir, 'contract.md'), CONTRACT);
  let out = '';
  run(['--fix-dry-run', join(dir, 'contract.md')], { stdout: (s) => { out += s; }, stderr: (s) => assert.match(s, /^contract\.md: would have /), readStdin: () => '', isTTY: false, cwd: dir });
  assert.match(out, /\+\d+\.1 The Provider is liable for security incidents up to the fees of twelve \(12\) months/);
});

test('a clause inserted where the supplier goes by its own name ("Quillsoft") raises no finding of its own', () => {
  const contract = `# Software Licence Agreement\n\nBetween **Quillsoft Ltd** ("Quillsoft") and **Example Advocaten** (the "Client").\n\n## 1. Licence\n\n1.1 Quillsoft grants the Client a licence to use the software "QuillDraft" (the "Software").\n\n## 2. Fees\n\n2.1 The Client pays the licence fee.\n\nSigned for Quillsoft: ____\n`;
  const settings = { type: 'software' as const };
  const before = analyze(contract, settings);
  const edits = fixAllEdits(before.fixContext, before.findings);
  const fixed = applyEdits(contract, edits);
  assert.match(fixed, /\d+\.1 Quillsoft is responsible for the security of/, 'the division of responsibilities is inserted, naming Quillsoft');
  const spans = insertedSpans(edits);
  const after = analyze(fixed, settings);
  const onInserted = after.findings.filter((f) => f.messageId !== 'missing' && spans.some((s) => f.span.start >= s.start && f.span.end <= s.end));
  assert.deepEqual(onInserted.map((f) => `${f.ruleId}: ${f.message}`), []);
});
