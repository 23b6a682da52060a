// Setup for the web project's jsdom tests: unmount what each test rendered, and stand in for the
// few browser calls jsdom does not implement.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Files that run under node (e.g. the Excel writer read back by ExcelJS) have no DOM.
if (typeof window !== 'undefined') {
  afterEach(() => cleanup());
  window.scrollTo = () => {};
  Element.prototype.scrollIntoView ??= function scrollIntoView() {};
}
