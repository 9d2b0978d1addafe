import { describe, expect, it } from "vitest";
import { draftKeyOf, draftOwner, draftPage } from "@/lib/staff/draft-key";

describe("whose draft it is", () => {
  it("is the account, whatever the sign-in", async () => {
    expect(draftOwner({ accountId: "acc-1" })).toBe("account:acc-1");
    expect(draftOwner({ accountId: "acc-1" })).not.toBe(draftOwner({ accountId: "acc-2" }));
    expect(await draftKeyOf({ accountId: "acc-1" }, { isNew: false, slug: "faq" })).toEqual({
      owner: "account:acc-1",
      page: "/faq",
    });
  });

  it("names an existing page by its address and a page not yet published as new", () => {
    expect(draftPage({ isNew: false, slug: "benefits" })).toBe("/benefits");
    expect(draftPage({ isNew: false, slug: "" })).toBe("/");
    expect(draftPage({ isNew: true, slug: "benefits" })).toBe("new");
    expect(draftPage({ isNew: true, slug: "" })).not.toBe(draftPage({ isNew: false, slug: "" }));
  });
});
