/**
 * The indicator picker's open state and filter, kept by the prep page so they outlive one item's
 * editor: a quick-add selects the new item, and the picker must stay open with its filter.
 */
import { createContext, useContext, useMemo, useState } from 'react';

export interface PickerMemory {
  open: boolean;
  setOpen(open: boolean): void;
  filter: string;
  setFilter(filter: string): void;
  attentionOnly: boolean;
  setAttentionOnly(attentionOnly: boolean): void;
  /** Set by a quick-add: the next picker to mount takes the focus (the pressed button is gone). */
  focusFilter: boolean;
  setFocusFilter(focus: boolean): void;
}

export function usePickerMemoryState(): PickerMemory {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [attentionOnly, setAttentionOnly] = useState(false);
  const [focusFilter, setFocusFilter] = useState(false);
  return useMemo(
    () => ({
      open,
      setOpen,
      filter,
      setFilter,
      attentionOnly,
      setAttentionOnly,
      focusFilter,
      setFocusFilter,
    }),
    [open, filter, attentionOnly, focusFilter],
  );
}

export const PickerMemoryContext = createContext<PickerMemory | null>(null);

/** The page's memory when there is one, else this component's own (a picker used on its own). */
export function usePickerMemory(): PickerMemory {
  const own = usePickerMemoryState();
  return useContext(PickerMemoryContext) ?? own;
}
