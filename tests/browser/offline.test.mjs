// On the phone with no signal: the app is installable (Chromium's own
// check), the service worker controls the page after one reload, Today and
// the day's meeting are kept; offline, meeting mode opens from the phone,
// the countdown runs, three answers, a note and Finish are saved on the
// phone; back online each reaches the server exactly once, and sending the
// same outbox again (a forced retry) still gives once. Today offline shows
// the kept agenda with the time it was fetched. An answer written elsewhere
// meanwhile is kept beside the phone's, and the page says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, checkPage, checkTouchTargets } from './harness.mjs';

const h = new Harness();
before(async () => { await h.launch(); });
after(async () => { await h.close(); });

const QUESTIONS = ['What does a usual week look like?', 'How did you get into research ops?',
  'What would you do differently starting today?'];

async function until(what, fn, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// What the server has for Ada: her answers, notes, and meetings held.
function serverState() {
  const timeline = JSON.parse(h.cli('timeline', 'Ada', '--json'));
  const events = Array.isArray(timeline) ? timeline : timeline.events;
  const notes = JSON.parse(h.cli('notes', '--contact', 'Ada', '--json'));
  const prep = JSON.parse(h.cli('prep', 'Ada', '--json'));
  return {
    held: events.filter((e) => e.kind === 'meeting_held').length,
    notes: notes.map((n) => n.body),
    answers: prep.earlier_answers.map((a) => a.body),
  };
}

const outbox = (page) => page.evaluate(() => window.RapportOutbox.all());

test('installable; meeting mode offline, sent once when back online, and once again after a retry', async () => {
  await h.startServer('2026-03-10T09:00');
  h.cli('objective', 'add', 'What UX researchers do all day', '--kind', 'role', '--target', '4');
  h.cli('contact', 'add', 'Ada Lovelace', '--org', 'Analytical Engines', '--email', 'ada@example.org');
  h.cli('request', 'Ada', '--objective', '1', '--at', '2026-03-02T09:00');
  h.cli('reply', 'Ada', '--yes', '--at', '2026-03-04T09:00');
  h.cli('schedule', 'Ada', '--at', '2026-03-10T10:00', '--minutes', '30');
  for (const q of QUESTIONS) h.cli('question', 'add', q, '--objective', '1');

  const context = await h.newPersistentContext(390);
  const page = context.pages()[0] || await context.newPage();

  // Online: Today once; the worker installs, and controls the page after
  // one reload.
  await page.goto(`${h.base}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);

  // Chromium's own installability check: nothing missing.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);

  // Today kept the meeting's pages ahead, without their being opened.
  await until('the meeting page to be kept', () =>
    page.evaluate(async () => !!(await caches.match('/people/1/meeting'))));
  await until('the person page to be kept', () =>
    page.evaluate(async () => !!(await caches.match('/people/1'))));

  // No network.
  await context.setOffline(true);
  await page.goto(`${h.base}/people/1/meeting`);
  await page.getByRole('heading', { level: 1, name: 'Meeting with Ada Lovelace' }).waitFor();
  const banner = page.locator('#offline-banner');
  await banner.getByText('Offline.').waitFor();
  assert.ok(!Number.isNaN(Date.parse(await banner.locator('time').getAttribute('datetime'))));

  // The countdown runs from the phone's own copy of the script.
  const timer = page.getByRole('timer', { name: /Time left of the 30 minutes/ });
  assert.equal(await timer.textContent(), '30:00');
  await page.getByRole('button', { name: 'Start the 30 minutes' }).click();
  await page.waitForFunction(() => /^29:\d\d$/.test(document.getElementById('countdown').textContent));

  // Three answers, each saved on the phone in place.
  for (const [i, q] of QUESTIONS.entries()) {
    const block = page.locator('li.question', { hasText: q });
    await block.getByLabel('What they said').fill(`Answer ${i + 1}, said offline.`);
    await block.getByRole('button', { name: 'Save the answer' }).click();
    await block.locator('.kept', { hasText: `Answer ${i + 1}, said offline.` }).waitFor();
    assert.equal(await block.getByLabel('What they said').inputValue(), '');
  }
  await page.getByText(/Saved on this phone; it will be sent when you are online/).first().waitFor();
  // A note, then Finish with a fit of 4.
  await page.getByLabel('A note').fill('She suggested **Ben Okafor** at Northwind.');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.locator('.kept-note', { hasText: 'Ben Okafor' }).waitFor();
  await page.getByRole('radio', { name: /^4/ }).check();
  await page.getByRole('button', { name: 'Finish and write the thank-you' }).click();
  await page.locator('.kept', { hasText: 'Finished (fit 4).' }).waitFor();
  await page.getByText('5 things saved on this phone are waiting to be sent.').waitFor();
  // After Finish, the page that came back (the kept copy) still shows the
  // answers and the note as saved on the phone.
  assert.equal(await page.locator('li.question .kept').count(), 3);
  await checkPage(page, 'meeting-offline');
  await checkTouchTargets(page);
  const kept = await outbox(page);
  assert.deepEqual(kept.map((i) => i.kind), ['answer', 'answer', 'answer', 'note', 'finish']);
  assert.equal(new Set(kept.map((i) => i.id)).size, 5);

  // Nothing reached the server.
  assert.deepEqual(serverState(), { held: 0, notes: [], answers: [] });

  // Today offline: the kept agenda, with the time it was fetched.
  await page.goto(`${h.base}/`);
  await page.getByRole('heading', { level: 1, name: /Today/ }).waitFor();
  await page.locator('#offline-banner').getByText('Offline.').waitFor();
  const fetched = await page.locator('#offline-banner time').getAttribute('datetime');
  assert.ok(Date.now() - Date.parse(fetched) < 10 * 60 * 1000, fetched);
  assert.notEqual((await page.locator('#offline-banner time').textContent()).trim(), '');
  await checkPage(page, 'today-offline');

  // Back online: the outbox is sent, and the page says so.
  await page.goto(`${h.base}/people/1/meeting`);
  await context.setOffline(false);
  await until('the outbox to be sent', async () => (await outbox(page)).length === 0);
  await page.getByText(/^Sent what you saved on this phone: 3 answers, a note and the meeting’s finish\./).waitFor();
  await page.getByRole('link', { name: 'Write the thank-you' }).waitFor();
  const sent = serverState();
  assert.equal(sent.held, 1);
  assert.deepEqual(sent.notes, ['She suggested **Ben Okafor** at Northwind.']);
  assert.deepEqual(sent.answers.sort(), ['Answer 1, said offline.', 'Answer 2, said offline.', 'Answer 3, said offline.']);

  // A forced retry: the same five items back in the outbox, sent again.
  await page.evaluate(async (items) => { for (const i of items) await window.RapportOutbox.put(i); }, kept);
  assert.equal((await outbox(page)).length, 5);
  await page.evaluate(() => navigator.serviceWorker.controller.postMessage({ type: 'flush' }));
  await until('the retry to be sent', async () => (await outbox(page)).length === 0);
  assert.deepEqual(serverState(), sent);
  assert.deepEqual(await page.evaluate(() => window.RapportOutbox.refused()), []);
  assert.deepEqual(h.dialogs, []);
});

test('an answer written elsewhere while the phone was offline is kept beside it, and said', async () => {
  h.cli('contact', 'add', 'Ben Okafor', '--org', 'Northwind');
  h.cli('schedule', 'Ben', '--at', '2026-03-10T16:00', '--minutes', '20');
  const context = await h.newPersistentContext(390);
  const page = context.pages()[0] || await context.newPage();
  await page.goto(`${h.base}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.goto(`${h.base}/people/2/meeting`);
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);

  await context.setOffline(true);
  await page.reload();
  await page.locator('#offline-banner').waitFor();
  // The first question of the plan (the bank's starters: Ben has no objective).
  const block = page.locator('li.question').filter({ has: page.locator('form') }).first();
  const question = await block.locator('.question-text').textContent();
  await block.getByLabel('What they said').fill('From the phone: design systems first.');
  await block.getByRole('button', { name: 'Save the answer' }).click();
  await block.locator('.kept').waitFor();
  // Meanwhile, on the laptop.
  h.cli('answer', 'Ben', question, 'From the laptop: research ops.');

  await context.setOffline(false);
  await until('the outbox to be sent', async () => (await outbox(page)).length === 0);
  await page.getByText('Another answer to this question was saved elsewhere meanwhile (on another device or tab); both are kept.').waitFor();
  const prep = JSON.parse(h.cli('prep', 'Ben', '--json'));
  const answers = prep.earlier_answers.map((a) => a.body);
  assert.ok(answers.includes('From the phone: design systems first.'), answers.join(' | '));
  assert.ok(answers.includes('From the laptop: research ops.'), answers.join(' | '));
  assert.deepEqual(h.dialogs, []);
});
