/**
 * Everything that draws a card: Preact, PersonCard and the card's controllers. Built as a script
 * of its own (entrypoints/card-ui.ts) and loaded the first time a page wants a card
 * (load-card-ui.ts), so the many pages where no card ever opens never parse it.
 */
import { cardStyles } from '../../components/styles';
import { CardController } from './card/card';
import { shellStyles } from './card/shell-styles';
import { createLookupView } from './lookup-view';

export const cardUi = { CardController, createLookupView, css: `${cardStyles}\n${shellStyles}` };

export type CardUi = typeof cardUi;
