/**
 * The performance-data pages (objectives, indicators, import, readiness), mounted by the app's
 * router, and their entries in the main navigation.
 */
import type { RouteObject } from 'react-router';

export const performanceRoutes: RouteObject[] = [];

export const performanceNav: Array<{ to: string; label: string }> = [];
