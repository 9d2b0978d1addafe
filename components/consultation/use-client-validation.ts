"use client";

import { useState, type FocusEvent } from "react";
import {
  consultationSchema,
  toFieldErrors,
  type FieldErrors,
} from "@/lib/validations/consultation";
import { CONSULTATION_FIELDS } from "@/lib/validations/consultation";
import { readConsultationForm } from "@/lib/validations/consultation-form-data";

const fields: readonly string[] = CONSULTATION_FIELDS;

export function validateForm(form: HTMLFormElement): FieldErrors {
  const result = consultationSchema.safeParse(readConsultationForm(new FormData(form)));
  return result.success ? {} : toFieldErrors(result.error);
}

/**
 * Field errors shown beside inputs. A field is checked as focus leaves it, with
 * the same schema the server uses; moving between options of one group does
 * not count as leaving, so nobody is scolded half-way through a list.
 */
export function useClientValidation(initial: FieldErrors) {
  const [errors, setErrors] = useState<FieldErrors>(initial);

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const target = event.target as unknown as { name: string };
    const next = event.relatedTarget as { name?: string } | null;
    if (!fields.includes(target.name) || next?.name === target.name) return;
    const found = validateForm(event.currentTarget);
    setErrors((shown) => {
      const updated: FieldErrors = {};
      // Keep only errors that still apply; add the one for the field just left.
      for (const [field, message] of Object.entries(shown) as [keyof FieldErrors, string][]) {
        if (found[field]) updated[field] = found[field] ?? message;
      }
      const name = target.name as keyof FieldErrors;
      if (found[name]) updated[name] = found[name];
      return updated;
    });
  }

  return { errors, setErrors, onBlur };
}
