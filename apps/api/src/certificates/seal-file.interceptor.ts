import { SEAL_IMAGE_MAX_BYTES } from '@dx/contracts';
import { invalidField } from '../http/invalid-input';
import { singleFileInterceptor } from '../http/single-file.interceptor';

/** One seal image in memory; upload failures become a 400 on the `file` field. */
export const SealFileInterceptor = singleFileInterceptor({
  maxBytes: SEAL_IMAGE_MAX_BYTES,
  fields: 5,
  parts: 10,
  expected: 'one PNG or JPEG image',
  refuse: (message) => invalidField('file', message, 'file_rejected'),
});
