/** The app's one zustand store, composed from slices (zustand's slices pattern). */
import { create } from 'zustand';
import { type ConnectionSlice, createConnectionSlice } from './connectionSlice.ts';
import { createSessionSlice, type SessionSlice } from './sessionSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

export type StoreState = SessionSlice & ConnectionSlice & UiSlice;

export const useStore = create<StoreState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createConnectionSlice(...args),
  ...createUiSlice(...args),
}));
