import type { EntityManager } from 'typeorm';

// Who gets an activation slip when HR prints a unit's slips: reads people with the org
// tree (unit names, subtree by path), so it lives in the read model beside the register.

export interface ActivationSlipPerson {
  id: string;
  username: string;
  fullName: string;
  /** Where the code is also mailed, when the person has an address. */
  email: string | null;
  unitName: string;
  /** The unit's path: slips come unit by unit, so a stack is handed out office by office. */
  unitPath: string;
}

/**
 * Active people of the subtree who have not activated yet (no password). Never sysadmins:
 * a code sets the password, and printing one for a sysadmin would hand over the system.
 * (activationSlipPeopleBatches below applies the same conditions unit by unit.)
 */
const SLIP_PEOPLE = `
  FROM app_user u
  JOIN org_unit o ON o.id = u.org_unit_id
 WHERE o.path LIKE $1 AND u.active AND u.password_hash IS NULL
   AND NOT ('sysadmin' = ANY (u.roles))`;

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, '\\$&')}%`;

export async function countActivationSlipPeople(
  m: EntityManager,
  unitPath: string,
): Promise<number> {
  const [row] = await m.query(`SELECT count(*)::int AS n ${SLIP_PEOPLE}`, [likePrefix(unitPath)]);
  return row.n;
}

/**
 * The people unit by unit (units in path order, a unit's people by username), in batches
 * of about `batchSize`: each query reads one unit's people through the unit index, so a
 * batch costs the same at the end of a big province as at its start, and memory stays
 * flat whatever the size of the subtree.
 */
export async function* activationSlipPeopleBatches(
  m: EntityManager,
  unitPath: string,
  batchSize = 2000,
): AsyncGenerator<ActivationSlipPerson[]> {
  const units: { id: string; name: string; path: string }[] = await m.query(
    `SELECT id, name, path FROM org_unit WHERE path LIKE $1 ORDER BY path COLLATE "C"`,
    [likePrefix(unitPath)],
  );
  let batch: ActivationSlipPerson[] = [];
  for (const unit of units) {
    let after = '';
    for (;;) {
      const people: Omit<ActivationSlipPerson, 'unitName' | 'unitPath'>[] = await m.query(
        `SELECT u.id, u.username, u.full_name AS "fullName", u.email
           FROM app_user u
          WHERE u.org_unit_id = $1 AND u.active AND u.password_hash IS NULL
            AND NOT ('sysadmin' = ANY (u.roles)) AND u.username COLLATE "C" > $2
          ORDER BY u.username COLLATE "C"
          LIMIT $3`,
        [unit.id, after, batchSize],
      );
      for (const p of people) batch.push({ ...p, unitName: unit.name, unitPath: unit.path });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
      if (people.length < batchSize) break;
      after = people[people.length - 1].username;
    }
  }
  if (batch.length) yield batch;
}
