/**
 * The review report (`clauselint report`, issue 11) in Debian's Chromium: no serious or critical
 * accessibility violation (axe-core, colour contrast included), no network request with all network
 * blocked, sorting and filtering the portfolio under the page's own Content-Security-Policy, and print
 * to PDF in A4 pages (pdftoppm renders each, where it is installed); the same for the report as the
 * editor's webview shows it (no script). Needs Chromium and the editor-test packages (playwright-core, axe-core); skips without them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, OUT, ROOT } from './run-web.js';
import { cli } from '../cli-fixtures/harness.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { buildReport } from '../../server/src/report/model.js';
import { renderHtml } from '../../server/src/report/html.js';

const require = createRequire(import.meta.url);

function skipReason(): string | false {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  for (const p of ['playwright-core', 'axe-core']) { try { require.resolve(p); } catch { return `the npm package ${p} is not installed (node test/editor/install.mjs)`; } }
  return false;
}

const FIXTURES = ['en/dpa-gdpr-strong.md', 'en/saas-dora-critical-weak.md', 'nl/verwerkersovereenkomst-sterk.md', 'en/software-cra-weak.md', 'nl/saas-nis2-melding-sterk.md']
  .map((f) => join('test', 'fixtures', f));

test('the HTML report in Chromium: accessible, offline, sortable, printable', { skip: skipReason(), timeout: 180_000 }, async () => {
  mkdirSync(OUT, { recursive: true });
  const pages = { portfolio: join(OUT, 'report-portfolio.html'), nl: join(OUT, 'report-nl.html'), webview: join(OUT, 'report-webview.html') };
  const contracts = FIXTURES.map((path) => ({ path, result: analyze(readFileSync(join(ROOT, path), 'utf8')) }));
  writeFileSync(pages.webview, renderHtml(buildReport(contracts), { version: 'test', date: '2026-01-01', webview: { lineHref: (c, line) => `command:clauselint.openAt?${encodeURIComponent(JSON.stringify([c.path, line]))}` } }));
  assert.equal(cli(['report', ...FIXTURES, '-o', pages.portfolio], { cwd: ROOT }).code, 0);
  assert.equal(cli(['report', join('test', 'fixtures', 'nl', 'verwerkersovereenkomst-afgeleid-zwak.md'), '-o', pages.nl], { cwd: ROOT }).code, 0);
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    for (const [name, file] of Object.entries(pages)) {
      // Under the page's own policy first: every network request blocked, the page's script still runs.
      const strict = await browser.newContext();
      const requests: string[] = [];
      await strict.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        requests.push(route.request().url());
        return route.abort();
      });
      const page = await strict.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(pathToFileURL(file).href);
      assert.deepEqual(requests, [], `${name}: the report asked the network for something`);
      assert.deepEqual(errors, [], `${name}: errors in the page`);
      if (name === 'portfolio') {
        assert.equal(await page.locator('#portfolio tbody tr').count(), FIXTURES.length);
        await page.click('#portfolio thead th:nth-child(2) button');
        assert.equal(await page.getAttribute('#portfolio thead th:nth-child(2)', 'aria-sort'), 'ascending');
        await page.fill('#filter', 'nl/');
        assert.equal(await page.textContent('#shown'), '2');
        await page.fill('#filter', '');
      }
      // Nothing in a table cell runs out of it (a status badge over the next column's text), on screen and in print.
      // In print at the width of an A4 page's text (210 mm less 2 × 14 mm margins: 688 CSS pixels).
      for (const [media, width] of [['screen', 1280], ['print', 688]] as const) {
        await page.emulateMedia({ media });
        await page.setViewportSize({ width, height: 900 });
        const overflowing: string[] = await page.evaluate(`[...document.querySelectorAll('td .badge, td blockquote')]
          .filter((e) => e.getBoundingClientRect().right > e.closest('td').getBoundingClientRect().right + 1).map((e) => e.textContent.trim().slice(0, 40))`);
        assert.deepEqual(overflowing, [], `${name} (${media}): out of its cell`);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: join(OUT, `report-${name}.png`) });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(OUT, `report-${name}.pdf`), pdf);
      // Every page of the PDF is A4 portrait (595 × 842 points), none wider.
      const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      assert.ok(boxes.length > 0, `${name}: no pages in the PDF`);
      for (const [w, h] of boxes) assert.ok(w <= 596 && h <= 843, `${name}: a page of ${w} × ${h} points`);
      // Rendered at 72 dpi, an A4 page is 595 × 842 pixels: no page comes out wider.
      if (spawnSync('pdftoppm', ['-v']).status === 0) {
        const prefix = join(OUT, `report-${name}-page`);
        assert.equal(spawnSync('pdftoppm', ['-r', '72', '-png', join(OUT, `report-${name}.pdf`), prefix]).status, 0, `${name}: pdftoppm`);
        for (const png of readdirSync(OUT).filter((f) => f.startsWith(`report-${name}-page`) && f.endsWith('.png'))) {
          const width = readFileSync(join(OUT, png)).readUInt32BE(16);
          assert.ok(width <= 596, `${png}: ${width} pixels wide`);
        }
      }
      await strict.close();
      // Then axe-core, injected (the page's policy would refuse it).
      const open = await browser.newContext({ bypassCSP: true });
      const a11y = await open.newPage();
      await a11y.goto(pathToFileURL(file).href);
      await a11y.addScriptTag({ content: axe });
      // A string, evaluated in the page: this file is type-checked without the DOM's types.
      const violations: { id: string; impact: string; nodes: number }[] = await a11y.evaluate(
        'axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))');
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], `${name}: ${JSON.stringify(violations)}`);
      await open.close();
    }
  } finally {
    await browser.close();
  }
});
