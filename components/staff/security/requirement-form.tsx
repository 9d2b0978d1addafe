import { setTwoStepRequirementAction } from "@/lib/actions/two-step";
import { dangerButtonClass } from "@/components/ui/form-styles";
import { primaryButtonClass } from "@/components/ui/button-styles";

/* The owner's switch. Turning it off says first what the clinic gives up. */
export function RequirementForm({ required }: { required: boolean }) {
  return (
    <section aria-labelledby="requirement" className="mt-10 space-y-4">
      <h2 id="requirement" className="text-2xl font-semibold">
        Two-step sign-in for every account
      </h2>
      {required ? (
        <>
          <p>
            <strong>Required.</strong> Everyone signs in with a password and a code from their app,
            or with a passkey. Someone who has not set it up is asked to before they see anything.
          </p>
          <form action={setTwoStepRequirementAction} className="space-y-3">
            <input type="hidden" name="required" value="off" />
            <div
              id="requirement-warning"
              className="rounded-md border-2 border-danger bg-danger-soft px-4 py-3 text-danger"
            >
              <p className="font-semibold">What turning it off costs</p>
              <p>
                Accounts without two-step sign-in are then opened by a password alone. A password
                that is guessed, reused from another site or caught by a fake sign-in page gives its
                finder every request, symptom and red-flag answer that account can see, and the
                audit log will name the real person as the one who looked. Health-privacy rules
                (HIPAA&apos;s person authentication, GDPR&apos;s security of processing) expect more
                than a password for this data.
              </p>
            </div>
            <div className="flex items-start gap-2">
              <input
                id="field-understood"
                type="checkbox"
                name="understood"
                value="yes"
                required
                aria-describedby="requirement-warning"
                className="mt-1 size-6"
              />
              <label htmlFor="field-understood">
                I understand what this costs and still want to turn the requirement off.
              </label>
            </div>
            <button type="submit" className={dangerButtonClass}>
              Stop requiring two-step sign-in
            </button>
          </form>
        </>
      ) : (
        <>
          <p>
            <strong>Not required.</strong> Accounts without an app or passkey sign in with their
            password alone.
          </p>
          <form action={setTwoStepRequirementAction}>
            <input type="hidden" name="required" value="on" />
            <button type="submit" className={primaryButtonClass}>
              Require two-step sign-in
            </button>
          </form>
        </>
      )}
    </section>
  );
}
