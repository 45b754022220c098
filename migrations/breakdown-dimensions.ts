/** A text in the seven locales, English always there. */
type I18nText = { en: string } & Partial<
  Record<'sq' | 'bs' | 'hr' | 'cnr' | 'mk' | 'sr-Latn' | 'sr-Cyrl', string>
>;

/**
 * The breakdown dimensions every framework may use, with their categories, in the seven locales, as migration
 * 1765800000000 stores them (kept apart from it only for length); a framework adds dimensions of its own beside them.
 */
export interface StandardCategory {
  code: string;
  title: I18nText;
  /** A category for people whose value is not known: allowed wherever the dimension is. */
  unknown?: boolean;
}

export interface StandardDimension {
  code: string;
  title: I18nText;
  description: I18nText;
  /** Every person falls in exactly one category: the parts must add up to the total. */
  exhaustive: boolean;
  categories: StandardCategory[];
}

const unknown = (): StandardCategory => ({
  code: 'unknown',
  unknown: true,
  title: {
    en: 'Unknown',
    sq: 'E panjohur',
    bs: 'Nepoznato',
    hr: 'Nepoznato',
    cnr: 'Nepoznato',
    mk: 'Непознато',
    'sr-Latn': 'Nepoznato',
    'sr-Cyrl': 'Непознато',
  },
});

export const STANDARD_DIMENSIONS: StandardDimension[] = [
  {
    code: 'sex',
    exhaustive: true,
    title: {
      en: 'Sex',
      sq: 'Gjinia',
      bs: 'Spol',
      hr: 'Spol',
      cnr: 'Pol',
      mk: 'Пол',
      'sr-Latn': 'Pol',
      'sr-Cyrl': 'Пол',
    },
    description: {
      en: 'The sex of the people counted.',
      sq: 'Gjinia e personave të numëruar.',
      bs: 'Spol prebrojanih osoba.',
      hr: 'Spol prebrojenih osoba.',
      cnr: 'Pol prebrojanih osoba.',
      mk: 'Полот на избројаните лица.',
      'sr-Latn': 'Pol prebrojanih osoba.',
      'sr-Cyrl': 'Пол пребројаних особа.',
    },
    categories: [
      {
        code: 'female',
        title: {
          en: 'Female',
          sq: 'Femër',
          bs: 'Žensko',
          hr: 'Žensko',
          cnr: 'Žensko',
          mk: 'Женски',
          'sr-Latn': 'Ženski',
          'sr-Cyrl': 'Женски',
        },
      },
      {
        code: 'male',
        title: {
          en: 'Male',
          sq: 'Mashkull',
          bs: 'Muško',
          hr: 'Muško',
          cnr: 'Muško',
          mk: 'Машки',
          'sr-Latn': 'Muški',
          'sr-Cyrl': 'Мушки',
        },
      },
      {
        code: 'other_unknown',
        unknown: true,
        title: {
          en: 'Other or unknown',
          sq: 'Tjetër ose e panjohur',
          bs: 'Drugo ili nepoznato',
          hr: 'Drugo ili nepoznato',
          cnr: 'Drugo ili nepoznato',
          mk: 'Друго или непознато',
          'sr-Latn': 'Drugo ili nepoznato',
          'sr-Cyrl': 'Друго или непознато',
        },
      },
    ],
  },
  {
    code: 'age',
    exhaustive: true,
    title: {
      en: 'Age',
      sq: 'Mosha',
      bs: 'Dob',
      hr: 'Dob',
      cnr: 'Uzrast',
      mk: 'Возраст',
      'sr-Latn': 'Uzrast',
      'sr-Cyrl': 'Узраст',
    },
    description: {
      en: 'Child or adult at the time counted.',
      sq: 'Fëmijë apo i rritur në kohën e numërimit.',
      bs: 'Dijete ili odrasla osoba u vrijeme prebrojavanja.',
      hr: 'Dijete ili odrasla osoba u vrijeme prebrojavanja.',
      cnr: 'Dijete ili odrasla osoba u vrijeme prebrojavanja.',
      mk: 'Дете или возрасен во времето на броењето.',
      'sr-Latn': 'Dete ili odrasla osoba u vreme prebrojavanja.',
      'sr-Cyrl': 'Дете или одрасла особа у време пребројавања.',
    },
    categories: [
      {
        code: 'child',
        title: {
          en: 'Child (under 18)',
          sq: 'Fëmijë (nën 18 vjeç)',
          bs: 'Dijete (mlađe od 18)',
          hr: 'Dijete (mlađe od 18)',
          cnr: 'Dijete (mlađe od 18)',
          mk: 'Дете (под 18 години)',
          'sr-Latn': 'Dete (mlađe od 18)',
          'sr-Cyrl': 'Дете (млађе од 18)',
        },
      },
      {
        code: 'adult',
        title: {
          en: 'Adult (18 or over)',
          sq: 'I rritur (18 vjeç e lart)',
          bs: 'Odrasla osoba (18 i više)',
          hr: 'Odrasla osoba (18 i više)',
          cnr: 'Odrasla osoba (18 i više)',
          mk: 'Возрасен (18 и повеќе)',
          'sr-Latn': 'Odrasla osoba (18 i više)',
          'sr-Cyrl': 'Одрасла особа (18 и више)',
        },
      },
      unknown(),
    ],
  },
  {
    code: 'exploitation',
    exhaustive: true,
    title: {
      en: 'Form of exploitation',
      sq: 'Forma e shfrytëzimit',
      bs: 'Oblik eksploatacije',
      hr: 'Oblik iskorištavanja',
      cnr: 'Oblik eksploatacije',
      mk: 'Форма на експлоатација',
      'sr-Latn': 'Oblik eksploatacije',
      'sr-Cyrl': 'Облик експлоатације',
    },
    description: {
      en: 'The form of exploitation; a person exploited in more than one form counts under “mixed”.',
      sq: 'Forma e shfrytëzimit; një person i shfrytëzuar në më shumë se një formë numërohet te “e përzier”.',
      bs: 'Oblik eksploatacije; osoba eksploatisana u više oblika broji se pod „mješovito“.',
      hr: 'Oblik iskorištavanja; osoba iskorištavana na više načina broji se pod „mješovito”.',
      cnr: 'Oblik eksploatacije; osoba eksploatisana u više oblika broji se pod „mješovito“.',
      mk: 'Формата на експлоатација; лице експлоатирано во повеќе форми се брои под „мешовита“.',
      'sr-Latn': 'Oblik eksploatacije; osoba eksploatisana u više oblika broji se pod „mešovito“.',
      'sr-Cyrl': 'Облик експлоатације; особа експлоатисана у више облика броји се под „мешовито“.',
    },
    categories: [
      {
        code: 'sexual',
        title: {
          en: 'Sexual exploitation',
          sq: 'Shfrytëzim seksual',
          bs: 'Seksualna eksploatacija',
          hr: 'Seksualno iskorištavanje',
          cnr: 'Seksualna eksploatacija',
          mk: 'Сексуална експлоатација',
          'sr-Latn': 'Seksualna eksploatacija',
          'sr-Cyrl': 'Сексуална експлоатација',
        },
      },
      {
        code: 'labour',
        title: {
          en: 'Forced labour or services',
          sq: 'Punë ose shërbime të detyruara',
          bs: 'Prinudni rad ili usluge',
          hr: 'Prisilni rad ili usluge',
          cnr: 'Prinudni rad ili usluge',
          mk: 'Принудна работа или услуги',
          'sr-Latn': 'Prinudni rad ili usluge',
          'sr-Cyrl': 'Принудни рад или услуге',
        },
      },
      {
        code: 'begging',
        title: {
          en: 'Forced begging',
          sq: 'Lypje e detyruar',
          bs: 'Prisilno prosjačenje',
          hr: 'Prisilno prosjačenje',
          cnr: 'Prinudno prosjačenje',
          mk: 'Принудно питачење',
          'sr-Latn': 'Prinudno prosjačenje',
          'sr-Cyrl': 'Принудно просјачење',
        },
      },
      {
        code: 'criminal_activities',
        title: {
          en: 'Forced criminal activities',
          sq: 'Kryerje e detyruar e veprave penale',
          bs: 'Prisiljavanje na vršenje krivičnih djela',
          hr: 'Prisiljavanje na počinjenje kaznenih djela',
          cnr: 'Prinuda na vršenje krivičnih djela',
          mk: 'Принуда на вршење кривични дела',
          'sr-Latn': 'Prinuda na vršenje krivičnih dela',
          'sr-Cyrl': 'Принуда на вршење кривичних дела',
        },
      },
      {
        code: 'forced_marriage',
        title: {
          en: 'Forced marriage',
          sq: 'Martesë e detyruar',
          bs: 'Prisilni brak',
          hr: 'Prisilni brak',
          cnr: 'Prinudni brak',
          mk: 'Принуден брак',
          'sr-Latn': 'Prinudni brak',
          'sr-Cyrl': 'Принудни брак',
        },
      },
      {
        code: 'organ_removal',
        title: {
          en: 'Removal of organs',
          sq: 'Heqje e organeve',
          bs: 'Odstranjivanje organa',
          hr: 'Uklanjanje organa',
          cnr: 'Odstranjivanje organa',
          mk: 'Отстранување органи',
          'sr-Latn': 'Uklanjanje organa',
          'sr-Cyrl': 'Уклањање органа',
        },
      },
      {
        code: 'illegal_adoption',
        title: {
          en: 'Illegal adoption',
          sq: 'Birësim i paligjshëm',
          bs: 'Nezakonito usvojenje',
          hr: 'Nezakonito posvojenje',
          cnr: 'Nezakonito usvojenje',
          mk: 'Незаконско посвојување',
          'sr-Latn': 'Nezakonito usvojenje',
          'sr-Cyrl': 'Незаконито усвојење',
        },
      },
      {
        code: 'surrogacy',
        title: {
          en: 'Forced surrogacy',
          sq: 'Surrogaci e detyruar',
          bs: 'Prisilno surogat majčinstvo',
          hr: 'Prisilno surogat majčinstvo',
          cnr: 'Prinudno surogat majčinstvo',
          mk: 'Принудно сурогат мајчинство',
          'sr-Latn': 'Prinudno surogat materinstvo',
          'sr-Cyrl': 'Принудно сурогат материнство',
        },
      },
      {
        code: 'mixed',
        title: {
          en: 'Mixed (more than one form)',
          sq: 'E përzier (më shumë se një formë)',
          bs: 'Mješovito (više oblika)',
          hr: 'Mješovito (više oblika)',
          cnr: 'Mješovito (više oblika)',
          mk: 'Мешовита (повеќе форми)',
          'sr-Latn': 'Mešovito (više oblika)',
          'sr-Cyrl': 'Мешовито (више облика)',
        },
      },
      {
        code: 'other',
        title: {
          en: 'Other',
          sq: 'Tjetër',
          bs: 'Drugo',
          hr: 'Drugo',
          cnr: 'Drugo',
          mk: 'Друго',
          'sr-Latn': 'Drugo',
          'sr-Cyrl': 'Друго',
        },
      },
      unknown(),
    ],
  },
  {
    code: 'citizenship',
    exhaustive: true,
    title: {
      en: 'Citizenship',
      sq: 'Shtetësia',
      bs: 'Državljanstvo',
      hr: 'Državljanstvo',
      cnr: 'Državljanstvo',
      mk: 'Државјанство',
      'sr-Latn': 'Državljanstvo',
      'sr-Cyrl': 'Држављанство',
    },
    description: {
      en: 'Citizens of the reporting country, or foreign nationals (stateless people count as foreign).',
      sq: 'Shtetas të vendit raportues ose shtetas të huaj (personat pa shtetësi numërohen si të huaj).',
      bs: 'Državljani zemlje koja izvještava ili strani državljani (osobe bez državljanstva broje se kao strane).',
      hr: 'Državljani zemlje koja izvješćuje ili strani državljani (osobe bez državljanstva broje se kao strane).',
      cnr: 'Državljani države koja izvještava ili strani državljani (lica bez državljanstva broje se kao strana).',
      mk: 'Државјани на земјата што известува или странски државјани (лицата без државјанство се бројат како странски).',
      'sr-Latn':
        'Državljani zemlje koja izveštava ili strani državljani (lica bez državljanstva broje se kao strana).',
      'sr-Cyrl':
        'Држављани земље која извештава или страни држављани (лица без држављанства броје се као страна).',
    },
    categories: [
      {
        code: 'national',
        title: {
          en: 'Nationals of the country',
          sq: 'Shtetas të vendit',
          bs: 'Državljani zemlje',
          hr: 'Državljani zemlje',
          cnr: 'Državljani države',
          mk: 'Државјани на земјата',
          'sr-Latn': 'Državljani zemlje',
          'sr-Cyrl': 'Држављани земље',
        },
      },
      {
        code: 'foreign',
        title: {
          en: 'Foreign nationals',
          sq: 'Shtetas të huaj',
          bs: 'Strani državljani',
          hr: 'Strani državljani',
          cnr: 'Strani državljani',
          mk: 'Странски државјани',
          'sr-Latn': 'Strani državljani',
          'sr-Cyrl': 'Страни држављани',
        },
      },
      unknown(),
    ],
  },
];
