/**
 * Content script: marks people on the page and shows hover cards (lib/page), and shows the card
 * for a lookup asked from the context menu or the shortcut. Runs in every frame; the per-site
 * switch follows the tab's top-level site (lookups are asked for explicitly, so they work anywhere).
 */
import '../lib/page/marks.css';
import { startLens } from '../lib/page/lens';
import { startLookups } from '../lib/page/lookup';
import { siteHostname } from '../lib/page/site';
import { followPreferences } from '../lib/page/switch';
import { loadPreferences, watchPreferences } from '../lib/page/preferences';
import { rescanOnRosterUpdates } from '../lib/page/roster-updates';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    // An update or removal of the extension tells old content scripts nothing: they look whenever
    // the user moves the pointer or comes back to the tab (ctx.isInvalid then aborts all of it).
    const checkAlive = () => void ctx.isInvalid;
    ctx.addEventListener(window, 'pointermove', checkAlive, { capture: true, passive: true });
    ctx.addEventListener(document, 'visibilitychange', checkAlive);
    const lens = followPreferences({
      hostname: siteHostname(location),
      signal: ctx.signal,
      load: loadPreferences,
      watch: watchPreferences,
      start: (prefs) => startLens(prefs, { onContextLost: () => ctx.abort() }),
    });
    rescanOnRosterUpdates(ctx.signal, () => void lens.then((running) => running()?.rescan()));
    startLookups({
      signal: ctx.signal,
      preferences: loadPreferences,
      onShow: () => void lens.then((running) => running()?.hover.intent.close()),
    });
  },
});
