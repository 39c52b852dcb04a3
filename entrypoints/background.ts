import { startBackground } from '../lib/background/main';

export default defineBackground({
  type: 'module',
  // Firefox (MV2): an event page, which sleeps like Chrome's service worker and keeps the menus.
  persistent: false,
  main() {
    startBackground();
  },
});
