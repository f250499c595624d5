/** Response headers for downloading a lesson file; nothing from the database reaches a header unchecked. */

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

export function safeMimeType(mime: string | null): string {
  return mime && MIME.test(mime) ? mime : 'application/octet-stream';
}
