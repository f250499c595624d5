import type { RevocationReason } from '@dx/contracts';
import type { CertificateRegisterRow } from '@dx/reports';

/** Columns of the register (sổ cấp), as an office keeps it. */
export const REGISTER_HEADERS = [
  'STT',
  'Số hiệu',
  'Số vào sổ',
  'Họ và tên',
  'Ngày sinh',
  'Khóa bồi dưỡng',
  'Số giờ',
  'Ngày hoàn thành',
  'Ngày cấp',
  'Đơn vị cấp',
  'Tình trạng',
  'Thu hồi',
] as const;

const REASONS: Record<RevocationReason, string> = {
  fraud: 'Gian lận',
  not_eligible: 'Không đủ điều kiện',
  altered: 'Tẩy xóa, sửa chữa',
  lent: 'Cho người khác mượn',
  issuer_error: 'Cơ quan cấp có sai sót',
};

export function registerTitle(year: number): string {
  return `SỔ CẤP GIẤY CHỨNG NHẬN BỒI DƯỠNG NĂM ${year}`;
}

/** `YYYY-MM-DD` → `dd/MM/yyyy`; empty for none. */
export function vnDate(isoDate: string | null): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The cells of one line, `n` being its position in the book (STT). */
export function registerCells(row: CertificateRegisterRow, n: number): (string | number)[] {
  const revoked = row.status === 'revoked';
  return [
    n,
    row.serial,
    row.registerNumber,
    row.holderName,
    vnDate(row.dateOfBirth),
    row.title,
    row.hours,
    vnDate(row.completedOn),
    vnDate(row.issuedOn),
    row.issuerName,
    revoked ? 'Đã thu hồi' : 'Còn hiệu lực',
    revoked
      ? [vnDate(row.revokedOn), row.revokedReason ? REASONS[row.revokedReason] : '']
          .filter(Boolean)
          .join(' — ')
      : '',
  ];
}
