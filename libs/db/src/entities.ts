import { OrgUnitEdgeEntity } from './org-units/org-unit-edge.entity';
import { OrgUnitEntity } from './org-units/org-unit.entity';
import { MembershipEntity } from './users/membership.entity';
import { UserEntity } from './users/user.entity';

/** Every entity of the schema; the migration guard test compares them with the migrations. */
export const ALL_ENTITIES = [OrgUnitEntity, OrgUnitEdgeEntity, UserEntity, MembershipEntity];
