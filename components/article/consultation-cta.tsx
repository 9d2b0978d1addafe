import Link from "next/link";
import { getClinic } from "@/lib/content/clinic";
import { telHref } from "@/lib/content/phone";

/** The route to a question or a booking, at the end of every article and wherever staff place it. */
export function ConsultationCta() {
  const { phone, replyWithin } = getClinic();
  return (
    <section
      aria-labelledby="cta-heading"
      className="my-10 rounded-xl border border-line bg-brand-soft px-6 py-6"
    >
      <h2 id="cta-heading" className="!mt-0 text-xl font-semibold">
        Talk it through with us
      </h2>
      <p className="mt-2">
        Ask a question or request a first consultation. We reply within {replyWithin}, and there is
        no obligation to book.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Link
          href="/consultation"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand px-5 py-2 font-semibold text-on-brand no-underline"
        >
          Request a consultation
        </Link>
        <span>
          or call <a href={telHref(phone)}>{phone}</a>
        </span>
      </div>
    </section>
  );
}
