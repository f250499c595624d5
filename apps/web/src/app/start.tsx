import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Starts the app in four browser tasks instead of one: React DOM's code runs when this
 * module does, then i18next with the catalogue, then the app's code (router, queries,
 * layout), then the first render. Each is shorter than the whole, and a phone's browser
 * can paint and handle input between them (Lighthouse counts every task over 50 ms as
 * blocking). index.html preloads all these chunks, so the split costs no round trip.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start(container: HTMLElement): Promise<void> {
  await nextTask();
  const { i18nReady } = await import('../i18n');
  await nextTask();
  const { App } = await import('./App');
  await i18nReady;
  await nextTask();
  // As a transition, the first render runs in slices that let the browser paint and handle
  // input between them, instead of one long task.
  startTransition(() =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing from index.html');
void start(container);
