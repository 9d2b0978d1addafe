"use client";

import { useActionState, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { editPageAction, previewPageAction } from "@/lib/actions/edit-page";
import {
  DESCRIPTION_MAX,
  type EditorField,
  type EditorState,
} from "@/lib/validations/editor-state";
import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { fieldClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { ComponentList } from "./component-list";

const PREVIEW_PAUSE_MS = 800;
const noSubscription = () => () => undefined;

/**
 * The page editor. Without JavaScript it is a plain form: Preview and Publish
 * post it and the page comes back with the answer, every typed value kept.
 * With JavaScript the preview and checks follow the typing after a pause.
 */
export function PageEditor({
  initial,
  serverPreview,
}: {
  initial: EditorState;
  /** The preview the Preview button asked for, rendered by the server with the page. */
  serverPreview?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(editPageAction, initial);
  const [live, setLive] = useState<EditorState | undefined>();
  // True once running in the browser, false in the server's HTML (and so without JavaScript).
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [descriptionLength, setDescriptionLength] = useState(
    initial.values.fields.description.length,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A new answer from a post replaces whatever the typing-preview showed.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setLive(undefined);
    setDescriptionLength(state.values.fields.description.length);
  }

  function onInput() {
    const form = formRef.current;
    if (!form) return;
    setDescriptionLength((form.elements.namedItem("description") as HTMLInputElement).value.length);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const data = new FormData(form);
      data.set("intent", "preview");
      setLive(await editPageAction(state, data));
    }, PREVIEW_PAUSE_MS);
  }

  const shown = live ?? state;
  const { values } = state;
  const errors = shown.fieldErrors;
  const field = (name: EditorField | "slug" | "author") => ({
    id: `field-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `${errors[name] ? `field-${name}-error ` : ""}field-${name}-help`,
  });

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <form ref={formRef} action={formAction} onInput={onInput} key={state.answer} noValidate>
        {state.formError && <Notice tone="error">{state.formError}</Notice>}
        {state.conflict && <ConflictView state={state} />}
        <input type="hidden" name="isNew" value={values.isNew ? "1" : "0"} />
        <input type="hidden" name="parentId" value={values.parentId} />
        <input type="hidden" name="baseHash" value={values.baseHash} />
        {!values.isNew && <input type="hidden" name="slug" value={values.slug || "index"} />}

        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold">Page details</legend>
          {values.isNew && (
            <Field
              label="Address"
              help="Lower-case words joined by hyphens, like new-topic. The page will be at /new-topic."
              error={errors.slug}
              name="slug"
            >
              <input {...field("slug")} defaultValue={values.slug} className={fieldClass} />
            </Field>
          )}
          <Field
            label="Title"
            help="The page heading, at most 90 characters."
            error={errors.title}
            name="title"
          >
            <input {...field("title")} defaultValue={values.fields.title} className={fieldClass} />
          </Field>
          <Field
            label="Search result title (optional)"
            help="A shorter title for search results, at most 70 characters, when the heading is longer."
            error={errors.seoTitle}
            name="seoTitle"
          >
            <input
              {...field("seoTitle")}
              defaultValue={values.fields.seoTitle}
              className={fieldClass}
            />
          </Field>
          <Field
            label="Description"
            help={`For search results and sharing, at most ${DESCRIPTION_MAX} characters.`}
            error={errors.description}
            name="description"
            extra={
              <p
                aria-live="polite"
                className={
                  descriptionLength > DESCRIPTION_MAX
                    ? "font-semibold text-danger"
                    : "text-ink-muted"
                }
              >
                {descriptionLength} of {DESCRIPTION_MAX} characters
              </p>
            }
          >
            <textarea
              {...field("description")}
              rows={3}
              defaultValue={values.fields.description}
              className={fieldClass}
            />
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              label="Last reviewed"
              help="The date the practitioner last checked this page."
              error={errors.lastReviewed}
              name="lastReviewed"
            >
              <input
                {...field("lastReviewed")}
                type="date"
                defaultValue={values.fields.lastReviewed}
                className={fieldClass}
              />
            </Field>
            <Field
              label="Reviewed by (optional)"
              help="Leave empty for the practitioner."
              error={errors.reviewedBy}
              name="reviewedBy"
            >
              <input
                {...field("reviewedBy")}
                defaultValue={values.fields.reviewedBy}
                className={fieldClass}
              />
            </Field>
            <Field
              label="Menu label (optional)"
              help="A short name for the menu, at most 30 characters."
              error={errors.navLabel}
              name="navLabel"
            >
              <input
                {...field("navLabel")}
                defaultValue={values.fields.navLabel}
                className={fieldClass}
              />
            </Field>
            <Field
              label="Menu position (optional)"
              help="A whole number; empty keeps the page out of the menu."
              error={errors.navOrder}
              name="navOrder"
            >
              <input
                {...field("navOrder")}
                inputMode="numeric"
                defaultValue={values.fields.navOrder}
                className={fieldClass}
              />
            </Field>
            <Field
              label="Kind"
              help="Articles get the reviewed line, disclaimer and booking box."
              error={errors.kind}
              name="kind"
            >
              <select
                {...field("kind")}
                defaultValue={values.fields.kind || "article"}
                className={fieldClass}
              >
                <option value="article">Article</option>
                <option value="page">Simple page</option>
              </select>
            </Field>
          </div>
          <Field
            label="Sources (optional)"
            help="Keys from content/sources.yaml, one per line, like cochrane-2020. They are listed in full at the end of the page."
            error={errors.sources}
            name="sources"
          >
            <textarea
              {...field("sources")}
              rows={3}
              defaultValue={values.fields.sources}
              className={`${fieldClass} font-mono`}
            />
          </Field>
          <div className="flex items-center gap-3">
            <input
              id="field-draft"
              name="draft"
              type="checkbox"
              value="true"
              defaultChecked={values.fields.draft === "true"}
              className="size-6"
            />
            <label htmlFor="field-draft" className="font-semibold">
              Draft: hidden from visitors
            </label>
          </div>
        </fieldset>

        <div className="mt-8">
          <label htmlFor="field-body" className="block text-xl font-semibold">
            Page text
          </label>
          <p id="field-body-help" className="text-sm text-ink-muted">
            Markdown with the components listed beside it. A blank line starts a paragraph; ##
            starts a section.
          </p>
          {shown.bodyProblems.length > 0 && (
            <div
              id="field-body-error"
              className="my-2 rounded-md border-2 border-danger bg-danger-soft p-3 text-danger"
            >
              <p className="font-semibold">Problems in the page text:</p>
              <ul className="list-disc pl-6">
                {shown.bodyProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          <textarea
            id="field-body"
            name="body"
            rows={28}
            spellCheck
            defaultValue={values.body}
            aria-invalid={shown.bodyProblems.length > 0 ? true : undefined}
            aria-describedby={`${shown.bodyProblems.length > 0 ? "field-body-error " : ""}field-body-help`}
            className={`${fieldClass} mt-2 font-mono text-sm leading-6`}
          />
        </div>

        <fieldset className="mt-8 space-y-5 rounded-lg border border-line p-4">
          <legend className="px-1 text-xl font-semibold">Publish</legend>
          <Field
            label="Your name"
            help="Shown in the page's history. Asked once per sign-in."
            error={errors.author}
            name="author"
          >
            <input
              {...field("author")}
              defaultValue={values.author}
              autoComplete="name"
              className={fieldClass}
            />
          </Field>
          <Field label="What changed (optional)" help="A short note for the history." name="note">
            <input
              id="field-note"
              name="note"
              aria-describedby="field-note-help"
              defaultValue={values.note}
              className={fieldClass}
            />
          </Field>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              formAction={previewPageAction}
              className={secondaryButtonClass}
              disabled={pending}
            >
              Preview
            </button>
            <button
              type="submit"
              name="intent"
              value="publish"
              className={primaryButtonClass}
              disabled={pending}
            >
              Publish
            </button>
          </div>
        </fieldset>
      </form>
      <ComponentList bodyId="field-body" canInsert={scripted} />
      <section aria-labelledby="preview-heading" className="lg:col-span-2">
        <h2 id="preview-heading" className="text-xl font-semibold">
          Preview
        </h2>
        <p className="text-sm text-ink-muted">
          Only you see this.{" "}
          {scripted ? "It follows your typing after a short pause." : "Press Preview to update it."}
        </p>
        <div className="mt-4 rounded-lg border-2 border-dashed border-line" data-testid="preview">
          {(live ? live.preview : state.answer === 0 ? serverPreview : undefined) ?? (
            <p className="p-4 text-ink-muted">
              Nothing to show until the problems above are fixed, or Preview is pressed.
            </p>
          )}
        </div>
      </section>
    </div>
  );
}

function Field({
  label,
  help,
  error,
  name,
  extra,
  children,
}: {
  label: string;
  help: string;
  error?: string;
  name: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block font-semibold">
        {label}
      </label>
      <p id={`field-${name}-help`} className="mb-1 text-sm text-ink-muted">
        {help}
      </p>
      {children}
      {extra}
      {error && (
        <p id={`field-${name}-error`} className="mt-1 font-semibold text-danger">
          {label}: {error}
        </p>
      )}
    </div>
  );
}

function ConflictView({ state }: { state: EditorState }) {
  const conflict = state.conflict;
  if (!conflict) return null;
  return (
    <section aria-labelledby="conflict-heading" className="my-6">
      <h2 id="conflict-heading" className="text-xl font-semibold">
        Changed by someone else
      </h2>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="font-semibold">
            Their version, published by {conflict.author} at{" "}
            {conflict.createdAt.slice(0, 16).replace("T", " ")} UTC
          </h3>
          <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded border border-line p-3 font-mono text-sm">
            {conflict.source}
          </pre>
        </div>
        <div>
          <h3 className="font-semibold">Your version (kept in the form below)</h3>
          <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded border border-line p-3 font-mono text-sm">
            {`# ${state.values.fields.title}\n\n${state.values.body}`}
          </pre>
        </div>
      </div>
    </section>
  );
}
