import sharp from 'sharp';

/** A real 4×4 PNG: uploads are decoded, so a signature followed by junk no longer passes. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWMQXJUGRwzEcQDQkxIRAxQKLgAAAABJRU5ErkJggg==',
  'base64',
);

/** What a phone photo carries: EXIF with the place it was taken (GPS datum as a marker). */
export const GPS_MARKER = 'WGS-84';
export function photoWithGps(width = 60, height = 40): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c03' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Lò Thị Mai' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSMapDatum: GPS_MARKER },
    })
    .toBuffer();
}
