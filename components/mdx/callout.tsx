import type { ReactNode } from "react";
import type { ComponentProps } from "@/lib/validations/component-catalogue";

const styles = {
  note: { box: "border-brand bg-brand-soft", label: "Note" },
  warning: { box: "border-danger bg-danger-soft", label: "Important" },
};

export function Callout({
  type,
  title,
  children,
}: ComponentProps<"Callout"> & { children?: ReactNode }) {
  const style = styles[type];
  return (
    <aside
      aria-label={title ?? style.label}
      className={`my-6 rounded-lg border-l-4 px-5 py-4 ${style.box}`}
    >
      <p className="font-semibold">{title ?? style.label}</p>
      <div className="mt-2 space-y-3 [&_ul]:list-disc [&_ul]:pl-6">{children}</div>
    </aside>
  );
}
