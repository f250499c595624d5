import { CertificateIssuerEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';

export type IssuerSettingsValues = Pick<
  CertificateIssuerEntity,
  'bodyName' | 'parentBodyName' | 'signerTitle' | 'signerName' | 'place' | 'updatedBy'
>;

/**
 * Creates or replaces a unit's issuer texts in the caller's transaction (the seal image
 * stays): the sysadmin's form and the demo seed's training institution write them alike.
 */
export async function saveIssuerSettings(
  tx: EntityManager,
  orgUnitId: string,
  values: IssuerSettingsValues,
): Promise<void> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(CertificateIssuerEntity)
    .values({ orgUnitId, ...values })
    .orUpdate(
      [
        'body_name',
        'parent_body_name',
        'signer_title',
        'signer_name',
        'place',
        'updated_by',
        'updated_at',
      ],
      ['org_unit_id'],
    )
    .execute();
}
