import { describe, expect, it } from "vitest";
import { POST } from "@/app/views/route";
import { VIEW_BEACON_SCRIPT } from "@/lib/insights/beacon";
import { notCounted } from "@/lib/insights/rules";
import { drainTally } from "@/lib/insights/tally";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36";
let peer = 0;

/** A beacon as Chromium sends it: a text body, its length, and the fetch metadata. */
function beacon(body: string, headers: Record<string, string> = {}) {
  peer += 1;
  return new Request("http://clinic.test/views", {
    method: "POST",
    body,
    headers: {
      "content-type": "text/plain;charset=UTF-8",
      "content-length": String(Buffer.byteLength(body)),
      "user-agent": BROWSER,
      "sec-fetch-site": "same-origin",
      "sec-fetch-dest": "empty",
      "x-clinic-peer": `10.0.0.${peer} s`,
      ...headers,
    },
  });
}

const counted = () => Object.fromEntries([...drainTally().views].map(([k, n]) => [k.slice(11), n]));

describe("the view beacon", () => {
  it("counts a page reached inside the site, by the rules of a page load", async () => {
    drainTally();
    for (const request of [
      beacon("/benefits"),
      beacon("/tips", { "sec-gpc": "1" }),
      beacon("/tips", { dnt: "1" }),
      beacon("/tips", { "user-agent": "Googlebot/2.1" }),
      // Only the site's own pages send it: a post from elsewhere is not a view.
      beacon("/tips", { "sec-fetch-site": "cross-site" }),
      beacon("/staff/requests"),
      beacon("//evil.example/x"),
    ]) {
      const response = await POST(request);
      expect(response.status).toBe(204);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(counted()).toEqual({ "/benefits": 1 });
  });

  it("never reads a body longer than an address, or one of unknown length", async () => {
    drainTally();
    const long = `/${"a".repeat(300)}`;
    expect((await POST(beacon(long))).status).toBe(204);
    const unknownLength = beacon("/benefits");
    const headers = new Headers(unknownLength.headers);
    headers.delete("content-length");
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("/benefits"));
        controller.close();
      },
    });
    await POST(
      new Request("http://clinic.test/views", {
        method: "POST",
        body: stream,
        headers,
        duplex: "half",
      } as RequestInit),
    );
    expect(counted()).toEqual({});
  });

  it("is told apart from a page load: the beacon needs the browser's same-origin mark", () => {
    const headers = new Headers({ "user-agent": BROWSER, "sec-fetch-dest": "empty" });
    expect(notCounted(headers, "document")).toBe("not-a-page-load");
    expect(notCounted(headers, "navigation")).toBe("not-from-the-site");
    headers.set("sec-fetch-site", "same-origin");
    expect(notCounted(headers, "navigation")).toBeNull();
  });

  it("reports moves between pages only, with nothing but the address", () => {
    expect(VIEW_BEACON_SCRIPT).toContain('sendBeacon("/views",p)');
    expect(VIEW_BEACON_SCRIPT).not.toMatch(/cookie|localStorage|sessionStorage|userAgent/);
    // Parses as a script on its own: it is written into the page as it is.
    expect(() => new Function(VIEW_BEACON_SCRIPT)).not.toThrow();
  });
});
