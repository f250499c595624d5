import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { parsedCertificateFonts } from './fonts';

/** Who issues and signs, as printed in the agency block and the signature block. */
export interface CertificateIssuerBlock {
  /** The issuing body ("Trường Đào tạo, bồi dưỡng cán bộ …"). */
  bodyName: string;
  /** The body it belongs to, printed above it (Decree 30/2020: "tên cơ quan chủ quản"). */
  parentBodyName: string | null;
  /** "GIÁM ĐỐC", "HIỆU TRƯỞNG", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" … */
  signerTitle: string;
  signerName: string;
  /** Place of the date line ("Hà Nội"). */
  place: string;
  /** Seal / signature image (PNG or JPEG); none: the space stays for a wet signature. */
  sealImage: Buffer | null;
}

export interface CertificatePdfData {
  kind: 'course' | 'program';
  serial: string;
  registerNumber: number;
  year: number;
  holderName: string;
  dateOfBirth: string | null;
  title: string;
  hours: number;
  completedOn: string;
  issuedOn: string;
  issuerName: string;
  verifyUrl: string;
  issuer?: CertificateIssuerBlock;
}

const TITLES = {
  course: ['GIẤY CHỨNG NHẬN', 'HOÀN THÀNH KHÓA BỒI DƯỠNG'],
  program: ['CHỨNG CHỈ', 'CHƯƠNG TRÌNH BỒI DƯỠNG'],
} as const;

/** YYYY-MM-DD → dd/mm/yyyy, as Vietnamese documents write dates. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * "Hà Nội, ngày 07 tháng 12 năm 2026". Decree 30/2020 (Appendix I): a zero before days under
 * 10 and before months 1 and 2 only ("ngày 05 tháng 3", "ngày 20 tháng 02").
 */
export function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  const month = Number(m) <= 2 ? m : String(Number(m));
  return `${place}, ngày ${d} tháng ${month} năm ${y}`;
}

function hoursText(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1).replace('.', ',')} giờ`;
}

/**
 * Renders an A4 landscape certificate laid out after the official document style (Decree
 * 30/2020/NĐ-CP): agency block top left with a short rule, national motto top right with
 * a rule, place and date, signer block bottom right, QR code and numbers bottom left.
 * Fonts are embedded; the PDF is signed afterwards (PAdES), not here.
 */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const fonts = parsedCertificateFonts();
  const issuer: CertificateIssuerBlock = data.issuer ?? {
    bodyName: data.issuerName,
    parentBodyName: null,
    signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    signerName: '',
    place: 'Hà Nội',
    sealImage: null,
  };
  const qr = await QRCode.toBuffer(data.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${TITLES[data.kind].join(' ')} ${data.serial}`,
      Author: issuer.bodyName,
      Subject: data.title,
      Keywords: data.serial,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  const W = doc.page.width;
  const H = doc.page.height;
  const navy = '#1b3a6b';
  const red = '#b3261e';
  const ink = '#111';

  doc.lineWidth(3).strokeColor(navy).rect(24, 24, W - 48, H - 48).stroke();
  doc.lineWidth(1).rect(32, 32, W - 64, H - 64).stroke();

  // Agency block, top left: parent body, then the issuing body in bold, a short rule.
  const leftX = 52;
  const leftW = 330;
  let y = 52;
  if (issuer.parentBodyName) {
    doc.font('regular').fontSize(11).fillColor(ink).text(issuer.parentBodyName.toUpperCase(), leftX, y, { width: leftW, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(11).fillColor(ink).text(issuer.bodyName.toUpperCase(), leftX, y, { width: leftW, align: 'center' });
  y = doc.y + 4;
  doc.lineWidth(0.7).strokeColor(ink).moveTo(leftX + leftW / 2 - 40, y).lineTo(leftX + leftW / 2 + 40, y).stroke();

  // National motto, top right, with a rule as long as the motto.
  const rightX = W - 52 - 360;
  const rightW = 360;
  doc.font('bold').fontSize(11).fillColor(ink).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, 52, { width: rightW, align: 'center' });
  doc.font('bold').fontSize(12).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightW, align: 'center' });
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  const ruleY = doc.y + 4;
  doc.lineWidth(0.7).moveTo(rightX + (rightW - mottoWidth) / 2, ruleY).lineTo(rightX + (rightW + mottoWidth) / 2, ruleY).stroke();
  doc.font('italic').fontSize(11).text(placeAndDate(issuer.place, data.issuedOn), rightX, ruleY + 10, { width: rightW, align: 'center' });

  const center = (text: string, top: number, font: 'regular' | 'bold', size: number, color = ink) =>
    doc.font(font).fontSize(size).fillColor(color).text(text, 60, top, { width: W - 120, align: 'center' });
  center(TITLES[data.kind][0], 140, 'bold', 28, red);
  center(TITLES[data.kind][1], 176, 'bold', 18, red);

  const label = (name: string, value: string, top: number, x = 110, size = 13) => {
    doc.font('regular').fontSize(size).fillColor('#333').text(`${name}: `, x, top, { continued: true, width: W - 2 * x });
    doc.font('bold').fillColor(ink).text(value);
  };
  doc.font('regular').fontSize(13).fillColor('#333').text('Chứng nhận Ông/Bà:', 110, 216);
  center(data.holderName, 234, 'bold', 24, navy);
  y = 274;
  if (data.dateOfBirth) {
    label('Ngày sinh', vnDate(data.dateOfBirth), y);
    y += 21;
  }
  const what = data.kind === 'course' ? 'Đã hoàn thành khóa bồi dưỡng' : 'Đã hoàn thành chương trình bồi dưỡng';
  label(what, data.title, y);
  y = doc.y + 5;
  label('Thời lượng', hoursText(data.hours), y);
  label('Ngày hoàn thành', vnDate(data.completedOn), y + 21);

  // Bottom left: QR code, serial and register number.
  const bottom = H - 178;
  doc.image(qr, 60, bottom, { width: 100 });
  doc.font('regular').fontSize(8).fillColor('#333').text('Quét mã để xác thực', 52, bottom + 102, { width: 116, align: 'center' });
  label('Số hiệu', data.serial, bottom + 20, 172, 11);
  label('Số vào sổ', `${String(data.registerNumber).padStart(6, '0')}/${data.year}`, bottom + 38, 172, 11);

  // Bottom right: signer's title, room for signature and seal, signer's name.
  const signX = W - 52 - 300;
  doc.font('bold').fontSize(12).fillColor(ink).text(issuer.signerTitle.toUpperCase(), signX, bottom - 12, { width: 300, align: 'center' });
  if (issuer.sealImage) {
    try {
      doc.image(issuer.sealImage, signX + 95, bottom + 10, { fit: [110, 80], align: 'center', valign: 'center' });
    } catch {
      // An unreadable image leaves the space empty rather than failing the certificate.
    }
  }
  if (issuer.signerName) {
    doc.font('bold').fontSize(12).text(issuer.signerName, signX, bottom + 100, { width: 300, align: 'center' });
  }

  doc.end();
  return done;
}
