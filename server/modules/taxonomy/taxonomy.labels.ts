/**
 * The labels of the themes, pillars and core tasks, in Dutch and English, as the reference data gives them
 * (a test keeps the two in step). Part of the code, so the `taxonomy` query reads no file at run time.
 */
import { CoreTask, Pillar, Theme } from '../../vocabulary.js';

export const THEME_LABELS: readonly { code: Theme; labelNl: string; labelEn: string }[] = [
  { code: Theme.CLIMATE_ENERGY, labelNl: 'Klimaat en energie', labelEn: 'Climate and energy' },
  {
    code: Theme.DIGITAL_KEY_TECH,
    labelNl: 'Digitalisering en sleuteltechnologieën',
    labelEn: 'Digitalisation and key technologies',
  },
  { code: Theme.CIRCULAR_ECONOMY, labelNl: 'Circulaire economie', labelEn: 'Circular economy' },
  { code: Theme.ENERGY_SECURITY, labelNl: 'Energiezekerheid', labelEn: 'Energy security' },
  { code: Theme.SECURITY, labelNl: '(Digitale) veiligheid', labelEn: '(Digital) security' },
  {
    code: Theme.AGRI_FOOD,
    labelNl: 'Gezonde landbouw en voedselsysteem',
    labelEn: 'Healthy agriculture and food system',
  },
  { code: Theme.HEALTH, labelNl: 'Gezondheid', labelEn: 'Health' },
];

export const PILLAR_LABELS: readonly { code: Pillar; number: number; labelNl: string; labelEn: string }[] = [
  {
    code: Pillar.NATIONAL_REGIONAL_CONNECTION,
    number: 1,
    labelNl: 'Betere verbinding tussen Rijk en regio',
    labelEn: 'Better connection between national government and region',
  },
  {
    code: Pillar.STRENGTHEN_BASE,
    number: 2,
    labelNl: 'Versterken van de basis',
    labelEn: 'Strengthening the base',
  },
  {
    code: Pillar.THEMATIC_TRANSITIONS,
    number: 3,
    labelNl: 'Thematische inzet op transities',
    labelEn: 'Thematic effort on transitions',
  },
];

export const CORE_TASK_LABELS: readonly {
  code: CoreTask;
  labelNl: string;
  labelEn: string;
  descriptionEn: string | null;
}[] = [
  {
    code: CoreTask.INNOVATE,
    labelNl: 'Innoveren',
    labelEn: 'Innovating',
    descriptionEn:
      'Connecting entrepreneurs with each other and with knowledge institutions; developing innovation projects and business cases; ecosystem development.',
  },
  {
    code: CoreTask.INTERNATIONALISE,
    labelNl: 'Internationaliseren',
    labelEn: 'Internationalising',
    descriptionEn:
      'Attracting foreign companies (FDI) and helping regional entrepreneurs realise international ambitions.',
  },
  {
    code: CoreTask.INVEST,
    labelNl: 'Investeren',
    labelEn: 'Investing',
    descriptionEn: 'Providing (risk) capital to innovative start-ups, scale-ups and SMEs.',
  },
];
