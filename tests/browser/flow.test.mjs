// The first journey and the reading pages: a seeker adds a person, asks,
// follows up in one click; plain form posts without JavaScript; an XSS
// payload stays text; search, insight and progress; axe and screenshots of
// each page. The harness (harness.mjs) starts the server and the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, XSS, axe, screenshot } from './harness.mjs';

const h = new Harness();
const dialogs = h.dialogs;
const cli = (...args) => h.cli(...args);
const newPage = (...args) => h.newPage(...args);
const startServer = (now) => h.startServer(now);
const stopServer = () => h.stopServer();
let base = '';

before(async () => { await h.launch(); });
after(async () => { await h.close(); });

test('a seeker adds a person, asks, follows up in one click, and the agenda follows', async () => {
  await startServer('2026-03-02T09:00');
  base = h.base;
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
  base = h.base;
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
  // ... beside the field it is about, which is marked invalid and described
  // by it; what was typed stays, and nothing tells the seeker to use the CLI.
  const when = page.getByLabel(/^When/);
  assert.equal(await when.getAttribute('aria-invalid'), 'true');
  const described = await when.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described}`).textContent(), /is in the future/);
  assert.equal(await when.inputValue(), '2030-01-01T00:00');
  assert.equal(await page.locator('#meeting_at').inputValue(), '2026-03-12T15:00');
  assert.equal(await page.locator('#meeting_at').getAttribute('aria-invalid'), null);
  assert.doesNotMatch(await page.locator('main').textContent(), /--at|rapport schedule/);
  await axe(page, 'a form error beside its field');
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
