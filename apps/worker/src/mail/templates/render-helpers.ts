/** A rendered message: the same words as plain text and as HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every parameter goes into HTML through this: names and units are typed in by people. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** dd/MM/yyyy HH:mm in the reports' time zone, as Vietnamese readers expect. */
export function formatDateTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The HTML frame shared by every template; `body` is already escaped HTML. */
export function htmlLayout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: Arial, sans-serif; color: #1f2937; line-height: 1.5">
${body}
<p style="color: #6b7280; font-size: 13px">Thư này được gửi tự động từ Học viện Chuyển đổi số (DX Academy). Vui lòng không trả lời thư này.</p>
</body></html>`;
}

export const TEXT_FOOTER =
  'Thư này được gửi tự động từ Học viện Chuyển đổi số (DX Academy). Vui lòng không trả lời thư này.';
