// The Compose page in a real browser: from Today's "Write it" the draft
// opens; the linter's findings follow the typing without a reload; the
// message goes out through a real SMTP server on loopback
// (tests/support/smtp_sink.py) and the agenda moves on. Without [smtp], the
// mail client hand-off, "Copy the message" and "I sent it"; with
// JavaScript off, "Check again".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Harness, startSmtpSink, checkPage, checkTouchTargets } from './harness.mjs';

const h = new Harness();
const mailDir = path.join(h.home, 'mail');
let sink = null;

// The loopback SMTP sink (harness.mjs), writing what it receives to mailDir.
const startSink = () => startSmtpSink(mailDir);

function writeConfig(smtpPort) {
  const smtp = smtpPort ? `\n[smtp]\nhost = "127.0.0.1"\nport = ${smtpPort}\nsecurity = "none"\n` : '';
  writeFileSync(path.join(h.configDir(), 'config.toml'),
    '[user]\nname = "Sam Rivera"\nemail = "sam@example.org"\n' +
    'intro = "a statistics student curious about UX research"\n' + smtp);
}

before(async () => {
  sink = await startSink();
  writeConfig(sink.port);  // before the server starts: it reads the config once
  await h.launch();
  await h.startServer('2026-03-02T09:00');
  h.cli('objective', 'add', 'UX research', '--kind', 'role');
  h.cli('contact', 'add', 'Ada Lovelace', '--email', 'ada@example.org', '--degree', 'first',
    '--source', 'alumni', '--org', 'Analytical Engines');
  h.cli('target', 'ada@example.org', '--objective', 'UX research');
});

after(async () => {
  if (sink) sink.child.stdin.end();
  await h.close();
});

test('from Today, write the request, see the linter live, send it, and the agenda moves on', async () => {
  const page = await h.newPage();
  await page.goto(`${h.base}/`);
  const item = page.locator('li[data-kind="request"]', { hasText: 'Ada Lovelace' });
  await item.getByRole('link', { name: /^Write it/ }).click();
  await page.getByRole('heading', { level: 1, name: /Write to Ada Lovelace/ }).waitFor();
  assert.match(page.url(), /\/compose\?contact=\d+&kind=request/);

  const body = page.getByRole('textbox', { name: /^Message/ });
  const draft = await body.inputValue();
  assert.match(draft, /^Hi Ada,/);
  assert.ok(!draft.includes('{{'), draft);
  assert.equal(await page.getByLabel('Subject').inputValue(), 'A question about UX research');
  assert.equal(await page.locator('#findings .finding.is-error').count(), 0);

  // Typing a job request: the finding appears, highlighted, without a reload.
  await page.evaluate(() => { window.stillHere = true; });
  await body.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Are you hiring?');
  const finding = page.locator('#findings li[data-rule="asks-for-job"]');
  await finding.waitFor();
  await finding.getByText('Asks for a job', { exact: true }).waitFor();
  assert.match(await finding.locator('mark').textContent(), /hiring/i);
  assert.equal(await page.evaluate(() => window.stillHere), true, 'the page reloaded');
  assert.equal(await page.locator('#findings').getAttribute('aria-live'), 'polite');
  await checkPage(page, 'compose');  // with the finding on screen
  await checkTouchTargets(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Fixing it clears it.
  await body.fill(draft);
  await finding.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => window.stillHere), true);

  await page.getByLabel('Subject').fill('Twenty minutes about UX research?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByText('Sent to Ada Lovelace; logged Request sent.').waitFor();
  assert.match(page.url(), /\/people\/\d+$/);
  const eml = readFileSync(path.join(mailDir, '1.eml'), 'utf8');
  assert.match(eml, /Subject: Twenty minutes about UX research\?\r\n/);
  assert.match(eml, /\r\n\r\nHi Ada,\r\n/);

  await page.getByRole('link', { name: 'Today' }).click();
  await page.locator('.group-week li[data-kind="follow_up"]', { hasText: 'Ada Lovelace' }).waitFor();
  assert.equal(await page.locator('li[data-kind="request"]').count(), 0);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});

test('with JavaScript off, Check again shows the findings and the picker works', async () => {
  const page = await h.newPage(390, { javaScriptEnabled: false });
  await page.goto(`${h.base}/compose`);
  await page.getByLabel('Person').selectOption({ label: 'Ada Lovelace (Analytical Engines)' });
  await page.getByLabel('Template').selectOption('touch');
  await page.getByRole('button', { name: 'Write the draft' }).click();
  await page.getByRole('heading', { level: 1, name: /Write to Ada Lovelace/ }).waitFor();
  // A touch note with nothing to share yet: its blanks are flagged.
  await page.locator('#findings li[data-rule="unfilled-placeholder"]').first().waitFor();
  await page.getByRole('textbox', { name: /^Message/ }).fill('Hi Ada,\n\nKeep me in mind if a position opens up!\n\nSam\n');
  await page.getByRole('button', { name: 'Check again' }).click();
  const finding = page.locator('#findings li[data-rule="asks-for-job"]');
  await finding.waitFor();
  assert.match(await finding.locator('mark').textContent(), /keep me in mind|position/i);
  assert.match(await page.getByRole('textbox', { name: /^Message/ }).inputValue(), /Keep me in mind/);
  await page.context().close();
});

test('without a mail server: open in the mail client, copy, and log it', async () => {
  await h.stopServer();
  writeConfig(0);
  await h.startServer('2026-03-20T09:00');
  h.cli('contact', 'add', 'Grace Hopper', '--email', 'grace@example.org', '--degree', 'first',
    '--source', 'conference');
  h.cli('target', 'grace@example.org', '--objective', 'UX research');
  const page = await h.newPage(1280, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${h.base}/`);
  await page.locator('li[data-kind="request"]', { hasText: 'Grace Hopper' })
    .getByRole('link', { name: /^Write it/ }).click();
  await page.getByRole('heading', { level: 1, name: /Write to Grace Hopper/ }).waitFor();
  const draft = await page.getByRole('textbox', { name: /^Message/ }).inputValue();
  await page.getByRole('button', { name: 'Get it ready to send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Send it from your mail client' }).waitFor();
  const mailto = await page.getByRole('link', { name: 'Open in my mail client' }).getAttribute('href');
  assert.ok(mailto.startsWith('mailto:grace%40example.org?subject=A%20question%20about%20UX%20research&body=Hi%20Grace'), mailto);
  const copy = page.getByRole('button', { name: 'Copy the message' });
  await copy.click();
  await page.getByText('Copied. Paste it into a new email.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), draft.replace(/\r\n/g, '\n'));
  await checkPage(page, 'compose-send');
  await checkTouchTargets(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'I sent it — log it' }).click();
  await page.getByText('Logged Request sent for Grace Hopper.').waitFor();
  await page.getByText('Hi Grace,').first().waitFor();  // the timeline keeps the message
  await page.goto(`${h.base}/`);
  assert.equal(await page.locator('li[data-kind="request"]', { hasText: 'Grace Hopper' }).count(), 0);
  await page.context().close();
  assert.deepEqual(h.dialogs, []);
});
