/**
 * The monitoring framework: score scale, the four pillars with their sub-themes, and the indicators.
 */
import type { SeedArea, SeedIndicator, SeedScoreLevel } from './types';
import { prevention } from './framework-indicators-prevention';
import { protection } from './framework-indicators-protection';
import { prosecution } from './framework-indicators-prosecution';
import { partnership } from './framework-indicators-partnership';

export const scoreLevels: SeedScoreLevel[] = [
  {
    value: 0,
    code: '0',
    label: {
      en: 'Not in place',
      'sr-Latn': 'Nije uspostavljeno',
      sq: 'Nuk është vendosur',
      mk: 'Не е воспоставено',
      bs: 'Nije uspostavljeno',
      cnr: 'Nije uspostavljeno',
    },
    descriptor: {
      en: 'The measure required by the standard does not exist in law, policy or practice.',
      'sr-Latn': 'Mera koju standard zahteva ne postoji ni u propisima, ni u javnim politikama, ni u praksi.',
      sq: 'Masa që kërkon standardi nuk ekziston as në ligj, as në politika, as në praktikë.',
      mk: 'Мерката што ја бара стандардот не постои ниту во законодавството, ниту во политиките, ниту во практиката.',
    },
  },
  {
    value: 1,
    code: '1',
    label: {
      en: 'Partially in line with the standard',
      'sr-Latn': 'Delimično usklađeno sa standardom',
      sq: 'Pjesërisht në përputhje me standardin',
      mk: 'Делумно усогласено со стандардот',
      bs: 'Djelimično usklađeno sa standardom',
      cnr: 'Djelimično usklađeno sa standardom',
    },
    descriptor: {
      en: 'Some elements are in place, but significant gaps in law or practice prevent the standard from being met.',
      'sr-Latn':
        'Pojedini elementi postoje, ali značajni nedostaci u propisima ili praksi onemogućavaju ispunjavanje standarda.',
      sq: 'Disa elemente ekzistojnë, por mangësi të rëndësishme në ligj ose në praktikë pengojnë përmbushjen e standardit.',
      mk: 'Некои елементи постојат, но значителни недостатоци во законодавството или практиката го оневозможуваат исполнувањето на стандардот.',
    },
  },
  {
    value: 2,
    code: '2',
    label: {
      en: 'Largely in line with the standard',
      'sr-Latn': 'Uglavnom usklađeno sa standardom',
      sq: 'Kryesisht në përputhje me standardin',
      mk: 'Претежно усогласено со стандардот',
      bs: 'Uglavnom usklađeno sa standardom',
      cnr: 'Uglavnom usklađeno sa standardom',
    },
    descriptor: {
      en: 'The standard is met in law and mostly in practice, with limited gaps in implementation.',
      'sr-Latn': 'Standard je ispunjen u propisima i uglavnom u praksi, uz ograničene nedostatke u primeni.',
      sq: 'Standardi përmbushet në ligj dhe kryesisht në praktikë, me mangësi të kufizuara në zbatim.',
      mk: 'Стандардот е исполнет во законодавството и претежно во практиката, со ограничени недостатоци во спроведувањето.',
    },
  },
  {
    value: 3,
    code: '3',
    label: {
      en: 'Fully in line with the standard',
      'sr-Latn': 'Potpuno usklađeno sa standardom',
      sq: 'Plotësisht në përputhje me standardin',
      mk: 'Целосно усогласено со стандардот',
      bs: 'Potpuno usklađeno sa standardom',
      cnr: 'Potpuno usklađeno sa standardom',
    },
    descriptor: {
      en: 'The standard is fully met in law and consistently applied in practice.',
      'sr-Latn': 'Standard je u potpunosti ispunjen u propisima i dosledno se primenjuje u praksi.',
      sq: 'Standardi përmbushet plotësisht në ligj dhe zbatohet në mënyrë të qëndrueshme në praktikë.',
      mk: 'Стандардот е целосно исполнет во законодавството и доследно се применува во практиката.',
    },
  },
  {
    value: null,
    code: 'NOT_APPLICABLE',
    label: {
      en: 'Not applicable',
      'sr-Latn': 'Nije primenljivo',
      sq: 'Nuk aplikohet',
      mk: 'Не е применливо',
      bs: 'Nije primjenjivo',
      cnr: 'Nije primjenljivo',
    },
    descriptor: {
      en: "The indicator does not apply to the country's situation in this monitoring cycle.",
      'sr-Latn': 'Indikator se ne odnosi na situaciju u zemlji u ovom ciklusu monitoringa.',
      sq: 'Treguesi nuk zbatohet për situatën e vendit në këtë cikël monitorimi.',
      mk: 'Индикаторот не се однесува на состојбата во земјата во овој циклус на мониторинг.',
    },
  },
  {
    value: null,
    code: 'NO_DATA',
    label: {
      en: 'No data',
      'sr-Latn': 'Nema podataka',
      sq: 'Nuk ka të dhëna',
      mk: 'Нема податоци',
      bs: 'Nema podataka',
      cnr: 'Nema podataka',
    },
    descriptor: {
      en: 'No reliable information could be obtained to score the indicator.',
      'sr-Latn': 'Nije bilo moguće pribaviti pouzdane informacije za ocenjivanje indikatora.',
      sq: 'Nuk u arrit të sigurohej informacion i besueshëm për vlerësimin e treguesit.',
      mk: 'Не беше можно да се обезбедат веродостојни информации за оценување на индикаторот.',
    },
  },
];

export const areas: SeedArea[] = [
  {
    code: 'PREV',
    pillar: 'PREVENTION',
    title: {
      en: 'Prevention',
      'sr-Latn': 'Prevencija',
      sq: 'Parandalimi',
      mk: 'Превенција',
      bs: 'Prevencija',
      cnr: 'Prevencija',
    },
    description: {
      en: 'Measures that reduce vulnerability to trafficking and discourage demand: awareness raising and education, targeted work with groups at risk, and control of labour markets and recruitment.',
      'sr-Latn':
        'Mere koje smanjuju ranjivost na trgovinu ljudima i obeshrabruju potražnju: podizanje svesti i obrazovanje, ciljani rad sa rizičnim grupama i kontrola tržišta rada i posredovanja pri zapošljavanju.',
    },
    subThemes: [
      {
        code: 'PREV-AWR',
        title: {
          en: 'Awareness raising and education',
          'sr-Latn': 'Podizanje svesti i obrazovanje',
          sq: 'Ndërgjegjësimi dhe edukimi',
          mk: 'Подигање на свеста и едукација',
        },
        description: {
          en: 'Research-based information campaigns, education in schools, information on safe migration and prevention of online recruitment.',
          'sr-Latn':
            'Informativne kampanje zasnovane na istraživanjima, obrazovanje u školama, informisanje o bezbednim migracijama i sprečavanje regrutovanja putem interneta.',
        },
      },
      {
        code: 'PREV-VUL',
        title: {
          en: 'Reducing vulnerability of groups at risk',
          'sr-Latn': 'Smanjenje ranjivosti rizičnih grupa',
          sq: 'Zvogëlimi i cenueshmërisë së grupeve në rrezik',
          mk: 'Намалување на ранливоста на ризичните групи',
        },
        description: {
          en: 'Targeted measures for children in care and in street situations, Roma and Egyptian communities, persons without documents, migrants and asylum seekers.',
          'sr-Latn':
            'Ciljane mere za decu u sistemu socijalne zaštite i decu u situaciji života i rada na ulici, romsku i egipćansku zajednicu, lica bez dokumenata, migrante i tražioce azila.',
        },
      },
      {
        code: 'PREV-DEM',
        title: {
          en: 'Discouraging demand and preventing labour exploitation',
          'sr-Latn': 'Obeshrabrivanje potražnje i sprečavanje radne eksploatacije',
          sq: 'Dekurajimi i kërkesës dhe parandalimi i shfrytëzimit në punë',
          mk: 'Обесхрабрување на побарувачката и спречување на трудовата експлоатација',
        },
        description: {
          en: 'Labour inspection, regulation of recruitment agencies, supply-chain due diligence and measures addressing the users of services of victims.',
          'sr-Latn':
            'Inspekcija rada, regulisanje agencija za zapošljavanje, dužna pažnja u lancima snabdevanja i mere usmerene na korisnike usluga žrtava.',
        },
      },
    ],
  },
  {
    code: 'PROT',
    pillar: 'PROTECTION',
    title: {
      en: 'Protection',
      'sr-Latn': 'Zaštita',
      sq: 'Mbrojtja',
      mk: 'Заштита',
      bs: 'Zaštita',
      cnr: 'Zaštita',
    },
    description: {
      en: 'Identification of victims, referral to assistance, safe accommodation, recovery and reintegration, with specific safeguards for children and for foreign victims.',
      'sr-Latn':
        'Identifikacija žrtava, upućivanje na pomoć, bezbedan smeštaj, oporavak i reintegracija, uz posebne garancije za decu i za žrtve koje su strani državljani.',
    },
    subThemes: [
      {
        code: 'PROT-ID',
        title: {
          en: 'Identification and referral',
          'sr-Latn': 'Identifikacija i upućivanje',
          sq: 'Identifikimi dhe referimi',
          mk: 'Идентификација и упатување',
        },
        description: {
          en: 'Formal identification procedures, the national referral mechanism and proactive detection of presumed victims.',
          'sr-Latn':
            'Postupci formalne identifikacije, nacionalni mehanizam upućivanja i proaktivno otkrivanje pretpostavljenih žrtava.',
        },
      },
      {
        code: 'PROT-AST',
        title: {
          en: 'Assistance, accommodation and reintegration',
          'sr-Latn': 'Pomoć, smeštaj i reintegracija',
          sq: 'Asistenca, strehimi dhe riintegrimi',
          mk: 'Помош, сместување и реинтеграција',
        },
        description: {
          en: 'Unconditional access to safe accommodation, medical, psychological and legal assistance, protection of privacy and long-term reintegration support.',
          'sr-Latn':
            'Bezuslovan pristup bezbednom smeštaju, medicinskoj, psihološkoj i pravnoj pomoći, zaštita privatnosti i dugoročna podrška reintegraciji.',
        },
      },
      {
        code: 'PROT-CHD',
        title: { en: 'Child victims', 'sr-Latn': 'Deca žrtve', sq: 'Fëmijët viktima', mk: 'Деца жртви' },
        description: {
          en: 'Guardianship, best-interests assessment and child-sensitive services for child victims.',
          'sr-Latn': 'Starateljstvo, procena najboljeg interesa deteta i usluge prilagođene deci žrtvama.',
        },
      },
      {
        code: 'PROT-MIG',
        title: {
          en: 'Foreign victims, residence and return',
          'sr-Latn': 'Strane žrtve, boravak i povratak',
          sq: 'Viktimat e huaja, qëndrimi dhe kthimi',
          mk: 'Странски жртви, престој и враќање',
        },
        description: {
          en: 'Residence permits for foreign victims and safe, preferably voluntary return with risk assessment and reintegration.',
          'sr-Latn':
            'Dozvole boravka za žrtve koje su strani državljani i bezbedan, po mogućstvu dobrovoljan povratak uz procenu rizika i reintegraciju.',
        },
      },
    ],
  },
  {
    code: 'PROS',
    pillar: 'PROSECUTION',
    title: {
      en: 'Prosecution',
      'sr-Latn': 'Krivično gonjenje',
      sq: 'Ndjekja penale',
      mk: 'Кривично гонење',
      bs: 'Krivično gonjenje',
      cnr: 'Krivično gonjenje',
    },
    description: {
      en: "Criminal law in line with the international definitions, effective investigation and prosecution, proportionate sanctions, and victims' rights in criminal proceedings, including compensation and non-punishment.",
      'sr-Latn':
        'Krivično zakonodavstvo usklađeno sa međunarodnim definicijama, delotvorne istrage i krivično gonjenje, srazmerne sankcije i prava žrtava u krivičnom postupku, uključujući naknadu štete i nekažnjavanje.',
    },
    subThemes: [
      {
        code: 'PROS-LEG',
        title: {
          en: 'Criminal law framework',
          'sr-Latn': 'Krivičnopravni okvir',
          sq: 'Kuadri ligjor penal',
          mk: 'Кривичноправна рамка',
        },
        description: {
          en: 'Definition of the offence, penalties, aggravating circumstances and liability of legal persons.',
          'sr-Latn': 'Definicija krivičnog dela, kazne, otežavajuće okolnosti i odgovornost pravnih lica.',
        },
      },
      {
        code: 'PROS-INV',
        title: {
          en: 'Investigation and prosecution',
          'sr-Latn': 'Istraga i gonjenje',
          sq: 'Hetimi dhe ndjekja penale',
          mk: 'Истрага и гонење',
        },
        description: {
          en: "Specialised units, proactive and financial investigations, and prosecutions that do not depend on the victim's testimony.",
          'sr-Latn':
            'Specijalizovane jedinice, proaktivne i finansijske istrage i krivično gonjenje koje ne zavisi od iskaza žrtve.',
        },
      },
      {
        code: 'PROS-JUD',
        title: {
          en: 'Court proceedings and sentencing',
          'sr-Latn': 'Sudski postupak i kažnjavanje',
          sq: 'Procedimi gjyqësor dhe dënimi',
          mk: 'Судска постапка и казнување',
        },
        description: {
          en: 'Convictions, sentencing practice, protection of victims and witnesses in court and training of the judiciary.',
          'sr-Latn':
            'Osuđujuće presude, kaznena politika, zaštita žrtava i svedoka pred sudom i obuka nosilaca pravosudnih funkcija.',
        },
      },
      {
        code: 'PROS-REM',
        title: {
          en: 'Compensation and non-punishment',
          'sr-Latn': 'Naknada štete i nekažnjavanje',
          sq: 'Kompensimi dhe mosndëshkimi',
          mk: 'Надомест на штета и неказнување',
        },
        description: {
          en: "Victims' access to compensation and free legal aid, and protection from punishment for offences they were compelled to commit.",
          'sr-Latn':
            'Pristup žrtava naknadi štete i besplatnoj pravnoj pomoći i zaštita od kažnjavanja za dela koja su bile primorane da izvrše.',
        },
      },
    ],
  },
  {
    code: 'PART',
    pillar: 'PARTNERSHIP',
    title: {
      en: 'Partnership',
      'sr-Latn': 'Partnerstvo',
      sq: 'Partneriteti',
      mk: 'Партнерство',
      bs: 'Partnerstvo',
      cnr: 'Partnerstvo',
    },
    description: {
      en: 'National co-ordination and strategy, co-operation with civil society, data collection and independent monitoring, and international co-operation.',
      'sr-Latn':
        'Nacionalna koordinacija i strategija, saradnja sa civilnim društvom, prikupljanje podataka i nezavisni monitoring i međunarodna saradnja.',
    },
    subThemes: [
      {
        code: 'PART-COORD',
        title: {
          en: 'National co-ordination and strategy',
          'sr-Latn': 'Nacionalna koordinacija i strategija',
          sq: 'Koordinimi kombëtar dhe strategjia',
          mk: 'Национална координација и стратегија',
        },
        description: {
          en: 'National co-ordinator, co-ordinating body, national rapporteur, strategy and action plan, and training of professionals.',
          'sr-Latn':
            'Nacionalni koordinator, koordinaciono telo, nacionalni izvestilac, strategija i akcioni plan i obuka stručnjaka.',
        },
      },
      {
        code: 'PART-CSO',
        title: {
          en: 'Co-operation with civil society',
          'sr-Latn': 'Saradnja sa civilnim društvom',
          sq: 'Bashkëpunimi me shoqërinë civile',
          mk: 'Соработка со граѓанското општество',
        },
        description: {
          en: 'Formal agreements with specialist NGOs, public funding of their services and participation in policy-making.',
          'sr-Latn':
            'Formalni sporazumi sa specijalizovanim organizacijama, javno finansiranje njihovih usluga i učešće u kreiranju javnih politika.',
        },
      },
      {
        code: 'PART-DATA',
        title: {
          en: 'Data collection and monitoring',
          'sr-Latn': 'Prikupljanje podataka i monitoring',
          sq: 'Mbledhja e të dhënave dhe monitorimi',
          mk: 'Собирање податоци и мониторинг',
        },
        description: {
          en: 'Centralised, disaggregated statistics, publication of reports and follow-up of monitoring findings.',
          'sr-Latn':
            'Centralizovana i razvrstana statistika, objavljivanje izveštaja i postupanje po nalazima monitoringa.',
        },
      },
      {
        code: 'PART-INT',
        title: {
          en: 'International and regional co-operation',
          'sr-Latn': 'Međunarodna i regionalna saradnja',
          sq: 'Bashkëpunimi ndërkombëtar dhe rajonal',
          mk: 'Меѓународна и регионална соработка',
        },
        description: {
          en: 'Bilateral agreements, transnational referral, joint investigations, mutual legal assistance and follow-up of GRETA recommendations.',
          'sr-Latn':
            'Bilateralni sporazumi, transnacionalno upućivanje, zajedničke istrage, međunarodna pravna pomoć i sprovođenje preporuka GRETA.',
        },
      },
    ],
  },
];

export const indicators: SeedIndicator[] = [...prevention, ...protection, ...prosecution, ...partnership];
