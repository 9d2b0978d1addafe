import { vi } from "vitest";

/*
 * What the server's log (lib/log.ts, JSON lines on stdout) received while a
 * test ran. stdout is swapped for a recorder, so the lines are read as an
 * operator's tools would read them, not through the logger's own API.
 */
export type LogLine = Record<string, unknown> & { level: string; time: string; event: string };

export function captureLog() {
  let written = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  const lines = (): LogLine[] =>
    written
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as LogLine);
  return {
    text: () => written,
    lines,
    events: (event: string) => lines().filter((line) => line.event === event),
    clear: () => {
      written = "";
    },
    restore: () => spy.mockRestore(),
  };
}
