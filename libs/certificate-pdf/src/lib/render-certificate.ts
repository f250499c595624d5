import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { certificateFonts } from './fonts';

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
  signature: string;
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

function hoursText(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1).replace('.', ',')} giờ`;
}

/** Renders an A4 landscape certificate with embedded Vietnamese fonts and a verify QR code. */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const fonts = certificateFonts();
  const qr = await QRCode.toBuffer(data.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${TITLES[data.kind].join(' ')} ${data.serial}`,
      Author: data.issuerName,
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
  const W = doc.page.width;
  const H = doc.page.height;
  const navy = '#1b3a6b';
  const red = '#b3261e';

  doc.lineWidth(3).strokeColor(navy).rect(24, 24, W - 48, H - 48).stroke();
  doc.lineWidth(1).rect(32, 32, W - 64, H - 64).stroke();

  const center = (text: string, y: number, font: 'regular' | 'bold', size: number, color = '#111') =>
    doc.font(font).fontSize(size).fillColor(color).text(text, 60, y, { width: W - 120, align: 'center' });

  doc.font('bold').fontSize(11).fillColor(navy).text(data.issuerName.toUpperCase(), 60, 56, { width: 300, align: 'center' });
  doc.font('bold').fontSize(11).fillColor('#111').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', W - 400, 56, { width: 340, align: 'center' });
  doc.font('bold').fontSize(11).text('Độc lập - Tự do - Hạnh phúc', W - 400, 72, { width: 340, align: 'center' });

  center(TITLES[data.kind][0], 120, 'bold', 30, red);
  center(TITLES[data.kind][1], 158, 'bold', 20, red);

  const label = (name: string, value: string, y: number, size = 14) => {
    doc.font('regular').fontSize(size).fillColor('#333').text(`${name}: `, 110, y, { continued: true });
    doc.font('bold').fillColor('#111').text(value);
  };
  doc.font('regular').fontSize(14).fillColor('#333').text('Chứng nhận Ông/Bà:', 110, 212);
  center(data.holderName, 232, 'bold', 26, navy);
  let y = 278;
  if (data.dateOfBirth) {
    label('Ngày sinh', vnDate(data.dateOfBirth), y);
    y += 24;
  }
  const what = data.kind === 'course' ? 'Đã hoàn thành khóa bồi dưỡng' : 'Đã hoàn thành chương trình bồi dưỡng';
  label(what, data.title, y);
  y = doc.y + 8;
  label('Thời lượng', hoursText(data.hours), y);
  label('Ngày hoàn thành', vnDate(data.completedOn), y + 24);
  label('Đơn vị cấp', data.issuerName, y + 48);

  const bottom = H - 150;
  label('Số hiệu', data.serial, bottom, 12);
  label('Số vào sổ', `${String(data.registerNumber).padStart(6, '0')}/${data.year}`, bottom + 20, 12);
  label('Ngày cấp', vnDate(data.issuedOn), bottom + 40, 12);
  doc.font('regular').fontSize(7).fillColor('#666').text(`Chữ ký số (Ed25519): ${data.signature}`, 110, bottom + 66, { width: W - 360 });

  doc.image(qr, W - 200, H - 210, { width: 120 });
  doc.font('regular').fontSize(8).fillColor('#333').text('Quét mã để xác thực', W - 220, H - 86, { width: 160, align: 'center' });
  doc.font('regular').fontSize(7).fillColor('#555').text(data.verifyUrl, W - 300, H - 72, { width: 260, align: 'center' });

  doc.end();
  return done;
}
