import type { Translation } from '../../catalogue.ts';
import type { common as english } from '../en/common.ts';

export const common: Translation<typeof english> = {
  appName: 'StatRoom',
  home: 'Início do StatRoom',
  skipToContent: 'Ir para o conteúdo',
  nav: {
    label: 'Principal',
    meetings: 'Reuniões',
    commitments: 'Compromissos',
    objectives: 'Objetivos',
    importData: 'Importar dados',
  },
  role: { analyst: 'Analista', viewer: 'Leitor' },
  presence: {
    label: 'Quem mais está aqui',
    alone: 'Só você está nesta página',
    inItem: 'em “{{item}}”',
  },
  agendaKind: {
    follow_up: 'Revisão de acompanhamento',
    goal_review: 'Revisão de meta',
    problem_solving: 'Resolução de problemas',
    decision: 'Decisão',
  },
  /** The title the server gives a new agenda's follow-up item, shown in the reader's language. */
  followUpTitle: 'Acompanhamento dos compromissos em aberto',
  signOut: 'Sair',
  language: 'Idioma',
  loading: 'Carregando…',
  retry: 'Tentar de novo',
  cancel: 'Cancelar',
  save: 'Salvar',
  close: 'Fechar',
  dismiss: 'Dispensar',
  backHome: 'Voltar ao início',
  connection: {
    live: 'Ao vivo',
    liveDetail: 'As alterações são compartilhadas enquanto você digita',
    disconnected: 'Desconectado',
    refused: 'O servidor recusou a conexão ({{reason}})',
    offline: 'Sem conexão',
    reconnecting:
      'Reconectando… suas alterações ficam guardadas aqui e serão sincronizadas quando a conexão voltar',
    connecting: 'Conectando…',
    opening: 'Abrindo a conexão ao vivo',
    offlineDetail: 'Suas alterações ficam guardadas aqui e serão sincronizadas quando a conexão voltar',
  },
  routeError: {
    sessionEnded: 'Sua sessão terminou',
    signInAgainText: 'Entre de novo para continuar de onde parou.',
    signInAgain: 'Entrar de novo',
    somethingWrong: 'Algo deu errado',
    notShown: 'A página não pôde ser exibida. Tente de novo em instantes.',
    notFound: 'Não encontrado',
    unreachable: 'Não foi possível contatar o servidor',
    status: 'Erro {{status}}',
    pageNotFound: 'Página não encontrada',
    nothingHere: 'Não há nada neste endereço.',
  },
};
