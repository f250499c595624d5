import { QUESTION_IMAGE_MAX_BYTES, type QuestionImageBody } from '@dx/contracts';
import type { FileStorage } from '@dx/storage';
import sharp from 'sharp';
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

/** Longest side a stored image keeps: a question needs no more, and it bounds decode cost. */
export const QUESTION_IMAGE_MAX_SIDE = 2000;
/** Decompression-bomb guard: a 1 MB file may not unpack beyond this many pixels. */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * What an upload is stored as: recognised by content (never by name or Content-Type), then
 * decoded and re-encoded to the same format by sharp (libvips), which drops every metadata
 * block (EXIF with GPS, XMP, comments), anything appended or hidden beside the pixels
 * (polyglots), and bounds the size to 2000 px a side, turned upright by its EXIF orientation
 * first. Anything that does not decode is a 400 on `file`. GIFs keep only their first frame.
 */
export async function sanitisedImage(
  data: Buffer | undefined,
): Promise<{ ext: string; data: Buffer }> {
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
  try {
    const image = sharp(data, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({
        width: QUESTION_IMAGE_MAX_SIDE,
        height: QUESTION_IMAGE_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      });
    const format = ({ jpg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp' } as const)[
      hit.ext as 'jpg' | 'png' | 'gif' | 'webp'
    ];
    return { ext: hit.ext, data: await image.toFormat(format).toBuffer() };
  } catch (err) {
    throw invalidField(
      'file',
      `could not be decoded as a ${hit.ext.toUpperCase()} image (${(err as Error).message})`,
      'file_rejected',
    );
  }
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
