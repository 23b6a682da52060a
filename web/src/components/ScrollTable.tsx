// A wide table that scrolls sideways on a small screen; the scrolling region can take keyboard
// focus and is named, so keyboard users can scroll it too.
import type { ReactNode } from 'react';

export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
