import { certificateFonts } from '@dx/certificate-pdf';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Writable } from 'node:stream';
import { ActivationSlip, SLIP_SUBTITLE, SLIP_TITLE, SlipSheetMeta } from './slip-format';

type Doc = PDFKit.PDFDocument;
/** pdfkit's opened image (its typings omit `openImage`, which the JS has had for years). */
type OpenedImage = Buffer & { width: number; height: number };
type DocWithImages = Doc & { openImage(src: Buffer): OpenedImage };

/** A4 portrait, 2 × 5 slips of 297.6 × 168.4 pt (about 10.5 × 5.9 cm), cut along the dashes. */
const PAGE = { width: 595.28, height: 841.89 };
const COLS = 2;
const ROWS = 5;
export const SLIPS_PER_PAGE = COLS * ROWS;
const SLIP_W = PAGE.width / COLS;
const SLIP_H = PAGE.height / ROWS;
/** Inside each slip, clear of the cut, so a slightly crooked cut takes no text. */
const PAD = 14;
const QR = 52;
const LABEL_W = 70;

/**
 * The slips as a PDF streamed to `out` page by page. The QR code (the activation address,
 * the same for everyone) is embedded once and drawn on every slip: a unit of 60,000 people
 * stays a few megabytes and renders in seconds. Each person's code is printed, not put in
 * the QR, so a photo of the stack's QR codes reveals nothing.
 */
export class SlipsPdfWriter {
  private readonly doc: Doc;
  private readonly finished: Promise<void>;
  private qr?: OpenedImage;
  private onPage = SLIPS_PER_PAGE;
  private readonly fitted = new Map<string, string>();

  constructor(
    out: Writable,
    private readonly meta: SlipSheetMeta,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      autoFirstPage: false,
      info: { Title: `Phiếu kích hoạt tài khoản - ${meta.unitName}`, Author: 'dx-academy' },
    });
    this.finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('close', resolve);
      out.on('error', reject);
      this.doc.on('error', reject);
    });
    this.doc.pipe(out);
    const fonts = certificateFonts();
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
  }

  async add(slips: ActivationSlip[]): Promise<void> {
    if (!this.qr) {
      const png = await QRCode.toBuffer(this.meta.activateUrl, { margin: 0, width: 256 });
      // Opened once: doc.image() given an opened image reuses its XObject on every slip.
      this.qr = (this.doc as DocWithImages).openImage(png);
    }
    for (const slip of slips) {
      if (this.onPage === SLIPS_PER_PAGE) this.newPage();
      const x = (this.onPage % COLS) * SLIP_W;
      const y = Math.floor(this.onPage / COLS) * SLIP_H;
      this.drawSlip(slip, x, y);
      this.onPage++;
    }
  }

  /** An empty batch still gives a page that says so, not a PDF that viewers refuse. */
  async end(): Promise<void> {
    if (this.onPage === SLIPS_PER_PAGE && this.doc.bufferedPageRange().count === 0) {
      this.doc.addPage();
      this.doc.font('regular').fontSize(11).fillColor('#111');
      this.doc.text(
        `${this.meta.unitName}: không có người nào cần kích hoạt tài khoản.`,
        48,
        64,
        { width: PAGE.width - 96 },
      );
    }
    this.doc.end();
    await this.finished;
  }

  private newPage(): void {
    const doc = this.doc;
    doc.addPage();
    this.onPage = 0;
    // Cut lines: dashed, light, through the whole sheet.
    doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#9aa5b1');
    for (let c = 1; c < COLS; c++) doc.moveTo(c * SLIP_W, 0).lineTo(c * SLIP_W, PAGE.height);
    for (let r = 1; r < ROWS; r++) doc.moveTo(0, r * SLIP_H).lineTo(PAGE.width, r * SLIP_H);
    doc.stroke().undash().restore();
  }

  private drawSlip(s: ActivationSlip, x0: number, y0: number): void {
    const doc = this.doc;
    const x = x0 + PAD;
    const width = SLIP_W - 2 * PAD;
    let y = y0 + PAD - 4;
    doc.font('bold').fontSize(9.5).fillColor('#1b3a6b');
    doc.text(SLIP_TITLE, x, y, { lineBreak: false });
    y += 12;
    doc.font('regular').fontSize(7.5).fillColor('#555');
    doc.text(SLIP_SUBTITLE, x, y, { lineBreak: false });
    y += 14;
    y = this.line('Họ và tên', s.fullName, x, y, width, true);
    // Unit names run long ("Ủy ban nhân dân xã … tỉnh …"): two lines, then an ellipsis.
    doc.font('regular').fontSize(8).fillColor('#111');
    doc.text('Đơn vị', x, y, { lineBreak: false });
    doc.fontSize(8.5);
    doc.text(s.unitName, x + LABEL_W, y - 0.5, { width: width - LABEL_W, height: 22, ellipsis: true });
    y += doc.heightOfString(s.unitName, { width: width - LABEL_W }) > 12 ? 23 : 13;
    y = this.line('Tên đăng nhập', s.username, x, y, width, true);
    doc.font('regular').fontSize(8).fillColor('#111');
    doc.text('Mã kích hoạt', x, y + 2, { lineBreak: false });
    doc.font('bold').fontSize(12).fillColor('#000');
    doc.text(s.code, x + LABEL_W, y, { lineBreak: false });
    y += 18;
    const bottom = y0 + SLIP_H - PAD + 4;
    doc.image(this.qr as OpenedImage, x + width - QR, bottom - QR, { width: QR, height: QR });
    doc.font('regular').fontSize(7).fillColor('#333');
    doc.text(
      `Vào ${this.meta.activateUrl} (hoặc quét mã QR), nhập tên đăng nhập, mã kích hoạt và đặt mật khẩu mới. ` +
        `Mã chỉ dùng một lần, hết hạn sau ngày ${this.meta.expiresOn}. Không đưa mã cho người khác.`,
      x,
      y,
      { width: width - QR - 6, height: bottom - y, ellipsis: true },
    );
  }

  private line(label: string, value: string, x: number, y: number, w: number, bold: boolean): number {
    const doc = this.doc;
    doc.font('regular').fontSize(8).fillColor('#111');
    doc.text(label, x, y, { lineBreak: false });
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    doc.text(this.fit(value, w - LABEL_W, bold), x + LABEL_W, y - 0.5, { lineBreak: false });
    return y + 13;
  }

  /** The value cut with an ellipsis to one line; unit names repeat, so they are cut once. */
  private fit(text: string, width: number, bold: boolean): string {
    const key = `${bold ? 'b' : 'r'}${width}:${text}`;
    const known = this.fitted.get(key);
    if (known !== undefined) return known;
    let cut = text;
    if (this.doc.widthOfString(text) > width) {
      while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
      cut = `${cut.trimEnd()}…`;
    }
    if (this.fitted.size < 50_000) this.fitted.set(key, cut);
    return cut;
  }
}
