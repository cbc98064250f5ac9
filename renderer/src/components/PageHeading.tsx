import { useEffect, useRef, type ReactNode } from 'react';

/** The screen's h1; takes focus when the screen opens so keyboard and screen-reader users start at the top. */
export function PageHeading({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="page-heading">
      {caption && <p className="caption">{caption}</p>}
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </div>
  );
}
