/**
 * The workspace's configuration through the language server (issue 14): the server reads the playbook
 * as the command does; in an untrusted workspace (VS Code's Restricted Mode, `trustedWorkspace: false`)
 * it applies neither the configuration's weak phrases nor its playbook until the client says the
 * workspace is trusted; and a configuration's message reaches the hover as text, not as Markdown. The
 * review report asks for the playbook's clause, as `clauselint report` does.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, SERVER, TestClient } from './lsp-client.js';
import { CLAUSES_REQUEST, REVIEW_REPORT_REQUEST, WORKSPACE_TRUST_NOTIFICATION, type ReviewReportParams, type ReviewReportResult } from '../../server/src/lsp/protocol.js';

const CONTRACT = '# Software-as-a-Service Agreement\n\nThis Agreement is made between Northwind Cloud B.V. (the "Supplier") and Contoso Bank N.V. (the "Customer").\n\n## 1. Security incidents\n\nThe Supplier shall notify the Customer of any security incident at its convenience.\n';
const MESSAGE = 'Say ![pixel](https://example.invalid/p.png) <img src=x> [run](command:workbench.action.terminal.new) **hours**';
const HOUSE_CLAUSE = [
  'id: house-liability', 'topic: liability', 'variant: house', 'preferred: true',
  'title: { en: "House ![t](https://example.invalid/t.png) liability", nl: Eigen aansprakelijkheid }', 'heading: { en: Liability, nl: Aansprakelijkheid }',
  'types: [saas]', 'regimes: []', 'references: []',
  'text: { en: "{{supplier}} is liable up to twelve (12) months of fees.", nl: "{{supplier}} is aansprakelijk tot twaalf (12) maanden vergoeding." }',
].join('\n');

describe('the workspace configuration in the language server', { skip: existsSync(SERVER) ? false : 'dist/server.cjs is missing: run npm run build first' }, () => {
  let dir: string;
  let uri: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clauselint-trust-'));
    writeFileSync(join(dir, '.clauselintrc.json'), JSON.stringify({ type: 'saas', playbook: 'clauses', weakPhrases: [{ topic: 'incident-notification', phrase: 'at its convenience', message: MESSAGE }] }));
    mkdirSync(join(dir, 'clauses'));
    writeFileSync(join(dir, 'clauses', 'house.yaml'), HOUSE_CLAUSE);
    writeFileSync(join(dir, 'contract.md'), CONTRACT);
    uri = fileUri(join(dir, 'contract.md'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const ownPhrase = (diagnostics: { message: string }[]) => diagnostics.some((d) => d.message.includes('at its convenience'));
  const clauseIds = async (client: TestClient) => ((await client.request(CLAUSES_REQUEST, { uri })) as { id: string }[]).map((c) => c.id);
  /** The review report of the open contract and of a copy the editor has not opened (sent with its text), one part per contract. */
  const reviewParts = async (client: TestClient) => {
    const params: ReviewReportParams = { files: [{ uri, name: 'contract.md' }, { uri: fileUri(join(dir, 'copy.md')), name: 'copy.md', text: CONTRACT }] };
    const { html, contracts }: ReviewReportResult = await client.request(REVIEW_REPORT_REQUEST, params);
    assert.equal(contracts, 2);
    return html.split(/<h2 id="contract-\d-h">/).slice(1);
  };
  const HOUSE_TEXT = 'is liable up to twelve (12) months of fees.';

  test('a trusted workspace: the playbook is offered and the weak phrase reported, its message escaped in the hover', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      client.open(uri, CONTRACT);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.ok(ownPhrase(published.diagnostics), JSON.stringify(published.diagnostics.map((d) => d.message)));
      assert.ok((await clauseIds(client)).includes('house-liability'), 'the playbook clause is offered');
      for (const part of await reviewParts(client)) assert.ok(part.includes(HOUSE_TEXT), `the review report asks for the playbook's liability clause: ${part.slice(0, 40)}`);
      const line = CONTRACT.split('\n').findIndex((l) => l.includes('at its convenience'));
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: CONTRACT.split('\n')[line].indexOf('convenience') } });
      const markdown: string = hover.contents.value;
      assert.ok(markdown.includes('Say \\!\\[pixel\\](https://example.invalid/p.png) \\<img src=x\\>'), markdown);
      assert.doesNotMatch(markdown, /(?<!\\)!\[|(?<!\\)<img|(?<!\\)\[run\]|(?<!\\)\*\*hours/);
      // The playbook clause's title in the completion's documentation: text, not an image.
      const clauseDoc = `${CONTRACT}\n/clause`;
      client.change(uri, clauseDoc);
      const lines = clauseDoc.split('\n');
      const items: { data?: { clause?: string }; documentation?: { value: string } }[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
      const house = (Array.isArray(items) ? items : (items as { items: typeof items }).items).find((i) => i.data?.clause === 'house-liability');
      assert.ok(house?.documentation?.value.includes('House \\!\\[t\\](https://example.invalid/t.png) liability'), JSON.stringify(house?.documentation));
    } finally { await client.shutdown(); }
  });

  test('an untrusted workspace: no configuration patterns, no playbook, until the workspace is trusted', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ initializationOptions: { debounceMs: 100, trustedWorkspace: false } });
      client.open(uri, CONTRACT);
      const restricted = await client.waitForDiagnostics(uri, 1);
      assert.ok(restricted.diagnostics.length > 0, 'the contract is still checked');
      assert.ok(!ownPhrase(restricted.diagnostics), 'the configuration\'s weak phrase was applied');
      assert.ok(!(await clauseIds(client)).includes('house-liability'), 'the playbook was read');
      for (const part of await reviewParts(client)) assert.ok(!part.includes(HOUSE_TEXT), 'the review report asked for the playbook\'s clause');
      const since = client.notifications.length;
      await client.connection.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
      const trusted = await client.waitForDiagnostics(uri, undefined, since);
      assert.ok(ownPhrase(trusted.diagnostics), 'trusted now: the weak phrase is reported');
      assert.ok((await clauseIds(client)).includes('house-liability'), 'trusted now: the playbook is offered');
    } finally { await client.shutdown(); }
  });
});
