/**
 * Content script: marks people on the page and shows hover cards (lib/page). Runs in every frame;
 * the per-site switch follows the tab's top-level site.
 */
import '../lib/page/marks.css';
import { startLens } from '../lib/page/lens';
import { siteHostname } from '../lib/page/site';
import { followPreferences } from '../lib/page/switch';
import { preferencesItem } from '../lib/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void followPreferences({
      hostname: siteHostname(location),
      signal: ctx.signal,
      load: () => preferencesItem.getValue(),
      watch: (callback) => preferencesItem.watch(callback),
      start: (prefs) => startLens(prefs, { onContextLost: () => ctx.abort() }),
    });
  },
});
