import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, dayMonthYear, TrainingRecord } from '@dx/contracts';
import { TrainingRecordEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { personInSubtree } from '@dx/reports';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { invalidField } from '../http/invalid-input';
import { OrgScopeService } from '../org-units/org-scope.service';
import { isDayOfYear } from './requirements.service';
import { CreateTrainingRecordDto, UpdateTrainingRecordDto } from './dto/training-record.dto';
import { TrainingLedgerService } from './training-ledger.service';

/**
 * Training done outside the platform, recorded by HR for a person of its subtree. It
 * counts toward hours and `trained` like a course completion: every create, correction
 * and removal changes the ledger and writes the audit entry in the same transaction.
 * Its evidence file is kept by TrainingEvidenceService; a removal deletes it too.
 */
@Injectable()
export class TrainingRecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: OrgScopeService,
    private readonly ledger: TrainingLedgerService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async create(user: AuthUser, dto: CreateTrainingRecordDto): Promise<TrainingRecord> {
    const year = this.checkDate(dto.completedOn);
    const orgUnitId = await this.personInScope(user, dto.userId);
    return this.db.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(TrainingRecordEntity, { ...dto, year, recordedById: user.id }),
      );
      await this.ledger.apply(tx, dto.userId, year, { hours: dto.hours, records: 1 });
      await recordAudit(tx, {
        action: 'training_record.created',
        targetType: 'training_record',
        targetId: saved.id,
        orgUnitId,
        details: { userId: dto.userId, hours: dto.hours, completedOn: dto.completedOn },
      });
      return toRecord(saved);
    });
  }

  async list(user: AuthUser, userId: string): Promise<TrainingRecord[]> {
    await this.personInScope(user, userId);
    const rows = await this.db.getRepository(TrainingRecordEntity).find({
      where: { userId },
      order: { completedOn: 'DESC', createdAt: 'DESC' },
    });
    return rows.map(toRecord);
  }

  async update(user: AuthUser, id: string, dto: UpdateTrainingRecordDto): Promise<TrainingRecord> {
    const year = dto.completedOn ? this.checkDate(dto.completedOn) : undefined;
    return this.db.transaction(async (tx) => {
      const { record, orgUnitId } = await this.lockVisible(tx, user, id);
      // The old figures leave their year, the corrected ones enter theirs.
      await this.ledger.apply(tx, record.userId, record.year, {
        hours: -record.hours,
        records: -1,
      });
      Object.assign(record, dto, year ? { year } : {});
      const saved = await tx.save(record);
      await this.ledger.apply(tx, saved.userId, saved.year, { hours: saved.hours, records: 1 });
      await recordAudit(tx, {
        action: 'training_record.updated',
        targetType: 'training_record',
        targetId: id,
        orgUnitId,
        details: { userId: saved.userId, changes: dto },
      });
      return toRecord(saved);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const evidenceKey = await this.db.transaction(async (tx) => {
      const { record, orgUnitId } = await this.lockVisible(tx, user, id);
      await tx.delete(TrainingRecordEntity, { id });
      await this.ledger.apply(tx, record.userId, record.year, {
        hours: -record.hours,
        records: -1,
      });
      await recordAudit(tx, {
        action: 'training_record.deleted',
        targetType: 'training_record',
        targetId: id,
        orgUnitId,
        details: { userId: record.userId, title: record.title, hours: record.hours },
      });
      return record.evidenceKey;
    });
    // After the commit: a failed removal keeps the record and its file together.
    if (evidenceKey) await this.storage.delete(evidenceKey).catch(() => undefined);
  }

  /** The training year of a valid past day; 400 for an impossible or future date. */
  private checkDate(completedOn: string): number {
    const year = Number(completedOn.slice(0, 4));
    const today = calendarDate(this.config.reportsTimeZone);
    if (!isDayOfYear(completedOn, year)) {
      throw invalidField('completedOn', 'must be a real date', 'is_date_string');
    }
    if (year < 2000) {
      throw invalidField('completedOn', 'must not be before 2000', 'date_too_early', {
        min: '01/01/2000',
      });
    }
    if (completedOn > today) {
      throw invalidField('completedOn', 'must not be in the future', 'date_in_future', {
        date: dayMonthYear(today),
      });
    }
    return year;
  }

  /** The person's current unit when they are in the caller's subtree; 404 otherwise. */
  private async personInScope(user: AuthUser, userId: string): Promise<string> {
    const prefix = await this.scope.scopePath(user);
    const row = await personInSubtree(this.db.manager, userId, prefix);
    if (!row) throw new NotFoundException('Person not found');
    return row.orgUnitId;
  }

  /**
   * The record (locked for the transaction unless `lock` is false) and its person's unit
   * when the person is in the caller's subtree; 404 otherwise, whether it exists or not.
   */
  async lockVisible(tx: EntityManager, user: AuthUser, id: string, lock = true) {
    const record = await tx.findOne(TrainingRecordEntity, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!record) throw new NotFoundException('Training record not found');
    const orgUnitId = await this.personInScope(user, record.userId).catch(() => {
      throw new NotFoundException('Training record not found');
    });
    return { record, orgUnitId };
  }
}

export function toRecord(r: TrainingRecordEntity): TrainingRecord {
  return {
    id: r.id,
    userId: r.userId,
    title: r.title,
    hours: Number(r.hours),
    completedOn: r.completedOn,
    year: r.year,
    provider: r.provider,
    hasEvidence: r.evidenceKey !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
