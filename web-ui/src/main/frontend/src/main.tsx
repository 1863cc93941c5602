// Sarabun (SIL Open Font License) is the web font drawn from TH Sarabun New, the official font of
// Thai government documents; the browser loads only the Thai and Latin ranges it needs.
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import './styles.css';
import { render } from 'preact';
import { App } from './app';

render(<App />, document.getElementById('app')!);
