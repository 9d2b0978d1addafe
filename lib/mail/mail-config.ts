import "server-only";
import { getEnv } from "@/lib/env";
import type { AcknowledgementClinic } from "./acknowledgement-email";
import type { MailAddressing } from "./new-request-email";
import { getClinic } from "@/lib/content/site/site";

export type MailConfig = MailAddressing & {
  smtpUrl: string | undefined;
  /** What the visitor's acknowledgement says about the clinic, from the clinic details. */
  clinic: AcknowledgementClinic;
  /** The clinic detail acknowledgeRequests, read at each sweep: turned off, queued ones are withdrawn. */
  acknowledge: boolean;
};

/** Where clinic emails go; without SMTP_URL requests are stored but no email is sent. */
export async function getMailConfig(): Promise<MailConfig> {
  const env = getEnv();
  const clinic = await getClinic();
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    to: env.MAIL_TO ?? clinic.email,
    siteUrl: env.SITE_URL,
    timezone: clinic.timezone,
    acknowledge: clinic.acknowledgeRequests,
    clinic: {
      name: clinic.name,
      phone: clinic.phone,
      replyWithin: clinic.replyWithin,
      emergencyNumber: clinic.emergencyNumber,
    },
  };
}
