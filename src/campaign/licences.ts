// Licences a results page's open data may carry (campaign format: results page `licence`), as
// DCAT-AP.de names them: the identifiers of the GovData licence list map to the URIs of
// http://dcat-ap.de/def/licenses/, which open-data portals harvest. A URL is taken as it is.
// Shared by the campaign check (an unknown identifier is an error) and the site's open data.

export interface Licence {
  /** What `licence` in campaign.json says. */
  id: string;
  /** DCAT-AP.de licence URI (dct:license). */
  uri: string;
  /** Full name, as the download list names it. */
  name: string;
  /** Where people read the licence. */
  url: string;
  /** The licence asks users to name the source (dcatde:licenseAttributionByText). */
  attribution: boolean;
}

const KNOWN: Omit<Licence, "id">[] = [
  { uri: "http://dcat-ap.de/def/licenses/dl-by-de/2.0", name: "Datenlizenz Deutschland – Namensnennung – Version 2.0", url: "https://www.govdata.de/dl-de/by-2-0", attribution: true },
  { uri: "http://dcat-ap.de/def/licenses/dl-zero-de/2.0", name: "Datenlizenz Deutschland – Zero – Version 2.0", url: "https://www.govdata.de/dl-de/zero-2-0", attribution: false },
  { uri: "http://dcat-ap.de/def/licenses/cc-by/4.0", name: "Creative Commons Namensnennung 4.0 International (CC BY 4.0)", url: "https://creativecommons.org/licenses/by/4.0/deed.de", attribution: true },
  { uri: "http://dcat-ap.de/def/licenses/cc-zero", name: "Creative Commons CC0 1.0 Universell", url: "https://creativecommons.org/publicdomain/zero/1.0/deed.de", attribution: false },
  { uri: "http://dcat-ap.de/def/licenses/odbl", name: "Open Data Commons Open Database License (ODbL)", url: "https://opendatacommons.org/licenses/odbl/1-0/", attribution: true },
];

/** GovData's identifiers (and the short forms of the DCAT-AP.de URIs) for the licences above. */
const ALIASES: Record<string, string> = {
  "dl-de/by-2-0": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
  "dl-by-de/2.0": "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
  "dl-de/zero-2-0": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
  "dl-zero-de/2.0": "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
  "cc-by-4.0": "http://dcat-ap.de/def/licenses/cc-by/4.0",
  "cc-by/4.0": "http://dcat-ap.de/def/licenses/cc-by/4.0",
  "cc-zero": "http://dcat-ap.de/def/licenses/cc-zero",
  odbl: "http://dcat-ap.de/def/licenses/odbl",
};

/** The identifiers `licence` accepts besides a URL, for error messages. */
export const LICENCE_IDS = Object.keys(ALIASES);

/** The licence `licence` names, or undefined for an identifier nobody knows (a URL is always known). */
export function licenceOf(licence: string): Licence | undefined {
  const uri = ALIASES[licence] ?? (/^https?:\/\//.test(licence) ? licence : undefined);
  if (!uri) return undefined;
  const known = KNOWN.find((k) => k.uri === uri);
  return { id: licence, ...(known ?? { uri, name: uri, url: uri, attribution: true }) };
}
