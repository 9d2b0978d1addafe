"use client";

import { useState, type FormEvent } from "react";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";
import { insertIntoBody } from "./insert-into-body";

/*
 * "Add an image" beside the page text: the file, its alt text (required) and a
 * caption, stored like an upload on the Images page, then written into the
 * text as a Figure without leaving the editor. With JavaScript the Figure goes
 * at the cursor; without it the form posts, the Figure is added at the end of
 * the draft and the editor opens again on it.
 */
type ImageField = "image" | "alt" | "caption";
type Answer = { ok: true; figure: string } | { ok: false; field: ImageField; message: string };

export function FigureUpload({
  bodyId,
  page,
  error,
  scripted,
}: {
  bodyId: string;
  page: { isNew: boolean; slug: string };
  /** The message for a refused upload posted without JavaScript. */
  error?: { field: ImageField; message: string };
  scripted: boolean;
}) {
  const [problem, setProblem] = useState(error);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setDone("");
    let answer: Answer;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
      });
      answer = (await response.json()) as Answer;
    } catch {
      answer = {
        ok: false,
        field: "image",
        message: "Not uploaded: the server did not answer. Your text is kept; try again.",
      };
    }
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer);
      form.querySelector<HTMLElement>(`[name="${answer.field}"]`)?.focus();
      return;
    }
    setProblem(undefined);
    insertIntoBody(bodyId, answer.figure, { ownLine: true });
    form.reset();
    setDone("Image added to the page text where the cursor was.");
  }

  const altError = problem?.field === "alt" ? problem.message : undefined;
  const imageError = problem?.field === "image" ? problem.message : undefined;
  const captionError = problem?.field === "caption" ? problem.message : undefined;
  return (
    <section aria-labelledby="add-image" className="rounded-lg border border-line p-4">
      <h2 id="add-image" className="text-lg font-semibold">
        Add an image
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        A photo or picture (PNG, JPEG or WebP), prepared for phones like uploads on the Images page.{" "}
        {scripted
          ? "It goes into the text where the cursor is."
          : "Press Preview first to keep your typing: the image is added at the end of it."}
      </p>
      <form
        action="/staff/editor-image"
        method="post"
        encType="multipart/form-data"
        onSubmit={onSubmit}
        data-keeps-draft="1"
        noValidate
        className="mt-3 space-y-3"
      >
        <input type="hidden" name="isNew" value={page.isNew ? "1" : "0"} />
        <input type="hidden" name="slug" value={page.slug || "index"} />
        <Field
          name="image"
          label="Image file"
          hint="The picture to show."
          errors={imageError}
          inputProps={{ type: "file", accept: "image/png,image/jpeg,image/webp" }}
        />
        <Field
          name="alt"
          label="Alt text"
          hint="What the image shows, read out to people who cannot see it."
          errors={altError}
          inputProps={{ maxLength: 300 }}
        />
        <Field
          name="caption"
          label="Caption"
          hint="A short line shown under the image."
          errors={captionError}
          inputProps={{ maxLength: 300 }}
        />
        <button type="submit" className={primaryButtonClass} disabled={busy}>
          {busy ? "Uploading…" : "Upload and add to the page"}
        </button>
        {done && <Notice tone="success">{done}</Notice>}
      </form>
    </section>
  );
}
