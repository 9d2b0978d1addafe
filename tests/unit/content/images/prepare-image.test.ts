import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_PIXELS, prepareImage } from "@/lib/content/images/prepare-image";
import { UPLOAD_ERRORS } from "@/lib/content/images/upload-image";
import { pngBomb, photoPixels, shortWebp } from "./image-fixtures";

/*
 * What the file is comes from sharp reading it, and every file that cannot be
 * prepared is an answer with a message, never a throw (which the upload route
 * would turn into a bare 500).
 */
const refusal = async (bytes: Uint8Array) => {
  const result = await prepareImage(bytes);
  return result.ok ? "accepted" : result.error;
};

describe("what an upload is, read by sharp", () => {
  it("refuses a crafted 30-byte WebP as damaged, with a message", async () => {
    expect(shortWebp()).toHaveLength(30);
    expect(await refusal(shortWebp())).toBe("damaged");
    expect(UPLOAD_ERRORS.damaged).toMatch(/could not be read as an image/);
  });

  it("refuses a PNG that says 60,000 × 60,000 before decoding it, naming the limit", async () => {
    const bomb = pngBomb(60_000, 60_000);
    expect(bomb.length).toBeLessThan(1000);
    expect(await refusal(bomb)).toBe("too-many-pixels");
    expect(await refusal(pngBomb(20_000, 20_000))).toBe("too-many-pixels");
    expect(UPLOAD_ERRORS["too-many-pixels"]).toContain(
      `${MAX_INPUT_PIXELS / 1_000_000} million pixels`,
    );
    // The header alone, with no image data after it: refused too, as damaged.
    expect(await refusal(pngBomb(60_000, 60_000, true))).toBe("damaged");
  });

  it("refuses SVG, HTML, GIF and text renamed as images", async () => {
    const text = (s: string) => Buffer.from(s);
    expect(
      await refusal(
        text(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
        ),
      ),
    ).toBe("not-image");
    expect(await refusal(text("<!doctype html><script>alert(1)</script>"))).toBe("not-image");
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
      .gif()
      .toBuffer();
    expect(await refusal(gif)).toBe("not-image");
    expect(await refusal(text("just some words"))).toBe("not-image");
  });

  it("reads a JPEG with fill bytes (0xFF 0xFF) before its markers, which the old reader refused", async () => {
    const jpeg = await (await photoPixels(64, 48)).jpeg().toBuffer();
    // JPEG allows any number of 0xFF before a marker; some encoders write them.
    const padded = Buffer.concat([
      jpeg.subarray(0, 2),
      Buffer.from([0xff, 0xff, 0xff]),
      jpeg.subarray(2),
    ]);
    const result = await prepareImage(padded);
    expect(result.ok && [result.width, result.height]).toEqual([64, 48]);
  });

  it("keeps transparency in PNG and gives photos a JPEG fallback", async () => {
    const clear = await sharp({
      create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const png = await prepareImage(clear);
    expect(png.ok && png.fallback).toBe("png");
    expect(png.ok && png.files.map((f) => f.mime)).toEqual(["image/avif", "image/png"]);
    const jpeg = await prepareImage(await (await photoPixels(200, 100)).webp().toBuffer());
    expect(jpeg.ok && jpeg.files.map((f) => `${f.mime} ${f.width}`)).toEqual([
      "image/avif 200",
      "image/jpeg 200",
    ]);
  });
});
