// What every browser suite shares: playwright-core driving Debian's chromium
// (never a downloaded browser) against this build's `rapport serve` on a
// free loopback port, with a fresh database and a fixed clock.
//
// Each *.test.mjs file makes one Harness: its own home folder, database and
// server, so the suites are independent and CTest runs each as a test.
//
//   RAPPORT_BINARY=build/rapport node --test tests/browser/flow.test.mjs
//
// RAPPORT_ARTIFACTS (default build/artifacts) receives the screenshots;
// RAPPORT_UPDATE_SCREENSHOTS=1 also copies them into docs/screenshots/.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { chromium } = require(path.join(root, 'node_modules/playwright-core'));
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

export const binary = process.env.RAPPORT_BINARY || path.join(root, 'build/rapport');
export const artifacts = process.env.RAPPORT_ARTIFACTS || path.join(root, 'build/artifacts');
export const shots = path.join(artifacts, 'screenshots');
export const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';

// A new, empty schema in the tests' PostgreSQL cluster, as
// tests/support/postgres.cpp makes for the C++ suites.
function freshPostgresUrl() {
  const file = process.env.RAPPORT_TEST_PG_FILE;
  if (!file) throw new Error('RAPPORT_BROWSER_ENGINE=postgresql needs RAPPORT_TEST_PG_FILE (CTest sets it)');
  const base = readFileSync(file, 'utf8').trim();
  const schema = `b${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  execFileSync('/usr/lib/postgresql/15/bin/psql', [base, '-qAt', '-c', `CREATE SCHEMA ${schema}`]);
  return `${base}&options=-csearch_path%3D${schema}`;
}

export class Harness {
  constructor() {
    this.home = mkdtempSync(path.join(tmpdir(), 'rapport-browser-'));
    // RAPPORT_BROWSER_ENGINE=postgresql: a fresh schema in the test cluster
    // (its URL in $RAPPORT_TEST_PG_FILE), else a SQLite file.
    this.db = process.env.RAPPORT_BROWSER_ENGINE === 'postgresql'
      ? freshPostgresUrl() : path.join(this.home, 'rapport.db');
    this.server = null;
    this.base = '';
    this.serverNow = '';
    this.browser = null;
    // Every dialog a page opened and every uncaught page error: a suite
    // asserts it stays empty (an XSS payload that ran would land here).
    this.dialogs = [];
    this.extraEnv = {};
    this.persistent = [];
  }

  env() {
    return { ...process.env, XDG_DATA_HOME: path.join(this.home, 'data'),
             XDG_CONFIG_HOME: path.join(this.home, 'config'), TZ: 'UTC', NO_COLOR: '1',
             ...this.extraEnv };
  }

  // The config folder the server and the CLI read (config.toml, templates).
  configDir() {
    const dir = path.join(this.home, 'config', 'rapport');
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  async launch() {
    mkdirSync(shots, { recursive: true });
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
  }

  async close() {
    for (const context of this.persistent) await context.close().catch(() => {});
    if (this.browser) await this.browser.close();
    await this.stopServer();
    rmSync(this.home, { recursive: true, force: true });
  }

  // Starts `rapport serve --port 0` with the clock at `now`; resolves once
  // it has printed its address.
  startServer(now) {
    this.serverNow = now;
    return new Promise((resolve, reject) => {
      const child = spawn(binary, ['serve', '--port', '0', '--db', this.db, '--now', now], {
        env: this.env(), stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      let started = false;
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 20000);
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/serving at (http:\/\/[^ ]+\/)/);
        if (m && !started) {
          started = true;
          clearTimeout(timer);
          this.server = child;
          this.base = m[1].replace(/\/$/, '');
          resolve();
        }
      });
      child.stderr.on('data', (d) => { err += d; process.stderr.write(d); });
      child.on('exit', (code) => { clearTimeout(timer); if (!started) reject(new Error(`server exited ${code}: ${err}`)); });
    });
  }

  stopServer() {
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.on('exit', (code) => { this.server = null; resolve(code); });
      this.server.kill('SIGTERM');
    });
  }

  // Runs the CLI on the server's database, at the server's clock.
  cli(...args) {
    return execFileSync(binary, ['--db', this.db, '--now', this.serverNow, ...args], {
      env: this.env(), encoding: 'utf8',
    });
  }

  // A browser with a profile on disk (in the home folder): what an installed
  // app runs in. Chromium's installability check says "incognito" of the
  // throwaway contexts newPage makes. Closed by close().
  async newPersistentContext(width = 390) {
    const dir = mkdtempSync(path.join(this.home, 'profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking'],
      viewport: { width, height: 900 },
    });
    this.persistent.push(context);
    for (const page of context.pages()) this.watch(page);
    context.on('page', (page) => this.watch(page));
    return context;
  }

  watch(page) {
    page.on('dialog', async (d) => { this.dialogs.push(d.message()); await d.dismiss(); });
    page.on('pageerror', (e) => this.dialogs.push(`page error: ${e.message}`));
  }

  async newPage(width = 1280, options = {}) {
    const context = await this.browser.newContext({ viewport: { width, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('dialog', async (d) => { this.dialogs.push(d.message()); await d.dismiss(); });
    page.on('pageerror', (e) => this.dialogs.push(`page error: ${e.message}`));
    return page;
  }
}

// axe-core, evaluated through the DevTools protocol (the page's CSP forbids
// inline scripts, as it should): no serious or critical violations.
export async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${name}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`), []);
}

// Full-page screenshots at 390 and 1280 px, as test artifacts (and into
// docs/screenshots with RAPPORT_UPDATE_SCREENSHOTS=1).
export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
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

// The page is no wider than a phone at 390 px, and passes axe there and at
// 1280 px; then it is photographed.
export async function checkPage(page, name) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await axe(page, name);
  await page.setViewportSize({ width: 390, height: 900 });
  await axe(page, `${name} at 390 px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  // On failure, name the elements that stick out.
  const wide = overflow <= 390 ? [] : await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > 391)
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`));
  assert.ok(overflow <= 390, `${name} is ${overflow} px wide at 390 px: ${wide.join(', ')}`);
  await screenshot(page, name);
}

// Every button, form control and nav link of the page is at least 44 px
// tall at phone width.
export async function checkTouchTargets(page) {
  await page.setViewportSize({ width: 390, height: 900 });
  const small = await page.evaluate(() => [...document.querySelectorAll('main button, main input:not([type=hidden]), main select, main textarea, nav a')]
    .filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(small, [], page.url());
}

// A real SMTP server on loopback (tests/support/smtp_sink.py) that writes
// each message it receives to `mailDir` as N.eml; resolves with
// { child, port } once it has printed its port.
export function startSmtpSink(mailDir) {
  mkdirSync(mailDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [path.join(root, 'tests/support/smtp_sink.py'), mailDir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^(\d+)\n/);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}: ${out}`)));
  });
}
