import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Own instance: options set here never leak into (or from) other users of marked.
const parser = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  // The lesson page has its own <h1> (the lesson title): content headings start at <h2>.
  walkTokens: (token) => {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 1, 6);
  },
});

const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^https:\/\//i;

/**
 * Lesson markdown is written by trainers but read by every learner, so what reaches a
 * browser is a whitelist: text structure, code, tables, links (http/https/mailto, opened
 * in a new tab without an opener) and https images. No script, style, iframe, event
 * handler or javascript: URL survives, whatever the markdown or embedded HTML says.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote'],
    ...['ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre'],
    ...['table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Relative and odd-scheme links lose their href (the text stays); the rest open
    // in a new tab that cannot reach back through window.opener.
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim();
      const safe: sanitizeHtml.Attributes = {};
      if (SAFE_LINK.test(href)) {
        safe.href = href;
        safe.target = '_blank';
        safe.rel = 'noopener noreferrer';
      }
      if (attribs.title) safe.title = attribs.title;
      return { tagName, attribs: safe };
    },
  },
  // An image without an https source would be a broken box or a tracking beacon: drop it.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' && !SAFE_IMAGE.test((frame.attribs.src ?? '').trim()),
};

/** Renders lesson markdown to HTML that is safe to insert into the page as is. */
export function renderLessonMarkdown(markdown: string): string {
  const html = parser.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
