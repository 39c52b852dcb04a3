import { render } from 'preact';
import { applyPageStyles } from '../../components/page-styles';
import { PopupApp } from '../../components/popup/PopupApp';
import popupCss from '../../components/popup/popup.css?inline';

applyPageStyles(popupCss, 'lens-popup');
render(<PopupApp />, document.getElementById('app') as HTMLElement);
