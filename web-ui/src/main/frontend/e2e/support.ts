import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

// Runs against a Saraban started by BrowserFlowTest (SARABAN_URL) in Debian's Chromium; never a
// downloaded browser. Screenshots of the main screens go to docs/screenshots (SARABAN_SCREENSHOTS).

export const BASE = process.env.SARABAN_URL ?? 'http://localhost:8080';
export const NOW = new Date(process.env.SARABAN_NOW ?? Date.now());
const SHOTS = process.env.SARABAN_SCREENSHOTS;

export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SARABAN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // the machine has no outside network: keep Chromium from trying
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A person at their own browser: a context of their own, logged in through the login screen. */
export async function person(browser: Browser, username: string, viewport = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'th-TH', timezoneId: 'Asia/Bangkok', acceptDownloads: true });
  await context.clock.setFixedTime(NOW);
  await context.addInitScript(() => localStorage.setItem('saraban.lang', 'th'));
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('demo');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByTestId('me').waitFor();
  // the live connection (WebSocket) is up before anything happens
  await page.locator('.live-dot[data-live="on"]').waitFor();
  return { context, page };
}

/** A screenshot for the README: from the top of the page, or of the whole page. */
export async function shot(page: Page, name: string, how: { fullPage?: boolean; keepScroll?: boolean } = {}): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate((top) => window.scrollTo(0, top ? 0 : Math.round(window.scrollY / 100) * 100), !how.keepScroll);
  // no caret or focus ring, so that the same screen gives the same picture on every run
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  const png = await page.screenshot({ fullPage: how.fullPage ?? false, animations: 'disabled' });
  const path = join(SHOTS, `${name}.png`);
  // Chromium's bytes vary from run to run for the same screen (encoding, a few anti-aliased pixels):
  // keep the file unless the picture really changed
  if (!existsSync(path) || !samePicture(pixels(readFileSync(path)), pixels(png))) writeFileSync(path, png);
}

function samePicture(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return differing <= a.length / 1000;
}

/** A PNG's picture: its header and its rows unfiltered, equal for equal pictures however they were encoded. */
function pixels(png: Buffer): Buffer {
  let header = Buffer.alloc(0);
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = Buffer.from(body);
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[header[9]] ?? 4;
  const bpp = channels * Math.max(1, header[8] / 8);
  const stride = Math.ceil((width * channels * header[8]) / 8);
  const raw = inflateSync(Buffer.concat(data));
  const rows = raw.length / (stride + 1);
  const out = Buffer.alloc(rows * stride);
  for (let y = 0; y < rows; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return Buffer.concat([header, out]);
}

/** Thai digits of a number, as the UI prints it. */
export function thai(n: number | string): string {
  return String(n).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
}

/** The letter id in the page's address (#/letters/{id}). */
export function letterIdOf(page: Page): string {
  const m = page.url().match(/#\/letters\/([^/?]+)/);
  if (!m) throw new Error(`not on a letter page: ${page.url()}`);
  return decodeURIComponent(m[1]);
}

/** A one-page PDF, enough for an enclosure upload. */
export function tinyPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n'
    + 'trailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
}

// Web-first assertions over playwright-core (its test runner's `expect` is not used here): each one
// retries until it holds or the time runs out, like a person waiting for the screen to settle.
const WAIT = { timeout: 15_000, interval: 100 };

export async function seeText(locator: Locator, text: string | RegExp): Promise<void> {
  const got = () => locator.first().textContent({ timeout: 1_000 }).catch(() => '');
  if (typeof text === 'string') await expect.poll(got, WAIT).toContain(text);
  else await expect.poll(got, WAIT).toMatch(text);
}

export async function seeCount(locator: Locator, n: number): Promise<void> {
  await expect.poll(() => locator.count(), WAIT).toBe(n);
}

export async function seeValue(locator: Locator, value: string): Promise<void> {
  await expect.poll(() => locator.inputValue({ timeout: 1_000 }), WAIT).toBe(value);
}

export async function seeAttribute(locator: Locator, name: string, value: string | RegExp): Promise<void> {
  const got = () => locator.getAttribute(name, { timeout: 1_000 }).then((v) => v ?? '').catch(() => '');
  if (typeof value === 'string') await expect.poll(got, WAIT).toBe(value);
  else await expect.poll(got, WAIT).toMatch(value);
}

export async function seeVisible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: WAIT.timeout });
}
