import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";

/*
 * Who is the client? Next.js gives pages and actions the request headers but
 * not the socket, and every header can be written by the client. So, in the
 * Node.js server itself, each request gets the socket's address in
 * PEER_HEADER, overwriting whatever the client sent under that name, and
 * signed with a key that lives only in this process: a value the client made
 * up, or one arriving by any path that skipped the hook, fails the check.
 */
export const PEER_HEADER = "x-clinic-peer";

const keyHolder = globalThis as { [key: symbol]: Buffer | undefined };
const KEY = Symbol.for("clinic-site.peer-key");
const HOOKED = Symbol.for("clinic-site.peer-hook");

function peerKey(): Buffer {
  keyHolder[KEY] ??= randomBytes(32);
  return keyHolder[KEY];
}

function sign(address: string): string {
  return createHmac("sha256", peerKey()).update(address).digest("base64url");
}

export function signedPeer(address: string): string {
  return `${address} ${sign(address)}`;
}

/** Installed once, from instrumentation.ts, before the first request is handled. */
export function installPeerAddressHook(): void {
  const proto = http.Server.prototype as http.Server & { [HOOKED]?: true };
  if (proto[HOOKED]) return;
  proto[HOOKED] = true;
  const emit = proto.emit as (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = signedPeer(req.socket.remoteAddress ?? "unknown");
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}

/** The socket address the hook vouched for, or undefined when the header is missing or forged. */
export function peerAddress(headers: Headers): string | undefined {
  const value = headers.get(PEER_HEADER);
  const cut = value?.lastIndexOf(" ") ?? -1;
  if (!value || cut <= 0) return undefined;
  const address = value.slice(0, cut);
  const given = Buffer.from(value.slice(cut + 1));
  const expected = Buffer.from(sign(address));
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined;
}

/*
 * With no proxy in front (the default), forwarded headers are the client's own
 * words and are ignored. With N proxies, each appends the address it saw to
 * X-Forwarded-For, so the Nth entry from the right is the last one written by
 * a machine we trust; anything left of it is the client's claim.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const peer = peerAddress(headers) ?? "unknown";
  if (trustedProxies === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // A shorter chain did not come through every proxy: fall back to what we can vouch for.
  return chain.length >= trustedProxies ? (chain[chain.length - trustedProxies] ?? peer) : peer;
}
