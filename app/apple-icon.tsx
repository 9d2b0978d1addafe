import { ImageResponse } from "next/og";
import { BRAND_COLOURS } from "@/lib/seo/brand-colours";

const { brand, brandSoft } = BRAND_COLOURS.light;

// The home-screen icon: the same drop as app/icon.svg, drawn at the size iOS asks for.
export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: brand,
      }}
    >
      <div
        style={{
          width: 84,
          height: 84,
          marginTop: 28,
          background: brandSoft,
          borderRadius: "50% 0 50% 50%",
          transform: "rotate(-45deg)",
        }}
      />
    </div>,
    size,
  );
}
