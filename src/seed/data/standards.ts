/**
 * International and national standards the indicators are measured against.
 *
 * International instruments: Council of Europe Convention on Action against Trafficking in Human Beings
 * (CETS No. 197, 2005), Directive 2011/36/EU as amended by Directive (EU) 2024/1712, and the UN Protocol to
 * Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children (Palermo Protocol, 2000).
 * Summaries paraphrase the provisions; they are not the authentic text.
 */
import type { SeedStandard } from './types';
import { nationalActionPlanMeasures } from './standards-national';

const coe = (article: number, title: SeedStandard['title'], summary: string): SeedStandard => ({
  key: `coe-${article}`,
  instrument: 'COE_CONVENTION',
  reference: `Art. ${article}`,
  title,
  summary: { en: summary },
});

const eu = (article: string, title: SeedStandard['title'], summary: string): SeedStandard => ({
  key: `eu-${article}`,
  instrument: 'EU_DIRECTIVE_2011_36',
  reference: `Art. ${article}`,
  title,
  summary: { en: summary },
});

const palermo = (article: number, title: SeedStandard['title'], summary: string): SeedStandard => ({
  key: `palermo-${article}`,
  instrument: 'PALERMO_PROTOCOL',
  reference: `Art. ${article}`,
  title,
  summary: { en: summary },
});

const coeStandards: SeedStandard[] = [
  coe(
    4,
    { en: 'Definitions', 'sr-Latn': 'Definicije' },
    'Defines trafficking in human beings by its action (recruitment, transportation, transfer, harbouring or receipt), means (threat, force, coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, payments) and purpose of exploitation; consent is irrelevant where any of the means is used, no means are required where the victim is a child (under 18), and a "victim" is any natural person subject to trafficking.',
  ),
  coe(
    5,
    { en: 'Prevention of trafficking in human beings', 'sr-Latn': 'Prevencija trgovine ljudima' },
    'Requires co-ordinated prevention policies, including research, information, awareness-raising and education campaigns, social and economic initiatives for persons vulnerable to trafficking, measures enabling legal migration and a safe environment for children, applying a human-rights-based, gender-sensitive and child-sensitive approach and involving NGOs and civil society.',
  ),
  coe(
    6,
    { en: 'Measures to discourage the demand', 'sr-Latn': 'Mere za obeshrabrivanje potražnje' },
    'Requires legislative, administrative, educational, social and cultural measures to discourage the demand that fosters all forms of exploitation, including research on best practice, awareness of the role of the media and civil society, targeted information campaigns and education of girls and boys in schools.',
  ),
  coe(
    7,
    { en: 'Border measures', 'sr-Latn': 'Mere na granici' },
    'Requires parties to strengthen border controls as necessary to prevent and detect trafficking, to prevent commercial carriers from being used by traffickers, and to strengthen co-operation between border control agencies.',
  ),
  coe(
    10,
    { en: 'Identification of the victims', 'sr-Latn': 'Identifikacija žrtava' },
    'Requires competent authorities with persons trained and qualified to identify and help victims, collaboration between authorities and support organisations, and that a person with reasonable grounds to be considered a victim is not removed until identification is completed; a presumed child is treated as a child, and an unaccompanied child victim is given a legal guardian and his or her identity, nationality and family are established.',
  ),
  coe(
    11,
    { en: 'Protection of private life', 'sr-Latn': 'Zaštita privatnog života' },
    "Requires protection of victims' private life and identity, storage and use of personal data in line with Convention ETS No. 108, a ban on public disclosure of the identity of child victims except in exceptional circumstances, and encourages media self-regulation.",
  ),
  coe(
    12,
    { en: 'Assistance to victims', 'sr-Latn': 'Pomoć žrtvama' },
    'Requires assistance for physical, psychological and social recovery: appropriate and secure accommodation, psychological and material assistance, emergency medical treatment, translation and interpretation, counselling and information in a language victims understand, assistance during criminal proceedings and access to education for children; assistance must not be conditional on willingness to act as a witness, is given on a consensual and informed basis, and is provided in co-operation with NGOs.',
  ),
  coe(
    13,
    { en: 'Recovery and reflection period', 'sr-Latn': 'Period za oporavak i razmišljanje' },
    'Requires a recovery and reflection period of at least 30 days when there are reasonable grounds to believe that a person is a victim, during which no expulsion order may be enforced and the person is entitled to the assistance measures of Article 12(1) and (2).',
  ),
  coe(
    14,
    { en: 'Residence permit', 'sr-Latn': 'Dozvola boravka' },
    'Requires a renewable residence permit for victims where the competent authority considers their stay necessary owing to their personal situation and/or for the purpose of their co-operation in investigation or criminal proceedings; residence permits for child victims are issued in accordance with the best interests of the child.',
  ),
  coe(
    15,
    { en: 'Compensation and legal redress', 'sr-Latn': 'Naknada štete i pravna zaštita' },
    'Requires access to information on relevant judicial and administrative proceedings in a language victims understand, the right to legal assistance and free legal aid, the right to compensation from the perpetrators, and measures to guarantee compensation, for instance through a fund or programmes for social assistance and reintegration that may be financed from confiscated assets.',
  ),
  coe(
    16,
    { en: 'Repatriation and return of victims', 'sr-Latn': 'Repatrijacija i povratak žrtava' },
    "Requires that return takes place with due regard for the rights, safety and dignity of the person, preferably voluntarily, with verification of nationality or residence, issuance of travel documents, reintegration programmes and information on available assistance; child victims are not returned where a risk and security assessment indicates that return is not in the child's best interests.",
  ),
  coe(
    18,
    { en: 'Criminalisation of trafficking in human beings', 'sr-Latn': 'Inkriminisanje trgovine ljudima' },
    'Requires parties to establish as criminal offences the conduct contained in Article 4 when committed intentionally.',
  ),
  coe(
    19,
    {
      en: 'Criminalisation of the use of services of a victim',
      'sr-Latn': 'Inkriminisanje korišćenja usluga žrtve',
    },
    'Requires parties to consider making it a criminal offence to use services which are the object of exploitation with the knowledge that the person is a victim of trafficking in human beings.',
  ),
  coe(
    22,
    { en: 'Corporate liability', 'sr-Latn': 'Odgovornost pravnih lica' },
    'Requires that legal persons can be held liable for trafficking offences committed for their benefit by a person in a leading position, or made possible by lack of supervision or control, without prejudice to the liability of the natural persons involved.',
  ),
  coe(
    23,
    { en: 'Sanctions and measures', 'sr-Latn': 'Sankcije i mere' },
    'Requires effective, proportionate and dissuasive sanctions, including penalties involving deprivation of liberty that can give rise to extradition, sanctions for legal persons, confiscation of instrumentalities and proceeds, and the temporary or permanent closure of establishments used to carry out trafficking.',
  ),
  coe(
    24,
    { en: 'Aggravating circumstances', 'sr-Latn': 'Otežavajuće okolnosti' },
    "Requires that it is regarded as aggravating when the offence deliberately or by gross negligence endangered the victim's life, was committed against a child, was committed by a public official in the performance of duties, or was committed within a criminal organisation.",
  ),
  coe(
    26,
    { en: 'Non-punishment provision', 'sr-Latn': 'Odredba o nekažnjavanju' },
    'Requires parties to provide for the possibility of not imposing penalties on victims for their involvement in unlawful activities, to the extent that they have been compelled to do so.',
  ),
  coe(
    27,
    { en: 'Ex parte and ex officio applications', 'sr-Latn': 'Postupanje po službenoj dužnosti' },
    'Requires that investigations or prosecution of trafficking offences do not depend on a report or accusation made by the victim, allows victims to complain in their state of residence, and enables NGOs and associations to assist and support victims during criminal proceedings.',
  ),
  coe(
    28,
    {
      en: 'Protection of victims, witnesses and collaborators with the judicial authorities',
      'sr-Latn': 'Zaštita žrtava, svedoka i saradnika pravosuđa',
    },
    'Requires effective and appropriate protection from potential retaliation or intimidation during and after investigation and prosecution, for victims, witnesses, collaborators with the judicial authorities and their families, including physical protection, relocation, identity change and help in obtaining jobs, with special protection for children; protection also extends to members of NGOs assisting victims.',
  ),
  coe(
    29,
    {
      en: 'Specialised authorities and co-ordinating bodies',
      'sr-Latn': 'Specijalizovani organi i koordinaciona tela',
    },
    'Requires specialisation of persons or entities in combating trafficking and protecting victims, with the necessary independence and resources; co-ordination of national policy through co-ordinating bodies; training of relevant officials; and consideration of national rapporteurs or other mechanisms to monitor anti-trafficking activities of state institutions.',
  ),
  coe(
    30,
    { en: 'Court proceedings', 'sr-Latn': 'Sudski postupak' },
    "Requires that, in judicial proceedings, the victim's private life and, where appropriate, identity and safety are protected and that child victims receive special protection measures, using for instance non-public hearings, audiovisual technology, recordings of testimony and anonymous testimony, in line with the European Convention on Human Rights.",
  ),
  coe(
    32,
    {
      en: 'General principles and measures for international co-operation',
      'sr-Latn': 'Opšta načela i mere međunarodne saradnje',
    },
    'Requires parties to co-operate with each other to the widest extent possible to prevent and combat trafficking, to protect and assist victims, and to investigate and prosecute trafficking offences.',
  ),
  coe(
    35,
    { en: 'Co-operation with civil society', 'sr-Latn': 'Saradnja sa civilnim društvom' },
    'Requires parties to encourage state authorities and public officials to co-operate with NGOs, other relevant organisations and members of civil society in establishing strategic partnerships to achieve the purpose of the Convention.',
  ),
  coe(
    36,
    {
      en: 'Group of Experts on Action against Trafficking in Human Beings (GRETA)',
      'sr-Latn': 'Grupa eksperata za borbu protiv trgovine ljudima (GRETA)',
    },
    'Establishes GRETA, which monitors implementation of the Convention by the parties in evaluation rounds; its reports and the recommendations of the Committee of the Parties are followed up by the parties.',
  ),
];

const euStandards: SeedStandard[] = [
  eu(
    '2',
    { en: 'Offences concerning trafficking in human beings', 'sr-Latn': 'Krivična dela trgovine ljudima' },
    'Requires criminalisation of the recruitment, transportation, transfer, harbouring or reception of persons by coercive or deceptive means for the purpose of exploitation; exploitation includes, as a minimum, sexual exploitation, forced labour or services including begging, slavery, servitude, exploitation of criminal activities and removal of organs and, since Directive (EU) 2024/1712, exploitation of surrogacy, forced marriage and illegal adoption; consent is irrelevant where the means are used, and no means are required for child victims.',
  ),
  eu(
    '4',
    { en: 'Penalties', 'sr-Latn': 'Kazne' },
    'Requires a maximum penalty of at least five years of imprisonment, and at least ten years where the offence was committed against a particularly vulnerable victim (including a child), within a criminal organisation, deliberately or by gross negligence endangered life, or involved serious violence or harm; commission by a public official is an aggravating circumstance, and Directive (EU) 2024/1712 adds the dissemination, by means of ICT, of images or videos of a sexual nature involving the victim.',
  ),
  eu(
    '5',
    { en: 'Liability of legal persons', 'sr-Latn': 'Odgovornost pravnih lica' },
    'Requires that legal persons can be held liable for trafficking offences committed for their benefit by a person in a leading position, or made possible by lack of supervision or control by such a person.',
  ),
  eu(
    '6',
    { en: 'Sanctions on legal persons', 'sr-Latn': 'Sankcije za pravna lica' },
    'Requires effective, proportionate and dissuasive sanctions for legal persons, including fines and, as strengthened by Directive (EU) 2024/1712, measures such as exclusion from public benefits, aid, subsidies and tender procedures, withdrawal of permits and authorisations, judicial supervision, winding-up and closure of establishments.',
  ),
  eu(
    '7',
    { en: 'Seizure and confiscation', 'sr-Latn': 'Privremeno oduzimanje i konfiskacija' },
    'Requires competent authorities to be entitled to seize and confiscate instrumentalities and proceeds of trafficking offences.',
  ),
  eu(
    '8',
    {
      en: 'Non-prosecution or non-application of penalties to the victim',
      'sr-Latn': 'Nekažnjavanje i negonjenje žrtve',
    },
    'Requires that competent national authorities are entitled not to prosecute or impose penalties on victims for their involvement in criminal activities which they have been compelled to commit as a direct consequence of being subjected to trafficking.',
  ),
  eu(
    '9',
    { en: 'Investigation and prosecution', 'sr-Latn': 'Istraga i krivično gonjenje' },
    'Requires that investigation and prosecution do not depend on a report or accusation by the victim and may continue if the victim withdraws a statement, that child cases can be prosecuted for a sufficient period after the victim reaches majority, that investigators and prosecutors are trained, and that effective investigative tools such as those used in organised crime cases are available.',
  ),
  eu(
    '11',
    {
      en: 'Assistance and support for victims of trafficking in human beings',
      'sr-Latn': 'Pomoć i podrška žrtvama trgovine ljudima',
    },
    "Requires assistance and support before, during and after criminal proceedings as soon as there are reasonable-grounds indications, not conditional on the victim's willingness to co-operate, on a consensual and informed basis, including appropriate and safe accommodation, material assistance, medical and psychological treatment, counselling, information and interpretation; as amended by Directive (EU) 2024/1712, formal national referral mechanisms must be established by law or regulation, with a national focal point for the referral of victims.",
  ),
  eu(
    '12',
    {
      en: 'Protection of victims in criminal investigation and proceedings',
      'sr-Latn': 'Zaštita žrtava u istrazi i krivičnom postupku',
    },
    'Requires access without delay to legal counselling and free legal representation where the victim lacks resources, appropriate protection based on an individual risk assessment including witness protection programmes, and measures to avoid secondary victimisation such as unnecessary repetition of interviews, visual contact with defendants, testimony in open court and unnecessary questioning about private life.',
  ),
  eu(
    '13',
    {
      en: 'General provisions on assistance, support and protection measures for child victims',
      'sr-Latn': 'Opšte odredbe o pomoći, podršci i zaštiti dece žrtava',
    },
    "Requires that child victims are provided with assistance, support and protection in which the child's best interests are a primary consideration, and that a person whose age is uncertain and who may be a child is presumed to be a child and given immediate access to assistance.",
  ),
  eu(
    '14',
    { en: 'Assistance and support to child victims', 'sr-Latn': 'Pomoć i podrška deci žrtvama' },
    "Requires specific actions to assist and support child victims in the short and long term, taken after an individual assessment of each child's circumstances and views, access to education, and appointment of a guardian or representative where holders of parental responsibility are precluded from ensuring the child's best interests.",
  ),
  eu(
    '15',
    {
      en: 'Protection of child victims in criminal investigations and proceedings',
      'sr-Latn': 'Zaštita dece žrtava u istrazi i krivičnom postupku',
    },
    'Requires the appointment of a representative where needed, free legal counselling and representation, and child-adapted interviews without unjustified delay, in premises designed for the purpose, by trained professionals, as few as possible, with audiovisual recording usable as evidence and hearings that may take place without the public.',
  ),
  eu(
    '16',
    {
      en: 'Assistance, support and protection for unaccompanied child victims',
      'sr-Latn': 'Pomoć, podrška i zaštita dece žrtava bez pratnje',
    },
    "Requires that the specific situation of unaccompanied child victims is taken into account, that measures aim at a durable solution based on an individual assessment of the child's best interests, and that a guardian is appointed.",
  ),
  eu(
    '17',
    { en: 'Compensation to victims', 'sr-Latn': 'Naknada štete žrtvama' },
    'Requires that victims of trafficking have access to existing schemes of compensation to victims of violent crimes of intent.',
  ),
  eu(
    '18',
    { en: 'Prevention', 'sr-Latn': 'Prevencija' },
    'Requires measures such as education and training to discourage and reduce the demand that fosters exploitation, information and awareness-raising campaigns, research and education programmes, where appropriate in co-operation with civil society, and regular training for officials likely to come into contact with victims; Directive (EU) 2024/1712 strengthens prevention, including with regard to online recruitment.',
  ),
  eu(
    '18a',
    {
      en: 'Use of services of a victim with knowledge of the exploitation',
      'sr-Latn': 'Korišćenje usluga žrtve uz znanje o eksploataciji',
    },
    'Inserted by Directive (EU) 2024/1712: requires criminalisation of the knowing use of services which are the objects of exploitation, where the user knows that the person is a victim of a trafficking offence.',
  ),
  eu(
    '19',
    {
      en: 'National rapporteurs or equivalent mechanisms',
      'sr-Latn': 'Nacionalni izvestioci ili ekvivalentni mehanizmi',
    },
    'Requires the establishment of national rapporteurs or equivalent mechanisms whose tasks include assessing trends in trafficking, measuring the results of anti-trafficking actions, including gathering statistics in close co-operation with civil society organisations, and reporting.',
  ),
  eu(
    '20',
    {
      en: 'Coordination of the Union strategy against trafficking in human beings',
      'sr-Latn': 'Koordinacija strategije Unije protiv trgovine ljudima',
    },
    "Requires Member States to transmit to the EU Anti-Trafficking Coordinator the information referred to in Article 19, on the basis of which the Coordinator contributes to the Commission's regular report on progress made in the fight against trafficking.",
  ),
];

const palermoStandards: SeedStandard[] = [
  palermo(
    2,
    { en: 'Statement of purpose', 'sr-Latn': 'Svrha Protokola' },
    'Sets the purposes of the Protocol: to prevent and combat trafficking in persons, paying particular attention to women and children; to protect and assist victims with full respect for their human rights; and to promote co-operation among States Parties.',
  ),
  palermo(
    3,
    { en: 'Use of terms', 'sr-Latn': 'Upotreba izraza' },
    'Defines trafficking in persons through action, means and purpose of exploitation, which includes at a minimum the exploitation of the prostitution of others or other forms of sexual exploitation, forced labour or services, slavery or similar practices, servitude and removal of organs; consent is irrelevant where the means are used, and the recruitment or transport of a child (under 18) for exploitation is trafficking even without any of the means.',
  ),
  palermo(
    5,
    { en: 'Criminalization', 'sr-Latn': 'Inkriminisanje' },
    'Requires criminalisation of the conduct set out in Article 3 when committed intentionally, as well as attempt, participation as an accomplice, and organising or directing other persons to commit the offence.',
  ),
  palermo(
    6,
    {
      en: 'Assistance to and protection of victims of trafficking in persons',
      'sr-Latn': 'Pomoć i zaštita žrtava trgovine ljudima',
    },
    "Requires protection of victims' privacy and identity, information on court and administrative proceedings, consideration of measures for physical, psychological and social recovery (housing, counselling, medical and material assistance, employment, educational and training opportunities) in co-operation with NGOs, attention to the special needs of children, physical safety, and the possibility of obtaining compensation.",
  ),
  palermo(
    7,
    {
      en: 'Status of victims of trafficking in persons in receiving States',
      'sr-Latn': 'Status žrtava trgovine ljudima u državama prijema',
    },
    'Requires States Parties to consider legislative or other measures that permit victims to remain in their territory, temporarily or permanently, in appropriate cases, giving appropriate consideration to humanitarian and compassionate factors.',
  ),
  palermo(
    8,
    {
      en: 'Repatriation of victims of trafficking in persons',
      'sr-Latn': 'Repatrijacija žrtava trgovine ljudima',
    },
    'Requires the state of nationality or permanent residence to facilitate and accept the return of victims without undue or unreasonable delay and with due regard for their safety; return shall preferably be voluntary, and states verify nationality and issue travel documents.',
  ),
  palermo(
    9,
    { en: 'Prevention of trafficking in persons', 'sr-Latn': 'Prevencija trgovine ljudima' },
    'Requires comprehensive policies and programmes to prevent trafficking and protect victims from revictimisation, including research, information and mass-media campaigns and social and economic initiatives, in co-operation with NGOs; measures to alleviate poverty, underdevelopment and lack of equal opportunity; and measures to discourage the demand that fosters exploitation, especially of women and children.',
  ),
  palermo(
    10,
    { en: 'Information exchange and training', 'sr-Latn': 'Razmena informacija i obuka' },
    'Requires co-operation and information exchange among law enforcement, immigration and other authorities, and training for law enforcement, immigration and other relevant officials on prevention, prosecution and protection of victims, taking into account human rights and child- and gender-sensitive issues and encouraging co-operation with NGOs.',
  ),
  palermo(
    11,
    { en: 'Border measures', 'sr-Latn': 'Mere na granici' },
    'Requires States Parties to strengthen border controls as far as possible to prevent and detect trafficking, to prevent commercial carriers from being used by traffickers, and to strengthen co-operation between border control agencies.',
  ),
  palermo(
    12,
    { en: 'Security and control of documents', 'sr-Latn': 'Bezbednost i kontrola dokumenata' },
    'Requires measures to ensure that travel or identity documents are of such quality that they cannot easily be misused, falsified, altered, replicated or issued unlawfully, and to ensure their integrity and security.',
  ),
  palermo(
    13,
    { en: 'Legitimacy and validity of documents', 'sr-Latn': 'Legitimnost i važenje dokumenata' },
    'Requires a State Party, at the request of another, to verify within a reasonable time the legitimacy and validity of travel or identity documents issued or purported to have been issued in its name and suspected of being used for trafficking.',
  ),
];

export const standards: SeedStandard[] = [
  ...coeStandards,
  ...euStandards,
  ...palermoStandards,
  ...nationalActionPlanMeasures,
];
