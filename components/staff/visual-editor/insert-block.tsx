"use client";

import { ButtonWithTooltip, insertJsx$, usePublisher } from "@mdxeditor/editor";
import { useContext, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import {
  BLOCK_CHOICES,
  blockFields,
  blockFromForm,
  blockTextLabel,
  chosenFigureValues,
  fieldLabel,
  figureProblems,
  attributeValues,
  type FigureImage,
} from "@/lib/content/visual/block-form";
import { COMPONENT_CATALOGUE, type ComponentName } from "@/lib/validations/component-catalogue";
import { EditorSiteContext } from "./editor-context";

/*
 * "Insert a block": the dialog for the form in lib/content/visual/block-form.ts
 * (the fields from the component's prop schema, checked as the page checks
 * will check them), placing the block at the cursor. Figure's image is
 * uploaded first, as "Add an image" does. Text inside a block is written
 * there afterwards.
 */

type Answer = { ok: true; figure: string } | { ok: false; field: string; message: string };

export function InsertBlock({ bodyId }: { bodyId: string }) {
  const insert = usePublisher(insertJsx$);
  const { sources, images } = useContext(EditorSiteContext);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState<ComponentName>("Callout");
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [imageFrom, setImageFrom] = useState<FigureImage["from"]>("upload");
  const [chosenSrc, setChosenSrc] = useState("");
  const id = useId();

  function open() {
    setProblems([]);
    dialog.current?.showModal();
  }

  /** Sends the image to the same upload the "Add an image" form uses; gives its Figure's values. */
  async function upload(data: FormData): Promise<Record<string, string> | string[]> {
    const page = document.getElementById(bodyId)?.closest("form");
    const sent = new FormData();
    const slug = page?.elements.namedItem("slug");
    const isNew = page?.elements.namedItem("isNew");
    sent.set("slug", slug instanceof HTMLInputElement ? slug.value || "index" : "index");
    sent.set("isNew", isNew instanceof HTMLInputElement ? isNew.value : "0");
    for (const key of ["image", "alt", "caption"]) sent.set(key, data.get(key) ?? "");
    try {
      const response = await fetch("/staff/editor-image", {
        method: "POST",
        body: sent,
        headers: { Accept: "application/json" },
      });
      const answer = (await response.json()) as Answer;
      if (!answer.ok) return [answer.message];
      return attributeValues(answer.figure);
    } catch {
      return ["Not uploaded: the server did not answer. Your text is kept; try again."];
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      [...data.entries()].map(([key, value]) => [key, typeof value === "string" ? value : ""]),
    );
    if (name === "Figure") {
      const file = data.get("image");
      const chosen = images.find((image) => image.src === values.chosen);
      const image: FigureImage =
        imageFrom === "site"
          ? { from: "site", src: chosen?.src ?? "" }
          : { from: "upload", hasFile: file instanceof File && file.size > 0 };
      const typed = { alt: values.alt ?? "", caption: values.caption ?? "" };
      const missing = figureProblems({ image, ...typed });
      if (missing.length > 0) return setProblems(missing);
      if (chosen) Object.assign(values, chosenFigureValues(chosen, typed));
      else {
        setBusy(true);
        const uploaded = await upload(data);
        setBusy(false);
        if (Array.isArray(uploaded)) return setProblems(uploaded);
        Object.assign(values, uploaded);
      }
    }
    const answer = blockFromForm(name, values);
    if (!answer.ok) return setProblems(answer.problems);
    insert(answer.block);
    dialog.current?.close();
  }

  const fields = blockFields(name);
  const textLabel = blockTextLabel(name);
  const input = "mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2";

  return (
    <>
      <ButtonWithTooltip title="Insert a block" onClick={open}>
        <span className="px-1 text-sm font-semibold">+ Block</span>
      </ButtonWithTooltip>
      {createPortal(
        <dialog
          ref={dialog}
          aria-labelledby={`${id}-heading`}
          className="m-auto w-[min(32rem,95vw)] rounded-lg border border-line bg-surface p-5 text-ink backdrop:bg-black/40"
        >
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <h2 id={`${id}-heading`} className="text-xl font-semibold">
              Insert a block
            </h2>
            <p>
              <label htmlFor={`${id}-name`} className="block font-semibold">
                Block
              </label>
              <select
                id={`${id}-name`}
                value={name}
                onChange={(e) => {
                  setName(e.target.value as ComponentName);
                  setProblems([]);
                }}
                className={input}
              >
                {BLOCK_CHOICES.map((n) => (
                  <option key={n} value={n}>
                    {n}: {COMPONENT_CATALOGUE[n].use}
                  </option>
                ))}
              </select>
            </p>
            {problems.length > 0 && (
              // The alert around the list, not on it: a list with role="alert" is no list.
              <div role="alert">
                <ul className="list-disc pl-6 font-semibold text-danger">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </div>
            )}
            {name === "Figure" ? (
              <>
                {images.length > 0 && (
                  <fieldset>
                    <legend className="font-semibold">Image</legend>
                    {(
                      [
                        ["upload", "Upload a new image"],
                        ["site", "Use an image already on the site"],
                      ] as const
                    ).map(([value, label]) => (
                      <p key={value}>
                        <label className="inline-flex items-center gap-2">
                          <input
                            type="radio"
                            name="imageFrom"
                            value={value}
                            checked={imageFrom === value}
                            onChange={() => {
                              setImageFrom(value);
                              setProblems([]);
                            }}
                          />
                          {label}
                        </label>
                      </p>
                    ))}
                  </fieldset>
                )}
                {imageFrom === "site" && images.length > 0 ? (
                  <Labelled id={`${id}-chosen`} label="Image on the site">
                    <select
                      id={`${id}-chosen`}
                      name="chosen"
                      value={chosenSrc}
                      onChange={(e) => setChosenSrc(e.target.value)}
                      className={input}
                    >
                      <option value="">Choose one…</option>
                      {images.map((image) => (
                        <option key={image.src} value={image.src}>
                          {image.label}
                        </option>
                      ))}
                    </select>
                    {chosenSrc && (
                      // What the choice looks like; the alt text for it is asked below.
                      // eslint-disable-next-line @next/next/no-img-element
                      <img
                        src={chosenSrc}
                        alt=""
                        className="mt-2 max-h-32 w-auto rounded border border-line"
                      />
                    )}
                  </Labelled>
                ) : (
                  <Labelled id={`${id}-image`} label="Image file (PNG, JPEG or WebP)">
                    <input
                      id={`${id}-image`}
                      name="image"
                      type="file"
                      accept="image/png,image/jpeg,image/webp"
                      className={input}
                    />
                  </Labelled>
                )}
                <Labelled id={`${id}-alt`} label="Alt text: what the image shows">
                  <input id={`${id}-alt`} name="alt" maxLength={300} className={input} />
                </Labelled>
                <Labelled id={`${id}-caption`} label="Caption: a short line under it">
                  <input id={`${id}-caption`} name="caption" maxLength={300} className={input} />
                </Labelled>
              </>
            ) : (
              fields.map((field) => (
                <Labelled
                  key={`${name}-${field.name}`}
                  id={`${id}-${field.name}`}
                  label={`${fieldLabel(name, field.name)}${field.required || ("choices" in field && field.choices) ? "" : " (optional)"}`}
                >
                  {"choices" in field && field.choices ? (
                    <select
                      id={`${id}-${field.name}`}
                      name={field.name}
                      defaultValue={field.fallback}
                      className={input}
                    >
                      {field.choices.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  ) : name === "Cite" && field.name === "source" ? (
                    <select id={`${id}-${field.name}`} name="source" className={input}>
                      {sources.map((s) => (
                        <option key={s.key} value={s.key}>
                          {s.title}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input id={`${id}-${field.name}`} name={field.name} className={input} />
                  )}
                </Labelled>
              ))
            )}
            {textLabel && (
              <Labelled id={`${id}-text`} label={textLabel}>
                <textarea id={`${id}-text`} name="text" rows={3} className={input} />
              </Labelled>
            )}
            <p className="flex flex-wrap gap-3">
              <button type="submit" className={primaryButtonClass} disabled={busy}>
                {busy ? "Uploading…" : "Place the block"}
              </button>
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={() => dialog.current?.close()}
              >
                Cancel
              </button>
            </p>
          </form>
        </dialog>,
        document.body,
      )}
    </>
  );
}

function Labelled({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <p>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {children}
    </p>
  );
}
