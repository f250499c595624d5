import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from '../i18n';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');

const root = container;
void i18nReady.then(() =>
  // As a transition, the first render runs in slices that let the browser paint and handle
  // input between them, instead of one long task (Lighthouse counts it as blocking time).
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  ),
);
