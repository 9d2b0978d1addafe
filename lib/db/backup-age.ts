import "server-only";
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Decrypter, Encrypter } from "age-encryption";
import { FILE_MODE } from "./data-dir";

/*
 * Backups encrypted to a public key in the age format (age-encryption.org/v1),
 * so a copy can sit on another host or in a storage bucket: the server holds
 * only the public key (BACKUP_AGE_RECIPIENT), and the key that opens a backup
 * (the identity) is kept off the machine. Files are streamed through, never
 * read whole into memory; `age -d -i key.txt` opens them as well.
 */
const AGE_MAGIC = "age-encryption.org/v1\n";

/** An Encrypter for the recipient, or an error naming BACKUP_AGE_RECIPIENT (a bech32 typo). */
export function encrypterFor(recipient: string): Encrypter {
  const encrypter = new Encrypter();
  try {
    encrypter.addRecipient(recipient);
  } catch {
    throw new Error(
      "BACKUP_AGE_RECIPIENT is not a valid age public key (its checksum does not match: a typo?). " +
        "Copy the `public key: age1…` line printed by npm run backup:keygen (or age-keygen) again.",
    );
  }
  return encrypter;
}

export async function encryptFile(encrypter: Encrypter, from: string, to: string): Promise<void> {
  const encrypted = await encrypter.encrypt(webStream(from));
  await pipeline(
    Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>),
    createWriteStream(to, { mode: FILE_MODE, flags: "wx" }),
  );
}

/** Whether a file starts with the age header (binary age; the ASCII-armoured form is not written here). */
export function isAgeFile(file: string): boolean {
  return fileStartsWith(file, AGE_MAGIC);
}

export function fileStartsWith(file: string, magic: string): boolean {
  const head = Buffer.alloc(magic.length);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString("latin1") === magic;
}

/**
 * Decrypts `from` into `to` with the identities in an age key file (the format
 * of age-keygen and npm run backup:keygen: comment lines, then AGE-SECRET-KEY-1…).
 * Every failure says which file and what to do.
 */
export async function decryptFile(from: string, identityFile: string, to: string): Promise<void> {
  const decrypter = new Decrypter();
  for (const key of await readIdentities(identityFile)) {
    try {
      decrypter.addIdentity(key);
    } catch {
      throw new Error(`${identityFile} holds a key that is not a valid age identity (a typo?)`);
    }
  }
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypter.decrypt(webStream(from));
  } catch (error) {
    const message = (error as Error).message;
    if (message.includes("no identity matched")) {
      throw new Error(
        `The key in ${identityFile} does not open ${from}: the backup was encrypted to another ` +
          "public key (BACKUP_AGE_RECIPIENT when it was made). Give --identity the key file whose " +
          "`public key:` line matches that recipient.",
      );
    }
    throw new Error(`${from} is not a readable age file (${message}): is it complete?`);
  }
  try {
    await pipeline(
      Readable.fromWeb(plain as unknown as WebReadableStream<Uint8Array>),
      createWriteStream(to, { mode: FILE_MODE, flags: "wx" }),
    );
  } catch (error) {
    // The payload is authenticated chunk by chunk: a cut or altered file fails here.
    throw new Error(`${from} is damaged or incomplete (${(error as Error).message})`);
  }
}

async function readIdentities(identityFile: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(identityFile, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new Error(`Cannot read the key file ${identityFile} (${code}): check --identity`);
  }
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith("AGE-SECRET-KEY-"));
  if (keys.length === 0) {
    throw new Error(
      `${identityFile} holds no age key (a line starting AGE-SECRET-KEY-1): give --identity the ` +
        "file written by npm run backup:keygen or age-keygen, not the public key",
    );
  }
  return keys;
}

function webStream(file: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
}
