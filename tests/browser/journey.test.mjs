// The whole seeker journey of issue 7, item 6, on one database, with the
// server's clock moved forward between steps (stop, restart at a later
// --now): Priya is added and put on the target list; the request is
// written from Today and sent through a real SMTP server on loopback
// (tests/support/smtp_sink.py); a week later the follow-up is logged in
// one click, undone, and logged again; she says yes and the meeting is
// scheduled; ten minutes before it, on a phone, meeting mode takes an
// answer in place, the countdown turns amber with the referral prompt, and
// Finish leads to the thank-you, sent through SMTP too. Today is checked
// after every step (which action, in which group). Then the calendar feed
// and its rotation, an XSS payload in every text field of the journey, and
// axe, overflow and screenshots of the Calendar page and the final Today.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Harness, XSS, startSmtpSink, checkPage } from './harness.mjs';

const h = new Harness();
const mailDir = path.join(h.home, 'mail');
let sink = null;

const PRIYA = 'Priya Natarajan';
const PRIYA_EMAIL = 'priya.natarajan@example.org';
let priyaId = '';

// The loopback SMTP sink (harness.mjs), writing what it receives to mailDir.
const startSink = () => startSmtpSink(mailDir);

// The messages the sink has received, oldest first.
function mails() {
  return readdirSync(mailDir).filter((f) => f.endsWith('.eml'))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((f) => ({
      eml: readFileSync(path.join(mailDir, f), 'utf8'),
      env: readFileSync(path.join(mailDir, f.replace(/\.eml$/, '.env')), 'utf8'),
    }));
}

// Moves the server's clock: the same database, a later --now.
async function restartAt(now) {
  await h.stopServer();
  await h.startServer(now);
}

async function today(page) {
  await page.goto(`${h.base}/`);
  await page.getByRole('heading', { level: 1, name: /^Today/ }).waitFor();
}

// The agenda item of this kind for this person, anywhere on Today.
const item = (page, kind, who) => page.locator(`li[data-kind="${kind}"]`, { hasText: who });

// It is on Today once, in the given group (overdue, today or week).
async function expectIn(page, kind, who, group) {
  const it = item(page, kind, who);
  await it.first().waitFor();
  assert.equal(await it.count(), 1, `one ${kind} for ${who}`);
  const section = await it.evaluate((li) => li.closest('section.group').className);
  assert.equal(section, `group group-${group}`, `${kind} for ${who}`);
}

async function expectGone(page, kind, who) {
  assert.equal(await item(page, kind, who).count(), 0, `no ${kind} for ${who} on ${page.url()}`);
}

// Nothing of a payload became markup (meeting mode's own script aside).
async function assertInert(page, where) {
  assert.equal(await page.locator('main img, main script:not([src^="/assets/"])').count(), 0,
    `no markup injected on ${where}`);
}

// A person put on the target list from the web app has no objective (the
// Log form has no field for one), so the request and thank-you drafts keep
// the template's {{objective}}: the linter flags it, sending refuses it, and
// the seeker writes the words in. The draft, filled in as a seeker would.
const placeholderFinding = (page) => page.locator('#findings li[data-rule="unfilled-placeholder"]').first();
async function draftOf(page) {
  let draft = await page.getByRole('textbox', { name: /^Message/ }).inputValue();
  if (draft.includes('{{objective}}')) {
    await placeholderFinding(page).waitFor();
    draft = draft.replaceAll('{{objective}}', 'patient research');
  }
  assert.ok(!draft.includes('{{'), draft);
  return draft;
}

before(async () => {
  sink = await startSink();
  // Before the server starts: it reads the config once.
  writeFileSync(path.join(h.configDir(), 'config.toml'),
    '[user]\nname = "Sam Rivera"\nemail = "sam@example.org"\n' +
    'intro = "a statistics student curious about health-care research"\n' +
    `\n[smtp]\nhost = "127.0.0.1"\nport = ${sink.port}\nsecurity = "none"\n`);
  await h.launch();
  await h.startServer('2026-04-01T09:00');
});

after(async () => {
  if (sink) sink.child.stdin.end();
  await h.close();
});

test('1. add Priya and put her on the target list: Today says to send the request', async () => {
  const page = await h.newPage(1280);
  await today(page);
  await page.getByText(/Nothing due this week/).waitFor();
  await expectGone(page, 'request', PRIYA);

  await page.getByRole('link', { name: 'People' }).first().click();
  await page.getByLabel('Name').fill(PRIYA);
  await page.getByLabel('Organization').fill('Lumen Health');
  await page.getByLabel('Email').fill(PRIYA_EMAIL);
  await page.getByLabel('How well you know them').selectOption('first');
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByRole('heading', { level: 1, name: PRIYA }).waitFor();
  await page.getByText(`Added ${PRIYA}.`).waitFor();
  priyaId = page.url().match(/\/people\/(\d+)$/)[1];
  await page.locator('.facts dd', { hasText: 'Lumen Health' }).waitFor();

  await page.getByLabel('What happened', { exact: true }).selectOption('target');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Targeted.').waitFor();
  await page.locator('.timeline li', { hasText: 'Targeted' }).waitFor();

  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await expectIn(page, 'request', PRIYA, 'today');
  await item(page, 'request', PRIYA).locator('.action-label', { hasText: 'Send the request' }).waitFor();
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('2. write the request from Today, edit it, send it through SMTP: the follow-up is planned', async () => {
  const page = await h.newPage(1280);
  await today(page);
  await item(page, 'request', PRIYA).getByRole('link', { name: /^Write it/ }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Write to ${PRIYA}`) }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/compose');
  assert.equal(new URL(page.url()).searchParams.get('contact'), priyaId);
  assert.equal(new URL(page.url()).searchParams.get('kind'), 'request');
  await page.locator('.to-email', { hasText: PRIYA_EMAIL }).waitFor();

  const body = page.getByRole('textbox', { name: /^Message/ });
  const draft = await draftOf(page);
  assert.match(draft, /^Hi Priya,/);
  assert.ok(!draft.includes('{{'), draft);
  const edit = 'Any weekday after four works for me.';
  await body.fill(draft.replace(/^Hi Priya,\r?\n/, `Hi Priya,\n\n${edit}\n`));
  await placeholderFinding(page).waitFor({ state: 'detached' });
  await page.getByLabel('Subject').fill('Twenty minutes about patient research?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText(`Sent to ${PRIYA}; logged Request sent.`).waitFor();
  assert.equal(new URL(page.url()).pathname, `/people/${priyaId}`);

  const sent = mails();
  assert.equal(sent.length, 1);
  assert.match(sent[0].env, new RegExp(`^sam@example\\.org\\n${PRIYA_EMAIL.replace(/\./g, '\\.')}\\n$`));
  assert.match(sent[0].eml, new RegExp(`^To: .*${PRIYA_EMAIL.replace(/\./g, '\\.')}`, 'm'));
  assert.match(sent[0].eml, /^Subject: Twenty minutes about patient research\?\r$/m);
  assert.ok(sent[0].eml.includes(`\r\n${edit}\r\n`), sent[0].eml);

  await today(page);
  await expectGone(page, 'request', PRIYA);
  await expectIn(page, 'follow_up', PRIYA, 'week');
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('3. a week later the follow-up is overdue: one click logs it, Undo takes it back', async () => {
  await restartAt('2026-04-09T09:00');
  const page = await h.newPage(1280);
  await today(page);
  await expectIn(page, 'follow_up', PRIYA, 'overdue');
  await item(page, 'follow_up', PRIYA).getByText(/no reply to your request/).waitFor();

  await item(page, 'follow_up', PRIYA).getByRole('button', { name: 'I sent the follow-up' }).click();
  const flash = page.locator('.flash');
  await flash.getByText(`Logged Follow up sent for ${PRIYA}.`).waitFor();
  await expectGone(page, 'follow_up', PRIYA);

  await flash.getByRole('button', { name: 'Undo' }).click();
  await page.getByText(`Undone: Follow up sent for ${PRIYA}.`).waitFor();
  await expectIn(page, 'follow_up', PRIYA, 'overdue');

  await item(page, 'follow_up', PRIYA).getByRole('button', { name: 'I sent the follow-up' }).click();
  await flash.getByText(`Logged Follow up sent for ${PRIYA}.`).waitFor();
  await expectGone(page, 'follow_up', PRIYA);

  // The undone one is gone from the record: exactly one follow-up.
  await page.goto(`${h.base}/people/${priyaId}`);
  await page.locator('.timeline li', { hasText: 'Request sent' }).waitFor();
  assert.equal(await page.locator('.timeline li .what', { hasText: /^Follow up sent$/ }).count(), 1);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('4. she says yes and a meeting is scheduled: Today shows Prepare and Log the meeting', async () => {
  const page = await h.newPage(1280);
  await page.goto(`${h.base}/people/${priyaId}`);
  await page.getByLabel('What happened', { exact: true }).selectOption('reply_yes');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Replied yes.').waitFor();

  await page.getByLabel('What happened', { exact: true }).selectOption('schedule');
  await page.getByLabel(/^Meeting date and time/).fill('2026-04-14T15:00');
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Meeting scheduled.').waitFor();
  const scheduled = page.locator('.timeline li', { hasText: 'Meeting scheduled' });
  await scheduled.getByText(/meeting Tue 14 Apr 15:00, 30 min/).waitFor();

  await today(page);
  await expectIn(page, 'prepare', PRIYA, 'week');
  await item(page, 'prepare', PRIYA).getByText(/Tue 14 Apr 15:00/).waitFor();
  await expectIn(page, 'log_meeting', PRIYA, 'week');
  await expectGone(page, 'follow_up', PRIYA);
  await expectGone(page, 'call', PRIYA);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('5. ten minutes before, on a phone: meeting mode, the countdown, Finish, and the thanks by SMTP', async () => {
  await restartAt('2026-04-14T14:50');
  const page = await h.newPage(390);
  // The page's clock is fake from the start so the countdown can be
  // fast-forwarded.
  await page.clock.install({ time: new Date('2026-04-14T14:50:00Z') });
  await today(page);
  // Due since yesterday, but not late: the meeting has not started.
  await expectIn(page, 'prepare', PRIYA, 'today');
  await expectIn(page, 'log_meeting', PRIYA, 'today');
  await item(page, 'prepare', PRIYA).getByRole('link', { name: 'Prepare: open meeting mode' }).click();
  await page.getByRole('heading', { level: 1, name: `Meeting with ${PRIYA}` }).waitFor();
  const meetingUrl = page.url();
  assert.equal(new URL(meetingUrl).pathname, `/people/${priyaId}/meeting`);
  await page.locator('.meeting-brief dd', { hasText: 'Tue 14 Apr 15:00' }).waitFor();

  // The first question's answer, saved in place (htmx, no navigation).
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
  await page.evaluate(() => { window.rapportMarker = 'still here'; });
  const first = page.locator('li.question').first();
  const questionId = await first.getAttribute('id');
  const answer = 'Recruiting patients is most of the work; the interviews are the fun part.';
  await first.getByLabel('What they said').fill(answer);
  await first.getByRole('button', { name: 'Save the answer' }).click();
  await page.locator(`#${questionId} .saved-text`, { hasText: answer }).waitFor();
  assert.equal(navigations, 0);
  assert.equal(page.url(), meetingUrl);
  assert.equal(await page.evaluate(() => window.rapportMarker), 'still here');

  // The countdown: amber with five minutes left, and the referral prompt.
  const timer = page.getByRole('timer', { name: /Time left of the 30 minutes/ });
  assert.equal(await timer.textContent(), '30:00');
  await page.getByRole('button', { name: 'Start the 30 minutes' }).click();
  await page.clock.fastForward('10:00');
  await page.waitForFunction(() => /^(19|20):\d\d$/.test(document.getElementById('countdown').textContent));
  assert.equal(await page.locator('.countdown.amber').count(), 0);
  await page.clock.fastForward('15:30');
  await page.locator('.countdown.amber').waitFor();
  await page.getByText('Five minutes left: ask whom else you should meet').waitFor();
  assert.match(await timer.textContent(), /^0[45]:\d\d$/);

  // Finish with a fit of 4: on to the thank-you draft.
  await page.getByRole('radio', { name: /^4/ }).check();
  const lastNote = 'She offered to introduce me to the patient-research guild.';
  await page.getByLabel('A last note').fill(lastNote);
  await page.getByRole('button', { name: 'Finish and write the thank-you' }).click();
  // Rapport's clock is still 14:50 (only the page's was moved on), before
  // the 15:00 start: it asks first.
  await page.getByText(/starts .*15:00; finish it now only if it has already happened\. Finish it now anyway\?/).waitFor();
  await page.getByRole('button', { name: 'Yes, it happened: finish and write the thank-you' }).click();
  await page.waitForURL(/\/compose\?/);
  assert.equal(new URL(page.url()).search, `?contact=${priyaId}&kind=thank_you`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`Write to ${PRIYA}`) }).waitFor();

  // Meanwhile Today wants the thanks, and the meeting is logged.
  const side = await page.context().newPage();
  await today(side);
  await expectIn(side, 'thank', PRIYA, 'week');  // within 48 hours
  await expectGone(side, 'log_meeting', PRIYA);
  await expectGone(side, 'prepare', PRIYA);
  await side.close();

  const body = page.getByRole('textbox', { name: /^Message/ });
  const draft = await draftOf(page);
  assert.match(draft, /^Hi Priya,/);
  assert.ok(draft.includes(lastNote.replace(/\.$/, '')), `the draft names the last note: ${draft}`);
  const thanks = 'The tip about recruiting through clinics was gold.';
  await body.fill(draft.replace(/^Hi Priya,\r?\n/, `Hi Priya,\n\n${thanks}\n`));
  await placeholderFinding(page).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText(`Sent to ${PRIYA}; logged Thanks sent.`).waitFor();
  const sent = mails();
  assert.equal(sent.length, 2);
  assert.match(sent[1].env, new RegExp(`\\n${PRIYA_EMAIL.replace(/\./g, '\\.')}\\n$`));
  assert.ok(sent[1].eml.includes(`\r\n${thanks}\r\n`), sent[1].eml);

  // Her page: the meeting held with its fit and note, and the thanks.
  assert.equal(new URL(page.url()).pathname, `/people/${priyaId}`);
  const held = page.locator('.timeline li', { hasText: 'Meeting held' });
  await held.getByText('fit 4/5').waitFor();
  await held.getByText(lastNote).waitFor();
  await page.locator('.timeline li', { hasText: 'Thanks sent' }).getByText(thanks).waitFor();

  await today(page);
  await expectGone(page, 'thank', PRIYA);
  await expectGone(page, 'log_meeting', PRIYA);
  await expectGone(page, 'prepare', PRIYA);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('6. the calendar feed serves her meeting, and a new address retires the old one', async () => {
  const page = await h.newPage(1280, { permissions: ['clipboard-read', 'clipboard-write'] });
  await today(page);
  await page.getByRole('link', { name: 'Put your meetings and due actions in your calendar app' }).click();
  await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
  const field = page.getByLabel('Calendar address');
  const address = await field.inputValue();
  assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/calendar\.ics\?token=[^&\s]{16,}$/);

  await page.getByRole('button', { name: 'Copy the address' }).click();
  await page.getByText('Copied. Paste it into your calendar app.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);

  const feed = await page.request.get(address);
  assert.equal(feed.status(), 200);
  assert.match(feed.headers()['content-type'], /^text\/calendar/);
  const ics = await feed.text();
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /^BEGIN:VEVENT\r\n(?:[^\r\n]+\r\n)*?SUMMARY:Conversation with Priya Natarajan\r\n/m);
  assert.match(ics, /^DTSTART:20260414T150000Z\r\nDURATION:PT30M\r\n/m);
  await checkPage(page, 'calendar');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Make a new address' }).click();
  await page.getByText('Made a new address. The old one no longer works').waitFor();
  await page.waitForFunction((old) => document.getElementById('feed-address').value !== old, address);
  const fresh = await field.inputValue();
  assert.notEqual(fresh, address);
  assert.equal((await page.request.get(address)).status(), 404);
  const again = await page.request.get(fresh);
  assert.equal(again.status(), 200);
  assert.ok((await again.text()).includes('SUMMARY:Conversation with Priya Natarajan'));
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('7. an XSS payload in every text field of the journey renders inert', async () => {
  const page = await h.newPage(1280);
  await page.goto(`${h.base}/people`);
  await page.getByLabel('Name').fill(XSS);
  await page.getByLabel('Organization').fill(XSS);
  await page.getByLabel('Email').fill('xss@example.org');
  await page.getByLabel('How well you know them').selectOption('first');
  await page.getByRole('button', { name: 'Add the person' }).click();
  await page.getByRole('heading', { level: 1, name: XSS }).waitFor();
  const person = page.url();
  const id = person.match(/\/people\/(\d+)$/)[1];

  // The log form's note, and a note of the notes panel.
  await page.getByLabel('What happened', { exact: true }).selectOption('target');
  await page.locator('#note').fill(XSS);
  await page.getByRole('button', { name: 'Log it' }).click();
  await page.getByText('Logged Targeted.').waitFor();
  await page.locator('.timeline .body', { hasText: XSS }).waitFor();
  await page.getByLabel('Add a note').fill(XSS);
  await page.getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Note saved.').waitFor();
  await assertInert(page, 'the person page');

  // Compose: subject and body, sent through SMTP, shown on the timeline.
  await today(page);
  await item(page, 'request', XSS).getByRole('link', { name: /^Write it/ }).click();
  await page.getByRole('heading', { level: 1, name: /Write to/ }).waitFor();
  await assertInert(page, 'compose');
  await page.getByLabel('Subject').fill(XSS);
  await page.getByRole('textbox', { name: /^Message/ }).fill(`Hello,\n\n${XSS}\n`);
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.getByRole('heading', { level: 1, name: /Write to/ }).waitFor();
  assert.equal(await page.getByLabel('Subject').inputValue(), XSS);
  assert.equal(await page.getByRole('textbox', { name: /^Message/ }).inputValue(), `Hello,\n\n${XSS}\n`);
  await assertInert(page, 'compose, checked again');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText(/; logged Request sent\.$/).waitFor();
  await page.locator('.timeline .body', { hasText: XSS }).first().waitFor();
  const sent = mails();
  assert.equal(sent.length, 3);
  assert.ok(sent[2].env.endsWith('\nxss@example.org\n'), sent[2].env);

  // Meeting mode: an answer (htmx), a note, and Finish's last note.
  await page.goto(`${person}/meeting`);
  const first = page.locator('li.question').first();
  const questionId = await first.getAttribute('id');
  await first.getByLabel('What they said').fill(XSS);
  await first.getByRole('button', { name: 'Save the answer' }).click();
  await page.locator(`#${questionId} .saved-text`).getByText(XSS, { exact: true }).waitFor();
  await assertInert(page, 'meeting mode, after the answer');
  await page.locator('#note-body').fill(XSS);
  await page.locator('form', { has: page.locator('#note-body') }).getByRole('button', { name: 'Save the note' }).click();
  await page.getByText('Note saved.').waitFor();
  // Markdown with its raw HTML dropped: what is left is text (this note
  // and the one from the person page).
  const notes = page.locator('.note', { hasText: `"'&` });
  await notes.nth(1).waitFor();
  assert.equal(await notes.count(), 2);
  await page.locator('.earlier-answers', { hasText: XSS }).waitFor();
  await assertInert(page, 'meeting mode, after the note');
  await page.getByLabel('A last note').fill(XSS);
  await page.getByRole('button', { name: 'Finish and write the thank-you' }).click();
  await page.waitForURL(new RegExp(`/compose\\?contact=${id}&kind=thank_you$`));
  // The last note goes into the draft as the thing to thank them for.
  assert.ok((await page.getByRole('textbox', { name: /^Message/ }).inputValue()).includes(XSS));
  await assertInert(page, 'the thank-you draft');

  for (const url of [`${h.base}/`, `${h.base}/people`, person, `${person}/meeting`, `${h.base}/pipeline`,
    `${h.base}/search?q=onerror`]) {
    await page.goto(url);
    assert.ok(await page.getByText(XSS, { exact: false }).count() > 0, `payload shown as text on ${url}`);
    await assertInert(page, url);
  }
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('8. Today at the end of the journey passes axe and is photographed', async () => {
  const page = await h.newPage(1280);
  await today(page);
  await expectGone(page, 'thank', PRIYA);
  await checkPage(page, 'today-journey');
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});
