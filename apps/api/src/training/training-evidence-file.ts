import {
  TRAINING_EVIDENCE_MAX_BYTES,
  TRAINING_EVIDENCE_TYPES,
  TrainingEvidenceType,
} from '@dx/contracts';
import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { invalidField } from '../http/invalid-input';
import { attachmentDisposition } from '@dx/storage';
import { singleFileInterceptor } from '../http/single-file.interceptor';

const MAX_MEGABYTES = TRAINING_EVIDENCE_MAX_BYTES / 1024 / 1024;

const tooLarge = () =>
  invalidField('file', `must be at most ${MAX_MEGABYTES} MB`, 'file_too_large', {
    maxMegabytes: MAX_MEGABYTES,
  });

/** One evidence file in memory; multer stops reading past the limit (400 `file_too_large`). */
export const TrainingEvidenceInterceptor = singleFileInterceptor({
  maxBytes: TRAINING_EVIDENCE_MAX_BYTES,
  fields: 5,
  parts: 10,
  expected: 'one PDF, JPEG or PNG file',
  refuse: (message, code, params) => invalidField('file', message, code, params),
});

interface EvidenceKind {
  type: TrainingEvidenceType;
  mime: string;
  extension: string;
  magic: Buffer;
}

const KINDS: EvidenceKind[] = [
  { type: 'pdf', mime: 'application/pdf', extension: 'pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { type: 'jpeg', mime: 'image/jpeg', extension: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  {
    type: 'png',
    mime: 'image/png',
    extension: 'png',
    magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
];

/**
 * What an uploaded evidence file is, from its first bytes (the client's name and
 * Content-Type are only its word); 400 on `file` when empty, too large or another type.
 */
export function evidenceKind(data: Buffer | undefined): EvidenceKind {
  if (!data?.length) {
    throw invalidField(
      'file',
      'attach a non-empty file in the multipart field "file"',
      'file_empty',
    );
  }
  if (data.length > TRAINING_EVIDENCE_MAX_BYTES) throw tooLarge();
  const kind = KINDS.find((k) => data.subarray(0, k.magic.length).equals(k.magic));
  if (!kind) {
    throw invalidField(
      'file',
      `must be one of ${TRAINING_EVIDENCE_TYPES.join(', ')} (recognised by content, not by name)`,
      'file_type_not_allowed',
    );
  }
  return kind;
}

/** The kind of a stored file, from the extension of the key the server chose. */
export function storedEvidenceKind(key: string): EvidenceKind {
  return KINDS.find((k) => key.endsWith(`.${k.extension}`)) ?? KINDS[0];
}

/**
 * The name the download is saved under, made from the record (never from the uploaded
 * name): "Minh chứng - Lớp bồi dưỡng kỹ năng số - 2026-05-20.pdf", without path separators
 * or characters Windows refuses.
 */
export function evidenceFileName(
  record: { title: string; completedOn: string },
  kind: EvidenceKind,
): string {
  const title = record.title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|*?:\\/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `Minh chứng - ${title} - ${record.completedOn}.${kind.extension}`;
}

export interface EvidenceDownload {
  fileName: string;
  mime: string;
  stream: Readable;
}

/** The answer of both downloads (HR's and the person's own): always an attachment. */
export function evidenceFile(file: EvidenceDownload, res: Response): StreamableFile {
  // An uploaded file is never rendered as something the browser guesses.
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.stream, {
    type: file.mime,
    disposition: attachmentDisposition(file.fileName),
  });
}
