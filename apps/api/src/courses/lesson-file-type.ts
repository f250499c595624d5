import type { LessonFileType } from '@dx/contracts';
import { readZipDirectory } from '../http/zip-directory';

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
export async function detectLessonFileType(data: Buffer): Promise<DetectedFileType | null> {
  if (data.subarray(0, 5).equals(PDF_MAGIC)) return TYPES.pdf;
  // ISO base media: a box size, then "ftyp" and a brand (isom, mp42, avc1…).
  if (data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp') return TYPES.mp4;
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
    const entries = await readZipDirectory(data);
    const names = new Set(entries?.map((e) => e.name));
    if (!names.has('[Content_Types].xml')) return null;
    const hit = OOXML_MAIN_PARTS.find(([part]) => names.has(part));
    return hit ? TYPES[hit[1]] : null;
  }
  return null;
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
