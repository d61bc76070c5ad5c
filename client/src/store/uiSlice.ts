/** Per-tab UI choices that several components share. Never document content: that stays in the Y.Doc. */
import type { StateCreator } from 'zustand';
import type { StoreState } from './index.ts';

export interface UiSlice {
  /** The agenda item open in the editor on the prep page (also published as our presence). */
  selectedAgendaItemId: string | null;
  selectAgendaItem(id: string | null): void;
}

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set) => ({
  selectedAgendaItemId: null,
  selectAgendaItem: (id) => set({ selectedAgendaItemId: id }),
});
