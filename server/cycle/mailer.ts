// Email for reminders through nodemailer, when SMTP_URL is set (e.g. smtp://user:pass@host:587,
// smtps://host:465). Without it the app still records every reminder and shows it in the app.
import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export const DEFAULT_MAIL_FROM = 'Domestic abuse partnership dashboard <no-reply@dashboard.invalid>';
/** A reminder's email gives up after this long rather than holding the reminder run. */
const SMTP_TIMEOUT_MS = 30_000;

export function smtpMailer(smtpUrl: string, from: string = DEFAULT_MAIL_FROM): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
