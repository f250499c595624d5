import { QUESTION_IMAGE_MAX_BYTES, type QuestionImageUploadResponse } from '@dx/contracts';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import {
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  HttpException,
  Inject,
  Injectable,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { Observable } from 'rxjs';
import { Roles } from '../auth/roles.decorator';
import { invalidField } from '../http/invalid-input';
import { QuestionImageFileDto } from './dto/question-image-file.dto';
import {
  imageMime,
  QUESTION_IMAGE_NAME,
  QUESTION_IMAGE_PREFIX,
  sanitisedImage,
} from './question-image';

const MultipartImage = FileInterceptor('file', {
  limits: { fileSize: QUESTION_IMAGE_MAX_BYTES, files: 1, fields: 5, parts: 10 },
});

/** One image in memory (multer stops past 1 MB); upload failures become a 400 on `file`. */
@Injectable()
class QuestionImageInterceptor extends MultipartImage {
  override async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(ctx, next);
    } catch (err) {
      const reason =
        err instanceof PayloadTooLargeException
          ? `must be at most ${QUESTION_IMAGE_MAX_BYTES / 1024 / 1024} MB`
          : `expected one image in the field "file" (${err instanceof HttpException || err instanceof Error ? err.message : String(err)})`;
      throw invalidField('file', reason, 'file_rejected');
    }
  }
}

/**
 * Images of questions. Stored under a random name by type (never the client's name); served
 * to any signed-in user who has the name: names are 128-bit random, known only through the
 * questions that show them, and the body can only ever be served as the image type it was
 * recognised as at upload.
 */
@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('question-images')
export class QuestionImagesController {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  @Post()
  @Roles('trainer')
  @UseInterceptors(QuestionImageInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: QuestionImageFileDto })
  @ApiOperation({
    summary: "Upload an image for a question; its key goes into the question's `image`",
  })
  async upload(
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<QuestionImageUploadResponse> {
    const image = await sanitisedImage(file?.buffer);
    const key = `${QUESTION_IMAGE_PREFIX}${randomBytes(16).toString('hex')}.${image.ext}`;
    await this.storage.put(key, image.data);
    return { key };
  }

  @Get(':name')
  @ApiProduces('image/png', 'image/jpeg', 'image/gif', 'image/webp')
  @ApiOperation({ summary: 'A question image (the last segment of its key), for signed-in users' })
  async image(
    @Param('name') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const key = `${QUESTION_IMAGE_PREFIX}${name}`;
    if (!QUESTION_IMAGE_NAME.test(name) || !(await this.storage.exists(key))) {
      throw new NotFoundException('Image not found');
    }
    // Never sniffed into something else, never a document that runs anything.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    // A name never changes content: cache it in the browser (private: signed-in only).
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    return new StreamableFile(await this.storage.get(key), {
      type: imageMime(name),
      disposition: 'inline',
    });
  }
}
