/** The value of `--name=value` on the benchmark's command line, if given. */
export const argument = (name: string): string | undefined =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
