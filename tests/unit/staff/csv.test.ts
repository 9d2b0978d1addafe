import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell, quoteCell, toCsv } from "@/lib/staff/csv";

/** A small RFC 4180 reader, to check that whatever we write reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe("neutraliseCell", () => {
  it.each(["=1+1", "+44 20 7946 0000", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd"])(
    "prefixes %j with an apostrophe",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["hello", "1+1", "a=b", "", "'already"])("leaves %j alone", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe("quoteCell", () => {
  it("quotes cells with commas, quotes or line breaks and doubles inner quotes", () => {
    expect(quoteCell("a,b")).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell("line\nbreak")).toBe('"line\nbreak"');
    expect(quoteCell("cr\rhere")).toBe('"cr\rhere"');
    expect(quoteCell("plain")).toBe("plain");
  });
});

describe("toCsv", () => {
  it("writes a header row and CRLF line endings", () => {
    expect(toCsv(["a", "b"], [["1", "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it("neutralises hostile cells inside quotes too", () => {
    expect(toCsv(["h"], [['=HYPERLINK("http://x","y")']])).toBe(
      'h\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n',
    );
  });

  it("round-trips any text, with formula starts neutralised", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const parsed = parseCsv(toCsv(["first", "second"], rows));
          expect(parsed).toEqual([["first", "second"], ...rows.map((r) => r.map(neutraliseCell))]);
          for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
  });
});
