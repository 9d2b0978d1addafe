"use client";

import dynamic from "next/dynamic";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type SyntheticEvent,
} from "react";
import { flushSync } from "react-dom";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { SHOW_SOURCE_EVENT, type VisualEditorContext } from "./editor-context";
import { SourceLines } from "./source-lines";

/*
 * The page text, edited visually. Without JavaScript this renders only its
 * children, today's textarea, so the form is exactly what it was. With it the
 * textarea is hidden behind the visual editor (loaded only here, on editor
 * pages), which writes its MDX into the textarea on every change: the form
 * still posts `body`, so autosave, preview, publish and conflicts work as
 * before. "Source" shows the textarea, with line numbers, and back.
 */

const VisualEditor = dynamic(() => import("./visual-editor").then((m) => m.VisualEditor), {
  ssr: false,
  loading: () => <p className="p-4 text-ink-muted">Opening the editor…</p>,
});

const noSubscription = () => () => undefined;

/** The view last chosen, kept in this browser: whoever works in source stays there after a post. */
const VIEW_KEY = "page-editor-view";

function rememberedSource(): boolean {
  try {
    return typeof window !== "undefined" && window.localStorage.getItem(VIEW_KEY) === "source";
  } catch {
    return false;
  }
}

export function VisualBody({
  bodyId,
  context,
  children,
}: {
  bodyId: string;
  context: VisualEditorContext;
  children: ReactNode;
}) {
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [source, setSource] = useState(rememberedSource);
  // Each switch back to visual re-reads the textarea: a new key imports it afresh.
  const [opened, setOpened] = useState(0);
  const [unreadable, setUnreadable] = useState("");
  const frame = useRef<HTMLDivElement>(null);

  const textarea = useCallback(() => {
    const area = document.getElementById(bodyId);
    return area instanceof HTMLTextAreaElement ? area : null;
  }, [bodyId]);

  useEffect(() => {
    const area = textarea();
    if (!area || !scripted) return;
    area.hidden = !source;
    const show = () => flushSync(() => setSource(true));
    area.addEventListener(SHOW_SOURCE_EVENT, show);
    return () => area.removeEventListener(SHOW_SOURCE_EVENT, show);
  }, [scripted, source, textarea]);

  function toggle() {
    if (source) {
      setOpened((n) => n + 1);
      setUnreadable("");
    }
    setSource(!source);
    try {
      window.localStorage.setItem(VIEW_KEY, source ? "visual" : "source");
    } catch {
      // Not remembered where storage is refused; the switch still works.
    }
  }

  return (
    // One shape with and without JavaScript, so the textarea is the same element after hydration
    // (listeners put on it at hydration, such as the paste conversion, stay on it); without
    // JavaScript only the textarea shows.
    <div>
      {scripted && (
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            aria-pressed={source}
            onClick={toggle}
            className={`${secondaryButtonClass} text-sm`}
          >
            Source
          </button>
          <span className="text-sm text-ink-muted">
            {source
              ? "The page text as MDX. Press Source again to edit it as the page looks."
              : "Edited as visitors will see it. Source shows the text itself."}
          </span>
        </p>
      )}
      {scripted && unreadable && (
        <p role="alert" className="mt-2 font-semibold text-danger">
          This text cannot be shown visually ({unreadable}), so it is shown as source: nothing in it
          was changed. Correct it here, then press Source to go back.
        </p>
      )}
      {scripted && !source && (
        // The editor's own inputs and dialogs must not post the page form or count as its typing.
        <div
          ref={frame}
          className="mt-2"
          onSubmit={stop}
          onInput={stop}
          onKeyDown={(e) => {
            if (e.key === "Enter" && e.target instanceof HTMLInputElement) e.preventDefault();
          }}
        >
          <VisualEditor
            key={opened}
            bodyId={bodyId}
            context={context}
            onCannotShow={(reason) => {
              setUnreadable(reason);
              setSource(true);
            }}
          />
        </div>
      )}
      <SourceLines bodyId={bodyId} shown={scripted && source}>
        {children}
      </SourceLines>
    </div>
  );
}

function stop(event: SyntheticEvent) {
  event.stopPropagation();
}
