/**
 * The web app in a real browser: Chromium (headless, driven by
 * playwright-core) against `startServer` on loopback, over a temporary store
 * holding the bundled examples and a hostile article. Screenshots go to
 * test-output/browser/. Skipped when /usr/bin/chromium or web/dist is absent.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { createCoder } from '../../src/index.ts';
import { ingest, ingestArticle, readSources } from '../../src/ingest/index.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';

const CHROMIUM = process.env.DYAD_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(ROOT, 'web', 'dist');
const SHOTS = join(ROOT, 'test-output', 'browser');

const skip = !existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM} (install chromium, or set DYAD_CHROMIUM)`
  : !existsSync(join(WEB, 'index.html'))
    ? 'web/dist is not built (npm run build:web)'
    : false;
if (skip) console.log(`# browser tests skipped: ${skip}`);

const HOSTILE = {
  id: 'hostile',
  title: 'Hostile <img src=x onerror="window.__pwned=\'title\'">',
  date: '2026-02-20',
  url: 'javascript:window.__pwned="url"',
  text:
    'Israel criticized Russia <script>window.__pwned="script"</script> on Friday. ' +
    'Egypt condemned Israel <img src=x onerror="window.__pwned=\'img\'"> for the strike. ' +
    'Read <a href="javascript:window.__pwned=\'link\'">this link</a> now.',
};

describe('web app in Chromium', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dyad-browser-'));
    await mkdir(SHOTS, { recursive: true });
    store = await openStore(join(dir, 'web.db'));
    const coder = await createCoder();
    await ingest(readSources([{ kind: 'path', path: join(ROOT, 'examples', 'articles.jsonl') }]), { store, coder });
    const r = await ingestArticle({ ...HOSTILE, source: 'test', feed: null, publisher: 'test', name: 'hostile' }, { store, coder });
    assert.equal(r.status, 'stored');
    server = await startServer({ store, coder, open: true, port: 0, webDir: WEB });
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(20_000);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  test('browser_dashboard: counts, top dyads, latest articles', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('stats').waitFor();
    assert.match(await page.getByTestId('stats').innerText(), /4\s+articles/);
    await page.getByTestId('top-dyads').locator('tbody tr').first().waitFor();
    assert.ok((await page.getByTestId('article-list').locator('li').count()) >= 3);
    await shot('dashboard');
    await page.setViewportSize({ width: 390, height: 800 });
    await shot('dashboard-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('browser_article: clicking an event lights up its sentence and spans', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('article-list').getByRole('link', { name: /negotiating table in Istanbul/ }).click();
    await page.getByTestId('article-text').waitFor();
    assert.ok((await page.locator('.article-text .quote').count()) > 0, 'quotes are marked');
    assert.equal(await page.locator('.article-text .hl').count(), 0);
    const first = page.getByTestId('event-list').getByRole('button').nth(1);
    const label = await first.innerText();
    await first.click();
    const verb = await page.locator('.article-text .hl-verb').first().innerText();
    assert.ok(label.includes(`“${verb}`), `the highlighted verb '${verb}' is the clicked event's (${label})`);
    assert.ok((await page.locator('.article-text .sel-sentence').count()) > 0);
    assert.ok((await page.locator('.article-text .hl-source').count()) > 0);
    await page.getByTestId('evidence').waitFor();
    await shot('article-event');
    // keyboard: the next event by Tab + Enter
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('event-list').locator('[aria-pressed="true"]').count(), 1);
  });

  test('browser_events: filters go to the URL and the table; download links carry them', async () => {
    await page.goto(`${server.url}/#/events`);
    await page.getByTestId('events-table').waitFor();
    const all = await page.getByTestId('events-table').locator('tbody tr').count();
    await page.getByLabel('Source').fill('RUS');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/#\/events\?source=RUS/);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=events-table] tbody tr').length < n, all);
    const sources = await page.locator('[data-testid=events-table] tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(sources.length > 0 && sources.every((s) => s.startsWith('RUS')), sources.join(','));
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    assert.equal(csv, 'api/events?source=RUS&format=csv');
    const res = await page.request.get(`${server.url}/${csv}`);
    assert.equal((await res.text()).trim().split('\n').length, sources.length + 1);
    await shot('events-filtered');
  });

  test('browser_dyad: a uPlot chart of daily counts', async () => {
    await page.goto(`${server.url}/#/dyad?source=RUS&target=UKR`);
    await page.locator('[data-testid=dyad-chart] canvas').waitFor();
    assert.ok((await page.getByTestId('dyad-table').locator('tbody tr').count()) >= 1);
    await shot('dyad');
  });

  test('browser_actor: partners and a network', async () => {
    await page.goto(`${server.url}/#/actor/UKR`);
    await page.locator('[data-testid=network] canvas').first().waitFor();
    assert.ok((await page.getByTestId('partners').locator('tbody tr').count()) >= 1);
    await shot('actor');
  });

  test('browser_playground: pasted text is coded via POST /api/code', async () => {
    await page.goto(`${server.url}/#/playground`);
    await page.getByLabel('Text').fill('France criticized Iran over its nuclear programme. Germany praised France.');
    await page.getByRole('button', { name: 'Code' }).click();
    await page.getByTestId('playground-result').waitFor();
    const events = await page.getByTestId('playground-result').locator('ol.events li').count();
    assert.ok(events >= 1);
    assert.equal((await store.stats()).articles, 4, 'nothing stored');
    await shot('playground');
  });

  test('browser_security: markup in a stored article is shown as text and never runs', async () => {
    await page.goto(`${server.url}/#/article/hostile`);
    await page.getByTestId('article-text').waitFor();
    await page.waitForTimeout(500);
    const text = await page.getByTestId('article-text').innerText();
    assert.ok(text.includes('<script>window.__pwned="script"</script>'), 'the script tag is visible as text');
    assert.ok(text.includes('<img src=x onerror='));
    assert.ok((await page.locator('h1').innerText()).includes('<img src=x'));
    assert.equal(await page.locator('main script, main img, .article-text a').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
    // click every event and the words that look like a link: still nothing runs
    for (const b of await page.getByTestId('event-list').getByRole('button').all()) await b.click();
    await page.getByText('this link', { exact: false }).first().click();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.deepEqual(errors, []);
    await shot('security');
  });
});
