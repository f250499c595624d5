import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Starts the app in three browser tasks instead of one: React DOM's code runs when this
 * module does, the app's (router, queries, i18n, layout) after a yield, then the first
 * render. Each is shorter than the whole, and a phone's browser can paint and handle input
 * between them (Lighthouse counts every task over 50 ms as blocking). index.html preloads
 * both chunks, so the split costs no round trip.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start(container: HTMLElement): Promise<void> {
  await nextTask();
  const [{ App }, { i18nReady }] = await Promise.all([import('./App'), import('../i18n')]);
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
