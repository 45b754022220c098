import { LOCALE_TAGS, type I18nText, type LocaleTag } from '../../common/i18n';
import { BreakdownCategory } from './breakdown.types';

/**
 * The officially assigned ISO 3166-1 alpha-2 codes, and XK, the code in common use for Kosovo (user-assigned in
 * the standard, used by the European Union and the Council of Europe). A fixed list, not Intl's: Intl also names
 * codes that are no country (EU, UN, ZZ).
 */
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
  'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
  'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
  'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

export const isCountryCategory = (code: string) => COUNTRY_CODES.has(code);

/**
 * The category of a dimension that takes countries which the countries' codes split up (`foreign` of
 * citizenship): one breakdown names it or the countries, never both, and a table by country leaves it out.
 */
export const SPLIT_BY_COUNTRIES = 'foreign';

/** Montenegrin is not a locale of ICU; its Latin-script Serbian of Montenegro names countries as Montenegro does. */
const INTL_LOCALE: Record<LocaleTag, string> = {
  en: 'en',
  sq: 'sq',
  bs: 'bs',
  hr: 'hr',
  cnr: 'sr-Latn-ME',
  mk: 'mk',
  'sr-Latn': 'sr-Latn',
  'sr-Cyrl': 'sr-Cyrl',
};

const names = new Map<string, I18nText>();

/**
 * A country's name in every locale, from the ICU data Node carries (no network): a Node built without them
 * names the country by its code.
 */
export function countryName(code: string): I18nText {
  let name = names.get(code);
  if (!name) {
    const entries = LOCALE_TAGS.map((tag) => {
      let text: string | undefined;
      try {
        text = new Intl.DisplayNames([INTL_LOCALE[tag]], { type: 'region', fallback: 'none' }).of(code);
      } catch {
        text = undefined;
      }
      return [tag, text ?? code] as const;
    });
    name = Object.fromEntries(entries) as I18nText;
    names.set(code, name);
  }
  return name;
}

/** The category of a dimension that takes countries for a country's code. */
export function countryCategory(dimensionCode: string, code: string): BreakdownCategory {
  return Object.assign(new BreakdownCategory(), {
    dimensionCode,
    code,
    titleText: countryName(code),
    unknown: false,
  });
}
