import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  installPeerAddressHook,
  PEER_HEADER,
  signedPeer,
} from "@/lib/client-address";
import { parseEnv } from "@/lib/env";

describe("client address", () => {
  it("ignores forwarded headers by default and uses the socket address", () => {
    const headers = new Headers({
      "x-forwarded-for": "203.0.113.7",
      "x-real-ip": "203.0.113.8",
      [PEER_HEADER]: signedPeer("127.0.0.1"),
    });
    expect(clientAddress(headers, 0)).toBe("127.0.0.1");
  });

  it("refuses a peer address the client wrote itself", () => {
    const forged = new Headers({ [PEER_HEADER]: "198.51.100.9 bm90LWEtc2lnbmF0dXJl" });
    expect(clientAddress(forged, 0)).toBe("unknown");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "198.51.100.9" }), 0)).toBe("unknown");
  });

  it("takes the Nth entry from the right behind N proxies", () => {
    const headers = new Headers({
      "x-forwarded-for": "10.9.9.9, 203.0.113.7, 192.0.2.1",
      [PEER_HEADER]: signedPeer("192.0.2.200"),
    });
    expect(clientAddress(headers, 1)).toBe("192.0.2.1");
    expect(clientAddress(headers, 2)).toBe("203.0.113.7");
    expect(clientAddress(headers, 3)).toBe("10.9.9.9");
    // A chain shorter than the proxies configured did not come through them all.
    expect(clientAddress(headers, 4)).toBe("192.0.2.200");
  });

  it("stops at start-up on a TRUSTED_PROXIES that does not parse, naming it", () => {
    for (const bad of ["abc", "-1", "1.5", "one"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES/);
    }
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
  });

  it("the server hook overwrites whatever peer header the client sends", async () => {
    installPeerAddressHook();
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      const headers = new Headers(req.headers as Record<string, string>);
      seen.push(clientAddress(headers, 0));
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const claim of ["203.0.113.7", signedPeer("203.0.113.7")]) {
        const response = await fetch(`http://127.0.0.1:${port}/`, {
          headers: { [PEER_HEADER]: claim, "x-forwarded-for": "203.0.113.7" },
        });
        expect(await response.text()).toBe("ok");
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
