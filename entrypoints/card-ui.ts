/**
 * The card UI, loaded by the content script the first time a card is wanted (lib/page/card-ui.ts).
 * It runs in the content script's isolated world: the page cannot see what it leaves there.
 */
import { cardUi } from '../lib/page/card-ui';
import { CARD_UI_GLOBAL } from '../lib/page/card-ui-global';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[CARD_UI_GLOBAL] = cardUi;
});
