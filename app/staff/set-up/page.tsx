import type { Metadata } from "next";
import { SetUpForm } from "@/components/staff/sign-in/set-up-form";
import { pageClass } from "@/components/ui/form-styles";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/lib/db/client";
import { findLink } from "@/lib/db/staff-accounts";
import { staffMetadata } from "@/lib/staff/metadata";
import { SIGN_IN_MESSAGES } from "@/lib/staff/sign-in";
import { tokenHashFromLink } from "@/lib/staff/tokens";

export const dynamic = "force-dynamic";

export const metadata: Metadata = staffMetadata("Set up your staff account");

/** The page an invitation or reset link opens: the person chooses their name and password. */
export default async function SetUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const hash = tokenHashFromLink(token);
  const link = hash ? await findLink(await getDb(), hash, new Date()) : undefined;
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">
        {link?.purpose === "reset" ? "Choose a new password" : "Set up your staff account"}
      </h1>
      {link && typeof token === "string" ? (
        <>
          <p className="mt-2 max-w-measure">
            For <strong>{link.account.email}</strong>. This link works once.
          </p>
          <SetUpForm token={token} email={link.account.email} name={link.account.name} />
        </>
      ) : (
        <Notice tone="error">{SIGN_IN_MESSAGES.linkGone}</Notice>
      )}
    </div>
  );
}
