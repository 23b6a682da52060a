import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { href, Link, matchPath, navigate, navigationCount } from './router';

describe('matchPath', () => {
  it.each([
    ['/indicators/:id', '/indicators/repeat-victim-rate', { id: 'repeat-victim-rate' }],
    ['/indicators/:id', '/indicators/repeat-victim-rate/', { id: 'repeat-victim-rate' }],
    ['/returns/:type/upload', '/returns/police/upload', { type: 'police' }],
    ['/returns/submissions/:id', '/returns/submissions/12', { id: '12' }],
    ['/overview', '/overview', {}],
    ['/indicators/:id', '/indicators', null],
    ['/indicators/:id', '/indicators/a/b', null],
    ['/indicators/:id', '/indicators/%E0%A4%A', null],
    ['/indicators/:id', '/indicators/a%20b', { id: 'a b' }],
  ])('%s matches %s', (pattern, path, expected) => expect(matchPath(pattern, path)).toEqual(expected));
});

describe('href', () => {
  it('adds defined parameters only', () => {
    expect(href('/overview', { area: 'E09000004', period: '2019', benchmark: undefined, level: null })).toBe('/overview?area=E09000004&period=2019');
    expect(href('/overview')).toBe('/overview');
  });
});

describe('Link', () => {
  afterEach(() => navigate('/', { replace: true }));
  it('navigates in the app on a plain click and counts the navigation', () => {
    const before = navigationCount();
    render(<Link to="/overview?area=E09000004">Overview</Link>);
    fireEvent.click(screen.getByRole('link', { name: 'Overview' }));
    expect(window.location.pathname + window.location.search).toBe('/overview?area=E09000004');
    expect(navigationCount()).toBe(before + 1);
  });
  it('leaves a modified click to the browser', () => {
    render(<Link to="/elsewhere">Elsewhere</Link>);
    let leftToBrowser = false;
    // Runs after the link's own handler; stops jsdom, which cannot open new pages.
    const spy = (event: MouseEvent) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', spy);
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }), { ctrlKey: true });
    window.removeEventListener('click', spy);
    expect(leftToBrowser).toBe(true);
    expect(window.location.pathname).not.toBe('/elsewhere');
  });
});
