import type { Translation } from '../../catalogue.ts';
import type { errors as english } from '../en/errors.ts';

export const errors: Translation<typeof english> = {
  code: {
    invalid_payload: 'Os dados enviados não foram aceitos.',
    not_found: 'Isto não existe mais.',
    forbidden: 'Seu perfil não permite esta ação.',
    unauthenticated: 'Entre primeiro.',
    conflict: 'Isto conflita com algo que já existe.',
    too_large: 'Isto é grande demais.',
    unsupported_media_type: 'Este tipo de arquivo não é aceito.',
    not_joined: 'O documento ainda não está aberto.',
    unsupported_version: 'Esta página está desatualizada: recarregue-a.',
    invalid_state: 'Isto não pode ser feito nesta fase da reunião.',
    stale: 'Outra pessoa alterou isto antes: nada foi alterado.',
    needs_confirmation: 'Este valor parece incomum: confirme para salvá-lo.',
    internal: 'Algo deu errado no servidor. Tente de novo.',
    network: 'Não foi possível contatar o servidor.',
  },
  reason: {},
};
