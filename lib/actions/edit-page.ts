"use server";

import "server-only";
import { redirect } from "next/navigation";
import { draftPasses } from "@/lib/content/checks/page-draft";
import { addPageRevision } from "@/lib/db/content-revisions";
import type { PageRevision } from "@/lib/db/types";
import { deletePageDraft } from "@/lib/db/page-drafts";
import { z } from "zod";
import { staffStateAction } from "@/lib/staff/action-client";
import { staffPageHref } from "@/lib/staff/content-params";
import { draftKeyOf } from "@/lib/staff/draft-key";
import { checkEditorValues, previewOf } from "@/lib/staff/editor-checks";
import { readEditorForm } from "@/lib/staff/editor-form";
import { readScheduleForm, type ScheduleValues } from "@/lib/staff/schedule-form";
import { scheduleFromEditor } from "@/lib/staff/schedule-publish";
import { saveFailed } from "@/lib/staff/save-failure";
import { byline, published } from "@/lib/staff/publish-steps";
import { formatTimeOfDay } from "@/lib/staff/format";
import { keepAsDraft } from "@/lib/staff/keep-draft";
import { mergeHref, mergeWithLatest, readMergeChoices } from "@/lib/staff/page-merge";
import type { MergeChoice } from "@/lib/content/merge/merge-page";
import type { EditorState, EditorValues } from "@/lib/validations/editor-state";
import { getSite } from "@/lib/content/site/site";

const SIGNED_OUT =
  "Not published: you are signed out (the 8-hour sign-in ended, or you signed out elsewhere). Your text is still here: sign in again in a new tab, then press Publish again.";

/*
 * The page editor's one action. "preview" checks the text and renders it as
 * visitors would see it, for this staff member only; "publish" does the same
 * checks and, when they pass and nobody published in between, adds a
 * revision and revalidates every static page; "schedule" does the same checks
 * and stores the text to be published later (lib/staff/schedule-publish.ts).
 * Every answer carries the typed values back, so nothing typed is lost.
 */
const editorSchema = z.object({
  // readEditorForm has already cut every value to size; the checks that need the site run below.
  values: z.custom<EditorValues>(),
  intent: z.enum(["preview", "publish", "schedule"]).catch("preview"),
  // How each overlap with a colleague's publish was decided (lib/staff/page-merge.ts).
  choices: z.custom<Record<string, MergeChoice>>(),
  schedule: z.custom<ScheduleValues>(),
});

export const editPageAction = staffStateAction({
  endpoint: "editPageAction",
  read: (formData) => ({
    values: readEditorForm(formData),
    intent: formData.get("intent"),
    choices: readMergeChoices(formData),
    schedule: readScheduleForm(formData),
  }),
  schema: editorSchema,
  routine: ({ intent }) => intent === "preview",
  // Without a session: touch nothing and check nothing, but hand the typed values back to the
  // form they came from, where a redirect would throw away what was typed since the last draft.
  signedOut: (read, previous: EditorState): EditorState => ({
    values: read().values,
    fieldErrors: {},
    bodyProblems: [],
    answer: previous.answer + 1,
    formError: SIGNED_OUT,
  }),
  invalid: (_error, raw, previous) => ({
    values: raw.values,
    fieldErrors: {},
    bodyProblems: [],
    answer: previous.answer + 1,
    formError: "Not published: the form did not arrive whole. Your text is kept; try again.",
  }),
  failed: (error, raw, previous) => ({
    values: raw.values,
    fieldErrors: {},
    bodyProblems: [],
    answer: previous.answer + 1,
    formError: saveFailed(error, "Not published"),
  }),
  run: async ({
    input: { values, intent, choices, schedule },
    previous,
    db,
    now,
    actor,
    record,
  }): Promise<EditorState> => {
    const site = await getSite();
    const check = await checkEditorValues(values, site);
    const answer = previous.answer + 1;
    const fieldErrors: EditorState["fieldErrors"] = { ...check.fieldErrors };
    const base = {
      values,
      fieldErrors,
      bodyProblems: check.bodyProblems,
      answer,
    } satisfies EditorState;

    // Only direct calls (the preview that follows typing) ask for JSX back: a form state holding
    // server components cannot be rendered when the form was posted without JavaScript.
    if (intent === "preview") return { ...base, preview: previewOf(values, check, site) };

    if (!draftPasses(check)) {
      // An existing page's address is a hidden field: its problem is shown in the message itself.
      const address = !values.isNew && check.fieldErrors.slug ? ` ${check.fieldErrors.slug}.` : "";
      return {
        ...base,
        // A refused schedule keeps the date and time typed.
        schedule: intent === "schedule" ? schedule : undefined,
        formError: `${intent === "schedule" ? "Not scheduled" : "Not published"}: fix the problems marked below.${address} Your text is kept.`,
      };
    }
    // The file version the text was based on means nothing for a page without a file.
    const page = site.pages.find((p) => p.slug === values.slug && p.source !== undefined);
    if (intent === "schedule") {
      return scheduleFromEditor({
        values,
        schedule,
        frontmatter: check.frontmatter,
        baseHash: (page?.file && values.baseHash) || null,
        fileSource: page?.file?.source,
        choices,
        site,
        timeZone: site.clinic.timezone,
        base,
        db,
        now,
        actor,
        record,
      });
    }

    let result;
    try {
      result = await addPageRevision(db, {
        slug: values.slug,
        ...byline(actor),
        note: values.note.trim() || null,
        action: "publish",
        frontmatter: check.frontmatter,
        body: values.body,
        baseHash: (page?.file && values.baseHash) || null,
        parentId: values.parentId,
        now,
      });
    } catch (error) {
      return {
        ...base,
        formError: saveFailed(error, "Not published"),
      };
    }
    let note = values.note.trim() || null;
    if (!result.ok && result.latest) {
      // Someone else published since this text was opened: merge rather than replace their work.
      const theirs: PageRevision = result.latest;
      const outcome = await mergeWithLatest(db, {
        values,
        fileSource: page?.file?.source,
        latest: theirs,
        choices,
      });
      const who = `${theirs.author}'s changes of ${formatTimeOfDay(theirs.created_at, site.clinic.timezone)}`;
      if (outcome.kind === "deleted")
        return {
          ...base,
          // Publishing again now knowingly brings the page back with this text.
          values: { ...values, parentId: theirs.id },
          formError: `Not published: ${theirs.author} deleted this page after you opened it. Your text is kept below: publish again to bring the page back with it.`,
        };
      if (values.isNew)
        return {
          ...base,
          formError: `Not published: ${theirs.author} published a page at this address after you started. Your text is kept; choose another address, or copy your text into their page.`,
        };
      if (outcome.kind === "conflicts") {
        // The typed text waits as this person's draft, and the editor opens on it with the overlaps.
        await keepAsDraft(db, actor, values, now);
        redirect(mergeHref(values.slug, choices));
      }
      const merged = { ...values, ...outcome.text };
      const mergedCheck = await checkEditorValues(merged, site);
      if (!draftPasses(mergedCheck))
        return {
          ...base,
          formError: `Not published: your changes combined with ${who} do not pass the checks (${[...Object.values(mergedCheck.fieldErrors), ...mergedCheck.bodyProblems].join("; ")}). Your text is kept; change it and publish again.`,
        };
      note = [note, `Combined with ${who}.`].filter(Boolean).join(" ");
      try {
        result = await addPageRevision(db, {
          slug: values.slug,
          ...byline(actor),
          note,
          action: "publish",
          frontmatter: mergedCheck.frontmatter,
          body: merged.body,
          baseHash: (page?.file && values.baseHash) || null,
          parentId: theirs.id,
          now,
        });
      } catch (error) {
        return { ...base, formError: saveFailed(error, "Not published") };
      }
    }
    if (!result.ok)
      return {
        ...base,
        formError:
          "Not published: someone else published this page again just now. Your text is kept; press Publish again to combine it with theirs.",
      };
    // Published: the draft it was typed in is done (a newer one from another tab stays).
    await deletePageDraft(db, draftKeyOf(actor, values), values.draftVersion);
    record({ event: "page-published", object: { type: "page", id: `/${values.slug}` } });
    return published(
      `${staffPageHref(values.slug)}?notice=${result.revision.parent_id === values.parentId ? "published" : "combined"}`,
    );
  },
});
