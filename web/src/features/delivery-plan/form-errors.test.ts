// The forms' problems in words: what the page catches before sending, and the API's 400 bodies
// (as server/app.ts and server/routes/actions.ts write them) put on the field they are about.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { changeBody, newActionBody, valuesOf } from './ActionForm';
import { actionProblems, problemsFromApi, progressProblems, type ActionValues } from './form-errors';
import { ACTIONS } from './test-plan';

const VALID: ActionValues = { title: 'Run the training', aim: '10', measure: '', leadAgency: 'Oxfordshire County Council', leadPerson: '', timescale: 'Year 2', due: '', status: 'on-track' };

function refusal(status: number, body: { code: string; message: string }) {
  return new ApiError(status, body.message, { statusCode: status, error: 'Bad Request', ...body }, body.code);
}

describe('before sending', () => {
  it('asks for the activity and the lead agency, and keeps texts within the API’s limits', () => {
    expect(actionProblems(VALID)).toEqual([]);
    expect(actionProblems({ ...VALID, title: '  ', leadAgency: '' })).toEqual([
      { field: 'title', text: 'Enter the activity' },
      { field: 'leadAgency', text: 'Enter the lead agency' },
    ]);
    expect(actionProblems({ ...VALID, title: 'x'.repeat(1001), timescale: 'y'.repeat(201) })).toEqual([
      { field: 'title', text: 'The activity must be 1,000 characters or fewer' },
      { field: 'timescale', text: 'The timescale must be 200 characters or fewer' },
    ]);
    expect(actionProblems({ ...VALID, due: '31/03/2027' })).toEqual([{ field: 'due', text: 'Enter the due date as a day, for example 31 3 2027, or leave it blank' }]);
  });

  it('asks for the date and the words of a progress update', () => {
    expect(progressProblems({ on: '2026-11-22', text: 'Done.', status: '' })).toEqual([]);
    expect(progressProblems({ on: '', text: ' ', status: '' })).toEqual([
      { field: 'on', text: 'Enter the date of the update' },
      { field: 'text', text: 'Enter what has happened' },
    ]);
  });
});

describe('the API’s refusals', () => {
  it('puts each broken rule of a validation 400 on its field, in words', () => {
    const error = refusal(400, {
      code: 'invalid-request',
      message: 'The request is not valid: title: Too small: expected string to have >=1 characters; leadAgency: Too big: expected string to have <=300 characters; due: a day written YYYY-MM-DD',
    });
    expect(problemsFromApi(error, ['title', 'leadAgency', 'due'])).toEqual([
      { field: 'title', text: 'Enter the activity' },
      { field: 'leadAgency', text: 'The lead agency must be 300 characters or fewer' },
      { field: 'due', text: 'Enter the due date as a day, for example 31 3 2027' },
    ]);
  });

  it('keeps a rule about a field the form does not have for the form as a whole', () => {
    const error = refusal(400, { code: 'invalid-request', message: 'The request is not valid: request: send at least one field to change' });
    expect(problemsFromApi(error, ['title'])).toEqual([{ field: null, text: 'Send at least one field to change' }]);
  });

  it('puts the route’s own checks on the field their code names', () => {
    expect(problemsFromApi(refusal(400, { code: 'future-update', message: 'An update reports what has happened, so its date (2026-12-01) cannot be after today (2026-11-22).' }), ['on', 'text', 'status'])).toEqual([
      { field: 'on', text: 'An update reports what has happened, so its date (2026-12-01) cannot be after today (2026-11-22).' },
    ]);
    expect(problemsFromApi(refusal(400, { code: 'invalid-due', message: '2027-02-30 is not a day of the calendar.' }), ['due'])).toEqual([{ field: 'due', text: '2027-02-30 is not a day of the calendar.' }]);
    expect(
      problemsFromApi(
        refusal(400, { code: 'invalid-link', message: 'Measure 1.1 (da-incident-rate) belongs to aim 1 (Prevention), not aim 2 (Provision). Send a measure of that aim, or measure: null.' }),
        ['aim', 'measure'],
      ),
    ).toEqual([{ field: 'measure', text: 'Measure 1.1 (da-incident-rate) belongs to aim 1 (Prevention), not aim 2 (Provision). Choose one of that aim’s measures, or no measure.' }]);
  });

  it('says when the action has gone, and that nothing was saved otherwise', () => {
    expect(problemsFromApi(refusal(404, { code: 'unknown-action', message: "Oxfordshire's delivery plan has no action 7." }), ['title'])).toEqual([
      { field: null, text: "Oxfordshire's delivery plan has no action 7. Someone may have removed it: the plan below is up to date." },
    ]);
    expect(problemsFromApi(new ApiError(0, 'The dashboard server could not be reached. Check your connection, then try again.'), ['title'])).toEqual([
      { field: null, text: 'The dashboard server could not be reached. Check your connection, then try again. Nothing was saved.' },
    ]);
  });
});

describe('what the forms send', () => {
  it('sends a new action with blanks as nulls, and no due date when none is given (the server reads the timescale)', () => {
    expect(newActionBody({ ...VALID, title: ' Run the training ', leadPerson: ' ' })).toEqual({
      title: 'Run the training',
      aim: 10,
      measure: null,
      leadAgency: 'Oxfordshire County Council',
      leadPerson: null,
      timescale: 'Year 2',
      status: 'on-track',
    });
    expect(newActionBody({ ...VALID, due: '2027-06-30' }).due).toBe('2027-06-30');
  });

  it('sends only what changed, and the aim with the measure', () => {
    const before = valuesOf(ACTIONS[2]);
    expect(changeBody(before, before)).toBeNull();
    expect(changeBody(before, { ...before, status: 'at-risk' })).toEqual({ status: 'at-risk' });
    expect(changeBody(before, { ...before, timescale: 'March 2027' })).toEqual({ timescale: 'March 2027' });
    expect(changeBody(before, { ...before, aim: '10', measure: '' })).toEqual({ aim: 10, measure: null });
    expect(changeBody(before, { ...before, due: '', leadPerson: '' })).toEqual({ leadPerson: null });
    expect(changeBody(valuesOf(ACTIONS[1]), { ...valuesOf(ACTIONS[1]), due: '' })).toEqual({ due: null });
  });
});
