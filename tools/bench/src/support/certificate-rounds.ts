import {
  CertificatePdfData,
  claimsOf,
  PdfSigningIdentity,
  renderCertificatePdf,
  selfSignedPkcs12,
  signPdf,
} from '@dx/certificate-pdf';
import { certificateJobId } from '@dx/contracts';
import { requestCertificates } from '@dx/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { cpuSeconds } from './processes';

/** One measured batch: how many PDFs, in how long (wall clock), for how much CPU. */
export interface Round {
  count: number;
  seconds: number;
  cpuSeconds: number;
}

export const perSecond = (r: Round) => r.count / r.seconds;
export const cpuMsPerItem = (r: Round) => (r.cpuSeconds / r.count) * 1000;

/** The rounds added up, as if they were one run. */
export function sumRounds(rounds: Round[]): Round {
  return rounds.reduce(
    (a, r) => ({
      count: a.count + r.count,
      seconds: a.seconds + r.seconds,
      cpuSeconds: a.cpuSeconds + r.cpuSeconds,
    }),
    { count: 0, seconds: 0, cpuSeconds: 0 },
  );
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The reference: the same certificate page rendered and signed in this process, with the
 * same kind of signing certificate (self-signed RSA, as the worker makes without
 * CERT_PDF_P12): fonts cached, no database, no queue.
 */
export class RawSignedPdfLoop {
  private made = 0;

  private constructor(
    private readonly sample: CertificatePdfData,
    private readonly identity: PdfSigningIdentity,
  ) {}

  /** Ready to measure: its identity made and one PDF signed (fonts, JIT). */
  static async warm(): Promise<RawSignedPdfLoop> {
    const sample = {
      ...claimsOf({
        serial: 'CDS-2026-000001',
        kind: 'course',
        registerNumber: 1,
        snapshot: {
          holderName: 'Nguyễn Thị Hường 1',
          dateOfBirth: '1990-05-17',
          title: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
          hours: 8,
          completedOn: '2026-11-26',
          issuedOn: '2026-11-26',
          issuerName: 'Sở Khoa học và Công nghệ Hà Nội',
        },
      }),
      year: 2026,
      verifyUrl: 'http://localhost:3000/verify/CDS-2026-000001?c=AAAAAAAAAAAAAAAAAAAAAA',
    };
    const loop = new RawSignedPdfLoop(
      sample,
      PdfSigningIdentity.fromPkcs12(selfSignedPkcs12('bench', 'bench'), 'bench'),
    );
    await loop.run(1);
    return loop;
  }

  /** `n` PDFs one after the other, each with its own serial. */
  async run(n: number): Promise<Round> {
    const signature = { reason: 'bench', location: 'Việt Nam', contactInfo: 'bench' };
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const serial = `CDS-2026-${String(++this.made).padStart(6, '0')}`;
      await signPdf(await renderCertificatePdf({ ...this.sample, serial }), this.identity, signature);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    return { count: n, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  }
}

/**
 * Requests `n` certificates (outbox rows, as a passed course does) and waits until the
 * running worker (`pid`) has stored every PDF. The time runs from the outbox relay's claim
 * of the first row (outbox.sent_at, the relay transaction's start) to the last PDF, both by
 * the database's clock: the relay polls every 500 ms when idle, and that wait, up to 20% of
 * a short round, is latency, not throughput. The CPU is the worker's over the whole round.
 */
export async function issueThroughWorker(db: DataSource, pid: number, n: number): Promise<Round> {
  const cpuBefore = cpuSeconds(pid);
  const { certificates } = await requestCertificates(db, n);
  const ids = certificates.map((c) => c.id);
  const jobIds = ids.map((id) => certificateJobId(id));
  const deadline = Date.now() + 300_000;
  for (;;) {
    const [{ done, seconds }] = await db.query(
      `SELECT count(*) FILTER (WHERE c.pdf_key IS NOT NULL)::int AS done,
              extract(epoch FROM clock_timestamp() -
                (SELECT min(o.sent_at) FROM outbox o WHERE o.job_id = ANY($2)))::float8 AS seconds
         FROM certificate c WHERE c.id = ANY($1)`,
      [ids, jobIds],
    );
    if (done === n) return { count: n, seconds, cpuSeconds: cpuSeconds(pid) - cpuBefore };
    if (Date.now() > deadline) throw new Error(`${done} of ${n} certificates issued in 300 s`);
    await sleep(20);
  }
}
