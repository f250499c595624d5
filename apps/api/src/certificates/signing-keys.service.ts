import { KeyRing } from '@dx/certificates';
import type { PublicSigningKey } from '@dx/contracts';
import type { SigningKeyEntity } from '@dx/db';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { MarkKeyCompromisedDto } from './dto/mark-key-compromised.dto';
import { PublicCertificatesService } from './public-certificates.service';

@Injectable()
export class SigningKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keyRing: KeyRing,
    private readonly publicView: PublicCertificatesService,
  ) {}

  async rotate(): Promise<PublicSigningKey> {
    const key = await this.db.transaction(async (tx) => {
      const created = await this.keyRing.rotate(tx);
      await recordAudit(tx, {
        action: 'certificate.key_rotated',
        targetType: 'signing_key',
        targetId: null,
        details: { kid: created.kid },
      });
      return created;
    });
    return this.view(key);
  }

  async markCompromised(kid: string, dto: MarkKeyCompromisedDto): Promise<PublicSigningKey> {
    const from = new Date(dto.from);
    const result = await this.db.transaction(async (tx) => {
      const marked = await this.keyRing.markCompromised(tx, kid, from, dto.note?.trim() || null);
      if (!marked) return null;
      await recordAudit(tx, {
        action: 'certificate.key_compromised',
        targetType: 'signing_key',
        targetId: null,
        details: { kid, from: from.toISOString(), replacedBy: marked.replacedBy },
      });
      return marked.key;
    });
    if (!result) throw new NotFoundException('Signing key not found');
    return this.view(result);
  }

  private async view(key: SigningKeyEntity): Promise<PublicSigningKey> {
    const all = await this.publicView.keys();
    return all.find((k) => k.kid === key.kid) as PublicSigningKey;
  }
}
