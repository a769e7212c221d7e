// The Pipeline board and the Import page in a real browser: a card dragged
// to the next column lands there and the agenda follows; a move that is not
// obvious asks in the page (never a browser dialog); the Move form works
// without JavaScript; a LinkedIn export is previewed, then imported; axe,
// overflow, touch targets and screenshots of both pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Harness, XSS, root, checkPage, checkTouchTargets } from './harness.mjs';

const h = new Harness();
const fixtures = path.resolve(root, '../shared/fixtures');

before(async () => {
  await h.launch();
  await h.startServer('2026-03-02T09:00');
  h.cli('contact', 'add', 'Ada Lovelace', '--org', 'Analytical Engines', '--tag', 'math');
  h.cli('contact', 'add', 'Bo Peep', '--org', 'Sheep & Co');
  h.cli('contact', 'add', 'Cy Young', '--org', 'Navy Labs', '--tag', 'math');
  h.cli('contact', 'add', XSS, '--org', XSS);
  for (const who of ['Ada', 'Bo Peep', 'Cy Young', 'img']) h.cli('target', who);
});
after(async () => { await h.close(); });

// Drags need the target column on screen: a tall window shows the whole
// board (a person scrolls while dragging; a test's pointer cannot).
async function boardPage() {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 1800 });
  return page;
}
const column = (page, stage) => page.locator(`.column[data-stage="${stage}"]`);
const card = (page, stage, name) => column(page, stage).locator('.card', { hasText: name });

test('dragging a card to the next column records the event, and Today follows', async () => {
  const page = await boardPage();
  await page.goto(`${h.base}/`);
  await page.locator('li[data-kind="request"]', { hasText: 'Ada Lovelace' }).waitFor();

  await page.getByRole('link', { name: 'Pipeline' }).click();
  await page.getByRole('heading', { level: 1, name: /Pipeline/ }).waitFor();
  await card(page, 'targeted', 'Ada Lovelace').dragTo(column(page, 'requested'),
    { sourcePosition: { x: 4, y: 4 } });
  await card(page, 'requested', 'Ada Lovelace').waitFor();
  await page.getByText('Moved Ada Lovelace to Requested: logged Request sent.').waitFor();
  assert.equal(await card(page, 'targeted', 'Ada Lovelace').count(), 0);

  await page.getByRole('link', { name: 'Today' }).click();
  await page.locator('li[data-kind="follow_up"]', { hasText: 'Ada Lovelace' }).waitFor();
  assert.equal(await page.locator('li[data-kind="request"]', { hasText: 'Ada Lovelace' }).count(), 0);
  // Bo is still to be asked.
  await page.locator('li[data-kind="request"]', { hasText: 'Bo Peep' }).waitFor();
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('a move that is not obvious asks first, in the page', async () => {
  const page = await boardPage();
  await page.goto(`${h.base}/pipeline`);
  await card(page, 'targeted', 'Bo Peep').dragTo(column(page, 'met'), { sourcePosition: { x: 4, y: 4 } });
  const dialog = page.locator('dialog.move-dialog');
  await dialog.getByText('Mark Bo Peep as met? This records a meeting held today.').waitFor();
  assert.equal(await dialog.evaluate((d) => d.open), true);
  // Cancel leaves everything as it was.
  await dialog.getByRole('link', { name: 'Cancel' }).click();
  assert.equal(await dialog.evaluate((d) => d.open), false);
  await card(page, 'targeted', 'Bo Peep').waitFor();

  await card(page, 'targeted', 'Bo Peep').dragTo(column(page, 'met'), { sourcePosition: { x: 4, y: 4 } });
  await dialog.getByRole('button', { name: 'Yes, record it' }).click();
  await card(page, 'met', 'Bo Peep').waitFor();
  await page.getByText('Moved Bo Peep to Met: logged Meeting held.').waitFor();
  // Undo takes the meeting back, and Bo with it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await card(page, 'targeted', 'Bo Peep').waitFor();
  assert.equal(await card(page, 'met', 'Bo Peep').count(), 0);
  await card(page, 'targeted', 'Bo Peep').dragTo(column(page, 'met'), { sourcePosition: { x: 4, y: 4 } });
  await dialog.getByRole('button', { name: 'Yes, record it' }).click();
  await card(page, 'met', 'Bo Peep').waitFor();

  // Scheduling asks for the date and time.
  await card(page, 'requested', 'Ada Lovelace').dragTo(column(page, 'scheduled'), { sourcePosition: { x: 4, y: 4 } });
  await dialog.getByText('When is the meeting with Ada Lovelace?').waitFor();
  await dialog.getByLabel(/When is the meeting/).fill('2026-03-05T15:00');
  await dialog.getByRole('button', { name: 'Schedule it' }).click();
  await card(page, 'scheduled', 'Ada Lovelace').waitFor();
  // A move backwards is refused with its reason.
  await card(page, 'scheduled', 'Ada Lovelace').dragTo(column(page, 'targeted'), { sourcePosition: { x: 4, y: 4 } });
  await page.getByText(/Not moved: Ada Lovelace is already past the target list/).waitFor();
  await card(page, 'scheduled', 'Ada Lovelace').waitFor();
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('the Move form works with the keyboard and without JavaScript', async () => {
  const page = await h.newPage(390, { javaScriptEnabled: false });
  await page.goto(`${h.base}/pipeline?tag=math`);
  assert.equal(await page.locator('.card', { hasText: 'Bo Peep' }).count(), 0);
  const cy = card(page, 'targeted', 'Cy Young');
  await cy.getByLabel('Move to').selectOption('requested');
  await cy.getByRole('button', { name: 'Move' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Moved Cy Young to Requested: logged Request sent.').waitFor();
  assert.match(page.url(), /\/pipeline\?tag=math$/);
  await card(page, 'requested', 'Cy Young').waitFor();

  // Not obvious: a confirmation page, then back to the filtered board.
  const moved = card(page, 'requested', 'Cy Young');
  await moved.getByLabel('Move to').selectOption('no_response');
  await moved.getByRole('button', { name: 'Move' }).click();
  await page.getByText('Give up on Cy Young? This records that you closed the thread: no more follow-ups.').waitFor();
  await page.getByRole('button', { name: 'Yes, record it' }).click();
  await card(page, 'no_response', 'Cy Young').waitFor();
  assert.match(page.url(), /\/pipeline\?tag=math$/);
  await page.context().close();
});

test('a LinkedIn export is previewed, then imported', async (t) => {
  if (!existsSync(fixtures)) return t.skip('../shared/fixtures is absent (it sits beside the checkout in CI)');
  const page = await h.newPage();
  await page.goto(`${h.base}/`);
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  await page.getByLabel('File', { exact: true }).setInputFiles(path.join(fixtures, 'linkedin/li_2025_notes_url_onerow_tombarr.csv'));
  await page.getByLabel(/Tags for everyone/).fill('linkedin');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Preview of li_2025_notes_url_onerow_tombarr.csv' }).waitFor();
  assert.equal(await page.locator('dd[data-count="added"]').textContent(), '1');
  await page.getByText('Nothing has been saved yet.').waitFor();
  await checkPage(page, 'import-preview');
  await page.setViewportSize({ width: 1280, height: 900 });
  // The preview wrote nothing.
  assert.doesNotMatch(h.cli('contact', 'list'), /Rohrberg/);
  await page.getByRole('button', { name: 'Import 1 person' }).click();
  await page.getByText('Imported 1 person: 1 new, 0 merged.').waitFor();
  assert.match(page.url(), /\/people$/);
  await page.getByRole('link', { name: 'Alex Rohrberg' }).waitFor();

  // A broken file: one line, nothing written.
  await page.goto(`${h.base}/import`);
  await page.getByLabel('File', { exact: true }).setInputFiles(path.join(fixtures, 'vcard/monica_broken_vcard_stub.vcard'));
  await page.getByLabel('What kind of file').selectOption('vcard');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /VCARD/);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('the board and the import page pass axe, fit a phone, and are photographed', async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/pipeline`);
  assert.ok(await page.getByText(XSS).count() > 0, 'the payload shows as text');
  assert.equal(await page.locator('main img, main script').count(), 0);
  await checkPage(page, 'pipeline');
  await checkTouchTargets(page);
  // The nav on a phone is one row (at most 56 px tall, not three rows on
  // every page) that scrolls sideways: every link can be brought on screen,
  // and none makes the page wider.
  await page.setViewportSize({ width: 390, height: 900 });
  const navHeight = await page.evaluate(() => document.querySelector('header.top').getBoundingClientRect().height);
  assert.ok(navHeight <= 56, `the navigation is ${navHeight} px tall`);
  const links = page.locator('nav a');
  for (let i = 0; i < await links.count(); i++) {
    await links.nth(i).scrollIntoViewIfNeeded();
    const box = await links.nth(i).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390.5, `nav link ${i} at ${box.x}..${box.x + box.width}`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await page.goto(`${h.base}/import`);
  await checkPage(page, 'import');
  await checkTouchTargets(page);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});
