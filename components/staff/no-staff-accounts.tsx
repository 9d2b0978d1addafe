import { pageClass } from "@/components/ui/form-styles";

/** /staff before the first account exists: how to create the owner (also logged at start-up). */
export function NoStaffAccounts() {
  return (
    <div className={pageClass}>
      <h1 className="text-3xl font-semibold">No staff account yet</h1>
      <p className="mt-4 max-w-measure">
        Each person signs in with an account of their own. Create the first one, the owner, on the
        server, in the site&apos;s folder:
      </p>
      <pre className="mt-4 overflow-x-auto rounded-md border border-line bg-surface-raised p-4">
        <code>
          npm run staff:invite -- you@example.com --role owner --name &quot;Your Name&quot;
        </code>
      </pre>
      <p className="mt-4 max-w-measure">
        The last line it prints is a one-time link (valid for 72 hours) where the owner chooses a
        password; the owner then invites everyone else. The shared <code>STAFF_PASSWORD</code> of
        earlier versions no longer opens anything.
      </p>
    </div>
  );
}
