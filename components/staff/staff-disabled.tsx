import { pageClass } from "@/components/ui/form-styles";

export function StaffDisabled() {
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">The staff area is off</h1>
      <p className="mt-4 max-w-measure">
        To turn it on, set the <code>STAFF_PASSWORD</code> environment variable on the server to a
        secret of at least 12 characters and restart the site. Share it only with clinic staff; it
        is a secret like any other password.
      </p>
    </div>
  );
}
