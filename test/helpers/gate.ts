/** Opens a gate on demand: lets a test hold a load, a commit or a merge open, or wait for one to start. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
