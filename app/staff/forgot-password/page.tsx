import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/staff/sign-in/forgot-password-form";
import { pageClass } from "@/components/ui/form-styles";
import { getEnv } from "@/lib/env";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";

export const metadata: Metadata = staffMetadata("Forgot your password");

/** A reset link by email; without SMTP_URL only the owner can reset an account. */
export default function ForgotPasswordPage() {
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">Forgot your password</h1>
      {getEnv().SMTP_URL ? (
        <>
          <p className="mt-2 max-w-measure">
            Write the email address of your staff account; we email it a link to choose a new
            password. Your present password keeps working until the link is used.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="mt-4 max-w-measure">
          This site sends no email, so a password cannot be reset from here. Ask the clinic&apos;s
          site owner to reset your account: they get a new link for you.
        </p>
      )}
      <p className="mt-6">
        <Link href="/staff">Back to sign-in</Link>
      </p>
    </div>
  );
}
