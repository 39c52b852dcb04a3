/**
 * Styles of the extension's own pages (popup, options): the card's theme and components, the shared
 * form controls, then the page's own rules, in one style element; the body gets the theme class.
 */
import controlsCss from './controls.css?inline';
import { cardStyles } from './styles';

export function applyPageStyles(pageCss: string, pageClass: string): void {
  const style = document.createElement('style');
  style.textContent = `${cardStyles}\n${controlsCss}\n${pageCss}`;
  document.head.append(style);
  document.body.classList.add('lens', pageClass);
}
