import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string };

/** A real SMTP server in this process, on a port that can be stopped and started again. */
export class TestSmtp {
  received: ReceivedMail[] = [];
  /** How long each message waits before it is accepted: a slow mail server keeps a send in flight. */
  acceptDelayMs = 0;
  private server: SMTPServer | undefined;

  constructor(
    readonly port: number,
    readonly host = "127.0.0.1",
  ) {}

  static async onFreePort(host = "127.0.0.1"): Promise<TestSmtp> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, host, resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new TestSmtp(port, host);
  }

  get url(): string {
    return `smtp://${this.host}:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          setTimeout(() => {
            this.received.push({ to, raw: Buffer.concat(chunks).toString("utf8") });
            callback();
          }, this.acceptDelayMs);
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, this.host, resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
