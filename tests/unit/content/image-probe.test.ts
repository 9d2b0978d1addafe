import { describe, expect, it } from "vitest";
import { probeImage } from "@/lib/content/images/image-probe";

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment to skip, then a baseline start-of-frame with the size.
  const bytes = new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    4,
    0,
    0,
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    1,
    0x11,
    0,
    0,
    0,
  ]);
  return bytes;
}

function webpLossless(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(30);
  bytes.set([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8L"), 0, 0, 0, 0, 0x2f]);
  new DataView(bytes.buffer).setUint32(21, (width - 1) | ((height - 1) << 14), true);
  return bytes;
}

describe("images are recognised by their bytes", () => {
  it("reads the size of PNG, JPEG and WebP", () => {
    expect(probeImage(png(1200, 800))).toEqual({
      mime: "image/png",
      ext: "png",
      width: 1200,
      height: 800,
    });
    expect(probeImage(jpeg(640, 480))).toEqual({
      mime: "image/jpeg",
      ext: "jpg",
      width: 640,
      height: 480,
    });
    expect(probeImage(webpLossless(300, 200))).toEqual({
      mime: "image/webp",
      ext: "webp",
      width: 300,
      height: 200,
    });
  });

  it("refuses SVG, HTML and anything renamed to look like an image", () => {
    const text = (s: string) => new Uint8Array(Buffer.from(s));
    expect(
      probeImage(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toBeUndefined();
    expect(probeImage(text("<!doctype html><script>alert(1)</script>"))).toBeUndefined();
    expect(probeImage(text("GIF89a......"))).toBeUndefined();
    expect(probeImage(png(0, 10))).toBeUndefined();
  });
});
