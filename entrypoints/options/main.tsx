import { render } from 'preact';

render(<p>Affinity Lens</p>, document.getElementById('app') as HTMLElement);
