import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CertificateFonts {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
}

let cached: CertificateFonts | undefined;

/**
 * Be Vietnam Pro, a typeface designed for Vietnamese (pdfkit's built-in fonts have no
 * Vietnamese glyphs). Read once per process: loading per document costs more than the page.
 */
export function certificateFonts(): CertificateFonts {
  if (!cached) {
    const dir = dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
    cached = {
      regular: readFileSync(join(dir, '400Regular/BeVietnamPro_400Regular.ttf')),
      bold: readFileSync(join(dir, '700Bold/BeVietnamPro_700Bold.ttf')),
      italic: readFileSync(join(dir, '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf')),
    };
  }
  return cached;
}
