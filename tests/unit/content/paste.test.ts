import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { describeDropped } from "@/lib/content/paste/dropped";
import { clipboardToMdx, htmlToMdx, plainTextToMdx } from "@/lib/content/paste/paste";
import { pageProblems } from "./paste-check";

/*
 * Clipboard HTML really copied from Word and Google Docs (provenance in
 * tests/fixtures/paste/README.md), each beside the MDX it must become,
 * written out by hand. The smaller cases below are written for one quirk
 * each, in the markup Word and Google Docs use for it.
 */

const FIXTURES = path.resolve(__dirname, "../../fixtures/paste");
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".html"))
  .map((name) => ({
    name,
    html: readFileSync(path.join(FIXTURES, name), "utf8"),
    expected: readFileSync(path.join(FIXTURES, name.replace(/\.html$/, ".expected.md")), "utf8"),
  }));

describe("pasting real clipboard HTML", () => {
  it("has Word and Google Docs fixtures", () => {
    expect(fixtures.filter((f) => f.name.startsWith("word-")).length).toBeGreaterThanOrEqual(2);
    expect(fixtures.filter((f) => f.name.startsWith("google-docs-")).length).toBeGreaterThanOrEqual(
      2,
    );
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const { markdown } = htmlToMdx(fixture.html);

      it("becomes the expected MDX", () => {
        expect(`${markdown}\n`).toBe(fixture.expected);
      });

      it("is already in the form Prettier gives the files in content/", async () => {
        const formatted = await prettier.format(`${markdown}\n`, {
          parser: "mdx",
          printWidth: 100,
        });
        expect(formatted).toBe(`${markdown}\n`);
      });

      it("passes every check a page's text goes through", () => {
        expect(pageProblems(markdown)).toEqual([]);
      });
    });
  }

  it("counts the Word document's picture as left out, and Google Docs' checkbox icons not", () => {
    const word = fixtures.find((f) => f.name === "word-2013-test-document.html")!;
    const docs = fixtures.find((f) => f.name === "google-docs-lists.html")!;
    expect(htmlToMdx(word.html).dropped.images).toBe(1);
    expect(docs.html).toContain('aria-roledescription="checkbox"');
    expect(htmlToMdx(docs.html).dropped.images).toBe(0);
  });
});

const md = (html: string) => htmlToMdx(html).markdown;

describe("Word's quirks", () => {
  const item = (level: number, marker: string, text: string, list = 0) =>
    `<p class=MsoListParagraphCxSpMiddle style='margin-left:${level * 36}pt;text-indent:-18pt;mso-list:l${list} level${level} lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>\n`;

  it("makes list paragraphs a list, numbered or bulleted by their typed marker, nested by level", () => {
    const html =
      item(1, "1.", "First") +
      item(2, "a.", "<b>Bold</b> inside") +
      item(2, "b.", "<i>Italic</i> inside") +
      item(1, "2.", "Second") +
      `<p class=MsoNormal>Between<o:p></o:p></p>` +
      item(1, "·", "Bullet", 1) +
      item(1, "·", "Bullet two", 1);
    expect(md(html)).toBe(
      "1. First\n   1. **Bold** inside\n   2. _Italic_ inside\n2. Second\n\nBetween\n\n- Bullet\n- Bullet two",
    );
  });

  it("leaves out comments and tracked deletions, keeps tracked insertions as text, and says so", () => {
    const html =
      `<p class=MsoNormal>Needles are <del cite="mailto:Ann" datetime="2026-11-02T10:00">not </del><ins cite="mailto:Ann" datetime="2026-11-02T10:00">very </ins>thin.` +
      `<span class=MsoCommentReference><a style='mso-comment-reference:AB_1;mso-comment-date:20261102T1000'>&nbsp;</a><span style='mso-special-character:comment'>&nbsp;<a href="#_msocom_1" class=msocomanchor id="_anchor_1">[AB1]</a>&nbsp;</span></span></p>` +
      `<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]><div style='mso-element:comment'><div id="_com_1" class=msocomtxt><p class=MsoCommentText>Check this with Dr Lee</p></div></div></div>`;
    const result = htmlToMdx(html);
    expect(result.markdown).toBe("Needles are very thin.");
    expect(result.dropped).toMatchObject({ comments: 1, deletions: 1 });
    expect(describeDropped(result.dropped)).toEqual([
      "1 comment was left out.",
      "Text marked as deleted in tracked changes was left out (1 place).",
    ]);
  });

  it("drops styles, classes, fonts, colours, <o:p>, smart tags and conditional comments", () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{color:red}</style><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head><body lang=EN-GB><!--StartFragment--><p class=MsoNormal><span style='font-family:"Comic Sans MS";color:#1F497D'>We are in <st1:place w:st="on">Leeds</st1:place>.<o:p>&nbsp;</o:p></span></p><!--EndFragment--></body></html>`;
    expect(md(html)).toBe("We are in Leeds.");
  });

  it("makes Word's heading paragraphs headings, the document's top level becoming ##", () => {
    const html = `<p class=MsoNormal style='mso-outline-level:1'><b>Aftercare</b></p><p class=MsoNormal style='mso-outline-level:2'>Rest</p><p class=MsoNormal>Take it easy.</p>`;
    expect(md(html)).toBe("## Aftercare\n\n### Rest\n\nTake it easy.");
  });
});

describe("Google Docs' quirks", () => {
  const run = (text: string, style: string) =>
    `<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;${style};vertical-align:baseline;white-space:pre-wrap;">${text}</span>`;

  it("does not make the whole document bold for its <b style=font-weight:normal> wrapper", () => {
    const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1b2c3d4e-7fff-1234-5678-9abcdef01234"><p dir="ltr">${run("Plain, ", "font-weight:400;font-style:normal")}${run("bold", "font-weight:700;font-style:normal")}${run(" and ", "font-weight:400")}${run("italic", "font-weight:400;font-style:italic")}.</p></b>`;
    expect(md(html)).toBe("Plain, **bold** and _italic_.");
  });
});

describe("anything else that reaches the clipboard", () => {
  it("keeps web, email and site links; other addresses become their words", () => {
    const result = htmlToMdx(
      `<p><a href="https://nhs.uk/x">NHS</a>, <a href="mailto:hello@clinic.test">email us</a>, <a href="/contact">contact</a>, <a href="javascript:alert(1)">click</a>, <a href="file:///C:/notes.docx">notes</a>, <a href="#_Toc12">contents</a>.</p>`,
    );
    expect(result.markdown).toBe(
      "[NHS](https://nhs.uk/x), [email us](mailto:hello@clinic.test), [contact](/contact), click, notes, contents.",
    );
    expect(result.dropped.links).toBe(2);
  });

  it("leaves out images and embeds by URL and tells the person what to do instead", () => {
    const result = htmlToMdx(
      `<p>Before</p><img src="https://example.com/a.jpg" alt="A"><p><img src="data:image/png;base64,AAAA"></p><iframe src="https://video.example/embed/1"></iframe><p>After</p>`,
    );
    expect(result.markdown).toBe("Before\n\nAfter");
    expect(describeDropped(result.dropped)).toEqual([
      "2 images were not pasted: add them with Add an image, so each has alt text.",
      "1 video or embedded frame was not pasted: pages cannot embed them.",
    ]);
  });

  it("escapes text that would otherwise become a component, code or Markdown", () => {
    const result = htmlToMdx(
      `<p>Write &lt;Callout&gt; or {clinic.phone}.</p><p>import x from "y"</p><p><b>export</b> const a = 1</p><p># not a heading</p><p>1. not a list</p><p>* not a bullet</p>`,
    );
    expect(result.markdown).toBe(
      [
        "Write \\<Callout> or \\{clinic.phone}.",
        '&#x69;mport x from "y"',
        "**export** const a = 1",
        "\\# not a heading",
        "1\\. not a list",
        "\\* not a bullet",
      ].join("\n\n"),
    );
    expect(pageProblems(result.markdown)).toEqual([]);
  });

  it("unwraps an email's one-column layout tables and keeps its paragraphs and lists", () => {
    const html = `<table width="100%"><tr><td><div dir="ltr">Hi Jane,<div><br></div><div>Your <b>times</b>:</div><ul><li>Mon 9:00</li><li>Tue 14:00</li></ul><div>Thanks<br>Bob</div></div></td></tr></table>`;
    expect(md(html)).toBe(
      "Hi Jane,\n\nYour **times**:\n\n- Mon 9:00\n- Tue 14:00\n\nThanks\\\nBob",
    );
  });

  it("makes bullets typed as characters a real list", () => {
    expect(
      md("<p>Bring:<br>• a towel<br>• <b>loose</b> clothes</p><p>·&nbsp;water</p><p>Thanks</p>"),
    ).toBe("Bring:\n\n- a towel\n- **loose** clothes\n- water\n\nThanks");
  });

  it("makes a data table's first row its header, with cells on one line", () => {
    const html = `<table><tr><td>Day</td><td>Hours</td></tr><tr><td>Monday</td><td>9:00<br>to 17:00</td></tr></table>`;
    expect(md(html)).toBe(
      "| Day    | Hours         |\n| ------ | ------------- |\n| Monday | 9:00 to 17:00 |",
    );
  });

  it("keeps quotes and turns code into plain paragraphs", () => {
    expect(
      md("<blockquote><p>Rest helps.</p></blockquote><pre><code>line one\nline two</code></pre>"),
    ).toBe("> Rest helps.\n\nline one\\\nline two");
  });

  it("says whether the HTML held formatting, so the source view can paste code as it is", () => {
    const vsCode = `<div style="color: #d4d4d4;font-family: Consolas;"><div><span style="color: #808080;">&lt;</span><span style="color: #4ec9b0;">Callout</span><span style="color: #808080;">&gt;</span></div><br><div><span>Text</span></div></div>`;
    expect(htmlToMdx(vsCode)).toMatchObject({ formatted: false, markdown: "\\<Callout>\n\nText" });
    expect(htmlToMdx("<p>Some <b>bold</b></p>").formatted).toBe(true);
    expect(htmlToMdx("<ul><li>One</li></ul>").formatted).toBe(true);
  });

  it("pastes the plain text when the HTML holds nothing pastable", () => {
    expect(clipboardToMdx({ html: "<img src=x>", text: "Just words" }).markdown).toBe("Just words");
    expect(clipboardToMdx({ text: "" }).markdown).toBe("");
  });
});

describe("pasting plain text", () => {
  it("keeps paragraphs and line breaks, and makes typed bullets and numbers real lists", () => {
    expect(
      plainTextToMdx(
        "Dear all,\r\nsee below.\r\n\r\n• Rest\r\n• Drink water\r\n1. Book\r\n2) Come\r\n\r\n# {not} <code>",
      ),
    ).toBe(
      "Dear all,\\\nsee below.\n\n- Rest\n- Drink water\n\n1. Book\n2. Come\n\n\\# \\{not} \\<code>",
    );
  });
});
