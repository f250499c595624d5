import type { CertificateIssuerSettings } from '@dx/contracts';
import { CertificateIssuerEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { UpdateCertificateIssuerDto } from './dto/update-certificate-issuer.dto';
import { saveIssuerSettings } from './issuer-settings';
import { sealImageType } from './seal-image';

/** Signer block printed until a sysadmin sets one: a title, room to sign by hand. */
export const DEFAULT_SIGNER_TITLE = 'Thủ trưởng đơn vị';
export const DEFAULT_PLACE = 'Hà Nội';

/**
 * Per-unit issuer settings (sysadmin): what the worker prints in the agency and signature
 * blocks of the unit's certificates. New certificates use them; issued PDFs stay as filed.
 */
@Injectable()
export class CertificateIssuersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async get(user: AuthUser, orgUnitId: string): Promise<CertificateIssuerSettings> {
    const unit = await this.scope.findVisible(user, orgUnitId);
    const row = await this.db.getRepository(CertificateIssuerEntity).findOneBy({ orgUnitId });
    if (row) return view(row);
    const parent = unit.parentId
      ? await this.scope.findVisible(user, unit.parentId).catch(() => null)
      : null;
    return {
      orgUnitId,
      bodyName: unit.name,
      parentBodyName: parent?.name ?? null,
      signerTitle: DEFAULT_SIGNER_TITLE,
      signerName: '',
      place: DEFAULT_PLACE,
      hasSealImage: false,
      updatedAt: null,
    };
  }

  async update(
    user: AuthUser,
    orgUnitId: string,
    dto: UpdateCertificateIssuerDto,
  ): Promise<CertificateIssuerSettings> {
    await this.scope.findVisible(user, orgUnitId);
    const values = {
      bodyName: dto.bodyName,
      parentBodyName: dto.parentBodyName?.trim() || null,
      signerTitle: dto.signerTitle,
      signerName: dto.signerName,
      place: dto.place,
      updatedBy: user.id,
    };
    await this.db.transaction(async (tx) => {
      await saveIssuerSettings(tx, orgUnitId, values);
      await recordAudit(tx, {
        action: 'certificate.issuer_updated',
        targetType: 'org_unit',
        targetId: orgUnitId,
        orgUnitId,
        details: { ...values, updatedBy: undefined },
      });
    });
    return this.get(user, orgUnitId);
  }

  /** Stores a checked PNG/JPEG; the unit must have its settings first (409 otherwise). */
  async putSeal(user: AuthUser, orgUnitId: string, data: Buffer): Promise<CertificateIssuerSettings> {
    await this.scope.findVisible(user, orgUnitId);
    const type = sealImageType(data);
    const key = `issuers/${orgUnitId}/seal-${Date.now()}.${type === 'image/png' ? 'png' : 'jpg'}`;
    const before = await this.settingsOrDefaults(user, orgUnitId);
    await this.storage.put(key, data);
    await this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(CertificateIssuerEntity)
        .values({ ...before, sealImageKey: key, updatedBy: user.id })
        .orUpdate(['seal_image_key', 'updated_by', 'updated_at'], ['org_unit_id'])
        .execute();
      await recordAudit(tx, {
        action: 'certificate.issuer_seal_updated',
        targetType: 'org_unit',
        targetId: orgUnitId,
        orgUnitId,
        details: { type, bytes: data.length },
      });
    });
    const old = before.sealImageKey;
    if (old && old !== key) await this.storage.delete(old).catch(() => undefined);
    return this.get(user, orgUnitId);
  }

  async deleteSeal(user: AuthUser, orgUnitId: string): Promise<void> {
    await this.scope.findVisible(user, orgUnitId);
    const row = await this.db.getRepository(CertificateIssuerEntity).findOneBy({ orgUnitId });
    if (!row?.sealImageKey) return;
    await this.db.transaction(async (tx) => {
      await tx.update(CertificateIssuerEntity, { orgUnitId }, { sealImageKey: null, updatedBy: user.id });
      await recordAudit(tx, {
        action: 'certificate.issuer_seal_updated',
        targetType: 'org_unit',
        targetId: orgUnitId,
        orgUnitId,
        details: { removed: true },
      });
    });
    await this.storage.delete(row.sealImageKey).catch(() => undefined);
  }

  /** The stored row, or one made of the defaults (a seal may be uploaded before the texts). */
  private async settingsOrDefaults(
    user: AuthUser,
    orgUnitId: string,
  ): Promise<Omit<CertificateIssuerEntity, 'updatedAt' | 'updatedBy'>> {
    const row = await this.db.getRepository(CertificateIssuerEntity).findOneBy({ orgUnitId });
    if (row) return row;
    const d = await this.get(user, orgUnitId);
    return {
      orgUnitId,
      bodyName: d.bodyName,
      parentBodyName: d.parentBodyName,
      signerTitle: d.signerTitle,
      signerName: d.signerName,
      place: d.place,
      sealImageKey: null,
    };
  }
}

function view(row: CertificateIssuerEntity): CertificateIssuerSettings {
  return {
    orgUnitId: row.orgUnitId,
    bodyName: row.bodyName,
    parentBodyName: row.parentBodyName,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    place: row.place,
    hasSealImage: row.sealImageKey !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
