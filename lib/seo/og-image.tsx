import "server-only";
import { ImageResponse } from "next/og";
import { getClinic } from "@/lib/content/clinic";

export const OG_SIZE = { width: 1200, height: 630 };

/** One sharing card for every page: the page title on the clinic's colours, no outside fonts. */
export function renderOgImage(title: string): ImageResponse {
  const clinic = getClinic();
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#fbf8f3",
        borderBottom: "24px solid #1e5b4f",
        color: "#1f2a2e",
      }}
    >
      <div style={{ fontSize: 34, color: "#1e5b4f", fontWeight: 600 }}>{clinic.shortName}</div>
      <div style={{ fontSize: 72, lineHeight: 1.1, fontWeight: 700 }}>{title}</div>
      <div style={{ fontSize: 30, color: "#4a5a5e" }}>{clinic.tagline}</div>
    </div>,
    OG_SIZE,
  );
}
