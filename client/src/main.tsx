import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyLanguage } from './i18n/i18n.ts';
import { initialLanguage } from './i18n/preference.ts';
import './styles/tokens.css';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
// The first paint is in the reader's language; a catalogue that cannot load leaves English.
void applyLanguage(initialLanguage())
  .catch(() => undefined)
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
