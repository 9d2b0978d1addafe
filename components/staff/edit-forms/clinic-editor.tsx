"use client";

import { useActionState } from "react";
import { editClinicAction } from "@/lib/actions/edit-clinic";
import { WEEKDAYS } from "@/lib/validations/clinic-schema";
import {
  CLINIC_FLAGS,
  CLINIC_TEXT_FIELDS,
  type ClinicEditorState,
} from "@/lib/validations/clinic-form";
import { Notice } from "@/components/ui/notice";
import { fieldClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { PublishFields } from "./labelled-field";

/**
 * Every clinic detail as a labelled field, the opening hours as rows. Adding
 * and removing a row posts the form, so it works without JavaScript and
 * keeps everything typed.
 */
export function ClinicEditor({ initial }: { initial: ClinicEditorState }) {
  const [state, formAction, pending] = useActionState(editClinicAction, initial);
  const { values, errors } = state;
  const described = (name: string) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": `error-${name}` } : {};
  const error = (name: string) =>
    errors[name] && (
      <p id={`error-${name}`} className="mt-1 font-semibold text-danger">
        {errors[name]}
      </p>
    );

  return (
    <form action={formAction} key={state.answer} className="space-y-8" noValidate>
      {state.formError && <Notice tone="error">{state.formError}</Notice>}
      <input type="hidden" name="parentId" value={values.parentId} />
      <input type="hidden" name="baseHash" value={values.baseHash} />
      <input type="hidden" name="hoursCount" value={values.hours.length} />
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-2 text-xl font-semibold">Details</legend>
        {CLINIC_TEXT_FIELDS.map((field) => (
          <div key={field.name} className={"multiline" in field ? "sm:col-span-2" : undefined}>
            <label htmlFor={`clinic-${field.name}`} className="mb-1 block font-semibold">
              {field.label}
            </label>
            {"multiline" in field ? (
              <textarea
                id={`clinic-${field.name}`}
                name={field.name}
                rows={4}
                defaultValue={values.text[field.name]}
                className={fieldClass}
                {...described(field.name)}
              />
            ) : (
              <input
                id={`clinic-${field.name}`}
                name={field.name}
                defaultValue={values.text[field.name]}
                className={fieldClass}
                {...described(field.name)}
              />
            )}
            {error(field.name)}
          </div>
        ))}
        {CLINIC_FLAGS.map((flag) => (
          <div key={flag.name} className="flex items-center gap-3 sm:col-span-2">
            <input
              id={`clinic-${flag.name}`}
              name={flag.name}
              type="checkbox"
              value="true"
              defaultChecked={values.flags[flag.name]}
              className="size-6"
            />
            <label htmlFor={`clinic-${flag.name}`} className="font-semibold">
              {flag.label}
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-xl font-semibold">Opening hours</legend>
        {error("hours")}
        <ol className="space-y-4">
          {values.hours.map((row, i) => (
            <li key={i} className="rounded-lg border border-line p-4">
              <fieldset>
                <legend className="font-semibold">Opening time {i + 1}: days</legend>
                <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                  {WEEKDAYS.map((day) => (
                    <label key={day} className="inline-flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        name={`hours.${i}.days`}
                        value={day}
                        defaultChecked={row.days.includes(day)}
                        className="size-6"
                      />
                      {day}
                    </label>
                  ))}
                </div>
                {error(`hours.${i}.days`)}
              </fieldset>
              <div className="mt-3 flex flex-wrap items-end gap-4">
                {(["opens", "closes"] as const).map((key) => (
                  <div key={key}>
                    <label htmlFor={`hours-${i}-${key}`} className="mb-1 block font-semibold">
                      {key === "opens" ? "Opens" : "Closes"} (24-hour, like 09:00)
                    </label>
                    <input
                      id={`hours-${i}-${key}`}
                      name={`hours.${i}.${key}`}
                      defaultValue={row[key]}
                      inputMode="numeric"
                      className={`${fieldClass} w-32`}
                      {...described(`hours.${i}.${key}`)}
                    />
                    {error(`hours.${i}.${key}`)}
                  </div>
                ))}
                <button
                  type="submit"
                  name="intent"
                  value={`remove-${i}`}
                  className={secondaryButtonClass}
                  disabled={pending}
                >
                  Remove opening time {i + 1}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="submit"
          name="intent"
          value="add-row"
          className={`${secondaryButtonClass} mt-4`}
          disabled={pending}
        >
          Add an opening time
        </button>
      </fieldset>

      <PublishFields
        author={values.author}
        authorError={errors.author}
        note={values.note}
        pending={pending}
        publishLabel="Publish clinic details"
      />
    </form>
  );
}
