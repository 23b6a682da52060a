// "Download this table" as CSV or Excel. The CSV is neutralised against formulas and starts
// with a byte order mark (see lib/csv.ts); the Excel writer is loaded only when it is used.
import { useState } from 'react';
import { saveFile, toCsv, type Cell } from '../lib/csv';

export function DownloadTable({ fileName, rows, label }: { fileName: string; rows: readonly (readonly Cell[])[]; label: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const excel = async () => {
    setProblem(null);
    try {
      const { toXlsx, XLSX_MIME } = await import('../lib/xlsx');
      saveFile(`${fileName}.xlsx`, XLSX_MIME, toXlsx(rows, label) as BlobPart);
    } catch {
      setProblem('The Excel file could not be made. Download the CSV file instead: it opens in Excel.');
    }
  };
  return (
    <div className="app-actions app-no-print govuk-!-margin-bottom-4">
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => saveFile(`${fileName}.csv`, 'text/csv;charset=utf-8', toCsv(rows))}>
        Download CSV<span className="govuk-visually-hidden">: {label}</span>
      </button>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void excel()}>
        Download Excel<span className="govuk-visually-hidden">: {label}</span>
      </button>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
