import { APP_CONFIG, AppConfig } from '@dx/config';
import {
  hashActivationCode,
  issueActivationCodes,
  MailRequest,
  MailService,
  slipActivationCode,
} from '@dx/db';
import { activationSlipPeopleBatches, countActivationSlipPeople } from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { FileJobProgress, filesExpireAt } from '../file-jobs/file-job-progress';
import { completeFileJob, failFileJob, startFileJob } from '../file-jobs/file-job-rows';
import { FileReadyNotifier } from '../file-jobs/file-ready-notice';
import { dayMonthYear, SlipSheetMeta } from './slip-format';
import { SlipsPdfWriter } from './slips-pdf';
import { SlipsXlsxWriter } from './slips-xlsx';

export type SlipsOutcome = 'completed' | 'already-done' | 'missing';

/**
 * Makes a unit's activation slips: issues a code for each person who has not activated yet
 * (one transaction per batch of people: the codes of a batch exist together or not at all)
 * and streams the PDF and the XLSX into storage as it goes, so memory stays flat for any
 * unit. People with an email also get their code by mail (queued in the same transaction
 * as the code, sent on the transactional `mail-priority` queue). Idempotent: a completed
 * batch is not made again; a retried one starts over with the same codes (derived from the
 * batch and the person, see slipActivationCode), so a code mailed by the failed attempt
 * still works and its mail, keyed by the code, is not sent twice.
 */
@Injectable()
export class ActivationSlipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fileReady: FileReadyNotifier,
    private readonly mail: MailService,
  ) {}

  async make(id: string, report: (progress: number) => Promise<void>): Promise<SlipsOutcome> {
    const row = await startFileJob(this.db, 'activation_slips', id, (found) => ({
      // A retry keeps the expiry of the failed attempt: the codes it mailed say that date.
      expiresAt:
        found.expiresAt ??
        new Date(Date.now() + this.config.accounts.activationCodeTtlDays * 86_400_000),
    }));
    if (typeof row === 'string') return row;
    const expiresAt = row.expiresAt as Date;

    const meta: SlipSheetMeta = {
      unitName: row.unitName,
      activateUrl: `${this.config.publicBaseUrl}/activate`,
      expiresOn: dayMonthYear(expiresAt, this.config.reportsTimeZone),
    };
    const progress = new FileJobProgress(this.db, id, report);
    const total = await countActivationSlipPeople(this.db.manager, row.unitPath);
    await progress.setTotal(total);
    const pdfKey = `exports/activation-slips/${id}.pdf`;
    const xlsxKey = `exports/activation-slips/${id}.xlsx`;
    const pdfOut = new PassThrough();
    const xlsxOut = new PassThrough();
    const stored = Promise.all([
      this.storage.put(pdfKey, pdfOut),
      this.storage.put(xlsxKey, xlsxOut),
    ]);
    // Awaited below; until then a failure must not go unhandled.
    stored.catch(() => undefined);
    const pdf = new SlipsPdfWriter(pdfOut, meta);
    const xlsx = new SlipsXlsxWriter(xlsxOut, meta);

    try {
      for await (const people of activationSlipPeopleBatches(this.db.manager, row.unitPath)) {
        const secret = this.config.jwt.secret;
        const codes = await this.db.transaction(async (tx) => {
          const issued = await issueActivationCodes(tx, {
            userIds: people.map((p) => p.id),
            issuedBy: row.requestedBy,
            expiresAt,
            serverSecret: secret,
            codeOf: (userId) => slipActivationCode(secret, id, userId),
          });
          await this.mail.enqueueMany(
            tx,
            people.flatMap((p, i) =>
              p.email ? [this.codeMail(p.email, p, issued[i], expiresAt)] : [],
            ),
          );
          return issued;
        });
        const slips = people.map((p, i) => ({ ...p, code: codes[i] }));
        await pdf.add(slips);
        xlsx.add(slips);
        await progress.add(people.length);
      }
      await Promise.all([pdf.end(), xlsx.end()]);
      pdfOut.end();
      xlsxOut.end();
    } catch (err) {
      pdfOut.destroy(err as Error);
      xlsxOut.destroy(err as Error);
      throw err;
    }
    await stored;
    await completeFileJob(
      this.db,
      'activation_slips',
      row,
      {
        done: progress.rows,
        total,
        count: progress.rows,
        pdfKey,
        xlsxKey,
        filesExpireAt: filesExpireAt(this.config.fileJobRetentionDays),
      },
      this.fileReady,
    );
    await report(100);
    return 'completed';
  }

  /** The API's mail of a single code, keyed by the code: name, username, code, link, expiry. */
  private codeMail(
    to: string,
    person: { id: string; username: string; fullName: string },
    code: string,
    expiresAt: Date,
  ): MailRequest<'activation-code'> {
    return {
      to,
      userId: person.id,
      template: 'activation-code',
      params: {
        fullName: person.fullName,
        username: person.username,
        code,
        expiresAt: expiresAt.toISOString(),
        activateUrl: `${this.config.publicBaseUrl}/activate`,
      },
      idempotencyKey: `activation-code:${hashActivationCode(this.config.jwt.secret, code)}`,
    };
  }

  markFailed(id: string, error: string): Promise<void> {
    return failFileJob(this.db, id, error);
  }
}
