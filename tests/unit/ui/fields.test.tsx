import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import {
  CheckboxField,
  Choice,
  ErrorList,
  ErrorSummary,
  Field,
  FieldGroup,
  fieldId,
  optionId,
  SelectField,
  TextareaField,
} from "@/components/ui/fields";
import { fieldTarget, FormFields } from "@/components/consultation/form-fields";
import { ClinicEditor } from "@/components/staff/edit-forms/clinic-editor";
import { FollowUpForm } from "@/components/staff/edit-forms/follow-up-form";
import { PageEditor } from "@/components/staff/edit-forms/page-editor";
import { ConfirmDeleteForm } from "@/components/staff/confirm-delete-form";
import { ImageUpload } from "@/components/staff/image-upload";
import { SignInForm } from "@/components/staff/sign-in/sign-in-form";
import { AddPasskey } from "@/components/staff/security/add-passkey";
import { AuthenticatorSection } from "@/components/staff/security/authenticator-section";
import { SecondStepForm } from "@/components/staff/two-step/second-step-form";
import { AccountList } from "@/components/staff/accounts/account-list";
import { InviteForm } from "@/components/staff/accounts/invite-form";
import { SessionList } from "@/components/staff/accounts/session-list";
import type { ListedAccount } from "@/lib/db/staff-accounts";
import { CLINIC_FLAGS, CLINIC_TEXT_FIELDS } from "@/lib/validations/clinic-form";
import { CONSULTATION_FIELDS } from "@/lib/validations/consultation-fields";
import type { FieldErrors as ConsultationErrors } from "@/lib/validations/consultation";
import { EDITOR_FIELDS } from "@/lib/validations/editor-state";

/*
 * The field kit's promise, checked on the markup a browser (and a screen
 * reader) gets: every aria-describedby and label points at an id in the page,
 * ids are unique, and a field with an error is aria-invalid and described by it.
 */

const html = (tree: ReactElement) => renderToStaticMarkup(tree);

interface Control {
  tag: string;
  attributes: Map<string, string>;
}

/** The form controls (and fieldsets) of the markup, with their attributes. */
function controls(markup: string): Control[] {
  return [...markup.matchAll(/<(input|textarea|select|fieldset)\b([^>]*)>/g)].map((match) => ({
    tag: match[1] ?? "",
    attributes: new Map(
      [...(match[2] ?? "").matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [
        a[1] ?? "",
        a[2] ?? "",
      ]),
    ),
  }));
}

const ids = (markup: string) => [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? "");

/** The text of the element with this id (its first element only; enough for hints and errors). */
function textOf(markup: string, id: string): string {
  const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(p|ul|div)>`).exec(markup);
  return (match?.[1] ?? "").replace(/<[^>]+>/g, "");
}

/** Every problem with the markup's ids and descriptions, as readable lines (none expected). */
function idProblems(markup: string): string[] {
  const problems: string[] = [];
  const all = ids(markup);
  const seen = new Set<string>();
  for (const id of all) {
    if (seen.has(id)) problems.push(`id ${id} is used twice`);
    seen.add(id);
  }
  for (const match of markup.matchAll(/\sfor="([^"]+)"/g)) {
    if (!seen.has(match[1] ?? "")) problems.push(`label for ${match[1]} names no element`);
  }
  for (const control of controls(markup)) {
    const described = control.attributes.get("aria-describedby");
    const name = control.attributes.get("name") ?? control.attributes.get("id");
    for (const id of described?.split(" ") ?? []) {
      if (!seen.has(id)) problems.push(`${name} is described by ${id}, which is not in the page`);
    }
    const invalid = control.attributes.get("aria-invalid") === "true";
    const hasError = described?.split(" ").some((id) => /-error$/.test(id)) ?? false;
    // An option of a group is described through its fieldset, which carries the group's error.
    const option = /^(radio|checkbox)$/.test(control.attributes.get("type") ?? "") && !described;
    if (invalid && !hasError && !option)
      problems.push(`${name} is invalid but described by no error`);
    if (hasError && !invalid && control.tag !== "fieldset") {
      problems.push(`${name} is described by an error but not aria-invalid`);
    }
  }
  return problems;
}

describe("each primitive", () => {
  const cases: [string, (errors?: string) => ReactElement][] = [
    [
      "Field",
      (errors) => (
        <Field name="fullName" label="Full name" hint="As on your card" errors={errors} />
      ),
    ],
    [
      "TextareaField",
      (errors) => (
        <TextareaField name="fullName" label="Full name" hint="As on your card" errors={errors} />
      ),
    ],
    [
      "SelectField",
      (errors) => (
        <SelectField
          name="fullName"
          label="Full name"
          hint="As on your card"
          errors={errors}
          options={[{ value: "a", label: "A" }]}
        />
      ),
    ],
    [
      "CheckboxField",
      (errors) => (
        <CheckboxField name="fullName" label="Full name" hint="As on your card" errors={errors} />
      ),
    ],
    [
      "FieldGroup",
      (errors) => (
        <FieldGroup name="fullName" legend="Full name" hint="As on your card" errors={errors}>
          <Choice type="radio" name="fullName" value="a" label="A" invalid={Boolean(errors)} />
        </FieldGroup>
      ),
    ],
  ];

  it.each(cases)("%s ties its hint and error to the control and marks it invalid", (_, make) => {
    const markup = html(make("Enter your full name"));
    const [control] = controls(markup).filter((c) => c.attributes.has("aria-describedby"));
    expect(control?.attributes.get("aria-describedby")).toBe(
      "field-fullName-hint field-fullName-error",
    );
    // The control is invalid; in a group its options are (a fieldset takes no aria-invalid).
    const invalid = controls(markup).filter((c) => c.attributes.get("aria-invalid") === "true");
    expect(invalid.map((c) => c.tag)).toEqual([
      control?.tag === "fieldset" ? "input" : control?.tag,
    ]);
    expect(textOf(markup, "field-fullName-hint")).toBe("As on your card");
    expect(textOf(markup, "field-fullName-error")).toBe("Error: Full name: Enter your full name");
    expect(idProblems(markup)).toEqual([]);
  });

  it.each(cases)(
    "%s without an error is described by its hint alone and not invalid",
    (_, make) => {
      const markup = html(make(undefined));
      expect(markup).toContain('aria-describedby="field-fullName-hint"');
      expect(markup).not.toContain("aria-invalid");
      expect(markup).not.toContain("field-fullName-error");
      expect(idProblems(markup)).toEqual([]);
    },
  );

  it("an error starts with its field's label, unless the messages name their field already", () => {
    const named = html(<Field name="alt" label="Alt text" errors="Describe the image" />);
    expect(textOf(named, "field-alt-error")).toBe("Error: Alt text: Describe the image");
    const own = html(
      <FieldGroup name="pain" legend="Where is the pain?" errors="Choose where" messagesNameField>
        <Choice type="radio" name="pain" value="low" label="Low" invalid />
      </FieldGroup>,
    );
    expect(textOf(own, "field-pain-error")).toBe("Error: Choose where");
  });

  it("a field with neither hint nor error has no aria-describedby at all", () => {
    const markup = html(<Field name="note" label="Note" />);
    expect(markup).not.toContain("aria-describedby");
    expect(markup).toContain('<label for="field-note"');
    expect(markup).toContain('id="field-note"');
  });

  it("a form-wide error about a field describes it and marks it invalid", () => {
    const markup = html(<Field name="password" label="Password" formErrorId="sign-in-error" />);
    expect(markup).toContain('aria-describedby="sign-in-error"');
    expect(markup).toContain('aria-invalid="true"');
  });

  it("several errors are a list; empty messages are none", () => {
    const list = html(<ErrorList id="field-x" errors={["One", "", null, "Two"]} />);
    expect(list).toMatch(/^<ul id="field-x-error"/);
    expect(list.match(/<li>/g)).toHaveLength(2);
    expect(html(<ErrorList id="field-x" errors={["", null]} />)).toBe("");
    expect(html(<Field name="x" label="X" errors="" />)).not.toContain("aria-invalid");
  });

  it("form names with dots and spaces become ids usable as #fragments", () => {
    expect(fieldId("hours.0.opens")).toBe("field-hours-0-opens");
    expect(optionId("hours.1.days", "Monday")).toBe("field-hours-1-days-Monday");
    expect(optionId("pain area", "lower back")).toBe("field-pain-area-lower-back");
  });

  it("the error summary links each problem to its target", () => {
    const markup = html(
      <ErrorSummary
        title="There is a problem"
        problems={[{ target: "field-a", message: "Fix A" }]}
      />,
    );
    expect(markup).toContain('role="alert"');
    expect(markup).toContain('href="#field-a"');
    expect(html(<ErrorSummary title="None" problems={[]} />)).toBe("");
  });
});

describe("every form on the kit", () => {
  it("the consultation form with every field in error: unique ids, each error tied, each summary link lands", () => {
    const errors = Object.fromEntries(
      CONSULTATION_FIELDS.map((field) => [field.name, `Answer ${field.name}`]),
    ) as ConsultationErrors;
    const clinic = { phone: "+1 555 010 0000", emergencyNumber: "911", replyWithin: "a day" };
    const fields = html(<FormFields values={{}} errors={errors} clinic={clinic} />);
    expect(idProblems(fields)).toEqual([]);
    const present = new Set(ids(fields));
    for (const field of CONSULTATION_FIELDS) {
      expect(present, field.name).toContain(fieldTarget(field));
      expect(textOf(fields, `${fieldId(field.name)}-error`)).toBe(`Error: Answer ${field.name}`);
    }
    expect(
      controls(fields).filter((c) => c.attributes.get("aria-invalid") === "true").length,
    ).toBeGreaterThanOrEqual(CONSULTATION_FIELDS.length);
  });

  it("the clinic details with an error on every field and two opening times", () => {
    const names = [
      ...CLINIC_TEXT_FIELDS.map((f) => f.name),
      "hours",
      ...[0, 1].flatMap((i) => [`hours.${i}.days`, `hours.${i}.opens`, `hours.${i}.closes`]),
    ];
    const errors = Object.fromEntries(names.map((name) => [name, `Fix ${name}`]));
    const markup = html(
      <ClinicEditor
        initial={{
          values: {
            text: Object.fromEntries(CLINIC_TEXT_FIELDS.map((f) => [f.name, "x"])),
            flags: Object.fromEntries(CLINIC_FLAGS.map((f) => [f.name, true])),
            hours: [0, 1].map(() => ({ days: ["Monday"], opens: "09:00", closes: "17:00" })),
            note: "",
            parentId: 0,
            baseHash: "",
          },
          errors,
          answer: 0,
        }}
      />,
    );
    expect(idProblems(markup)).toEqual([]);
    for (const name of names) {
      expect(textOf(markup, `${fieldId(name)}-error`), name).toMatch(/^Error: .+: Fix /);
      expect(textOf(markup, `${fieldId(name)}-error`), name).toContain(`: Fix ${name}`);
      expect(markup, name).toMatch(new RegExp(`aria-describedby="[^"]*${fieldId(name)}-error`));
    }
  });

  it("the page editor and its image form, with every field in error and body problems", () => {
    const fields = Object.fromEntries(EDITOR_FIELDS.map((name) => [name, ""]));
    const fieldErrors = Object.fromEntries(
      [...EDITOR_FIELDS, "slug"].map((name) => [name, `Fix ${name}`]),
    );
    // The editor's draft autosave asks for the router; nothing navigates while rendering.
    const router = {} as never;
    const markup = html(
      <AppRouterContext value={router}>
        <PageEditor
          initial={{
            values: {
              slug: "new-topic",
              isNew: true,
              fields: fields as never,
              body: "Text",
              note: "",
              parentId: 0,
              baseHash: "",
              draftVersion: 0,
            },
            fieldErrors,
            bodyProblems: ["Line 3: a slip"],
            answer: 0,
          }}
          imageError={{ field: "alt", message: "Describe the image" }}
        />
      </AppRouterContext>,
    );
    expect(idProblems(markup)).toEqual([]);
    expect(markup).toMatch(
      /id="field-body"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-body"/,
    );
    expect(markup).toContain('aria-describedby="field-body-hint field-body-error"');
    expect(textOf(markup, "field-alt-error")).toBe("Error: Alt text: Describe the image");
    for (const name of Object.keys(fieldErrors)) {
      expect(textOf(markup, `${fieldId(name)}-error`), name).toMatch(/^Error: .+: Fix /);
      expect(textOf(markup, `${fieldId(name)}-error`), name).toContain(`: Fix ${name}`);
    }
  });

  it("the follow-up form, the sign-in form, the Images upload and two delete confirmations on one page", () => {
    const markup = [
      html(
        <FollowUpForm
          reference="ABC"
          status="new"
          statuses={[{ value: "new", label: "New" }]}
          noteMax={2000}
          noteLimitText="2,000 characters"
        />,
      ),
      html(<ImageUpload images={[]} />),
      html(
        <ConfirmDeleteForm
          id="delete-one"
          action={async () => {}}
          fields={{}}
          heading="Delete one"
          confirm="Yes, delete one"
          button="Delete"
        />,
      ),
      html(
        <ConfirmDeleteForm
          id="delete-two"
          action={async () => {}}
          fields={{}}
          heading="Delete two"
          confirm="Yes, delete two"
          button="Delete"
        />,
      ),
    ].join("");
    expect(idProblems(markup)).toEqual([]);
    expect(markup).toContain('aria-describedby="field-note-hint"');

    // Its wrong-password answer describes both fields through formErrorId (tested above).
    const signIn = html(<SignInForm canResetByEmail={false} />);
    expect(idProblems(signIn)).toEqual([]);
    const names = controls(signIn).map((c) => c.attributes.get("name"));
    expect(names).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("the two-step forms: the code after the password, and an app being set up beside adding a passkey", () => {
    const secondStep = html(<SecondStepForm />);
    expect(idProblems(secondStep)).toEqual([]);
    expect(secondStep).toContain('for="field-code"');
    expect(secondStep).toContain('aria-describedby="field-code-hint"');

    // The security page: the app's confirmation and a new passkey's name, on one page.
    const router = {} as never;
    const security = [
      html(
        <AuthenticatorSection
          pending={{ keyGrouped: "ABCD EFGH", qrSvg: "<svg></svg>" }}
          remainingCodes={0}
          codeCount={10}
        />,
      ),
      html(
        <AppRouterContext value={router}>
          <AddPasskey nameMax={60} />
        </AppRouterContext>,
      ),
    ].join("");
    expect(idProblems(security)).toEqual([]);
    expect(security).toContain('for="field-code"');
    expect(security).toContain('for="field-passkey-name"');
    expect(security).toContain('aria-describedby="field-passkey-name-hint"');
  });

  it("the accounts page: the invite form beside each account's forms; the sessions page", () => {
    const account = (id: string, state: ListedAccount["state"]): ListedAccount => ({
      id,
      email: `${id}@example.com`,
      name: `Person ${id}`,
      role: "editor",
      state,
      createdAt: "2026-12-02T09:00:00.000Z",
      updatedAt: "2026-12-02T09:00:00.000Z",
      lastSignInAt: null,
      linkExpiresAt: null,
      linkPurpose: null,
    });
    const accounts = [
      account("self", "active"),
      account("a1", "active"),
      account("a2", "active"),
      account("i1", "invited"),
      account("d1", "disabled"),
    ];
    const markup = [
      html(<InviteForm />),
      html(
        <AccountList
          accounts={accounts}
          openSessions={new Map([["a1", 2]])}
          selfId="self"
          timeZone="UTC"
        />,
      ),
    ].join("");
    expect(idProblems(markup)).toEqual([]);
    expect(markup).toContain('for="field-email"');
    expect(markup).toContain('aria-describedby="field-email-hint"');
    // Each account's role has its own control, labelled with whose role it is.
    for (const id of ["a1", "a2", "i1"]) expect(markup).toContain(`for="field-role-${id}"`);
    expect(markup).not.toContain('for="field-role-self"');
    expect(markup).not.toContain('for="field-role-d1"');

    const session = (id: string) => ({
      id,
      accountId: "self",
      accountName: "Self",
      accountEmail: "self@example.com",
      createdAt: "2026-12-02T09:00:00.000Z",
      lastSeenAt: "2026-12-02T09:30:00.000Z",
      expiresAt: "2026-12-02T17:00:00.000Z",
      stage: "full" as const,
      userAgent: "Firefox on Linux",
    });
    const sessions = html(
      <SessionList sessions={[session("s1"), session("s2")]} currentId="s1" timeZone="UTC" />,
    );
    expect(idProblems(sessions)).toEqual([]);
    expect(sessions).toContain("Firefox on Linux (this device)");
    expect(sessions.match(/name="session" value="([^"]+)"/g)).toEqual([
      'name="session" value="s2"',
    ]);
  });
});
