import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateIdentity, identityToRecipient } from "age-encryption";
import SqliteDatabase from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/db/audit-log";
import { BACKUP_DIR, backupSqlite, CARRIED_TABLE } from "@/lib/db/backup";
import { createDb, SQLITE_FILE } from "@/lib/db/client";
import { savePreparedUpload } from "@/lib/db/content-images";
import { addPageRevision } from "@/lib/db/content-revisions";
import { inviteAccount } from "@/lib/db/staff-accounts";
import { restoreSqlite } from "@/lib/db/restore";
import { parseEnv } from "@/lib/env";
import { readOrCreateSecretFile } from "@/lib/secrets";
import { issueToken } from "@/lib/staff/tokens";
import { insertRequest } from "../../shared/insert-request";
import { pgTestUrl, sqliteTestDb } from "../db/test-databases";

/*
 * npm run db:backup with BACKUP_AGE_RECIPIENT, then npm run db:restore, on real
 * files: the backup is taken while requests keep arriving, encrypted to a key
 * made here, and restored into an empty DATA_DIR, where every row must be.
 */
const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const NOBODY = 65534;
const MARKER = `Marker-${randomBytes(6).toString("hex")}`;
const scratch = mkdtempSync(path.join(tmpdir(), "clinic-restore-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => path.join(scratch, `data-${(dirs += 1)}`);

async function newKey(name: string): Promise<{ file: string; recipient: string }> {
  const identity = await generateIdentity();
  const file = path.join(scratch, name);
  writeFileSync(file, `# public key: ${await identityToRecipient(identity)}\n${identity}\n`);
  return { file, recipient: await identityToRecipient(identity) };
}

/** Every row of every table, as sorted JSON lines: two databases compare equal row for row. */
function dump(file: string): Map<string, string[]> {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    return new Map(
      tables.map(({ name }) => [
        name,
        db
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** One of the scripts as npm runs it (tsx; node itself for .mts), in a process with its own environment. */
function runScript(script: string, args: string[], env: Record<string, string>) {
  const runner = script.endsWith(".mts") ? [] : [tsx, "--conditions=react-server"];
  const run = spawnSync(process.execPath, [...runner, script, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, DATABASE_URL: "", APP_SECRET: "", BACKUP_AGE_RECIPIENT: "", ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function restoreCli(dataDir: string, args: string[], env: Record<string, string> = {}) {
  return runScript("scripts/db-restore.ts", args, { DATA_DIR: dataDir, ...env });
}

describe("encrypted backup and npm run db:restore", () => {
  let t: Awaited<ReturnType<typeof sqliteTestDb>>;
  let key: { file: string; recipient: string };
  let backup: string;
  const before: string[] = [];
  const during: string[] = [];

  beforeAll(async () => {
    t = await sqliteTestDb();
    readOrCreateSecretFile(t.dataDir);
    key = await newKey("key.txt");
    for (let i = 0; i < 200; i += 1) {
      before.push(await insertRequest(t.db, { message: `${MARKER} request ${i}` }));
    }
    for (const email of ["owner@example.com", "editor@example.com"]) {
      const now = new Date();
      await inviteAccount(t.db, {
        email,
        role: "owner",
        name: MARKER,
        token: issueToken(now),
        now,
      });
    }
    for (let parentId = 0; parentId < 3; parentId += 1) {
      const { ok } = await addPageRevision(t.db, {
        slug: "treatment",
        author: "Sam",
        note: null,
        action: "publish",
        frontmatter: { title: "Treatment", description: "x", lastReviewed: "2026-11-01" },
        body: `${MARKER} body ${parentId}`,
        baseHash: null,
        parentId: parentId === 0 ? 0 : parentId,
        now: new Date(),
      });
      expect(ok).toBe(true);
    }
    const hash = "a".repeat(64);
    const image = { hash, mime: "image/jpeg", width: 800, height: 600 };
    await savePreparedUpload(t.db, { ...image, bytes: 6, created_at: new Date().toISOString() }, [
      { ...image, name: `${hash}-800.jpg`, bytes: 6, data: Buffer.from(MARKER).toString("base64") },
    ]);
    await recordAudit(t.db, {
      at: new Date(),
      actor: { accountId: "acc-1", name: "Sam" },
      event: "request-viewed",
      object: { type: "request", id: before[0]! },
      clientHash: "h",
    });

    // The site keeps taking requests while the backup runs.
    let writing = true;
    const writer = (async () => {
      while (writing) {
        during.push(await insertRequest(t.db, { message: `${MARKER} during` }));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      ({ file: backup } = await backupSqlite(t.dataDir, 14, { recipient: key.recipient }));
    } finally {
      writing = false;
      await writer;
    }
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("keeps only the encrypted file, in which nothing from the data can be read", () => {
    expect(during.length).toBeGreaterThan(0);
    expect(backup.endsWith(".sqlite.age")).toBe(true);
    // No plaintext copy beside it, finished or partial.
    expect(readdirSync(path.join(t.dataDir, BACKUP_DIR))).toEqual([path.basename(backup)]);
    const bytes = readFileSync(backup);
    const secret = readFileSync(path.join(t.dataDir, "app-secret"));
    for (const plain of [MARKER, "SQLite format 3", "owner@example.com", secret.toString()]) {
      expect(bytes.includes(plain), plain).toBe(false);
    }
    expect(bytes.subarray(0, 21).toString()).toBe("age-encryption.org/v1");
  });

  it("restores into an empty DATA_DIR: every request, revision, image, account and the secret", async () => {
    const dataDir = freshDir();
    // As root (sudo on a systemd host), the files go to DATA_DIR's owner, the server's user.
    const owner = process.getuid?.() === 0 ? NOBODY : process.getuid?.();
    mkdirSync(dataDir, { mode: 0o700 });
    if (owner === NOBODY) chownSync(dataDir, NOBODY, NOBODY);
    const result = await restoreSqlite({ backup, dataDir, identityFile: key.file });
    const restored = dump(path.join(dataDir, SQLITE_FILE));
    const source = dump(path.join(t.dataDir, SQLITE_FILE));

    expect(restored.has(CARRIED_TABLE)).toBe(false);
    // Only requests were written during the backup: every other table is identical.
    for (const [table, rows] of source) {
      if (table !== "consultation_requests") expect(restored.get(table), table).toEqual(rows);
    }
    for (const table of [
      "page_revisions",
      "content_images",
      "content_image_files",
      "staff_accounts",
      "audit_log",
    ]) {
      expect(restored.get(table)?.length, table).toBeGreaterThan(0);
    }
    // Requests: every one from before, unchanged; those written meanwhile up to one moment.
    const requests = new Set(restored.get("consultation_requests"));
    const sourceRequests = source.get("consultation_requests") ?? [];
    const beforeRows = sourceRequests.filter((row) =>
      before.includes((JSON.parse(row) as { reference: string }).reference),
    );
    expect(beforeRows).toHaveLength(before.length);
    expect(beforeRows.filter((row) => !requests.has(row))).toEqual([]);
    expect(requests.size).toBeLessThanOrEqual(before.length + during.length);

    // The counts printed are the restored database's.
    const counted = Object.fromEntries(result.tables.map((table) => [table.name, table.rows]));
    expect(counted.consultation_requests).toBe(requests.size);
    expect(counted.staff_accounts).toBe(2);
    expect(counted.page_revisions).toBe(3);
    expect(result.restoredFiles).toEqual(["app-secret"]);
    expect(readFileSync(path.join(dataDir, "app-secret"))).toEqual(
      readFileSync(path.join(t.dataDir, "app-secret")),
    );
    // Nothing temporary is left in DATA_DIR.
    expect(readdirSync(dataDir).sort()).toEqual(["app-secret", SQLITE_FILE]);
    for (const name of readdirSync(dataDir)) {
      const stat = statSync(path.join(dataDir, name));
      expect([stat.uid, stat.mode & 0o777], name).toEqual([owner, 0o600]);
    }
  });

  it("restores an unencrypted backup without a key, and refuses a file that is not a backup", async () => {
    const { file: plain } = await backupSqlite(t.dataDir, 14);
    const dataDir = freshDir();
    const result = await restoreSqlite({ backup: plain, dataDir });
    expect(result.restoredFiles).toEqual(["app-secret"]);
    expect(dump(path.join(dataDir, SQLITE_FILE)).get("staff_accounts")).toEqual(
      dump(path.join(t.dataDir, SQLITE_FILE)).get("staff_accounts"),
    );
    const notBackup = path.join(scratch, "notes.txt");
    writeFileSync(notBackup, MARKER);
    await expect(restoreSqlite({ backup: notBackup, dataDir: freshDir() })).rejects.toThrow(
      `${notBackup} is neither a SQLite database nor an age-encrypted backup`,
    );
    rmSync(plain);
  });

  it("refuses a wrong key or none, naming the file and the flag, and leaves DATA_DIR empty", async () => {
    const other = await newKey("other-key.txt");
    const dataDir = freshDir();
    await expect(restoreSqlite({ backup, dataDir, identityFile: other.file })).rejects.toThrow(
      `The key in ${other.file} does not open ${backup}`,
    );
    await expect(restoreSqlite({ backup, dataDir })).rejects.toThrow(
      `${backup} is encrypted: give the key file that opens it with --identity`,
    );
    const recipientOnly = path.join(scratch, "public.txt");
    writeFileSync(recipientOnly, `${key.recipient}\n`);
    await expect(restoreSqlite({ backup, dataDir, identityFile: recipientOnly })).rejects.toThrow(
      "holds no age key",
    );
    // Cut short (a copy that did not finish): the last chunk's authentication fails.
    const cut = path.join(scratch, "cut.sqlite.age");
    const bytes = readFileSync(backup);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    await expect(restoreSqlite({ backup: cut, dataDir, identityFile: key.file })).rejects.toThrow(
      `${cut} is damaged or incomplete`,
    );
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("refuses to replace a database unless told, then keeps the old one aside", async () => {
    const dataDir = freshDir();
    const db = createDb({ dataDir });
    await db.schema.createTable("old_marker").addColumn("x", "text").execute();
    await db.destroy();
    const old = readFileSync(path.join(dataDir, SQLITE_FILE));

    await expect(restoreSqlite({ backup, dataDir, identityFile: key.file })).rejects.toThrow(
      `${path.join(dataDir, SQLITE_FILE)} already holds a database: add --replace`,
    );
    expect(readFileSync(path.join(dataDir, SQLITE_FILE))).toEqual(old);

    const now = new Date(Date.UTC(2030, 0, 1));
    const result = await restoreSqlite({
      backup,
      dataDir,
      identityFile: key.file,
      replace: true,
      now,
    });
    expect(result.aside).toBe(path.join(dataDir, "before-restore-20300101T000000000Z"));
    expect(readFileSync(path.join(result.aside!, SQLITE_FILE))).toEqual(old);
    expect(dump(path.join(dataDir, SQLITE_FILE)).has("old_marker")).toBe(false);
  });

  it("the command refuses a database a running server holds open, and restores once it stops", async () => {
    const dataDir = freshDir();
    const server = createDb({ dataDir });
    await server.schema.createTable("live").addColumn("x", "text").execute();
    const refused = restoreCli(dataDir, [backup, "--identity", key.file, "--replace"]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(
      `${path.join(dataDir, SQLITE_FILE)} is in use by a running server`,
    );
    expect(dump(path.join(dataDir, SQLITE_FILE)).has("live")).toBe(true);
    await server.destroy();

    const done = restoreCli(dataDir, [backup, "--identity", key.file, "--replace"]);
    expect(done.output).toContain("Integrity check: ok.");
    expect(done.output).toMatch(/consultation_requests\s+\d+/);
    expect(done.status).toBe(0);
    expect(existsSync(path.join(dataDir, SQLITE_FILE))).toBe(true);
    expect(dump(path.join(dataDir, SQLITE_FILE)).has("live")).toBe(false);
  });

  it("the command refuses with DATABASE_URL set and points to pg_restore", () => {
    const run = restoreCli(freshDir(), [backup, "--identity", key.file], {
      DATABASE_URL: pgTestUrl(),
    });
    expect(run.status).toBe(1);
    expect(run.output).toContain("DATABASE_URL is set: this restores SQLite only");
    expect(run.output).toContain("pg_restore");
  });
});

describe("the plaintext copy of an encrypted backup", () => {
  it("is deleted when the backup fails, and one left by a killed run is deleted by the next", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "clinic-backup-partial-"));
    try {
      const { recipient } = await newKey("partial-key.txt");
      // No database: the copy fails after its temporary file was made.
      await expect(backupSqlite(dataDir, 14, { recipient })).rejects.toThrow("No database at");
      expect(readdirSync(path.join(dataDir, BACKUP_DIR))).toEqual([]);

      const t = await sqliteTestDb();
      const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
      const left = path.join(
        t.dataDir,
        BACKUP_DIR,
        `.clinic-20300101T000000000Z.sqlite-${dead}.partial`,
      );
      const running = path.join(
        t.dataDir,
        BACKUP_DIR,
        `.clinic-20300101T000000000Z.sqlite-${process.pid}.partial`,
      );
      mkdirSync(path.dirname(left), { recursive: true });
      writeFileSync(left, "plaintext");
      writeFileSync(running, "plaintext");
      const { file } = await backupSqlite(t.dataDir, 14, { recipient });
      expect(readdirSync(path.dirname(file)).sort()).toEqual(
        [path.basename(running), path.basename(file)].sort(),
      );
      await t.dispose();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("a mistyped BACKUP_AGE_RECIPIENT stops the backup, naming the variable", async () => {
    const { recipient } = await newKey("typo-key.txt");
    expect(parseEnv({ BACKUP_AGE_RECIPIENT: recipient }).BACKUP_AGE_RECIPIENT).toBe(recipient);
    for (const shape of ["AGE-SECRET-KEY-1QQQ", recipient.slice(0, -1), `${recipient} x`]) {
      expect(() => parseEnv({ BACKUP_AGE_RECIPIENT: shape })).toThrow(
        "BACKUP_AGE_RECIPIENT: must be an age public key",
      );
    }
    // Right shape, wrong checksum: caught before anything is copied.
    const typo = `${recipient.slice(0, 20)}${recipient[20] === "q" ? "p" : "q"}${recipient.slice(21)}`;
    await expect(backupSqlite(scratch, 14, { recipient: typo })).rejects.toThrow(
      "BACKUP_AGE_RECIPIENT is not a valid age public key",
    );
  });
});

describe("npm run backup:keygen and npm run db:backup, as run", () => {
  it("makes a key that encrypted backups are made to and restored with", () => {
    const keyFile = path.join(scratch, "made-by-keygen.txt");
    const made = runScript("scripts/backup-keygen.mts", [keyFile], {});
    expect(made.status).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const recipient = /BACKUP_AGE_RECIPIENT=(age1\S+)/.exec(made.output)?.[1];
    expect(readFileSync(keyFile, "utf8")).toContain(`# public key: ${recipient}`);
    // A second run must not overwrite the key that opens the backups made so far.
    const again = runScript("scripts/backup-keygen.mts", [keyFile], {});
    expect(again.status).toBe(1);
    expect(again.output).toContain(`${keyFile} exists already`);

    const source = freshDir();
    const seeded = runScript("scripts/db-migrate.ts", [], { DATA_DIR: source });
    expect(seeded.status).toBe(0);
    const typo = runScript("scripts/db-backup.ts", [], {
      DATA_DIR: source,
      BACKUP_AGE_RECIPIENT: `${recipient}b`, // b is not a bech32 letter
    });
    expect(typo.status).toBe(1);
    expect(typo.output).toContain("BACKUP_AGE_RECIPIENT: must be an age public key");
    const backedUp = runScript("scripts/db-backup.ts", [], {
      DATA_DIR: source,
      BACKUP_AGE_RECIPIENT: recipient!,
    });
    expect(backedUp.status).toBe(0);
    const file = /to (\S+\.sqlite\.age)/.exec(backedUp.output)?.[1];
    expect(readdirSync(path.join(source, BACKUP_DIR))).toEqual([path.basename(file!)]);
    const restored = restoreCli(freshDir(), [file!, "--identity", keyFile]);
    expect(restored.output).toContain("Integrity check: ok.");
    expect(restored.status).toBe(0);
  });
});
