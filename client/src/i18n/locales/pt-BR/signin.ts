import type { Translation } from '../../catalogue.ts';
import type { signin as english } from '../en/signin.ts';

export const signin: Translation<typeof english> = {
  title: 'Entrar',
  lead: 'Prepare, conduza e acompanhe as reuniões de monitoramento do seu governo.',
  name: 'Seu nome',
  nameRequired: 'Informe seu nome',
  role: 'Perfil',
  hint: {
    analyst: 'Monta pautas, edita anotações, cria reuniões',
    viewer: 'Lê pautas e anotações',
  },
  submit: 'Entrar',
  signingIn: 'Entrando…',
  failed: 'Não foi possível entrar',
  devNote: 'Entrada de desenvolvimento: será substituída por contas.',
};
