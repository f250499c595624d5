import { TrainingRecord } from '@dx/contracts';
import { TrainingRecordEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import {
  EvidenceDownload,
  evidenceFileName,
  evidenceKind,
  storedEvidenceKind,
} from './training-evidence-file';
import { TrainingRecordsService, toRecord } from './training-records.service';

/**
 * The scanned evidence of a recorded training: one file per record, in the shared file
 * storage (disk or S3) under a key the server chooses. Who may touch it is who may touch
 * the record (HR of the person's subtree, sysadmins); anyone else gets the record's 404.
 */
@Injectable()
export class TrainingEvidenceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly records: TrainingRecordsService,
  ) {}

  /** Stores the file and points the record at it; a file it replaces is deleted after the commit. */
  async put(user: AuthUser, id: string, data: Buffer | undefined): Promise<TrainingRecord> {
    // Checked before the record is looked up: a refusal says nothing about other units' records.
    const kind = evidenceKind(data);
    const file = data as Buffer;
    const key = `training-records/${id}/${randomBytes(16).toString('hex')}.${kind.extension}`;
    // Written first so the transaction stays short; removed again if it does not commit.
    await this.storage.put(key, file);
    let replaced: string | null = null;
    try {
      const saved = await this.db.transaction(async (tx) => {
        const { record, orgUnitId } = await this.records.lockVisible(tx, user, id);
        replaced = record.evidenceKey;
        record.evidenceKey = key;
        const row = await tx.save(record);
        await recordAudit(tx, {
          action: 'training_record.evidence_uploaded',
          targetType: 'training_record',
          targetId: id,
          orgUnitId,
          details: {
            userId: record.userId,
            type: kind.type,
            bytes: file.length,
            replaced: !!replaced,
          },
        });
        return row;
      });
      if (replaced) await this.storage.delete(replaced).catch(() => undefined);
      return toRecord(saved);
    } catch (err) {
      await this.storage.delete(key).catch(() => undefined);
      throw err;
    }
  }

  /** Takes the file off the record (the record stays); nothing to do when it has none. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const removed = await this.db.transaction(async (tx) => {
      const { record, orgUnitId } = await this.records.lockVisible(tx, user, id);
      const key = record.evidenceKey;
      if (!key) return null;
      await tx.update(TrainingRecordEntity, { id }, { evidenceKey: null });
      await recordAudit(tx, {
        action: 'training_record.evidence_removed',
        targetType: 'training_record',
        targetId: id,
        orgUnitId,
        details: { userId: record.userId },
      });
      return key;
    });
    if (removed) await this.storage.delete(removed).catch(() => undefined);
  }

  /**
   * The evidence files of a person's records, read in an erasure's transaction: the rows go
   * with the account (foreign key cascade), the files are deleted once it commits.
   */
  async keysOf(tx: EntityManager, userId: string): Promise<string[]> {
    const rows = await tx.find(TrainingRecordEntity, {
      select: { id: true, evidenceKey: true },
      where: { userId, evidenceKey: Not(IsNull()) },
    });
    return rows.map((r) => r.evidenceKey as string);
  }

  async deleteFiles(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.delete(key).catch(() => undefined);
  }

  async download(user: AuthUser, id: string): Promise<EvidenceDownload> {
    const { record } = await this.records.lockVisible(this.db.manager, user, id, false);
    return this.fileOf(record);
  }

  /**
   * The person's own record's file. Anyone else's record answers the same 404 as a missing
   * one, so ids of other people's records cannot be probed from here.
   */
  async downloadOwn(user: AuthUser, id: string): Promise<EvidenceDownload> {
    const record = await this.db.manager.findOne(TrainingRecordEntity, {
      where: { id, userId: user.id },
    });
    if (!record) throw new NotFoundException('Training record not found');
    return this.fileOf(record);
  }

  private async fileOf(record: TrainingRecordEntity): Promise<EvidenceDownload> {
    const key = record.evidenceKey;
    if (!key || !(await this.storage.exists(key))) {
      throw new NotFoundException('Evidence file not found');
    }
    const kind = storedEvidenceKind(key);
    return {
      fileName: evidenceFileName(record, kind),
      mime: kind.mime,
      stream: this.storage.stream(key),
    };
  }
}
