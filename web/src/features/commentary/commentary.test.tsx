// The commentary component against a fake server that fails on any request it was not given:
// how a comment reads (plain text with its line breaks, author and date, revised, earlier
// versions, a figure revised since), who may write, adding and revising with focus moved to what
// was saved, the character limit, and a revision someone else saved first (409).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCommentary, type Comment } from './api';
import { Commentary, type CommentaryProps } from './Commentary';
import { comment, fakeServer, withClient, type Route } from './test-server';

const PERIOD = 'R12-2026-27Q2';
const LIST = `/api/partnerships/1/commentary?period=${PERIOD}`;
const AIM_LABEL = 'Aim 1: Prevention';

afterEach(() => vi.unstubAllGlobals());

/** The page's list query, which the component's writes refresh: a test's server keeps it in `state`. */
function listRoute(state: { comments: Comment[] }): Route {
  return () => ({ body: { commentary: state.comments } });
}

/** The commentary on aim 1, fed as the page feeds it: from the one list query, which the component's writes refresh. */
function Host(props: Partial<CommentaryProps>) {
  const query = useCommentary(1, { period: PERIOD });
  return <Commentary partnership={1} period={PERIOD} subject={{ kind: 'aim', aim: 1 }} label={AIM_LABEL} comments={query.data ?? []} canEdit heading={{ level: 3, text: 'Commentary' }} emptyText="No commentary on this aim yet." {...props} />;
}

function renderCommentary(_state: { comments: Comment[] }, props: Partial<CommentaryProps> = {}) {
  return render(withClient(<Host {...props} />));
}

describe('a comment as it reads', () => {
  it('is plain text with its line breaks, signed with its author and date; markup stays text', async () => {
    const state = { comments: [comment({ id: 5, versions: ['Referrals rose.\nThe <b>new</b> service opened in June.'] })] };
    fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state, { canEdit: false });
    const article = await screen.findByRole('article', { name: 'Commentary by Demo analyst, 18 November 2026' });
    expect(article.querySelector('.app-comment__body')!.textContent).toBe('Referrals rose.\nThe <b>new</b> service opened in June.');
    expect(article.querySelector('b')).toBeNull();
    expect(within(article).getByText('Demo analyst, 18 November 2026')).toBeTruthy();
    expect(within(article).queryByText('Revised')).toBeNull();
    expect(article.querySelector('details')).toBeNull();
  });

  it('says it was revised and keeps the earlier versions, newest first, behind a disclosure', async () => {
    const state = { comments: [comment({ id: 5, versions: ['First thoughts.', 'Second thoughts.', 'Third thoughts.'] })] };
    fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state, { canEdit: false });
    const article = await screen.findByRole('article', { name: 'Commentary by Demo analyst, 20 November 2026' });
    expect(article.querySelector('.app-comment__body')!.textContent).toBe('Third thoughts.');
    expect(within(article).getByText('Revised')).toBeTruthy();
    const details = article.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Earlier versions (2)');
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Version 2: Demo analyst, 19 November 2026Second thoughts.', 'Version 1: Demo analyst, 18 November 2026First thoughts.']);
  });

  it('warns when the figures were revised after it was written, saying when and which quarters', async () => {
    const state = {
      comments: [
        comment({
          id: 6,
          subject: { kind: 'measure', indicator: 'repeat-victim-rate', area: 'E06000060', measure: 11, aim: null, label: 'Repeat victims, Buckinghamshire', removed: false },
          figure: { revised: true, lastRevisedAt: '2026-11-21T09:00:00.000Z', quarters: ['2026-27Q2'] },
        }),
      ],
    };
    fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state, { canEdit: false, subject: { kind: 'measure', measure: 11 } });
    const article = await screen.findByRole('article');
    expect(article.querySelector('.govuk-warning-text')!.textContent).toMatch(/^!WarningThe figures were revised on 21 November 2026 after this comment was written \(the quarter 2026-27 Q2.*\)\. Read it against the figures as they are now\.$/);
  });

  it('shows a reader no way to add or revise', async () => {
    const state = { comments: [comment({ id: 5 })] };
    fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state, { canEdit: false });
    await screen.findByRole('article');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says when there is none yet', async () => {
    const state = { comments: [] };
    fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state, { canEdit: false });
    await waitFor(() => expect(screen.getByText('No commentary on this aim yet.')).toBeTruthy());
  });
});

describe('adding commentary', () => {
  it('opens a labelled textarea with the focus in it, refuses an empty one in words, then saves and moves focus to the comment', async () => {
    const state = { comments: [] as Comment[] };
    const { sent } = fakeServer({
      [`GET ${LIST}`]: listRoute(state),
      'POST /api/partnerships/1/commentary': (request) => {
        const created = comment({ id: 7, versions: [(request.body as { body: string }).body] });
        state.comments = [created];
        return { status: 201, body: created };
      },
    });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: `Add commentary on ${AIM_LABEL}` }));
    const textarea = screen.getByRole('textbox', { name: `Commentary on ${AIM_LABEL}` });
    expect(document.activeElement).toBe(textarea);
    expect(screen.getByText('You have 5,000 characters remaining')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save commentary' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Write the commentary before saving it');
    expect(within(alert).getByRole('link').getAttribute('href')).toBe(`#${textarea.id}`);
    expect(textarea.getAttribute('aria-describedby')).toContain(`${textarea.id}-error`);
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(textarea, { target: { value: '  Referrals rose.\nA new service opened.  ' } });
    expect(screen.getByText('You have 4,959 characters remaining')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save commentary' }));
    const article = await screen.findByRole('article');
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ subject: { kind: 'aim', aim: 1 }, period: PERIOD, body: 'Referrals rose.\nA new service opened.' }]);
    await waitFor(() => expect(document.activeElement).toBe(article));
    expect(screen.getByRole('status').textContent).toBe('Commentary added.');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('counts the characters over the limit and sends nothing', async () => {
    const state = { comments: [] as Comment[] };
    const { sent } = fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: `Add commentary on ${AIM_LABEL}` }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'x'.repeat(5001) } });
    expect(screen.getByText('You have 1 character too many')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save commentary' }));
    expect(screen.getByRole('alert').textContent).toContain('Commentary must be 5,000 characters or fewer: shorten it by 1');
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('shows the server’s refusal in words and keeps the text', async () => {
    const state = { comments: [] as Comment[] };
    fakeServer({
      [`GET ${LIST}`]: listRoute(state),
      'POST /api/partnerships/1/commentary': () => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', code: 'unknown-aim', message: 'Aim 1 is not part of this partnership’s strategy.' } }),
    });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: `Add commentary on ${AIM_LABEL}` }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Why it moved.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save commentary' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Aim 1 is not part of this partnership’s strategy.'));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Why it moved.');
  });

  it('returns focus to the button when cancelled', async () => {
    const state = { comments: [] as Comment[] };
    fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: `Add commentary on ${AIM_LABEL}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `Add commentary on ${AIM_LABEL}` })));
  });
});

describe('revising commentary', () => {
  it('sends the new text with the version revised, and shows the new version with the old one kept', async () => {
    const state = { comments: [comment({ id: 5, versions: ['First thoughts.'] })] };
    const { sent } = fakeServer({
      [`GET ${LIST}`]: listRoute(state),
      'PUT /api/partnerships/1/commentary/5': (request) => {
        const revised = comment({ id: 5, versions: ['First thoughts.', (request.body as { body: string }).body] });
        state.comments = [revised];
        return { body: revised };
      },
    });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: 'Revise the commentary by Demo analyst, 18 November 2026' }));
    const textarea = screen.getByRole('textbox', { name: 'Revised commentary' }) as HTMLTextAreaElement;
    expect(textarea.value).toBe('First thoughts.');
    expect(document.activeElement).toBe(textarea);
    fireEvent.change(textarea, { target: { value: 'Second thoughts.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the revision' }));
    await waitFor(() => expect(screen.getByRole('article').querySelector('.app-comment__body')!.textContent).toBe('Second thoughts.'));
    expect(sent.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ body: 'Second thoughts.', version: 1 }]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('article')));
    expect(screen.getByRole('status').textContent).toBe('Commentary revised.');
    expect(screen.getByText('Revised')).toBeTruthy();
    expect(screen.getByText('Earlier version')).toBeTruthy();
  });

  it('sends nothing when the text is unchanged, and says so', async () => {
    const state = { comments: [comment({ id: 5, versions: ['First thoughts.'] })] };
    const { sent } = fakeServer({ [`GET ${LIST}`]: listRoute(state) });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: /^Revise the commentary/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'First thoughts.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the revision' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('article')));
    expect(screen.getByRole('status').textContent).toBe('Nothing was changed: the text is the same as before.');
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('when someone else revised it first: says so, shows their version, keeps the writer’s text, and saves against theirs next time', async () => {
    const theirs = comment({ id: 5, versions: ['First thoughts.', 'Their thoughts.'], author: { id: 3, name: 'Another analyst' } });
    theirs.history[1].author = { id: 3, name: 'Another analyst' };
    const state = { comments: [comment({ id: 5, versions: ['First thoughts.'] })] };
    let puts = 0;
    const { sent } = fakeServer({
      [`GET ${LIST}`]: listRoute(state),
      'GET /api/partnerships/1/commentary/5': () => ({ body: theirs }),
      'PUT /api/partnerships/1/commentary/5': (request) => {
        puts++;
        if (puts === 1) {
          state.comments = [theirs];
          return { status: 409, body: { statusCode: 409, error: 'Conflict', code: 'comment-changed', message: 'This comment has been revised since version 1 (it is now at version 2). Read it again, then make your change.' } };
        }
        const mine = comment({ id: 5, versions: ['First thoughts.', 'Their thoughts.', (request.body as { body: string }).body] });
        state.comments = [mine];
        return { body: mine };
      },
    });
    renderCommentary(state);
    fireEvent.click(await screen.findByRole('button', { name: /^Revise the commentary/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'My thoughts.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the revision' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Another analyst revised this commentary on 19 November 2026 at 10:00 while you were writing. Their version (version 2) is now shown above');
    await waitFor(() => expect(screen.getByRole('article').querySelector('.app-comment__body')!.textContent).toBe('Their thoughts.'));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('My thoughts.');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save the revision' }));
    });
    await waitFor(() => expect(screen.getByRole('article').querySelector('.app-comment__body')!.textContent).toBe('My thoughts.'));
    expect(sent.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { body: 'My thoughts.', version: 1 },
      { body: 'My thoughts.', version: 2 },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
