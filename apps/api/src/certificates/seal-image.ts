import { SEAL_IMAGE_MAX_BYTES } from '@dx/contracts';
import { invalidField } from '../http/invalid-input';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The type of a seal image from its first bytes (never from the client's name or
 * Content-Type): PNG or JPEG, the two pdfkit draws; 400 on the `file` field otherwise.
 */
export function sealImageType(data: Buffer | undefined): 'image/png' | 'image/jpeg' {
  if (!data?.length) throw invalidField('file', 'expected a PNG or JPEG image in the field "file"', 'file_rejected');
  if (data.length > SEAL_IMAGE_MAX_BYTES) {
    throw invalidField('file', `must be at most ${SEAL_IMAGE_MAX_BYTES / 1024 / 1024} MB`, 'file_rejected');
  }
  if (data.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (data.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  throw invalidField('file', 'must be a PNG or JPEG image', 'file_rejected');
}
