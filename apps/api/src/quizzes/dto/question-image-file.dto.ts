import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of the multipart body; the image itself is read by multer. */
export class QuestionImageFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'PNG, JPEG, GIF or WebP (recognised by content), at most 1 MB; stored re-encoded: no metadata, at most 2000 px a side',
  })
  file: unknown;
}
