import { certificateFonts } from '@dx/certificate-pdf';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Writable } from 'node:stream';
import { ActivationSlip, SLIP_SUBTITLE, SLIP_TITLE, SlipSheetMeta } from './slip-format';

type Doc = PDFKit.PDFDocument;
/** pdfkit's opened image (its typings omit `openImage`, which the JS has had for years). */
type OpenedImage = Buffer & { width: number; height: number };
type DocWithImages = Doc & { openImage(src: Buffer): OpenedImage };
/** pdfkit's JS, beyond its typings: every operator goes through `addContent`; `ref` makes an object. */
interface PdfRef {
  end(data: string): void;
}
type Internals = Doc & {
  addContent(data: string): Doc;
  ref(data: object): PdfRef;
  page: Doc['page'] & { fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
};
/** A Form XObject: operators stored once, drawn anywhere by name. */
interface SlipForm {
  name: string;
  ref: PdfRef;
}

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
  private common?: SlipForm;
  private readonly units = new Map<string, SlipForm & { height: number }>();
  private forms = 0;

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

  /**
   * One slip. What every slip shares (title, labels) and what a unit's slips share (its
   * name, wrapped, and the instructions) are laid out once into Form XObjects drawn by name
   * at each slip's place: pdfkit's text layout and the page streams are the cost of this
   * file, and a slip has only three strings of its own.
   */
  private drawSlip(s: ActivationSlip, x0: number, y0: number): void {
    const doc = this.doc as Internals;
    this.common ??= this.form(() => this.drawCommon());
    let unit = this.units.get(s.unitName);
    if (!unit) {
      let height = 0;
      unit = { ...this.form(() => (height = this.drawUnit(s.unitName))), height };
      if (this.units.size > 5_000) this.units.clear();
      this.units.set(s.unitName, unit);
    }
    doc.page.xobjects[this.common.name] = this.common.ref;
    doc.page.xobjects[unit.name] = unit.ref;
    doc.addContent(
      `q 1 0 0 1 ${x0.toFixed(2)} ${y0.toFixed(2)} cm /${this.common.name} Do /${unit.name} Do Q`,
    );
    const x = x0 + PAD + LABEL_W;
    const width = SLIP_W - 2 * PAD - LABEL_W;
    const y = y0 + PAD - 4 + 26;
    doc.font('bold').fontSize(8.5).fillColor('#111');
    doc.text(this.fit(s.fullName, width), x, y - 0.5, { lineBreak: false });
    doc.text(this.fit(s.username, width), x, y + 26 + unit.height - 0.5, { lineBreak: false });
    doc.fontSize(12).fillColor('#000');
    doc.text(s.code, x, y + 39 + unit.height, { lineBreak: false });
    const bottom = y0 + SLIP_H - PAD + 4;
    doc.image(this.qr as OpenedImage, x0 + SLIP_W - PAD - QR, bottom - QR, { width: QR, height: QR });
  }

  /**
   * A Form XObject of what `draw` lays out at (0, 0): pdfkit's output is captured instead of
   * written to the page, and the fonts it names are the page's (the capture registers them).
   */
  private form(draw: () => void): SlipForm {
    const doc = this.doc as Internals;
    const parts: string[] = [];
    doc.addContent = (data: string) => {
      parts.push(data);
      return doc;
    };
    try {
      draw();
    } finally {
      delete (doc as Partial<Internals>).addContent;
    }
    const ref = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, SLIP_W, SLIP_H],
      Resources: { Font: { ...doc.page.fonts } },
    });
    ref.end(parts.join('\n'));
    return { name: `Slip${++this.forms}`, ref };
  }

  /** Title and the first labels of a slip at (0, 0). */
  private drawCommon(): void {
    const doc = this.doc;
    const x = PAD;
    let y = PAD - 4;
    doc.font('bold').fontSize(9.5).fillColor('#1b3a6b');
    doc.text(SLIP_TITLE, x, y, { lineBreak: false });
    y += 12;
    doc.font('regular').fontSize(7.5).fillColor('#555');
    doc.text(SLIP_SUBTITLE, x, y, { lineBreak: false });
    y += 14;
    doc.fontSize(8).fillColor('#111');
    // The labels below the unit's name move down when it takes two lines: drawUnit has them.
    doc.text('Họ và tên', x, y, { lineBreak: false });
    doc.text('Đơn vị', x, y + 13, { lineBreak: false });
  }

  /** The unit's name (two lines at most), the labels below it and the instructions. */
  private drawUnit(unitName: string): number {
    const doc = this.doc;
    const x = PAD;
    const width = SLIP_W - 2 * PAD;
    let y = PAD - 4 + 26 + 13;
    doc.font('regular').fontSize(8.5).fillColor('#111');
    doc.text(unitName, x + LABEL_W, y - 0.5, { width: width - LABEL_W, height: 22, ellipsis: true });
    const height = doc.heightOfString(unitName, { width: width - LABEL_W }) > 12 ? 10 : 0;
    y += 13 + height;
    doc.fontSize(8);
    doc.text('Tên đăng nhập', x, y, { lineBreak: false });
    doc.text('Mã kích hoạt', x, y + 15, { lineBreak: false });
    y += 31;
    const bottom = SLIP_H - PAD + 4;
    doc.fontSize(7).fillColor('#333');
    doc.text(
      `Vào ${this.meta.activateUrl} (hoặc quét mã QR), nhập tên đăng nhập, mã kích hoạt và đặt mật khẩu mới. ` +
        `Mã chỉ dùng một lần, hết hạn sau ngày ${this.meta.expiresOn}. Không đưa mã cho người khác.`,
      x,
      y,
      { width: width - QR - 6, height: bottom - y, ellipsis: true },
    );
    return height;
  }

  /** The value cut with an ellipsis to fit one line at the current font. */
  private fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    let cut = text;
    while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }
}
