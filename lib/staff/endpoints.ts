import { can, PERMISSIONS, type Permission, type Role } from "@/lib/validations/permissions";

/*
 * Every staff page, route and server action, with who may reach it: the one
 * place an endpoint's rule is written. Pages and routes name their own entry
 * (lib/staff/guard.ts), actions name theirs through the action client
 * (lib/staff/action-client.ts); none writes a permission itself, so the rule
 * here is the rule that runs. The unit tests are generated from this catalogue
 * and ROLE_PERMISSIONS (tests/unit/staff/endpoints.test.ts), and a page, route
 * or "use server" export missing from it fails them. Browser-safe, so the
 * staff UI shows only the links a role may follow.
 */

/**
 * "anyone": signed-out visitors too (the endpoint checks its own token or shows sign-in);
 * "signed-in": any staff role; a list: a role that has every permission in it.
 */
export type Access = "anyone" | "signed-in" | readonly [Permission, ...Permission[]];

interface Endpoint {
  /** The file that serves it, relative to the repository. */
  file: string;
  access: Access;
}

export const STAFF_PAGES = {
  // Where every sign-in lands: a role that may not read requests is sent on to its own first page.
  "/staff": { file: "app/staff/page.tsx", access: ["requests.read"], label: "Inbox" },
  "/staff/requests/[reference]": {
    file: "app/staff/requests/[reference]/page.tsx",
    access: ["requests.read"],
  },
  "/staff/content": { file: "app/staff/content/page.tsx", access: ["pages.edit"], label: "Pages" },
  "/staff/content/[slug]": { file: "app/staff/content/[slug]/page.tsx", access: ["pages.edit"] },
  "/staff/content/[slug]/history": {
    file: "app/staff/content/[slug]/history/page.tsx",
    access: ["pages.edit"],
  },
  "/staff/new-page": { file: "app/staff/new-page/page.tsx", access: ["pages.edit"] },
  "/staff/clinic": {
    file: "app/staff/clinic/page.tsx",
    access: ["clinic.edit"],
    label: "Clinic details",
  },
  "/staff/images": {
    file: "app/staff/images/page.tsx",
    access: ["images.upload"],
    label: "Images",
  },
  // Everyone's own two-step methods; the owner's requirement switch is its own action below.
  "/staff/security": {
    file: "app/staff/security/page.tsx",
    access: "signed-in",
    label: "Sign-in security",
  },
  "/staff/insights": {
    file: "app/staff/insights/page.tsx",
    access: ["insights.read"],
    label: "Insights",
  },
  "/staff/audit": { file: "app/staff/audit/page.tsx", access: ["audit.read"], label: "Audit log" },
  "/staff/accounts": {
    file: "app/staff/accounts/page.tsx",
    access: ["accounts.manage"],
    label: "Accounts",
  },
  // Everyone's own sign-ins; the owner ends anyone's from /staff/accounts.
  "/staff/sessions": {
    file: "app/staff/sessions/page.tsx",
    access: "signed-in",
    label: "Your sessions",
  },
  // Signed out: an invitation or reset link's own token decides (lib/staff/sign-in.ts).
  "/staff/set-up": { file: "app/staff/set-up/page.tsx", access: "anyone" },
  "/staff/forgot-password": { file: "app/staff/forgot-password/page.tsx", access: "anyone" },
  // After the password: the page checks the half-finished sign-in itself (lib/staff/auth.ts).
  "/staff/two-step": { file: "app/staff/two-step/page.tsx", access: "anyone" },
} as const satisfies Record<string, Endpoint & { label?: string }>;

export const STAFF_ROUTES = {
  "POST /staff/images/upload": {
    file: "app/staff/images/upload/route.ts",
    access: ["images.upload"],
  },
  // It uploads an image and writes it into the person's page draft.
  "POST /staff/editor-image": {
    file: "app/staff/editor-image/route.ts",
    access: ["images.upload", "pages.edit"],
  },
  "GET /staff/requests.csv": {
    file: "app/staff/requests.csv/route.ts",
    access: ["requests.export"],
  },
  "GET /staff/insights.csv": {
    file: "app/staff/insights.csv/route.ts",
    access: ["insights.read"],
  },
  "GET /staff/audit.csv": { file: "app/staff/audit.csv/route.ts", access: ["audit.read"] },
  // "Stay signed in" in the idle notice: reading the session is the activity.
  "POST /staff/keep-alive": { file: "app/staff/keep-alive/route.ts", access: "signed-in" },
  // The page editor's heartbeat and leave beacon: who else has the page open.
  "POST /staff/presence": { file: "app/staff/presence/route.ts", access: ["pages.edit"] },
} as const satisfies Record<string, Endpoint>;

/** Keyed by the exported name, which is unique across lib/actions/. */
export const STAFF_ACTIONS = {
  submitConsultationAction: { file: "lib/actions/submit-consultation.ts", access: "anyone" },
  staffSignInAction: { file: "lib/actions/staff-sign-in.ts", access: "anyone" },
  staffSetUpAction: { file: "lib/actions/staff-sign-in.ts", access: "anyone" },
  forgotPasswordAction: { file: "lib/actions/staff-sign-in.ts", access: "anyone" },
  staffSignOutAction: { file: "lib/actions/staff.ts", access: "signed-in" },
  saveFollowUpAction: { file: "lib/actions/staff.ts", access: ["requests.follow-up"] },
  deleteRequestAction: { file: "lib/actions/staff.ts", access: ["requests.delete"] },
  editPageAction: { file: "lib/actions/edit-page.ts", access: ["pages.edit"] },
  saveDraftAction: { file: "lib/actions/page-draft.ts", access: ["pages.edit"] },
  previewPageAction: { file: "lib/actions/page-draft.ts", access: ["pages.edit"] },
  discardDraftAction: { file: "lib/actions/page-draft.ts", access: ["pages.edit"] },
  // Who may share a draft for review is who may edit the page.
  reviewLinksAction: { file: "lib/actions/review-links.ts", access: ["pages.edit"] },
  restoreRevisionAction: { file: "lib/actions/page-revisions.ts", access: ["pages.edit"] },
  backToFileAction: { file: "lib/actions/page-revisions.ts", access: ["pages.edit"] },
  keepBrowserVersionAction: { file: "lib/actions/page-revisions.ts", access: ["pages.edit"] },
  deletePageAction: { file: "lib/actions/page-revisions.ts", access: ["pages.edit"] },
  deleteStoredPageAction: { file: "lib/actions/page-revisions.ts", access: ["pages.edit"] },
  // Scheduling is editPageAction's "schedule" intent: the same permission as publishing.
  cancelScheduledPublishAction: {
    file: "lib/actions/schedule-publish.ts",
    access: ["pages.edit"],
  },
  editClinicAction: { file: "lib/actions/edit-clinic.ts", access: ["clinic.edit"] },
  // Also for a sign-in that must set up two-step first (stage "enrol"): setUpSubject() checks.
  startTotpSetupAction: { file: "lib/actions/two-step.ts", access: "anyone" },
  authenticatorAction: { file: "lib/actions/two-step.ts", access: "anyone" },
  finishEnrolAction: { file: "lib/actions/two-step.ts", access: "anyone" },
  secondStepAction: { file: "lib/actions/two-step-sign-in.ts", access: "anyone" },
  passkeySignInOptionsAction: { file: "lib/actions/two-step-sign-in.ts", access: "anyone" },
  finishPasskeySignInAction: { file: "lib/actions/two-step-sign-in.ts", access: "anyone" },
  endStaffSessionAction: { file: "lib/actions/two-step-sign-in.ts", access: "anyone" },
  passkeyRegistrationOptionsAction: { file: "lib/actions/two-step.ts", access: "signed-in" },
  finishPasskeyRegistrationAction: { file: "lib/actions/two-step.ts", access: "signed-in" },
  removePasskeyAction: { file: "lib/actions/two-step.ts", access: "signed-in" },
  setTwoStepRequirementAction: { file: "lib/actions/two-step.ts", access: ["security.policy"] },
  inviteStaffAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  resendInviteAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  revokeInviteAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  resetAccountAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  disableAccountAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  enableAccountAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  changeRoleAction: { file: "lib/actions/staff-accounts.ts", access: ["accounts.manage"] },
  endAccountSessionsAction: {
    file: "lib/actions/staff-accounts.ts",
    access: ["accounts.manage"],
  },
  endMySessionAction: { file: "lib/actions/staff-sessions.ts", access: "signed-in" },
  endMyOtherSessionsAction: { file: "lib/actions/staff-sessions.ts", access: "signed-in" },
} as const satisfies Record<string, Endpoint>;

export type StaffPage = keyof typeof STAFF_PAGES;
export type StaffRoute = keyof typeof STAFF_ROUTES;
export type StaffAction = keyof typeof STAFF_ACTIONS;
export type StaffEndpoint = StaffPage | StaffRoute | StaffAction;

export function accessOf(endpoint: StaffEndpoint): Access {
  const entry: Endpoint | undefined =
    (STAFF_PAGES as Record<string, Endpoint>)[endpoint] ??
    (STAFF_ROUTES as Record<string, Endpoint>)[endpoint] ??
    (STAFF_ACTIONS as Record<string, Endpoint>)[endpoint];
  if (!entry) throw new Error(`${endpoint} is not in lib/staff/endpoints.ts`);
  return entry.access;
}

/** Whether a signed-in person with `role` may reach `endpoint`. */
export function allows(role: Role, endpoint: StaffEndpoint): boolean {
  const access = accessOf(endpoint);
  if (access === "anyone" || access === "signed-in") return true;
  return access.every((permission) => can(role, permission));
}

/** The permissions `role` lacks for `endpoint`: what the 403 page says the role cannot do. */
export function missingFor(role: Role, endpoint: StaffEndpoint): Permission[] {
  const access = accessOf(endpoint);
  if (access === "anyone" || access === "signed-in") return [];
  return access.filter((permission) => !can(role, permission));
}

/** The toolbar: the pages with a label that `role` may open, in catalogue order. */
export function toolbarLinks(role: Role): { href: StaffPage; label: string }[] {
  return Object.entries(STAFF_PAGES).flatMap(([href, page]) =>
    "label" in page && allows(role, href as StaffPage)
      ? [{ href: href as StaffPage, label: page.label }]
      : [],
  );
}

/** Where a sign-in lands for `role`: the first toolbar page it may open. */
export function homeOf(role: Role): StaffPage {
  return toolbarLinks(role)[0]?.href ?? "/staff";
}

/** "to download requests as a CSV file, and to …": the table's own words, for a refusal. */
export function permissionsInWords(permissions: readonly Permission[]): string {
  return permissions
    .map((p) => `to ${PERMISSIONS[p].charAt(0).toLowerCase()}${PERMISSIONS[p].slice(1)}`)
    .join(", and ");
}
