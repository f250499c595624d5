import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Crockford's base32: no I, L, O or U, so a code read aloud or off paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 random bits. */
const CODE_LENGTH = 16;

/** A new code, "XXXX-XXXX-XXXX-XXXX", from 80 random bits. */
export function generateActivationCode(): string {
  return formatCode(randomBytes(10));
}

/**
 * The code of one person on one batch of slips: 80 bits of an HMAC under a key derived from
 * the server secret, so unguessable without it, but the same when a failed job is retried.
 * That keeps a code already mailed by the failed attempt valid (the retry re-issues it
 * instead of replacing it) and the mail's idempotency key unchanged (one mail per person).
 * A new batch for the unit has a new id, hence new codes.
 */
export function slipActivationCode(serverSecret: string, batchId: string, userId: string): string {
  const key = createHash('sha256').update(`dx-activation-slip:${serverSecret}`).digest();
  return formatCode(
    createHmac('sha256', key).update(`${batchId}:${userId}`).digest().subarray(0, 10),
  );
}

function formatCode(bytes: Uint8Array): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/** What a person typed, in the canonical form: case, dashes, spaces and look-alikes forgiven. */
export function normalizeActivationCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * HMAC-SHA-256 of the normalised code under a key derived from the server secret: a leaked
 * table alone cannot be brute-forced, and a unit of 60,000 people is hashed in well under
 * a second (argon2 would take minutes; 80 random bits need no stretching).
 */
export function hashActivationCode(serverSecret: string, code: string): string {
  const key = createHash('sha256').update(`dx-activation-code:${serverSecret}`).digest();
  return createHmac('sha256', key).update(normalizeActivationCode(code)).digest('hex');
}

/**
 * Issues codes for `userIds` in the caller's transaction: the open code of each person is
 * marked replaced and a new one inserted. Returns the plain codes (shown once, never
 * stored) in the order of `userIds`.
 */
export async function issueActivationCodes(
  tx: EntityManager,
  args: {
    userIds: string[];
    issuedBy: string | null;
    expiresAt: Date;
    serverSecret: string;
    /** The code of each user (see slipActivationCode); random ones when absent. */
    codeOf?: (userId: string) => string;
  },
): Promise<string[]> {
  const codes = args.userIds.map((id) => args.codeOf?.(id) ?? generateActivationCode());
  await tx.query(
    `UPDATE activation_code SET replaced_at = now()
     WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL AND replaced_at IS NULL`,
    [args.userIds],
  );
  await tx.query(
    `INSERT INTO activation_code (user_id, code_hash, expires_at, issued_by)
     SELECT u, h, $3, $4 FROM unnest($1::uuid[], $2::char(64)[]) AS t(u, h)`,
    [
      args.userIds,
      codes.map((c) => hashActivationCode(args.serverSecret, c)),
      args.expiresAt,
      args.issuedBy,
    ],
  );
  return codes;
}
