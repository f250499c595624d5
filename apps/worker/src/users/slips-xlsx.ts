import { stream } from 'exceljs';
import type { Writable } from 'node:stream';
import { ActivationSlip, SLIP_TITLE, SlipSheetMeta } from './slip-format';

const HEADERS = ['STT', 'Họ và tên', 'Tên đăng nhập', 'Đơn vị', 'Mã kích hoạt', 'Hết hạn sau ngày'];
const WIDTHS = [7, 30, 22, 44, 24, 16];
const HEADER_ROW = 4;

/**
 * The same codes as a list (exceljs streaming writer: each row committed as it comes),
 * for offices that mail-merge their own letters or hand codes out by phone.
 */
export class SlipsXlsxWriter {
  private readonly wb: stream.xlsx.WorkbookWriter;
  private readonly ws: ReturnType<stream.xlsx.WorkbookWriter['addWorksheet']>;
  private n = 0;

  constructor(
    out: Writable,
    private readonly meta: SlipSheetMeta,
  ) {
    this.wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    this.wb.creator = 'dx-academy';
    this.ws = this.wb.addWorksheet('Mã kích hoạt', {
      views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    });
    WIDTHS.forEach((width, i) => (this.ws.getColumn(i + 1).width = width));
    const title = this.ws.getRow(1);
    title.getCell(1).value = SLIP_TITLE;
    title.font = { bold: true, size: 14 };
    title.commit();
    this.ws.getRow(2).getCell(1).value = `Đơn vị: ${meta.unitName}`;
    this.ws.getRow(2).commit();
    this.ws.getRow(3).getCell(1).value = `Kích hoạt tại: ${meta.activateUrl}`;
    this.ws.getRow(3).commit();
    const header = this.ws.getRow(HEADER_ROW);
    header.values = HEADERS;
    header.font = { bold: true };
    header.commit();
  }

  add(slips: ActivationSlip[]): void {
    for (const s of slips) {
      this.ws
        .addRow([++this.n, s.fullName, s.username, s.unitName, s.code, this.meta.expiresOn])
        .commit();
    }
  }

  async end(): Promise<void> {
    this.ws.commit();
    await this.wb.commit();
  }
}
