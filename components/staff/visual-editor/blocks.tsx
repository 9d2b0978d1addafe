"use client";

import {
  NestedLexicalEditor,
  useLexicalNodeRemove,
  useMdastNodeUpdater,
  type JsxComponentDescriptor,
  type JsxEditorProps,
} from "@mdxeditor/editor";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
import { useContext, useId } from "react";
import {
  COMPONENT_CATALOGUE,
  COMPONENT_NAMES,
  type ComponentName,
} from "@/lib/validations/component-catalogue";
import { propFields } from "@/lib/validations/component-fields";
import { fieldLabel, INLINE_COMPONENTS } from "@/lib/content/visual/block-form";
import { EditorSiteContext } from "./editor-context";

/*
 * How each catalogue component looks in the visual editor: a block with its
 * values as small fields and its children edited visually inside; clinic
 * facts as their live value, marked as coming from clinic details, which
 * cannot be typed over; anything unknown as a locked block showing its text,
 * kept exactly as written.
 */

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

const FACTS: ReadonlySet<string> = new Set(
  COMPONENT_NAMES.filter(
    (name) => COMPONENT_CATALOGUE[name].holds === "nothing" && !["Cite", "Figure"].includes(name),
  ),
);

export function attributesOf(node: JsxNode): Record<string, string> {
  const values: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string")
      values[attribute.name] = attribute.value;
  }
  return values;
}

/** New attributes with one value changed, the others kept in their order; "" removes it. */
function withValue(node: JsxNode, name: string, value: string): MdxJsxAttribute[] {
  const kept = node.attributes.filter(
    (a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name !== name,
  );
  const index = node.attributes.findIndex((a) => a.type === "mdxJsxAttribute" && a.name === name);
  if (value === "") return kept;
  const attribute: MdxJsxAttribute = { type: "mdxJsxAttribute", name, value };
  if (index < 0) return [...kept, attribute];
  return [...kept.slice(0, index), attribute, ...kept.slice(index)];
}

const frame = "my-3 rounded-lg border-2 border-line bg-surface-raised p-3 not-prose";
const tag = "text-xs font-semibold uppercase tracking-wide text-ink-muted";

function RemoveButton({ name }: { name: string }) {
  const remove = useLexicalNodeRemove();
  return (
    <button type="button" className="text-sm underline" onClick={remove}>
      Remove {name}
    </button>
  );
}

/** A clinic fact: the value visitors see, not the tag, and not editable here. */
function FactBlock({ mdastNode }: JsxEditorProps) {
  const { facts } = useContext(EditorSiteContext);
  const name = mdastNode.name ?? "";
  const value = facts[name] ?? COMPONENT_CATALOGUE[name as ComponentName]?.use ?? name;
  const inline = mdastNode.type === "mdxJsxTextElement";
  const body = (
    <>
      <span data-fact={name}>{value}</span>{" "}
      <span className="rounded bg-surface px-1 text-xs text-ink-muted">from clinic details</span>
    </>
  );
  return inline ? (
    <span className="rounded border border-line px-1">{body}</span>
  ) : (
    <div className={frame}>
      <p>{body}</p>
      <RemoveButton name={name} />
    </div>
  );
}

/** A citation: which source, chosen from content/sources.yaml. */
function CiteBlock({ mdastNode }: JsxEditorProps) {
  const { sources } = useContext(EditorSiteContext);
  const update = useMdastNodeUpdater<JsxNode>();
  const id = useId();
  const source = attributesOf(mdastNode).source ?? "";
  const known = sources.some((s) => s.key === source);
  return (
    <span className="rounded border border-line px-1 text-sm">
      <label htmlFor={id}>Source </label>
      <select
        id={id}
        value={source}
        onChange={(e) => update({ attributes: withValue(mdastNode, "source", e.target.value) })}
      >
        {!known && <option value={source}>{source || "(choose)"}</option>}
        {sources.map((s) => (
          <option key={s.key} value={s.key}>
            {s.title}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A Figure: the image as visitors see it, with its alt text and caption editable. */
function FigureBlock({ mdastNode }: JsxEditorProps) {
  const update = useMdastNodeUpdater<JsxNode>();
  const values = attributesOf(mdastNode);
  const id = useId();
  return (
    <div className={frame}>
      <p className={tag}>Image</p>
      {values.src && (
        // eslint-disable-next-line @next/next/no-img-element -- the editor shows the file as uploaded
        <img src={values.src} alt={values.alt ?? ""} className="mt-2 max-h-64 w-auto" />
      )}
      {(["alt", "caption"] as const).map((prop) => (
        <p key={prop} className="mt-2">
          <label htmlFor={`${id}-${prop}`} className="block text-sm font-semibold">
            {prop === "alt" ? "Alt text (what the image shows)" : "Caption"}
          </label>
          <input
            id={`${id}-${prop}`}
            className="w-full rounded border border-line px-2 py-1"
            defaultValue={values[prop] ?? ""}
            onBlur={(e) => {
              if (e.target.value !== (values[prop] ?? ""))
                update({ attributes: withValue(mdastNode, prop, e.target.value) });
            }}
          />
        </p>
      ))}
      <RemoveButton name="image" />
    </div>
  );
}

/** A component with values and children: Callout, Question, Faq, Steps. */
function ContainerBlock({ mdastNode }: JsxEditorProps) {
  const update = useMdastNodeUpdater<JsxNode>();
  const name = (mdastNode.name ?? "") as ComponentName;
  const values = attributesOf(mdastNode);
  const id = useId();
  const fields = propFields(name);
  return (
    <div className={frame} data-block={name}>
      <p className={tag}>{COMPONENT_CATALOGUE[name].use}</p>
      {fields.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-3">
          {fields.map((field) => (
            <p key={field.name}>
              <label htmlFor={`${id}-${field.name}`} className="mr-1 text-sm font-semibold">
                {fieldLabel(name, field.name)}
              </label>
              {field.choices ? (
                <select
                  id={`${id}-${field.name}`}
                  value={values[field.name] ?? field.fallback ?? ""}
                  onChange={(e) =>
                    update({ attributes: withValue(mdastNode, field.name, e.target.value) })
                  }
                >
                  {field.choices.map((choice) => (
                    <option key={choice}>{choice}</option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-${field.name}`}
                  className="rounded border border-line px-2 py-1"
                  defaultValue={values[field.name] ?? ""}
                  onBlur={(e) => {
                    if (e.target.value !== (values[field.name] ?? ""))
                      update({ attributes: withValue(mdastNode, field.name, e.target.value) });
                  }}
                />
              )}
            </p>
          ))}
        </div>
      )}
      <div className="prose mt-2 rounded bg-surface p-2">
        <NestedLexicalEditor<JsxNode>
          block
          getContent={(node) => node.children}
          getUpdatedMdastNode={(node, children) => ({ ...node, children }) as JsxNode}
        />
      </div>
      <RemoveButton name={name} />
    </div>
  );
}

/** Anything the editor cannot show: locked, its text visible, kept byte for byte. */
function LockedBlock({ mdastNode }: JsxEditorProps) {
  const name = mdastNode.name ?? "fragment";
  const text = toString(mdastNode);
  const body = (
    <>
      <span className={tag}>{name} (locked: change it in Source)</span> {text}
    </>
  );
  return mdastNode.type === "mdxJsxTextElement" ? (
    <span className="rounded border border-dashed border-line px-1">{body}</span>
  ) : (
    <div className={`${frame} border-dashed`} data-locked={name}>
      {body}
    </div>
  );
}

function editorFor(name: ComponentName): JsxComponentDescriptor["Editor"] {
  if (name === "Cite") return CiteBlock;
  if (name === "Figure") return FigureBlock;
  if (FACTS.has(name)) return FactBlock;
  return ContainerBlock;
}

/** The MDXEditor descriptors: one per catalogue component, and "*" for anything else. */
export const BLOCK_DESCRIPTORS: JsxComponentDescriptor[] = [
  ...COMPONENT_NAMES.map((name): JsxComponentDescriptor => ({
    name,
    kind: INLINE_COMPONENTS.has(name) ? "text" : "flow",
    props: propFields(name).map((field) => ({
      name: field.name,
      type: "string",
      required: field.required,
    })),
    hasChildren: COMPONENT_CATALOGUE[name].holds !== "nothing",
    Editor: editorFor(name),
  })),
  { name: "*", kind: "flow", props: [], hasChildren: true, Editor: LockedBlock },
];
