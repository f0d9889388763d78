import { writeFileSync } from 'node:fs';
import { openConsoleBrowser } from '../test/browser.js';
import { firstVisitProfile } from './visits.js';

/**
 * One first visit (new profile on disk), with every SQL statement's time and the start's steps
 * printed in order, ms since navigation: where a first visit's time goes. TRACE=<file> also writes
 * a Chromium performance trace (open it in DevTools' Performance panel).
 * Run: cd apps/console && node --conditions=fazhi-source --import tsx bench/first-visit-profile.ts
 */
const cb = await openConsoleBrowser(undefined, { reducedMotion: 'no-preference' });
try {
  const { lines, trace } = await firstVisitProfile(cb, !!process.env.TRACE);
  for (const l of lines) console.log(l);
  if (trace && process.env.TRACE) writeFileSync(process.env.TRACE, trace);
} finally {
  await cb.close();
}
