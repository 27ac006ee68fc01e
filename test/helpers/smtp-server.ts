import type net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The mail's Message-ID header ('' when it has none). */
  messageId: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, each message acknowledged after
 * `delayMs()` (a slow relay). Close it when the test ends (`t.after(smtp.close)`); closing twice is
 * harmless.
 */
export async function smtpServer({ port = 0, delayMs = () => 0 }: { port?: number; delayMs?: () => number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: /Message-ID: (.*)/i.exec(raw)?.[1]?.trim() ?? '' });
        const delay = delayMs();
        if (delay > 0) setTimeout(callback, delay);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    return closed;
  };
  return { port: (server.server.address() as net.AddressInfo).port, received, close };
}
