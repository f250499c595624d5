import { APP_CONFIG, AppConfig } from '@dx/config';
import type { PersonalDataExport } from '@dx/contracts';
import { AuditLogEntity, CertificateEntity, RefreshTokenEntity, UserEntity } from '@dx/db';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toAuditLogEntry } from '../audit/audit-log.mapper';
import { toMyCertificate } from '../certificates/certificate-views';

type Export = PersonalDataExport;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The caller's own data, read in one repeatable-read transaction so the parts agree. Each
 * part is one query keyed by the caller's id: nothing of anyone else can come along.
 */
@Injectable()
export class DataExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(userId: string): Promise<Export> {
    return this.db.transaction('REPEATABLE READ', async (tx) => ({
      exportedAt: new Date().toISOString(),
      profile: await this.profile(tx, userId),
      memberships: await tx.query(
        `SELECT m.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode", o.name AS "orgUnitName",
                m.dx_role AS "dxRole", m.valid_from::text AS "validFrom", m.valid_to::text AS "validTo"
           FROM membership m JOIN org_unit o ON o.id = m.org_unit_id
          WHERE m.user_id = $1 ORDER BY m.valid_from`,
        [userId],
      ),
      enrollments: await this.enrollments(tx, userId),
      quizAttempts: await this.attempts(tx, userId),
      certificates: await this.certificates(tx, userId),
      sessions: (
        await tx.find(RefreshTokenEntity, { where: { userId }, order: { createdAt: 'ASC' } })
      ).map((r) => ({
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        usedAt: iso(r.usedAt),
        revokedAt: iso(r.revokedAt),
      })),
      auditEntries: (
        await tx.find(AuditLogEntity, { where: { actorId: userId }, order: { at: 'ASC' } })
      ).map(toAuditLogEntry),
    }));
  }

  private async profile(tx: EntityManager, userId: string): Promise<Export['profile']> {
    const u = await tx.findOne(UserEntity, { where: { id: userId }, relations: { orgUnit: true } });
    if (!u?.orgUnit) throw new NotFoundException('User not found');
    return {
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      email: u.email,
      dateOfBirth: u.dateOfBirth,
      nationalId: u.nationalId,
      jobTitle: u.jobTitle,
      dxRole: u.dxRole,
      roles: u.roles,
      orgUnit: { id: u.orgUnit.id, code: u.orgUnit.code, name: u.orgUnit.name },
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }

  private async enrollments(tx: EntityManager, userId: string): Promise<Export['enrollments']> {
    const rows: (Omit<
      Export['enrollments'][number],
      'lessonCompletions' | 'enrolledAt' | 'completedAt'
    > & {
      enrolledAt: Date;
      completedAt: Date | null;
    })[] = await tx.query(
      `SELECT e.id, e.course_id AS "courseId", c.code AS "courseCode", v.title AS "courseTitle",
              v.version, e.status, e.progress, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt"
         FROM enrollment e JOIN course c ON c.id = e.course_id
         JOIN course_version v ON v.id = e.course_version_id
        WHERE e.user_id = $1 ORDER BY e.enrolled_at`,
      [userId],
    );
    const done: {
      enrollmentId: string;
      lessonId: string;
      lessonTitle: string;
      completedAt: Date;
    }[] = await tx.query(
      `SELECT lc.enrollment_id AS "enrollmentId", lc.lesson_id AS "lessonId", l.title AS "lessonTitle",
                lc.completed_at AS "completedAt"
           FROM lesson_completion lc JOIN enrollment e ON e.id = lc.enrollment_id
           JOIN lesson l ON l.id = lc.lesson_id
          WHERE e.user_id = $1 ORDER BY lc.completed_at`,
      [userId],
    );
    return rows.map((e) => ({
      ...e,
      enrolledAt: e.enrolledAt.toISOString(),
      completedAt: iso(e.completedAt),
      lessonCompletions: done
        .filter((d) => d.enrollmentId === e.id)
        .map((d) => ({
          lessonId: d.lessonId,
          lessonTitle: d.lessonTitle,
          completedAt: d.completedAt.toISOString(),
        })),
    }));
  }

  /** Own choices with the texts shown; never which options were correct. */
  private async attempts(tx: EntityManager, userId: string): Promise<Export['quizAttempts']> {
    const rows: {
      id: string;
      quizId: string;
      quizTitle: string;
      number: number;
      status: string;
      startedAt: Date;
      submittedAt: Date | null;
      score: number | null;
      passed: boolean | null;
      correctCount: number | null;
      total: number | null;
      answers: { questionId: string; optionIds: string[] }[] | null;
    }[] = await tx.query(
      `SELECT a.id, a.quiz_id AS "quizId", q.title AS "quizTitle", a.number, a.status,
              a.started_at AS "startedAt", a.submitted_at AS "submittedAt", a.score, a.passed,
              a.correct_count AS "correctCount", a.total, a.answers
         FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
        WHERE a.user_id = $1 ORDER BY a.started_at`,
      [userId],
    );
    const texts = new Map<string, string>(
      (
        await tx.query(
          `SELECT qu.id, qu.text FROM question qu
            WHERE qu.id IN (SELECT (x->>'questionId')::uuid FROM quiz_attempt a, jsonb_array_elements(a.answers) x
                             WHERE a.user_id = $1)
           UNION ALL
           SELECT o.id, o.text FROM question_option o
            WHERE o.id IN (SELECT jsonb_array_elements_text(x->'optionIds')::uuid
                             FROM quiz_attempt a, jsonb_array_elements(a.answers) x WHERE a.user_id = $1)`,
          [userId],
        )
      ).map((r: { id: string; text: string }) => [r.id, r.text]),
    );
    return rows.map(({ answers, startedAt, submittedAt, ...a }) => ({
      ...a,
      startedAt: startedAt.toISOString(),
      submittedAt: iso(submittedAt),
      answers: (answers ?? []).map((x) => ({
        questionId: x.questionId,
        questionText: texts.get(x.questionId) ?? '',
        optionIds: x.optionIds,
        optionTexts: x.optionIds.map((id) => texts.get(id) ?? ''),
      })),
    }));
  }

  private async certificates(tx: EntityManager, userId: string): Promise<Export['certificates']> {
    const certs = await tx.find(CertificateEntity, {
      where: { userId },
      order: { completedAt: 'ASC' },
    });
    return certs.map((c) => {
      const links = toMyCertificate(c, this.config.publicBaseUrl);
      return {
        id: c.id,
        kind: c.kind,
        serial: c.serial,
        status: c.status,
        title: c.snapshot.title,
        holderName: c.snapshot.holderName,
        dateOfBirth: c.snapshot.dateOfBirth,
        hours: c.snapshot.hours,
        issuer: c.snapshot.issuerName,
        completedAt: c.completedAt.toISOString(),
        issuedAt: iso(c.issuedAt),
        revokedAt: iso(c.revokedAt),
        verifyUrl: links.verifyUrl,
        // Absolute: the file is read away from the site.
        pdfUrl: links.pdfUrl ? `${this.config.publicBaseUrl}${links.pdfUrl}` : null,
      };
    });
  }
}
