/**
 * Measures of the national anti-trafficking strategies and action plans of the five countries.
 *
 * Measure numbers follow the structure of each plan as recorded by the monitoring partners; the descriptions
 * are deliberately general so that they remain accurate across successive action plans.
 */
import type { CountryCode, I18n, SeedStandard } from './types';

const nap = (countryCode: CountryCode, measure: string, title: I18n, summary: I18n): SeedStandard => ({
  key: `nap-${countryCode.toLowerCase()}-${measure}`,
  instrument: 'NATIONAL_ACTION_PLAN',
  reference: `Measure ${measure}`,
  countryCode,
  title,
  summary,
});

export const nationalActionPlanMeasures: SeedStandard[] = [
  // Serbia: Strategy for Prevention and Suppression of Trafficking in Human Beings, Especially Women and
  // Children, and Protection of Victims, and its action plan.
  nap(
    'RS',
    '1.2',
    {
      en: 'Prevention of trafficking through the education system',
      'sr-Latn': 'Prevencija trgovine ljudima kroz obrazovni sistem',
    },
    {
      en: 'Integrate content on trafficking, gender-based violence and safe internet use into school activities and train teachers and school psychologists to recognise and refer children at risk.',
      'sr-Latn':
        'Uključiti sadržaje o trgovini ljudima, rodno zasnovanom nasilju i bezbednom korišćenju interneta u školske aktivnosti i obučiti nastavnike i školske psihologe da prepoznaju i upute decu u riziku.',
    },
  ),
  nap(
    'RS',
    '2.1',
    {
      en: 'Strengthening formal identification by the Centre for Protection of Victims of Trafficking',
      'sr-Latn': 'Jačanje formalne identifikacije od strane Centra za zaštitu žrtava trgovine ljudima',
    },
    {
      en: 'Increase the staffing and regional presence of the Centre for Protection of Victims of Trafficking so that presumed victims anywhere in Serbia are identified promptly, including among migrants and victims of labour exploitation.',
      'sr-Latn':
        'Povećati broj zaposlenih i regionalnu prisutnost Centra za zaštitu žrtava trgovine ljudima kako bi pretpostavljene žrtve bile blagovremeno identifikovane u celoj Srbiji, uključujući migrante i žrtve radne eksploatacije.',
    },
  ),
  nap(
    'RS',
    '3.3',
    {
      en: 'Sustainable accommodation and reintegration services for victims',
      'sr-Latn': 'Održive usluge smeštaja i reintegracije za žrtve',
    },
    {
      en: 'Secure continuous funding for specialised accommodation and reintegration programmes for victims, delivered by the Centre for Protection of Victims of Trafficking and licensed civil society providers.',
      'sr-Latn':
        'Obezbediti kontinuirano finansiranje specijalizovanog smeštaja i programa reintegracije žrtava koje pružaju Centar za zaštitu žrtava trgovine ljudima i licencirani pružaoci usluga iz civilnog društva.',
    },
  ),
  // Albania: National Action Plan for Combating Trafficking in Persons.
  nap(
    'AL',
    '1.3',
    {
      en: 'Proactive identification through mobile identification units',
      sq: 'Identifikimi proaktiv përmes njësive të lëvizshme të identifikimit',
    },
    {
      en: 'Extend the mobile identification units, composed of state social services, police and civil society, to all regions and to border crossing points and reception facilities.',
      sq: 'Shtrirja e njësive të lëvizshme të identifikimit, të përbëra nga shërbimet sociale shtetërore, policia dhe shoqëria civile, në të gjitha qarqet, në pikat e kalimit kufitar dhe në qendrat e pritjes.',
    },
  ),
  nap(
    'AL',
    '2.2',
    {
      en: 'Reintegration of victims: vocational training, employment and housing',
      sq: 'Riintegrimi i viktimave: formimi profesional, punësimi dhe strehimi',
    },
    {
      en: 'Give victims and potential victims of trafficking priority access to vocational training, employment promotion programmes and social housing, in co-operation with the National Agency for Employment and Skills and local government units.',
      sq: 'Sigurimi i aksesit me përparësi të viktimave dhe viktimave të mundshme të trafikimit në formimin profesional, programet e nxitjes së punësimit dhe strehimin social, në bashkëpunim me Agjencinë Kombëtare të Punësimit dhe Aftësive dhe njësitë e vetëqeverisjes vendore.',
    },
  ),
  nap(
    'AL',
    '3.1',
    {
      en: 'Effective investigation and prosecution, including financial investigations',
      sq: 'Hetimi dhe ndjekja penale efektive, përfshirë hetimet financiare',
    },
    {
      en: 'Strengthen proactive and financial investigations of trafficking cases by the State Police and prosecution offices, and the seizure and confiscation of criminal assets.',
      sq: 'Forcimi i hetimeve proaktive dhe financiare të rasteve të trafikimit nga Policia e Shtetit dhe prokuroritë, si dhe i sekuestrimit dhe konfiskimit të pasurive kriminale.',
    },
  ),
  // Bosnia and Herzegovina: Strategy for Combating Trafficking in Human Beings in Bosnia and Herzegovina
  // and its action plan.
  nap(
    'BA',
    '1.1',
    {
      en: 'Strengthening regional monitoring teams for identification and referral',
      bs: 'Jačanje regionalnih monitoring timova za identifikaciju i upućivanje',
    },
    {
      en: 'Support the regional monitoring teams that bring together police, prosecutors, centres for social work, health and education institutions and NGOs, so that presumed victims are identified and referred consistently across the state, entities and Brčko District.',
      bs: 'Podržati regionalne monitoring timove koji okupljaju policiju, tužilaštva, centre za socijalni rad, zdravstvene i obrazovne ustanove i nevladine organizacije, kako bi pretpostavljene žrtve bile identifikovane i upućivane ujednačeno na nivou države, entiteta i Brčko distrikta.',
    },
  ),
  nap(
    'BA',
    '2.4',
    {
      en: 'Prevention of forced begging and child marriage',
      bs: 'Prevencija prisilnog prosjačenja i dječijih brakova',
    },
    {
      en: 'Address forced begging and child and forced marriage through social welfare outreach, co-operation with Roma organisations and school inclusion of children at risk.',
      bs: 'Suzbijati prisilno prosjačenje i dječije i prisilne brakove kroz terenski rad centara za socijalni rad, saradnju s romskim organizacijama i uključivanje djece u riziku u obrazovanje.',
    },
  ),
  nap(
    'BA',
    '3.2',
    {
      en: 'Harmonisation of criminal legislation on trafficking',
      bs: 'Usklađivanje krivičnog zakonodavstva o trgovini ljudima',
    },
    {
      en: 'Harmonise the trafficking offences of the criminal codes of Bosnia and Herzegovina, the Federation of BiH, Republika Srpska and Brčko District and the practice of courts and prosecutors at all levels.',
      bs: 'Uskladiti krivična djela trgovine ljudima u krivičnim zakonima Bosne i Hercegovine, Federacije BiH, Republike Srpske i Brčko distrikta, kao i praksu sudova i tužilaštava na svim nivoima.',
    },
  ),
  // Montenegro: Strategy for Combating Trafficking in Human Beings and its action plan.
  nap(
    'ME',
    '1.1',
    {
      en: 'Prevention among Roma and Egyptian communities, including forced marriages',
      cnr: 'Prevencija u romskoj i egipćanskoj zajednici, uključujući prinudne brakove',
    },
    {
      en: 'Carry out prevention activities on child and forced marriages and forced begging in Roma and Egyptian communities with community mediators, schools and centres for social work.',
      cnr: 'Sprovoditi preventivne aktivnosti u vezi s dječjim i prinudnim brakovima i prinudnim prosjačenjem u romskoj i egipćanskoj zajednici, uz učešće medijatora, škola i centara za socijalni rad.',
    },
  ),
  nap(
    'ME',
    '2.3',
    {
      en: 'Strengthening the Team for formal identification of victims',
      cnr: 'Jačanje Tima za formalnu identifikaciju žrtava',
    },
    {
      en: 'Ensure that the multi-agency team for formal identification of victims of trafficking meets promptly on every referral and includes civil society representatives.',
      cnr: 'Obezbijediti da se multiresorni tim za formalnu identifikaciju žrtava trgovine ljudima sastaje bez odlaganja po svakom upućivanju i da uključuje predstavnike civilnog društva.',
    },
  ),
  nap(
    'ME',
    '3.1',
    {
      en: 'Training of prosecutors and judges on trafficking cases',
      cnr: 'Obuka tužilaca i sudija za predmete trgovine ljudima',
    },
    {
      en: "Deliver regular training through the Centre for Training in Judiciary and State Prosecution on the legal qualification of trafficking, victims' rights and compensation.",
      cnr: 'Sprovoditi redovnu obuku preko Centra za obuku u sudstvu i državnom tužilaštvu o pravnoj kvalifikaciji trgovine ljudima, pravima žrtava i naknadi štete.',
    },
  ),
  // North Macedonia: National Strategy and Action Plan for Combating Trafficking in Human Beings and
  // Migrant Smuggling.
  nap(
    'MK',
    '1.2',
    {
      en: 'Prevention of trafficking in children through education',
      mk: 'Превенција на трговијата со деца преку образованието',
    },
    {
      en: 'Implement prevention programmes in primary and secondary schools, with particular attention to children from vulnerable groups and to online recruitment.',
      mk: 'Спроведување програми за превенција во основните и средните училишта, со посебно внимание на децата од ранливите групи и на регрутирањето преку интернет.',
    },
  ),
  nap(
    'MK',
    '2.1',
    {
      en: 'Strengthening the mobile teams for identification of victims',
      mk: 'Зајакнување на мобилните тимови за идентификација на жртви',
    },
    {
      en: 'Support the mobile teams of social workers, police and civil society that identify presumed victims in the field, and ensure their co-ordination within the National Referral Mechanism.',
      mk: 'Поддршка на мобилните тимови составени од социјални работници, полиција и граѓанско општество кои ги идентификуваат претпоставените жртви на терен и обезбедување на нивна координација во рамките на Националниот механизам за упатување.',
    },
  ),
  nap(
    'MK',
    '3.4',
    {
      en: 'Access of victims to compensation',
      mk: 'Пристап на жртвите до надомест на штета',
    },
    {
      en: 'Improve the adjudication of compensation claims within criminal proceedings and the access of trafficking victims to state compensation for victims of violent crime.',
      mk: 'Подобрување на одлучувањето по имотноправните барања во кривичната постапка и на пристапот на жртвите на трговија со луѓе до државен надомест за жртви на насилни кривични дела.',
    },
  ),
];
