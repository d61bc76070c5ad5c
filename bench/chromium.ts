/**
 * The benchmarks' browser: Debian's Chromium through playwright-core. Chromium 156 builds its
 * omnibox popup as a WebUI page for every new tab, which competes with the page being measured for
 * this machine's two cores; a person's browser builds it once, so the benchmarks switch it off
 * (figures in docs/architecture.md, "Measuring in Chromium").
 */
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_PATH, WITHOUT_OMNIBOX_WEBUI } from '../test/helpers/browser.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-timer-throttling'];

/** `BENCH_OMNIBOX_WEBUI=1` keeps Chromium's default, to measure what the switch changes. */
export function launchBenchBrowser(): Promise<Browser> {
  const args = process.env.BENCH_OMNIBOX_WEBUI === '1' ? ARGS : [...ARGS, WITHOUT_OMNIBOX_WEBUI];
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}
