import type { EntityManager } from 'typeorm';

// Who gets an activation slip when HR prints a unit's slips: reads people with the org
// tree (unit names, subtree by path), so it lives in the read model beside the register.

export interface ActivationSlipPerson {
  id: string;
  username: string;
  fullName: string;
  unitName: string;
  /** The unit's path: slips come unit by unit, so a stack is handed out office by office. */
  unitPath: string;
}

/**
 * Active people of the subtree who have not activated yet (no password). Never sysadmins:
 * a code sets the password, and printing one for a sysadmin would hand over the system.
 */
const SLIP_PEOPLE = `
  FROM app_user u
  JOIN org_unit o ON o.id = u.org_unit_id
 WHERE o.path LIKE $1 AND u.active AND u.password_hash IS NULL
   AND NOT ('sysadmin' = ANY (u.roles))`;

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, '\\$&')}%`;

export async function countActivationSlipPeople(m: EntityManager, unitPath: string): Promise<number> {
  const [row] = await m.query(`SELECT count(*)::int AS n ${SLIP_PEOPLE}`, [likePrefix(unitPath)]);
  return row.n;
}

/**
 * The people in (unit path, username) order, `batchSize` at a time (keyset: memory stays
 * flat whatever the size of the unit).
 */
export async function* activationSlipPeopleBatches(
  m: EntityManager,
  unitPath: string,
  batchSize = 2000,
): AsyncGenerator<ActivationSlipPerson[]> {
  let after = { path: '', username: '' };
  for (;;) {
    const rows: ActivationSlipPerson[] = await m.query(
      `SELECT u.id, u.username, u.full_name AS "fullName", o.name AS "unitName",
              o.path::text COLLATE "C" AS "unitPath"
         ${SLIP_PEOPLE}
          AND (o.path COLLATE "C", u.username COLLATE "C") > ($2 COLLATE "C", $3 COLLATE "C")
        ORDER BY o.path COLLATE "C", u.username COLLATE "C"
        LIMIT $4`,
      [likePrefix(unitPath), after.path, after.username, batchSize],
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    after = { path: last.unitPath, username: last.username };
  }
}
