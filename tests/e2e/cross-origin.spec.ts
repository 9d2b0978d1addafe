import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./server-env";
import { actionForms, clientIp, readRequest, seedRequest, signIn } from "./staff-fixtures";

/*
 * A server action or an upload posted from another site, including a
 * sandboxed frame's `Origin: null`, is refused with 403 and a short message
 * (it was a bare 500), and acts on nothing; the same post from the site acts.
 */
const FOREIGN = ["https://attacker.example", "null"];
const REFUSED = /^Refused: this form was sent from another site\./;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp(40) } });

test("cross-origin action posts and uploads are refused with 403, same-origin ones act", async ({
  page,
  request,
}) => {
  const reference = await seedRequest();
  await signIn(page);
  const html = await (await page.request.get(`/staff/requests/${reference}`)).text();
  const session = (await page.context().cookies()).find((c) => c.name === "staff_session");
  const cookie = `staff_session=${session?.value}`;
  // The request page's forms (status and note, delete), without the toolbar's sign-out.
  const forms = actionForms(html).filter((form) => !form.text.includes("Sign out</button>"));
  expect(forms.length).toBeGreaterThanOrEqual(2);
  const fields = { reference, status: "spam", note: "posted" };
  // An action id as the page's JavaScript would send it in the Next-Action header.
  const actionId = forms
    .flatMap((form) => Object.entries(form.fields))
    .map(([name, value]) =>
      name.startsWith("$ACTION_ID_")
        ? name.slice("$ACTION_ID_".length)
        : /^\$ACTION_\d+:0$/.test(name)
          ? (JSON.parse(value) as { id?: string }).id
          : undefined,
    )
    .find(Boolean) as string;
  expect(actionId).toBeTruthy();

  for (const origin of FOREIGN) {
    const withoutJs = await Promise.all(
      forms.map((form) =>
        request.post(`/staff/requests/${reference}`, {
          headers: { origin, cookie },
          multipart: { ...form.fields, ...fields },
          maxRedirects: 0,
        }),
      ),
    );
    const withJs = await request.post(`/staff/requests/${reference}`, {
      headers: { origin, cookie, "next-action": actionId, "content-type": "text/plain" },
      data: "[]",
      maxRedirects: 0,
    });
    const upload = await request.post("/staff/images/upload", {
      headers: { origin, cookie },
      multipart: { image: { name: "a.png", mimeType: "image/png", buffer: Buffer.from("x") } },
      maxRedirects: 0,
    });
    for (const [what, response] of [
      ...withoutJs.map((r) => ["no-JavaScript action", r] as const),
      ["JavaScript action", withJs],
      ["upload", upload],
    ] as const) {
      expect([origin, what, response.status()]).toEqual([origin, what, 403]);
      expect(await response.text()).toMatch(REFUSED);
    }
  }
  expect(await readRequest(reference)).toEqual({ status: "new", events: [] });

  for (const form of forms) {
    const fromTheSite = await request.post(`/staff/requests/${reference}`, {
      headers: { origin: E2E_BASE_URL, cookie },
      multipart: { ...form.fields, ...fields },
      maxRedirects: 0,
    });
    expect(fromTheSite.status()).not.toBe(403);
  }
  expect((await readRequest(reference)).status).toBe("spam");
});
