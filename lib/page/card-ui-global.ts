/** Where the card UI script leaves what it provides: a global of the content script's own world. */
export const CARD_UI_GLOBAL = 'affinityLensCardUi';
