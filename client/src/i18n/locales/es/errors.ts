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
  reason: {
    // validation of a request's fields (zod; `field` is the path, `value` the value sent)
    invalidField: '{{field}}: este valor no se acepta',
    invalidRequest: 'La solicitud no es válida',
    nothingToChange: 'Nada que cambiar: envíe al menos un campo',
    required: '{{field}}: campo obligatorio',
    tooLong: '{{field}}: como máximo {{max}} caracteres',
    numberTooSmall: '{{field}} debe ser como mínimo {{min}}',
    numberTooLarge: '{{field}} debe ser como máximo {{max}}',
    notANumber: '{{field}}: se esperaba un número',
    notAWholeNumber: '{{field}} debe ser un número entero',
    tooMany: '{{field}}: como máximo {{max}} elementos',
    notOneOf: '{{field}}: se esperaba uno de estos valores: {{options}}',
    unknownFields: 'Campos desconocidos: {{fields}}',
    cannotBeChanged: '{{field}} no se puede cambiar',
    notAnId: '{{field}}: se esperaba un identificador (letras, dígitos, . _ : -)',
    codeCharacters: '{{field}}: solo letras, dígitos y guiones',
    notADate: '{{field}}: se esperaba una fecha con el formato AAAA-MM-DD',
    dateOutOfRange: '{{value}} está fuera de rango: las fechas deben estar entre {{earliest}} y {{latest}}',
    // indicators and their data points
    notAMonthlyPeriod: '{{period}} no es un período mensual (AAAA-MM, p. ej. 2026-02)',
    notAWeeklyPeriod: '{{period}} no es un período semanal (AAAA-Www, semana ISO, p. ej. 2026-W07)',
    periodOutOfRange:
      '{{period}} está fuera de rango: los períodos deben estar entre {{earliest}} y {{latest}}',
    periodNotEnded:
      'El período {{period}} aún no ha terminado (termina el {{ends}}): el último período por informar es {{due}}',
    duplicatePeriod: 'Período repetido',
    valueNotFinite: 'El valor debe ser un número finito',
    valueTooLarge: '{{value}} es demasiado grande: los valores deben estar entre {{min}} y {{max}}',
    valueNegative: '{{value}} es negativo, y este indicador no admite valores negativos',
    negativeNotAllowed:
      '{{field}} es negativo: permita valores negativos para un indicador cuyos valores pueden quedar bajo cero',
    valueOutlier:
      '{{value}} está muy fuera de los valores de este indicador hasta ahora (el mayor es {{largest}}). Envíelo de nuevo para confirmar.',
    valueOutlierSign:
      '{{value}} está muy fuera de los valores de este indicador hasta ahora (el mayor es {{largest}}, y ninguno tiene su signo). Envíelo de nuevo para confirmar.',
    noValueForPeriod: 'El indicador {{indicator}} no tiene valor para {{period}}',
    targetDateNotAfterBaseline:
      'La fecha del valor meta debe ser posterior a la fecha de la línea base ({{baselineDate}})',
    thresholdsOutOfOrder: 'El umbral de fuera de curso debe ser al menos el umbral de riesgo',
    storedNegatives:
      'No se pueden desactivar los valores negativos: hay valores guardados negativos ({{negatives}} en total, el primero {{period}}: {{value}}); corríjalos o elimínelos antes',
    storedNegativeTrajectory:
      'No se pueden desactivar los valores negativos: la trayectoria tiene valores negativos',
    indicatorAlreadyArchived: 'El indicador {{id}} ya está archivado (el {{date}}, por {{by}})',
    indicatorNotArchived: 'El indicador {{id}} no está archivado',
    // not found, and ids that are taken
    noObjective: 'El objetivo {{id}} no existe',
    noGoal: 'La meta {{id}} no existe',
    noIndicator: 'El indicador {{id}} no existe',
    noMeeting: 'La reunión {{id}} no existe',
    noAgency: 'El organismo {{id}} no existe',
    noCommitment: 'El compromiso {{id}} no está entre los compromisos de este objetivo',
    noAgendaItem: 'El punto {{id}} no está en la agenda de esta reunión',
    objectiveIdTaken: 'Ya existe un objetivo con el identificador {{id}}',
    goalIdTaken: 'Ya existe una meta con el identificador {{id}}',
    indicatorIdTaken: 'Ya existe un indicador con el identificador {{id}}',
    agencyIdTaken: 'Ya existe un organismo con el identificador {{id}}',
    agencyCodeTaken: 'El código {{code}} ya está en uso',
    goalNotOfObjective: 'La meta {{goal}} no pertenece al objetivo {{objective}}',
    indicatorNotOfGoal: 'El indicador {{indicator}} no mide la meta {{goal}}',
    // meetings
    meetingDateTaken: 'La serie ya tiene una reunión el {{date}}: “{{title}}”',
    meetingDateTakenUnnamed: 'La serie ya tiene una reunión el {{date}}',
    meetingDateOutOfRange: '{{value}} está fuera del intervalo {{first}} … {{last}}',
    meetingClosedNoEdit: 'La reunión está cerrada: su título y su fecha ya no cambian',
    deleteLiveMeeting:
      'La reunión está en curso: solo se puede eliminar una reunión en borrador (una reunión realizada es un registro)',
    deleteClosedMeeting:
      'La reunión está cerrada: solo se puede eliminar una reunión en borrador (una reunión realizada es un registro)',
    seriesHasDraft: 'La serie ya tiene una reunión en borrador: “{{title}}” el {{date}}; prepare esa primero',
    noNextMeeting: 'No se puede planificar la próxima reunión después del {{after}}',
    nextMeetingPastRange:
      'No se puede planificar la próxima reunión después del {{after}}: {{date}} es posterior a {{last}}',
    agendaNeedsObjective: 'Para comenzar desde la última reunión o desde los datos, elija un objetivo',
    // meeting commands (`invalid_state`, `stale`)
    alreadyLive: 'La reunión ya está en curso',
    closedCannotStart: 'La reunión está cerrada: no puede comenzar de nuevo',
    agendaEmpty: 'La agenda está vacía: agregue un punto antes de comenzar',
    notStartedChangeItem: 'La reunión no ha comenzado: iníciela antes de cambiar de punto',
    notStartedRunTimer: 'La reunión no ha comenzado: iníciela antes de usar el cronómetro',
    notStartedClose: 'La reunión no ha comenzado: iníciela antes de cerrarla',
    closedChangeItem: 'La reunión está cerrada: no se puede cambiar de punto',
    closedRunTimer: 'La reunión está cerrada: no se puede usar el cronómetro',
    alreadyClosed: 'La reunión ya está cerrada',
    currentItemChanged: 'El punto actual cambió: no se cambió nada',
    currentItemNotOnAgenda: 'El punto actual ya no está en la agenda: elija el punto al que ir',
    alreadyCurrentItem: 'Ese punto ya es el actual',
    alreadyLastItem: 'Este ya es el último punto',
    alreadyFirstItem: 'Este ya es el primer punto',
    noTimer: 'El punto actual no tiene cronómetro',
    timerAlreadyRunning: 'El cronómetro ya está en marcha',
    timerAlreadyPaused: 'El cronómetro ya está en pausa',
    extensionLimit: 'Un punto puede extenderse como máximo {{minutes}} minutos en total',
    screenNotStarted: 'La reunión no ha comenzado: hasta entonces, la pantalla grande sigue al presidente',
    screenClosed: 'La reunión está cerrada: la pantalla grande muestra su resumen',
    screenAlreadyTheirs: '{{name}} ya tiene la pantalla grande',
    chairHasScreen: 'El presidente ya tiene la pantalla grande',
    screenNoLongerYours: 'Usted ya no tiene la pantalla grande: la tiene el presidente',
    screenTakenBack: 'El presidente retomó la pantalla grande: no se cambió nada',
    screenNowTheirs: '{{name}} tiene ahora la pantalla grande: no se cambió nada',
    screenIsTheirs: '{{name}} tiene la pantalla grande: retómela antes de cambiar lo que muestra',
    indicatorNotOnItem: 'El indicador {{id}} no está en el punto actual',
    // commitments
    dueDateOutOfRange: 'El plazo debe estar entre {{min}} y {{max}}',
    newDueDateRequired: 'Se necesita un nuevo plazo para mantenerlo abierto',
    dropReasonRequired: 'Se necesita un motivo para descartarlo',
    commitmentChangedFirst: 'Otra persona cambió este compromiso primero: no se cambió nada',
    reviewedInNextMeeting: 'Este compromiso se asumió en esta reunión: se revisa en la próxima',
    notOnFollowUp: 'Este compromiso no estaba abierto cuando comenzó la reunión: no está en su seguimiento',
    meetingRecordClosed: 'La reunión está cerrada: su registro ya no cambia',
    meetingNotStarted: 'La reunión no ha comenzado',
    // CSV imports: a row's cells (`value`: the cell as found, quoted and cut to 80 characters)
    cellEmpty: '{{column}} está vacío',
    cellNotAnId: '{{value}} no es un identificador válido',
    cellNotANumber: '{{value}} no es un número',
    cellNotANumberDecimalComma:
      '{{value}} no es un número (este archivo escribe los decimales con coma: 1.234,5)',
    cellOutOfRange: '{{value}} está fuera de rango: los valores deben estar entre {{min}} y {{max}}',
    cellNotBoolean: '{{value}} no es true (verdadero) ni false (falso)',
    cellNotADate: '{{value}} no es una fecha (AAAA-MM-DD o DD/MM/AAAA)',
    cellDateMonthFirst:
      '{{value}} se lee como mm/dd/aaaa (mes {{month}}, día {{day}}): escriba las fechas como dd/mm/aaaa o aaaa-mm-dd',
    cellNotARealDate: '{{value}} no es una fecha válida',
    cellNotOneOf: '{{value}} no es uno de estos valores: {{options}}',
    cellNotAMonthlyPeriod:
      '{{value}} no es un período mensual (AAAA-MM, p. ej. 2026-02, o MM/AAAA o una fecha DD/MM/AAAA)',
    cellNotAWeeklyPeriod:
      '{{value}} no es un período semanal (AAAA-Www, semana ISO, p. ej. 2026-W07, o una fecha DD/MM/AAAA)',
    unknownIndicator: 'Indicador desconocido: {{id}}',
    unknownGoal: 'Meta desconocida: {{id}}',
    noteTooLong: 'La nota tiene más de {{max}} caracteres',
    duplicateRow: 'Repite la fila {{row}} ({{indicator}}, {{period}})',
    duplicateIndicatorRow: 'Repite la fila {{row}} ({{id}})',
    frequencyCannotChange: 'La frecuencia del indicador {{id}} no puede cambiar',
    importTargetDateNotAfterBaseline:
      'La fecha del valor meta ({{targetDate}}) no es posterior a la fecha de la línea base ({{baselineDate}})',
    importThresholdNegative: 'threshold_at_risk debe ser 0 o más',
    importThresholdsOutOfOrder: 'threshold_off_track debe ser al menos igual a threshold_at_risk',
    importNegativeNotAllowed:
      '{{column}} {{value}} es negativo, y el indicador no admite valores negativos (defina allows_negative como true)',
    rowOutlier:
      '{{indicator}} {{period}}: {{value}} está muy fuera de los valores de este indicador hasta ahora (el mayor es {{largest}})',
    rowOutlierSign:
      '{{indicator}} {{period}}: {{value}} está muy fuera de los valores de este indicador hasta ahora (el mayor es {{largest}}, y ninguno tiene su signo)',
    // CSV imports: the file
    wrongValueCount: 'Se esperaban {{expected}} valores; se encontraron {{found}}',
    tooManyRows:
      'Un archivo puede tener como máximo {{max}} filas: la lectura se detuvo en la línea {{line}}',
    fileTooLarge:
      'El archivo supera {{max}}, lo máximo que lee una importación: divídalo en archivos más pequeños',
    unreadableCsv: 'El archivo no se pudo leer como CSV',
    fileEmpty: 'El archivo está vacío: se esperaba una línea de encabezado',
    duplicateColumn: 'Las columnas {{first}} y {{second}} indican ambas {{column}}',
    missingColumn: 'Falta la columna "{{column}}"',
    headerSingleColumn:
      'La línea de encabezado no se pudo dividir en columnas: se lee como la única columna {{columns}}. Se esperaban las columnas {{expected}}, separadas por comas o por punto y coma',
    headerMissingColumns:
      'La línea de encabezado tiene {{columnCount}} columnas: {{columns}}. Se esperaban las columnas {{expected}}, separadas por comas o por punto y coma',
    headerUnrecognised:
      'La línea de encabezado tiene {{columnCount}} columnas: {{columns}}; no reconocidas: {{unrecognised}}. Se esperaban las columnas {{expected}}, separadas por comas o por punto y coma',
    importNotSaved: 'No se importó nada: no se pudo guardar la importación',
    importStopped:
      'La importación se detuvo tras guardar {{written}} de {{total}} filas. Importar el mismo archivo de nuevo es seguro: las filas ya guardadas cuentan como sin cambios.',
  },
};
