import type { ConsultationFailure } from "@/lib/consultation/state";
import { telHref, type ClinicContact } from "./clinic-contact";

/** Problems that are not the visitor's input: too many requests, or our database failing. */
export function FormAlert({
  status,
  clinic,
}: {
  status: ConsultationFailure["status"];
  clinic: ClinicContact;
}) {
  if (status === "invalid") return null;
  const phone = (
    <a href={telHref(clinic.phone)} className="font-semibold text-ink underline underline-offset-2">
      {clinic.phone}
    </a>
  );
  return (
    <div role="alert" className="rounded-md border-4 border-danger bg-warning-soft p-4 text-ink">
      <h2 className="text-lg font-bold">
        {status === "rate-limited"
          ? "Too many requests from this connection"
          : "We could not send your request"}
      </h2>
      <p className="mt-2">
        {status === "rate-limited"
          ? "We have received several requests from you in a short time. "
          : "Something went wrong on our side and your request was not saved. Your answers are still below. "}
        Please call us on {phone}, or try again in a few minutes.
      </p>
    </div>
  );
}
