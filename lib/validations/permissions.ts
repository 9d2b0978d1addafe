/*
 * Who may do what in the staff area: the one table every staff page, route and
 * server action consults (through lib/staff/actor.ts and the action client), and
 * the staff UI reads to show only what a role may do. Browser-safe: no server
 * imports, so client components can hide what the server would refuse anyway.
 *
 * The roles follow how a small clinic divides its work (README "Staff roles"):
 * the owner runs the site and its accounts; practitioners see and follow up
 * requests and keep the pages current; the front desk answers requests and
 * keeps hours and phone current but cannot take requests off the site (no CSV,
 * no delete) or change health copy; an editor (often the web agency) writes
 * pages and images and never sees a patient's request.
 */

export const ROLES = ["owner", "practitioner", "front-desk", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  practitioner: "Practitioner",
  "front-desk": "Front desk",
  editor: "Editor",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including staff accounts, two-step policy and the audit log.",
  practitioner:
    "Requests (read, status, notes, CSV export); pages, images and clinic details (edit and publish); page counts.",
  "front-desk": "Requests (read, status, notes); clinic details such as hours and phone.",
  editor: "Pages and images only; sees no consultation request.",
};

/** Every permission, with what it allows in words a receptionist reads on the accounts page. */
export const PERMISSIONS = {
  "requests.read": "Open the inbox and read consultation requests",
  "requests.follow-up": "Change a request's status and add notes",
  "requests.export": "Download requests as a CSV file",
  "requests.delete": "Delete a request",
  "pages.edit": "Edit, publish (now or scheduled), restore and delete pages",
  "images.upload": "Upload images for pages",
  "clinic.edit": "Change clinic details (hours, phone, address)",
  "insights.read": "See page counts: views, referring sites and pages requests were sent after",
  "accounts.manage": "Invite, change, reset and disable staff accounts; end anyone's session",
  "audit.read": "Read and export the audit log",
  "security.policy": "Turn the two-step sign-in requirement on or off",
} as const;
export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

/** The table itself. A role not listed for a permission is refused it. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  practitioner: [
    "requests.read",
    "requests.follow-up",
    "requests.export",
    "pages.edit",
    "images.upload",
    "clinic.edit",
    "insights.read",
  ],
  "front-desk": ["requests.read", "requests.follow-up", "clinic.edit"],
  editor: ["pages.edit", "images.upload"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
