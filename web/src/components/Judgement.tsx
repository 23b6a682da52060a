// A judgement tag: symbol, words and colour together.
import type { Words } from '../lib/judgement';

export function JudgementTag({ words }: { words: Words }) {
  return (
    <strong className={`app-judgement app-judgement--${words.tone}`}>
      <span className="app-judgement__symbol" aria-hidden="true">
        {words.symbol}
      </span>
      {words.text}
    </strong>
  );
}
