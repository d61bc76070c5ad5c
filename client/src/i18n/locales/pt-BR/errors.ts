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
  reason: {
    // validation of a request's fields (zod; `field` is the path, `value` the value sent)
    invalidField: '{{field}}: este valor não é aceito',
    invalidRequest: 'A solicitação não é válida',
    nothingToChange: 'Nada a alterar: envie ao menos um campo',
    required: '{{field}}: campo obrigatório',
    tooLong: '{{field}}: no máximo {{max}} caracteres',
    numberTooSmall: '{{field}} deve ser no mínimo {{min}}',
    numberTooLarge: '{{field}} deve ser no máximo {{max}}',
    notANumber: '{{field}}: era esperado um número',
    notAWholeNumber: '{{field}} deve ser um número inteiro',
    tooMany: '{{field}}: no máximo {{max}} itens',
    notOneOf: '{{field}}: era esperado um destes valores: {{options}}',
    unknownFields: 'Campos desconhecidos: {{fields}}',
    cannotBeChanged: '{{field}} não pode ser alterado',
    notAnId: '{{field}}: era esperado um identificador (letras, dígitos, . _ : -)',
    codeCharacters: '{{field}}: apenas letras, dígitos e hífens',
    notADate: '{{field}}: era esperada uma data no formato AAAA-MM-DD',
    dateOutOfRange: '{{value}} está fora do intervalo: as datas devem estar entre {{earliest}} e {{latest}}',
    // indicators and their data points
    notAMonthlyPeriod: '{{period}} não é um período mensal (AAAA-MM, p. ex. 2026-02)',
    notAWeeklyPeriod: '{{period}} não é um período semanal (AAAA-Www, semana ISO, p. ex. 2026-W07)',
    periodOutOfRange:
      '{{period}} está fora do intervalo: os períodos devem estar entre {{earliest}} e {{latest}}',
    periodNotEnded:
      'O período {{period}} ainda não terminou (termina em {{ends}}): o último período a informar é {{due}}',
    duplicatePeriod: 'Período repetido',
    valueNotFinite: 'O valor deve ser um número finito',
    valueTooLarge: '{{value}} é grande demais: os valores devem estar entre {{min}} e {{max}}',
    valueNegative: '{{value}} é negativo, e este indicador não admite valores negativos',
    negativeNotAllowed:
      '{{field}} é negativo: permita valores negativos para um indicador cujos valores podem ficar abaixo de zero',
    valueOutlier:
      '{{value}} está muito fora dos valores deste indicador até agora (o maior é {{largest}}). Envie de novo para confirmar.',
    valueOutlierSign:
      '{{value}} está muito fora dos valores deste indicador até agora (o maior é {{largest}}, e nenhum tem o mesmo sinal). Envie de novo para confirmar.',
    noValueForPeriod: 'O indicador {{indicator}} não tem valor para {{period}}',
    targetDateNotAfterBaseline:
      'A data do valor-alvo deve ser posterior à data da linha de base ({{baselineDate}})',
    thresholdsOutOfOrder: 'O limite de fora do rumo deve ser pelo menos o limite de risco',
    storedNegatives:
      'Não é possível desativar os valores negativos: há valores gravados negativos ({{negatives}} no total, o primeiro {{period}}: {{value}}); corrija-os ou exclua-os antes',
    storedNegativeTrajectory:
      'Não é possível desativar os valores negativos: a trajetória tem valores negativos',
    indicatorAlreadyArchived: 'O indicador {{id}} já está arquivado (em {{date}}, por {{by}})',
    indicatorNotArchived: 'O indicador {{id}} não está arquivado',
    // not found, and ids that are taken
    noObjective: 'O objetivo {{id}} não existe',
    noGoal: 'A meta {{id}} não existe',
    noIndicator: 'O indicador {{id}} não existe',
    noMeeting: 'A reunião {{id}} não existe',
    noAgency: 'O órgão {{id}} não existe',
    noCommitment: 'O compromisso {{id}} não está entre os compromissos deste objetivo',
    noAgendaItem: 'O item {{id}} não está na pauta desta reunião',
    objectiveIdTaken: 'Já existe um objetivo com o identificador {{id}}',
    goalIdTaken: 'Já existe uma meta com o identificador {{id}}',
    indicatorIdTaken: 'Já existe um indicador com o identificador {{id}}',
    agencyIdTaken: 'Já existe um órgão com o identificador {{id}}',
    agencyCodeTaken: 'O código {{code}} já está em uso',
    goalNotOfObjective: 'A meta {{goal}} não pertence ao objetivo {{objective}}',
    indicatorNotOfGoal: 'O indicador {{indicator}} não mede a meta {{goal}}',
    // meetings
    meetingDateTaken: 'A série já tem uma reunião em {{date}}: “{{title}}”',
    meetingDateTakenUnnamed: 'A série já tem uma reunião em {{date}}',
    meetingDateOutOfRange: '{{value}} está fora do intervalo {{first}} … {{last}}',
    meetingClosedNoEdit: 'A reunião está encerrada: o título e a data não mudam mais',
    deleteLiveMeeting:
      'A reunião está em andamento: só uma reunião em rascunho pode ser excluída (uma reunião realizada é um registro)',
    deleteClosedMeeting:
      'A reunião está encerrada: só uma reunião em rascunho pode ser excluída (uma reunião realizada é um registro)',
    seriesHasDraft: 'A série já tem uma reunião em rascunho: “{{title}}” em {{date}}; prepare essa primeiro',
    noNextMeeting: 'Não é possível planejar a próxima reunião depois de {{after}}',
    nextMeetingPastRange:
      'Não é possível planejar a próxima reunião depois de {{after}}: {{date}} é posterior a {{last}}',
    agendaNeedsObjective: 'Para começar pela última reunião ou pelos dados, escolha um objetivo',
    // meeting commands (`invalid_state`, `stale`)
    alreadyLive: 'A reunião já está em andamento',
    closedCannotStart: 'A reunião está encerrada: não pode começar de novo',
    agendaEmpty: 'A pauta está vazia: adicione um item antes de começar',
    notStartedChangeItem: 'A reunião não começou: inicie-a antes de mudar de item',
    notStartedRunTimer: 'A reunião não começou: inicie-a antes de usar o cronômetro',
    notStartedClose: 'A reunião não começou: inicie-a antes de encerrá-la',
    closedChangeItem: 'A reunião está encerrada: não é possível mudar de item',
    closedRunTimer: 'A reunião está encerrada: não é possível usar o cronômetro',
    alreadyClosed: 'A reunião já está encerrada',
    currentItemChanged: 'O item atual mudou: nada foi alterado',
    currentItemNotOnAgenda: 'O item atual não está mais na pauta: escolha o item para onde ir',
    alreadyCurrentItem: 'Esse item já é o atual',
    alreadyLastItem: 'Este já é o último item',
    alreadyFirstItem: 'Este já é o primeiro item',
    noTimer: 'O item atual não tem cronômetro',
    timerAlreadyRunning: 'O cronômetro já está correndo',
    timerAlreadyPaused: 'O cronômetro já está pausado',
    extensionLimit: 'Um item pode ser prorrogado em no máximo {{minutes}} minutos no total',
    screenNotStarted: 'A reunião não começou: até lá, o telão acompanha o presidente',
    screenClosed: 'A reunião está encerrada: o telão mostra o resumo dela',
    screenAlreadyTheirs: '{{name}} já está com o telão',
    chairHasScreen: 'O presidente já está com o telão',
    screenNoLongerYours: 'Você não está mais com o telão: o presidente está com ele',
    screenTakenBack: 'O presidente retomou o telão: nada foi alterado',
    screenNowTheirs: '{{name}} está com o telão agora: nada foi alterado',
    screenIsTheirs: '{{name}} está com o telão: retome-o antes de mudar o que ele mostra',
    indicatorNotOnItem: 'O indicador {{id}} não está no item atual',
    // commitments
    dueDateOutOfRange: 'O prazo deve estar entre {{min}} e {{max}}',
    newDueDateRequired: 'É preciso um novo prazo para mantê-lo aberto',
    dropReasonRequired: 'É preciso um motivo para descartá-lo',
    commitmentChangedFirst: 'Outra pessoa alterou este compromisso antes: nada foi alterado',
    reviewedInNextMeeting: 'Este compromisso foi assumido nesta reunião: será avaliado na próxima',
    notOnFollowUp:
      'Este compromisso não estava aberto quando a reunião começou: não está no acompanhamento dela',
    meetingRecordClosed: 'A reunião está encerrada: o registro dela não muda mais',
    meetingNotStarted: 'A reunião não começou',
    // CSV imports: a row's cells (`value`: the cell as found, quoted and cut to 80 characters)
    cellEmpty: '{{column}} está vazio',
    cellNotAnId: '{{value}} não é um identificador válido',
    cellNotANumber: '{{value}} não é um número',
    cellNotANumberDecimalComma:
      '{{value}} não é um número (este arquivo escreve os decimais com vírgula: 1.234,5)',
    cellOutOfRange: '{{value}} está fora do intervalo: os valores devem estar entre {{min}} e {{max}}',
    cellNotBoolean: '{{value}} não é true (verdadeiro) nem false (falso)',
    cellNotADate: '{{value}} não é uma data (AAAA-MM-DD ou DD/MM/AAAA)',
    cellDateMonthFirst:
      '{{value}} se lê como mm/dd/aaaa (mês {{month}}, dia {{day}}): escreva as datas como dd/mm/aaaa ou aaaa-mm-dd',
    cellNotARealDate: '{{value}} não é uma data válida',
    cellNotOneOf: '{{value}} não é um destes valores: {{options}}',
    cellNotAMonthlyPeriod:
      '{{value}} não é um período mensal (AAAA-MM, p. ex. 2026-02, ou MM/AAAA ou uma data DD/MM/AAAA)',
    cellNotAWeeklyPeriod:
      '{{value}} não é um período semanal (AAAA-Www, semana ISO, p. ex. 2026-W07, ou uma data DD/MM/AAAA)',
    unknownIndicator: 'Indicador desconhecido: {{id}}',
    unknownGoal: 'Meta desconhecida: {{id}}',
    noteTooLong: 'A observação tem mais de {{max}} caracteres',
    duplicateRow: 'Repete a linha {{row}} ({{indicator}}, {{period}})',
    duplicateIndicatorRow: 'Repete a linha {{row}} ({{id}})',
    frequencyCannotChange: 'A frequência do indicador {{id}} não pode mudar',
    importTargetDateNotAfterBaseline:
      'A data do valor-alvo ({{targetDate}}) não é posterior à data da linha de base ({{baselineDate}})',
    importThresholdNegative: 'threshold_at_risk deve ser 0 ou mais',
    importThresholdsOutOfOrder: 'threshold_off_track deve ser pelo menos igual a threshold_at_risk',
    importNegativeNotAllowed:
      '{{column}} {{value}} é negativo, e o indicador não admite valores negativos (defina allows_negative como true)',
    rowOutlier:
      '{{indicator}} {{period}}: {{value}} está muito fora dos valores deste indicador até agora (o maior é {{largest}})',
    rowOutlierSign:
      '{{indicator}} {{period}}: {{value}} está muito fora dos valores deste indicador até agora (o maior é {{largest}}, e nenhum tem o mesmo sinal)',
    // CSV imports: the file
    wrongValueCount: 'Eram esperados {{expected}} valores; foram encontrados {{found}}',
    tooManyRows: 'Um arquivo pode ter no máximo {{max}} linhas: a leitura parou na linha {{line}}',
    fileTooLarge:
      'O arquivo é maior que {{max}}, o máximo que uma importação lê: divida-o em arquivos menores',
    unreadableCsv: 'O arquivo não pôde ser lido como CSV',
    fileEmpty: 'O arquivo está vazio: era esperada uma linha de cabeçalho',
    duplicateColumn: 'As colunas {{first}} e {{second}} indicam ambas {{column}}',
    missingColumn: 'Falta a coluna "{{column}}"',
    headerSingleColumn:
      'A linha de cabeçalho não pôde ser dividida em colunas: ela é lida como a coluna única {{columns}}. Eram esperadas as colunas {{expected}}, separadas por vírgulas ou por ponto e vírgula',
    headerMissingColumns:
      'A linha de cabeçalho tem {{columnCount}} colunas: {{columns}}. Eram esperadas as colunas {{expected}}, separadas por vírgulas ou por ponto e vírgula',
    headerUnrecognised:
      'A linha de cabeçalho tem {{columnCount}} colunas: {{columns}}; não reconhecidas: {{unrecognised}}. Eram esperadas as colunas {{expected}}, separadas por vírgulas ou por ponto e vírgula',
    importNotSaved: 'Nada foi importado: não foi possível salvar a importação',
    importStopped:
      'A importação parou depois de gravar {{written}} de {{total}} linhas. Importar o mesmo arquivo de novo é seguro: as linhas já gravadas contam como inalteradas.',
  },
};
