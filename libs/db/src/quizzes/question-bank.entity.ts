import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/**
 * Questions a unit keeps for reuse across its courses (issue #16). Trainers of the owner
 * unit's subtree edit it; a quiz draws from its categories (`quiz_draw_rule`).
 */
@Entity('question_bank')
@Index('idx_question_bank_owner', ['ownerOrgUnitId'])
export class QuestionBankEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ownerOrgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_unit_id' })
  ownerOrgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
