import { VIEW_BEACON_SCRIPT } from "@/lib/insights/beacon";

/**
 * The view beacon's script (lib/insights/beacon.ts), inline so it costs no
 * request. A prerendered page allows it by its hash (the page cache adds the
 * hashes of a page's inline scripts to its policy); a page rendered per
 * request passes the nonce of its policy.
 */
export function ViewBeacon({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: VIEW_BEACON_SCRIPT }} />;
}
