import type { FileStorage } from '@dx/storage';
import type { CertificateRegisterRow } from '@dx/reports';
import archiver from 'archiver';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes a ZIP of the certificates' stored PDFs to `out`, streamed: one PDF is open at a
 * time (the next is appended once archiver has written the previous entry), so memory
 * and open files stay constant for any number of certificates. PDFs are stored, not
 * deflated: they are compressed already, and deflating them again costs CPU for ~nothing.
 * A certificate without a stored PDF (being re-rendered) is listed in `missing` and in a
 * text file of the archive.
 */
export async function writeCertificatesZip(
  out: Writable,
  storage: FileStorage,
  batches: AsyncIterable<CertificateRegisterRow[]>,
  onRows: (n: number) => Promise<void>,
): Promise<{ files: number; missing: string[] }> {
  const zip = archiver('zip', { store: true });
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    zip.on('warning', reject);
  });
  failed.catch(() => undefined);
  zip.pipe(out);
  let files = 0;
  const missing: string[] = [];
  for await (const rows of batches) {
    for (const r of rows) {
      if (!r.pdfKey || !(await storage.exists(r.pdfKey))) {
        missing.push(r.serial);
        continue;
      }
      const written = once(zip, 'entry');
      zip.append(storage.stream(r.pdfKey), {
        name: `${r.issuerCode}/${r.serial}.pdf`,
        date: new Date(`${r.issuedOn}T00:00:00Z`),
      });
      await Promise.race([written, failed]);
      files++;
    }
    await onRows(rows.length);
  }
  if (missing.length) {
    // Said in the file itself, so whoever opens the archive knows it is incomplete.
    zip.append(`Chưa có bản PDF (đang được tạo lại), tải lại sau:\r\n${missing.join('\r\n')}\r\n`, {
      name: 'thieu-ban-pdf.txt',
    });
  }
  await Promise.race([zip.finalize(), failed]);
  return { files, missing };
}
