"use client";

import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from "react";
import {
  consultationSchema,
  readConsultationForm,
  toFieldErrors,
  type FieldErrors,
} from "@/lib/validations/consultation";
import { CONSULTATION_FIELDS } from "@/lib/validations/consultation-fields";

const fields: readonly string[] = CONSULTATION_FIELDS.map((field) => field.name);

export function validateForm(form: HTMLFormElement): FieldErrors {
  const result = consultationSchema.safeParse(readConsultationForm(new FormData(form)));
  return result.success ? {} : toFieldErrors(result.error);
}

/**
 * Field errors shown beside inputs, checked with the same schema the server
 * uses. An error goes away as soon as its field is fixed; a new one appears as
 * focus leaves a field the visitor has edited. Nobody is scolded for a field
 * they have not touched (someone tabbing through to read the form), nor half-way
 * through a list: moving between options of one group does not count as
 * leaving. Missing answers are listed on submit.
 */
export function useClientValidation(initial: FieldErrors) {
  const [errors, setErrors] = useState<FieldErrors>(initial);
  const edited = useRef(new Set<string>());
  const afterPress = useAfterPress();

  function recheck(form: HTMLFormElement, left?: string) {
    afterPress(() => {
      // Checked once the press is over, so an option just clicked counts.
      const found = validateForm(form);
      setErrors((shown) => {
        const updated: FieldErrors = {};
        for (const field of Object.keys(shown) as (keyof FieldErrors)[]) {
          if (found[field]) updated[field] = found[field];
        }
        const name = left as keyof FieldErrors | undefined;
        if (name && found[name] && edited.current.has(name)) updated[name] = found[name];
        return sameErrors(shown, updated) ? shown : updated;
      });
    });
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    edited.current.add((event.target as unknown as { name: string }).name);
    recheck(event.currentTarget);
  }

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const { name } = event.target as unknown as { name: string };
    const next = event.relatedTarget as { name?: string } | null;
    if (!fields.includes(name) || next?.name === name) return;
    recheck(event.currentTarget, name);
  }

  return { errors, setErrors, onBlur, onChange };
}

function sameErrors(a: FieldErrors, b: FieldErrors): boolean {
  const keys = Object.keys(a) as (keyof FieldErrors)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Runs a layout-changing update only once the press that moved focus is over.
 * Focus moves when a mouse button goes down (for touch, within the tap), before
 * the click: an error appearing or going away right then would shift the option
 * under the pointer, and the click would land elsewhere or nowhere.
 */
function useAfterPress() {
  const pressed = useRef(false);
  const waiting = useRef<(() => void)[]>([]);

  useEffect(() => {
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      pressed.current = false;
      const run = waiting.current.splice(0);
      // A task later, the click that follows this release has been dispatched.
      if (run.length > 0) setTimeout(() => run.forEach((update) => update()));
    };
    // A press released outside the window may never send pointerup; losing focus ends it too.
    const ends = ["pointerup", "pointercancel"] as const;
    document.addEventListener("pointerdown", down, true);
    for (const type of ends) document.addEventListener(type, up, true);
    window.addEventListener("blur", up);
    return () => {
      document.removeEventListener("pointerdown", down, true);
      for (const type of ends) document.removeEventListener(type, up, true);
      window.removeEventListener("blur", up);
    };
  }, []);

  return (update: () => void) => {
    if (pressed.current) waiting.current.push(update);
    // A tap's mouse events (and the focus change) come after pointerup, all in one task.
    else setTimeout(update);
  };
}
