import type { Translation } from '../../catalogue.ts';
import type { errors as english } from '../en/errors.ts';

export const errors: Translation<typeof english> = {
  code: {
    invalid_payload: 'Los datos enviados no fueron aceptados.',
    not_found: 'Esto ya no existe.',
    forbidden: 'Su rol no permite esta acción.',
    unauthenticated: 'Inicie sesión primero.',
    conflict: 'Esto choca con algo que ya existe.',
    too_large: 'Esto es demasiado grande.',
    unsupported_media_type: 'Este tipo de archivo no se acepta.',
    not_joined: 'El documento aún no está abierto.',
    unsupported_version: 'Esta página está desactualizada: recárguela.',
    invalid_state: 'Esto no se puede hacer en esta etapa de la reunión.',
    stale: 'Otra persona cambió esto primero: no se cambió nada.',
    needs_confirmation: 'Este valor parece inusual: confírmelo para guardarlo.',
    internal: 'Algo salió mal en el servidor. Inténtelo de nuevo.',
    network: 'No se puede contactar al servidor.',
  },
  reason: {},
};
