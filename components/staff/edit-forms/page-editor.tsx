"use client";

import {
  useActionState,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { editPageAction } from "@/lib/actions/edit-page";
import { previewPageAction } from "@/lib/actions/page-draft";
import {
  DESCRIPTION_MAX,
  EDITOR_FIELD_SPECS,
  type EditorField,
  type EditorState,
} from "@/lib/validations/editor-state";
import { BODY_HARD_MAX, BODY_MAX } from "@/lib/validations/page-body";
import { Notice } from "@/components/ui/notice";
import { fieldClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { BodyProblems } from "./body-problems";
import { ComponentList } from "./component-list";
import { DraftStatus, useDraftAutosave } from "./draft-autosave";
import { FigureUpload } from "./figure-upload";
import { PasteAsMarkdown } from "./paste-as-markdown";
import {
  CheckboxField,
  describedBy,
  Field,
  fieldId,
  Hint,
  Label,
  SelectField,
  TextareaField,
} from "@/components/ui/fields";
import { PublishFields } from "./publish-fields";
import { ScheduleFields, type ScheduleOptions } from "./schedule-fields";
import { EMPTY_CONTEXT, type VisualEditorContext } from "../visual-editor/editor-context";
import { VisualBody } from "../visual-editor/visual-body";

const PREVIEW_PAUSE_MS = 800;
const bodyId = fieldId("body");
const noSubscription = () => () => undefined;

/**
 * The page editor. Without JavaScript it is a plain form: Preview and Publish
 * post it and the page comes back with the answer, every typed value kept.
 * With JavaScript the preview and checks follow the typing after a pause.
 */
export function PageEditor({
  initial,
  serverPreview,
  imageError,
  mergeView,
  schedule,
  visual = EMPTY_CONTEXT,
}: {
  initial: EditorState;
  /** "Publish later" (pages that exist): the clinic's time zone and the default time. */
  schedule?: ScheduleOptions;
  /** The site's pages, sources and clinic facts, for the visual editor. */
  visual?: VisualEditorContext;
  /** A refused "Add an image" posted without JavaScript. */
  imageError?: { field: "image" | "alt" | "caption"; message: string };
  /** The preview the Preview button asked for, rendered by the server with the page. */
  serverPreview?: ReactNode;
  /** Overlaps with a colleague's publish to decide (components/staff/editor/merge-view.tsx). */
  mergeView?: ReactNode;
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
  const {
    shown: draftShown,
    saver: draft,
    version: draftVersion,
  } = useDraftAutosave(formRef, initial.values.draftVersion);

  // A new answer from a post replaces whatever the typing-preview showed.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setLive(undefined);
    setDescriptionLength(state.values.fields.description.length);
  }
  // Any answer to a post means nothing was published (a publish goes to the page instead), so
  // the text handed back is still only in the form: keep it as the draft.
  useEffect(() => {
    if (state.answer > 0) draft.changed();
  }, [state, draft]);

  function onInput() {
    const form = formRef.current;
    if (!form) return;
    draft.changed();
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

  return (
    // The preview stands beside the form at desktop widths, from the moment the editor opens; on a
    // phone it follows the form and the tools.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-2">
      <form
        ref={formRef}
        action={formAction}
        onInput={onInput}
        onSubmit={draft.posted}
        key={state.answer}
        noValidate
      >
        {state.formError && <Notice tone="error">{state.formError}</Notice>}
        {/* A publish that overlapped a colleague's opens the editor again with the choices. */}
        {state.answer === 0 && mergeView}
        <input type="hidden" name="isNew" value={values.isNew ? "1" : "0"} />
        <input type="hidden" name="parentId" value={values.parentId} />
        <input type="hidden" name="baseHash" value={values.baseHash} />
        <input type="hidden" name="draftVersion" value={draftVersion} />
        {!values.isNew && <input type="hidden" name="slug" value={values.slug || "index"} />}

        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold">Page details</legend>
          {values.isNew && (
            <Field
              name="slug"
              label="Address"
              hint="Lower-case words joined by hyphens, like new-topic. The page will be at /new-topic."
              errors={errors.slug}
              inputProps={{ defaultValue: values.slug }}
            />
          )}
          {(["top", "grid", "end"] as const).map((place) => {
            const fields = (Object.keys(EDITOR_FIELD_SPECS) as EditorField[])
              .filter((name) => EDITOR_FIELD_SPECS[name].place === place)
              .map((name) => (
                <FrontmatterField
                  key={name}
                  name={name}
                  value={values.fields[name]}
                  error={errors[name]}
                  extra={
                    name === "description" && (
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
                    )
                  }
                />
              ));
            return place === "grid" ? (
              <div key={place} className="grid gap-5 sm:grid-cols-2">
                {fields}
              </div>
            ) : (
              fields
            );
          })}
        </fieldset>

        <div className="mt-8">
          <Label htmlFor={bodyId} className="block text-xl font-semibold">
            Page text
          </Label>
          <Hint id={bodyId}>
            Markdown with the components listed beside it. A blank line starts a paragraph; ##
            starts a section. At most {BODY_MAX.toLocaleString("en-GB")} characters.
          </Hint>
          {/* The problems are the body's error list, with buttons that show their lines. */}
          <BodyProblems problems={shown.bodyProblems} bodyId={bodyId} canJump={scripted} />
          <VisualBody bodyId={bodyId} context={visual}>
            <textarea
              id={bodyId}
              name="body"
              rows={28}
              spellCheck
              defaultValue={values.body}
              maxLength={BODY_HARD_MAX}
              {...describedBy(bodyId, { hint: true, errors: shown.bodyProblems })}
              className={`${fieldClass} mt-2 font-mono text-sm leading-6`}
            />
          </VisualBody>
          <PasteAsMarkdown bodyId={bodyId} />
        </div>

        <div className="mt-8">
          <PublishFields note={values.note} pending={pending} publishLabel="Publish">
            <button
              type="submit"
              formAction={previewPageAction}
              className={secondaryButtonClass}
              disabled={pending}
            >
              Preview
            </button>
          </PublishFields>
          {schedule && (
            <ScheduleFields options={schedule} typed={state.schedule} pending={pending} />
          )}
          <DraftStatus shown={draftShown} onReplace={draft.replaceNewer} />
        </div>
      </form>
      <div className="space-y-6">
        <FigureUpload bodyId={bodyId} page={values} error={imageError} scripted={scripted} />
        <ComponentList bodyId={bodyId} canInsert={scripted} />
      </div>
      <section
        aria-labelledby="preview-heading"
        className="lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-auto"
      >
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

/** One frontmatter field, asked as its entry in EDITOR_FIELD_SPECS says. */
function FrontmatterField({
  name,
  value,
  error,
  extra,
}: {
  name: EditorField;
  value: string;
  error?: string;
  extra?: ReactNode;
}) {
  const { label, help, control } = EDITOR_FIELD_SPECS[name];
  const field = { name, label, hint: help, errors: error };
  switch (control.kind) {
    case "checkbox":
      return (
        <CheckboxField
          {...field}
          inputProps={{ value: "true", defaultChecked: value === "true" }}
        />
      );
    case "textarea":
      return (
        <TextareaField
          {...field}
          textareaProps={{
            rows: control.rows,
            defaultValue: value,
            className: control.monospace ? `${fieldClass} font-mono` : fieldClass,
          }}
        >
          {extra}
        </TextareaField>
      );
    case "select":
      return (
        <SelectField
          {...field}
          options={control.options}
          selectProps={{ defaultValue: value || control.options[0]?.value }}
        >
          {extra}
        </SelectField>
      );
    default:
      return (
        <Field
          {...field}
          inputProps={{
            type: control.kind === "date" ? "date" : "text",
            inputMode: control.kind === "text" ? control.inputMode : undefined,
            defaultValue: value,
          }}
        >
          {extra}
        </Field>
      );
  }
}
