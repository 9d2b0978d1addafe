import type { ComponentProps, ReactNode, Ref } from "react";
import {
  checkClass,
  errorClass,
  fieldClass,
  hintClass,
  labelClass,
} from "@/components/ui/form-styles";

/*
 * The one field kit of every form: the consultation form, the staff editors and
 * the sign-in pages (after Epic Stack's app/components/forms.tsx, without a form
 * library). One id scheme: a control is `field-<name>`, its hint `<id>-hint` and
 * its error `<id>-error`, and its aria-describedby names exactly those shown, so
 * an error summary can link to a field and a screen reader reads the hint and
 * the error with it. No hooks: these render in Server Components, without
 * JavaScript, and inside the client forms alike.
 */

/** One message, several, or none (empty strings and nulls count as none). */
export type FieldErrors = string | readonly (string | null | undefined)[] | null | undefined;

export function errorMessages(errors: FieldErrors): string[] {
  const list = typeof errors === "string" ? [errors] : (errors ?? []);
  return list.filter((message): message is string => Boolean(message));
}

// Form names such as hours.0.opens become ids that work as #fragments and CSS selectors.
const idPart = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, "-");

/** The id of the control for a form name (the target of an error summary link). */
export const fieldId = (name: string) => `field-${idPart(name)}`;
/** The id of one option of a group of radios or checkboxes. */
export const optionId = (name: string, value: string) => `${fieldId(name)}-${idPart(value)}`;
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/**
 * What ties a control to its help: aria-describedby joins the hint, the error
 * and a form-wide error about it (a wrong password), and a field with either
 * error is aria-invalid.
 */
export function describedBy(
  id: string,
  { hint, errors, formErrorId }: { hint?: unknown; errors?: FieldErrors; formErrorId?: string },
) {
  const own = errorMessages(errors).length > 0;
  const invalid = own || Boolean(formErrorId);
  const ids = [hint ? hintId(id) : null, own ? errorId(id) : null, formErrorId || null];
  const joined = ids.filter(Boolean).join(" ");
  return {
    "aria-invalid": invalid ? (true as const) : undefined,
    "aria-describedby": joined || undefined,
  };
}

type Requirement = "required" | "optional";

export function Label({
  htmlFor,
  requirement,
  className = labelClass,
  children,
}: {
  htmlFor: string;
  /** Shown after the label as "(required)" or "(optional)", where a form marks every field. */
  requirement?: Requirement;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className={className}>
      {children}
      {requirement ? <RequirementMark requirement={requirement} /> : null}
    </label>
  );
}

function RequirementMark({ requirement }: { requirement: Requirement }) {
  return <span className="font-normal text-ink-muted"> ({requirement})</span>;
}

/** The hint of the control with this id. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={hintId(id)} className={hintClass}>
      {children}
    </p>
  );
}

/**
 * The error of the control with this id: nothing, one message, or a list of
 * them, each starting with `named` ("Alt text: …") when given.
 */
export function ErrorList({
  id,
  errors,
  named,
}: {
  id: string;
  errors?: FieldErrors;
  named?: string;
}) {
  const messages = errorMessages(errors);
  if (messages.length === 0) return null;
  const prefix = (
    <>
      <span className="sr-only">Error: </span>
      {named ? `${named}: ` : null}
    </>
  );
  if (messages.length === 1) {
    return (
      <p id={errorId(id)} className={errorClass}>
        {prefix}
        {messages[0]}
      </p>
    );
  }
  return (
    <ul id={errorId(id)} className={`${errorClass} list-disc pl-5`}>
      {messages.map((message) => (
        <li key={message}>
          {prefix}
          {message}
        </li>
      ))}
    </ul>
  );
}

/** What every single-control field is asked for. */
type FieldProps = {
  name: string;
  label: ReactNode;
  /** Defaults to fieldId(name); give one only where two forms on a page share a name. */
  id?: string;
  hint?: ReactNode;
  errors?: FieldErrors;
  requirement?: Requirement;
  /** Set where every message already names its field (the consultation catalogue's); else an error starts with the label. */
  messagesNameField?: boolean;
  /** The id of an error shown for the whole form that is about this field too (a wrong password). */
  formErrorId?: string;
  className?: string;
  /** Shown after the control, such as a character count. */
  children?: ReactNode;
};

/** The control's own attributes, without the ones the kit sets. */
type ControlProps<T extends "input" | "textarea" | "select"> = Omit<
  ComponentProps<T>,
  "id" | "name" | "aria-invalid" | "aria-describedby" | "children"
>;

/**
 * A message such as "Describe what the image shows" is read apart from its
 * field (in a list of problems, by a screen reader moving line by line), so it
 * starts with the field's label unless the messages name their field themselves.
 */
function namedBy(label: ReactNode, messagesNameField?: boolean): string | undefined {
  return !messagesNameField && typeof label === "string" ? label : undefined;
}

/** Label, hint and error above the control, where they are seen before it is filled in. */
function Frame({
  id,
  field,
  control,
}: {
  id: string;
  field: FieldProps;
  control: (attributes: ReturnType<typeof describedBy> & { id: string; name: string }) => ReactNode;
}) {
  const { name, label, hint, errors, requirement, formErrorId, className, children } = field;
  const named = namedBy(label, field.messagesNameField);
  return (
    <div className={className ?? "space-y-1"}>
      <Label htmlFor={id} requirement={requirement}>
        {label}
      </Label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <ErrorList id={id} errors={errors} named={named} />
      {control({ id, name, ...describedBy(id, { hint, errors, formErrorId }) })}
      {children}
    </div>
  );
}

/** A labelled input (text, email, password, date, file…). */
export function Field({
  inputProps,
  ...field
}: FieldProps & { inputProps?: ControlProps<"input"> }) {
  return (
    <Frame
      id={field.id ?? fieldId(field.name)}
      field={field}
      control={(attributes) => <input className={fieldClass} {...inputProps} {...attributes} />}
    />
  );
}

export function TextareaField({
  textareaProps,
  ...field
}: FieldProps & { textareaProps?: ControlProps<"textarea"> }) {
  return (
    <Frame
      id={field.id ?? fieldId(field.name)}
      field={field}
      control={(attributes) => (
        <textarea className={fieldClass} {...textareaProps} {...attributes} />
      )}
    />
  );
}

export function SelectField({
  options,
  selectProps,
  ...field
}: FieldProps & {
  options: readonly { value: string; label: string }[];
  selectProps?: ControlProps<"select">;
}) {
  return (
    <Frame
      id={field.id ?? fieldId(field.name)}
      field={field}
      control={(attributes) => (
        <select className={`${fieldClass} min-h-11`} {...selectProps} {...attributes}>
          {options.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** One checkbox with its label beside it: the error above the row, the hint under the label. */
export function CheckboxField({
  inputProps,
  ...field
}: Omit<FieldProps, "children"> & { inputProps?: Omit<ControlProps<"input">, "type"> }) {
  const id = field.id ?? fieldId(field.name);
  const { name, label, hint, errors, requirement, formErrorId, className } = field;
  return (
    <div className={className ?? "space-y-1"}>
      <ErrorList id={id} errors={errors} named={namedBy(label, field.messagesNameField)} />
      <div className="flex min-h-11 items-start gap-3 py-1">
        <input
          type="checkbox"
          className={checkClass}
          {...inputProps}
          id={id}
          name={name}
          {...describedBy(id, { hint, errors, formErrorId })}
        />
        <div>
          <Label htmlFor={id} requirement={requirement} className="text-ink">
            {label}
          </Label>
          {hint ? <Hint id={id}>{hint}</Hint> : null}
        </div>
      </div>
    </div>
  );
}

/**
 * Radios, checkboxes or several controls answering one question, in a fieldset
 * so the legend is read with each of them. The hint and error belong to the
 * fieldset, at `field-<name>-hint` and `field-<name>-error`.
 */
export function FieldGroup({
  name,
  legend,
  hint,
  errors,
  requirement,
  messagesNameField,
  legendClassName = labelClass,
  className = "space-y-2",
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  requirement?: Requirement;
  messagesNameField?: boolean;
  legendClassName?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = fieldId(name);
  // aria-invalid belongs to the options (Choice), not to a group.
  const described = describedBy(id, { hint, errors })["aria-describedby"];
  return (
    <fieldset id={id} aria-describedby={described} className={className}>
      <legend className={legendClassName}>
        {legend}
        {requirement ? <RequirementMark requirement={requirement} /> : null}
      </legend>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <ErrorList id={id} errors={errors} named={namedBy(legend, messagesNameField)} />
      {children}
    </fieldset>
  );
}

/** One radio or checkbox of a FieldGroup; `invalid` when the group's answer is in error. */
export function Choice({
  type,
  name,
  value,
  label,
  invalid,
  defaultChecked,
}: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: ReactNode;
  invalid?: boolean;
  defaultChecked?: boolean;
}) {
  const id = optionId(name, value);
  return (
    <div className="flex min-h-11 items-start gap-3 py-1">
      <input
        type={type}
        id={id}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-invalid={invalid ? true : undefined}
        className={checkClass}
      />
      <label htmlFor={id} className="text-ink">
        {label}
      </label>
    </div>
  );
}

/**
 * The problems of a refused form at its top, each a link to its field. The
 * form moves focus here (tabIndex -1) after a refused submit, so it is read at once.
 */
export function ErrorSummary({
  title,
  problems,
  ref,
}: {
  title: ReactNode;
  problems: readonly { target: string; message: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-md border-4 border-danger bg-danger-soft p-4 focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus"
    >
      <h2 id="error-summary-title" className="text-lg font-bold text-ink">
        {title}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map(({ target, message }) => (
          <li key={target}>
            <a
              href={`#${target}`}
              className="font-semibold text-danger underline underline-offset-2"
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
