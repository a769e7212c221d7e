// The web app in a real browser: playwright-core drives Debian's chromium
// (never a downloaded browser) against this build's `rapport serve` on a
// free loopback port, with a fresh database and a fixed clock.
//
//   RAPPORT_BINARY=build/rapport node --test tests/browser/flow.test.mjs
//
// RAPPORT_ARTIFACTS (default build/artifacts) receives the screenshots;
// RAPPORT_UPDATE_SCREENSHOTS=1 also copies them into docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { chromium } = require(path.join(root, 'node_modules/playwright-core'));
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const binary = process.env.RAPPORT_BINARY || path.join(root, 'build/rapport');
const artifacts = process.env.RAPPORT_ARTIFACTS || path.join(root, 'build/artifacts');
const shots = path.join(artifacts, 'screenshots');
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';

const home = mkdtempSync(path.join(tmpdir(), 'rapport-browser-'));
const db = path.join(home, 'rapport.db');
let server = null;
let base = '';
let serverNow = '';
let browser = null;
const dialogs = [];

// Starts `rapport serve --port 0` with the clock at `now`; resolves to its
// address once it has printed it.
function startServer(now) {
  serverNow = now;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', '--port', '0', '--db', db, '--now', now], {
      env: { ...process.env, XDG_DATA_HOME: path.join(home, 'data'),
             XDG_CONFIG_HOME: path.join(home, 'config'), TZ: 'UTC', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving at (http:\/\/[^ ]+\/)/);
      if (m) {
        clearTimeout(timer);
        server = child;
        base = m[1].replace(/\/$/, '');
        resolve();
      }
    });
    child.stderr.on('data', (d) => { err += d; process.stderr.write(d); });
    child.on('exit', (code) => { clearTimeout(timer); if (!base) reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

// Runs the CLI on the server's database, at the server's clock: the data
// the learning pages show is entered from the command line today.
function cli(...args) {
  return execFileSync(binary, ['--db', db, '--now', serverNow, ...args], {
    env: { ...process.env, XDG_DATA_HOME: path.join(home, 'data'),
           XDG_CONFIG_HOME: path.join(home, 'config'), TZ: 'UTC', NO_COLOR: '1' },
    encoding: 'utf8',
  });
}

function stopServer() {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.on('exit', (code) => { server = null; resolve(code); });
    server.kill('SIGTERM');
  });
}

async function newPage(width = 1280, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => dialogs.push(`page error: ${e.message}`));
  return page;
}

// axe-core, evaluated through the DevTools protocol (the page's CSP forbids
// inline scripts, as it should).
async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${name}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`), []);
}

async function screenshot(page, name) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const file = path.join(shots, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.RAPPORT_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(path.join(root, 'docs/screenshots'), { recursive: true });
      copyFileSync(file, path.join(root, 'docs/screenshots', `${name}-${width}.png`));
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
});

after(async () => {
  if (browser) await browser.close();
  await stopServer();
  rmSync(home, { recursive: true, force: true });
});

test('a seeker adds a person, asks, follows up in one click, and the agenda follows', async () => {
  await startServer('2026-03-02T09:00');
  const page = await newPage();

  await page.goto(`${base}/people`);
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Organization').fill('Analytical Engines');
  await page.getByLabel('Email').fill('ada@example.org');
  await page.getByLabel('How well you know them').selectOption('first');
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
  await page.getByText('Added Ada Lovelace.').waitFor();
  const personUrl = page.url();
  assert.match(personUrl, /\/people\/\d+$/);

  await page.getByLabel('What happened', { exact: true }).selectOption('target');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Targeted.').waitFor();
  await page.getByRole('link', { name: 'Today' }).click();
  await page.locator('li[data-kind="request"]', { hasText: 'Ada Lovelace' }).waitFor();

  await page.goto(personUrl);
  await page.getByLabel('What happened', { exact: true }).selectOption('request');
  await page.locator('#note').fill('Asked for 20 minutes about the engines');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Request sent.').waitFor();
  await page.getByText('Asked for 20 minutes about the engines').waitFor();
  await page.goto(`${base}/`);
  assert.equal(await page.locator('li[data-kind="request"]').count(), 0);
  // The follow-up is planned a week out: this week, not overdue yet.
  await page.locator('.group-week li[data-kind="follow_up"]', { hasText: 'Ada Lovelace' }).waitFor();
  assert.equal(await page.locator('.group-overdue').count(), 0);
  await page.context().close();

  // A week and a day later: the follow-up is due.
  await stopServer();
  await startServer('2026-03-10T09:00');
  const later = await newPage();
  await later.goto(`${base}/`);
  const item = later.locator('.group-overdue li[data-kind="follow_up"]', { hasText: 'Ada Lovelace' });
  await item.waitFor();
  await item.getByText(/no reply to your request/).waitFor();
  await later.getByRole('heading', { name: /Overdue/ }).waitFor();
  // With the keyboard: focus the one-click button and press Enter.
  await item.getByRole('button', { name: 'I sent the follow-up' }).focus();
  await later.keyboard.press('Enter');
  await later.getByText('Logged Follow up sent for Ada Lovelace.').waitFor();
  assert.equal(await later.locator('li[data-kind="follow_up"]').count(), 0);
  await later.goto(personUrl.replace(/^http:\/\/[^/]+/, base));
  await later.getByText('Follow up sent').first().waitFor();
  await later.context().close();
  assert.deepEqual(dialogs, []);
});

test('works without JavaScript for reading and plain form posts', async () => {
  const page = await newPage(390, { javaScriptEnabled: false });
  await page.goto(`${base}/people`);
  await page.getByLabel('Name').fill('Grace Hopper');
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
  await page.getByLabel('What happened', { exact: true }).selectOption('target');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Targeted.').waitFor();
  await page.goto(`${base}/`);
  await page.locator('li[data-kind="request"]', { hasText: 'Grace Hopper' }).waitFor();
  await page.context().close();
});

test('an XSS payload in every text field renders as inert text', async () => {
  const page = await newPage();
  await page.goto(`${base}/people`);
  await page.getByLabel('Name').fill(XSS);
  await page.getByLabel('Organization').fill(XSS);
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByRole('heading', { level: 1, name: XSS }).waitFor();
  await page.getByLabel('What happened', { exact: true }).selectOption('target');
  await page.locator('#note').fill(XSS);
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Targeted.').waitFor();
  const person = page.url();
  for (const url of [`${base}/`, `${base}/people`, person]) {
    await page.goto(url);
    assert.ok(await page.getByText(XSS, { exact: false }).count() > 0, `payload shown as text on ${url}`);
    assert.equal(await page.locator('main img, main script').count(), 0, `no markup injected on ${url}`);
  }
  // An error page echoes the App's message, escaped too.
  await page.goto(person);
  await page.getByLabel('What happened', { exact: true }).selectOption('schedule');
  await page.locator('#meeting_at').fill('2026-03-12T15:00');
  await page.locator('#at').fill('2030-01-01T00:00');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByRole('alert').waitFor();
  await page.context().close();
  assert.deepEqual(dialogs, []);
});

test('search, an objective\'s insight and progress show what was learned', async () => {
  // Enough to fill the pages: an objective, requests, three meetings with
  // answers, a note, promises; and a payload in an objective's title.
  cli('objective', 'add', 'What UX researchers do all day', '--kind', 'role', '--target', '4');
  cli('objective', 'add', XSS, '--kind', 'industry');
  cli('contact', 'edit', 'Ada Lovelace', '--source', 'alumni');
  cli('contact', 'add', 'Ben Okafor', '--org', 'Northwind', '--degree', 'second', '--source', 'referral');
  cli('contact', 'add', 'Chen Wei', '--degree', 'cold', '--source', 'linkedin');
  cli('contact', 'add', 'Dana Ruiz', '--org', 'Contoso', '--degree', 'first', '--source', 'association');
  cli('request', 'Ben', '--at', '2026-02-02T09:00', '--objective', '1');
  cli('request', 'Chen', '--at', '2026-02-05T09:00', '--objective', '1');
  cli('request', 'Dana', '--at', '2026-02-16T09:00', '--objective', '1');
  cli('met', 'Ada', '--objective', '1', '--at', '2026-02-11T15:00', '--fit', '4');
  cli('met', 'Ben', '--objective', '1', '--at', '2026-02-19T12:00', '--fit', '5');
  cli('met', 'Dana', '--objective', '1', '--at', '2026-03-09T16:00', '--fit', '3');
  cli('question', 'add', 'What does a usual week look like?', '--objective', '1', '--category', 'day-to-day');
  cli('question', 'add', 'What changed in the field this year?', '--objective', '1', '--category', 'trends');
  cli('answer', 'Ada', 'usual week', 'Two days of interviews, one of synthesis, the rest is meetings and planning.');
  cli('answer', 'Ben', 'usual week', 'Mostly diary studies and a weekly readout to product.');
  cli('answer', 'Dana', 'changed in the field', 'Research ops became its own job; fewer generalists.');
  cli('note', 'Ada', 'She moved from **design systems** to research ops; read the Nielsen pieces she sent.');
  cli('promise', 'Ada', 'Send her my portfolio link', '--objective', '1');
  cli('promise', 'Ben', 'An introduction to his manager', '--theirs', '--objective', '1');

  const page = await newPage(390);
  // Search with the keyboard, from the nav.
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByRole('searchbox').fill('design systems');
  await page.keyboard.press('Enter');
  const result = page.locator('.result', { hasText: 'Ada Lovelace' });
  await result.waitFor();
  assert.deepEqual(await result.locator('mark').allTextContents(), ['design', 'systems']);
  assert.match(page.url(), /\/search\?q=design(\+|%20)systems$/);
  await page.getByRole('searchbox').fill('zeppelin');
  await page.keyboard.press('Enter');
  await page.getByText('Nothing found for “zeppelin”').waitFor();

  // The objective's matrix scrolls inside its own box on a phone.
  await page.getByRole('link', { name: 'Objectives' }).click();
  await page.getByText(XSS, { exact: true }).waitFor();
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.getByRole('link', { name: 'What UX researchers do all day' }).click();
  await page.getByRole('heading', { level: 1, name: 'What UX researchers do all day' }).waitFor();
  await page.getByText('3 of 4').first().waitFor();
  const cell = page.getByRole('cell', { name: /Mostly diary studies/ });
  await cell.waitFor();
  const scroll = await page.locator('.table-scroll').evaluate((e) => [e.scrollWidth, e.clientWidth]);
  assert.ok(scroll[0] > scroll[1], `the matrix scrolls in its box (${scroll})`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await page.getByText('An introduction to his manager').waitFor();

  // Progress: eight weeks of bars against the goal line.
  await page.getByRole('link', { name: 'Progress' }).click();
  const chart = page.getByRole('img', { name: /Meetings per week over the last 8 weeks/ });
  await chart.waitFor();
  assert.equal(await page.locator('svg.chart rect.week-bar').count(), 8);
  assert.equal(await page.locator('svg.chart line.goal').count(), 1);
  await page.locator('.funnel li', { hasText: 'Asked' }).getByText('4').waitFor();
  await page.context().close();
  assert.deepEqual(dialogs, []);
});

test('every page passes axe (no serious or critical violations) and is photographed', async () => {
  const page = await newPage();
  await page.goto(`${base}/people`);
  const first = page.locator('a.person-link', { hasText: 'Ada Lovelace' });
  const person = new URL(await first.getAttribute('href'), base).href;
  const pages = [['today', `${base}/`], ['people', `${base}/people`], ['person', person],
    ['search', `${base}/search?q=research`], ['objectives', `${base}/objectives`],
    ['objective', `${base}/objectives/1`], ['progress', `${base}/progress`]];
  for (const [name, url] of pages) {
    await page.goto(url);
    await axe(page, name);
    await page.setViewportSize({ width: 390, height: 900 });
    await axe(page, `${name} at 390 px`);
    // Nothing wider than a phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 390, `${name} is ${overflow} px wide at 390 px`);
    await screenshot(page, name);
  }
  // Touch targets: every button and form control is at least 44 px tall.
  await page.setViewportSize({ width: 390, height: 900 });
  for (const url of [`${base}/`, `${base}/people`, person, `${base}/search`, `${base}/progress`]) {
    await page.goto(url);
    const small = await page.evaluate(() => [...document.querySelectorAll('main button, main input:not([type=hidden]), main select, nav a')]
      .filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(small, [], url);
  }
  await page.context().close();
});
