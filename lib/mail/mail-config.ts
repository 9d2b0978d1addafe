import "server-only";
import { getEnv } from "@/lib/env";
import type { MailAddressing } from "./new-request-email";
import { getClinic } from "@/lib/content/site/site";

export type MailConfig = MailAddressing & { smtpUrl: string | undefined };

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
  };
}
