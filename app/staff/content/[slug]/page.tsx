import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmDeleteForm } from "@/components/staff/confirm-delete-form";
import { deletePageAction } from "@/lib/actions/page-revisions";
import { DraftOffer } from "@/components/staff/edit-forms/draft-offer";
import { PageEditor } from "@/components/staff/edit-forms/page-editor";
import { MergeView } from "@/components/staff/editor/merge-view";
import { PresenceWatch } from "@/components/staff/presence/presence-watch";
import { SharePanel } from "@/components/staff/share/share-panel";
import { ScheduledPublishNotice } from "@/components/staff/scheduled-publish-notice";
import { Notice } from "@/components/ui/notice";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { pageClass } from "@/components/ui/form-styles";
import { loadSite } from "@/lib/content/site/site";
import { getDb } from "@/lib/db/client";
import { latestSchedules } from "@/lib/db/scheduled-publishes";
import { requirePage } from "@/lib/staff/guard";
import {
  contentQuerySchema,
  pageParamSchema,
  SAVE_FAILED_TEXT,
  staffPageHref,
} from "@/lib/staff/content-params";
import { editorImageError } from "@/lib/staff/editor-image";
import { openEditor } from "@/lib/staff/open-editor";
import { choicesFromQuery, combinedNotice, openMerge } from "@/lib/staff/page-merge";
import { openPresence } from "@/lib/staff/presence";
import { sharePanelState } from "@/lib/staff/review-links";
import { scheduleDefaults, scheduleFromQuery } from "@/lib/staff/schedule-form";
import { scheduledCombinedNotice } from "@/lib/staff/schedule-publish";
import { scheduleStatus } from "@/lib/staff/schedule-status";
import { visualEditorContext } from "@/lib/staff/visual-editor-context";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Edit page");

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const NOTICES = {
  published: "Published. Visitors see it now.",
  combined: "Published, combined with a colleague's changes. Visitors see it now.",
  restored: "The earlier version is restored and published.",
  file: "Back to the version in content/: the browser edits are no longer shown.",
  deleted: "",
  "delete-error": "Not deleted: tick the box to confirm.",
  "save-failed": SAVE_FAILED_TEXT,
  scheduled: "Scheduled. It is published by itself at the time shown below.",
  "scheduled-combined":
    "Scheduled, combined with a colleague's changes. It is published by itself at the time shown below.",
  "schedule-cancelled": "The scheduled publish is cancelled: nothing will be published.",
  "schedule-too-late":
    "Not cancelled: the scheduled publish has already been made, or is being made now. Its result is shown below and in the history.",
};

export default async function EditPage({ params, searchParams }: Props) {
  const actor = await requirePage("/staff/content/[slug]");
  const slug = pageParamSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const db = await getDb();
  const site = await loadSite(db, { includeDrafts: true });
  const page = site.pages.find((p) => p.slug === slug.data && p.source !== undefined);
  if (!page) notFound();
  const query = await searchParams;
  const { notice } = contentQuerySchema.parse(query);
  const editor = await openEditor({
    actor,
    page,
    slug: page.slug,
    resume: query.draft === "continue",
    site,
  });
  const entry = site.entries.find((e) => e.slug === page.slug);
  const timeZone = site.clinic.timezone;
  // After a publish that overlapped a colleague's: the places to decide (lib/staff/page-merge.ts).
  const merge =
    query.merge === "1" && !editor.offer
      ? await openMerge(db, {
          values: editor.initial.values,
          page,
          choices: choicesFromQuery(query.keep),
        })
      : undefined;
  const [newestSchedule] = await latestSchedules(db, page.slug);
  const noticeText =
    notice === "combined"
      ? ((await combinedNotice(db, page, timeZone)) ?? NOTICES.combined)
      : notice === "scheduled-combined"
        ? ((await scheduledCombinedNotice(db, newestSchedule, timeZone)) ??
          NOTICES["scheduled-combined"])
        : notice && NOTICES[notice];
  const [presence, shared] = await Promise.all([
    openPresence({ actor, slug: page.slug, timeZone }),
    sharePanelState(page.slug, timeZone),
  ]);
  const schedule = scheduleStatus(newestSchedule, {
    timeZone,
    latestRevisionAt: page.revision?.created_at,
  });

  return (
    // Wider than other staff pages: the editor and its preview stand side by side.
    <div className={`${pageClass} lg:max-w-7xl`}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Edit: {entry?.frontmatter.title ?? page.href}</h1>
      <p className="mt-2 flex flex-wrap gap-x-6">
        <Link href={page.href} className="underline">
          View {page.href}
        </Link>
        <Link href={`${staffPageHref(page.slug)}/history`} className="underline">
          History
        </Link>
      </p>
      <PresenceWatch {...presence} />
      {notice && notice !== "deleted" && (
        <Notice
          tone={
            notice === "delete-error" || notice === "save-failed" || notice === "schedule-too-late"
              ? "error"
              : "success"
          }
        >
          {noticeText}
        </Notice>
      )}
      {page.conflict && (
        <Notice tone="error">
          This page changed in both places: in the browser and in content/.{" "}
          <Link href={`${staffPageHref(page.slug)}/history`} className="underline">
            Choose which to keep
          </Link>
          .
        </Notice>
      )}
      {schedule && <ScheduledPublishNotice status={schedule} />}
      <div className="mt-6">
        {editor.offer ? (
          <DraftOffer offer={editor.offer} page={editor.initial.values} timeZone={timeZone} />
        ) : (
          <PageEditor
            key={editor.initial.values.draftVersion}
            initial={editor.initial}
            serverPreview={editor.preview}
            visual={await visualEditorContext(site, db)}
            imageError={editorImageError(query["image-error"])}
            mergeView={merge && <MergeView merge={merge} timeZone={timeZone} />}
            schedule={{
              defaults: scheduleFromQuery(query) ?? scheduleDefaults(new Date(), timeZone),
              timeZone,
            }}
          />
        )}
      </div>
      <SharePanel slug={page.slug} initial={shared} />
      {!page.file && page.browserEdited && (
        <ConfirmDeleteForm
          id="delete-page"
          action={deletePageAction}
          fields={{ slug: page.slug, parentId: page.revision?.id ?? 0 }}
          heading="Delete this page"
          confirm={`Yes, delete /${page.slug}. It leaves the site and the menu.`}
          button="Delete page"
        />
      )}
      {page.file && (
        <p className="mt-8 text-sm text-ink-muted">
          This page comes from content/, so it cannot be deleted here: tick Draft to hide it.
        </p>
      )}
    </div>
  );
}
