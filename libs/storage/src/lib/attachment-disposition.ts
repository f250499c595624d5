import contentDisposition from 'content-disposition';

/**
 * A file name old clients can read: diacritics dropped (đ/Đ too, which NFD does not split),
 * anything outside printable ASCII, quotes and backslashes replaced.
 */
export function asciiFileName(fileName: string): string {
  return (
    fileName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
      .trim() || 'file'
  );
}

/**
 * `Content-Disposition: attachment` for a download (RFC 6266): the plain `filename` is an ASCII
 * fallback, and `filename*` (RFC 8187) carries the exact UTF-8 name when it differs, so
 * "Báo cáo CĐS.xlsx" keeps its diacritics. The one way every response and presigned URL names a
 * file: a name written into a header by hand breaks on a quote, and Node refuses the response
 * (500) for a character beyond Latin-1.
 */
export function attachmentDisposition(
  fileName: string,
  fallback = asciiFileName(fileName),
): string {
  return contentDisposition(fileName, { type: 'attachment', fallback });
}
