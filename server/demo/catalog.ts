/**
 * The demo government's vocabulary: a Brazilian-state-style government described in English,
 * modelled on the 12-objective monitoring meetings of Pernambuco's management model.
 */
import type { Direction, Frequency } from '../../shared/performance.ts';

export interface AgencySeed {
  code: string;
  name: string;
}

export const DEMO_AGENCIES: AgencySeed[] = [
  { code: 'SDS', name: 'Secretariat of Social Defense' },
  { code: 'PMP', name: 'Military Police' },
  { code: 'PCP', name: 'Civil Police' },
  { code: 'CBM', name: 'Fire and Rescue Department' },
  { code: 'SEE', name: 'Secretariat of Education' },
  { code: 'SES', name: 'Secretariat of Health' },
  { code: 'HRN', name: 'State Hospital Network' },
  { code: 'SDEC', name: 'Secretariat of Economic Development' },
  { code: 'AGE', name: 'State Employment Agency' },
  { code: 'SEINFRA', name: 'Secretariat of Infrastructure' },
  { code: 'DER', name: 'Department of Roads' },
  { code: 'CTM', name: 'Metropolitan Transit Company' },
  { code: 'CSA', name: 'State Water and Sanitation Company' },
  { code: 'SEAS', name: 'Secretariat of Social Assistance' },
  { code: 'SEMAS', name: 'Secretariat of Environment' },
  { code: 'AEA', name: 'State Environmental Agency' },
  { code: 'SEFAZ', name: 'Secretariat of Finance' },
  { code: 'SEPLAG', name: 'Secretariat of Planning and Management' },
  { code: 'SECID', name: 'Secretariat of Cities' },
  { code: 'COHAB', name: 'State Housing Company' },
  { code: 'SARA', name: 'Secretariat of Agriculture and Agrarian Reform' },
  { code: 'IPA', name: 'Agricultural Research Institute' },
  { code: 'SECULT', name: 'Secretariat of Culture' },
  { code: 'SEJE', name: 'Secretariat of Youth and Sport' },
];

/** One measured series of a goal; its name always names the goal's subject. */
export interface IndicatorTemplate {
  name: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  /** Baseline range. */
  base: [number, number];
  /** Planned change as a fraction of the baseline. */
  change: [number, number];
  decimals: number;
}

/**
 * What a goal can be about, with the indicators that measure it: a goal to reduce household
 * burglaries tracks household burglaries (and how many are solved), never street robberies.
 */
export interface SubjectTemplate {
  /** Stable key of the subject (tests use it to check that goals and indicators agree). */
  key: string;
  /** Lower-case phrase for goal titles: "Reduce <subject> in …". */
  subject: string;
  /**
   * Codes of the agencies that would own a goal on this subject (the first is the usual owner), all
   * among the objective's agencies: homicide clearance belongs to the Civil Police, not to the Fire
   * and Rescue Department.
   */
  owners: string[];
  /** The main indicator first (it sets the goal's direction and target), then related ones. */
  indicators: IndicatorTemplate[];
}

export interface ObjectiveSeed {
  name: string;
  description: string;
  /** Codes of the agencies that deliver it. */
  agencies: string[];
  subjects: SubjectTemplate[];
}

const s = (
  key: string,
  subject: string,
  owners: string[],
  indicators: IndicatorTemplate[],
): SubjectTemplate => ({
  key,
  subject,
  owners,
  indicators,
});

const i = (
  name: string,
  unit: string,
  direction: Direction,
  frequency: Frequency,
  base: [number, number],
  change: [number, number],
  decimals = 0,
): IndicatorTemplate => ({ name, unit, direction, frequency, base, change, decimals });

export const DEMO_OBJECTIVES: ObjectiveSeed[] = [
  {
    name: 'Citizen security',
    description: 'Fewer violent crimes and a faster, fairer police response in every region.',
    agencies: ['SDS', 'PMP', 'PCP', 'CBM'],
    subjects: [
      s(
        'violent-deaths',
        'violent deaths',
        ['SDS', 'PMP', 'PCP'],
        [
          i('Violent deaths', 'deaths', 'down', 'weekly', [20, 90], [0.1, 0.25]),
          i('Violent deaths with firearms', 'deaths', 'down', 'weekly', [14, 70], [0.1, 0.25]),
          i('Violent deaths of young people', 'deaths', 'down', 'weekly', [8, 40], [0.1, 0.25]),
          i('Violent deaths investigated within 30 days', '%', 'up', 'monthly', [40, 65], [0.1, 0.3], 1),
        ],
      ),
      s(
        'household-burglaries',
        'household burglaries',
        ['PMP', 'PCP'],
        [
          i('Household burglaries', 'burglaries', 'down', 'weekly', [60, 260], [0.1, 0.2]),
          i('Repeat household burglaries', 'burglaries', 'down', 'weekly', [5, 30], [0.15, 0.3]),
          i('Household burglaries solved', '%', 'up', 'monthly', [10, 25], [0.2, 0.5], 1),
          i('Household burglaries in daytime', 'burglaries', 'down', 'weekly', [30, 140], [0.1, 0.25]),
        ],
      ),
      s(
        'vehicle-thefts',
        'vehicle thefts',
        ['PMP', 'PCP'],
        [
          i('Vehicle thefts', 'thefts', 'down', 'weekly', [80, 300], [0.08, 0.2]),
          i('Vehicle thefts at gunpoint', 'thefts', 'down', 'weekly', [20, 90], [0.1, 0.25]),
          i('Stolen vehicles recovered', '%', 'up', 'monthly', [35, 60], [0.1, 0.25], 1),
          i('Vehicle thefts at night', 'thefts', 'down', 'weekly', [40, 160], [0.1, 0.25]),
        ],
      ),
      s(
        'street-robberies',
        'street robberies',
        ['PMP'],
        [
          i('Street robberies', 'robberies', 'down', 'weekly', [150, 600], [0.1, 0.2]),
          i('Street robberies on public transport', 'robberies', 'down', 'weekly', [20, 120], [0.1, 0.25]),
          i('Patrols at street-robbery hotspots', 'patrols', 'up', 'weekly', [200, 800], [0.1, 0.3]),
          i('Street robberies of mobile phones', 'robberies', 'down', 'weekly', [60, 300], [0.1, 0.25]),
        ],
      ),
      s(
        'fire-rescue-response',
        'fire and rescue response time',
        ['CBM'],
        [
          i('Fire and rescue response time', 'minutes', 'down', 'weekly', [12, 25], [0.1, 0.3], 1),
          i('Fire calls reached within 15 minutes', '%', 'up', 'weekly', [55, 80], [0.08, 0.2], 1),
          i('Rescue teams on duty', 'teams', 'up', 'weekly', [20, 60], [0.1, 0.25]),
          i('Fire safety inspections done', 'inspections', 'up', 'monthly', [150, 600], [0.15, 0.4]),
        ],
      ),
      s(
        'police-response',
        'police emergency response time',
        ['PMP'],
        [
          i('Police emergency response time', 'minutes', 'down', 'weekly', [10, 22], [0.1, 0.3], 1),
          i('Emergency calls answered within 10 seconds', '%', 'up', 'weekly', [70, 88], [0.05, 0.12], 1),
          i('Police patrol cars available', 'cars', 'up', 'weekly', [80, 300], [0.1, 0.25]),
          i('Police response time to violent crimes', 'minutes', 'down', 'weekly', [8, 20], [0.1, 0.3], 1),
        ],
      ),
      s(
        'homicide-clearance',
        'the homicide clearance rate',
        ['PCP'],
        [
          i('Homicide cases solved', '%', 'up', 'monthly', [25, 45], [0.15, 0.4], 1),
          i(
            'Homicide investigations concluded within 90 days',
            '%',
            'up',
            'monthly',
            [20, 40],
            [0.15, 0.4],
            1,
          ),
          i('Homicide suspects arrested', 'suspects', 'up', 'monthly', [20, 80], [0.1, 0.3]),
          i('Homicide warrants served', 'warrants', 'up', 'monthly', [30, 120], [0.1, 0.3]),
        ],
      ),
    ],
  },
  {
    name: 'Education',
    description: 'Every child in school, learning at grade level, with full-time secondary schools.',
    agencies: ['SEE', 'SEJE'],
    subjects: [
      s(
        'reading',
        'students reading at grade level',
        ['SEE'],
        [
          i('Students reading at grade level', '%', 'up', 'monthly', [45, 70], [0.08, 0.2], 1),
          i('Students reading at grade level by age 8', '%', 'up', 'monthly', [40, 65], [0.08, 0.2], 1),
          i('Reading tutoring sessions held', 'sessions', 'up', 'weekly', [300, 1500], [0.1, 0.3]),
          i('Reading tutoring attendance', '%', 'up', 'weekly', [60, 85], [0.05, 0.15], 1),
        ],
      ),
      s(
        'dropout',
        'secondary school dropout',
        ['SEE', 'SEJE'],
        [
          i('Secondary school dropout', '%', 'down', 'monthly', [6, 14], [0.15, 0.35], 1),
          i('Students at risk of dropout followed up', '%', 'up', 'monthly', [40, 70], [0.1, 0.3], 1),
          i(
            'Dropouts brought back to secondary school',
            'students',
            'up',
            'monthly',
            [100, 600],
            [0.15, 0.4],
          ),
          i(
            'Secondary school students absent for 10 days or more',
            'students',
            'down',
            'weekly',
            [2000, 9000],
            [0.15, 0.35],
          ),
        ],
      ),
      s(
        'attendance',
        'daily attendance',
        ['SEE', 'SEJE'],
        [
          i('Daily attendance', '%', 'up', 'weekly', [82, 91], [0.03, 0.06], 1),
          i('Daily attendance in secondary schools', '%', 'up', 'weekly', [78, 88], [0.03, 0.08], 1),
          i('Schools with daily attendance above 90%', '%', 'up', 'weekly', [40, 65], [0.1, 0.25], 1),
          i('Daily attendance in primary schools', '%', 'up', 'weekly', [85, 93], [0.02, 0.05], 1),
        ],
      ),
      s(
        'full-time',
        'full-time school enrolment',
        ['SEE'],
        [
          i('Full-time school enrolment', 'students', 'up', 'monthly', [20000, 90000], [0.1, 0.3]),
          i('Full-time schools open', 'schools', 'up', 'monthly', [80, 300], [0.1, 0.3]),
          i('Full-time school places filled', '%', 'up', 'monthly', [75, 90], [0.04, 0.1], 1),
        ],
      ),
      s(
        'teacher-absenteeism',
        'teacher absenteeism',
        ['SEE'],
        [
          i('Teacher absenteeism', '%', 'down', 'weekly', [6, 12], [0.15, 0.3], 1),
          i('Classes without a teacher', 'classes', 'down', 'weekly', [100, 600], [0.2, 0.4]),
          i('Absent teachers replaced within 2 days', '%', 'up', 'weekly', [50, 75], [0.1, 0.25], 1),
          i('Teacher absences covered by substitutes', '%', 'up', 'weekly', [45, 70], [0.1, 0.25], 1),
        ],
      ),
    ],
  },
  {
    name: 'Health',
    description: 'Shorter waits, fewer avoidable deaths and better primary care coverage.',
    agencies: ['SES', 'HRN'],
    subjects: [
      s(
        'infant-mortality',
        'infant mortality',
        ['SES'],
        [
          i('Infant mortality', 'per 1,000 live births', 'down', 'monthly', [11, 17], [0.08, 0.2], 1),
          i(
            'Infant mortality in the first week',
            'per 1,000 live births',
            'down',
            'monthly',
            [6, 11],
            [0.08, 0.2],
            1,
          ),
          i('Infant deaths', 'deaths', 'down', 'monthly', [40, 160], [0.08, 0.2]),
        ],
      ),
      s(
        'vaccination',
        'vaccination coverage',
        ['SES'],
        [
          i('Vaccination coverage', '%', 'up', 'monthly', [72, 88], [0.05, 0.12], 1),
          i('Measles vaccination coverage', '%', 'up', 'monthly', [75, 90], [0.04, 0.1], 1),
          i('Flu vaccination coverage of the elderly', '%', 'up', 'monthly', [60, 85], [0.05, 0.15], 1),
          i('Vaccination doses given', 'doses', 'up', 'weekly', [20000, 80000], [0.1, 0.25]),
        ],
      ),
      s(
        'er-waiting',
        'emergency room waiting time',
        ['HRN'],
        [
          i('Emergency room waiting time', 'minutes', 'down', 'weekly', [90, 240], [0.15, 0.35]),
          i('Emergency room patients seen within 4 hours', '%', 'up', 'weekly', [60, 82], [0.08, 0.18], 1),
          i('Emergency room patients leaving without care', '%', 'down', 'weekly', [4, 10], [0.15, 0.35], 1),
          i(
            'Emergency room patients waiting over 24 hours for a bed',
            'patients',
            'down',
            'weekly',
            [20, 120],
            [0.2, 0.45],
          ),
        ],
      ),
      s(
        'surgery',
        'the surgery waiting list',
        ['HRN'],
        [
          i('Surgery waiting list', 'patients', 'down', 'weekly', [3000, 12000], [0.15, 0.35]),
          i('Surgery waiting time', 'days', 'down', 'monthly', [90, 300], [0.15, 0.35]),
          i('Elective surgeries performed', 'surgeries', 'up', 'weekly', [400, 1500], [0.1, 0.3]),
          i('Surgery cancellations', '%', 'down', 'weekly', [8, 18], [0.15, 0.35], 1),
        ],
      ),
      s(
        'primary-care',
        'primary care coverage',
        ['SES'],
        [
          i('Primary care coverage', '%', 'up', 'monthly', [60, 78], [0.06, 0.15], 1),
          i('Primary care teams complete', '%', 'up', 'monthly', [70, 88], [0.05, 0.12], 1),
          i('Primary care consultations', 'consultations', 'up', 'weekly', [20000, 80000], [0.1, 0.25]),
          i('Primary care appointments within 7 days', '%', 'up', 'weekly', [50, 75], [0.08, 0.2], 1),
        ],
      ),
      s(
        'dengue',
        'dengue cases',
        ['SES'],
        [
          i('Dengue cases', 'cases', 'down', 'weekly', [200, 900], [0.15, 0.35]),
          i('Dengue deaths', 'deaths', 'down', 'monthly', [4, 16], [0.2, 0.5]),
          i('Homes inspected for dengue mosquitoes', 'homes', 'up', 'weekly', [5000, 30000], [0.1, 0.3]),
          i('Dengue mosquito breeding sites removed', 'sites', 'up', 'weekly', [2000, 10000], [0.1, 0.3]),
        ],
      ),
    ],
  },
  {
    name: 'Jobs and economic development',
    description: 'More formal jobs and investment, spread beyond the metropolitan region.',
    agencies: ['SDEC', 'AGE', 'SEFAZ'],
    subjects: [
      s(
        'formal-jobs',
        'formal job creation',
        ['SDEC', 'AGE'],
        [
          i('Formal jobs created', 'jobs', 'up', 'monthly', [2000, 9000], [0.1, 0.3]),
          i('Formal jobs created in industry', 'jobs', 'up', 'monthly', [500, 3000], [0.1, 0.3]),
          i('Women among new formal jobs', '%', 'up', 'monthly', [38, 46], [0.04, 0.1], 1),
        ],
      ),
      s(
        'job-placements',
        'job placements',
        ['AGE'],
        [
          i('Job placements by the employment agency', 'people', 'up', 'weekly', [150, 600], [0.1, 0.3]),
          i('Job vacancies filled within 30 days', '%', 'up', 'monthly', [40, 65], [0.1, 0.25], 1),
          i('Job seekers trained', 'people', 'up', 'weekly', [120, 700], [0.1, 0.3]),
          i('Job vacancies registered', 'vacancies', 'up', 'weekly', [300, 1200], [0.1, 0.3]),
        ],
      ),
      s(
        'investment',
        'investment attracted',
        ['SDEC'],
        [
          i('Investment attracted', 'R$ million', 'up', 'monthly', [80, 400], [0.1, 0.3], 1),
          i('Investment projects approved', 'projects', 'up', 'monthly', [5, 30], [0.2, 0.5]),
          i('Jobs promised by investment projects', 'jobs', 'up', 'monthly', [500, 4000], [0.1, 0.3]),
        ],
      ),
      s(
        'business-opening',
        'the days to open a business',
        ['SEFAZ', 'SDEC'],
        [
          i('Days to open a business', 'days', 'down', 'monthly', [8, 30], [0.2, 0.5], 1),
          i('Businesses opened within 5 days', '%', 'up', 'monthly', [30, 60], [0.15, 0.4], 1),
          i('Business licences issued online', '%', 'up', 'monthly', [40, 75], [0.1, 0.25], 1),
        ],
      ),
    ],
  },
  {
    name: 'Infrastructure and mobility',
    description: 'Roads in good condition and faster, safer commutes in the metropolitan region.',
    agencies: ['SEINFRA', 'DER', 'CTM'],
    subjects: [
      s(
        'roads',
        'roads in good condition',
        ['DER', 'SEINFRA'],
        [
          i('Roads in good condition', '%', 'up', 'monthly', [45, 70], [0.1, 0.25], 1),
          i('Road kilometres resurfaced', 'km', 'up', 'monthly', [20, 120], [0.15, 0.4]),
          i('Roads with complete signage', '%', 'up', 'monthly', [50, 75], [0.1, 0.25], 1),
          i('Road potholes repaired within 7 days', '%', 'up', 'weekly', [40, 70], [0.1, 0.3], 1),
        ],
      ),
      s(
        'bus-commute',
        'the average bus commute',
        ['CTM'],
        [
          i('Average bus commute', 'minutes', 'down', 'weekly', [55, 85], [0.08, 0.15], 1),
          i('Bus commutes longer than 90 minutes', '%', 'down', 'weekly', [10, 25], [0.15, 0.35], 1),
          i('Bus lanes in operation', 'km', 'up', 'monthly', [20, 80], [0.15, 0.4]),
        ],
      ),
      s(
        'traffic-deaths',
        'traffic deaths',
        ['DER', 'CTM'],
        [
          i('Traffic deaths', 'deaths', 'down', 'weekly', [12, 40], [0.1, 0.25]),
          i('Motorcycle traffic deaths', 'deaths', 'down', 'weekly', [5, 20], [0.1, 0.25]),
          i('Traffic accidents with injuries', 'accidents', 'down', 'weekly', [150, 600], [0.1, 0.25]),
          i('Traffic speed checks', 'checks', 'up', 'weekly', [500, 2500], [0.15, 0.4]),
        ],
      ),
      s(
        'bus-punctuality',
        'bus punctuality',
        ['CTM'],
        [
          i('Bus trips on schedule', '%', 'up', 'weekly', [70, 86], [0.05, 0.12], 1),
          i('Bus trips cancelled', '%', 'down', 'weekly', [3, 9], [0.15, 0.35], 1),
          i('Buses in service at peak hours', '%', 'up', 'weekly', [80, 92], [0.03, 0.08], 1),
          i('Bus trips on schedule at peak hours', '%', 'up', 'weekly', [60, 80], [0.05, 0.15], 1),
        ],
      ),
    ],
  },
  {
    name: 'Water and sanitation',
    description: 'Water every day in every home, and sewage collected and treated.',
    agencies: ['CSA', 'SEINFRA'],
    subjects: [
      s(
        'daily-water',
        'homes with daily water supply',
        ['CSA'],
        [
          i('Homes with daily water supply', '%', 'up', 'monthly', [70, 88], [0.05, 0.12], 1),
          i('Days of water rationing', 'days', 'down', 'monthly', [4, 15], [0.2, 0.5], 1),
          i('Homes connected to the water network', 'homes', 'up', 'weekly', [500, 2200], [0.1, 0.3]),
          i('Water supply complaints', 'complaints', 'down', 'weekly', [200, 1000], [0.15, 0.35]),
        ],
      ),
      s(
        'sewage',
        'sewage collection',
        ['CSA', 'SEINFRA'],
        [
          i('Sewage collected', '%', 'up', 'monthly', [25, 45], [0.1, 0.3], 1),
          i('Sewage treated', '%', 'up', 'monthly', [20, 40], [0.1, 0.3], 1),
          i('Homes connected to sewage', 'homes', 'up', 'monthly', [1000, 6000], [0.1, 0.3]),
          i('Sewage overflows repaired within 48 hours', '%', 'up', 'weekly', [50, 80], [0.08, 0.2], 1),
        ],
      ),
      s(
        'water-losses',
        'water losses',
        ['CSA'],
        [
          i('Water lost in distribution', '%', 'down', 'monthly', [40, 55], [0.08, 0.18], 1),
          i('Water leaks repaired within 24 hours', '%', 'up', 'weekly', [55, 80], [0.08, 0.2], 1),
          i('Illegal water connections removed', 'connections', 'up', 'monthly', [200, 1200], [0.15, 0.4]),
        ],
      ),
      s(
        'interruptions',
        'supply interruptions',
        ['CSA', 'SEINFRA'],
        [
          i('Supply interruptions', 'interruptions', 'down', 'weekly', [40, 160], [0.15, 0.3]),
          i(
            'Supply interruptions longer than 24 hours',
            'interruptions',
            'down',
            'weekly',
            [5, 30],
            [0.15, 0.35],
          ),
          i('Supply restored within 12 hours', '%', 'up', 'weekly', [60, 85], [0.05, 0.15], 1),
          i('Supply interruption complaints', 'complaints', 'down', 'weekly', [300, 1500], [0.15, 0.3]),
        ],
      ),
    ],
  },
  {
    name: 'Social protection',
    description: 'Families out of extreme poverty and children and elderly people protected.',
    agencies: ['SEAS', 'SEJE'],
    subjects: [
      s(
        'extreme-poverty',
        'families in extreme poverty',
        ['SEAS'],
        [
          i('Families in extreme poverty', 'families', 'down', 'monthly', [80000, 200000], [0.08, 0.2]),
          i(
            'Families in extreme poverty receiving cash transfers',
            '%',
            'up',
            'monthly',
            [70, 88],
            [0.05, 0.12],
            1,
          ),
          i('Children in extreme poverty', 'children', 'down', 'monthly', [60000, 150000], [0.08, 0.2]),
        ],
      ),
      s(
        'social-workers',
        'families followed by social workers',
        ['SEAS'],
        [
          i('Families followed by social workers', 'families', 'up', 'monthly', [15000, 40000], [0.1, 0.25]),
          i('Social worker home visits', 'visits', 'up', 'weekly', [2000, 8000], [0.1, 0.25]),
          i('Social assistance centres fully staffed', '%', 'up', 'monthly', [55, 80], [0.08, 0.2], 1),
        ],
      ),
      s(
        'community-meals',
        'meals served in community kitchens',
        ['SEAS'],
        [
          i('Meals served in community kitchens', 'meals', 'up', 'weekly', [20000, 60000], [0.1, 0.25]),
          i('Community kitchens open', 'kitchens', 'up', 'monthly', [40, 150], [0.1, 0.3]),
          i('Community kitchen meals served to children', 'meals', 'up', 'weekly', [5000, 20000], [0.1, 0.3]),
          i('Community kitchen meals with local produce', '%', 'up', 'weekly', [30, 60], [0.1, 0.3], 1),
        ],
      ),
      s(
        'child-labour',
        'open child labour cases',
        ['SEAS', 'SEJE'],
        [
          i('Child labour cases open', 'cases', 'down', 'monthly', [300, 1200], [0.15, 0.35]),
          i(
            'Child labour cases closed with the child in school',
            '%',
            'up',
            'monthly',
            [40, 70],
            [0.1, 0.25],
            1,
          ),
          i('Child labour inspections', 'inspections', 'up', 'weekly', [20, 100], [0.15, 0.4]),
          i('Child labour reports answered within 48 hours', '%', 'up', 'weekly', [50, 80], [0.08, 0.2], 1),
        ],
      ),
    ],
  },
  {
    name: 'Environment and sustainability',
    description: 'Less deforestation, cleaner rivers and a faster, predictable licensing process.',
    agencies: ['SEMAS', 'AEA'],
    subjects: [
      s(
        'deforestation',
        'deforestation',
        ['SEMAS', 'AEA'],
        [
          i('Deforested area', 'hectares', 'down', 'monthly', [300, 1200], [0.15, 0.35]),
          i('Deforestation alerts inspected', '%', 'up', 'weekly', [40, 70], [0.1, 0.3], 1),
          i('Deforestation fines issued', 'fines', 'up', 'monthly', [20, 120], [0.15, 0.4]),
          i('Deforestation alerts', 'alerts', 'down', 'weekly', [50, 200], [0.15, 0.35]),
        ],
      ),
      s(
        'licensing',
        'licences decided on time',
        ['AEA'],
        [
          i('Environmental licences decided on time', '%', 'up', 'monthly', [50, 70], [0.1, 0.3], 1),
          i(
            'Licence applications pending over 180 days',
            'applications',
            'down',
            'monthly',
            [100, 600],
            [0.2, 0.45],
          ),
          i('Licence applications decided', 'applications', 'up', 'weekly', [50, 200], [0.1, 0.3]),
        ],
      ),
      s(
        'river-quality',
        'river quality',
        ['AEA', 'SEMAS'],
        [
          i('River monitoring points in good condition', '%', 'up', 'monthly', [35, 55], [0.1, 0.25], 1),
          i('River pollution complaints', 'complaints', 'down', 'weekly', [12, 60], [0.15, 0.35]),
          i('River samples analysed', 'samples', 'up', 'monthly', [100, 400], [0.1, 0.3]),
        ],
      ),
      s(
        'landfills',
        'waste sent to proper landfills',
        ['SEMAS'],
        [
          i('Waste sent to proper landfills', '%', 'up', 'monthly', [55, 75], [0.1, 0.25], 1),
          i(
            'Municipalities sending waste to proper landfills',
            'municipalities',
            'up',
            'monthly',
            [80, 150],
            [0.1, 0.25],
          ),
          i('Waste recycled', '%', 'up', 'monthly', [3, 10], [0.2, 0.5], 1),
        ],
      ),
    ],
  },
  {
    name: 'Public finances and management',
    description: 'A balanced budget, more revenue collected and public services that answer on time.',
    agencies: ['SEFAZ', 'SEPLAG'],
    subjects: [
      s(
        'tax-revenue',
        'tax revenue',
        ['SEFAZ'],
        [
          i('Tax revenue', 'R$ million', 'up', 'monthly', [900, 1600], [0.04, 0.1], 1),
          i('Tax arrears recovered', 'R$ million', 'up', 'monthly', [20, 90], [0.1, 0.3], 1),
          i('Tax returns filed on time', '%', 'up', 'monthly', [80, 92], [0.03, 0.07], 1),
          i('Tax audits concluded', 'audits', 'up', 'weekly', [40, 160], [0.1, 0.3]),
        ],
      ),
      s(
        'personnel-spending',
        'personnel spending',
        ['SEPLAG'],
        [
          i('Personnel spending', '% of revenue', 'down', 'monthly', [47, 56], [0.03, 0.08], 1),
          i('Personnel spending on overtime', 'R$ million', 'down', 'monthly', [20, 80], [0.1, 0.25], 1),
          i('Personnel records audited', '%', 'up', 'monthly', [30, 70], [0.15, 0.4], 1),
        ],
      ),
      s(
        'citizen-requests',
        'requests answered on time',
        ['SEPLAG'],
        [
          i('Citizen requests answered on time', '%', 'up', 'weekly', [65, 82], [0.08, 0.18], 1),
          i(
            'Citizen requests open for over 30 days',
            'requests',
            'down',
            'weekly',
            [500, 3000],
            [0.15, 0.35],
          ),
          i('Requests answered online', '%', 'up', 'weekly', [40, 70], [0.1, 0.3], 1),
          i('Citizen requests answered within 48 hours', '%', 'up', 'weekly', [40, 65], [0.1, 0.25], 1),
        ],
      ),
      s(
        'suppliers',
        'suppliers paid on time',
        ['SEFAZ'],
        [
          i('Suppliers paid on time', '%', 'up', 'monthly', [70, 88], [0.05, 0.12], 1),
          i('Days to pay suppliers', 'days', 'down', 'monthly', [25, 60], [0.15, 0.35], 1),
          i('Supplier invoices overdue', 'invoices', 'down', 'weekly', [300, 1500], [0.15, 0.35]),
        ],
      ),
    ],
  },
  {
    name: 'Housing and urban development',
    description: 'Homes delivered to families in risk areas and better-served neighbourhoods.',
    agencies: ['SECID', 'COHAB'],
    subjects: [
      s(
        'homes-delivered',
        'homes delivered',
        ['COHAB'],
        [
          i('Homes delivered', 'homes', 'up', 'monthly', [150, 600], [0.2, 0.5]),
          i('Homes under construction on schedule', '%', 'up', 'monthly', [50, 80], [0.1, 0.3], 1),
          i('Homes delivered to families from risk areas', 'homes', 'up', 'monthly', [40, 200], [0.2, 0.5]),
        ],
      ),
      s(
        'risk-areas',
        'families in risk areas',
        ['SECID', 'COHAB'],
        [
          i('Families living in risk areas', 'families', 'down', 'monthly', [12000, 30000], [0.1, 0.25]),
          i('Families moved out of risk areas', 'families', 'up', 'monthly', [100, 600], [0.2, 0.5]),
          i('Risk areas with containment works finished', '%', 'up', 'monthly', [15, 40], [0.2, 0.5], 1),
        ],
      ),
      s(
        'land-titles',
        'land titles issued',
        ['COHAB', 'SECID'],
        [
          i('Land titles issued', 'titles', 'up', 'monthly', [200, 900], [0.2, 0.5]),
          i('Land title applications pending', 'applications', 'down', 'monthly', [2000, 8000], [0.15, 0.35]),
          i('Days to issue a land title', 'days', 'down', 'monthly', [90, 300], [0.2, 0.4]),
        ],
      ),
      s(
        'street-lighting',
        'street lighting repairs on time',
        ['SECID'],
        [
          i('Street lighting repairs done within 72 hours', '%', 'up', 'weekly', [60, 80], [0.08, 0.2], 1),
          i('Street lights out', 'lights', 'down', 'weekly', [500, 3000], [0.2, 0.4]),
          i('Street lights converted to LED', '%', 'up', 'monthly', [10, 40], [0.2, 0.5], 1),
          i('Street lighting complaints', 'complaints', 'down', 'weekly', [300, 1500], [0.15, 0.35]),
        ],
      ),
    ],
  },
  {
    name: 'Rural development',
    description: 'Water, technical assistance and markets for family farmers in the semi-arid interior.',
    agencies: ['SARA', 'IPA', 'CSA'],
    subjects: [
      s(
        'cisterns',
        'cisterns installed',
        ['SARA', 'CSA'],
        [
          i('Cisterns installed', 'cisterns', 'up', 'monthly', [300, 1200], [0.2, 0.5]),
          i('Rural families with a cistern', '%', 'up', 'monthly', [55, 75], [0.08, 0.2], 1),
          i('Cisterns repaired', 'cisterns', 'up', 'weekly', [25, 120], [0.2, 0.5]),
        ],
      ),
      s(
        'technical-assistance',
        'family farms with technical assistance',
        ['IPA', 'SARA'],
        [
          i('Family farms with technical assistance', 'farms', 'up', 'monthly', [8000, 25000], [0.1, 0.3]),
          i('Technical assistance visits', 'visits', 'up', 'weekly', [1500, 6000], [0.1, 0.3]),
          i(
            'Family farms selling to public purchase programmes',
            'farms',
            'up',
            'monthly',
            [1000, 5000],
            [0.15, 0.4],
          ),
        ],
      ),
      s(
        'water-trucks',
        'water-truck deliveries',
        ['CSA'],
        [
          i('Water-truck deliveries', 'deliveries', 'down', 'weekly', [800, 2500], [0.1, 0.25]),
          i('Communities served by water trucks', 'communities', 'down', 'monthly', [200, 800], [0.1, 0.25]),
          i('Water-truck deliveries on schedule', '%', 'up', 'weekly', [70, 88], [0.05, 0.12], 1),
          i('Water-truck fleet in service', '%', 'up', 'weekly', [75, 92], [0.03, 0.08], 1),
        ],
      ),
      s(
        'seed-distribution',
        'seed distribution',
        ['SARA', 'IPA'],
        [
          i('Seed distribution completed', '%', 'up', 'monthly', [55, 75], [0.15, 0.3], 1),
          i('Seed distributed to family farmers', 'tonnes', 'up', 'monthly', [100, 600], [0.15, 0.4]),
          i('Seed varieties tested for the semi-arid', 'varieties', 'up', 'monthly', [5, 25], [0.2, 0.5]),
        ],
      ),
    ],
  },
  {
    name: 'Culture, sport and youth',
    description:
      'Young people in culture, sport and first jobs, with safer evenings in poorer neighbourhoods.',
    agencies: ['SECULT', 'SEJE', 'AGE'],
    subjects: [
      s(
        'youth-sport',
        'young people in sport programmes',
        ['SEJE'],
        [
          i('Young people in sport programmes', 'participants', 'up', 'monthly', [8000, 25000], [0.1, 0.3]),
          i('Young people attending sport programmes weekly', '%', 'up', 'weekly', [55, 80], [0.08, 0.2], 1),
          i('Sport centres open at weekends', 'centres', 'up', 'monthly', [30, 120], [0.15, 0.4]),
          i('Sport programme sessions held', 'sessions', 'up', 'weekly', [400, 1600], [0.1, 0.3]),
        ],
      ),
      s(
        'cultural-events',
        'cultural events in the interior',
        ['SECULT'],
        [
          i('Cultural events in the interior', 'events', 'up', 'weekly', [30, 120], [0.1, 0.3]),
          i('Audience at cultural events', 'people', 'up', 'weekly', [5000, 20000], [0.1, 0.3]),
          i(
            'Municipalities holding a cultural event',
            'municipalities',
            'up',
            'monthly',
            [60, 150],
            [0.1, 0.3],
          ),
          i('Free cultural events for schools', 'events', 'up', 'weekly', [10, 50], [0.15, 0.4]),
        ],
      ),
      s(
        'first-jobs',
        'youth first-job placements',
        ['AGE'],
        [
          i('Youth first-job placements', 'placements', 'up', 'weekly', [80, 300], [0.1, 0.3]),
          i('Youth apprentices hired', 'apprentices', 'up', 'monthly', [300, 1500], [0.1, 0.3]),
          i('First-job placements kept after 6 months', '%', 'up', 'monthly', [50, 75], [0.08, 0.2], 1),
          i('Youth job interviews arranged', 'interviews', 'up', 'weekly', [200, 900], [0.1, 0.3]),
        ],
      ),
      s(
        'youth-centres',
        'youth centres open in the evening',
        ['SEJE', 'SECULT'],
        [
          i('Youth centres open in the evening', 'centres', 'up', 'monthly', [40, 120], [0.15, 0.4]),
          i('Evening visits to youth centres', 'visits', 'up', 'weekly', [3000, 12000], [0.1, 0.3]),
          i('Youth centres with a cultural programme', '%', 'up', 'monthly', [30, 60], [0.15, 0.4], 1),
        ],
      ),
    ],
  },
];

export const REGIONS = [
  'the Metropolitan Region',
  'the capital',
  'the Zona da Mata',
  'the Agreste',
  'the Sertão',
  'the São Francisco valley',
  'the interior',
  'the whole state',
];

export const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Carla',
  'Daniel',
  'Eduarda',
  'Fernando',
  'Gabriela',
  'Henrique',
  'Isabela',
  'João',
  'Juliana',
  'Lucas',
  'Mariana',
  'Marcelo',
  'Natália',
  'Otávio',
  'Paula',
  'Rafael',
  'Renata',
  'Sérgio',
  'Tatiana',
  'Thiago',
  'Vanessa',
  'Vinícius',
  'Beatriz',
  'Ricardo',
  'Camila',
  'André',
  'Luiza',
  'Paulo',
];

export const SURNAMES = [
  'Silva',
  'Santos',
  'Oliveira',
  'Souza',
  'Lima',
  'Pereira',
  'Ferreira',
  'Costa',
  'Rodrigues',
  'Almeida',
  'Nascimento',
  'Carvalho',
  'Araújo',
  'Ribeiro',
  'Barbosa',
  'Cavalcanti',
  'Albuquerque',
  'Monteiro',
  'Freitas',
  'Melo',
];

export const RATING_COMMENTS: Record<'on_track' | 'at_risk' | 'off_track', string[]> = {
  on_track: [
    'Delivery on schedule; field teams confirm the trend.',
    'Operation extended to two more municipalities as planned.',
    'We expect to reach the target ahead of time.',
    'Contracts signed; execution following the plan.',
  ],
  at_risk: [
    'Procurement delayed by six weeks; recovery plan under way.',
    'Staff shortages in two regional offices.',
    'Results improving but below the trajectory; reviewing allocation.',
  ],
  off_track: [
    'Budget freeze stopped the second phase.',
    'Data show a reversal since the rainy season; asking for support.',
    'Supplier contract cancelled; new tender in preparation.',
  ],
};
