// The shared components that carry meaning: error summary, judgement tags, sparklines, table
// heads, text inputs, the loading and error states.
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client';
import { benchmarkWords } from '../lib/judgement';
import { DataTable } from './DataTable';
import { ErrorSummary } from './ErrorSummary';
import { FigureWarnings } from './FigureWarnings';
import { JudgementTag } from './Judgement';
import { ErrorState, Loading } from './QueryState';
import { Sparkline } from './Sparkline';
import { TableHead } from './TableHead';
import { TextInput } from './TextInput';

describe('ErrorSummary', () => {
  it('takes focus and links each problem to where it is', () => {
    render(
      <>
        <ErrorSummary title="There are 2 problems with police.csv" items={[{ text: 'Row 3, column victims: not a whole number', href: '#file-row-3' }, { text: 'The file has no period column' }]} />
        <table>
          <tbody>
            <tr id="file-row-3">
              <td>x</td>
            </tr>
          </tbody>
        </table>
      </>,
    );
    const summary = screen.getByRole('alert').parentElement!;
    expect(document.activeElement).toBe(summary);
    const link = screen.getByRole('link', { name: 'Row 3, column victims: not a whole number' });
    expect(link.getAttribute('href')).toBe('#file-row-3');
    Element.prototype.scrollIntoView = vi.fn();
    link.click();
    expect(document.activeElement?.id).toBe('file-row-3');
    expect(screen.getByText('The file has no period column').tagName).toBe('LI');
  });
});

describe('JudgementTag', () => {
  it('says the judgement in words; the symbol is hidden from screen readers', () => {
    render(<JudgementTag words={benchmarkWords('worse', 'Thames Valley')} />);
    const tag = screen.getByText('Worse than Thames Valley');
    expect(tag.className).toContain('app-judgement--worse');
    expect(tag.querySelector('[aria-hidden="true"]')?.textContent).toBe('✕');
  });
});

describe('Sparkline', () => {
  it('is an image with a text alternative', () => {
    render(<Sparkline values={[1, 2, null, 3]} description="From 1 to 3" />);
    const image = screen.getByRole('img', { name: 'From 1 to 3' });
    expect(image.querySelectorAll('path')).toHaveLength(2);
  });
  it('labels its ends and the step between points, which the text alternative already says', () => {
    render(<Sparkline values={[1, 2, 3]} description="Line of 3 figures a year apart, 2018-19 to 2020-21" firstLabel="2018-19" lastLabel="2020-21" />);
    const axis = screen.getByText('a year apart').parentElement!;
    expect(axis.textContent).toBe('2018-192020-21a year apart');
    expect(screen.getByText('2020-21').className).toBe('app-sparkline__end');
    expect(axis.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('2018-19 to 2020-21');
  });
  it('draws nothing without values', () => {
    const { container } = render(<Sparkline values={[null]} description="nothing" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('TableHead', () => {
  it('heads each column, numeric ones right-aligned and hidden ones for screen readers only', () => {
    render(
      <table>
        <TableHead columns={['Area', { label: 'Rows', numeric: true }, { label: 'Actions', hidden: true }]} />
      </table>,
    );
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Area', 'Rows', 'Actions']);
    expect(headers.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
    expect(headers[0].className).toBe('govuk-table__header');
    expect(headers[1].className).toBe('govuk-table__header govuk-table__header--numeric');
    expect(headers[2].innerHTML).toBe('<span class="govuk-visually-hidden">Actions</span>');
  });
});

describe('loading and error states', () => {
  it('announces loading politely', () => {
    render(<Loading what="the overview" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the overview…');
  });
  it.each([
    [new ApiError(0, 'The dashboard server could not be reached.'), 'Check your internet connection, then try again.', true],
    [new ApiError(500, 'Something went wrong.'), 'Try again in a few minutes.', true],
    [new ApiError(403, 'Your account does not have permission to do this.'), 'Ask your dashboard administrator for access', false],
    [new ApiError(404, 'There is no indicator "x".'), 'Check the address', true],
  ])('says what happened and what to do: %s', (error, advice, retry) => {
    const onRetry = vi.fn();
    render(<ErrorState error={error} what="the overview" onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain(error.message);
    expect(screen.getByRole('alert').textContent).toContain(advice);
    const button = screen.queryByRole('button', { name: 'Try again' });
    expect(Boolean(button)).toBe(retry);
    button?.click();
    if (retry) expect(onRetry).toHaveBeenCalled();
  });
});

describe('TextInput', () => {
  it('ties its label, hint and error to the input; a unit suffix is for sighted readers only', () => {
    render(<TextInput id="idle" label="Idle timeout" hint="Between 5 and 240 minutes" error="Enter a number of minutes between 5 and 240" suffix="minutes" inputMode="numeric" value="2" onChange={() => {}} />);
    const input = screen.getByRole('textbox', { name: 'Idle timeout' });
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('aria-describedby')).toBe('idle-hint idle-error');
    expect(input.className).toContain('govuk-input--error');
    const suffix = screen.getByText('minutes', { exact: true });
    expect(suffix.className).toBe('govuk-input__suffix');
    expect(suffix.getAttribute('aria-hidden')).toBe('true');
    expect(suffix.parentElement).toBe(input.parentElement);
  });
});

describe('FigureWarnings', () => {
  const message = 'When the police force sent these figures, a check found that charges were more than crimes. They were stored as sent.';
  it('says in words that the figure was flagged when sent, and where, with the icon hidden from screen readers', () => {
    const { container } = render(<FigureWarnings lines={[{ message, places: ['Q3 2019-20'] }]} />);
    const block = container.querySelector('.govuk-warning-text')!;
    expect(block.textContent).toBe(`!Warning: Flagged when sent (Q3 2019-20): ${message}`);
    expect(block.querySelector('.govuk-warning-text__icon')?.getAttribute('aria-hidden')).toBe('true');
    expect(block.querySelector('.govuk-visually-hidden')?.textContent).toBe('Warning: ');
  });
  it('lists several messages, and shows nothing without any', () => {
    render(<FigureWarnings lines={[{ message, places: [] }, { message: 'Crimes were more than incidents.', places: ['Bedford'] }]} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([`Flagged when sent: ${message}`, 'Flagged when sent (Bedford): Crimes were more than incidents.']);
    const { container } = render(<FigureWarnings lines={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('DataTable', () => {
  const message = 'When the police force sent these figures, a check found that charges were more than crimes. They were stored as sent.';
  const model = {
    columns: [
      { label: 'Period', numeric: false, show: 'download' as const },
      { label: 'Value', numeric: true },
      { label: 'Warnings', numeric: false, show: 'download' as const },
    ],
    rows: [
      { key: 'a', header: { text: 'Bexley' }, cells: [{ text: '2019' }, { text: '25.0%' }, { text: message }], flags: [{ message, places: ['Q3 2019-20'] }] },
      { key: 'b', header: { text: 'Bromley' }, cells: [{ text: '2019' }, { text: '20.0%' }, { text: '' }], flags: [] },
    ],
  };
  it('leaves download-only columns off the page', () => {
    render(<DataTable caption="Areas" firstHeader="Area" model={model} />);
    const table = screen.getByRole('table', { name: 'Areas' });
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Area', 'Value']);
    expect([...table.querySelectorAll('tbody tr')[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual(['25.0%']);
  });
  it('puts a flagged row’s warning in a line under it, across the table and tied to its row header', () => {
    render(<DataTable caption="Areas" firstHeader="Area" model={model} />);
    const rows = [...screen.getByRole('table', { name: 'Areas' }).querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')?.textContent ?? null)).toEqual(['Bexley', null, 'Bromley']);
    const note = rows[1].querySelector('td')!;
    expect(note.colSpan).toBe(2);
    expect(note.textContent).toBe(`!Warning: Flagged when sent (Q3 2019-20): ${message}`);
    expect(note.getAttribute('headers')).toBe(rows[0].querySelector('th')!.id);
    expect(rows[2].querySelector('th')!.hasAttribute('id')).toBe(false);
  });
});
