import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import optionsCss from '../../components/options/options.css?inline';
import { cardStyles } from '../../components/styles';

const style = document.createElement('style');
style.textContent = `${cardStyles}\n${optionsCss}`;
document.head.append(style);
document.body.classList.add('lens', 'lens-options-page');

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
