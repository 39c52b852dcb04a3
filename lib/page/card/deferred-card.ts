/**
 * The hover card's port before the card UI has loaded (see load-card-ui.ts): the first wish starts
 * the load, the latest one (show or hide) is carried out when the card arrives, and details are
 * fetched meanwhile, so the card shows no later than its data would let it.
 */
import type { CardPort } from '../hover';
import type { Mark } from '../mark-index';

export function deferredCard(load: () => Promise<CardPort>, prefetchDetails: (mark: Mark) => void): CardPort {
  let card: CardPort | null = null;
  let loading = false;
  /** The wish to carry out once the card is there. */
  let wanted: ((card: CardPort) => void) | null = null;

  const start = () => {
    if (card || loading) return;
    loading = true;
    load().then(
      (loaded) => {
        loading = false;
        card = loaded;
        const wish = wanted;
        wanted = null;
        wish?.(loaded);
      },
      () => {
        // Nothing to show: the next wish tries again.
        loading = false;
        wanted = null;
      },
    );
  };

  return {
    prefetch(mark) {
      if (card) {
        card.prefetch(mark);
        return;
      }
      prefetchDetails(mark);
      start();
    },
    show(mark, openedBy, point) {
      if (card) {
        card.show(mark, openedBy, point);
        return;
      }
      wanted = (c) => c.show(mark, openedBy, point);
      start();
    },
    hide() {
      if (card) card.hide();
      else wanted = null;
    },
    owns: (target) => card?.owns(target) ?? false,
    hasFocus: () => card?.hasFocus() ?? false,
  };
}
