// The two engines besides Chromium that readers meet: Gecko (Firefox ESR, driven over
// WebDriver BiDi by puppeteer-core) and WebKit (WebKitGTK's MiniBrowser, driven by its own
// WebDriver server through selenium-webdriver, under Xvfb). Each is wrapped in the same few
// verbs so that one smoke suite runs on both. Debian's packages provide both browsers; no tool
// downloads one of its own.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { freePort } from '../support/server.mjs';

const POLL_MS = 50;
const WAIT_MS = 30_000;

/** Polls `probe` until it returns something truthy, or fails after `WAIT_MS` saying `what`. */
async function until(probe, what) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, POLL_MS));
  }
}

/** Firefox ESR over WebDriver BiDi; it reports console and page errors. */
export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // The closed network here refuses Firefox's background connections; keep them off.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const errors = [];
  let page;
  return {
    name: 'Firefox',
    errors,
    async open(url) {
      await page?.close();
      page = await browser.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      await page.goto(url);
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    until: (fn, what) => until(() => page.evaluate(fn), what),
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser, in the multiarch library folder that WebKitGTK installs into. */
function miniBrowser() {
  const lib = '/usr/lib';
  for (const arch of readdirSync(lib)) {
    const binary = `${lib}/${arch}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(binary)) return binary;
  }
  throw new Error('no MiniBrowser under /usr/lib/*/webkit2gtk-4.1/: install webkit2gtk-driver');
}

/**
 * WebKitGTK through its WebDriver server, under Xvfb (MiniBrowser's --headless hangs here).
 * WebDriver classic has no console log for WebKit, so `errors` stays empty; the suite checks
 * what a failure would show instead (no hydration, the no-wasm note).
 */
export async function webkit() {
  const { Builder, By, Key } = await import('selenium-webdriver');
  const port = await freePort();
  const server = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  await until(() => fetch(`${url}/status`).then((r) => r.ok, () => false), 'WebKitWebDriver to start');
  const driver = await new Builder()
    .usingServer(url)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    })
    .build();
  const keys = { End: Key.END, Home: Key.HOME, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, Enter: Key.ENTER, Space: Key.SPACE };
  const evaluate = (fn, ...args) => driver.executeScript(`return (${fn})(...arguments)`, ...args);
  return {
    name: 'WebKit',
    errors: [],
    open: (page) => driver.get(page),
    evaluate,
    async click(selector) {
      // WebKit's driver clicks only what is in view; a reader would scroll to it first.
      const element = await driver.findElement(By.css(selector));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center", behavior: "instant" })', element);
      await element.click();
    },
    press: async (key) => (await driver.switchTo().activeElement()).sendKeys(keys[key] ?? key),
    until: (fn, what) => until(() => evaluate(fn), what),
    async close() {
      await driver.quit().catch(() => {});
      // xvfb-run leads a process group of its own: end it with its X server.
      try {
        process.kill(-server.pid);
      } catch {}
    },
  };
}
