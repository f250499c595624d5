import type { MyTrainingRecord } from '@dx/contracts';
import { TrainingRecordEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';

/**
 * The caller's own recorded training (entered by HR), for their history by year. Only
 * ever the caller's rows: there is no id or person to pass, so nothing else is reachable.
 */
@Injectable()
export class MyTrainingRecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mine(user: AuthUser): Promise<MyTrainingRecord[]> {
    const rows = await this.db.getRepository(TrainingRecordEntity).find({
      select: {
        id: true,
        title: true,
        hours: true,
        completedOn: true,
        year: true,
        provider: true,
        evidenceKey: true,
      },
      where: { userId: user.id },
      order: { completedOn: 'DESC', createdAt: 'DESC' },
    });
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      hours: Number(r.hours),
      completedOn: r.completedOn,
      year: r.year,
      provider: r.provider,
      hasEvidence: r.evidenceKey !== null,
    }));
  }
}
