import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import optionsCss from '../../components/options/options.css?inline';
import { applyPageStyles } from '../../components/page-styles';

applyPageStyles(optionsCss, 'lens-options-page');
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
