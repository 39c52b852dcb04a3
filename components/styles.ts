/**
 * The card's CSS as one string, for a <style> element in the popup, the options page and the
 * content script's closed shadow root (no global stylesheet can reach inside one).
 */
import errorCss from './ErrorMessage.css?inline';
import cardCss from './PersonCard.css?inline';
import tokensCss from './tokens.css?inline';

export const cardStyles: string = [tokensCss, cardCss, errorCss].join('\n');
