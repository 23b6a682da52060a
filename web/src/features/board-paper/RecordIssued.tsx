// "Record this paper as issued", for analysts and administrators: a confirmation first (it keeps
// the figures the paper shows, for good), then the result in a banner that takes focus: who
// recorded it, when, and how many figures were kept. The next paper lists figures revised since
// this one. A refusal (an analyst of another partnership) is said in the server's words.
import { useEffect, useRef, useState } from 'react';
import { formatDateTime, plural } from '../../lib/format';
import { useIssuePaper, type IssuedPaper } from './api';

const RESULT_ID = 'paper-issued-result';

export function RecordIssued({ partnership, period, periodLabel }: { partnership: number; period: string; periodLabel: string }) {
  const [confirming, setConfirming] = useState(false);
  const [issued, setIssued] = useState<IssuedPaper | null>(null);
  const issue = useIssuePaper(partnership);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  /** After "Cancel", focus goes back to the button that opened the confirmation. */
  const cancelled = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (cancelled.current) {
      cancelled.current = false;
      openRef.current?.focus();
    }
  }, [confirming]);
  useEffect(() => {
    if (issued || issue.isError) resultRef.current?.focus();
  }, [issued, issue.isError]);

  const record = async () => {
    try {
      const result = await issue.mutateAsync(period);
      setConfirming(false);
      setIssued(result);
    } catch {
      setConfirming(false);
    }
  };

  return (
    <div className="app-paper-issue app-no-print">
      {!confirming && (
        <button
          type="button"
          ref={openRef}
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setIssued(null);
            issue.reset();
            setConfirming(true);
          }}
        >
          Record this paper as issued
        </button>
      )}
      {confirming && (
        <div className="govuk-inset-text app-paper-issue__confirm" id="paper-issue-confirm">
          <p className="govuk-body">
            Record the paper for {periodLabel} as issued to the board? The figures it shows are kept with the record, so the next paper lists any revised since. A record cannot be taken back.
          </p>
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            <button type="button" ref={confirmRef} className="govuk-button govuk-!-margin-bottom-0" disabled={issue.isPending} onClick={() => void record()}>
              Yes, record it as issued
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => {
                cancelled.current = true;
                setConfirming(false);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {issued && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={`${RESULT_ID}-title`} id={RESULT_ID} tabIndex={-1} ref={resultRef}>
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id={`${RESULT_ID}-title`}>
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Paper recorded as issued</p>
            <p className="govuk-body">
              The paper for {issued.periodLabel} was recorded as issued by {issued.issuedBy} on {formatDateTime(issued.issuedAt)}, with {plural(issued.figures, 'figure')}. The next paper
              lists any of them revised since.
            </p>
          </div>
        </div>
      )}
      {issue.isError && (
        <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={resultRef}>
          <h2 className="govuk-error-summary__title">The paper was not recorded as issued</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{issue.error.message}</p>
          </div>
        </div>
      )}
    </div>
  );
}
