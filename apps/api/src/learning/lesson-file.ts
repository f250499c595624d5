import contentDisposition from 'content-disposition';

/** Response headers for downloading a lesson file; nothing from the database reaches a header unchecked. */

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

export function safeMimeType(mime: string | null): string {
  return mime && MIME.test(mime) ? mime : 'application/octet-stream';
}

/**
 * `attachment` with an ASCII fallback name for old clients and the exact UTF-8 name
 * (RFC 6266 / 5987) for the rest, so "Tài liệu chuyển đổi số.pdf" keeps its diacritics.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
      .trim() || 'file';
  return contentDisposition(fileName, { type: 'attachment', fallback: ascii });
}
