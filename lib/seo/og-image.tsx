import "server-only";
import { ImageResponse } from "next/og";
import { BRAND_COLOURS } from "./brand-colours";
import { getClinic } from "@/lib/content/site/site";

const { surface, ink, inkMuted, brand } = BRAND_COLOURS.light;

export const OG_SIZE = { width: 1200, height: 630 };

/** One sharing card for every page: the page title on the clinic's colours, no outside fonts. */
export async function renderOgImage(title: string): Promise<ImageResponse> {
  const clinic = await getClinic();
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: surface,
        borderBottom: `24px solid ${brand}`,
        color: ink,
      }}
    >
      <div style={{ fontSize: 34, color: brand, fontWeight: 600 }}>{clinic.shortName}</div>
      <div style={{ fontSize: 72, lineHeight: 1.1, fontWeight: 700 }}>{title}</div>
      <div style={{ fontSize: 30, color: inkMuted }}>{clinic.tagline}</div>
    </div>,
    OG_SIZE,
  );
}
