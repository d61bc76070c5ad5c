/**
 * The performance-data pages (objectives, indicators, import, readiness), mounted by the app's
 * router, and their entries in the main navigation. Paths are relative so they work wherever the
 * shell nests them (they resolve from the app root).
 */
import type { RouteObject } from 'react-router';
import { ImportPage } from './ImportPage.tsx';
import { ObjectivesPage } from './ObjectivesPage.tsx';
import { ReadinessPage } from './ReadinessPage.tsx';

export const performanceRoutes: RouteObject[] = [
  { path: 'objectives', element: <ObjectivesPage /> },
  {
    path: 'objectives/:id',
    // On demand too: its sparklines need the chart library.
    lazy: () => import('./ObjectivePage.tsx').then((module) => ({ Component: module.ObjectivePage })),
  },
  { path: 'objectives/:id/readiness', element: <ReadinessPage /> },
  {
    path: 'indicators/:id',
    // Loaded on demand: the chart library is most of the bundle, and only the pages with charts need it.
    lazy: () => import('./IndicatorPage.tsx').then((module) => ({ Component: module.IndicatorPage })),
  },
  { path: 'data/import', element: <ImportPage /> },
];

/** `analystOnly`: a viewer could open it but do nothing there (the server refuses anyway). */
export const performanceNav: Array<{
  to: string;
  label: 'objectives' | 'importData';
  analystOnly?: boolean;
}> = [
  { to: '/objectives', label: 'objectives' },
  { to: '/data/import', label: 'importData', analystOnly: true },
];
