import "server-only";
import type { Migration, MigrationProvider } from "kysely/migration";
import * as initial from "./001-initial";
import * as revokedStaffSessions from "./002-revoked-staff-sessions";
import * as redFlagLevel from "./003-red-flag-level";
import * as contentRevisions from "./005-content-revisions";
import * as rateEventsByTime from "./006-rate-events-by-time";
import * as pageDrafts from "./007-page-drafts";
import * as healthCheck from "./008-health-check";
import * as contentImageFiles from "./010-content-image-files";
import * as dropRevokedStaffSessions from "./011-drop-revoked-staff-sessions";
import * as staffAccounts from "./011-staff-accounts";
import * as auditLog from "./012-audit-log";
import * as twoStep from "./013-two-step";
import * as revisionAccounts from "./014-revision-accounts";
import * as acknowledgements from "./015-acknowledgements";
import * as pageInsights from "./016-page-insights";
import * as scheduledPublishes from "./017-scheduled-publishes";
import * as presenceAndReviewLinks from "./018-presence-and-review-links";
import * as scheduledNewPages from "./020-scheduled-new-pages";

/*
 * Migrations are imported statically: a bundled Next.js server has no
 * migrations folder to read at run time. Add new ones below, in order.
 */
const migrations: Record<string, Migration> = {
  "001-initial": initial,
  "002-revoked-staff-sessions": revokedStaffSessions,
  "003-red-flag-level": redFlagLevel,
  "005-content-revisions": contentRevisions,
  "006-rate-events-by-time": rateEventsByTime,
  "007-page-drafts": pageDrafts,
  "008-health-check": healthCheck,
  "010-content-image-files": contentImageFiles,
  "011-staff-accounts": staffAccounts,
  "011-drop-revoked-staff-sessions": dropRevokedStaffSessions,
  "012-audit-log": auditLog,
  "013-two-step": twoStep,
  "014-revision-accounts": revisionAccounts,
  "015-acknowledgements": acknowledgements,
  "016-page-insights": pageInsights,
  "017-scheduled-publishes": scheduledPublishes,
  "018-presence-and-review-links": presenceAndReviewLinks,
  "020-scheduled-new-pages": scheduledNewPages,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
