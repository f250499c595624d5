import type { UpdateRequirementRequest } from '@dx/contracts';
import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateRequirementDto } from './create-requirement.dto';

/**
 * What HR can correct on a requirement: its people (DX roles, job titles), hours and due
 * date. The year, the unit and the curriculum stay: another of those is another requirement.
 */
export class UpdateRequirementDto
  extends PartialType(
    OmitType(CreateRequirementDto, ['year', 'orgUnitId', 'curriculumId'] as const),
  )
  implements UpdateRequirementRequest {}
