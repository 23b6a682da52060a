// The quarter's cycle as an application plugin: the mailer (when SMTP_URL is set) and the timer
// that sends due reminders while the app runs. The timer is started only when asked (the server
// asks; tests call sendDueReminders themselves), and stops when the app closes.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { smtpMailer, type Mailer } from './mailer';
import { REMINDER_INTERVAL_MS, sendDueReminders, type ReminderRun } from './reminders';

export interface CycleOptions {
  /** SMTP server for reminder emails, e.g. smtp://user:pass@mail.example:587. None: in the app only. */
  smtpUrl?: string;
  /** The From address of reminder emails. */
  mailFrom?: string;
  /** Send due reminders every REMINDER_INTERVAL_MS (and once at start). Off unless asked. */
  reminderTimer?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    cycle: {
      mailer: Mailer | null;
      /** Records and emails every reminder due now that no process has sent yet. */
      sendDueReminders: (now?: Date) => Promise<ReminderRun>;
    };
  }
}

export const cyclePlugin = fp(
  async (app: FastifyInstance, options: CycleOptions) => {
    const mailer = options.smtpUrl ? smtpMailer(options.smtpUrl, options.mailFrom) : null;
    app.decorate('cycle', { mailer, sendDueReminders: (now?: Date) => sendDueReminders(app.db, now ?? app.now(), mailer) });

    let timer: NodeJS.Timeout | null = null;
    let running: Promise<unknown> | null = null;
    const tick = () => {
      if (running) return; // the previous run is still sending
      running = app.cycle
        .sendDueReminders()
        .then((run) => {
          if (run.claimed > 0) app.log.info(run, 'reminders sent');
        })
        .catch((error: unknown) => app.log.error({ err: error }, 'sending reminders failed'))
        .finally(() => {
          running = null;
        });
    };
    if (options.reminderTimer) {
      app.addHook('onReady', async () => {
        tick();
        timer = setInterval(tick, REMINDER_INTERVAL_MS);
        timer.unref();
      });
    }
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await running;
      mailer?.close();
    });
  },
  { name: 'cycle', dependencies: ['access'] },
);
