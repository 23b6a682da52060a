// A strategy status as a tag: symbol, words and colour together, so it reads on a projector, in
// black-and-white print and to a colour-blind reader alike.
import { STATUS_WORDS, type MeasureStatus } from '../../lib/strategy';

export function StatusTag({ status }: { status: MeasureStatus }) {
  const words = STATUS_WORDS[status];
  return (
    <strong className={`app-status app-status--${status}`}>
      <span className="app-status__symbol" aria-hidden="true">
        {words.symbol}
      </span>
      {words.text}
    </strong>
  );
}
