import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createReviewLink,
  liveReviewLinks,
  openReviewLink,
  pruneReviewLinks,
  revokeReviewLink,
} from "@/lib/db/review-links";
import { issueToken, tokenHashFromLink } from "@/lib/staff/tokens";
import { REVIEW_LINK_DAYS } from "@/lib/validations/review-links";
import { DATABASES, type TestDb } from "./test-databases";
import { addTestAccount } from "./test-accounts";

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 11, day, hour));
const SOURCE = "---\ntitle: Benefits\n---\n\nA draft line.\n";

describe.each(DATABASES)("review links on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await addTestAccount(t.db, { id: "sam", name: "Sam Lee", role: "practitioner", at: at(1) });
  });
  afterAll(() => t.dispose());

  async function share(page: string, now: Date) {
    const issued = issueToken(now, REVIEW_LINK_DAYS * 24);
    const id = await createReviewLink(t.db, {
      tokenHash: issued.hash,
      page,
      accountId: "sam",
      source: SOURCE,
      now,
      expiresAt: issued.expiresAt,
    });
    return { ...issued, id };
  }

  it("stores only the token's SHA-256 and opens the page by the token alone", async () => {
    const link = await share("benefits", at(2));
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    const stored = await t.db.selectFrom("review_links").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(link.token);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const hash = tokenHashFromLink(link.token);
    expect(hash).toBe(link.hash);
    expect(await openReviewLink(t.db, hash ?? "", at(3))).toEqual({
      page: "benefits",
      source: SOURCE,
    });
    // Another token, or one changed by a character, opens nothing.
    const other = tokenHashFromLink(
      `${link.token.slice(0, -1)}${link.token.endsWith("A") ? "B" : "A"}`,
    );
    expect(await openReviewLink(t.db, other ?? "", at(3))).toBeUndefined();
    expect(tokenHashFromLink("not a token")).toBeNull();
  });

  it("stops opening after seven days", async () => {
    const link = await share("tips", at(2));
    expect(link.expiresAt).toEqual(new Date(at(2).getTime() + 7 * 24 * 60 * 60_000));
    expect(await openReviewLink(t.db, link.hash, at(9, 8))).toBeDefined();
    expect(await openReviewLink(t.db, link.hash, at(9, 9))).toBeUndefined();
    expect((await liveReviewLinks(t.db, "tips", at(9, 9))).map((l) => l.id)).not.toContain(link.id);
  });

  it("lists a page's live links with who shared them, and stops one when revoked", async () => {
    const first = await share("faq", at(3));
    const second = await share("faq", at(4));
    expect(await liveReviewLinks(t.db, "faq", at(5))).toEqual([
      {
        id: second.id,
        page: "faq",
        accountId: "sam",
        sharedBy: "Sam Lee",
        createdAt: at(4).toISOString(),
        expiresAt: second.expiresAt.toISOString(),
      },
      expect.objectContaining({ id: first.id, sharedBy: "Sam Lee" }),
    ]);

    // A link is revoked only through its own page.
    expect(await revokeReviewLink(t.db, { id: first.id, page: "benefits" }, at(5))).toBe(false);
    expect(await revokeReviewLink(t.db, { id: first.id, page: "faq" }, at(5))).toBe(true);
    expect(await revokeReviewLink(t.db, { id: first.id, page: "faq" }, at(5))).toBe(false);
    expect(await openReviewLink(t.db, first.hash, at(5))).toBeUndefined();
    expect(await openReviewLink(t.db, second.hash, at(5))).toBeDefined();
    expect((await liveReviewLinks(t.db, "faq", at(5))).map((l) => l.id)).toEqual([second.id]);
  });

  it("deletes links, with their text, a day after they expired or were revoked", async () => {
    const live = await share("pruning", at(20));
    const revoked = await share("pruning", at(20));
    await revokeReviewLink(t.db, { id: revoked.id, page: "pruning" }, at(21));
    const ids = async () =>
      (
        await t.db.selectFrom("review_links").select("id").where("page", "=", "pruning").execute()
      ).map((row) => row.id);

    // Links of the earlier tests, expired days ago, go at the first pruning; these two stay.
    expect(await pruneReviewLinks(t.db, at(21))).toBeGreaterThan(0);
    expect(await ids()).toHaveLength(2);
    // Pruning cuts at a day before now: the revoked link goes, the live one stays.
    await pruneReviewLinks(t.db, at(22));
    expect(await ids()).toEqual([live.id]);
    // Expired seven days after it was made.
    await pruneReviewLinks(t.db, at(28));
    expect(await ids()).toEqual([]);
  });
});
