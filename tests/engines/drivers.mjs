// The three engines readers meet: Blink (Debian's Chromium, over CDP by puppeteer-core), Gecko
// (Firefox ESR, over WebDriver BiDi by puppeteer-core) and WebKit (WebKitGTK's MiniBrowser,
// driven by its own WebDriver server through selenium-webdriver, under Xvfb). Each is wrapped
// in the same few verbs so that one suite runs on all of them. Debian's packages provide the
// browsers; no tool downloads one of its own.
//
// The verbs: open(url), evaluate(fn, ...args) in the top page, inFrame(selector, fn, ...args)
// inside an iframe of it, click(selector), press(key), until(fn, what), viewport(width,
// height), screenshot(path), close(); `errors` gathers what the engine's console reports, where
// its driver reports any.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/browser.mjs';
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

/** The verbs over a puppeteer-core browser, which reports console and page errors. */
function puppeteerDriver(name, browser) {
  const errors = [];
  let page, size;
  const frame = async (selector) => {
    const handle = await page.waitForSelector(selector);
    return handle.contentFrame();
  };
  return {
    name,
    errors,
    async open(url) {
      await page?.close();
      page = await browser.newPage();
      if (size) await page.setViewport(size);
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      await page.goto(url);
    },
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    inFrame: async (selector, fn, ...args) => (await frame(selector)).evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    until: (fn, what, ...args) => until(() => page.evaluate(fn, ...args), what),
    async viewport(width, height) {
      size = { width, height };
      await page?.setViewport(size);
    },
    screenshot: (path) => page.screenshot({ path }),
    close: () => browser.close(),
  };
}

/** Debian's Chromium over CDP. */
export async function chromium() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return puppeteerDriver('Chromium', browser);
}

/** Firefox ESR over WebDriver BiDi. */
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
  return puppeteerDriver('Firefox', browser);
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
    async inFrame(selector, fn, ...args) {
      await driver.switchTo().frame(await driver.findElement(By.css(selector)));
      try {
        return await evaluate(fn, ...args);
      } finally {
        await driver.switchTo().defaultContent();
      }
    },
    async click(selector) {
      // WebKit's driver clicks only what is in view; a reader would scroll to it first.
      const element = await driver.findElement(By.css(selector));
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center", behavior: "instant" })', element);
      await element.click();
    },
    press: async (key) => (await driver.switchTo().activeElement()).sendKeys(keys[key] ?? key),
    until: (fn, what, ...args) => until(() => evaluate(fn, ...args), what),
    // The window's outer size; the page's own width is asked for, and the window grown to fit.
    async viewport(width, height) {
      await driver.manage().window().setRect({ width, height });
      const [inner, innerH] = await evaluate(() => [innerWidth, innerHeight]);
      if (inner !== width || innerH !== height) await driver.manage().window().setRect({ width: 2 * width - inner, height: 2 * height - innerH });
    },
    screenshot: async (path) => writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64')),
    async close() {
      await driver.quit().catch(() => {});
      // xvfb-run leads a process group of its own: end it with its X server.
      try {
        process.kill(-server.pid);
      } catch {}
    },
  };
}
