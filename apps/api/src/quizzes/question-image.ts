import { QUESTION_IMAGE_MAX_BYTES, type QuestionImageBody } from '@dx/contracts';
import type { FileStorage } from '@dx/storage';
import { invalidField } from '../http/invalid-input';

/** The image types browsers show, told by their first bytes (never by name or Content-Type). */
const SIGNATURES: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  {
    mime: 'image/png',
    ext: 'png',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/jpeg',
    ext: 'jpg',
    test: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  },
  {
    mime: 'image/gif',
    ext: 'gif',
    test: (b) => ['GIF87a', 'GIF89a'].includes(b.toString('latin1', 0, 6)),
  },
  {
    mime: 'image/webp',
    ext: 'webp',
    test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
];
// SVG is left out on purpose: it is a document that can carry scripts, not a picture.

export const QUESTION_IMAGE_PREFIX = 'question-images/';
/** The last segment of a key: 32 hex digits and the type's extension. */
export const QUESTION_IMAGE_NAME = /^[0-9a-f]{32}\.(png|jpg|gif|webp)$/;

const MIME_OF_EXT: Record<string, string> = Object.fromEntries(
  SIGNATURES.map((s) => [s.ext, s.mime]),
);

/** The stored name (`<random>.<ext>`) an upload gets; 400 on `file` for anything but an image. */
export function imageExtension(data: Buffer | undefined): string {
  if (!data?.length) {
    throw invalidField('file', 'attach an image in the multipart field "file"', 'file_rejected');
  }
  if (data.length > QUESTION_IMAGE_MAX_BYTES) {
    throw invalidField(
      'file',
      `must be at most ${QUESTION_IMAGE_MAX_BYTES / 1024 / 1024} MB`,
      'file_rejected',
    );
  }
  const hit = SIGNATURES.find((s) => s.test(data));
  if (!hit) {
    throw invalidField('file', 'must be a PNG, JPEG, GIF or WebP image', 'file_rejected');
  }
  return hit.ext;
}

/** The Content-Type a stored name is served with (the type was checked at upload). */
export const imageMime = (name: string): string =>
  MIME_OF_EXT[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/**
 * The images of a question and of its options must be ones the API stored: 400 on
 * `image.key` or `options.<i>.image.key` otherwise.
 */
export async function requireStoredImages(
  storage: FileStorage,
  body: {
    image?: QuestionImageBody | null;
    options?: readonly { image?: QuestionImageBody | null }[];
  },
): Promise<void> {
  const images: [string, QuestionImageBody | null | undefined][] = [
    ['image.key', body.image],
    ...(body.options ?? []).map((o, i): [string, QuestionImageBody | null | undefined] => [
      `options.${i}.image.key`,
      o.image,
    ]),
  ];
  for (const [field, image] of images) {
    if (image && !(await storage.exists(image.key))) {
      throw invalidField(field, 'no uploaded image has this key', 'file_rejected');
    }
  }
}

/** The question columns of a body's image (null clears it). */
export const imageColumns = (image: QuestionImageBody | null | undefined) => ({
  imageKey: image?.key ?? null,
  imageAlt: image ? image.alt : null,
});
