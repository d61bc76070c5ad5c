/**
 * Headless Chromium for browser tests: the system browser through playwright-core (never a
 * downloaded one), one browser per test file and one context per simulated person, so that two
 * "people" share no cookies, storage or BroadcastChannel.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Role } from '../../shared/roles.ts';

/**
 * The built client the test servers serve (`npx vite build`); `TEST_CLIENT_DIR` points elsewhere,
 * so that two people building at once (`vite build --outDir …`) do not empty each other's folder.
 */
export const BUILT_CLIENT = process.env.TEST_CLIENT_DIR
  ? resolve(process.env.TEST_CLIENT_DIR)
  : fileURLToPath(new URL('../../dist/client', import.meta.url));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium 156 builds its omnibox popup as a WebUI page for every new tab; headless, nobody sees
 * it, and on two cores it takes CPU from the pages under test (docs/architecture.md).
 */
export const WITHOUT_OMNIBOX_WEBUI =
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup';

const CHROMIUM_ARGS = [
  WITHOUT_OMNIBOX_WEBUI,
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  desktop: { width: 1920, height: 1080 },
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  name: string;
  role: Role;
}

/**
 * A new person: their own context, signed in through the real development sign-in (the
 * context's request API shares its cookie jar with its pages), with one page open.
 */
export async function openPerson(
  browser: Browser,
  baseURL: string,
  name: string,
  role: Role,
  viewport: { width: number; height: number } = VIEWPORTS.laptop,
): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport });
  const response = await context.request.post('/api/session', { data: { name, role } });
  if (response.status() !== 201)
    throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
  const page = await context.newPage();
  return { context, page, name, role };
}

/** Saves a screenshot under /tmp/shots (for people reviewing the UI, not for assertions). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
}
