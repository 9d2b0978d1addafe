import Link from "next/link";
import { PhoneLink } from "@/components/ui/phone-link";
import { largePrimaryButtonClass, primaryButtonClass } from "@/components/ui/button-styles";
import { getClinic } from "@/lib/content/site/site";

/** The two ways to get in touch, side by side: the form, or a phone call. */
export async function ConsultationActions({ large = false }: { large?: boolean }) {
  const { phone } = await getClinic();
  return (
    <div className="mt-6 flex flex-wrap items-center gap-4">
      <Link
        href="/consultation"
        className={`${large ? largePrimaryButtonClass : primaryButtonClass} print:hidden`}
      >
        Request a consultation
      </Link>
      <span>
        {/* On paper there is no button to click, only the number to call. */}
        <span className="print:hidden">or call</span>
        <span className="hidden print:inline">Call us on</span> <PhoneLink number={phone} />
      </span>
    </div>
  );
}
