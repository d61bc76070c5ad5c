/**
 * The app's routes (react-router data router). Everything but `/signin` sits inside the signed-in
 * layout, whose loader sends anyone without a session to `/signin?next=…`. Loaders do routing work
 * only (the session, redirects) and start their page's requests early with `preload`; the page reads
 * them with `useResource` (api/resources.ts), never with `useLoaderData`.
 */
import { createBrowserRouter, type LoaderFunctionArgs, redirect } from 'react-router';
import { fetchPrincipal } from './api/session.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFound, RouteError } from './components/RouteError.tsx';
import { HomePage, homeLoader } from './pages/home/HomePage.tsx';
import { MeetingsPage, meetingsLoader } from './pages/meetings/MeetingsPage.tsx';
import { performanceRoutes } from './pages/performance/routes.tsx';
import { meetingRoomLoader } from './pages/room/roomLoader.ts';
import { screenLoader } from './pages/screen/screenLoader.ts';
import { SignInPage } from './pages/signin/SignInPage.tsx';
import { useStore } from './store/index.ts';

async function requireSession({ request }: LoaderFunctionArgs) {
  const known = useStore.getState().principal;
  if (known) return known;
  const principal = await fetchPrincipal();
  if (!principal) {
    const url = new URL(request.url);
    throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  useStore.getState().setPrincipal(principal);
  return principal;
}

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  {
    // The big screen: full-screen and outside the layout. Its own loader checks the session, and
    // falls back to this browser's last copy when the server cannot be reached (screenLoader.ts).
    path: '/meetings/:id/screen',
    hydrateFallbackElement: <div className="boot" aria-busy="true" />,
    errorElement: <RouteError />,
    // The loader is static so that it runs while the page's code downloads.
    loader: screenLoader,
    lazy: () =>
      import('./pages/screen/BigScreenPage.tsx').then((page) => ({ Component: page.BigScreenPage })),
  },
  {
    // The chair's console takes the whole window: signed in, but outside the layout and its top bar.
    path: '/meetings/:id/room',
    loader: requireSession,
    hydrateFallbackElement: <div className="boot" aria-busy="true" />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: () =>
          import('./pages/console/ConsolePage.tsx').then((module) => ({
            Component: module.ConsolePage,
            loader: module.consoleLoader,
          })),
      },
    ],
  },
  {
    id: 'signed-in',
    element: <AppLayout />,
    loader: requireSession,
    hydrateFallbackElement: <div className="boot" aria-busy="true" />,
    errorElement: <RouteError />,
    children: [
      {
        // A pathless route so that a page's error renders inside the layout, top bar included.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage />, loader: homeLoader },
          { path: 'meetings', element: <MeetingsPage />, loader: meetingsLoader },
          {
            path: 'meetings/:id/memo',
            lazy: () =>
              import('./pages/memo/MemoPage.tsx').then((module) => ({
                Component: module.MemoPage,
                loader: module.memoLoader,
              })),
          },
          {
            path: 'meetings/:id/prep',
            // Loaded on demand: the live-document stack (Yjs, the Socket.IO provider, IndexedDB)
            // and the chart library of its indicator picker are most of the app's code.
            lazy: () =>
              import('./pages/meetings/MeetingPrepPage.tsx').then((module) => ({
                Component: module.MeetingPrepPage,
                loader: module.meetingPrepLoader,
              })),
          },
          {
            path: 'objectives/:objectiveId/series',
            lazy: () =>
              import('./pages/meetings/SeriesPage.tsx').then((module) => ({
                Component: module.SeriesPage,
                loader: module.seriesLoader,
              })),
          },
          {
            path: 'meetings/:id',
            // The meeting as it runs, loaded on demand; its loader is static so that it runs meanwhile.
            loader: meetingRoomLoader,
            lazy: () =>
              import('./pages/room/MeetingRoomPage.tsx').then((module) => ({
                Component: module.MeetingRoomPage,
              })),
          },
          {
            path: 'commitments',
            lazy: () =>
              import('./pages/ledger/LedgerPage.tsx').then((module) => ({ Component: module.LedgerPage })),
          },
          ...performanceRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
