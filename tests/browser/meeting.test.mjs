// Meeting mode on a phone: from Today's "Prepare" to the plan, an answer
// noted in place (htmx, no reload), the countdown turning amber with the
// referral prompt and then running out (playwright's fake clock), a note
// that keeps the countdown, and Finish with a fit of 4 landing on the
// thank-you draft. Also: the page without JavaScript, and the objective
// and question forms.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Harness, XSS, checkPage, checkTouchTargets } from './harness.mjs';

const h = new Harness();
before(async () => { await h.launch(); });
after(async () => { await h.close(); });

const QUESTION = 'What does a usual week look like?';

test('meeting mode: the plan, an answer in place, the countdown, a note, and Finish', async () => {
  await h.startServer('2026-03-10T09:00');
  h.cli('objective', 'add', 'What UX researchers do all day', '--kind', 'role', '--target', '4');
  h.cli('contact', 'add', 'Ada Lovelace', '--org', 'Analytical Engines', '--email', 'ada@example.org',
    '--degree', 'first');
  h.cli('request', 'Ada', '--objective', '1', '--at', '2026-03-02T09:00');
  h.cli('reply', 'Ada', '--yes', '--at', '2026-03-04T09:00');
  h.cli('schedule', 'Ada', '--at', '2026-03-10T10:00', '--minutes', '30');
  h.cli('question', 'add', QUESTION, '--objective', '1', '--category', 'day-to-day');
  h.cli('question', 'add', XSS, '--objective', '1');

  const page = await h.newPage(390);
  // The page's clock is fake from the start, so the countdown can be
  // fast-forwarded; it still ticks on its own in between.
  await page.clock.install({ time: new Date('2026-03-10T10:00:00Z') });

  // Today's "Prepare" leads to meeting mode.
  await page.goto(`${h.base}/`);
  await page.getByRole('link', { name: 'Prepare: open meeting mode' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meeting with Ada Lovelace' }).waitFor();
  const meetingUrl = page.url();
  assert.match(meetingUrl, /\/people\/1\/meeting$/);
  await page.getByText('30 minutes', { exact: true }).waitFor();
  const questions = page.locator('li.question');
  const count = await questions.count();
  assert.ok(count >= 4 && count <= 6, `${count} questions planned`);
  await page.getByText(XSS, { exact: true }).waitFor();
  assert.equal(await page.locator('main img').count(), 0);

  // Note their answer: htmx swaps just that question, no reload.
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
  await page.evaluate(() => { window.rapportMarker = 'still here'; });
  const question = questions.filter({ hasText: QUESTION });
  await question.getByLabel('What they said').fill('Two days of interviews, one of synthesis.');
  await question.getByRole('button', { name: 'Save the answer' }).click();
  const saved = questions.filter({ hasText: QUESTION }).locator('.saved');
  await saved.waitFor();
  assert.match(await saved.textContent(), /^Saved: Two days of interviews, one of synthesis\.$/);
  assert.equal(navigations, 0);
  assert.equal(page.url(), meetingUrl);
  assert.equal(await page.evaluate(() => window.rapportMarker), 'still here');
  assert.equal(await questions.count(), count);

  // The countdown: 30:00, amber with five minutes left, then time is up.
  const timer = page.getByRole('timer', { name: /Time left of the 30 minutes/ });
  assert.equal(await timer.textContent(), '30:00');
  await page.getByRole('button', { name: 'Start the 30 minutes' }).click();
  await page.clock.fastForward('10:00');
  await page.waitForFunction(() => /^(19|20):\d\d$/.test(document.getElementById('countdown').textContent));
  assert.equal(await page.locator('.countdown.amber').count(), 0);
  assert.equal(await page.locator('#countdown-prompt').textContent(), '');
  await page.clock.fastForward('15:00');
  await page.locator('.countdown.amber').waitFor();
  await page.getByText('Five minutes left: ask whom else you should meet').waitFor();
  assert.match(await timer.textContent(), /^0[45]:\d\d$/);
  await checkPage(page, 'meeting');
  await checkTouchTargets(page);

  await page.clock.fastForward('05:30');
  await page.locator('.countdown.over').waitFor();
  await page.getByText('Time is up').waitFor();
  assert.equal(await timer.textContent(), '00:00');

  // A note (Markdown), posted as a form: the countdown survives the reload.
  await page.getByLabel('A note').fill('She suggested **Ben Okafor** at Northwind.');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Note saved.').waitFor();
  await page.locator('.note strong', { hasText: 'Ben Okafor' }).waitFor();
  await page.locator('.countdown.over').waitFor();

  // Finish with a fit of 4: on to the thank-you draft.
  await page.getByRole('radio', { name: /^4/ }).check();
  await page.getByLabel('A last note').fill('Her tip about research ops.');
  await page.getByRole('button', { name: 'Finish and write the thank-you' }).click();
  // The server's clock (09:00) is before the meeting's start (10:00): it
  // asks first, keeping the fit and the note.
  await page.getByText(/^The meeting with Ada Lovelace starts .*10:00; finish it now only if it has already happened\. Finish it now anyway\?$/).waitFor();
  assert.equal(await page.getByLabel('A last note').inputValue(), 'Her tip about research ops.');
  assert.ok(await page.getByRole('radio', { name: /^4/ }).isChecked());
  await page.getByRole('button', { name: 'Yes, it happened: finish and write the thank-you' }).click();
  await page.waitForURL(/\/compose\?contact=1&kind=thank_you$/);
  assert.equal(new URL(page.url()).search, '?contact=1&kind=thank_you');

  await page.goto(`${h.base}/people/1`);
  const held = page.locator('.timeline li', { hasText: 'Meeting held' });
  await held.waitFor();
  await held.getByText('fit 4/5').waitFor();
  await held.getByText('Her tip about research ops.').waitFor();
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('without JavaScript meeting mode shows the plan and the forms still work', async () => {
  const page = await h.newPage(390, { javaScriptEnabled: false });
  await page.goto(`${h.base}/people/1/meeting`);
  await page.getByRole('heading', { level: 1, name: 'Meeting with Ada Lovelace' }).waitFor();
  assert.equal(await page.locator('#countdown-panel').isVisible(), false);
  assert.ok(await page.locator('li.question').count() >= 4);
  const question = page.locator('li.question').first();
  const text = await question.locator('.question-text').textContent();
  await question.getByLabel('What they said').fill('Answered without JavaScript.');
  await question.getByRole('button', { name: 'Save the answer' }).click();
  await page.getByText(/^Saved their answer to /).waitFor();
  assert.match(page.url(), /\/people\/1\/meeting$/);
  await page.locator('.earlier-answers li', { hasText: 'Answered without JavaScript.' }).waitFor();
  assert.ok(await page.locator('.earlier-answers').getByText(text.slice(0, 20)).count() > 0);

  // The person page's forms post to the same routes and come back there.
  await page.goto(`${h.base}/people/1`);
  await page.getByLabel('Add a note').fill('Follow up about **Ben**.');
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Note saved.').waitFor();
  assert.match(page.url(), /\/people\/1$/);
  await page.getByLabel('The question').selectOption({ label: QUESTION });
  await page.getByLabel('What they said').fill('Mostly diary studies.');
  await page.getByRole('button', { name: 'Save the answer' }).click();
  await page.getByText(`Saved their answer to “${QUESTION}”.`).waitFor();
  assert.match(page.url(), /\/people\/1$/);
  await page.context().close();
});

test('objectives and questions can be added from the web app', async () => {
  const page = await h.newPage(390);
  await page.goto(`${h.base}/objectives`);
  await page.getByLabel('What do you want to learn?').fill('Life in a small design studio');
  await page.getByLabel('About', { exact: true }).selectOption('company');
  await page.getByLabel('Conversations wanted').fill('3');
  await page.getByRole('button', { name: 'Add the objective' }).click();
  await page.getByRole('heading', { level: 1, name: 'Life in a small design studio' }).waitFor();
  await page.getByText('Added the objective').waitFor();
  await page.getByText('0 of 3').waitFor();
  await page.getByLabel('The question', { exact: true }).fill('Who decides what the studio takes on?');
  await page.getByLabel('Kind of question').selectOption('culture');
  await page.getByRole('button', { name: 'Add the question' }).click();
  await page.getByText('Added the question “Who decides what the studio takes on?”.').waitFor();
  await checkTouchTargets(page);
  await page.goto(`${h.base}/objectives`);
  await checkTouchTargets(page);
  await checkPage(page, 'objectives-form');
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});
