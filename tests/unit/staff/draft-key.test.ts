import { describe, expect, it } from "vitest";
import { draftOwner, draftPage } from "@/lib/staff/draft-key";

const session = (nonce: string) => ({
  nonce,
  issuedAt: new Date(0),
  expiresAt: new Date(8 * 3600_000),
});

describe("whose draft it is", () => {
  it("is the name given, the same whatever the sign-in, spacing or capitals", () => {
    expect(draftOwner(session("one"), "Sam Reception")).toBe("name:sam reception");
    expect(draftOwner(session("two"), "  sam   RECEPTION ")).toBe("name:sam reception");
    expect(draftOwner(session("one"), "Zoë")).toBe(draftOwner(session("two"), "Zoe\u0308"));
    expect(draftOwner(session("one"), "Sam")).not.toBe(draftOwner(session("one"), "Alex"));
  });

  it("is the sign-in itself until a name is given", () => {
    expect(draftOwner(session("one"), "")).toBe("sign-in:one");
    expect(draftOwner(session("one"), "   ")).toBe("sign-in:one");
    expect(draftOwner(session("two"), "")).not.toBe(draftOwner(session("one"), ""));
  });

  it("names an existing page by its address and a page not yet published as new", () => {
    expect(draftPage({ isNew: false, slug: "benefits" })).toBe("/benefits");
    expect(draftPage({ isNew: false, slug: "" })).toBe("/");
    expect(draftPage({ isNew: true, slug: "benefits" })).toBe("new");
    expect(draftPage({ isNew: true, slug: "" })).not.toBe(draftPage({ isNew: false, slug: "" }));
  });
});
