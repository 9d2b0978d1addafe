import type { Metadata } from "next";
import { ConsultationForm } from "@/components/consultation/consultation-form";
import { ViewBeacon } from "@/components/layout/view-beacon";
import { requestNonce } from "@/lib/security/request-nonce";
import { newFormMeta } from "@/lib/consultation/token";
import { getClinic } from "@/lib/content/site/site";
import { bookingLink } from "@/lib/validations/clinic-schema";
import { openedFrom } from "@/lib/insights/opened-from";

// Every render carries a fresh signed time and idempotency key, so this one page cannot be static.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Request a consultation",
  description:
    "Ask for a consultation about your back or neck pain. Tell us a little about it and we will contact you to find a time.",
};

export default async function ConsultationPage() {
  const clinic = await getClinic();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <ViewBeacon nonce={await requestNonce()} />
      <h1 className="text-3xl font-bold text-ink">Request a consultation</h1>
      <p className="mt-4 text-lg text-ink-muted">
        Tell us a little about your pain and we will contact you within {clinic.replyWithin} to find
        a time. Fields marked (required) must be filled in.
      </p>
      <div className="mt-8">
        <ConsultationForm
          meta={newFormMeta(new Date(), await openedFrom())}
          clinic={{
            phone: clinic.phone,
            emergencyNumber: clinic.emergencyNumber,
            replyWithin: clinic.replyWithin,
            booking: bookingLink(clinic),
          }}
        />
      </div>
    </div>
  );
}
