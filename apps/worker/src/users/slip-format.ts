import type { ActivationSlipPerson } from '@dx/reports';

/** What a slip (and a line of the list) says about one person. */
export interface ActivationSlip extends ActivationSlipPerson {
  code: string;
}

/** Facts shared by every slip of a batch. */
export interface SlipSheetMeta {
  unitName: string;
  /** `${PUBLIC_BASE_URL}/activate`. */
  activateUrl: string;
  /** dd/MM/yyyy in TZ_REPORTS: the last day the codes work. */
  expiresOn: string;
}

export const SLIP_TITLE = 'PHIẾU KÍCH HOẠT TÀI KHOẢN';
export const SLIP_SUBTITLE = 'Học viện Chuyển đổi số';

/** 2026-12-21T…Z → 21/12/2026, the day as people in `timeZone` see it. */
export function dayMonthYear(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}
