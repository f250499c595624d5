import type { UpdateCurriculumRequest } from '@dx/contracts';
import { PartialType } from '@nestjs/swagger';
import { CreateCurriculumDto } from './create-curriculum.dto';

/** Any field of creation; `courseIds` replaces the whole ordered list. */
export class UpdateCurriculumDto
  extends PartialType(CreateCurriculumDto)
  implements UpdateCurriculumRequest {}
