/** English: the source catalogue of the `signin` namespace (pt-BR and es mirror its keys). */
export const signin = {
  title: 'Sign in',
  lead: "Prepare, run and follow up your government's performance meetings.",
  name: 'Your name',
  nameRequired: 'Enter your name',
  role: 'Role',
  hint: {
    analyst: 'Build agendas, edit notes, create meetings',
    viewer: 'Read agendas and notes',
  },
  submit: 'Sign in',
  signingIn: 'Signing in…',
  failed: 'Sign-in failed',
  devNote: 'Development sign-in: accounts will replace it.',
};
