import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of the multipart body; the file itself is read by multer. */
export class ImportQuestionsFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'XLSX (first worksheet; header row naming externalId?, type, text, option1…option10, correct, ' +
      'explanation?; correct lists option numbers, e.g. "1,3") or Moodle GIFT text (UTF-8: ' +
      'single, multiple with % weights, true/false, ::id:: titles, #### explanation). At most 5 MB.',
  })
  file: unknown;
}
