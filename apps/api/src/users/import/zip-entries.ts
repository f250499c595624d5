const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const ZIP64_MARKER = 0xffffffff;

/**
 * Sum of the uncompressed sizes a zip archive declares in its central directory, or null
 * when the directory cannot be read. Checked before a workbook is unzipped in memory, so
 * a small upload cannot expand into gigabytes (a "zip bomb").
 */
export function declaredUncompressedSize(zip: Buffer): number | null {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of ≤ 64 KiB.
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_ENTRY_SIGNATURE)
      return null;
    const size = zip.readUInt32LE(offset + 24);
    if (size === ZIP64_MARKER) return null;
    total += size;
    offset +=
      46 +
      zip.readUInt16LE(offset + 28) +
      zip.readUInt16LE(offset + 30) +
      zip.readUInt16LE(offset + 32);
  }
  return total;
}
