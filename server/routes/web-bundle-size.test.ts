// What `npm run size` (scripts/bundle-size.ts) counts as a first visit, on a small manifest shaped
// like Vite's: the entry, the landing page's own lazy chunk, the static imports of both (shared
// chunks once), and the CSS of all of them; never another page, nor a lazy import of the page.
// The script once counted the entry alone and missed the landing page's chunk. (It lives here
// because the server test project covers server/**; the files it counts are the ones web.ts serves.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstVisitFiles, LANDING_PAGE, LINKED_PAGES, type Manifest } from '../../scripts/bundle-size';

const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_shared-1.js'],
    dynamicImports: ['src/features/overview/OverviewPage.tsx', 'src/features/admin/AdminPage.tsx'],
    css: ['assets/index-1.css'],
  },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  '_format-1.js': { file: 'assets/format-1.js', imports: ['_shared-1.js'] },
  '_chart-1.js': { file: 'assets/chart-1.js', imports: ['_format-1.js'], css: ['assets/chart-1.css'] },
  'src/features/overview/OverviewPage.tsx': {
    file: 'assets/OverviewPage-1.js',
    isDynamicEntry: true,
    imports: ['_shared-1.js', '_chart-1.js', 'index.html'],
    dynamicImports: ['src/lib/xlsx.ts'],
  },
  'src/lib/xlsx.ts': { file: 'assets/xlsx-1.js', isDynamicEntry: true },
  'src/features/admin/AdminPage.tsx': { file: 'assets/AdminPage-1.js', isDynamicEntry: true, imports: ['index.html', '_format-1.js'] },
};

describe('firstVisitFiles', () => {
  it('counts the entry, the page, their static imports once each, and every chunk’s CSS', () => {
    expect(firstVisitFiles(MANIFEST, 'src/features/overview/OverviewPage.tsx')).toEqual([
      'assets/index-1.js',
      'assets/shared-1.js',
      'assets/OverviewPage-1.js',
      'assets/chart-1.js',
      'assets/format-1.js',
      'assets/index-1.css',
      'assets/chart-1.css',
    ]);
  });

  it('leaves out other pages and the page’s own lazy imports', () => {
    const files = firstVisitFiles(MANIFEST, 'src/features/admin/AdminPage.tsx');
    expect(files).toEqual(['assets/index-1.js', 'assets/shared-1.js', 'assets/AdminPage-1.js', 'assets/format-1.js', 'assets/index-1.css']);
  });

  it('fails on a page the manifest does not have, rather than measuring the entry alone', () => {
    expect(() => firstVisitFiles(MANIFEST, 'src/features/nowhere/NowherePage.tsx')).toThrow('The manifest has no chunk "src/features/nowhere/NowherePage.tsx".');
  });

  it('names pages the web app’s router really imports lazily', () => {
    const routes = readFileSync(new URL('../../web/src/app/routes.tsx', import.meta.url), 'utf8');
    for (const page of [LANDING_PAGE, ...LINKED_PAGES]) {
      expect(routes).toContain(`lazy(() => import('../${page.replace(/^src\//, '').replace(/\.tsx$/, '')}'))`);
    }
  });
});
