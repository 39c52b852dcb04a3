import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import popupCss from '../../components/popup/popup.css?inline';
import { cardStyles } from '../../components/styles';

const style = document.createElement('style');
style.textContent = `${cardStyles}\n${popupCss}`;
document.head.append(style);
document.body.classList.add('lens', 'lens-popup');

render(<PopupApp />, document.getElementById('app') as HTMLElement);
