import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMAGE_WIDTHS, mediaSources } from "@/lib/content/images/media-names";
import { mediaResponse } from "@/lib/content/images/media-response";
import { prepareStoredOriginals } from "@/lib/content/images/stored-originals";
import { UPLOAD_ERRORS, uploadImage } from "@/lib/content/images/upload-image";
import { listContentImages } from "@/lib/db/content-images";
import { DATABASES, type TestDb } from "../../db/test-databases";
import { exifTags, phonePhoto, pngBomb, shortWebp } from "./image-fixtures";

const now = new Date("2026-12-02T10:00:00Z");
const asFile = (bytes: Uint8Array) => new File([new Uint8Array(bytes)], "upload");
const served = async (db: TestDb["db"], path: string) => {
  const response = await mediaResponse(db, path.replace(/^\/media\//, ""));
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

describe.each(DATABASES)(
  "uploaded photos on $name",
  ({ open }) => {
    let t: TestDb;
    let photo: Buffer;
    beforeAll(async () => {
      t = await open();
      // Stored 2400 × 1800, shown turned a quarter: 1800 wide, 2400 high.
      photo = await phonePhoto(2400, 1800);
    });
    afterAll(() => t.dispose());

    it("starts from a photo that carries a GPS position, XMP, a colour profile and an orientation", async () => {
      const meta = await sharp(photo).metadata();
      expect(meta.orientation).toBe(6);
      expect(exifTags(meta.exif ?? Buffer.alloc(0)).gps).toEqual(
        expect.arrayContaining([1, 2, 3, 4]), // GPSLatitudeRef, GPSLatitude, GPSLongitudeRef, GPSLongitude
      );
      expect(meta.xmp?.toString()).toContain("Someone at home");
      expect(meta.icc).toBeDefined();
    });

    it("stores it upright, at each width, in AVIF and JPEG, with no metadata and no original", async () => {
      const result = await uploadImage(t.db, asFile(photo), now);
      expect(result).toMatchObject({ ok: true, width: 1600, height: 2133 });
      if (!result.ok) return;
      const hash = createHash("sha256").update(photo).digest("hex");
      expect(result.src).toBe(`/media/${hash}-1600.jpg`);

      const files = await t.db.selectFrom("content_image_files").selectAll().execute();
      expect(files.map((f) => f.name).sort()).toEqual(
        IMAGE_WIDTHS.flatMap((w) => [`${hash}-${w}.avif`, `${hash}-${w}.jpg`]).sort(),
      );
      for (const file of files) {
        const { response, bytes } = await served(t.db, `/media/${file.name}`);
        expect(response.headers.get("content-type")).toBe(file.mime);
        expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        const meta = await sharp(bytes).metadata();
        expect(meta.mediaType).toBe(file.mime);
        expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.comments]).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
        expect(meta.orientation ?? 1).toBe(1);
        // Upright: taller than wide, as the phone was held.
        expect(meta.width).toBe(Number(/-(\d+)\./.exec(file.name)?.[1]));
        expect(meta.height).toBe(Math.round((meta.width * 2400) / 1800));
        expect(bytes.length).toBeLessThan(photo.length);
        expect(bytes.includes(photo.subarray(0, 4096))).toBe(false);
      }
      const row = await t.db.selectFrom("content_images").selectAll().executeTakeFirstOrThrow();
      expect(row.data).toBe("");
      // What the page offers is exactly what was stored.
      const sources = mediaSources(result.src);
      const offered = new Set(
        [...(sources?.sources.map((s) => s.srcSet) ?? []), sources?.fallbackSrcSet ?? ""]
          .flatMap((srcSet) => srcSet.split(", "))
          .map((entry) => entry.split(" ")[0]?.replace("/media/", "")),
      );
      expect([...offered].sort()).toEqual(files.map((f) => f.name).sort());
    });

    it("never makes a small image bigger", async () => {
      const small = await phonePhoto(300, 200);
      const result = await uploadImage(t.db, asFile(small), now);
      expect(result).toMatchObject({ ok: true, width: 200, height: 300 });
      const hash = createHash("sha256").update(small).digest("hex");
      const names = await t.db
        .selectFrom("content_image_files")
        .select("name")
        .where("hash", "=", hash)
        .execute();
      expect(names.map((n) => n.name).sort()).toEqual([`${hash}-200.avif`, `${hash}-200.jpg`]);
    });

    it("refuses a bomb, a crafted WebP and an SVG with a message, storing nothing", async () => {
      const before = await t.db.selectFrom("content_images").select("hash").execute();
      for (const [bytes, error] of [
        [pngBomb(60_000, 60_000), "too-many-pixels"],
        [shortWebp(), "damaged"],
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "not-image"],
      ] as const) {
        const result = await uploadImage(t.db, asFile(bytes), now);
        expect(result).toEqual({ ok: false, error });
        expect(UPLOAD_ERRORS[error]).toMatch(/\./);
      }
      expect(await t.db.selectFrom("content_images").select("hash").execute()).toEqual(before);
    });

    it("answers 404 for any name not of the exact shape, without reading a file", async () => {
      for (const name of [
        "../clinic.sqlite",
        `${"a".repeat(64)}.svg`,
        `${"A".repeat(64)}.jpg`,
        "x.jpg",
      ]) {
        expect((await mediaResponse(t.db, name)).status).toBe(404);
      }
    });

    it("answers 404, never cached, for a name of the right shape that is not stored", async () => {
      // An upload with that name may come later; deploy/Caddyfile caches /media/ for a year
      // only where the app sets no Cache-Control.
      const response = await mediaResponse(t.db, `${"b".repeat(64)}-480.avif`);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    });

    it("prepares an upload stored whole by the old version, keeping its address, and drops the original", async () => {
      const old = await phonePhoto(2000, 1500);
      const hash = createHash("sha256").update(old).digest("hex");
      const bomb = pngBomb(20_000, 20_000);
      const bombHash = createHash("sha256").update(bomb).digest("hex");
      await t.db
        .insertInto("content_images")
        .values([
          {
            hash,
            mime: "image/jpeg",
            width: 2000,
            height: 1500,
            bytes: old.length,
            data: old.toString("base64"),
            created_at: now.toISOString(),
          },
          {
            hash: bombHash,
            mime: "image/png",
            width: 20_000,
            height: 20_000,
            bytes: bomb.length,
            data: bomb.toString("base64"),
            created_at: now.toISOString(),
          },
        ])
        .execute();

      // A visitor asking for the old address first gets the prepared file, not the original.
      const { response, bytes } = await served(t.db, `/media/${hash}.jpg`);
      expect(response.status).toBe(200);
      const meta = await sharp(bytes).metadata();
      expect([meta.exif, meta.xmp, meta.icc, meta.width, meta.height]).toEqual([
        undefined,
        undefined,
        undefined,
        1500,
        2000,
      ]);
      const row = await t.db
        .selectFrom("content_images")
        .selectAll()
        .where("hash", "=", hash)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ data: "", width: 1500, height: 2000, mime: "image/jpeg" });
      expect((await served(t.db, `/media/${hash}-480.avif`)).response.status).toBe(200);

      // The bomb cannot be prepared: kept (nothing lost), never served, listed as waiting.
      expect(await prepareStoredOriginals(t.db)).toBe(0);
      expect((await served(t.db, `/media/${bombHash}.png`)).response.status).toBe(404);
      const listed = await listContentImages(t.db);
      expect(listed.find((image) => image.hash === bombHash)?.pending).toBe(true);
      expect(listed.find((image) => image.hash === hash)?.pending).toBe(false);
    });
  },
  // Preparing a photo takes seconds, and more on a machine busy with a build.
  120_000,
);
