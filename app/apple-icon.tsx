import { ImageResponse } from "next/og";

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
        background: "#1e5b4f",
      }}
    >
      <div
        style={{
          width: 84,
          height: 84,
          marginTop: 28,
          background: "#e3efeb",
          borderRadius: "50% 0 50% 50%",
          transform: "rotate(-45deg)",
        }}
      />
    </div>,
    size,
  );
}
