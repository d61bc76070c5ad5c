import type { Translation } from '../../catalogue.ts';
import type { signin as english } from '../en/signin.ts';

export const signin: Translation<typeof english> = {
  title: 'Iniciar sesión',
  lead: 'Prepare, conduzca y dé seguimiento a las reuniones de desempeño de su gobierno.',
  name: 'Su nombre',
  nameRequired: 'Ingrese su nombre',
  role: 'Rol',
  hint: {
    analyst: 'Arma agendas, edita notas, crea reuniones',
    viewer: 'Lee agendas y notas',
  },
  submit: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  failed: 'No se pudo iniciar sesión',
  devNote: 'Inicio de sesión de desarrollo: será reemplazado por cuentas.',
};
