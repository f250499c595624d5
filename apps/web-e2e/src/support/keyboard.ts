import type { Page } from 'playwright-core';

/** What has focus now: its accessible-ish name and whether its focus ring can be seen. */
interface FocusState {
  name: string;
  problem: string | null;
}

/**
 * Reads the focused element in the page: a name (aria-label, its label, or its text) and
 * a problem when no focus indicator is drawn (no outline, no box-shadow) or when an
 * ancestor that clips its overflow cuts the ring (the "VI" button of the first round).
 */
const NOTHING_FOCUSED = 'nothing has focus';

function focusState(page: Page): Promise<FocusState> {
  return page.evaluate((nothing) => {
    const el = document.activeElement as HTMLElement | null;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${
        typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : ''
      }`;
    if (!el || el === document.body) return { name: '', problem: nothing };
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? '';
    const name = (el.getAttribute('aria-label') ?? (label || el.textContent || '')).trim();
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== '' && style.boxShadow !== 'none';
    if (!outline && !shadow) return { name, problem: `no focus indicator on ${describe(el)}` };
    const ring = outline ? parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) : 2;
    const r = el.getBoundingClientRect();
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      const clipped =
        r.left - ring < box.left - 0.5 ||
        r.top - ring < box.top - 0.5 ||
        r.right + ring > box.right + 0.5 ||
        r.bottom + ring > box.bottom + 0.5;
      if (clipped) {
        return { name, problem: `focus ring of ${describe(el)} clipped by ${describe(a)}` };
      }
    }
    return { name, problem: null };
  }, NOTHING_FOCUSED);
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element's name matches,
 * recording into `problems` every stop on the way whose focus cannot be seen.
 */
export async function tabTo(
  page: Page,
  name: RegExp,
  problems: string[],
  { max = 80, backwards = false } = {},
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const state = await focusState(page);
    // Past the last control focus leaves the page for the browser's own UI: not a defect.
    if (state.problem && state.problem !== NOTHING_FOCUSED)
      problems.push(`${new URL(page.url()).pathname}: ${state.problem}`);
    if (name.test(state.name)) return;
    seen.push(state.name.slice(0, 40));
  }
  throw new Error(`Tab never reached ${name}; stops: ${seen.join(' | ')}`);
}

/** The focused element's state, for a check after a page moved focus itself. */
export async function focusProblem(page: Page): Promise<string | null> {
  return (await focusState(page)).problem;
}
