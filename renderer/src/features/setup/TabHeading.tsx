import type { ReactNode } from 'react';

export const TabHeading = ({ children }: { children: ReactNode }) => <h2 id="tab-heading">{children}</h2>;
