import "server-only";
import Link from "next/link";
import { isValidElement, type ReactNode } from "react";

/*
 * Runs every Server Component in a tree the way React's server render would
 * call it (props in, elements out, awaited when async), without producing
 * HTML, so a page that would throw is known before a visitor asks for it.
 * React's own renderers cannot do this here: react-dom/server refuses to load
 * in the Server Components bundle, and its Flight renderer needs the client
 * manifest. Client Components (next/link) run no code of ours, so they are
 * passed over and only what they hold is walked.
 */

const CLIENT_REFERENCE = Symbol.for("react.client.reference");
const HOOK_OUTSIDE_RENDER = /reading '(use[A-Z]\w*)'|Invalid hook call/;

function isClientComponent(type: object): boolean {
  return (type as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE || type === Link;
}

async function walk(node: unknown): Promise<void> {
  if (node === null || node === undefined || typeof node !== "object") return;
  if (node instanceof Promise) return walk(await node);
  if (Array.isArray(node)) {
    for (const child of node) await walk(child);
    return;
  }
  if (!isValidElement(node)) return;
  const { type, props } = node as { type: unknown; props: { children?: ReactNode } };
  if (
    typeof type === "function" &&
    !isClientComponent(type) &&
    !(type.prototype as { isReactComponent?: unknown } | undefined)?.isReactComponent
  ) {
    let output: unknown;
    try {
      output = await (type as (p: unknown) => unknown)(props);
    } catch (error) {
      // A Server Component that calls React's hooks (useId) needs React's dispatcher, which only a
      // real render has: it is left to React, as are the Client Components.
      if (error instanceof Error && HOOK_OUTSIDE_RENDER.test(error.message)) return;
      throw error;
    }
    return walk(output);
  }
  // Tags, fragments and Client Components: what they hold is still ours.
  await walk(props.children);
}

/** Why the tree cannot be rendered (the thrown message), or undefined when it can. */
export async function trialRender(tree: ReactNode): Promise<string | undefined> {
  try {
    await walk(tree);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
