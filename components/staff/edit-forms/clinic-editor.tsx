"use client";

import { useActionState } from "react";
import { editClinicAction } from "@/lib/actions/edit-clinic";
import { WEEKDAYS } from "@/lib/validations/clinic-schema";
import {
  CLINIC_FLAGS,
  CLINIC_TEXT_FIELDS,
  type ClinicEditorState,
} from "@/lib/validations/clinic-form";
import { CheckboxField, Choice, Field, FieldGroup, TextareaField } from "@/components/ui/fields";
import { Notice } from "@/components/ui/notice";
import { fieldClass, secondaryButtonClass } from "@/components/ui/form-styles";
import { ClinicMergeFields } from "./clinic-merge-fields";
import { PublishFields } from "./publish-fields";

/**
 * Every clinic detail as a labelled field, the opening hours as rows. Adding
 * and removing a row posts the form, so it works without JavaScript and
 * keeps everything typed. A publish that overlaps a colleague's shows the
 * fields both changed above the form, each with its choice.
 */
export function ClinicEditor({ initial }: { initial: ClinicEditorState }) {
  const [state, formAction, pending] = useActionState(editClinicAction, initial);
  const { values, errors } = state;
  return (
    <form action={formAction} key={state.answer} className="space-y-8" noValidate>
      {state.formError && <Notice tone="error">{state.formError}</Notice>}
      {state.merge && <ClinicMergeFields merge={state.merge} />}
      <input type="hidden" name="parentId" value={values.parentId} />
      <input type="hidden" name="baseHash" value={values.baseHash} />
      <input type="hidden" name="hoursCount" value={values.hours.length} />
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-2 text-xl font-semibold">Details</legend>
        {CLINIC_TEXT_FIELDS.map((field) => {
          const common = {
            name: field.name,
            label: field.label,
            errors: errors[field.name],
          };
          const defaultValue = values.text[field.name];
          return "multiline" in field ? (
            <TextareaField
              key={field.name}
              {...common}
              className="space-y-1 sm:col-span-2"
              textareaProps={{ rows: 4, defaultValue }}
            />
          ) : (
            <Field key={field.name} {...common} inputProps={{ defaultValue }} />
          );
        })}
        {CLINIC_FLAGS.map((flag) => (
          <CheckboxField
            key={flag.name}
            name={flag.name}
            label={flag.label}
            className="sm:col-span-2"
            inputProps={{ value: "true", defaultChecked: values.flags[flag.name] }}
          />
        ))}
      </fieldset>

      <FieldGroup
        name="hours"
        legend="Opening hours"
        legendClassName="mb-2 text-xl font-semibold"
        errors={errors.hours}
      >
        <ol className="space-y-4">
          {values.hours.map((row, i) => (
            <li key={i} className="rounded-lg border border-line p-4">
              <FieldGroup
                name={`hours.${i}.days`}
                legend={`Opening time ${i + 1}: days`}
                errors={errors[`hours.${i}.days`]}
              >
                <div className="flex flex-wrap gap-x-5">
                  {WEEKDAYS.map((day) => (
                    <Choice
                      key={day}
                      type="checkbox"
                      name={`hours.${i}.days`}
                      value={day}
                      label={day}
                      defaultChecked={row.days.includes(day)}
                      invalid={Boolean(errors[`hours.${i}.days`])}
                    />
                  ))}
                </div>
              </FieldGroup>
              <div className="mt-3 flex flex-wrap items-end gap-4">
                {(["opens", "closes"] as const).map((key) => (
                  <Field
                    key={key}
                    name={`hours.${i}.${key}`}
                    label={`${key === "opens" ? "Opens" : "Closes"} (24-hour, like 09:00)`}
                    errors={errors[`hours.${i}.${key}`]}
                    inputProps={{
                      defaultValue: row[key],
                      inputMode: "numeric",
                      className: `${fieldClass} w-32`,
                    }}
                  />
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
      </FieldGroup>

      <PublishFields note={values.note} pending={pending} publishLabel="Publish clinic details" />
    </form>
  );
}
