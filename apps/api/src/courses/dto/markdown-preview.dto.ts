import { LESSON_CONTENT_MAX_BYTES, type MarkdownPreviewBody } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MaxUtf8Bytes } from './dto-helpers';

export class MarkdownPreviewDto implements MarkdownPreviewBody {
  @ApiProperty({ example: '# Chính phủ số\n\n- Dữ liệu', description: 'Markdown (≤ 200 KB)' })
  @IsString()
  @MaxUtf8Bytes(LESSON_CONTENT_MAX_BYTES)
  content: string;
}
