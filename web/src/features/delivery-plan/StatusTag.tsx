// An action's status as a tag: a shape, the word and a colour, so it reads in black and white,
// to a screen reader and on a projector alike.
import { STATUS_WORDS, type ActionStatus } from './plan-words';

export function StatusTag({ status }: { status: ActionStatus }) {
  const words = STATUS_WORDS[status];
  return (
    <strong className={`app-plan-status app-plan-status--${status}`}>
      <span className="app-plan-status__symbol" aria-hidden="true">
        {words.symbol}
      </span>
      {words.text}
    </strong>
  );
}
