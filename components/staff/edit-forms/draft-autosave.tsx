"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type RefObject } from "react";
import { saveDraftAction } from "@/lib/actions/page-draft";
import type { DraftSaveAnswer } from "@/lib/validations/editor-state";

/*
 * The editor's draft, saved on the server a short pause after the typing
 * stops. Nothing typed may be lost: a save that fails keeps the text on the
 * page, says so and tries again; leaving the editor while typing is not yet
 * saved first saves it (links and other forms inside the app) or asks
 * (closing the tab, another site). Publish and Preview post the text
 * themselves, so they neither wait nor ask.
 */
const SAVE_PAUSE_MS = 1200;
const RETRY_MS = 10_000;
const LEAVE_ANYWAY =
  "Your latest typing could not be saved as a draft. Leave this page anyway and lose it?";

type Shown = DraftSaveAnswer | { status: "idle" };
type Saver = ReturnType<typeof draftSaver>;

/** The saving itself, outside React: one per editor, kept across renders. */
function draftSaver(
  form: RefObject<HTMLFormElement | null>,
  show: (shown: Shown) => void,
  startVersion: number,
  onVersion: (version: number) => void,
) {
  // Kept here, not read back from the form: React resets a hidden field's value when it renders.
  let version = startVersion;
  let dirty = false;
  let leaving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<boolean> | undefined;
  // The form is remounted with each answer to a post; the last one seen still holds the text.
  let lastForm: HTMLFormElement | null = null;
  const current = () => form.current ?? lastForm;

  async function save(): Promise<boolean> {
    clearTimeout(timer);
    // One save at a time, so each is made on the version the one before it returned.
    while (running) await running;
    const node = current();
    if (!dirty || !node) return !dirty;
    dirty = false;
    const data = new FormData(node);
    data.set("draftVersion", String(version));
    const run = (async () => {
      let answer: DraftSaveAnswer;
      try {
        answer = await saveDraftAction(data);
      } catch {
        answer = { status: "failed" };
      }
      show(answer);
      if (answer.status === "saved") {
        version = answer.version;
        onVersion(version);
        return true;
      }
      dirty = true;
      if (answer.status !== "elsewhere") timer = setTimeout(() => void save(), RETRY_MS);
      return false;
    })();
    running = run;
    try {
      return await run;
    } finally {
      // A save that was waiting for this one may have started already: leave it marked.
      if (running === run) running = undefined;
    }
  }

  return {
    save,
    /** Typing is not yet on the server (and the person is not already leaving on purpose). */
    unsaved: () => !leaving && (dirty || running !== undefined),
    /** The typing changed: save after a pause. */
    changed() {
      lastForm = form.current;
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => void save(), SAVE_PAUSE_MS);
    },
    /** Publish or Preview posts the text itself; a refused publish hands it back (`changed`). */
    posted() {
      clearTimeout(timer);
      dirty = false;
    },
    /** "Keep this text": save it over the newer draft saved elsewhere. */
    replaceNewer(newer: number) {
      version = newer;
      dirty = true;
      void save();
    },
    /** Leaves once the typing is saved, or when the person says to leave without it. */
    async leave(go: () => void) {
      if ((await save()) || window.confirm(LEAVE_ANYWAY)) {
        leaving = true;
        go();
      }
    },
    isEditorForm: (target: EventTarget | null) => target === current(),
    stop() {
      clearTimeout(timer);
      // Left some other way (the browser's Back): the request still goes out.
      if (dirty) void save();
    },
  };
}

/**
 * The autosave of one editor, and the draft version its form must post (so
 * that a publish clears the draft it was typed in).
 */
export function useDraftAutosave(form: RefObject<HTMLFormElement | null>, startVersion: number) {
  const router = useRouter();
  const [shown, setShown] = useState<Shown>({ status: "idle" });
  const [version, setVersion] = useState(startVersion);
  const [saver] = useState<Saver>(() => draftSaver(form, setShown, startVersion, setVersion));

  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (saver.unsaved()) event.preventDefault();
    }
    function onClick(event: MouseEvent) {
      if (!saver.unsaved() || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target || link.origin !== location.origin)
        return;
      if (link.pathname === location.pathname && link.search === location.search) return;
      event.preventDefault();
      event.stopPropagation();
      void saver.leave(() => router.push(link.pathname + link.search + link.hash));
    }
    function onSubmit(event: SubmitEvent) {
      const target = event.target as HTMLFormElement;
      if (saver.isEditorForm(target) || target.dataset.keepsDraft || !saver.unsaved()) return;
      event.preventDefault();
      event.stopPropagation();
      const submitter = event.submitter;
      void saver.leave(() => target.requestSubmit(submitter));
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
      saver.stop();
    };
  }, [saver, router]);

  return { shown, saver, version };
}

/** The small line under the editor's buttons, read out politely when it changes. */
export function DraftStatus({
  shown,
  onReplace,
}: {
  shown: Shown;
  onReplace: (version: number) => void;
}) {
  const time = (iso: string | undefined) =>
    iso
      ? new Date(iso).toLocaleTimeString([], {
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        })
      : "";
  const problem = shown.status !== "idle" && shown.status !== "saved";
  return (
    <div
      role="status"
      className={problem ? "mt-3 font-semibold text-danger" : "mt-3 text-sm text-ink-muted"}
    >
      {shown.status === "saved" && <p>Draft saved {time(shown.savedAt)}</p>}
      {shown.status === "failed" && (
        <p>
          Draft not saved: the server did not answer. Your text is still here; trying again in a few
          seconds.
        </p>
      )}
      {shown.status === "signed-out" && (
        <p>
          Draft not saved: you are signed out. Your text is still here.{" "}
          <a href="/staff" target="_blank" rel="noopener" className="underline">
            Sign in again in a new tab
          </a>{" "}
          with the same name; this page then saves it by itself.
        </p>
      )}
      {shown.status === "elsewhere" && (
        <p>
          Draft not saved: a newer draft of this page was saved
          {shown.savedAt ? ` at ${time(shown.savedAt)}` : ""} in another tab or sign-in. Your text
          is still here.{" "}
          <button type="button" className="underline" onClick={() => onReplace(shown.version)}>
            Keep this text as the draft
          </button>
        </p>
      )}
    </div>
  );
}
