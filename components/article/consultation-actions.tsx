import Link from "next/link";
import { getClinic } from "@/lib/content/clinic";
import { telHref } from "@/lib/content/phone";

/** The two ways to get in touch, side by side: the form, or a phone call. */
export function ConsultationActions({ large = false }: { large?: boolean }) {
  const { phone } = getClinic();
  const size = large ? "min-h-12 px-6 text-lg" : "min-h-11 px-5 py-2";
  return (
    <div className="mt-6 flex flex-wrap items-center gap-4">
      <Link
        href="/consultation"
        className={`inline-flex items-center rounded-lg bg-brand font-semibold text-on-brand no-underline print:hidden ${size}`}
      >
        Request a consultation
      </Link>
      <span>
        {/* On paper there is no button to click, only the number to call. */}
        <span className="print:hidden">or call</span>
        <span className="hidden print:inline">Call us on</span> <a href={telHref(phone)}>{phone}</a>
      </span>
    </div>
  );
}
