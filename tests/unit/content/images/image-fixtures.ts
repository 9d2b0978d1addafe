import { deflateSync } from "node:zlib";
import sharp, { type Sharp } from "sharp";

/*
 * Files an upload meets, made here rather than checked in: a phone photo with
 * its GPS position, a PNG whose header promises more pixels than any server
 * should decode, a WebP cut short.
 */

export const GPS = {
  GPSLatitudeRef: "N",
  GPSLatitude: "51/1 30/1 2600/100",
  GPSLongitudeRef: "W",
  GPSLongitude: "0/1 7/1 3900/100",
};

/**
 * Noise at a few scales: compressors meet detail as in a photo, not a flat
 * colour. `fine` adds texture at every scale down to the pixel, as foliage,
 * fabric and sensor noise give a phone photo (a 4032 × 3024 JPEG at quality
 * 90 is then about 4.6 MB, like the phone photo in issue 15).
 */
export async function photoPixels(width: number, height: number, fine = false): Promise<Sharp> {
  const layer = (w: number, h: number, sigma: number) =>
    sharp({
      create: {
        width: w,
        height: h,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma },
      },
    })
      .resize(width, height, { kernel: "cubic" })
      .raw()
      .toBuffer();
  const scales: [number, number][] = fine
    ? [
        [1 / 640, 60],
        [1 / 160, 40],
        [1 / 40, 30],
        [1 / 10, 20],
        [2 / 5, 14],
        [1, 8],
      ]
    : [
        [1 / 300, 50],
        [1 / 30, 30],
        [1, 6],
      ];
  const layers = await Promise.all(
    scales.map(([scale, sigma]) =>
      layer(Math.max(2, Math.round(width * scale)), Math.max(2, Math.round(height * scale)), sigma),
    ),
  );
  const out = Buffer.alloc(width * height * 3);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.max(
      0,
      Math.min(
        255,
        layers.reduce((v, l) => v + (l[i] ?? 128) - 128, 128),
      ),
    );
  }
  return sharp(out, { raw: { width, height, channels: 3 } });
}

/**
 * A JPEG as a phone writes it: stored `width` × `height` but to be shown turned
 * a quarter (EXIF orientation 6), with the GPS position, camera, an XMP packet
 * and a Display P3 colour profile.
 */
export async function phonePhoto(width: number, height: number): Promise<Buffer> {
  return (await photoPixels(width, height))
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { Make: "Phone maker", Model: "Phone 12" }, IFD3: GPS })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Someone at home</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .withIccProfile("p3")
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The tags of a TIFF/EXIF block's first directory, and of its GPS directory. */
export function exifTags(exif: Buffer): { ifd0: number[]; gps: number[] } {
  const tiff = exif.subarray(exif.indexOf("Exif\0\0") + 6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (at: number) =>
    Array.from({ length: u16(at) }, (_, i) => ({
      tag: u16(at + 2 + i * 12),
      value: u32(at + 2 + i * 12 + 8),
    }));
  const ifd0 = entries(u32(4));
  const gpsAt = ifd0.find((e) => e.tag === 0x8825)?.value;
  return { ifd0: ifd0.map((e) => e.tag), gps: gpsAt ? entries(gpsAt).map((e) => e.tag) : [] };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc(body), body.length + 4);
  return out;
}

/**
 * A one-bit grey PNG whose header says `width` × `height`, with a few rows of
 * compressed zeros (or, with `headerOnly`, none): a bomb of a few hundred bytes.
 */
export function pngBomb(width: number, height: number, headerOnly = false): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...(headerOnly ? [] : [chunk("IDAT", deflateSync(Buffer.alloc(1 << 16)))]),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The crafted 30-byte WebP that made the old byte reader throw: a VP8X chunk with no room for its size. */
export function shortWebp(): Buffer {
  const bytes = Buffer.alloc(30);
  bytes.write("RIFF", 0, "latin1");
  bytes.writeUInt32LE(22, 4);
  bytes.write("WEBPVP8X", 8, "latin1");
  bytes.writeUInt32LE(10, 16);
  return bytes;
}
