import type { LessonFileType } from '@dx/contracts';

export interface DetectedFileType {
  type: LessonFileType;
  mime: string;
  extension: string;
}

const TYPES: Record<LessonFileType, DetectedFileType> = {
  pdf: { type: 'pdf', mime: 'application/pdf', extension: '.pdf' },
  docx: {
    type: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
  },
  pptx: {
    type: 'pptx',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: '.pptx',
  },
  xlsx: {
    type: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: '.xlsx',
  },
  mp4: { type: 'mp4', mime: 'video/mp4', extension: '.mp4' },
};

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
/** The part every Office Open XML package has, and the main part of each kind. */
const OOXML_MAIN_PARTS: [string, LessonFileType][] = [
  ['word/document.xml', 'docx'],
  ['ppt/presentation.xml', 'pptx'],
  ['xl/workbook.xml', 'xlsx'],
];

/**
 * What a lesson file is, from its bytes alone: the client's name and MIME type are only
 * its word. Null for anything else (images, executables, plain zips, legacy .doc…).
 */
export function detectLessonFileType(data: Buffer): DetectedFileType | null {
  if (data.subarray(0, 5).equals(PDF_MAGIC)) return TYPES.pdf;
  // ISO base media: a box size, then "ftyp" and a brand (isom, mp42, avc1…).
  if (data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp') return TYPES.mp4;
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
    const names = zipEntryNames(data);
    if (!names?.has('[Content_Types].xml')) return null;
    const hit = OOXML_MAIN_PARTS.find(([part]) => names.has(part));
    return hit ? TYPES[hit[1]] : null;
  }
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;

/** Names listed in a zip's central directory, or null when it cannot be read. */
function zipEntryNames(zip: Buffer): Set<string> | null {
  // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_ENTRY_SIGNATURE)
      return null;
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > zip.length) return null;
    names.add(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * The name shown to learners: the uploaded base name without path or control characters,
 * ending in the extension of the detected type (a PDF called "slides.docx" becomes
 * "slides.docx.pdf"). Only ever stored in the database, never used as a path.
 */
export function displayFileName(original: string | undefined, detected: DetectedFileType): string {
  const base = ((original ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim();
  const stem = base || 'tai-lieu';
  const named = stem.toLowerCase().endsWith(detected.extension)
    ? stem
    : `${stem}${detected.extension}`;
  return named.length <= 255
    ? named
    : `${named.slice(0, 255 - detected.extension.length)}${detected.extension}`;
}
