import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './processes';

/** One message as the server accepted it: the SMTP envelope and the parsed content. */
export interface ReceivedMail {
  from: string;
  to: string[];
  parsed: ParsedMail;
}

const USER = 'dx-mailer';
const PASSWORD = 'test-smtp-password';

/**
 * A real SMTP server (the `smtp-server` library) on a loopback port, requiring the login
 * in `url`, that parses every message with `mailparser` and keeps it in `messages`.
 * `stop()` and `start()` again reuse the same port, so a spec can take the mail server
 * away in the middle of a batch and bring it back.
 */
export class SmtpTestServer {
  readonly messages: ReceivedMail[] = [];
  /** Messages accepted so far (with `countOnly`, the only record kept). */
  accepted = 0;
  private server?: SMTPServer;

  private constructor(
    readonly port: number,
    private readonly countOnly: boolean,
    private readonly onMessage?: (mail: ReceivedMail) => void,
  ) {}

  /**
   * Starts a server on a free port. `countOnly` (benchmarks) accepts each message without
   * parsing or keeping it: mailparser costs more CPU per message than the sender under
   * test, and a real mail server does not parse MIME either. `messages` then stays empty.
   * `onMessage` sees each parsed message as it is accepted (browser tests spool them to
   * files, since their specs run apart from the process that owns the server).
   */
  static async create(
    opts: { countOnly?: boolean; onMessage?: (mail: ReceivedMail) => void } = {},
  ): Promise<SmtpTestServer> {
    const smtp = new SmtpTestServer(await freePort(), opts.countOnly ?? false, opts.onMessage);
    await smtp.start();
    return smtp;
  }

  /** `smtp://user:password@127.0.0.1:port`, the form `SMTP_URL` takes. */
  get url(): string {
    return `smtp://${USER}:${PASSWORD}@127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      // Plain SMTP on loopback: no certificate to make, and the login still goes over AUTH.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      // stop() refuses new connections at once and lets a transaction under way finish, as
      // a mail server does when it shuts down. (Cut in the middle of one, a message can be
      // accepted without the sender hearing so: SMTP then delivers it twice, a limit of the
      // protocol that a stable Message-ID lets readers recognise.)
      closeTimeout: 2_000,
      onAuth: (auth, _session, callback) =>
        auth.username === USER && auth.password === PASSWORD
          ? callback(null, { user: USER })
          : callback(new Error('Invalid username or password')),
      onData: (stream, session, callback) => {
        if (this.countOnly) {
          stream.on('end', () => {
            this.accepted++;
            callback();
          });
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then((parsed) => {
            const mail = {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              parsed,
            };
            this.messages.push(mail);
            this.onMessage?.(mail);
            this.accepted++;
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Clients cut off by stop() make the server emit errors; they are expected here.
    server.on('error', () => undefined);
    this.server = server;
  }

  /** Stops listening, then closes open connections (a mail server that went away). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages sent to `address`, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) =>
      m.to.some((to) => to.toLowerCase() === address.toLowerCase()),
    );
  }

  /** Resolves once at least `count` messages arrived; rejects after `timeoutMs`. */
  async waitForCount(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      if (Date.now() > deadline)
        throw new Error(`Expected ${count} messages, got ${this.messages.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
