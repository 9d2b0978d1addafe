import "server-only";
import { getClinic } from "@/lib/content/clinic";
import { getEnv } from "@/lib/env";
import type { MailAddressing } from "./new-request-email";

export type MailConfig = MailAddressing & { smtpUrl: string | undefined };

/** Where clinic emails go; without SMTP_URL requests are stored but no email is sent. */
export function getMailConfig(): MailConfig {
  const env = getEnv();
  const clinic = getClinic();
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    to: env.MAIL_TO ?? clinic.email,
    siteUrl: env.SITE_URL,
    timezone: clinic.timezone,
  };
}
